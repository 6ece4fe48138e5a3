// Command lambda is a Lambda function with the pitfalls that lambdalint's
// rules look for; the fix test applies whatever fixes they suggest.
package main

import (
	"context"
	"log"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

type event struct {
	Name string `json:"name"`
}

var invocations int

func handler(ctx context.Context, e event) (string, error) {
	invocations++ // global state shared by invocations

	client := &http.Client{Timeout: 5 * time.Second} // built on every invocation

	go func() { // still running when the environment is frozen
		req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://example.com/"+e.Name, nil)
		if err != nil {
			log.Print(err)
			return
		}
		resp, err := client.Do(req)
		if err != nil {
			log.Print(err)
			return
		}
		resp.Body.Close()
	}()

	ctx2, cancel := context.WithTimeout(context.Background(), time.Minute) // ignores the invocation deadline
	defer cancel()
	<-ctx2.Done()
	return "hello " + e.Name, ctx.Err()
}

func main() {
	lambda.Start(handler)
}
