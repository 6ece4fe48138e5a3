// Package generic starts generic handlers.
package generic

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type Order struct{ ID string }

type Stream struct {
	ID      string
	Updates chan Order
}

func decode[T any](ctx context.Context, in T) (T, error) { return in, nil }

func typed(ctx context.Context, o Order) (Order, error) { return o, nil }

func streaming(ctx context.Context, o Order) (Stream, error) { return Stream{}, nil }

func fromChan(ctx context.Context, c chan Order) (Order, error) { return Order{}, nil }

// start is generic: T is unknown inside it.
func start[T, R any](h func(context.Context, T) (R, error)) {
	lambda.Start(h)
	lambda.StartHandlerFunc(h)
}

func startAny[H any](h H) {
	lambda.Start(h)
}

func main() {
	lambda.Start(decode[Order])
	lambda.StartHandlerFunc(typed)
	lambda.StartHandlerFunc(decode[Order])
	start(streaming)
	startAny(3)

	lambda.StartHandlerFunc(streaming) // want `handler result type Stream cannot be encoded to JSON \(Stream.Updates\): every invocation that returns one fails with "json: unsupported type: chan generic.Order"`
	lambda.StartHandlerFunc(fromChan)  // want `handler event type chan Order cannot be decoded`
	lambda.Start(decode[Stream])       // want `\(Stream.Updates\)`
	lambda.Start(decode[complex128])   // want `handler event type complex128 cannot be decoded` `handler result type complex128 cannot be encoded`
}
