// Command reindex rebuilds the search index of the products table, one page
// per invocation: when a page is done it invokes itself for the next one.
//
// It shows a self-invocation (invoke): nothing bounds the chain, so a bug
// in the cursor handling re-invokes the function forever. The look-alike
// that stays silent: the Event invoke of the notifier function when the
// last page is done.
package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	awslambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
)

var (
	client   *awslambda.Client
	notifier = os.Getenv("NOTIFIER_FUNCTION")
)

// Page is the event: where the previous invocation stopped.
type Page struct {
	Cursor string `json:"cursor"`
}

func init() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	client = awslambda.NewFromConfig(cfg)
}

func handle(ctx context.Context, p Page) error {
	next, err := indexPage(ctx, p.Cursor)
	if err != nil {
		return err
	}
	if next == "" {
		// clean: an Event invoke of another function returns at once.
		_, err = client.Invoke(ctx, &awslambda.InvokeInput{
			FunctionName:   aws.String(notifier),
			InvocationType: types.InvocationTypeEvent,
			Payload:        []byte(`{"done":"reindex"}`),
		})
		return err
	}
	payload, err := json.Marshal(Page{Cursor: next})
	if err != nil {
		return err
	}
	// lambdalint: invoke — the function invokes itself with no bound: a cursor that never ends re-invokes it forever; carry a depth counter in the payload and stop at a limit, or move the pages to a queue.
	_, err = client.Invoke(ctx, &awslambda.InvokeInput{
		FunctionName:   aws.String(os.Getenv("AWS_LAMBDA_FUNCTION_NAME")),
		InvocationType: types.InvocationTypeEvent,
		Payload:        payload,
	})
	return err
}

// indexPage indexes one page of products and returns the next cursor.
func indexPage(ctx context.Context, cursor string) (string, error) {
	return "", ctx.Err()
}

func main() {
	lambda.Start(handle)
}
