// Package chdir moves to /tmp at init: its relative paths are writable.
package chdir

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context, data []byte) error {
	_ = os.WriteFile("out.json", data, 0o644)              // silent: the working directory is /tmp
	return os.WriteFile("/var/task/out.json", data, 0o644) // want `os.WriteFile to "/var/task/out.json" fails`
}

func main() {
	if err := os.Chdir(os.TempDir()); err != nil {
		panic(err)
	}
	lambda.Start(handler)
}
