package lambda

import (
	"io"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/request"
)

const (
	InvocationTypeEvent           = "Event"
	InvocationTypeRequestResponse = "RequestResponse"
	InvocationTypeDryRun          = "DryRun"

	ResponseStreamingInvocationTypeRequestResponse = "RequestResponse"
	ResponseStreamingInvocationTypeDryRun          = "DryRun"
)

func (c *Lambda) InvokeRequest(input *InvokeInput) (req *request.Request, output *InvokeOutput) {
	return nil, nil
}

func (s *InvokeInput) SetFunctionName(v string) *InvokeInput   { return s }
func (s *InvokeInput) SetInvocationType(v string) *InvokeInput { return s }
func (s *InvokeInput) SetPayload(v []byte) *InvokeInput        { return s }

type InvokeAsyncInput struct {
	FunctionName *string
	InvokeArgs   io.ReadSeeker
}

type InvokeAsyncOutput struct{ Status *int64 }

func (c *Lambda) InvokeAsync(input *InvokeAsyncInput) (*InvokeAsyncOutput, error) { return nil, nil }
func (c *Lambda) InvokeAsyncWithContext(ctx aws.Context, input *InvokeAsyncInput, opts ...request.Option) (*InvokeAsyncOutput, error) {
	return nil, nil
}
func (c *Lambda) InvokeAsyncRequest(input *InvokeAsyncInput) (req *request.Request, output *InvokeAsyncOutput) {
	return nil, nil
}

type InvokeWithResponseStreamInput struct {
	FunctionName   *string
	InvocationType *string
	Payload        []byte
	Qualifier      *string
}

type InvokeWithResponseStreamOutput struct{ StatusCode *int64 }

func (c *Lambda) InvokeWithResponseStream(input *InvokeWithResponseStreamInput) (*InvokeWithResponseStreamOutput, error) {
	return nil, nil
}
func (c *Lambda) InvokeWithResponseStreamWithContext(ctx aws.Context, input *InvokeWithResponseStreamInput, opts ...request.Option) (*InvokeWithResponseStreamOutput, error) {
	return nil, nil
}
func (c *Lambda) InvokeWithResponseStreamRequest(input *InvokeWithResponseStreamInput) (req *request.Request, output *InvokeWithResponseStreamOutput) {
	return nil, nil
}
