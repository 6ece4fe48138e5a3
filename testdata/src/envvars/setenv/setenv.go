// Command setenv changes the environment in handler code and around it.
package main

import (
	"context"
	"flag"
	"os"
	"sync"
	"syscall"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ Tenant, Region string }

var once sync.Once

func handler(ctx context.Context, e Event) error {
	os.Setenv("TENANT", e.Tenant)              // want `os.Setenv in handler code changes the environment of the whole process: the change leaks into later invocations and, under Lambda Managed Instances, into concurrent ones; pass the value explicitly instead`
	defer os.Unsetenv("TENANT")                // want `os.Unsetenv in handler code changes the environment`
	syscall.Setenv("MODE", "fast")             // want `syscall.Setenv in handler code changes the environment`
	os.Setenv("AWS_REGION", e.Region)          // want `os.Setenv overrides AWS_REGION, the function's region as Lambda sets it: SDK clients configured afterwards call another region; pass the region to the client's config instead \(config.WithRegion, aws.Config.Region\)`
	os.Setenv("AWS_ACCESS_KEY_ID", "AKIA")     // want `os.Setenv overrides AWS_ACCESS_KEY_ID, part of the execution role's credentials`
	os.Unsetenv("AWS_LAMBDA_FUNCTION_VERSION") // want `os.Unsetenv removes AWS_LAMBDA_FUNCTION_VERSION, which Lambda sets to describe the function`
	os.Setenv("_X_AMZN_TRACE_ID", "Root=1")    // want `os.Setenv overrides _X_AMZN_TRACE_ID, the trace header the runtime sets for each invocation`
	key := "K_" + e.Tenant
	os.Setenv(key, "v") // want `os.Setenv in handler code changes the environment`

	// A default set only when the variable is unset: silent.
	if os.Getenv("LOG_FORMAT") == "" {
		os.Setenv("LOG_FORMAT", "json")
	}
	if _, ok := os.LookupEnv("AWS_REGION"); !ok {
		os.Setenv("AWS_REGION", "us-east-1")
	}
	// Once per process: not handler code, and TZ is not reserved.
	once.Do(func() {
		os.Setenv("TZ", "UTC")
		os.Setenv("AWS_REGION", "eu-west-1") // want `os.Setenv overrides AWS_REGION`
	})
	//lambdalint:ignore envvars the subprocess reads it and runs alone
	os.Setenv("SUBPROCESS_MODE", "1")
	return nil
}

func clear(ctx context.Context) error {
	os.Clearenv() // want `os.Clearenv removes every variable that Lambda sets \(AWS_LAMBDA_RUNTIME_API, AWS_REGION, the execution role's credentials\): lambda.Start and SDK clients configured afterwards fail; unset only variables of your own`
	return nil
}

func init() {
	os.Setenv("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR") // unreserved: silent
	os.Setenv("TZ", "Europe/Paris")                    // unreserved: silent
	os.Setenv("AWS_LAMBDA_EXEC_WRAPPER", "/opt/w")     // unreserved: silent
	os.Setenv("AWS_DEFAULT_REGION", "us-east-1")       // want `os.Setenv overrides AWS_DEFAULT_REGION, the function's region`
	syscall.Unsetenv("AWS_SESSION_TOKEN")              // want `syscall.Unsetenv removes AWS_SESSION_TOKEN, part of the execution role's credentials`
	//lambdalint:ignore envvars the tests stub the runtime API
	os.Setenv("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")
}

// configure is called from main only: reserved writes are reported, others not.
func configure(region string) {
	os.Setenv("APP_REGION", region)
	os.Setenv("AWS_REGION", region) // want `os.Setenv overrides AWS_REGION`
}

var local = flag.Bool("local", false, "run locally")

func main() {
	os.Setenv("APP_MODE", "lambda")                       // not reserved: silent
	os.Setenv("AWS_LAMBDA_RUNTIME_API", "localhost:9001") // want `os.Setenv overrides AWS_LAMBDA_RUNTIME_API, which aws-lambda-go reads in lambda.Start to reach the Runtime API: the runtime loop fails or talks to the wrong endpoint; leave the variable to Lambda`
	configure("eu-west-1")
	// Only off Lambda: silent.
	if os.Getenv("AWS_SAM_LOCAL") == "true" {
		os.Setenv("AWS_REGION", "us-east-1")
	}
	isLocal := os.Getenv("LOCAL") != ""
	if isLocal {
		os.Setenv("AWS_ACCESS_KEY_ID", "test")
	}
	// A flag is not an environment check: reported.
	if *local {
		os.Setenv("AWS_REGION", "local") // want `os.Setenv overrides AWS_REGION`
	}
	if _, ok := os.LookupEnv("AWS_LAMBDA_RUNTIME_API"); ok {
		lambda.Start(handler)
	}
	os.Setenv("AWS_REGION", "us-east-1") // after the start on Lambda: silent
	lambda.Start(clear)
}
