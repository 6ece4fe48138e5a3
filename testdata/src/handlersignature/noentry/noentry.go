// Package noentry has no handler entry point and nothing exported: its only
// handler is invalid, so discovery finds no entry, and the rule still looks.
package noentry

import "github.com/aws/aws-lambda-go/lambda"

type config struct{ table string }

func main() {
	lambda.Start(config{table: "orders"}) // want `handler kind struct is not func`
}
