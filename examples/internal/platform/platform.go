// Package platform holds the start-up code shared by the team's functions.
//
// Start is a project's own starter: it wraps lambda.Start, so lambdalint
// follows it and treats whatever is passed to platform.Start as a handler
// (cmd/worker is started this way).
package platform

import (
	"log"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

// Start logs the function's identity once per execution environment and
// hands h to the Lambda runtime. h may be any handler lambda.Start accepts.
// Start never returns.
func Start(h any) {
	log.SetFlags(log.Lmsgprefix)
	log.SetPrefix(os.Getenv("AWS_LAMBDA_FUNCTION_NAME") + " ")
	log.Printf("cold start: version=%s memory=%sMB",
		os.Getenv("AWS_LAMBDA_FUNCTION_VERSION"),
		os.Getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"))
	lambda.Start(h)
}
