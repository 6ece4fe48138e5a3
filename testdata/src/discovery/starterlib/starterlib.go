// Package starterlib is a project's shared start helper in its own package.
package starterlib

import "github.com/aws/aws-lambda-go/lambda"

func Start(h any) {
	setup()
	lambda.Start(h)
}

func setup() {}
