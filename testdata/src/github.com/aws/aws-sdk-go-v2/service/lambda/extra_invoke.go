package lambda

import (
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
)

type InvokeAsyncInput struct {
	FunctionName *string
	InvokeArgs   io.Reader
}

type InvokeAsyncOutput struct{ Status int32 }

func (c *Client) InvokeAsync(ctx context.Context, params *InvokeAsyncInput, optFns ...func(*Options)) (*InvokeAsyncOutput, error) {
	return nil, nil
}

type InvokeWithResponseStreamInput struct {
	FunctionName   *string
	ClientContext  *string
	InvocationType types.ResponseStreamingInvocationType
	LogType        types.LogType
	Payload        []byte
	Qualifier      *string
}

type InvokeWithResponseStreamOutput struct{ StatusCode int32 }

func (c *Client) InvokeWithResponseStream(ctx context.Context, params *InvokeWithResponseStreamInput, optFns ...func(*Options)) (*InvokeWithResponseStreamOutput, error) {
	return nil, nil
}
