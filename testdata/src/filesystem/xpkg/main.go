// Command xpkg is a handler that calls into lib.
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"filesystem/lib"
)

type Event struct {
	ID   string
	Data []byte
}

func handler(ctx context.Context, e Event) error {
	if err := lib.Save(e.ID, e.Data); err != nil { // want `os.WriteFile creates a new file under /tmp on every invocation and never removes it: .* \(handler → lib.Save → os.WriteFile\)`
		return err
	}
	f, err := lib.Scratch()
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := lib.Process(e.Data); err != nil {
		return err
	}
	return helper()
}

func helper() error {
	return lib.Export() // want `os.WriteFile to "/var/task/export.json" fails on Lambda: the filesystem is read-only except /tmp, so write under os.TempDir\(\) \(handler → helper → lib.Export → lib.export → os.WriteFile\)`
}

func main() {
	_ = lib.Export() // init code: silent
	lambda.Start(handler)
}
