// Package discovery defines the lambdahandlers analyzer, the handler
// discovery that every lambdalint rule requires.
//
// # Analyzer lambdahandlers
//
// lambdahandlers: find the AWS Lambda handler entry points of a package and
// the code reachable from them
//
// A handler is found where it is handed to the Lambda runtime:
//
//   - aws-lambda-go: lambda.Start, StartWithOptions, StartWithContext,
//     StartHandler, StartHandlerWithContext, StartHandlerFunc, NewHandler,
//     NewHandlerWithOptions, lambdaurl.Start and lambdaurl.Wrap, cfn.LambdaWrap;
//     the handler may be a named function, a function literal, a method value,
//     a generic function, or a value implementing lambda.Handler (its Invoke);
//   - HTTP adapters (awslabs/aws-lambda-go-api-proxy, akrylysov/algnhsa,
//     apex/gateway, apex/go-apex): the routes registered on the router or mux
//     handed to the adapter are the handlers;
//   - wrappers: a function argument of a call whose result reaches a start
//     call is a handler (otellambda.InstrumentHandler, ddlambda.WrapFunction,
//     middleware), and a function whose parameter reaches a start call is a
//     starter itself, exported as a fact so that callers in other packages
//     are found;
//   - a //lambdalint:handler directive in a function's doc comment.
//
// Matching is by types and import paths, never by local names.
//
// Code reachable from a handler is found by following static calls, method
// calls on concrete types, closures and function values inside the package.
// Function literals that run at most once (sync.Once.Do, sync.OnceFunc,
// sync.OnceValue, sync.OnceValues) are init code and are not followed.
// Across packages, each rule summarises what a function does in a fact of
// its own (see Result.Run), so a finding in another package is reported at
// the call site in handler code with the chain of calls that leads to it.
//
// The analyzer reports nothing itself.
package discovery
