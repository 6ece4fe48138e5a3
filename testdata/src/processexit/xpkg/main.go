// Command xpkg is a handler that calls into lib.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"processexit/lib"
)

func handler(ctx context.Context) error {
	lib.Must(ctx.Err()) // want `^log.Fatal ends the Lambda process without a response: .* \(handler → lib.Must → log.Fatal\)$`
	helper(ctx)
	lib.Start() // want `^worker panics in a goroutine, .* \(handler → lib.Start → panic\)$`
	//lambdalint:ignore processexit a corrupt cache cannot be recovered from
	lib.Must(nil)
	lib.Exit(0)         // suppressed where it exits, in lib
	lib.Halt(ctx.Err()) // suppressed at lib's call of the helper
	return lib.Wrap(ctx.Err())
}

func helper(ctx context.Context) {
	lib.Check(ctx.Err()) // want `^os.Exit ends the Lambda process .* \(handler → helper → lib.Check → lib.fail → os.Exit\)$`
}

func main() {
	lib.Must(nil) // init code: silent
	lambda.Start(handler)
}
