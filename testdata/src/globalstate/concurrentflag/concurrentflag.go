// Package concurrentflag holds more cases of multi-concurrency mode
// (-globalstate.concurrent).
package concurrentflag

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

var requests int

func handler(ctx context.Context) error {
	requests++ // want `requests is written by handler code without a lock`
	return nil
}

func main() {
	lambda.Start(handler)
}
