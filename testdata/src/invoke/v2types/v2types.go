// Package v2types sets the InvocationType of SDK v2 invokes.
package v2types

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
)

var client *sdk.Client

var worker = os.Getenv("WORKER_FUNCTION")

func handler(ctx context.Context, async bool) error {
	// Synchronous: the constant RequestResponse, or absent.
	client.Invoke(ctx, &sdk.InvokeInput{ // want `lambda.Invoke waits for the other function's response`
		FunctionName:   aws.String(worker),
		InvocationType: types.InvocationTypeRequestResponse,
	})
	client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String(worker), InvocationType: "RequestResponse"}) // want `lambda.Invoke waits for the other function's response`

	// The function's own name, even as an Event: a recursive loop.
	client.Invoke(ctx, &sdk.InvokeInput{ // want `lambda.Invoke invokes the function itself`
		FunctionName:   aws.String(os.Getenv("AWS_LAMBDA_FUNCTION_NAME")),
		InvocationType: types.InvocationTypeEvent,
	})

	// Event, DryRun, or not a constant: silent.
	client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String(worker), InvocationType: types.InvocationTypeEvent})
	client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String(worker), InvocationType: types.InvocationTypeDryRun})
	client.Invoke(ctx, &sdk.InvokeInput{
		FunctionName:   aws.String(os.Getenv("AWS_LAMBDA_FUNCTION_NAME")),
		InvocationType: types.InvocationTypeDryRun,
	})
	kind := types.InvocationTypeRequestResponse
	if async {
		kind = types.InvocationTypeEvent
	}
	client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String(worker), InvocationType: kind})
	return nil
}

func main() {
	lambda.Start(handler)
}
