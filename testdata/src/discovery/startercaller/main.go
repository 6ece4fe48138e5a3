package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"discovery/starterlib"
)

func process(ctx context.Context) error { return nil }

func main() {
	starterlib.Start(process) // want `entry process via lambda.Start`
	// A handler declared in another package of a module whose path has
	// no dot (module myfunc) is an entry too.
	lambda.Start(starterlib.Handle) // want `entry starterlib.Handle via lambda.Start`
}
