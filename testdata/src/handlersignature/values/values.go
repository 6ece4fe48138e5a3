// Package values hands lambda.Start values that are not plain functions.
package values

import (
	"context"

	"github.com/aws/aws-lambda-go/cfn"
	"github.com/aws/aws-lambda-go/lambda"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-lambda-go/otellambda"
)

type Event struct{ ID string }

// ValueInvoke implements lambda.Handler with a value receiver.
type ValueInvoke struct{}

func (ValueInvoke) Invoke(ctx context.Context, payload []byte) ([]byte, error) { return payload, nil }

// PtrInvoke implements lambda.Handler through its pointer only.
type PtrInvoke struct{ calls int }

func (p *PtrInvoke) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	p.calls++
	return payload, nil
}

// WrongInvoke has an Invoke method of another signature.
type WrongInvoke struct{}

func (WrongInvoke) Invoke(ctx context.Context, e Event) error { return nil }

// Plain has no Invoke method at all.
type Plain struct{ Name string }

// HandlerFunc is a function type that is also a lambda.Handler.
type HandlerFunc func(ctx context.Context, payload []byte) ([]byte, error)

func (f HandlerFunc) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return f(ctx, payload)
}

// Typed is a named function type: its kind is func.
type Typed func(ctx context.Context, e Event) error

func handle(ctx context.Context, e Event) error { return nil }

func custom(ctx context.Context, e cfn.Event) (string, map[string]interface{}, error) {
	return "", nil, nil
}

func wrap(h any) any { return h }

func newPlain() Plain { return Plain{} }

func main() {
	lambda.Start(ValueInvoke{})
	lambda.Start(&ValueInvoke{})
	lambda.Start(&PtrInvoke{})
	lambda.Start(HandlerFunc(func(ctx context.Context, p []byte) ([]byte, error) { return p, nil }))
	lambda.Start(Typed(handle))
	lambda.StartHandler(&PtrInvoke{})
	lambda.StartHandler(lambda.NewHandler(handle))
	lambda.StartHandlerWithContext(context.Background(), ValueInvoke{})
	lambda.Start(cfn.LambdaWrap(custom))
	lambda.Start(otellambda.InstrumentHandler(handle)) // any: the dynamic type is unknown
	lambda.Start(otellambda.InstrumentHandler(Plain{}))
	lambda.Start(wrap(Plain{}))
	var h any = Plain{}
	lambda.Start(h)
	var lh lambda.Handler = &PtrInvoke{}
	lambda.Start(lh)
	lambda.Start(lambda.NewHandler(Plain{})) // want `handler kind struct is not func`

	lambda.Start(PtrInvoke{})   // want `handler kind struct is not func: aws-lambda-go accepts the handler at lambda.Start and then fails every invocation with this error; pass a pointer \(&v\): its Invoke method has a pointer receiver`
	lambda.Start(WrongInvoke{}) // want `handler kind struct is not func: .*; give Invoke the signature of lambda.Handler, Invoke\(context.Context, \[\]byte\) \(\[\]byte, error\)$`
	lambda.Start(Plain{})       // want `handler kind struct is not func: .*; pass a function, or a value with lambda.Handler's Invoke`
	lambda.Start(newPlain())    // want `handler kind struct is not func`
	lambda.Start(nil)           // want `handler is nil: aws-lambda-go accepts the handler at lambda.Start and then fails every invocation with this error; pass the handler function`
	f := handle
	lambda.Start(&f)                         // want `handler kind ptr is not func`
	lambda.Start("handler")                  // want `handler kind string is not func`
	lambda.Start(map[string]any{"h": f})     // want `handler kind map is not func`
	lambda.StartWithOptions([]Typed{handle}) // want `handler kind slice is not func`
}
