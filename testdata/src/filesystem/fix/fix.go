// Package fix exercises the suggested fixes.
package fix

import (
	"context"
	"io/ioutil"
	"os"
	"path/filepath"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct {
	Keys []string
	Data []byte
}

func handler(ctx context.Context, e Event) error {
	f, err := os.CreateTemp("", "upload-*") // want `os.CreateTemp creates a file that is never removed`
	if err != nil {
		return err
	}
	defer f.Close()
	dir, err := os.MkdirTemp("", "work-*") // want `os.MkdirTemp creates a directory that is never removed`
	if err != nil {
		return err
	}
	tf, err := ioutil.TempFile("", "part-*") // want `ioutil.TempFile creates a file that is never removed`
	if err != nil {
		panic(err)
	}
	_, _ = tf, dir
	for range e.Keys {
		// No fix: a defer in a loop piles up.
		lf, err := os.CreateTemp("", "key-*") // want `os.CreateTemp creates a file that is never removed`
		if err != nil {
			return err
		}
		_ = lf
	}
	// No fix: no error check after it.
	nf, _ := os.CreateTemp("", "x") // want `os.CreateTemp creates a file that is never removed`
	_ = nf
	// No fix: the error check does not leave.
	wf, err := os.CreateTemp("", "y") // want `os.CreateTemp creates a file that is never removed`
	if err != nil {
		println(err)
	}
	_ = wf
	return paths(e)
}

func paths(e Event) error {
	_ = os.WriteFile("out.json", e.Data, 0o644)      // want `os.WriteFile to "out.json" fails`
	_ = os.MkdirAll("/var/task/cache/img", 0o755)    // want `os.MkdirAll of "/var/task/cache/img" fails`
	_, _ = os.CreateTemp("/var/task", "x-*")         // want `os.CreateTemp in "/var/task" fails`
	_ = os.WriteFile("/opt/out.json", e.Data, 0o644) // want `os.WriteFile to "/opt/out.json" fails`
	_ = os.WriteFile("../up.json", e.Data, 0o644)    // want `os.WriteFile to "../up.json" fails`
	_ = os.WriteFile("twice.json", e.Data, 0o644)    // want `os.WriteFile to "twice.json" fails`
	_, _ = os.ReadFile("twice.json")
	const name = "named.json"
	_ = os.WriteFile(name, e.Data, 0o644) // want `os.WriteFile to "named.json" fails`
	_ = noFilepath(e)
	return shadowed(e)
}

func main() {
	_ = filepath.Join
	lambda.Start(handler)
}
