// Package redis is a stub of github.com/redis/go-redis/v9 for tests.
package redis

import "context"

type Options struct{ Addr string }

type StringCmd struct{}

func (cmd *StringCmd) Result() (string, error) { return "", nil }

type Client struct{}

func NewClient(opt *Options) *Client { return &Client{} }

func (c *Client) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }
