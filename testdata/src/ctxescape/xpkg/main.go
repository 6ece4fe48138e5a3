package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"ctxescape/lib"
)

type Event struct{ ID string }

var kept context.Context

func handler(ctx context.Context, e Event) error {
	lib.SetCtx(ctx)        // want `the invocation's ctx is stored in package variable current, which outlives the invocation: .* \(handler → lib.SetCtx → current\)`
	lib.Track(ctx, e.ID)   // want `stored in package variable registry, .* \(handler → lib.Track → lib.track → registry\)`
	kept = lib.Derive(ctx) // want `stored in package variable kept, which outlives`
	lib.Current = ctx      // want `stored in package variable lib.Current, which outlives`

	// Look-alikes.
	lib.SetCtx(context.WithoutCancel(ctx))
	lib.SetCtx(context.Background())
	lib.Detach(ctx)
	return lib.Use(ctx)
}

// notReached keeps the context, but no handler reaches it.
func notReached(ctx context.Context) { lib.SetCtx(ctx) }

func main() {
	lib.SetCtx(context.Background())
	notReached(context.TODO())
	lambda.Start(handler)
}
