// Command validator is a Step Functions task that validates an order before
// it is charged.
//
// It shows a handler whose error result has a concrete type
// (handlersignature): aws-lambda-go accepts the signature, but the nil
// *ValidationError of the success path becomes a non-nil error, so every
// invocation fails. The look-alikes that stay silent: the event and result
// types, which encoding/json handles.
package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-lambda-go/lambda"
)

// ValidationError says which field of the order is wrong; Step Functions
// matches on it in a Catch.
type ValidationError struct {
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

func (e *ValidationError) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Reason) }

type Item struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

type Order struct {
	ID    string `json:"id"`
	Items []Item `json:"items"`
}

type Result struct {
	OrderID string `json:"orderId"`
	Valid   bool   `json:"valid"`
}

func validate(ctx context.Context, o Order) (Result, *ValidationError) {
	for _, it := range o.Items {
		if it.Qty <= 0 {
			return Result{}, &ValidationError{Field: "items." + it.SKU, Reason: "quantity must be positive"}
		}
	}
	return Result{OrderID: o.ID, Valid: true}, nil
}

func main() {
	lambda.Start(validate)
}
