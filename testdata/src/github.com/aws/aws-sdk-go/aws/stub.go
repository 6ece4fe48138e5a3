// Package aws is a stub of github.com/aws/aws-sdk-go/aws for tests.
package aws

import "context"

type Context = context.Context

type Config struct{ Region *string }

func String(v string) *string { return &v }

func NewConfig() *Config { return &Config{} }

func (c *Config) WithRegion(region string) *Config { return c }
