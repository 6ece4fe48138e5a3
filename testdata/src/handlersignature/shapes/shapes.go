// Package shapes has every handler signature lambda.Start accepts, and the
// ones it accepts and then rejects on every invocation.
package shapes

import (
	"context"
	"errors"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ ID string }

type Response struct{ OK bool }

// MyErr is a concrete error type: lambda.Start accepts it as the last
// result, but then every invocation fails (a nil *MyErr is a non-nil error).
type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "code" }

// ValErr implements error with a value receiver.
type ValErr struct{}

func (ValErr) Error() string { return "val" }

// PtrOnlyErr implements error only through its pointer.
type PtrOnlyErr struct{}

func (*PtrOnlyErr) Error() string { return "ptr" }

// Ctx has exactly the method set of context.Context.
type Ctx interface {
	Deadline() (time.Time, bool)
	Done() <-chan struct{}
	Err() error
	Value(key any) any
}

// EmbedsCtx is context.Context under another name.
type EmbedsCtx interface{ context.Context }

// MoreCtx has more methods than context.Context.
type MoreCtx interface {
	context.Context
	RequestID() string
}

// WrappedErr is an interface that includes error.
type WrappedErr interface {
	error
	Unwrap() error
}

type Server struct{}

func (s *Server) Handle(ctx context.Context, e Event) (Response, error) { return Response{}, nil }

func noArgs()                                                   {}
func onlyErr() error                                            { return nil }
func onlyCtx(ctx context.Context)                               {}
func ctxErr(ctx context.Context) error                          { return nil }
func ctxOut(ctx context.Context) (Response, error)              { return Response{}, nil }
func full(ctx context.Context, e Event) (Response, error)       { return Response{}, nil }
func eventOnly(e Event)                                         {}
func eventErr(e Event) error                                    { return nil }
func eventOut(e Event) (Response, error)                        { return Response{}, nil }
func outOnly() (Response, error)                                { return Response{}, nil }
func anyEvent(e any) error                                      { return nil }
func ptrEvent(ctx context.Context, e *Event) (*Response, error) { return nil, nil }
func concreteErr(ctx context.Context, e Event) *MyErr           { return nil }
func concreteErr2(ctx context.Context, e Event) (Response, *MyErr) {
	return Response{}, nil
}
func valErr(ctx context.Context) (Response, ValErr)         { return Response{}, ValErr{} }
func wrappedErr(ctx context.Context) (Response, WrappedErr) { return Response{}, nil }
func customCtx(ctx Ctx, e Event) error                      { return nil }
func embedsCtx(ctx EmbedsCtx) error                         { return nil }
func ctxAlone(ctx Ctx) error                                { return nil }
func sqs(ctx context.Context, e events.SQSEvent) error      { return nil }
func apigw(ctx context.Context, r events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, nil
}

// Invalid shapes.
func threeArgs(ctx context.Context, e Event, n int) error     { return nil }
func ctxSecond(e Event, ctx context.Context) error            { return nil }
func anyFirst(x any, e Event) error                           { return nil }
func moreCtx(ctx MoreCtx, e Event) error                      { return nil }
func moreCtxAlone(ctx MoreCtx) error                          { return nil }
func notCtxIface(err error) error                             { return nil }
func threeResults(ctx context.Context) (Response, int, error) { return Response{}, 0, nil }
func notErrSecond(ctx context.Context) (Response, bool)       { return Response{}, false }
func anySecond(ctx context.Context) (Response, any)           { return Response{}, nil }
func singleNotErr(ctx context.Context, e Event) Response      { return Response{} }
func ptrOnlyErr(ctx context.Context) (Response, PtrOnlyErr)   { return Response{}, PtrOnlyErr{} }
func errFirst(ctx context.Context) (error, Response)          { return nil, Response{} }
func ctxCtx(ctx context.Context, ctx2 context.Context) error  { return nil }

func main() {
	lambda.Start(noArgs)
	lambda.Start(onlyErr)
	lambda.Start(onlyCtx)
	lambda.Start(ctxErr)
	lambda.Start(ctxOut)
	lambda.Start(full)
	lambda.Start(eventOnly)
	lambda.Start(eventErr)
	lambda.Start(eventOut)
	lambda.Start(outOnly)
	lambda.Start(anyEvent)
	lambda.Start(ptrEvent)
	lambda.Start(wrappedErr)
	lambda.Start(customCtx)
	lambda.Start(embedsCtx)
	lambda.Start(ctxAlone)
	lambda.Start(sqs)
	lambda.StartWithOptions(apigw, lambda.WithEnableSIGTERM())
	lambda.StartWithContext(context.Background(), full)
	s := &Server{}
	lambda.Start(s.Handle)
	lambda.Start(func(ctx context.Context, e Event) error { return errors.New("x") })
	var h func(context.Context, Event) (Response, error) = full
	lambda.Start(h)

	lambda.Start(threeArgs)                                                         // want `handlers may not take more than two arguments, but handler takes 3: aws-lambda-go accepts the handler at lambda.Start and then fails every invocation with this error; take \(context.Context, event\)`
	lambda.Start(ctxSecond)                                                         // want `handler takes two arguments, but the first is not Context. got struct: .*make context.Context the first parameter`
	lambda.Start(anyFirst)                                                          // want `handler takes two arguments, but the first is not Context. got interface`
	lambda.Start(moreCtx)                                                           // want `handler takes two arguments, but the first is not Context. got interface`
	lambda.Start(moreCtxAlone)                                                      // want `handler takes an interface, but it is not context.Context: "MoreCtx"`
	lambda.Start(notCtxIface)                                                       // want `handler takes an interface, but it is not context.Context: "error"`
	lambda.Start(threeResults)                                                      // want `handler may not return more than two values: `
	lambda.Start(notErrSecond)                                                      // want `handler returns two values, but the second does not implement error: aws-lambda-go accepts the handler at lambda.Start and then fails every invocation with this error; return \(T, error\)$`
	lambda.Start(anySecond)                                                         // want `handler returns two values, but the second does not implement error`
	lambda.Start(singleNotErr)                                                      // want `handler returns a single value, but it does not implement error`
	lambda.Start(ptrOnlyErr)                                                        // want `handler returns two values, but the second does not implement error`
	lambda.Start(errFirst)                                                          // want `handler returns two values, but the second does not implement error`
	lambda.Start(ctxCtx)                                                            // want `handler event type context.Context cannot be decoded from JSON: aws-lambda-go fails every invocation with "json: cannot unmarshal object into Go value of type context.Context" before the handler runs`
	lambda.StartWithOptions(singleNotErr)                                           // want `handler returns a single value.* at lambda.StartWithOptions and`
	lambda.StartWithContext(context.Background(), threeArgs)                        // want `at lambda.StartWithContext and`
	lambda.NewHandler(threeArgs)                                                    // want `at lambda.NewHandler and`
	lambda.NewHandlerWithOptions(ctxSecond)                                         // want `at lambda.NewHandlerWithOptions and`
	lambda.Start((*Server).Handle)                                                  // want `handlers may not take more than two arguments, but handler takes 3`
	lambda.Start(func(ctx context.Context, e Event) Response { return Response{} }) // want `handler returns a single value`

	// Concrete error types pass the validation; every invocation fails.
	lambda.Start(concreteErr)  // want `handler's error result has the concrete type \*MyErr: aws-lambda-go accepts it at lambda.Start, but turns every value of it, even a nil \*MyErr, into a non-nil error, so every invocation fails; declare the result as error`
	lambda.Start(concreteErr2) // want `concrete type \*MyErr`
	lambda.Start(valErr)       // want `concrete type ValErr: aws-lambda-go accepts it at lambda.Start, but turns every value of it into a non-nil error`
}
