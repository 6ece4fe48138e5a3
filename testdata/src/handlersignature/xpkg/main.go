// Package xpkg starts handlers declared in another package.
package main

import (
	"handlersignature/lib"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(lib.Handle)
	lambda.Start(&lib.Server{})
	lambda.Start(lib.Schedule) // want `handler result type lib.Job cannot be encoded to JSON \(lib.Job.Run\): every invocation that returns one fails with "json: unsupported type: func\(context.Context\) error"`
	lambda.Start(lib.Legacy)   // want `handler takes two arguments, but the first is not Context. got struct`
	lambda.Start(lib.Server{}) // want `handler kind struct is not func: .*pass a pointer`
}
