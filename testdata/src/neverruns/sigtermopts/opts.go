// Package main passes options it builds elsewhere: they may enable SIGTERM.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context) error { return nil }

func options() []lambda.Option { return nil }

func main() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)
	lambda.StartWithOptions(handler, options()...)
}
