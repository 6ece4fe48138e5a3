// Package lambda is a stub of github.com/aws/aws-sdk-go-v2/service/lambda for tests.
package lambda

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
)

type Options struct{ Region string }

type Client struct{ options Options }

func New(options Options, optFns ...func(*Options)) *Client { return &Client{} }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

type InvokeInput struct {
	TableName      *string
	Bucket, Key    *string
	QueueUrl       *string
	MessageBody    *string
	FunctionName   *string
	Payload        []byte
	InvocationType types.InvocationType
}

type InvokeOutput struct{ Payload []byte }

func (c *Client) Invoke(ctx context.Context, params *InvokeInput, optFns ...func(*Options)) (*InvokeOutput, error) {
	return nil, nil
}
