package background

import (
	"context"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdaurl"
)

type Event struct{ ID string }

func handler(ctx context.Context, e Event) error {
	if err := save(context.Background(), e.ID); err != nil { // want `context.Background drops the invocation deadline that ctx carries, so the work runs on until Lambda kills the function at its timeout: use ctx`
		return err
	}
	tctx, cancel := context.WithTimeout(context.TODO(), time.Second) // want `context.TODO drops the invocation deadline that ctx carries`
	defer cancel()
	_ = tctx

	// Work detached on purpose: left alone.
	_ = save(context.WithoutCancel(ctx), e.ID)
	defer save(context.Background(), "cleanup")
	defer func() {
		_ = save(context.Background(), "cleanup")
	}()
	go save(context.Background(), "async")

	//lambdalint:ignore ctxdeadline the audit write must outlive the invocation
	_ = save(context.Background(), "audit")

	helper(e.ID)
	withCtx(ctx, e.ID)
	nested(ctx)
	return nil
}

func save(ctx context.Context, id string) error { return ctx.Err() }

// helper has no context to pass: left alone.
func helper(id string) {
	_ = save(context.Background(), id)
}

func withCtx(ctx context.Context, id string) {
	_ = save(context.Background(), id) // want `context.Background drops the invocation deadline that ctx carries, .* \(handler → withCtx → context.Background\)`
	if ctx == nil {
		ctx = context.Background() // nil guard: left alone
	}
	_ = ctx
}

func nested(parent context.Context) {
	run := func(ctx context.Context) {
		_ = save(context.Background(), "x") // want `use ctx \(handler → nested → context.Background\)`
	}
	run(parent)
	func() {
		_ = save(context.TODO(), "y") // want `use parent \(handler → nested → context.TODO\)`
	}()
	{
		parent := "shadowed"
		_ = save(context.Background(), parent)
	}
}

func route(w http.ResponseWriter, r *http.Request) {
	_ = save(context.Background(), r.URL.Path) // want `that r.Context\(\) carries, .*: use r.Context\(\)`
}

// discarded names its context _: nothing to pass, left alone (and no I/O).
func discarded(_ context.Context, e Event) error {
	return save(context.Background(), e.ID)
}

// notReached has a context but no handler calls it.
func notReached(ctx context.Context) error {
	return save(context.Background(), "x")
}

func main() {
	ctx := context.Background()
	_ = notReached(ctx)
	lambda.StartWithContext(context.Background(), handler)
	lambda.Start(discarded)
	mux := http.NewServeMux()
	mux.HandleFunc("/", route)
	lambdaurl.Start(mux)
}
