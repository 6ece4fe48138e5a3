// Package readonly exercises writes outside /tmp.
package readonly

import (
	"context"
	"io/ioutil"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct {
	ID   string
	Data []byte
}

const outFile = "/var/task/out.json"

// handler writes to the read-only part of the filesystem.
func handler(ctx context.Context, e Event) error {
	_ = os.WriteFile(outFile, e.Data, 0o644)             // want `os.WriteFile to "/var/task/out.json" fails on Lambda: the filesystem is read-only except /tmp, so write under os.TempDir\(\)`
	_ = ioutil.WriteFile("/opt/data.bin", e.Data, 0o644) // want `ioutil.WriteFile to "/opt/data.bin" fails on Lambda`
	f, err := os.Create("report.csv")                    // want `os.Create to "report.csv" fails on Lambda: a relative path is under the working directory /var/task, read-only like everything but /tmp, so write under os.TempDir\(\)`
	if err != nil {
		return err
	}
	defer f.Close()
	_, _ = os.OpenFile("/var/log/app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644) // want `os.OpenFile to "/var/log/app.log" fails`
	_, _ = os.OpenFile("./state.db", os.O_RDWR, 0)                                     // want `os.OpenFile to "./state.db" fails`
	_ = os.MkdirAll(filepath.Join("/var/task", "cache"), 0o755)                        // want `os.MkdirAll of "/var/task/cache" fails`
	_ = os.Mkdir(path.Join("data", "x"), 0o755)                                        // want `os.Mkdir of "data/x" fails on Lambda: a relative path`
	_ = os.Rename("/tmp/a", "/var/task/a")                                             // want `os.Rename to "/var/task/a" fails`
	_ = os.Symlink("/tmp/a", "/var/task/link")                                         // want `os.Symlink to "/var/task/link" fails`
	_, _ = os.CreateTemp("/var/task", "x-*")                                           // want `os.CreateTemp in "/var/task" fails on Lambda: the filesystem is read-only except /tmp, so pass "" to create it in os.TempDir\(\)`
	_ = os.WriteFile("/var/task/out/"+e.ID, e.Data, 0o644)                             // want `os.WriteFile to "/var/task/out/…" fails`
	_ = os.WriteFile(filepath.Join("exports", e.ID), e.Data, 0o644)                    // want `os.WriteFile to "exports/…" fails on Lambda: a relative path`
	dir := "/home/sbx_user1051/.cache"
	_ = os.MkdirAll(dir, 0o755) // want `os.MkdirAll of "/home/sbx_user1051/.cache" fails`

	//lambdalint:ignore filesystem the function runs with a writable EFS mount here
	_ = os.WriteFile("/var/task/ignored.json", e.Data, 0o644)
	return writable(ctx, e)
}

// writable writes where Lambda allows it, or reads: silent.
func writable(ctx context.Context, e Event) error {
	_ = os.WriteFile("/tmp/out.json", e.Data, 0o644)
	_ = os.WriteFile(filepath.Join(os.TempDir(), "out.json"), e.Data, 0o644)
	_ = os.WriteFile("/dev/null", e.Data, 0)
	_ = os.WriteFile("/dev/stdout", e.Data, 0)
	_ = os.WriteFile("/mnt/efs/data.json", e.Data, 0o644)
	_ = os.MkdirAll("/tmp", 0o755)
	_ = os.MkdirAll(".", 0o755)
	_ = os.Rename("/var/task/a", "/tmp/a")
	_, _ = os.ReadFile("/var/task/config.json")
	_, _ = os.Open("config.json")
	_, _ = os.OpenFile("/var/task/config.yaml", os.O_RDONLY, 0)
	_, _ = os.OpenFile("config.yaml", 0, 0)
	_ = os.WriteFile(e.ID, e.Data, 0o644)             // not constant
	_ = os.WriteFile(e.ID+"/out.json", e.Data, 0o644) // no constant prefix
	flag := os.O_WRONLY
	if e.ID == "" {
		flag = os.O_RDONLY
	}
	_, _ = os.OpenFile("/var/task/x", flag, 0) // flags not constant
	_ = os.WriteFile("/tmpx"[:0]+e.ID, e.Data, 0)
	once.Do(func() {
		_ = os.WriteFile("/var/task/once.json", e.Data, 0o644) // once per environment
	})
	return nil
}

var once sync.Once

func notAHandler(e Event) {
	_ = os.WriteFile("/var/task/x.json", e.Data, 0o644)
}

func init() {
	_ = os.WriteFile("/var/task/init.json", nil, 0o644)
}

func main() {
	_ = os.WriteFile("/var/task/main.json", nil, 0o644) // before lambda.Start
	notAHandler(Event{})
	lambda.Start(handler)
}
