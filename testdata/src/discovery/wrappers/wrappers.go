package wrappers

import (
	"context"

	ddlambda "github.com/DataDog/datadog-lambda-go"
	"github.com/aws/aws-lambda-go/lambda"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-lambda-go/otellambda"
)

func traced(ctx context.Context) error { return nil }

func metered(ctx context.Context) error { return nil }

func plain(ctx context.Context) error { return nil }

// withLogging is a project middleware: the closure it returns runs on every
// invocation, and so does the handler it wraps.
func withLogging(next func(context.Context) error) func(context.Context) error {
	return func(ctx context.Context) error {
		return next(ctx)
	}
}

// StartLambda is a project helper: its parameter reaches lambda.Start.
func StartLambda(h any) {
	lambda.Start(h)
}

func main() {
	lambda.Start(otellambda.InstrumentHandler(traced)) // want `entry traced via lambda.Start`
	lambda.Start(ddlambda.WrapFunction(metered, nil))  // want `entry metered via lambda.Start`
	h := withLogging(plain)
	lambda.Start(h)            // want `entry handler literal via lambda.Start` `entry plain via lambda.Start`
	StartLambda(helperStarted) // want `entry helperStarted via lambda.Start`
}

func helperStarted(ctx context.Context) error { return nil }
