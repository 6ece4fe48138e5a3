// Package lib is a library without handlers: its exported functions are
// summarised for the handlers of other packages.
package lib

import (
	"context"
	"sync"
)

var (
	current  context.Context
	registry sync.Map
	// Current is set by callers.
	Current context.Context
)

// SetCtx keeps the context it is given.
func SetCtx(ctx context.Context) { // want SetCtx:`summary\(current\)`
	current = ctx
}

// Track keeps it through an unexported helper.
func Track(ctx context.Context, id string) { // want Track:`summary\(lib.track → registry\)`
	track(ctx, id)
}

func track(ctx context.Context, id string) { registry.Store(id, ctx) }

// Detach keeps a context that the invocation's end does not cancel.
func Detach(ctx context.Context) {
	current = context.WithoutCancel(ctx)
}

// Use only uses its context.
func Use(ctx context.Context) error { return ctx.Err() }

// Derive returns a context that is cancelled with the one it is given.
func Derive(ctx context.Context) context.Context {
	return context.WithValue(ctx, key{}, "v")
}

type key struct{}
