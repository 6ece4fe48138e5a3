// Package starterlib is a project's shared start helper in its own package.
package starterlib

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

func Start(h any) {
	setup()
	lambda.Start(h)
}

func setup() {}

// Handle is a handler declared in a library package of the module.
func Handle(ctx context.Context) error { return nil }
