package discard

import (
	"context"
	"database/sql"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

var (
	db     *sql.DB
	client *dynamodb.Client
)

type Event struct{ ID string }

func get(_ context.Context, e Event) (string, error) { // want `handler discards its context: the invocation deadline cannot reach the I/O it does, so a slow call runs on until Lambda kills the function at its timeout; name the ctx parameter and pass it on`
	var name string
	// The handler's own calls are reported too (without a fix: there is
	// no ctx to pass yet).
	err := db.QueryRow("SELECT name FROM users WHERE id = $1", e.ID).Scan(&name) // want `sql.DB.QueryRow does not stop`
	return name, err
}

func put(e Event) error { // want `handler discards its context`
	return send(e)
}

// send is reached only from a handler without a context: the finding is
// the handler's, not repeated here.
func send(e Event) error {
	resp, err := http.Post("https://example.com", "text/plain", strings.NewReader(e.ID))
	if err == nil {
		resp.Body.Close()
	}
	return err
}

func unnamed(context.Context, Event) error { // want `handler discards its context`
	_, err := client.GetItem(context.Background(), &dynamodb.GetItemInput{})
	return err
}

// pure does no I/O: left alone.
func pure(e Event) (int, error) {
	return len(strings.TrimSpace(e.ID)), nil
}

// withCtx has a context: the rule's other checks apply, not this one.
func withCtx(ctx context.Context, e Event) error {
	_, err := client.GetItem(ctx, &dynamodb.GetItemInput{})
	return err
}

//lambdalint:ignore ctxdeadline the event is processed in milliseconds
func ignored(e Event) error {
	return send(e)
}

func main() {
	lambda.Start(get)
	lambda.Start(put)
	lambda.Start(unnamed)
	lambda.Start(pure)
	lambda.Start(withCtx)
	lambda.Start(ignored)
	lambda.Start(func(e Event) error { // want `handler discards its context`
		time.Sleep(time.Second) // want `time.Sleep does not stop`
		return nil
	})
	lambda.Start(func(_ context.Context, e Event) (string, error) {
		return strings.ToUpper(e.ID), nil
	})
}
