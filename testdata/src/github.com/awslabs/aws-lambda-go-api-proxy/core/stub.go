// Package core is a stub of github.com/awslabs/aws-lambda-go-api-proxy/core for tests.
package core
