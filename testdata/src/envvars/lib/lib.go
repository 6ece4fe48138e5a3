// Package lib reads and changes the environment for handlers in other packages.
package lib

import (
	"context"
	"os"
)

// TraceID reads the trace header from the environment.
func TraceID() string { // want TraceID:"summary\\(os.Getenv\\)"
	return os.Getenv("_X_AMZN_TRACE_ID")
}

// TraceIDFrom reads it from the ctx: silent.
func TraceIDFrom(ctx context.Context) string {
	id, _ := ctx.Value("x-amzn-trace-id").(string)
	return id
}

// UseTenant passes the tenant through the environment.
func UseTenant(tenant string) { // want UseTenant:"summary\\(lib.setTenant → os.Setenv\\)"
	setTenant(tenant)
}

func setTenant(tenant string) {
	os.Setenv("TENANT", tenant)
}

// Region reads the region: silent.
func Region() string { return os.Getenv("AWS_REGION") }
