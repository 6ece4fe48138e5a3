// Package algnhsa is a stub of github.com/akrylysov/algnhsa for tests,
// written from its documented API (the module is not served here).
package algnhsa

import (
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
)

type Options struct{}

func ListenAndServe(handler http.Handler, opts *Options)     {}
func New(handler http.Handler, opts *Options) lambda.Handler { return nil }
