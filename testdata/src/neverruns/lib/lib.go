// Package lib has start wrappers.
package lib

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func flush() {}

// Start never returns.
func Start(h any) { // want Start:"neverReturns\\(lambda.Start\\)"
	lambda.Start(h)
}

// StartFlushing never returns, and its defer never runs.
func StartFlushing(h any) { // want StartFlushing:"neverReturns\\(lambda.Start\\)"
	defer flush() // want `deferred flush never runs: lambda.Start never returns`
	lambda.Start(h)
}

// StartLocal may return.
func StartLocal(h any) {
	if os.Getenv("AWS_LAMBDA_RUNTIME_API") == "" {
		return
	}
	lambda.Start(h)
}

// App starts its own handler.
type App struct{}

func (a *App) handle(ctx context.Context) error { return nil }

// Run never returns.
func (a *App) Run() { // want Run:"neverReturns\\(lambda.Start\\)"
	lambda.Start(a.handle)
}
