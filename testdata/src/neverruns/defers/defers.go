// Package main exercises defers registered before a start call.
package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"

	"github.com/akrylysov/algnhsa"
	"github.com/aws/aws-lambda-go/lambda"
)

type provider struct{}

func (*provider) Shutdown(ctx context.Context) error { return nil }

func handler(ctx context.Context) error { return nil }

func flush() {}

func main() {
	ctx := context.Background()
	tp := &provider{}
	defer tp.Shutdown(ctx) // want `deferred tp.Shutdown never runs: lambda.Start never returns, so flush or close inside the handler, or run the cleanup from lambda.WithEnableSIGTERM\(cleanup\) passed to lambda.StartWithOptions`
	db, err := sql.Open("postgres", "")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close() // want `deferred db.Close never runs`
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a context's cancel: harmless
	_ = ctx
	defer func() {
		if r := recover(); r != nil {
			log.Print(r)
		}
	}()
	defer func() { // want `deferred function literal \(flush\) never runs`
		flush()
	}()
	lambda.Start(handler)
}

// run is the project's start wrapper: its defer never runs.
func run(h any) {
	defer flush() // want `deferred flush never runs: lambda.Start never returns`
	lambda.Start(h)
}

func viaWrapper() {
	defer flush() // want `deferred flush never runs: run never returns \(it calls lambda.Start\)`
	run(handler)
}

// nested: a defer in an enclosing list of the same function.
func nested(local bool) {
	defer flush() // want `deferred flush never runs`
	if !local {
		lambda.Start(handler)
	}
}

// setup returns before the start call: its defer runs.
func setup() {
	defer flush()
}

func otherFunc() {
	setup()
	lambda.Start(handler)
}

// A defer in another clause, or in a function literal, is not before it.
func clauses(mode string) {
	switch mode {
	case "a":
		defer flush()
	case "b":
		lambda.Start(handler)
	}
	f := func() {
		defer flush()
	}
	f()
	lambda.Start(handler)
}

// adapter: algnhsa takes no lambda options.
func adapter() {
	defer flush() // want `deferred flush never runs: algnhsa.ListenAndServe never returns, so flush or close inside the handler$`
	algnhsa.ListenAndServe(http.DefaultServeMux, nil)
}

func ignored() {
	//lambdalint:ignore neverruns the handler flushes per invocation too
	defer flush()
	lambda.Start(handler)
}
