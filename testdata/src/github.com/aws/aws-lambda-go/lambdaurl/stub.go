// Package lambdaurl is a stub of github.com/aws/aws-lambda-go/lambdaurl for tests.
package lambdaurl

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

func Start(handler http.Handler, options ...lambda.Option) {}

func Wrap(handler http.Handler) func(context.Context, *events.LambdaFunctionURLRequest) (*events.LambdaFunctionURLStreamingResponse, error) {
	return nil
}
