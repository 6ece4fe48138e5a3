// Package handlersignature defines an Analyzer that reports handlers that
// aws-lambda-go accepts at lambda.Start and then fails on every
// invocation.
//
// # Analyzer handlersignature
//
// handlersignature: report handlers whose signature or event/result types fail every invocation
//
// lambda.Start takes the handler as an interface{} and validates it by
// reflection when it is called (lambda/handler.go: reflectHandler,
// handlerTakesContext, validateReturns). An invalid handler does not stop
// the process or fail the deployment: every invocation fails with the
// validation error instead. The analyzer mirrors those checks on the static
// type of the handler argument of lambda.Start, StartWithOptions,
// StartWithContext, StartHandlerFunc, NewHandler and NewHandlerWithOptions,
// and quotes the runtime's error:
//
//   - a nil handler ("handler is nil");
//   - a value that is neither a lambda.Handler nor a function ("handler kind
//     struct is not func"), such as a struct whose Invoke method has a
//     pointer receiver, passed by value;
//   - more than two parameters; two parameters whose first is not
//     context.Context; a single parameter of a non-empty interface type
//     other than context.Context (an interface with exactly the methods of
//     context.Context counts as one, as in the runtime's check);
//   - more than two results; a last result that does not implement error;
//   - a last result of a concrete type that implements error (*MyErr): the
//     runtime accepts it, but turns it into an error value, which is non-nil
//     even for a nil *MyErr, so every invocation fails;
//   - an event type that encoding/json cannot decode any JSON value but null
//     into: a chan, func, complex number, unsafe.Pointer, non-empty interface
//     or map whose key is neither a string, an integer nor an
//     encoding.TextUnmarshaler, unless it implements json.Unmarshaler or
//     encoding.TextUnmarshaler;
//   - a result type that encoding/json cannot encode ("json: unsupported
//     type"): one of those kinds, as the type itself or reached through the
//     fields encoding/json encodes (exported, not `json:"-"`, embedded
//     structs flattened with its rules for hidden fields, omitempty and
//     omitzero honoured), pointers, slices, non-empty arrays and map values,
//     unless a type on the way implements json.Marshaler or
//     encoding.TextMarshaler (T or *T), or the result implements io.Reader
//     (the runtime then streams it).
//
// A handler that fails the validation gets that one finding, as at run
// time; a valid one gets one finding for each of its event, error result
// and result. The event check stops at the top-level type: encoding/json fails on a bad
// struct field only when the payload carries its key. A []byte event is
// decoded from a base64 string (a feature aws-lambda-go tests), so it is
// left alone. A handler argument of interface type (a wrapper such as
// otellambda.InstrumentHandler that returns any) or of a type parameter is
// not checked, and neither are calls to helpers of your own that pass
// their parameter on to lambda.Start (they may adapt it), lambda.StartHandler
// (the compiler checks lambda.Handler) or cfn.LambdaWrap (a typed function).
// There is no suggested fix: the right signature or field type is the
// developer's choice, and `json:"-"` would silently drop a field from the
// response.
package handlersignature
