// Package envvars defines an Analyzer that reports uses of the process
// environment that break when Lambda runs several invocations in one process,
// and changes to the variables that Lambda itself sets.
//
// # Analyzer envvars
//
// envvars: report concurrency-unsafe environment use and overrides of Lambda's own variables
//
// The environment belongs to the whole process. Under Lambda Managed
// Instances (AWS_LAMBDA_MAX_CONCURRENCY > 1) several invocations run at once
// in one process, and on every Lambda the process outlives the invocation.
//
// In code reachable from a handler, the analyzer reports:
//
//   - os.Getenv, os.LookupEnv or syscall.Getenv of _X_AMZN_TRACE_ID:
//     aws-lambda-go sets it only when the process runs one invocation at a
//     time; the trace header of the invocation is always in the handler's
//     ctx, under the string key "x-amzn-trace-id";
//   - os.Setenv, os.Unsetenv, os.Clearenv and their syscall equivalents:
//     the change leaks into later invocations and, under Managed Instances,
//     into concurrent ones. Pass the value explicitly instead.
//
// Anywhere in a package that starts a handler (main, init, helpers), it
// reports the same calls when they set or remove a variable that Lambda
// defines and reserves (AWS Lambda Developer Guide, "Defined runtime
// environment variables": _HANDLER, _X_AMZN_TRACE_ID, AWS_REGION,
// AWS_DEFAULT_REGION, AWS_EXECUTION_ENV, the AWS_LAMBDA_* variables such as
// AWS_LAMBDA_RUNTIME_API, the execution role's credentials,
// LAMBDA_TASK_ROOT, LAMBDA_RUNTIME_DIR), or clear the environment: changing
// AWS_LAMBDA_RUNTIME_API before lambda.Start breaks the runtime, AWS_REGION
// and the credentials redirect every SDK client configured afterwards.
//
// It stays silent for reads of other variables, for writes of the
// variables Lambda lets functions set (TZ, LANG, PATH, AWS_XRAY_*,
// AWS_LAMBDA_EXEC_WRAPPER) outside handler code, for writes in code that
// may run only off Lambda (under a condition that reads the environment, or
// after an if on the environment that returns or starts the handler), for a
// default set only when the same variable is unset, for trace header reads
// under a lambdacontext.MaxConcurrency() check or in a function that also
// reads the ctx key (a fallback), and in tests. A use in another package is
// reported at the call in handler code, with the chain of calls that leads
// to it.
//
// There is no suggested fix: the ctx key is an untyped string with no
// accessor in aws-lambda-go, and the replacement depends on how the code
// reaches the handler's ctx.
package envvars
