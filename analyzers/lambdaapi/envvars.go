package lambdaapi

import "strings"

// EnvReads are the calls that read one environment variable; the key is
// their first argument.
var EnvReads = map[string]bool{
	"os.Getenv":      true,
	"os.LookupEnv":   true,
	"syscall.Getenv": true,
}

// EnvOp is what a call does to the process environment.
type EnvOp int

const (
	// EnvSet sets the variable named by the first argument.
	EnvSet EnvOp = iota
	// EnvUnset removes the variable named by the first argument.
	EnvUnset
	// EnvClear removes every variable.
	EnvClear
)

// EnvWrite describes a call that changes the process environment.
type EnvWrite struct {
	Op EnvOp
	// Short is the name written in diagnostics, e.g. "os.Setenv".
	Short string
}

// EnvWrites are the calls that change the process environment.
var EnvWrites = map[string]EnvWrite{
	"os.Setenv":        {EnvSet, "os.Setenv"},
	"os.Unsetenv":      {EnvUnset, "os.Unsetenv"},
	"os.Clearenv":      {EnvClear, "os.Clearenv"},
	"syscall.Setenv":   {EnvSet, "syscall.Setenv"},
	"syscall.Unsetenv": {EnvUnset, "syscall.Unsetenv"},
	"syscall.Clearenv": {EnvClear, "syscall.Clearenv"},
}

// EnvKind says what a variable that Lambda sets is for, and so what breaks
// when the function overrides it.
type EnvKind int

const (
	// EnvMetadata describes the function and its environment (name,
	// version, memory, log group, handler, paths); lambdacontext, the
	// SDKs and logging or tracing libraries read it.
	EnvMetadata EnvKind = iota
	// EnvRuntime is how aws-lambda-go reaches the Runtime API when
	// lambda.Start runs.
	EnvRuntime
	// EnvRegion is the function's region, read by the SDKs' config
	// loaders.
	EnvRegion
	// EnvCredentials carry the execution role's credentials.
	EnvCredentials
	// EnvTrace is the X-Ray trace header of the current invocation.
	EnvTrace
)

// TraceIDEnv is the variable the runtime sets to the invocation's X-Ray
// trace header, only while it runs one invocation at a time
// (aws-lambda-go lambda/invoke_loop.go: when lambdacontext.MaxConcurrency()
// is 1).
const TraceIDEnv = "_X_AMZN_TRACE_ID"

// TraceIDContextKey is the key under which aws-lambda-go stores the trace
// header in every handler's ctx, whatever the concurrency: the string
// "x-amzn-trace-id" (there is no typed accessor).
const TraceIDContextKey = "x-amzn-trace-id"

// LambdaContextPkg is aws-lambda-go's lambdacontext, whose package
// variables hold what it read from the environment at init.
const LambdaContextPkg = "github.com/aws/aws-lambda-go/lambdacontext"

// MaxConcurrency is the function that tells how many invocations the
// process runs at once (Lambda Managed Instances); code that checks it for
// 1 may rely on TraceIDEnv.
const MaxConcurrency = LambdaContextPkg + ".MaxConcurrency"

// reservedEnv are the variables that Lambda defines for every function and
// reserves: they cannot be set in the function's configuration (AWS Lambda
// Developer Guide, "Defined runtime environment variables"), plus the
// credential endpoint of SnapStart and Managed Instances and the port of the
// retired go1.x runtime, which aws-lambda-go still reads. Variables that
// Lambda sets but the function may override (TZ, LANG, PATH,
// LD_LIBRARY_PATH, AWS_XRAY_CONTEXT_MISSING, AWS_XRAY_DAEMON_ADDRESS,
// AWS_LAMBDA_EXEC_WRAPPER) are not listed.
var reservedEnv = map[string]EnvKind{
	"_HANDLER":                           EnvMetadata,
	"_X_AMZN_TRACE_ID":                   EnvTrace,
	"AWS_REGION":                         EnvRegion,
	"AWS_DEFAULT_REGION":                 EnvRegion,
	"AWS_EXECUTION_ENV":                  EnvMetadata,
	"AWS_LAMBDA_RUNTIME_API":             EnvRuntime,
	"_LAMBDA_SERVER_PORT":                EnvRuntime,
	"AWS_ACCESS_KEY":                     EnvCredentials,
	"AWS_ACCESS_KEY_ID":                  EnvCredentials,
	"AWS_SECRET_ACCESS_KEY":              EnvCredentials,
	"AWS_SESSION_TOKEN":                  EnvCredentials,
	"AWS_CONTAINER_CREDENTIALS_FULL_URI": EnvCredentials,
	"AWS_CONTAINER_AUTHORIZATION_TOKEN":  EnvCredentials,
	"LAMBDA_TASK_ROOT":                   EnvMetadata,
	"LAMBDA_RUNTIME_DIR":                 EnvMetadata,
}

// reservedPrefix covers AWS_LAMBDA_FUNCTION_NAME, _VERSION, _MEMORY_SIZE,
// AWS_LAMBDA_LOG_GROUP_NAME, _LOG_STREAM_NAME, AWS_LAMBDA_INITIALIZATION_TYPE,
// AWS_LAMBDA_MAX_CONCURRENCY and whatever Lambda adds under the prefix.
const reservedPrefix = "AWS_LAMBDA_"

// unreservedLambda are the variables under reservedPrefix that the function
// may set itself.
var unreservedLambda = map[string]bool{
	"AWS_LAMBDA_EXEC_WRAPPER": true,
}

// ReservedEnv reports whether Lambda defines and reserves the variable
// name, and what it is for.
func ReservedEnv(name string) (EnvKind, bool) {
	if k, ok := reservedEnv[name]; ok {
		return k, true
	}
	if strings.HasPrefix(name, reservedPrefix) && !unreservedLambda[name] {
		return EnvMetadata, true
	}
	return 0, false
}
