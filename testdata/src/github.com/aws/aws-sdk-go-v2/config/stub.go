// Package config is a stub of github.com/aws/aws-sdk-go-v2/config for tests.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type LoadOptions struct{ Region string }

func WithRegion(v string) func(*LoadOptions) error { return nil }

func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (aws.Config, error) {
	return aws.Config{}, nil
}
