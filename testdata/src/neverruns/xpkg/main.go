// Package main starts through a library's wrappers.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"neverruns/lib"
)

func handler(ctx context.Context) error { return nil }

func flush() {}

func main() {
	// The library may enable SIGTERM: left alone.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)
	defer flush() // want `deferred flush never runs: lib.Start never returns \(it calls lambda.Start\), so flush or close inside the handler, or run the cleanup from lambda.WithEnableSIGTERM\(cleanup\) passed to lambda.StartWithOptions`
	lib.Start(handler)
	flush() // want `code after lib.Start never runs: lib.Start never returns \(it calls lambda.Start\)`
}

func local() {
	defer flush()
	lib.StartLocal(handler)
	flush()
}

func app() {
	a := &lib.App{}
	a.Run()
	flush() // want `code after lib.App.Run never runs`
}
