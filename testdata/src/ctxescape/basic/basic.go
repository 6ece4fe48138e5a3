// Package basic keeps the invocation's context in package state, next to
// look-alikes that keep another context or keep it only for the invocation.
package basic

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"golang.org/x/sync/errgroup"
)

type Event struct{ ID string }

type job struct {
	id  string
	ctx context.Context
}

type Service struct{ ctx context.Context }

func (s *Service) run() error { return s.ctx.Err() }

type state struct {
	ctx  context.Context
	byID map[string]context.Context
}

var (
	current  context.Context
	saved    context.Context
	timed    context.Context
	grouped  context.Context
	pending  []context.Context
	jobs     []job
	byID     = map[string]context.Context{}
	inflight = map[string]context.Context{}
	st       state
	cache    sync.Map
	value    atomic.Value
	work     = make(chan job, 16)
	calls    = make(chan job)
	svc      *Service
	once     sync.Once
	first    context.Context
	base     context.Context
	detached context.Context
	bg       context.Context
	guarded  context.Context
	ignored  context.Context
)

func handler(ctx context.Context, e Event) error {
	current = ctx                       // want `the invocation's ctx is stored in package variable current, which outlives the invocation: Lambda cancels it when the handler returns, so later uses fail with context.Canceled; pass ctx down as a parameter instead, or keep context.WithoutCancel\(ctx\) for work that must outlive the call`
	pending = append(pending, ctx)      // want `stored in package variable pending`
	jobs = append(jobs, job{e.ID, ctx}) // want `stored in package variable jobs`
	byID[e.ID] = ctx                    // want `stored in package variable byID`
	st.ctx = ctx                        // want `stored in package variable st.ctx`
	st.byID[e.ID] = ctx                 // want `stored in package variable st.byID`
	cache.Store(e.ID, ctx)              // want `stored in package variable cache`
	value.Store(ctx)                    // want `stored in package variable value`
	work <- job{id: e.ID, ctx: ctx}     // want `the invocation's ctx is sent on package channel work to code that outlives the invocation`
	svc = &Service{ctx: ctx}            // want `stored in package variable svc`
	once.Do(func() { first = ctx })     // want `stored in package variable first`
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	timed = tctx // want `stored in package variable timed`
	_, gctx := errgroup.WithContext(tctx)
	grouped = gctx          // want `stored in package variable grouped`
	saved = withLogger(ctx) // want `stored in package variable saved`
	j := job{id: e.ID, ctx: ctx}
	jobs = append(jobs, j) // want `stored in package variable jobs`
	go func() {
		grouped = ctx // want `stored in package variable grouped`
	}()

	//lambdalint:ignore ctxescape kept on purpose for the test
	ignored = ctx

	// Look-alikes.
	local := &Service{ctx: ctx} // a struct of the invocation
	if err := local.run(); err != nil {
		return err
	}
	var mine context.Context = ctx
	_ = mine
	bg = context.Background()             // not the invocation's context
	detached = context.WithoutCancel(ctx) // not cancelled with it
	base = detach(ctx)                    // a helper that detaches
	inflight[e.ID] = ctx                  // dropped before returning
	defer delete(inflight, e.ID)
	if err := call(ctx, e.ID); err != nil {
		return err
	}
	go func() {
		ctx := context.Background() // the goroutine's own context
		guarded = ctx
	}()
	go func(ctx context.Context) {
		guarded = ctx // given a context of its own
	}(context.Background())
	process(job{id: e.ID, ctx: ctx}) // a struct passed down, not kept
	remember(context.WithoutCancel(ctx))
	return nil
}

// call hands work to a worker of the process and waits for its answer.
func call(ctx context.Context, id string) error {
	reply := make(chan error)
	calls <- job{id: id, ctx: ctx}
	return <-reply
}

// withLogger derives from its context: what it returns is cancelled with it.
func withLogger(ctx context.Context) context.Context {
	return context.WithValue(ctx, loggerKey{}, "logger")
}

type loggerKey struct{}

// detach returns a context that the invocation's end does not cancel.
func detach(ctx context.Context) context.Context {
	return context.WithoutCancel(ctx)
}

// process uses the context of the job it is given.
func process(j job) { _ = j.ctx.Err() }

// remember keeps the context it is given; the handler gives it one that
// is not cancelled.
func remember(ctx context.Context) { saved = ctx }

// setCurrent keeps its context, but no handler reaches it.
func setCurrent(ctx context.Context) { current = ctx }

// guard replaces a nil context: still the invocation's otherwise.
func guard(ctx context.Context) {
	if ctx == nil {
		ctx = context.Background()
	}
	guarded = ctx // want `stored in package variable guarded, .* \(handler2 → guard → guarded\)`
}

// reset keeps the context for the invocation only.
func reset(ctx context.Context) {
	current = ctx
	defer func() { current = nil }()
}

func handler2(ctx context.Context, e Event) error {
	guard(ctx)
	reset(ctx)
	return nil
}

func handler3(ctx context.Context, e Event) error {
	ctx = context.WithoutCancel(ctx)
	current = ctx // ctx is no longer the invocation's
	return nil
}

func init() {
	current = context.Background()
}

func main() {
	ctx := context.Background()
	current = ctx
	setCurrent(ctx)
	lambda.Start(handler)
	lambda.Start(handler2)
	lambda.Start(handler3)
}
