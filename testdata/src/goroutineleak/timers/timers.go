// Package timers exercises timers and tickers in handler code.
package timers

import (
	"context"
	"log"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

func flush() {}

type Event struct{}

func afterFunc(ctx context.Context) error {
	time.AfterFunc(time.Second, flush)      // want `time.AfterFunc may fire after the invocation: Lambda freezes the environment when the handler returns and the function runs during a later invocation or never, so keep the \*time.Timer and Stop it before returning, or do the work before returning`
	_ = time.AfterFunc(time.Second, flush)  // want `time.AfterFunc may fire after the invocation`
	t := time.AfterFunc(time.Second, flush) // want `time.AfterFunc may fire after the invocation`
	t.Reset(2 * time.Second)
	return nil
}

// afterFuncStopped stops its timer: silent.
func afterFuncStopped(ctx context.Context) error {
	t := time.AfterFunc(time.Until(deadline(ctx))-100*time.Millisecond, func() {
		log.Print("about to time out")
	})
	defer t.Stop()
	var t2 *time.Timer
	t2 = time.AfterFunc(time.Second, flush)
	if !t2.Stop() {
		return nil
	}
	return nil
}

func deadline(ctx context.Context) time.Time {
	d, _ := ctx.Deadline()
	return d
}

type Cache struct {
	refresh *time.Timer
	ticker  *time.Ticker
}

// escapes: the timers are stored, returned or passed on: silent.
func (c *Cache) escapes() *time.Timer {
	c.refresh = time.AfterFunc(time.Minute, flush)
	c.ticker = time.NewTicker(time.Second)
	keep(time.NewTicker(time.Second))
	t := time.NewTimer(time.Second)
	tk := time.NewTicker(time.Second)
	keep(tk)
	return t
}

func keep(*time.Ticker) {}

func ticker(ctx context.Context) error {
	t := time.NewTicker(time.Second) // want `time.NewTicker is never stopped: it keeps firing after the handler returns, into the frozen environment and later invocations, so defer t.Stop\(\) where it is created`
	for {
		select {
		case <-t.C:
			flush()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// tickerStopped defers Stop: silent.
func tickerStopped(ctx context.Context) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			flush()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func tickerChannel(ctx context.Context) {
	for range time.NewTicker(time.Second).C { // want `time.NewTicker is never stopped`
		flush()
	}
}

func tick(ctx context.Context) {
	for range time.Tick(time.Second) { // want `time.Tick starts a ticker that cannot be stopped: it keeps firing after the handler returns and every invocation starts another, so use time.NewTicker and defer t.Stop\(\)`
		flush()
	}
}

func timer(ctx context.Context) error {
	var t = time.NewTimer(time.Second) // want `time.NewTimer is never stopped: if the handler returns first, the timer stays pending across the freeze and fires during a later invocation, so defer t.Stop\(\) where it is created`
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// timerFired receives from the timer outside a select: it has fired by
// the time the handler returns: silent.
func timerFired(ctx context.Context) {
	t := time.NewTimer(time.Second)
	<-t.C
}

// timerStopped stops its timer: silent.
func timerStopped(ctx context.Context) error {
	t := time.NewTimer(time.Second)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// notAHandler is never reached from a handler: silent.
func notAHandler() {
	time.AfterFunc(time.Second, flush)
	_ = time.NewTicker(time.Second)
}

func main() {
	time.AfterFunc(time.Second, flush) // before lambda.Start: init code
	c := &Cache{}
	lambda.Start(func(ctx context.Context, e Event) error {
		_ = afterFunc(ctx)
		_ = afterFuncStopped(ctx)
		c.escapes()
		_ = ticker(ctx)
		_ = tickerStopped(ctx)
		tickerChannel(ctx)
		tick(ctx)
		_ = timer(ctx)
		timerFired(ctx)
		//lambdalint:ignore goroutineleak the timer is stopped by the next invocation
		time.AfterFunc(time.Second, flush)
		return timerStopped(ctx)
	})
}
