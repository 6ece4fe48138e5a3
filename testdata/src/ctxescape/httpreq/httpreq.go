// Package httpreq keeps the context of the request an HTTP handler serves.
package httpreq

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambdaurl"
)

var (
	lastCtx  context.Context
	byPath   = map[string]context.Context{}
	derived  context.Context
	retried  context.Context
	called   context.Context
	lastReq  *http.Request
	detached context.Context
	cloned   context.Context
	bgRetry  context.Context
	todo     context.Context
)

func serve(w http.ResponseWriter, r *http.Request) {
	lastCtx = r.Context() // want `the invocation's ctx is stored in package variable lastCtx`
	ctx := r.Context()
	byPath[r.URL.Path] = ctx // want `stored in package variable byPath`
	r2 := r.WithContext(ctx)
	derived = r2.Context() // want `stored in package variable derived`
	_ = withRetry(ctx, func(ctx context.Context) error {
		retried = ctx // want `stored in package variable retried`
		return nil
	})
	func(c context.Context) {
		called = c // want `stored in package variable called`
	}(ctx)

	// Look-alikes.
	lastReq = r // the request itself: per-request data, globalstate's concern
	r3 := r.WithContext(context.WithoutCancel(r.Context()))
	detached = r3.Context()
	r4 := r.Clone(context.Background())
	cloned = r4.Context()
	_ = withRetry(context.Background(), func(ctx context.Context) error {
		bgRetry = ctx
		return nil
	})
	func(c context.Context) {
		todo = c
	}(context.TODO())
}

func withRetry(ctx context.Context, f func(context.Context) error) error { return f(ctx) }

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", serve)
	lambdaurl.Start(mux)
}
