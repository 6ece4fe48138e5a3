package main

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"

	"ctxdeadline/lib"
)

type Event struct{ URL, Key string }

func handler(ctx context.Context, e Event) error {
	if _, err := lib.Fetch(e.URL); err != nil { // want `http.Get does not stop at the invocation deadline.* \(handler → lib.Fetch → http.Get\)`
		return err
	}
	if err := lib.Retry(func() error { return nil }); err != nil { // want `time.Sleep does not stop .* \(handler → lib.Retry → lib.backoff → time.Sleep\)`
		return err
	}
	if err := lib.Save(ctx, e.Key); err != nil { // want `context.Background drops the invocation deadline .* \(handler → lib.Save → context.Background\)`
		return err
	}
	if err := lib.Helper(e.Key); err != nil {
		return err
	}
	var c lib.Cache
	if _, err := c.Get(e.Key); err != nil { // want `lib.Cache.Get does not stop at the invocation deadline.*call its GetContext method`
		return err
	}
	_, err := lib.FetchContext(ctx, e.URL)
	return err
}

// notReached calls lib.Fetch, but no handler reaches it: left alone.
func notReached() {
	_, _ = lib.Fetch("https://example.com")
}

func main() {
	notReached()
	_, _ = lib.Fetch("https://example.com/warmup")
	lambda.Start(handler)
}
