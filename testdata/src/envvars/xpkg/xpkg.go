// Command xpkg is a handler that uses the environment through lib.
package main

import (
	"context"
	"log"

	"github.com/aws/aws-lambda-go/lambda"

	"envvars/lib"
)

func handler(ctx context.Context, tenant string) error {
	log.Print(lib.TraceID()) // want `os.Getenv reads _X_AMZN_TRACE_ID.* \(handler → lib.TraceID → os.Getenv\)`
	log.Print(lib.TraceIDFrom(ctx), lib.Region())
	lib.UseTenant(tenant) // want `os.Setenv in handler code changes the environment of the whole process.* \(handler → lib.UseTenant → lib.setTenant → os.Setenv\)`
	//lambdalint:ignore envvars the tenant is fixed per deployment
	lib.UseTenant("fixed")
	return nil
}

func main() {
	lib.UseTenant("boot") // init code: silent
	lambda.Start(handler)
}
