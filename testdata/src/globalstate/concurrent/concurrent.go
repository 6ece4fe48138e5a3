// Package concurrent runs on Lambda Managed Instances (multi-concurrency
// mode is on): every unsynchronised write to package state
// from handler code races with the other invocations in the process.
package concurrent

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ ID, Body string }

type Client struct{}

func newClient() *Client { return &Client{} }

var (
	requests  int
	lastRun   time.Time
	seen      = map[string]bool{}
	sessions  = map[string]string{}
	client    *Client
	lastBody  string
	mu        sync.Mutex
	guarded   int
	helped    int
	viaLocked int
	hits      atomic.Int64
	shared    sync.Map
	once      sync.Once
	onceVal   *Client
	initOnly  int
	mainOnly  int
	slots     = make([]int, 8)
	ignored   int
	memo      = map[string]*Client{}
)

func init() {
	initOnly = 1 // init runs once, before any invocation
}

func handler(ctx context.Context, e Event) error {
	requests++             // want `requests is written by handler code without a lock: with Lambda Managed Instances several invocations run at once`
	lastRun = time.Now()   // want `lastRun is written by handler code without a lock`
	seen[e.ID] = true      // want `seen is a map written by handler code without a lock: .* concurrent map writes crash it` `seen grows on every invocation`
	delete(sessions, e.ID) // want `sessions is a map written by handler code without a lock`
	slots[0] = 1           // want `slots is written by handler code without a lock`
	lastBody = e.Body      // want `lastBody holds per-request data`
	if client == nil {
		client = newClient() // want `client is initialised lazily without a lock: .* use sync.OnceValue`
	}
	if c, ok := memo[e.ID]; ok {
		_ = c
	} else {
		memo[e.ID] = newClient() // want `memo is a map written by handler code without a lock`
	}

	mu.Lock()
	guarded++ // look-alike: under the lock
	record()  // look-alike: what it writes is written under the caller's lock
	mu.Unlock()

	helper()

	hits.Add(1)                // look-alike: atomic
	shared.Store(e.ID, e.Body) // look-alike: sync.Map
	once.Do(func() {
		onceVal = newClient() // look-alike: sync.Once
	})

	//lambdalint:ignore globalstate one writer per process by deployment
	ignored++
	return nil
}

func record() {
	viaLocked++
}

func helper() {
	helped++ // want `helped is written by handler code without a lock: .* \(handler → helper → helped\)`
}

// notAHandler is never called by a handler.
func notAHandler() {
	requests++
}

func main() {
	mainOnly = 1 // look-alike: main runs once, before lambda.Start
	lambda.Start(handler)
	_ = notAHandler
}
