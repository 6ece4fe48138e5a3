// Package request is a stub of github.com/aws/aws-sdk-go/aws/request for tests.
package request

type Request struct{}

type Option func(*Request)
