package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// The large real module: the AWS CloudFormation CLI. 66 packages, 17 AWS SDK
// for Go v2 service clients among them EC2 and SageMaker (the two largest
// packages of the SDK), aws-lambda-go, about 500 packages with its
// dependencies and the standard library.
const (
	largeName    = "rain"
	largeModule  = "github.com/aws-cloudformation/rain"
	largeVersion = "v1.24.4"
)

// A subject is one module the tools run on.
type subject struct {
	name   string
	pkgs   int    // handler packages, for gen-N; 0 otherwise
	listed int    // packages matched by ./..., counted at setup
	touch  string // the file the touched state edits, relative to the module root
	setup  func(b *bench, dir string) error
}

func parseSubjects(list string) ([]*subject, error) {
	var subjects []*subject
	for _, name := range strings.Split(list, ",") {
		s := &subject{name: name}
		switch {
		case name == "examples":
			// A library package, imported by the orders handler.
			s.touch = "internal/store/store.go"
			s.setup = setupExamples
		case name == largeName:
			// The package of the AWS configuration, imported by 25 others.
			s.touch = "internal/aws/aws.go"
			s.setup = setupLarge
		case strings.HasPrefix(name, "gen-"):
			n, err := strconv.Atoi(strings.TrimPrefix(name, "gen-"))
			if err != nil || n < 1 {
				return nil, fmt.Errorf("bad subject %q: want gen-N with N >= 1", name)
			}
			// The package every handler imports.
			s.pkgs, s.touch = n, "internal/shared/shared.go"
			s.setup = func(b *bench, dir string) error { return setupGenerated(b, dir, n) }
		default:
			return nil, fmt.Errorf("unknown subject %q", name)
		}
		subjects = append(subjects, s)
	}
	return subjects, nil
}

// setupExamples copies the repository's examples module, so that the touched
// state does not edit the repository.
func setupExamples(b *bench, dir string) error {
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(b.repo, "examples"))); err != nil {
		return err
	}
	return b.resolve(dir, false)
}

// setupLarge copies the large module out of the (read-only) module cache.
func setupLarge(b *bench, dir string) error {
	out, err := b.goCmd(b.work, "mod", "download", "-json", largeModule+"@"+largeVersion)
	var mod struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &mod); jerr != nil || mod.Error != "" || err != nil {
		return fmt.Errorf("go mod download %s@%s: %v %s\n%s", largeModule, largeVersion, err, mod.Error, out)
	}
	if err := os.CopyFS(dir, os.DirFS(mod.Dir)); err != nil {
		return err
	}
	return b.resolve(dir, false)
}

// resolve downloads what the module's packages and tests need and checks that
// go.sum is complete, running go mod tidy first if tidy is set or the check
// fails. It is setup: none of it is timed.
func (b *bench) resolve(dir string, tidy bool) error {
	if !tidy {
		if _, err := b.goCmd(dir, "list", "-deps", "-test", "./..."); err == nil {
			return nil
		}
	}
	if out, err := b.goCmd(dir, "mod", "tidy"); err != nil {
		return fmt.Errorf("go mod tidy: %v\n%s", err, out)
	}
	if out, err := b.goCmd(dir, "list", "-deps", "-test", "./..."); err != nil {
		return fmt.Errorf("go list -deps -test ./...: %v\n%s", err, out)
	}
	return nil
}

// goCmd runs the go command in dir for setup, downloads allowed, and returns
// its standard output (and standard error, on failure).
func (b *bench) goCmd(dir string, args ...string) ([]byte, error) {
	log.Printf("setup: go %s", strings.Join(args, " "))
	cmd := exec.CommandContext(b.ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly", "GOTOOLCHAIN=local", "GOMODCACHE="+b.modcache)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		out = append(out, stderr.Bytes()...)
	}
	return out, err
}
