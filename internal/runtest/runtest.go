// Package runtest runs the real lambdalint binary and the go command for the
// tests that drive them over code outside this module: the real handler
// corpus (internal/corpus) and the reliability sweep (internal/sweep).
package runtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// Build builds lambdalint from this checkout into dir and returns the path
// of the executable.
func Build(dir string) (string, error) {
	exe := filepath.Join(dir, "lambdalint")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", exe, "github.com/lambdalint/lambdalint/cmd/lambdalint")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building lambdalint: %v\n%s", err, out)
	}
	return exe, nil
}

// A Result is the outcome of a command.
type Result struct {
	Stdout, Stderr string
	Code           int // exit status
	// Wall is how long the command took; CPU is the CPU time of the command
	// and of the processes it waited for.
	Wall, CPU time.Duration
}

// Env is the environment of the commands that Run runs, on top of this
// process's: code outside this module is analyzed as it is, in its own
// module, with the go command at hand. GOFLAGS is emptied so that a
// developer's -mod=mod cannot rewrite a checkout's go.sum.
var Env = []string{"GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local"}

// Run runs the command name with args in dir. It fails the test if the
// command cannot be started.
func Run(t testing.TB, dir, name string, args ...string) Result {
	t.Helper()
	return RunEnv(t, dir, nil, name, args...)
}

// RunEnv is Run with more environment variables, which win over Env.
func RunEnv(t testing.TB, dir string, env []string, name string, args ...string) Result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = slices.Concat(os.Environ(), Env, env)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	res := Result{Stdout: stdout.String(), Stderr: stderr.String(), Wall: time.Since(start)}
	if ps := cmd.ProcessState; ps != nil {
		res.CPU = ps.UserTime() + ps.SystemTime()
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return res
}

// crash matches the stack trace of a Go program that panicked, and the
// errors lambdalint prints when a rule fails or panics ("example.com/p:
// analyzer handlersetup: ...", see cmd/lambdalint/guard.go).
var crash = regexp.MustCompile(`(?m)^(panic: |goroutine \d+ \[|fatal error: )|internal error|: analyzer [a-z]+: |bug in lambdalint`)

// Crash returns the first line of the output that shows a crash or an
// internal error, or "".
func Crash(res Result) string {
	for _, out := range []string{res.Stdout, res.Stderr} {
		if loc := crash.FindStringIndex(out); loc != nil {
			start := strings.LastIndexByte(out[:loc[0]], '\n') + 1
			end := strings.IndexByte(out[loc[0]:], '\n')
			if end < 0 {
				return out[start:]
			}
			return out[start : loc[0]+end]
		}
	}
	return ""
}

// Download downloads the module at version into the module cache, and
// returns its directory there (read-only).
func Download(t testing.TB, module, version string) string {
	t.Helper()
	res := Run(t, t.TempDir(), "go", "mod", "download", "-json", module+"@"+version)
	var info struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(res.Stdout), &info); err != nil || res.Code != 0 || info.Dir == "" {
		t.Fatalf("go mod download %s@%s: %s%s", module, version, info.Error, res.Stderr)
	}
	return info.Dir
}

// Copy copies the directory tree src to a new temporary directory, which
// the test may modify, and returns the copy. It leaves out .git
// directories, and files that are not regular (symbolic links): a checkout
// of a repository is copied as its code.
func Copy(t testing.TB, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir() && d.Name() == ".git":
			return filepath.SkipDir
		case d.IsDir():
			return os.MkdirAll(target, 0o777)
		case !d.Type().IsRegular():
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// A VetFinding is a diagnostic of the JSON that go vet -json prints, and
// lambdalint -json too.
type VetFinding struct {
	Package, Rule string
	Posn          string // file:line:col, the file relative to the directory given to VetJSON
	Message       string
}

// VetJSON decodes the stream of JSON objects that go vet -json prints, one
// per package (package → rule → diagnostics), and returns the diagnostics,
// with file names made relative to dir. The failures of rules, {"error":
// ...} in place of the diagnostics, are left out: the exit status and
// stderr report them.
func VetJSON(out []byte, dir string) ([]VetFinding, error) {
	var fs []VetFinding
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		for pkg, rules := range tree {
			for rule, raw := range rules {
				var diags []struct{ Posn, Message string }
				if json.Unmarshal(raw, &diags) != nil {
					continue // {"error": ...}
				}
				for _, d := range diags {
					fs = append(fs, VetFinding{pkg, rule, Rel(dir, d.Posn), d.Message})
				}
			}
		}
	}
	return fs, nil
}

// Rel returns name relative to dir, with slashes, if it lies in dir.
func Rel(dir, name string) string {
	if filepath.IsAbs(name) {
		if rel, err := filepath.Rel(dir, name); err == nil && filepath.IsLocal(rel) {
			name = rel
		}
	}
	return filepath.ToSlash(name)
}
