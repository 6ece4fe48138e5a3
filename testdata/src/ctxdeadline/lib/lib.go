// Package lib is a library without handlers: its exported functions are
// summarised for the handlers of other packages.
package lib

import (
	"context"
	"io"
	"net/http"
	"time"
)

// Fetch cannot carry a deadline.
func Fetch(url string) ([]byte, error) { // want Fetch:`summary\(http.Get\)`
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Retry sleeps between attempts through an unexported helper.
func Retry(f func() error) error { // want Retry:`summary\(lib.backoff → time.Sleep\)`
	var err error
	for range 3 {
		if err = f(); err == nil {
			return nil
		}
		backoff()
	}
	return err
}

func backoff() { time.Sleep(time.Second) }

// Save has a context but detaches from it.
func Save(ctx context.Context, key string) error { // want Save:`summary\(context.Background\)`
	return put(context.Background(), key)
}

// FetchContext is the right way: nothing to report.
func FetchContext(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Helper has no context and does nothing with one: nothing to report.
func Helper(key string) error {
	return put(context.Background(), key)
}

func put(ctx context.Context, key string) error { return ctx.Err() }

// Cache is a type of the same module as its callers, with a
// context-taking sibling of Get: callers in other packages of the module
// are reported at their call of Get.
type Cache struct{}

func (*Cache) Get(key string) (string, error) { return "", nil }

func (*Cache) GetContext(ctx context.Context, key string) (string, error) { return "", ctx.Err() }
