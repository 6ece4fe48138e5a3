// Package scratch keeps per-request data in package variables that every
// invocation overwrites before it reads them: on standard Lambda, one
// invocation at a time, nothing of one request reaches the next, so that is
// not reported (multi-concurrency mode reports it: concurrent invocations
// share the variables). Variables read before they are written, or written
// only on some paths, do carry a request's data into the next.
package scratch

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type Request struct {
	Token, Resource, Tenant, ID string
}

type Policy struct {
	Effect, Resource, Reason string
}

var (
	policy  Policy
	allowed bool

	previous   string
	lastTenant string
	lastID     string
	Exported   string
)

// authorize is reduced from an API Gateway authorizer of the corpus: it
// fills package variables as scratch space, always before reading them.
func authorize(ctx context.Context, r Request) (Policy, error) {
	policy.Effect = "Deny"
	policy.Resource = r.Resource
	policy.Reason = "no token"
	if r.Token == "" {
		return policy, nil
	}
	if r.Tenant != "" {
		allowed = r.Token == "secret-"+r.Tenant
	} else {
		allowed = r.Token == "secret"
	}
	if !allowed {
		policy.Reason = "bad token"
		return policy, nil
	}
	policy.Effect = "Allow"
	return policy, nil
}

// compare reads what the previous invocation stored.
func compare(ctx context.Context, r Request) (bool, error) {
	same := previous == r.ID
	previous = r.ID // want `previous holds per-request data`
	return same, nil
}

// tenantOf writes on one path only: a request without a tenant gets the
// previous request's.
func tenantOf(ctx context.Context, r Request) (string, error) {
	if r.Tenant != "" {
		lastTenant = r.Tenant // want `lastTenant holds per-request data`
	}
	return lastTenant, nil
}

// record writes a variable that another function reads.
func record(ctx context.Context, r Request) (string, error) {
	lastID = r.ID // want `lastID holds per-request data`
	return last(), nil
}

func last() string { return lastID }

// publish writes an exported variable, which other packages may read.
func publish(ctx context.Context, r Request) (string, error) {
	Exported = r.ID // want `Exported holds per-request data`
	return Exported, nil
}

func main() {
	lambda.Start(authorize)
	lambda.Start(compare)
	lambda.Start(tenantOf)
	lambda.Start(record)
	lambda.Start(publish)
}
