// Package lambda is a stub of github.com/aws/aws-lambda-go/lambda for tests.
package lambda

import "context"

type Handler interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

type HandlerFunc[TIn, TOut any] interface {
	func(context.Context, TIn) (TOut, error)
}

type Option func(*handlerOptions)

type handlerOptions struct{}

func WithEnableSIGTERM(callbacks ...func()) Option { return nil }
func WithContext(ctx context.Context) Option       { return nil }

func Start(handler interface{})                                                              {}
func StartWithOptions(handler interface{}, options ...Option)                                {}
func StartWithContext(ctx context.Context, handler interface{})                              {}
func StartHandler(handler Handler)                                                           {}
func StartHandlerWithContext(ctx context.Context, handler Handler)                           {}
func StartHandlerFunc[TIn, TOut any, H HandlerFunc[TIn, TOut]](handler H, options ...Option) {}
func NewHandler(handlerFunc interface{}) Handler                                             { return nil }
func NewHandlerWithOptions(handlerFunc interface{}, options ...Option) Handler               { return nil }
