// Package main invokes Lambda functions with the AWS SDK for Go v1.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	sdk "github.com/aws/aws-sdk-go/service/lambda"
)

var client = sdk.New(session.Must(session.NewSession()))

// selfName is assigned only from the function's own name.
var selfName = os.Getenv("AWS_LAMBDA_FUNCTION_NAME")

// target is the function to call; it is set in init from a variable of our own.
var target string

// mixed is the own name or another: cannot be told.
var mixed = os.Getenv("AWS_LAMBDA_FUNCTION_NAME")

func init() {
	target = os.Getenv("WORKER_FUNCTION")
	mixed = "other"
}

type Event struct{ Depth int }

func handler(ctx context.Context, e Event) error {
	// Self-invocations, whatever the InvocationType.
	client.Invoke(&sdk.InvokeInput{ // want `lambda.Invoke invokes the function itself: every invocation starts another, a recursive loop that runs and bills until something stops it; invoke a different function, or bound the recursion with a depth counter in the payload \(or a queue with a retry limit\) and keep Lambda's recursive loop detection on Terminate`
		FunctionName: aws.String(os.Getenv("AWS_LAMBDA_FUNCTION_NAME")),
	})
	client.InvokeWithContext(ctx, &sdk.InvokeInput{ // want `lambda.InvokeWithContext invokes the function itself`
		FunctionName:   aws.String(lambdacontext.FunctionName),
		InvocationType: aws.String(sdk.InvocationTypeEvent),
	})
	client.InvokeAsync(&sdk.InvokeAsyncInput{FunctionName: &selfName}) // want `lambda.InvokeAsync invokes the function itself`
	name := os.Getenv("AWS_LAMBDA_FUNCTION_NAME")
	in := &sdk.InvokeInput{FunctionName: aws.String(name), InvocationType: aws.String("Event")}
	client.Invoke(in) // want `lambda.Invoke invokes the function itself`
	own, _ := os.LookupEnv("AWS_LAMBDA_FUNCTION_NAME")
	req, _ := client.InvokeRequest(&sdk.InvokeInput{FunctionName: aws.String(own)}) // want `lambda.InvokeRequest invokes the function itself`
	_ = req

	// A dry run checks permissions and runs nothing: silent.
	client.Invoke(&sdk.InvokeInput{
		FunctionName:   aws.String(selfName),
		InvocationType: aws.String(sdk.InvocationTypeDryRun),
	})

	// Synchronous invokes of another function.
	client.Invoke(&sdk.InvokeInput{FunctionName: aws.String("worker")}) // want `lambda.Invoke waits for the other function's response: both functions run and bill while this one waits, and its timeout must cover the other's; use InvocationType Event when the result is not needed, or chain the functions with a queue or Step Functions`

	client.InvokeWithContext(ctx, &sdk.InvokeInput{ // want `lambda.InvokeWithContext waits for the other function's response`
		FunctionName:   aws.String(target),
		InvocationType: aws.String(sdk.InvocationTypeRequestResponse),
	})
	sync := sdk.InvokeInput{FunctionName: aws.String(target), InvocationType: aws.String("RequestResponse")}
	client.Invoke(&sync) // want `lambda.Invoke waits for the other function's response`

	client.InvokeWithContext(ctx, &sdk.InvokeInput{FunctionName: aws.String(mixed), InvocationType: nil}) // want `lambda.InvokeWithContext waits for the other function's response`
	client.InvokeWithResponseStream(&sdk.InvokeWithResponseStreamInput{FunctionName: aws.String(target)}) // want `lambda.InvokeWithResponseStream waits while the other function streams its response`

	// Event, DryRun, or an InvocationType that is not a constant: silent.
	client.Invoke(&sdk.InvokeInput{FunctionName: aws.String(target), InvocationType: aws.String(sdk.InvocationTypeEvent)})
	client.InvokeWithContext(ctx, &sdk.InvokeInput{FunctionName: aws.String(target), InvocationType: aws.String("DryRun")})
	kind := sdk.InvocationTypeEvent
	if e.Depth > 3 {
		kind = sdk.InvocationTypeRequestResponse
	}
	client.Invoke(&sdk.InvokeInput{FunctionName: aws.String(target), InvocationType: aws.String(kind)})
	client.InvokeWithResponseStream(&sdk.InvokeWithResponseStreamInput{
		FunctionName:   aws.String(target),
		InvocationType: aws.String(sdk.ResponseStreamingInvocationTypeDryRun),
	})
	client.InvokeAsync(&sdk.InvokeAsyncInput{FunctionName: aws.String(target)})

	// The input is changed after the literal: silent.
	later := &sdk.InvokeInput{FunctionName: aws.String(target)}
	later.SetInvocationType(sdk.InvocationTypeEvent)
	client.Invoke(later)
	set := &sdk.InvokeInput{FunctionName: aws.String(target)}
	set.InvocationType = aws.String(sdk.InvocationTypeEvent)
	client.Invoke(set)
	// Its fields are only read: still traced.
	read := &sdk.InvokeInput{FunctionName: aws.String(target)}
	println(*read.FunctionName)
	client.Invoke(read) // want `lambda.Invoke waits for the other function's response`

	// The input comes from elsewhere: silent.
	client.Invoke(build())
	client.Invoke(new(sdk.InvokeInput))
	var zero sdk.InvokeInput
	client.Invoke(&zero)

	// The own name is not traced further than one variable: silent.
	n2 := name
	client.Invoke(&sdk.InvokeInput{FunctionName: aws.String(n2), InvocationType: aws.String(sdk.InvocationTypeEvent)})

	// Not the function's own name (init sets mixed to another): a plain
	// Event invoke, silent.
	client.Invoke(&sdk.InvokeInput{FunctionName: aws.String(mixed), InvocationType: aws.String(sdk.InvocationTypeEvent)})

	//lambdalint:ignore invoke the chain stops at Depth 3
	client.Invoke(&sdk.InvokeInput{FunctionName: aws.String(selfName)})
	return nil
}

func build() *sdk.InvokeInput {
	return &sdk.InvokeInput{FunctionName: aws.String("x")}
}

// notHandler is never called from a handler: silent.
func notHandler() {
	client.Invoke(&sdk.InvokeInput{FunctionName: aws.String(selfName)})
}

func main() {
	// Init code: silent.
	client.Invoke(&sdk.InvokeInput{FunctionName: aws.String("warmup")})
	lambda.Start(handler)
}
