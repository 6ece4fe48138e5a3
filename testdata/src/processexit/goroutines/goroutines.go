// Package goroutines exercises panics in goroutines that a handler starts.
package goroutines

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"golang.org/x/sync/errgroup"

	"processexit/lib"
)

type Event struct{ ID string }

type Service struct{ ch chan error }

func fetch(ctx context.Context) (string, error) { return "", nil }

func worker(ctx context.Context) {
	if _, err := fetch(ctx); err != nil {
		panic(err)
	}
}

func (s *Service) run() {
	if _, err := fetch(context.Background()); err != nil {
		log.Panicln("run:", err)
	}
}

// safeWorker recovers through a function of the package.
func safeWorker(ctx context.Context) {
	defer recoverPanic()
	worker(ctx)
	panic("safe")
}

func recoverPanic() {
	if r := recover(); r != nil {
		log.Printf("recovered: %v", r)
	}
}

// quiet does not panic.
func quiet() {}

func handler(ctx context.Context, e Event) error {
	errs := make(chan error, 8)
	var wg sync.WaitGroup
	go func() {
		if _, err := fetch(ctx); err != nil {
			panic(err) // want `^panic in a goroutine crashes the Lambda process, since the runtime recovers panics only on the handler's goroutine \(Runtime.ExitError, then a cold start\), so defer a recover\(\) in the goroutine and return the error to the handler$`
		}
		errs <- nil
	}()
	go worker(ctx) // want `^worker panics in a goroutine, which crashes the Lambda process since the runtime recovers panics only on the handler's goroutine \(Runtime.ExitError, then a cold start\), so defer a recover\(\) in worker and return the error to the handler$`
	s := &Service{ch: errs}
	go s.run() // want `^Service.run panics in a goroutine`
	go func() {
		defer wg.Done()
		log.Panicf("bad %s", e.ID) // want `^log.Panicf in a goroutine crashes the Lambda process`
	}()
	go func() {
		defer recover() // recover called by the runtime, not by a deferred function: stops nothing
		panic("x")      // want `^panic in a goroutine`
	}()
	cctx, cancel := context.WithCancel(ctx)
	go func() {
		defer cancel()
		if cctx.Err() != nil {
			panic(cctx.Err()) // want `^panic in a goroutine`
		}
	}()
	go func() {
		os.Exit(1) // want `^os.Exit ends the Lambda process`
	}()
	wg.Go(func() {
		panic("wg") // want `^panic in a goroutine`
	})
	var g errgroup.Group
	g.Go(func() error {
		panic("g") // want `^panic in a goroutine`
	})
	t := time.AfterFunc(time.Second, func() {
		panic("timer") // want `^panic in a goroutine`
	})
	defer t.Stop()
	wg.Go(quiet)
	time.AfterFunc(time.Second, s.run).Stop() // want `^Service.run panics in a goroutine`

	// Recovered goroutines: silent.
	go func() {
		defer func() {
			if r := recover(); r != nil {
				errs <- fmt.Errorf("panic: %v", r)
			}
		}()
		panic("boom")
	}()
	go safeWorker(ctx)
	go func() {
		defer lib.Recover() // another package's code, which may recover
		panic("lib")
	}()
	go func() {
		defer recoverPanic()
		log.Panic("recovered")
	}()
	// No panic, or a panic the goroutine does not make directly: silent.
	go quiet()
	go func() { errs <- errors.New("fail") }()
	// A panic on the handler's own goroutine is recovered by the runtime:
	// silent.
	if e.ID == "" {
		panic("no id")
	}
	wg.Wait()
	_ = g.Wait()
	return <-errs
}

// background is not reached from the handler: silent.
func background() {
	go func() { panic("background") }()
	go worker(context.Background())
}

func main() {
	go func() {
		if os.Getenv("X") == "" {
			panic("init") // main before lambda.Start: silent
		}
	}()
	lambda.Start(handler)
}
