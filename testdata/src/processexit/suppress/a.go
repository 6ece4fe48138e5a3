// Package suppress exercises the suppression directives through a rule:
// line and file-wide directives, a required reason, and directives that
// suppress nothing.
package suppress

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context) error {
	if ctx.Err() != nil {
		//lambdalint:ignore processexit the supervisor restarts the process on purpose
		os.Exit(1) // suppressed by the line above
	}
	if ctx.Value("x") != nil {
		os.Exit(2) //lambdalint:ignore processexit,ctxdeadline same line, several rules
	}
	if ctx.Value("y") != nil {
		//lambdalint:ignore processexit
		os.Exit(3) // want `os.Exit ends the Lambda process`
	}
	if ctx.Value("m") != nil {
		return migrate(ctx)
	}
	//lambdalint:ignore processexit the exit was removed long ago // want `this directive suppresses no processexit finding on this line or the next: remove processexit from it, or the directive, so that it cannot hide a later finding`
	return nil
}

//lambdalint:ignore ctxdeadline,all other rules' and all: not processexit's to judge

func main() {
	lambda.Start(handler)
}
