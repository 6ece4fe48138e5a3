package lambdaapi

// InvokeKind says which invocation types a Lambda invoke call can make.
type InvokeKind int

const (
	// InvokeTyped invokes the way the input's InvocationType says:
	// synchronously (RequestResponse) when it is absent.
	InvokeTyped InvokeKind = iota
	// InvokeStream streams the response back: synchronous unless the
	// InvocationType is DryRun.
	InvokeStream
	// InvokeQueued always queues the event (the deprecated InvokeAsync).
	InvokeQueued
)

// InvokeCall describes a call of the Lambda API that invokes a function.
type InvokeCall struct {
	Kind InvokeKind
	// Input is the index of the argument that holds the input struct
	// (FunctionName, InvocationType).
	Input int
	// Short is the name written in diagnostics, e.g. "lambda.Invoke".
	Short string
}

const (
	LambdaSDKv1 = "github.com/aws/aws-sdk-go/service/lambda"
	LambdaSDKv2 = "github.com/aws/aws-sdk-go-v2/service/lambda"
)

// InvokeCalls are the calls that invoke a Lambda function, in both AWS SDKs.
// The v1 *Request variants build the request that Send runs; they are
// judged where the input is given.
var InvokeCalls = map[string]InvokeCall{
	"(*" + LambdaSDKv1 + ".Lambda).Invoke":                              {InvokeTyped, 0, "lambda.Invoke"},
	"(*" + LambdaSDKv1 + ".Lambda).InvokeWithContext":                   {InvokeTyped, 1, "lambda.InvokeWithContext"},
	"(*" + LambdaSDKv1 + ".Lambda).InvokeRequest":                       {InvokeTyped, 0, "lambda.InvokeRequest"},
	"(*" + LambdaSDKv1 + ".Lambda).InvokeWithResponseStream":            {InvokeStream, 0, "lambda.InvokeWithResponseStream"},
	"(*" + LambdaSDKv1 + ".Lambda).InvokeWithResponseStreamWithContext": {InvokeStream, 1, "lambda.InvokeWithResponseStreamWithContext"},
	"(*" + LambdaSDKv1 + ".Lambda).InvokeWithResponseStreamRequest":     {InvokeStream, 0, "lambda.InvokeWithResponseStreamRequest"},
	"(*" + LambdaSDKv1 + ".Lambda).InvokeAsync":                         {InvokeQueued, 0, "lambda.InvokeAsync"},
	"(*" + LambdaSDKv1 + ".Lambda).InvokeAsyncWithContext":              {InvokeQueued, 1, "lambda.InvokeAsyncWithContext"},
	"(*" + LambdaSDKv1 + ".Lambda).InvokeAsyncRequest":                  {InvokeQueued, 0, "lambda.InvokeAsyncRequest"},
	"(*" + LambdaSDKv2 + ".Client).Invoke":                              {InvokeTyped, 1, "lambda.Invoke"},
	"(*" + LambdaSDKv2 + ".Client).InvokeWithResponseStream":            {InvokeStream, 1, "lambda.InvokeWithResponseStream"},
	"(*" + LambdaSDKv2 + ".Client).InvokeAsync":                         {InvokeQueued, 1, "lambda.InvokeAsync"},
}

// The values of an invoke input's InvocationType (v1 lambda.InvocationType*
// constants, v2 types.InvocationType and types.ResponseStreamingInvocationType).
const (
	InvocationRequestResponse = "RequestResponse"
	InvocationEvent           = "Event"
	InvocationDryRun          = "DryRun"
)

// FunctionNameEnv holds the name of the function that runs the process.
const FunctionNameEnv = "AWS_LAMBDA_FUNCTION_NAME"

// OwnNameVars are package variables that hold the name of the function that
// runs the process.
var OwnNameVars = map[string]bool{
	LambdaContextPkg + ".FunctionName": true,
}

// OwnNameFields are struct fields, "pkg/path.Type.Field", that hold the
// name or ARN of the function that runs the process.
var OwnNameFields = map[string]bool{
	LambdaContextPkg + ".LambdaContext.InvokedFunctionArn": true,
}

// StringPointers are the SDK helpers that return a pointer to their
// argument: the value they point to is the argument.
var StringPointers = map[string]bool{
	"github.com/aws/aws-sdk-go/aws.String":    true,
	"github.com/aws/aws-sdk-go-v2/aws.String": true,
}
