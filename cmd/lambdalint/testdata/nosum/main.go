// Command nosum requires a module that its go.sum (empty) has no entries
// for, so go list cannot load the package that it imports.
package main

import "github.com/aws/aws-lambda-go/lambda"

func handler() error { return nil }

func main() {
	lambda.Start(handler)
}
