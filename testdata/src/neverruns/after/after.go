// Package main exercises code after a start call that never returns.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/akrylysov/algnhsa"
	"github.com/apex/gateway"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdaurl"
)

func handler(ctx context.Context) error { return nil }

func cleanup() {}

func main() {
	log.Print("starting")
	lambda.Start(handler)
	log.Print("stopped") // want `code after lambda.Start never runs: lambda.Start never returns, so move it before the call or into the handler`
	cleanup()
}

// ifElse starts in one branch: the code after the if runs on the other.
func ifElse(local bool) {
	if !local {
		lambda.Start(handler)
	} else {
		_ = http.ListenAndServe(":8080", nil)
	}
	cleanup()
}

// localDev serves locally and returns before the start call: silent.
func localDev() {
	if os.Getenv("AWS_LAMBDA_RUNTIME_API") == "" {
		_ = http.ListenAndServe(":8080", nil)
		return
	}
	lambda.Start(handler)
}

// newHandler returns: silent.
func newHandler() {
	h := lambda.NewHandler(handler)
	_ = h
	cleanup()
}

// goStart starts in a goroutine: the code after it runs.
func goStart() {
	go lambda.Start(handler)
	cleanup()
}

// inSwitch: the code after the start call in its case never runs; the code
// after the switch does (other cases).
func inSwitch(mode string) {
	switch mode {
	case "lambda":
		lambda.StartWithOptions(handler)
		cleanup() // want `code after lambda.StartWithOptions never runs`
	case "http":
		_ = http.ListenAndServe(":8080", nil)
	}
	cleanup()
}

// Trailing markers the compiler or the reader wants: silent.
func withReturn() error {
	lambda.Start(handler)
	return nil
}

func withPanic() {
	lambda.Start(handler)
	panic("unreachable")
}

func withFatal() {
	lambda.Start(handler)
	log.Fatal("lambda.Start returned")
}

// A tail that fails is the author's own guard: silent.
func defensive() {
	lambda.Start(handler)
	log.Print("lambda.Start returned, but should have blocked")
	os.Exit(1)
}

// A tail that exits with 0 after cleaning up expects the cleanup to run.
func cleanupExit() {
	lambda.Start(handler)
	cleanup() // want `code after lambda.Start never runs`
	os.Exit(0)
}

// Code before a trailing marker is reported.
func beforeReturn() error {
	lambda.Start(handler)
	cleanup() // want `code after lambda.Start never runs`
	return nil
}

// Adapters that never return.
func gatewayFatal() {
	log.Fatal(gateway.ListenAndServe(":3000", nil))
	cleanup() // want `code after gateway.ListenAndServe never runs: gateway.ListenAndServe never returns`
}

func gatewayIf() {
	if err := gateway.ListenAndServe(":3000", nil); err != nil {
		log.Fatal(err)
	}
	cleanup() // want `code after gateway.ListenAndServe never runs`
}

func adapters() {
	algnhsa.ListenAndServe(http.DefaultServeMux, nil)
	cleanup() // want `code after algnhsa.ListenAndServe never runs`
}

func functionURL() {
	lambdaurl.Start(http.DefaultServeMux)
	cleanup() // want `code after lambdaurl.Start never runs`
}

// algnhsaNew returns a handler: silent.
func algnhsaNew() {
	h := algnhsa.New(http.DefaultServeMux, nil)
	_ = h
	cleanup()
}

// start is the project's own start wrapper: it never returns.
func start(h any) {
	lambda.Start(h)
}

func useWrapper() {
	start(handler)
	cleanup() // want `code after start never runs: start never returns \(it calls lambda.Start\), so move it before the call or into the handler`
}

// maybeStart may return before the start call.
func maybeStart(h any) {
	if os.Getenv("AWS_LAMBDA_RUNTIME_API") == "" {
		return
	}
	lambda.Start(h)
}

func useMaybe() {
	maybeStart(handler)
	cleanup()
}

// A goto target after the start call: silent.
func withLabel(retry bool) {
	if retry {
		goto done
	}
	lambda.Start(handler)
done:
	cleanup()
}

func ignored() {
	lambda.Start(handler)
	//lambdalint:ignore neverruns kept for the local build
	cleanup()
}
