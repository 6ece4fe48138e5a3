// Package lambda is a stub of github.com/aws/aws-sdk-go/service/lambda for tests.
package lambda

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/request"
)

type Lambda struct{}

type InvokeInput struct {
	FunctionName   *string
	InvocationType *string
	Payload        []byte
}
type InvokeOutput struct{ Payload []byte }

func New(p client.ConfigProvider, cfgs ...*aws.Config) *Lambda { return &Lambda{} }

func (c *Lambda) Invoke(input *InvokeInput) (*InvokeOutput, error) { return nil, nil }
func (c *Lambda) InvokeWithContext(ctx aws.Context, input *InvokeInput, opts ...request.Option) (*InvokeOutput, error) {
	return nil, nil
}
