// Package basic exercises go statements in handler code.
package basic

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ IDs []string }

func send(ctx context.Context, id string) error { return nil }

// fireAndForget leaves its goroutines running.
func fireAndForget(ctx context.Context, e Event) error {
	for _, id := range e.IDs {
		go send(ctx, id) // want `goroutine may outlive the invocation: Lambda freezes the environment when the handler returns, so wait for it \(sync.WaitGroup, errgroup\) before returning`
	}
	go func() { // want `goroutine may outlive the invocation`
		_ = send(ctx, "done")
	}()
	return nil
}

// waitGroup waits: silent.
func waitGroup(ctx context.Context, e Event) error {
	var wg sync.WaitGroup
	for _, id := range e.IDs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = send(ctx, id)
		}()
	}
	wg.Wait()
	return nil
}

// deferredWait waits in a deferred call: silent.
func deferredWait(ctx context.Context, e Event) error {
	wg := new(sync.WaitGroup)
	defer wg.Wait()
	for _, id := range e.IDs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = send(ctx, id)
		}()
	}
	return nil
}

// addButNoWait counts its goroutines and never waits.
func addButNoWait(ctx context.Context, e Event) error {
	var wg sync.WaitGroup
	for _, id := range e.IDs {
		wg.Add(1)
		go func() { // want `goroutine may outlive the invocation`
			defer wg.Done()
			_ = send(ctx, id)
		}()
	}
	return nil
}

// waitBefore waits before starting the goroutine, not after.
func waitBefore(ctx context.Context) error {
	var other sync.WaitGroup
	other.Wait()
	go send(ctx, "x") // want `goroutine may outlive the invocation`
	return nil
}

// waitInOtherGoroutine: the Wait runs in another goroutine, not in the handler.
func waitInOtherGoroutine(ctx context.Context) error {
	var other sync.WaitGroup
	go send(ctx, "x")            // want `goroutine may outlive the invocation`
	go func() { other.Wait() }() // want `goroutine may outlive the invocation`
	return nil
}

// receiveDone receives from the channel the goroutine closes: silent.
func receiveDone(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = send(ctx, "x")
	}()
	<-done
	return nil
}

// selectResult waits for the result or the deadline: silent.
func selectResult(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- send(ctx, "x") }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// closer waits for the workers in a goroutine that closes the channel the
// handler receives from: silent. The Wait in that goroutine does not join
// an unrelated goroutine.
func closer(ctx context.Context, e Event) error {
	var wg sync.WaitGroup
	go send(ctx, "unrelated") // want `goroutine may outlive the invocation`
	for _, id := range e.IDs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = send(ctx, id)
		}()
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// closerNotJoined: the closing goroutine is not received from, so neither
// it nor the workers it waits for are joined.
func closerNotJoined(ctx context.Context, e Event) error {
	var wg sync.WaitGroup
	for _, id := range e.IDs {
		wg.Add(1)
		go func() { // want `goroutine may outlive the invocation`
			defer wg.Done()
			_ = send(ctx, id)
		}()
	}
	done := make(chan struct{})
	go func() { // want `goroutine may outlive the invocation`
		wg.Wait()
		close(done)
	}()
	return nil
}

// rangeResults ranges over what the goroutines send: silent.
func rangeResults(ctx context.Context, e Event) error {
	results := make(chan error)
	for _, id := range e.IDs {
		go worker(ctx, id, results)
	}
	var errs []error
	for range e.IDs {
		errs = append(errs, <-results)
	}
	return errors.Join(errs...)
}

func worker(ctx context.Context, id string, out chan<- error) { out <- send(ctx, id) }

// onlyCtxDone selects on ctx.Done alone: the goroutine is not waited for.
func onlyCtxDone(ctx context.Context) error {
	results := make(chan error, 1)
	go func() { results <- send(ctx, "x") }() // want `goroutine may outlive the invocation`
	<-ctx.Done()
	return ctx.Err()
}

// sendOnly sends to the workers and returns before they finish.
func sendOnly(ctx context.Context, e Event) error {
	jobs := make(chan string)
	go func() { // want `goroutine may outlive the invocation`
		for id := range jobs {
			_ = send(ctx, id)
		}
	}()
	for _, id := range e.IDs {
		jobs <- id
	}
	close(jobs)
	return nil
}

// returnsChannel hands the channel to its caller: silent.
func returnsChannel(ctx context.Context) <-chan error {
	errc := make(chan error, 1)
	go func() { errc <- send(ctx, "x") }()
	return errc
}

// paramWaitGroup: the caller owns the wait group: silent.
func paramWaitGroup(ctx context.Context, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = send(ctx, "x")
	}()
}

// paramChannel: the caller owns the channel: silent.
func paramChannel(ctx context.Context, done chan<- struct{}) {
	go func() {
		_ = send(ctx, "x")
		done <- struct{}{}
	}()
}

type Server struct {
	wg   sync.WaitGroup
	done chan struct{}
	cb   func()
}

// Handle: the goroutines synchronise through fields: silent.
func (s *Server) Handle(ctx context.Context, e Event) error { // want Handle:"summary\\(go statement\\)"
	paramWaitGroup(ctx, &s.wg)
	paramChannel(ctx, s.done)
	go func() {
		defer s.wg.Done()
		_ = send(ctx, "x")
	}()
	go s.run()
	go s.cb()
	go s.leak() // want `goroutine may outlive the invocation`
	return nil
}

func (s *Server) run()  { close(s.done) }
func (s *Server) leak() {}

// pipe streams through a pipe that the handler drains: silent.
func pipe(ctx context.Context) error {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, strings.NewReader("payload"))
		pw.CloseWithError(err)
	}()
	_, err := io.ReadAll(pr)
	return err
}

// localFunc runs a local function literal that signals a local channel
// the handler receives from: silent.
func localFunc(ctx context.Context) error {
	done := make(chan error)
	work := func() { done <- send(ctx, "x") }
	go work()
	return <-done
}

// localFuncLeak runs a local function literal that is not waited for.
func localFuncLeak(ctx context.Context) error {
	work := func() { _ = send(ctx, "x") }
	go work() // want `goroutine may outlive the invocation`
	return nil
}

// paramFunc runs a function value of unknown code: silent.
func paramFunc(f func()) {
	go f()
}

// nested: the inner goroutine is waited for by the outer one; the outer
// one is not.
func nested(ctx context.Context, e Event) error {
	go func() { // want `goroutine may outlive the invocation`
		var wg sync.WaitGroup
		for _, id := range e.IDs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_ = send(ctx, id)
			}()
		}
		wg.Wait()
	}()
	return nil
}

// ignored is suppressed.
func ignored(ctx context.Context) error {
	//lambdalint:ignore goroutineleak the send is best effort
	go send(ctx, "x")
	go send(ctx, "y") //lambdalint:ignore goroutineleak best effort too
	return nil
}

// notAHandler is never reached from a handler: silent.
func notAHandler(ctx context.Context) {
	go send(ctx, "x")
}

var once sync.Once

// onceBody starts a goroutine once per process: silent.
func onceBody(ctx context.Context) error {
	once.Do(func() {
		go send(context.Background(), "warm")
	})
	return nil
}

func init() {
	go send(context.Background(), "init")
}

func main() {
	go send(context.Background(), "main") // before lambda.Start: init code
	notAHandler(context.Background())
	s := &Server{done: make(chan struct{})}
	lambda.Start(func(ctx context.Context, e Event) error {
		_ = fireAndForget(ctx, e)
		_ = waitGroup(ctx, e)
		_ = deferredWait(ctx, e)
		_ = addButNoWait(ctx, e)
		_ = waitBefore(ctx)
		_ = waitInOtherGoroutine(ctx)
		_ = receiveDone(ctx)
		_ = selectResult(ctx)
		_ = rangeResults(ctx, e)
		_ = closer(ctx, e)
		_ = closerNotJoined(ctx, e)
		_ = onlyCtxDone(ctx)
		_ = sendOnly(ctx, e)
		_ = <-returnsChannel(ctx)
		_ = s.Handle(ctx, e)
		_ = pipe(ctx)
		_ = localFunc(ctx)
		_ = localFuncLeak(ctx)
		paramFunc(func() {})
		_ = nested(ctx, e)
		_ = ignored(ctx)
		return onceBody(ctx)
	})
}
