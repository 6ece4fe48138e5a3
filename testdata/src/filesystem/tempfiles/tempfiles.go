// Package tempfiles exercises files left in /tmp.
package tempfiles

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/ioutil"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct {
	ID    string
	Names []string
	Data  []byte
}

// PutInput is shaped like an SDK upload request.
type PutInput struct {
	Key  *string
	Body io.Reader
}

func upload(ctx context.Context, in *PutInput) error { return nil }

// leaks leaves files behind in /tmp.
func leaks(ctx context.Context, e Event) error {
	f, err := os.CreateTemp("", "upload-*") // want `os.CreateTemp creates a file that is never removed: /tmp keeps it across warm invocations until it is full \(512 MB by default\), so defer os.Remove\(f.Name\(\)\) after creating it`
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(e.Data); err != nil {
		return err
	}
	if err := upload(ctx, &PutInput{Body: f}); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "work") // want `os.MkdirTemp creates a directory that is never removed: .* so defer os.RemoveAll\(dir\) after creating it`
	if err != nil {
		return err
	}
	if err := exec.CommandContext(ctx, "unzip", "-d", dir, f.Name()).Run(); err != nil {
		return err
	}
	g, _ := ioutil.TempFile("", "x") // want `ioutil.TempFile creates a file that is never removed`
	_, _ = io.Copy(g, bytes.NewReader(e.Data))
	name := g.Name()
	fmt.Println("wrote", name)
	d2, _ := ioutil.TempDir("/tmp", "y") // want `ioutil.TempDir creates a directory that is never removed`
	_ = os.WriteFile(filepath.Join(d2, "a"), e.Data, 0o644)
	_, _ = os.CreateTemp("", "discarded")         // want `os.CreateTemp creates a file`
	_, _ = os.CreateTemp("/tmp/work", "sub-*")    // want `os.CreateTemp creates a file`
	_, _ = os.CreateTemp(os.TempDir(), "again-*") // want `os.CreateTemp creates a file`
	return perInvocation(ctx, e)
}

// perInvocation names files after the event.
func perInvocation(ctx context.Context, e Event) error {
	_ = os.WriteFile("/tmp/"+e.ID+".json", e.Data, 0o644)              // want `os.WriteFile creates a new file under /tmp on every invocation and never removes it: /tmp keeps it across warm invocations until it is full \(512 MB by default\), so remove it \(defer os.Remove\) when done`
	_ = os.WriteFile(filepath.Join(os.TempDir(), e.ID), e.Data, 0o644) // want `os.WriteFile creates a new file under /tmp`
	f, err := os.Create(fmt.Sprintf("/tmp/%s.csv", e.ID))              // want `os.Create creates a new file under /tmp`
	if err != nil {
		return err
	}
	defer f.Close()
	_ = os.MkdirAll(filepath.Join("/tmp", e.ID, "parts"), 0o755) // want `os.MkdirAll creates a new directory under /tmp on every invocation and never removes it: .* \(defer os.RemoveAll\)`
	key := e.ID
	p := filepath.Join(os.TempDir(), key+".bin")
	_, _ = os.OpenFile(p, os.O_CREATE|os.O_WRONLY, 0o644)                                    // want `os.OpenFile creates a new file under /tmp`
	_, _ = os.OpenFile("/tmp/app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)           // want `os.OpenFile appends to "/tmp/app.log" on every invocation: /tmp keeps the file across warm invocations and it grows until /tmp is full \(512 MB by default\), so truncate or remove it, or write to stdout`
	_, _ = os.OpenFile(filepath.Join(os.TempDir(), "audit.log"), os.O_APPEND|os.O_WRONLY, 0) // want `os.OpenFile appends to "/tmp/audit.log"`
	_ = os.WriteFile(fmt.Sprintf("%s/%s.json", os.TempDir(), e.ID), e.Data, 0o644)           // want `os.WriteFile creates a new file under /tmp`
	for _, name := range e.Names {
		_ = os.WriteFile("/tmp/"+name, e.Data, 0o644) // want `os.WriteFile creates a new file under /tmp`
	}
	return nil
}

// loops reuse the same names in every invocation: silent.
func loops(ctx context.Context, e Event) {
	for i := 0; i < len(e.Names); i++ {
		_ = os.WriteFile(fmt.Sprintf("/tmp/part-%d", i), e.Data, 0o644)
	}
	for i := range e.Names {
		_ = os.WriteFile(fmt.Sprintf("/tmp/name-%d", i), e.Data, 0o644)
	}
	for _, name := range []string{"a.json", "b.json"} {
		_ = os.WriteFile(filepath.Join("/tmp", name), e.Data, 0o644)
	}
}

// wipe clears the work directory at the start of every invocation.
func wipe() {
	_ = os.RemoveAll("/tmp/jobs")
}

// wiped writes under the directory that wipe clears: silent.
func wiped(ctx context.Context, e Event) {
	wipe()
	_ = os.WriteFile("/tmp/jobs/"+e.ID, e.Data, 0o644)
}

// removed cleans up after itself: silent.
func removed(ctx context.Context, e Event) error {
	f, err := os.CreateTemp("", "x")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	dir, err := os.MkdirTemp("", "w")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	g, _ := os.CreateTemp("", "y")
	defer func() {
		g.Close()
		os.Remove(g.Name())
	}()
	h, _ := os.CreateTemp("", "z")
	name := h.Name()
	h.Close()
	p := filepath.Join("/tmp", e.ID)
	_ = os.WriteFile(p, e.Data, 0o644)
	defer os.Remove(p)
	_ = os.WriteFile("/tmp/"+e.ID, e.Data, 0o644)
	c, _ := os.Create("/tmp/c-" + e.ID)
	defer os.Remove(c.Name())
	work := filepath.Join(os.TempDir(), "job-"+e.ID)
	_ = os.MkdirAll(work, 0o755)
	_ = os.WriteFile(filepath.Join(work, "a"), e.Data, 0o644)
	defer os.RemoveAll(work)
	_ = os.WriteFile(fmt.Sprintf("/tmp/shared/%s", e.ID), e.Data, 0o644)
	k, _ := os.CreateTemp("", "renamed")
	_ = os.Rename(k.Name(), "/tmp/final.json")
	ap, _ := os.OpenFile("/tmp/app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	defer os.Remove("/tmp/app.log")
	_ = ap
	tr, _ := os.OpenFile("/tmp/trace.log", os.O_APPEND|os.O_WRONLY, 0)
	_ = tr.Truncate(0)
	cleanup := func() { _ = os.RemoveAll("/tmp/shared") }
	defer cleanup()
	_ = os.Remove(name)
	_ = os.Remove("/tmp/" + e.ID)
	return nil
}

// fixedNames overwrite the same files every invocation: silent.
func fixedNames(ctx context.Context, e Event, dir string) error {
	_ = os.WriteFile("/tmp/out.json", e.Data, 0o644)
	_, _ = os.Create(filepath.Join(os.TempDir(), "report.csv"))
	_, _ = os.OpenFile("/tmp/state", os.O_RDWR|os.O_CREATE, 0o644)
	_ = os.WriteFile(filepath.Join("/tmp", os.Getenv("CACHE_NAME")), e.Data, 0o644)
	_ = os.WriteFile(filepath.Join("/tmp", cacheName), e.Data, 0o644)
	_, _ = os.CreateTemp(dir, "x")            // the directory is the caller's
	_ = os.WriteFile(dir+"/"+e.ID, e.Data, 0) // not known to be under /tmp
	_, _ = os.OpenFile("/tmp/"+e.ID, os.O_APPEND|os.O_WRONLY, 0)
	_, _ = os.ReadFile("/tmp/" + e.ID)
	return nil
}

var cacheName = "model.bin"

// escapes hands its files on: silent.
func escapes(ctx context.Context, e Event) (*os.File, error) {
	dir, _ := os.MkdirTemp("", "keep")
	scratch = dir
	g, _ := os.CreateTemp("", "handed")
	cleanupLater(g)
	n, _ := os.CreateTemp("", "named")
	track(n.Name())
	s := &state{}
	s.tmp, _ = os.CreateTemp("", "field")
	p := filepath.Join("/tmp", e.ID)
	registry[p] = true
	_ = os.WriteFile(p, e.Data, 0o644)
	f, err := os.CreateTemp("", "returned")
	return f, err
}

var (
	scratch  string
	registry = map[string]bool{}
)

type state struct{ tmp *os.File }

func cleanupLater(f *os.File) {}

func track(name string) {}

// cache keeps downloads across warm invocations on purpose: silent.
func cache(ctx context.Context, e Event) ([]byte, error) {
	p := filepath.Join("/tmp", "cache", e.ID)
	if _, err := os.Stat(p); err == nil {
		return os.ReadFile(p)
	}
	return e.Data, os.WriteFile(p, e.Data, 0o644)
}

// Handler is a handler with configuration.
type Handler struct{ name string }

// Handle writes to a name fixed for the process: silent.
func (h *Handler) Handle(ctx context.Context, e Event) error {
	_ = os.WriteFile(filepath.Join("/tmp", h.name), e.Data, 0o644)
	return nil
}

var once sync.Once

func ignored(ctx context.Context, e Event) error {
	once.Do(func() {
		_, _ = os.CreateTemp("", "once") // once per environment
	})
	//lambdalint:ignore filesystem the platform team wipes /tmp on deploy
	_, _ = os.CreateTemp("", "ignored")
	return nil
}

func notAHandler() {
	_, _ = os.CreateTemp("", "x")
}

func init() {
	_, _ = os.CreateTemp("", "init")
}

func main() {
	_, _ = os.MkdirTemp("", "main")
	notAHandler()
	h := &Handler{name: "model.bin"}
	lambda.Start(func(ctx context.Context, e Event) error {
		_ = leaks(ctx, e)
		_ = removed(ctx, e)
		_ = fixedNames(ctx, e, "/mnt/efs")
		_, _ = escapes(ctx, e)
		_, _ = cache(ctx, e)
		_ = h.Handle(ctx, e)
		loops(ctx, e)
		wiped(ctx, e)
		return ignored(ctx, e)
	})
}
