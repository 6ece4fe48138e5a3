// Package s3 is a stub of github.com/aws/aws-sdk-go-v2/service/s3 for tests.
package s3

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type Options struct{ Region string }

type Client struct{ options Options }

func New(options Options, optFns ...func(*Options)) *Client { return &Client{} }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

type GetObjectInput struct {
	TableName    *string
	Bucket, Key  *string
	QueueUrl     *string
	MessageBody  *string
	FunctionName *string
	Payload      []byte
}

type GetObjectOutput struct{ Payload []byte }

func (c *Client) GetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*Options)) (*GetObjectOutput, error) {
	return nil, nil
}

type PutObjectInput struct {
	TableName    *string
	Bucket, Key  *string
	QueueUrl     *string
	MessageBody  *string
	FunctionName *string
	Payload      []byte
}

type PutObjectOutput struct{ Payload []byte }

func (c *Client) PutObject(ctx context.Context, params *PutObjectInput, optFns ...func(*Options)) (*PutObjectOutput, error) {
	return nil, nil
}
