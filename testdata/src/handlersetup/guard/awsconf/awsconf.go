// Package awsconf builds an AWS configuration, with an S3 client for a
// replica bucket only when the caller asks for one: reduced from a
// configuration helper of the corpus (brexhq/substation's config.NewAWS).
package awsconf

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Options struct {
	Region  string
	Replica string // a bucket to replicate to, if any
	Verbose bool
}

// Load loads the configuration, and builds the replica's client when
// opts.Replica is set.
func Load(ctx context.Context, opts Options) (aws.Config, error) { // want Load:`summary\(config.LoadDefaultConfig; s3.NewFromConfig if #1.Replica\)`
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return cfg, err
	}
	if opts.Replica != "" && opts.Region != "" {
		_ = s3.NewFromConfig(cfg)
	}
	return cfg, nil
}

// Debug builds a client only in verbose mode.
func Debug(ctx context.Context, opts *Options) { // want Debug:`summary\(s3.NewFromConfig if #1.Verbose\)`
	if opts.Verbose {
		_ = s3.NewFromConfig(aws.Config{})
	}
}

// Wrap passes its options on to Load.
func Wrap(ctx context.Context, opts Options) (aws.Config, error) { // want Wrap:`summary\(awsconf.Load → config.LoadDefaultConfig; awsconf.Load → s3.NewFromConfig if #1.Replica\)`
	return Load(ctx, opts)
}

// Assume loads a configuration for the role to assume, if any, and then
// the default one in any case.
func Assume(ctx context.Context, opts Options) (aws.Config, error) { // want Assume:`summary\(config.LoadDefaultConfig\)`
	if opts.Replica != "" {
		if _, err := config.LoadDefaultConfig(ctx); err != nil {
			return aws.Config{}, err
		}
	}
	return config.LoadDefaultConfig(ctx)
}

// A Loader loads configurations with its options.
type Loader struct{}

// Load builds the replica's client when opts.Replica is set.
func (Loader) Load(ctx context.Context, opts Options) { // want Load:`summary\(s3.NewFromConfig if #1.Replica\)`
	if opts.Replica != "" {
		_ = s3.NewFromConfig(aws.Config{})
	}
}
