// Package v2 invokes Lambda functions with the AWS SDK for Go v2.
package v2

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
)

type Handler struct {
	client *sdk.Client
	worker string
}

type Event struct{ Items []string }

func (h *Handler) Handle(ctx context.Context, e Event) error { // want Handle:`summary\(lambda.Invoke; lambda.InvokeAsync; lambda.InvokeWithResponseStream; .*\)`
	// The function's own name: a recursive loop.
	h.client.Invoke(ctx, &sdk.InvokeInput{FunctionName: aws.String(os.Getenv("AWS_LAMBDA_FUNCTION_NAME"))}) // want `lambda.Invoke invokes the function itself`
	self := aws.String(lambdacontext.FunctionName)
	h.client.InvokeAsync(ctx, &sdk.InvokeAsyncInput{FunctionName: self}) // want `lambda.InvokeAsync invokes the function itself`

	h.client.InvokeWithResponseStream(ctx, &sdk.InvokeWithResponseStreamInput{FunctionName: self}) // want `lambda.InvokeWithResponseStream invokes the function itself`

	// Another function, synchronously (InvocationType absent).
	if _, err := h.client.Invoke(ctx, &sdk.InvokeInput{ // want `lambda.Invoke waits for the other function's response`
		FunctionName: aws.String(h.worker),
		Payload:      []byte(`{}`),
	}); err != nil {
		return err
	}
	input := &sdk.InvokeInput{FunctionName: &h.worker}
	out, err := h.client.Invoke(ctx, input) // want `lambda.Invoke waits for the other function's response`
	if err != nil {
		return err
	}
	_ = out.Payload
	h.client.InvokeWithResponseStream(ctx, &sdk.InvokeWithResponseStreamInput{FunctionName: &h.worker}) // want `lambda.InvokeWithResponseStream waits while the other function streams its response: both functions run and bill, and this one's timeout must cover the other's; chain the functions with a queue or Step Functions instead`

	// A dry run, or a queued invoke of another function: silent.
	h.client.InvokeWithResponseStream(ctx, &sdk.InvokeWithResponseStreamInput{
		FunctionName:   &h.worker,
		InvocationType: types.ResponseStreamingInvocationTypeDryRun,
	})
	h.client.InvokeAsync(ctx, &sdk.InvokeAsyncInput{FunctionName: &h.worker})

	// An input passed in, or changed after the literal: silent.
	h.forward(ctx, &sdk.InvokeInput{FunctionName: &h.worker})
	changed := &sdk.InvokeInput{}
	changed.FunctionName = aws.String(os.Getenv("AWS_LAMBDA_FUNCTION_NAME"))
	h.client.Invoke(ctx, changed)
	passed := &sdk.InvokeInput{FunctionName: &h.worker}
	decorate(passed)
	h.client.Invoke(ctx, passed)
	return nil
}

func (h *Handler) forward(ctx context.Context, in *sdk.InvokeInput) {
	h.client.Invoke(ctx, in)
}

func decorate(in *sdk.InvokeInput) {}

func main() {
	cfg, _ := config.LoadDefaultConfig(context.Background())
	h := &Handler{client: sdk.NewFromConfig(cfg), worker: os.Getenv("WORKER")}
	// Before the start call: silent.
	h.client.Invoke(context.Background(), &sdk.InvokeInput{FunctionName: aws.String("warm")})
	lambda.Start(h.Handle)
}
