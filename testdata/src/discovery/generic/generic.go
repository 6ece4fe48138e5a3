package generic

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type Order struct{ ID string }

func decode[T any](ctx context.Context, in T) (T, error) { return in, nil }

func typed(ctx context.Context, o Order) (Order, error) { return o, nil }

func main() {
	lambda.Start(decode[Order])    // want `entry decode via lambda.Start`
	lambda.StartHandlerFunc(typed) // want `entry typed via lambda.StartHandlerFunc`
}
