// Package concurrentflag has no lambdalint.toml: multi-concurrency mode is
// on only when -globalstate.concurrent is given.
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
