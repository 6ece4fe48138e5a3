// Command cmd calls helpers whose expensive calls happen only when a field
// of their argument is set: a call that leaves the field out of a composite
// literal never reaches them, and is not charged with them.
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"handlersetup/guard/awsconf"
)

type settings struct {
	mirror bool
	name   string
}

// open builds a client only when asked to mirror.
func open(s settings) {
	if s.mirror {
		_ = s3.NewFromConfig(aws.Config{}) // want `s3.NewFromConfig runs on every invocation`
	}
}

// quiet is only ever called without mirror: silent.
func quiet(s settings) {
	if s.mirror {
		_ = s3.NewFromConfig(aws.Config{})
	}
}

func handler(ctx context.Context, replica string) error {
	// The replica's client is built only with a replica: LoadDefaultConfig
	// runs on every invocation, s3.NewFromConfig does not.
	_, _ = awsconf.Load(ctx, awsconf.Options{})                                 // want `config.LoadDefaultConfig runs .*\(handler → awsconf.Load → config.LoadDefaultConfig\)$`
	_, _ = awsconf.Load(ctx, awsconf.Options{Region: "eu-west-1", Replica: ""}) // want `config.LoadDefaultConfig runs .*\(handler → awsconf.Load → config.LoadDefaultConfig\)$`
	awsconf.Debug(ctx, &awsconf.Options{Verbose: false})
	_, _ = awsconf.Wrap(ctx, awsconf.Options{}) // want `config.LoadDefaultConfig runs .*\(handler → awsconf.Wrap → awsconf.Load → config.LoadDefaultConfig\)$`
	quiet(settings{name: "x"})
	_, _ = awsconf.Assume(ctx, awsconf.Options{}) // want `config.LoadDefaultConfig runs .*\(handler → awsconf.Assume → config.LoadDefaultConfig\)$`

	// The field is set, or may be: charged.
	_, _ = awsconf.Load(ctx, awsconf.Options{Replica: replica}) // want `config.LoadDefaultConfig runs` `s3.NewFromConfig runs .*\(handler → awsconf.Load → s3.NewFromConfig\)$`
	opts := awsconf.Options{}
	_, _ = awsconf.Load(ctx, opts)                                       // want `config.LoadDefaultConfig runs` `s3.NewFromConfig runs`
	awsconf.Debug(ctx, &awsconf.Options{Verbose: true})                  // want `s3.NewFromConfig runs .*\(handler → awsconf.Debug → s3.NewFromConfig\)$`
	_, _ = awsconf.Wrap(ctx, awsconf.Options{Replica: "r", Region: "r"}) // want `config.LoadDefaultConfig runs` `s3.NewFromConfig runs .*\(handler → awsconf.Wrap → awsconf.Load → s3.NewFromConfig\)$`
	// A method value and a method expression: the receiver shifts the
	// arguments of the latter.
	awsconf.Loader{}.Load(ctx, awsconf.Options{})
	awsconf.Loader{}.Load(ctx, awsconf.Options{Replica: replica})                 // want `s3.NewFromConfig runs .*\(handler → awsconf.Loader.Load → s3.NewFromConfig\)$`
	awsconf.Loader.Load(awsconf.Loader{}, ctx, awsconf.Options{Replica: replica}) // want `s3.NewFromConfig runs`
	open(settings{mirror: replica != ""})
	open(settings{})
	return nil
}

func main() { lambda.Start(handler) }
