// Package grpc is a stub of google.golang.org/grpc for tests.
package grpc

import "context"

type ClientConn struct{}

type DialOption interface{}

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{}, nil
}
func NewClient(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

func (cc *ClientConn) Close() error { return nil }
