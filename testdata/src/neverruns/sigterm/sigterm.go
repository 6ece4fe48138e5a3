// Package main exercises SIGTERM handlers in a function that has no
// extension.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/aws/aws-lambda-go/lambda"
	"golang.org/x/sys/unix"
)

func handler(ctx context.Context) error { return nil }

func flush() {}

func init() {
	signal.Notify(make(chan os.Signal, 1), os.Signal(syscall.SIGTERM)) // want `signal.Notify for SIGTERM: the handler never runs unless the function has an extension, because Lambda sends SIGTERM at shutdown only when one is registered, so pass lambda.WithEnableSIGTERM\(cleanup\) to lambda.StartWithOptions, which registers one`
}

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM) // want `signal.Notify for SIGTERM`
	go func() {
		<-sigs
		flush()
		os.Exit(0)
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM) // want `signal.NotifyContext for SIGTERM`
	defer stop()
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, unix.SIGTERM) // want `signal.Notify for SIGTERM`
		<-c
	}()
	setup()
	interruptOnly()
	allSignals()
	if os.Getenv("AWS_LAMBDA_RUNTIME_API") == "" {
		serveLocal()
		return
	}
	lambda.StartWithOptions(handler, lambda.WithContext(ctx))
}

func setup() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGTERM) // want `signal.Notify for SIGTERM`
}

// Lambda never sends SIGINT; a handler for it is local-development code.
func interruptOnly() {
	signal.Notify(make(chan os.Signal, 1), os.Interrupt)
}

// Notify with no signals also gets the runtime's SIGURG: it does run.
func allSignals() {
	signal.Notify(make(chan os.Signal, 1))
}

// serveLocal runs instead of the start call.
func serveLocal() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() { _ = srv.ListenAndServe() }()
	<-ctx.Done()
	_ = srv.Shutdown(context.Background())
}

// notCalled is not on the way to the start call.
func notCalled() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)
}

// A local server in the else branch, the start call in the then branch.
func branches(local bool) {
	if local {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		_ = http.ListenAndServe(":8080", nil)
	} else {
		lambda.Start(handler)
	}
}

func fatalBranch() {
	if os.Getenv("AWS_LAMBDA_RUNTIME_API") == "" {
		signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)
		panic(http.ListenAndServe(":8080", nil))
	}
	lambda.Start(handler)
}

func ignored() {
	//lambdalint:ignore neverruns the function has an extension layer
	signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)
	lambda.Start(handler)
}

// start is the project's start wrapper.
func start(h any) {
	lambda.Start(h)
}

func viaWrapper() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM) // want `signal.Notify for SIGTERM`
	start(handler)
}
