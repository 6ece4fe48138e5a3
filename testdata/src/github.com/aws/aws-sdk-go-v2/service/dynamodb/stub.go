// Package dynamodb is a stub of github.com/aws/aws-sdk-go-v2/service/dynamodb for tests.
package dynamodb

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type Options struct{ Region string }

type Client struct{ options Options }

func New(options Options, optFns ...func(*Options)) *Client { return &Client{} }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

type GetItemInput struct {
	TableName    *string
	Bucket, Key  *string
	QueueUrl     *string
	MessageBody  *string
	FunctionName *string
	Payload      []byte
}

type GetItemOutput struct{ Payload []byte }

func (c *Client) GetItem(ctx context.Context, params *GetItemInput, optFns ...func(*Options)) (*GetItemOutput, error) {
	return nil, nil
}

type PutItemInput struct {
	TableName    *string
	Bucket, Key  *string
	QueueUrl     *string
	MessageBody  *string
	FunctionName *string
	Payload      []byte
}

type PutItemOutput struct{ Payload []byte }

func (c *Client) PutItem(ctx context.Context, params *PutItemInput, optFns ...func(*Options)) (*PutItemOutput, error) {
	return nil, nil
}

type QueryInput struct {
	TableName    *string
	Bucket, Key  *string
	QueueUrl     *string
	MessageBody  *string
	FunctionName *string
	Payload      []byte
}

type QueryOutput struct{ Payload []byte }

func (c *Client) Query(ctx context.Context, params *QueryInput, optFns ...func(*Options)) (*QueryOutput, error) {
	return nil, nil
}
