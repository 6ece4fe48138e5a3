// Package invoke defines an Analyzer that reports Lambda handlers that
// invoke their own function, or invoke another function and wait for it.
//
// # Analyzer invoke
//
// invoke: report recursive and synchronous Lambda invokes in handler code
//
// In code reachable from a handler, the analyzer looks at the Lambda invoke
// calls of both AWS SDKs (v1 Invoke, InvokeWithContext, InvokeRequest,
// InvokeAsync*, InvokeWithResponseStream*; v2 Invoke, InvokeAsync,
// InvokeWithResponseStream) whose input is a composite literal, written in
// the call or bound to a local variable that is not changed afterwards, and
// reports:
//
//   - a self-invocation: the input's FunctionName is the function's own
//     name or ARN, taken from os.Getenv("AWS_LAMBDA_FUNCTION_NAME"),
//     lambdacontext.FunctionName or the InvokedFunctionArn of
//     lambdacontext.FromContext, directly (through aws.String) or through a
//     local or package variable assigned only from them. Every invocation
//     starts another: a recursive loop that runs and bills until something
//     stops it, whatever the InvocationType (an Event loop only runs
//     faster). Only a DryRun, which runs nothing, is left alone;
//   - a synchronous invoke of another function: InvocationType absent (the
//     default, RequestResponse) or the constant RequestResponse. Both
//     functions run and bill while the caller waits, the caller's timeout
//     must cover the callee's, and the callee's throttling becomes the
//     caller's error (Sonar S6246).
//
// It stays silent for InvocationType Event and DryRun, when the
// InvocationType is not a constant, when the input is built elsewhere (a
// parameter, a field, a function's result) or changed after the literal
// (a field assignment, a Set method), and in code that runs once (init,
// main before lambda.Start, sync.Once bodies). An invoke in another
// package is reported at the call in handler code, with the chain of calls
// that leads to it.
//
// There is no suggested fix: turning a RequestResponse invoke into an Event
// loses the response and the callee's error, which the code after the call
// usually reads, so the change is a design decision (a queue, Step
// Functions, or Event with no result needed), not an edit.
package invoke
