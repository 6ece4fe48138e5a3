package main

import (
	"os"
	"testing"
)

func TestHandler(t *testing.T) {
	os.Setenv("AWS_REGION", "us-east-1") // tests: silent
	os.Setenv("AWS_LAMBDA_FUNCTION_NAME", "test")
	t.Setenv("AWS_REGION", "us-east-1")
}
