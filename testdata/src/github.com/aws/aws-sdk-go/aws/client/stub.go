// Package client is a stub of github.com/aws/aws-sdk-go/aws/client for tests.
package client

type Config struct{}

type ConfigProvider interface {
	ClientConfig(serviceName string) Config
}
