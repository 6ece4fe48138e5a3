// Package bounded: calls that take no context but end within a bound of
// their own are left alone; look-alikes without the bound are reported.
// Reduced from the corpus: a 50 ms sleep standing in for a database call
// (quantr247/golang-lambda-inmemcache-example), and a registration request
// sent by a client with a 30 s Timeout (nwestfall/lambda-github-runner).
package bounded

import (
	"context"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

var (
	withTimeout = &http.Client{Timeout: 10 * time.Second}
	noTimeout   = &http.Client{}
	zero        = &http.Client{Timeout: 0}
	replaced    = &http.Client{Timeout: time.Second}
)

func replace() { replaced = http.DefaultClient }

func handler(ctx context.Context, url string, pause time.Duration) error {
	time.Sleep(50 * time.Millisecond) // shorter than any function timeout

	client := http.Client{Timeout: 30 * time.Second}
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	if _, err := client.Do(req); err != nil {
		return err
	}
	if _, err := withTimeout.Get(url); err != nil {
		return err
	}

	time.Sleep(2 * time.Second) // want `time.Sleep does not stop at the invocation deadline`
	time.Sleep(pause)           // want `time.Sleep does not stop at the invocation deadline`
	for range 10 {
		time.Sleep(100 * time.Millisecond) // want `time.Sleep does not stop at the invocation deadline`
	}
	if _, err := noTimeout.Get(url); err != nil { // want `http.Client.Get does not stop`
		return err
	}
	if _, err := zero.Get(url); err != nil { // want `http.Client.Get does not stop`
		return err
	}
	if _, err := replaced.Get(url); err != nil { // want `http.Client.Get does not stop`
		return err
	}
	req2, err := http.NewRequest(http.MethodGet, url, nil) // want `http.NewRequest does not stop`
	if err != nil {
		return err
	}
	_, err = noTimeout.Do(req2)
	return err
}

func main() {
	replace()
	lambda.Start(handler)
}
