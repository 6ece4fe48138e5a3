// Package lambdacontext is a stub of github.com/aws/aws-lambda-go/lambdacontext for tests.
package lambdacontext

import "context"

var FunctionName string

type LambdaContext struct {
	AwsRequestID       string
	InvokedFunctionArn string
}

func FromContext(ctx context.Context) (*LambdaContext, bool) { return nil, false }
