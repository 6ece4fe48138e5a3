// Package ignore silences findings with the directive, and has no valid
// handler at all: a package with no entry point is still checked.
package ignore

import (
	"context"

	"github.com/aws/aws-lambda-go/lambda"
)

type handler struct{}

func (h *handler) Invoke(ctx context.Context, payload []byte) ([]byte, error) { return payload, nil }

func legacy(ctx context.Context, a, b string) error { return nil }

// run hands its parameter on to lambda.Start; calls to it are not checked,
// since a helper may adapt the value first.
func run(h any) { lambda.Start(h) }

func main() {
	//lambdalint:ignore handlersignature the legacy handler is replaced by the next deploy
	lambda.Start(legacy)
	lambda.Start(legacy) //lambdalint:ignore handlersignature,globalstate same reason
	//lambdalint:ignore globalstate another rule
	lambda.Start(legacy) // want `handlers may not take more than two arguments`
	run(handler{})
	lambda.Start(handler{}) // want `handler kind struct is not func: .*pass a pointer`
}
