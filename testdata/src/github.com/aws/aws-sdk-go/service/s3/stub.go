// Package s3 is a stub of github.com/aws/aws-sdk-go/service/s3 for tests.
package s3

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/request"
)

type S3 struct{}

type GetObjectInput struct{ Bucket, Key *string }
type GetObjectOutput struct{}

func New(p client.ConfigProvider, cfgs ...*aws.Config) *S3 { return &S3{} }

func (c *S3) GetObject(input *GetObjectInput) (*GetObjectOutput, error) { return nil, nil }
func (c *S3) GetObjectWithContext(ctx aws.Context, input *GetObjectInput, opts ...request.Option) (*GetObjectOutput, error) {
	return nil, nil
}
