// Package trace reads the X-Ray trace header in handler code.
package trace

import (
	"context"
	"log"
	"os"
	"syscall"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

const traceEnv = "_X_AMZN_TRACE_ID"

func handler(ctx context.Context) error {
	log.Printf("trace %s", os.Getenv("_X_AMZN_TRACE_ID")) // want `os.Getenv reads _X_AMZN_TRACE_ID, which aws-lambda-go sets only while the process runs one invocation at a time: under Lambda Managed Instances \(AWS_LAMBDA_MAX_CONCURRENCY > 1\) it does not hold this invocation's trace header; read it from the handler's ctx, ctx.Value\("x-amzn-trace-id"\), which the runtime sets for every invocation`

	if id, ok := os.LookupEnv(traceEnv); ok { // want `os.LookupEnv reads _X_AMZN_TRACE_ID`
		log.Print(id)
	}
	id, _ := syscall.Getenv(traceEnv) // want `syscall.Getenv reads _X_AMZN_TRACE_ID`
	_ = id
	// Other variables are fine to read per invocation.
	_ = os.Getenv("AWS_REGION")
	_ = os.Getenv("TABLE_NAME")
	//lambdalint:ignore envvars this function is never deployed on Managed Instances
	_ = os.Getenv("_X_AMZN_TRACE_ID")
	return helper(ctx)
}

func helper(ctx context.Context) error {
	log.Print(os.Getenv("_X_AMZN_TRACE_ID")) // want `os.Getenv reads _X_AMZN_TRACE_ID.* \(handler → helper → os.Getenv\)`
	return nil
}

// fromCtx reads the trace header where the runtime always puts it: silent.
func fromCtx(ctx context.Context) string {
	id, _ := ctx.Value("x-amzn-trace-id").(string)
	return id
}

// fallback reads the ctx first and the environment after: silent.
func fallback(ctx context.Context) string {
	if id, ok := ctx.Value("x-amzn-trace-id").(string); ok {
		return id
	}
	return os.Getenv("_X_AMZN_TRACE_ID")
}

// checked relies on the variable only when one invocation runs at a time: silent.
func checked(ctx context.Context) string {
	if lambdacontext.MaxConcurrency() == 1 {
		return os.Getenv("_X_AMZN_TRACE_ID")
	}
	return ""
}

// checkedEarly returns early under concurrency: silent.
func checkedEarly(ctx context.Context) string {
	single := lambdacontext.MaxConcurrency() <= 1
	if !single {
		return ""
	}
	return os.Getenv("_X_AMZN_TRACE_ID")
}

func second(ctx context.Context) error {
	_ = fromCtx(ctx)
	_ = fallback(ctx)
	_ = checked(ctx)
	_ = checkedEarly(ctx)
	return nil
}

// notHandler is never called from a handler: silent.
func notHandler() string { return os.Getenv("_X_AMZN_TRACE_ID") }

func main() {
	log.Print(os.Getenv("_X_AMZN_TRACE_ID")) // init code: silent
	lambda.Start(handler)
	lambda.Start(second)
}
