// Package arn invokes the function by the ARN it was invoked with.
package arn

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
)

var client *sdk.Client

func handler(ctx context.Context, next string) error {
	lc, _ := lambdacontext.FromContext(ctx)
	client.InvokeAsync(ctx, &sdk.InvokeAsyncInput{FunctionName: aws.String(lc.InvokedFunctionArn)}) // want `lambda.InvokeAsync invokes the function itself`
	arn := lc.InvokedFunctionArn
	client.Invoke(ctx, &sdk.InvokeInput{FunctionName: &arn}) // want `lambda.Invoke invokes the function itself`

	// Another function named in the event: a synchronous invoke.
	client.Invoke(ctx, &sdk.InvokeInput{FunctionName: &next}) // want `lambda.Invoke waits for the other function's response`
	// The request id is not a function name: the plain synchronous finding.
	client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String(lc.AwsRequestID)}) // want `lambda.Invoke waits for the other function's response`
	return nil
}

func main() {
	lambda.Start(handler)
}
