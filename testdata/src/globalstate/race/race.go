// Package race has package state written from goroutines that a handler
// starts, next to look-alikes that are synchronised.
package race

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"golang.org/x/sync/errgroup"
)

type Event struct{ Items []string }

type Client struct{}

func newClient() *Client { return &Client{} }

var (
	processed   int
	mu          sync.Mutex
	rw          sync.RWMutex
	guarded     int
	afterUnlock int
	deferred    int
	counter     atomic.Int64
	legacy      int64
	shared      sync.Map
	results     = make(chan string, 16)
	requests    int
	workerHits  int
	calledHits  int
	lockedHits  int
	syncHits    int
	groupHits   int
	wgHits      int
	ignored     int
	stats       struct{ last string }
	client      *Client
	mainOnly    int
	pollHits    int
	timerHits   int
	groupFunc   int
	sorted      int
	log         []string
	perKey      = map[string]int{}
	slots       = make([]int, 64)
	unreachable int
)

func handler(ctx context.Context, e Event) error {
	requests++ // a metric in the handler itself: one invocation at a time
	var wg sync.WaitGroup
	for i, item := range e.Items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			processed++         // want `processed is written from a goroutine without a lock: concurrent writes race \(and under Lambda Managed Instances invocations run concurrently in one process\); guard it with a sync.Mutex or use sync/atomic`
			stats.last = "done" // want `stats.last is written from a goroutine without a lock`

			mu.Lock()
			guarded++
			mu.Unlock()
			afterUnlock++ // want `afterUnlock is written from a goroutine without a lock`

			counter.Add(1)
			atomic.AddInt64(&legacy, 1)
			shared.Store(item, true)
			results <- item

			processed := 0 // a local that shadows the global
			processed++

			if client == nil {
				client = newClient()
			}

			//lambdalint:ignore globalstate an approximate count is fine here
			ignored++

			called()

			log = append(log, item) // want `log is written from a goroutine without a lock` `log grows on every invocation and is never reset`
			perKey[item]++          // want `perKey is written from a goroutine without a lock`
			slots[i] = 1            // each goroutine its own element

			mu.Lock()
			sortItems(e.Items, func(a, b string) bool {
				sorted++ // runs under the lock taken around it
				return a < b
			})
			mu.Unlock()

			mu.Lock()
			locked()
			mu.Unlock()
		}()
	}
	wg.Wait()
	synchronous()
	go worker()
	p := &poller{}
	go p.run()

	g, _ := errgroup.WithContext(ctx)
	g.Go(func() error {
		groupHits += 2 // want `groupHits is written from a goroutine without a lock`
		return nil
	})
	g.Go(func() error {
		mu.Lock()
		defer mu.Unlock()
		deferred++
		return nil
	})
	g.Go(func() error {
		rw.Lock()
		defer rw.Unlock()
		deferred--
		return nil
	})
	g.Go(groupWorker)
	wg.Go(func() {
		wgHits = 1 // want `wgHits is written from a goroutine without a lock`
	})
	time.AfterFunc(time.Second, func() {
		timerHits++ // want `timerHits is written from a goroutine without a lock`
	})
	wg.Wait()
	return g.Wait()
}

func worker() {
	workerHits++ // want `workerHits is written from a goroutine without a lock: .* \(handler → worker → workerHits\)`
}

type poller struct{}

func (p *poller) run() { // want run:`summary\(pollHits\)`
	pollHits++ // want `pollHits is written from a goroutine without a lock: .* \(handler → poller.run → pollHits\)`
}

func groupWorker() error {
	groupFunc++ // want `groupFunc is written from a goroutine without a lock: .* \(handler → groupWorker → groupFunc\)`
	return nil
}

func sortItems(items []string, less func(a, b string) bool) {}

func called() {
	calledHits++ // want `calledHits is written from a goroutine without a lock: .* \(handler → called → calledHits\)`
}

func locked() {
	lockedHits++ // called with mu held
}

func synchronous() {
	syncHits++ // not in a goroutine
}

func notReached() {
	go func() { unreachable++ }()
}

func main() {
	go func() { mainOnly++ }()
	lambda.Start(handler)
}
