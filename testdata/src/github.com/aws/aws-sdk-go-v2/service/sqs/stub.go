// Package sqs is a stub of github.com/aws/aws-sdk-go-v2/service/sqs for tests.
package sqs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type Options struct{ Region string }

type Client struct{ options Options }

func New(options Options, optFns ...func(*Options)) *Client { return &Client{} }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return &Client{} }

type SendMessageInput struct {
	TableName    *string
	Bucket, Key  *string
	QueueUrl     *string
	MessageBody  *string
	FunctionName *string
	Payload      []byte
}

type SendMessageOutput struct{ Payload []byte }

func (c *Client) SendMessage(ctx context.Context, params *SendMessageInput, optFns ...func(*Options)) (*SendMessageOutput, error) {
	return nil, nil
}

type ReceiveMessageInput struct {
	TableName    *string
	Bucket, Key  *string
	QueueUrl     *string
	MessageBody  *string
	FunctionName *string
	Payload      []byte
}

type ReceiveMessageOutput struct{ Payload []byte }

func (c *Client) ReceiveMessage(ctx context.Context, params *ReceiveMessageInput, optFns ...func(*Options)) (*ReceiveMessageOutput, error) {
	return nil, nil
}

type DeleteMessageInput struct {
	TableName    *string
	Bucket, Key  *string
	QueueUrl     *string
	MessageBody  *string
	FunctionName *string
	Payload      []byte
}

type DeleteMessageOutput struct{ Payload []byte }

func (c *Client) DeleteMessage(ctx context.Context, params *DeleteMessageInput, optFns ...func(*Options)) (*DeleteMessageOutput, error) {
	return nil, nil
}
