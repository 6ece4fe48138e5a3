package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"globalstate/lib"
)

type Event struct{ ID string }

func handler(ctx context.Context, e Event) error {
	lib.Remember(e.ID) // want `ids grows on every invocation and is never reset: .* \(handler → lib.Remember → ids\)`
	lib.Track()        // want `tracked is written from a goroutine without a lock: .* \(handler → lib.Track → tracked\)`
	lib.Add(e.ID)
	lib.Configure("orders")
	return nil
}

func main() {
	lib.Reset()
	lambda.Start(handler)
}
