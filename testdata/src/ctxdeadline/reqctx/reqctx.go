// Package reqctx: http.NewRequest whose request is given the context
// later in the same function is left alone.
package reqctx

import (
	"context"
	"net/http"

	"github.com/aws/aws-lambda-go/lambda"
)

var client = &http.Client{}

func handler(ctx context.Context) error {
	if err := reassigned(ctx); err != nil {
		return err
	}
	if err := inline(ctx); err != nil {
		return err
	}
	if err := cloned(ctx); err != nil {
		return err
	}
	if err := helper(ctx); err != nil {
		return err
	}
	if err := declared(ctx); err != nil {
		return err
	}
	if err := never(ctx); err != nil {
		return err
	}
	if err := dropped(ctx); err != nil {
		return err
	}
	if err := other(ctx); err != nil {
		return err
	}
	return inLiteral(ctx)
}

// req = req.WithContext(ctx): left alone.
func reassigned(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, "https://example.com", nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	return send(req)
}

// client.Do(req.WithContext(ctx)): left alone.
func inline(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, "https://example.com", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// req.Clone(ctx): left alone.
func cloned(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, "https://example.com", nil)
	if err != nil {
		return err
	}
	return send(req.Clone(ctx))
}

// req handed to a function that also takes the context, like
// ctxhttp.Do(ctx, client, req): left alone.
func helper(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodPost, "https://example.com", nil)
	if err != nil {
		return err
	}
	resp, err := do(ctx, nil, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// var req, err = ...; later req.WithContext(ctx): left alone.
func declared(ctx context.Context) error {
	var req, err = http.NewRequest(http.MethodGet, "https://example.com", nil)
	if err != nil {
		return err
	}
	return send(req.WithContext(ctx))
}

// The request never gets a context: reported, with the fix.
func never(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, "https://example.com", nil) // want `http.NewRequest does not stop at the invocation deadline.*use http.NewRequestWithContext`
	if err != nil {
		return err
	}
	return send(req)
}

// The result of WithContext is dropped, so req still has no context:
// reported.
func dropped(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, "https://example.com", nil) // want `http.NewRequest does not stop`
	if err != nil {
		return err
	}
	req.WithContext(ctx)
	return send(req)
}

// Another request gets the context, not this one: reported.
func other(ctx context.Context) error {
	req, err := http.NewRequest(http.MethodGet, "https://example.com/a", nil) // want `http.NewRequest does not stop`
	if err != nil {
		return err
	}
	req2, err := http.NewRequest(http.MethodGet, "https://example.com/b", nil)
	if err != nil {
		return err
	}
	if err := send(req2.WithContext(ctx)); err != nil {
		return err
	}
	return send(req)
}

// In a function literal, the literal is the function searched.
func inLiteral(ctx context.Context) error {
	f := func() error {
		req, err := http.NewRequest(http.MethodGet, "https://example.com", nil)
		if err != nil {
			return err
		}
		return send(req.WithContext(ctx))
	}
	return f()
}

func send(req *http.Request) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// do sends req with ctx, like golang.org/x/net/context/ctxhttp.Do.
func do(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	if c == nil {
		c = http.DefaultClient
	}
	return c.Do(req.WithContext(ctx))
}

func main() { lambda.Start(handler) }
