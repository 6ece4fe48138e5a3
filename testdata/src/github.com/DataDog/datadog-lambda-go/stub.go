// Package ddlambda is a stub of github.com/DataDog/datadog-lambda-go for tests.
package ddlambda

import "github.com/aws/aws-lambda-go/lambda"

type Config struct{}

func WrapFunction(handler interface{}, cfg *Config) interface{} { return handler }
func WrapHandler(handler interface{}, cfg *Config) interface{}  { return handler }
func WrapLambdaHandlerInterface(handler lambda.Handler, cfg *Config) lambda.Handler {
	return handler
}
