// Package basic exercises os.Exit and the standard library's log.Fatal in
// handler code.
package basic

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"os"
	"sync"
	"syscall"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ ID string }

var (
	logger = log.New(os.Stderr, "", 0)
	once   sync.Once
	table  string
)

func init() {
	table = os.Getenv("TABLE")
	if table == "" {
		log.Fatal("TABLE is not set") // init: silent
	}
}

func load(ctx context.Context) error { return nil }

func handler(ctx context.Context, e Event) error {
	if e.ID == "" {
		log.Fatal("missing id") // want `^log.Fatal ends the Lambda process without a response: the invocation fails with Runtime.ExitError and the next one is a cold start, so return an error from the handler instead$`
	}
	if e.ID == "exit" {
		os.Exit(1) // want `^os.Exit ends the Lambda process without a response`
	}
	if e.ID == "sys" {
		syscall.Exit(2) // want `^syscall.Exit ends the Lambda process`
	}
	if err := load(ctx); err != nil {
		logger.Fatalf("load: %v", err) // want `^log.Logger.Fatalf ends the Lambda process`
	}
	once.Do(func() {
		if err := load(ctx); err != nil {
			log.Fatalln("config:", err) // sync.Once body: init work, silent
		}
	})
	log.Print("ok")           // silent
	log.Printf("id %s", e.ID) // silent
	if e.ID == "bad" {
		log.Panicf("bad id %q", e.ID) // on the handler's goroutine the runtime recovers it: silent
	}
	validate(e)
	if err := load(ctx); err != nil {
		fatal("load failed", "err", err)
	}
	if e.ID == "rotate" {
		//lambdalint:ignore processexit the process restarts on purpose after a credentials rotation
		os.Exit(0)
	}
	return errors.New("not found") // the fix: return an error
}

func validate(e Event) {
	if len(e.ID) > 64 {
		log.Fatalf("id too long: %d", len(e.ID)) // want `^log.Fatalf ends the Lambda process .* \(handler → validate → log.Fatalf\)$`
	}
}

// fatal is the user's own slog wrapper (slog has no Fatal).
func fatal(msg string, args ...any) {
	slog.Error(msg, args...)
	os.Exit(1) // want `^os.Exit ends the Lambda process .* \(handler → fatal → os.Exit\)$`
}

// notAHandler is never reached from the handler: silent.
func notAHandler() {
	log.Fatal("x")
	os.Exit(1)
}

func main() {
	if err := load(context.Background()); err != nil {
		log.Fatal(err) // main before lambda.Start: silent
	}
	lambda.Start(handler)
}
