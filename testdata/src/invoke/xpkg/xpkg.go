// Command xpkg is a handler that invokes through lib.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"invoke/lib"
)

var client *lib.Client

func handler(ctx context.Context, payload []byte) error {
	if _, err := client.Call(ctx, "enrich", payload); err != nil { // want `lambda.Invoke waits for the other function's response: .* \(handler → lib.Client.Call → lambda.Invoke\)`
		return err
	}
	client.Fire(ctx, "audit")
	client.Forward(ctx, nil)
	//lambdalint:ignore invoke the payload carries a depth that stops at 3
	client.Continue(ctx, payload)
	return next(ctx, payload)
}

func next(ctx context.Context, payload []byte) error {
	return client.Continue(ctx, payload) // want `lambda.InvokeAsync invokes the function itself: .* \(handler → next → lib.Client.Continue → lib.Client.reinvoke → lambda.InvokeAsync\)`
}

func main() {
	client.Call(context.Background(), "warm", nil) // init code: silent
	lambda.Start(handler)
}
