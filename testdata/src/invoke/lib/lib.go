// Package lib wraps Lambda invokes for handlers in other packages.
package lib

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
)

// Client invokes other functions.
type Client struct{ c *lambda.Client }

// Call waits for the function's response.
func (c *Client) Call(ctx context.Context, name string, payload []byte) ([]byte, error) { // want Call:"summary\\(lambda.Invoke\\)"
	out, err := c.c.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String(name), Payload: payload})
	if err != nil {
		return nil, err
	}
	return out.Payload, nil
}

// Continue hands the rest of the work to the function itself.
func (c *Client) Continue(ctx context.Context, payload []byte) error { // want Continue:"summary\\(lib.Client.reinvoke → lambda.InvokeAsync\\)"
	return c.reinvoke(ctx, payload)
}

func (c *Client) reinvoke(ctx context.Context, payload []byte) error { // want reinvoke:"summary\\(lambda.InvokeAsync\\)"
	_, err := c.c.InvokeAsync(ctx, &lambda.InvokeAsyncInput{FunctionName: aws.String(os.Getenv("AWS_LAMBDA_FUNCTION_NAME"))})
	return err
}

// Fire queues the event: silent.
func (c *Client) Fire(ctx context.Context, name string) error {
	_, err := c.c.InvokeAsync(ctx, &lambda.InvokeAsyncInput{FunctionName: aws.String(name)})
	return err
}

// Forward invokes with the caller's input, which cannot be told: silent.
func (c *Client) Forward(ctx context.Context, in *lambda.InvokeInput) error {
	_, err := c.c.Invoke(ctx, in)
	return err
}
