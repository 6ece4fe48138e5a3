// Package main enables SIGTERM: its handlers run.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context) error { return nil }

func flush() {}

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go func() {
		<-sigs
		flush()
	}()
	lambda.StartWithOptions(handler, lambda.WithEnableSIGTERM(flush))
}
