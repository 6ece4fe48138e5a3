package main

// This file holds the tests of the lambdalint binary and their utilities:
// TestMain builds the binary once; runLambdalint and runGo run it, directly
// and as a vet tool; copyModule and normalize prepare inputs and outputs.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/internal/runtest"
)

// lambdalintBin is the binary built by TestMain.
var lambdalintBin string

func TestMain(m *testing.M) {
	// The in-process tests' go vet runs this test binary as its vet tool,
	// with the fake rules they name.
	if names := os.Getenv(envTestRules); names != "" && vetMode(os.Args[1:]) {
		vetMain(testRules(strings.Split(names, ","))) // never returns
	}
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "lambdalint-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)

	lambdalintBin = filepath.Join(dir, "lambdalint")
	if runtime.GOOS == "windows" {
		lambdalintBin += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", lambdalintBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building lambdalint: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// A result is the outcome of a command.
type result struct {
	stdout, stderr string
	code           int // exit status
}

// runLambdalint runs the lambdalint binary in dir.
func runLambdalint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCmd(t, dir, lambdalintBin, args...)
}

// runGo runs the go command in dir, for example
// runGo(t, dir, "vet", "-vettool="+lambdalintBin, "./...").
func runGo(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCmd(t, dir, "go", args...)
}

func runCmd(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	res := runtest.Run(t, dir, name, args...)
	return result{stdout: res.Stdout, stderr: res.Stderr, code: res.Code}
}

// copyModule copies testdata/name to a temporary directory and returns the
// copy, which the test may modify.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// normalize replaces dir in s with $DIR and uses forward slashes, so that
// outputs can be compared with golden files.
func normalize(s, dir string) string {
	dirs := []string{dir}
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		dirs = append(dirs, real)
	}
	for _, d := range dirs {
		s = strings.ReplaceAll(s, d, "$DIR")
	}
	return filepath.ToSlash(s)
}

// crash matches the stack trace of a Go program that panicked. (A rule
// that fails or panics is reported, and is no crash: see TestRuleFailures.)
var crash = regexp.MustCompile(`(?m)^(panic: |goroutine \d+ \[)`)

// checkNoCrash fails the test if the output shows a crash.
func checkNoCrash(t *testing.T, res result) {
	t.Helper()
	for _, out := range []string{res.stdout, res.stderr} {
		if crash.MatchString(out) {
			t.Errorf("output shows a crash:\n%s", out)
		}
	}
}

func TestBrokenPackage(t *testing.T) {
	dir := filepath.Join("testdata", "broken")
	for _, args := range [][]string{nil, {"-json"}, {"-fix"}} {
		res := runLambdalint(t, dir, args...)
		if res.code != exitError {
			t.Errorf("lambdalint %v: exit status %d, want %d", args, res.code, exitError)
		}
		const want = "lambdalint: package example.com/broken: broken.go:5:9: undefined: x\n"
		if res.stderr != want {
			t.Errorf("lambdalint %v: stderr:\n%s\nwant:\n%s", args, res.stderr, want)
		}
		if strings.Contains(res.stdout+res.stderr, "panic") {
			t.Errorf("lambdalint %v: output mentions a panic:\n%s%s", args, res.stdout, res.stderr)
		}
		checkNoCrash(t, res)
	}
}

func TestCleanModule(t *testing.T) {
	res := runLambdalint(t, filepath.Join("testdata", "clean"))
	if res.code != exitClean || res.stdout != "" || res.stderr != "" {
		t.Errorf("lambdalint: exit status %d, stdout %q, stderr %q; want 0 and no output", res.code, res.stdout, res.stderr)
	}

	// -C, and the JSON form of no findings.
	res = runLambdalint(t, ".", "-C", filepath.Join("testdata", "clean"), "-json", "./...")
	if res.code != exitClean || res.stdout != "{}\n" || res.stderr != "" {
		t.Errorf("lambdalint -C -json: exit status %d, stdout %q, stderr %q; want 0 and {}", res.code, res.stdout, res.stderr)
	}
}

func TestVetTool(t *testing.T) {
	res := runGo(t, filepath.Join("testdata", "clean"), "vet", "-vettool="+lambdalintBin, "./...")
	if res.code != 0 {
		t.Errorf("go vet -vettool: exit status %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	checkNoCrash(t, res)

	// go vet learns the rules' flags from -flags.
	all := analyzers.All()
	if len(all) == 0 {
		t.Fatal("no rules registered")
	}
	rule := all[0].Name
	res = runGo(t, filepath.Join("testdata", "clean"), "vet", "-vettool="+lambdalintBin, "-"+rule+"=false", "./...")
	if res.code != 0 {
		t.Errorf("go vet -vettool -%s=false: exit status %d\n%s%s", rule, res.code, res.stdout, res.stderr)
	}
}

func TestUsage(t *testing.T) {
	res := runLambdalint(t, ".", "-no-such-flag")
	if res.code != exitError || !strings.Contains(res.stderr, "flag provided but not defined: -no-such-flag") {
		t.Errorf("unknown flag: exit status %d, stderr:\n%s", res.code, res.stderr)
	}

	res = runLambdalint(t, ".", "-h")
	if res.code != exitClean || !strings.Contains(res.stdout, "usage: lambdalint") || !strings.Contains(res.stdout, "Exit status:") || res.stderr != "" {
		t.Errorf("-h: exit status %d, stdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}

	res = runLambdalint(t, ".", "-C", filepath.Join("testdata", "no-such-dir"))
	if res.code != exitError || !strings.HasPrefix(res.stderr, "lambdalint: -C: ") {
		t.Errorf("-C no-such-dir: exit status %d, stderr:\n%s", res.code, res.stderr)
	}

	var disableAll []string
	for _, a := range analyzers.All() {
		disableAll = append(disableAll, "-"+a.Name+"=false")
	}
	res = runLambdalint(t, ".", disableAll...)
	if res.code != exitError {
		t.Errorf("every rule disabled: exit status %d, want %d", res.code, exitError)
	}
}

func TestList(t *testing.T) {
	res := runLambdalint(t, ".", "-list")
	if res.code != exitClean {
		t.Fatalf("-list: exit status %d\n%s", res.code, res.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	listed := make(map[string]bool)
	for _, line := range lines {
		name, _, _ := strings.Cut(line, " ")
		listed[name] = true
	}
	all := analyzers.All()
	for _, a := range all {
		if !listed[a.Name] {
			t.Errorf("-list does not list %s:\n%s", a.Name, res.stdout)
		}
	}
	if len(lines) != len(all) {
		t.Errorf("-list prints %d lines for %d rules:\n%s", len(lines), len(all), res.stdout)
	}
}

// TestRealFixes applies whatever fixes the registered rules suggest for a
// small Lambda function, and checks that the fixed code builds and that
// -fix reports the findings that remain. It is skipped while no rule
// suggests a fix there.
func TestRealFixes(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes net/http from source")
	}
	dir := copyModule(t, "lambda")
	before := runLambdalint(t, dir, "-json")
	if before.code == exitError {
		t.Fatalf("lambdalint -json: exit status %d\n%s", before.code, before.stderr)
	}
	if !strings.Contains(before.stdout, `"suggested_fixes"`) {
		t.Skip("no rule suggests a fix for testdata/lambda")
	}

	res := runLambdalint(t, dir, "-fix", "-json")
	if res.code == exitError {
		t.Fatalf("lambdalint -fix: exit status %d\n%s", res.code, res.stderr)
	}
	checkNoCrash(t, res)
	if res.stdout == before.stdout {
		t.Errorf("-fix changed no finding:\n%s", before.stdout)
	}
	after := runLambdalint(t, dir, "-json")
	if after.stdout != res.stdout {
		t.Errorf("findings after -fix:\n%s\ndiffer from the ones -fix reported:\n%s", after.stdout, res.stdout)
	}
	if build := runGo(t, dir, "build", "./..."); build.code != 0 {
		t.Errorf("the fixed code does not build:\n%s", build.stderr)
	}
}

// TestNoTestsDependency checks that -test=false works on a package of a
// downloaded module, whose test files the go command cannot hide.
func TestNoTestsDependency(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads aws-lambda-go")
	}
	dir := copyModule(t, "lambda")
	res := runLambdalint(t, dir, "-test=false", "github.com/aws/aws-lambda-go/lambdacontext")
	if res.code != exitClean || res.stderr != "" {
		t.Errorf("lambdalint -test=false on a dependency: exit status %d, stderr:\n%s\nwant exit status %d", res.code, res.stderr, exitClean)
	}
}

func TestVetMode(t *testing.T) {
	for _, test := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"--flags"}, true},
		{[]string{"-json", "/tmp/go-build/vet.cfg"}, true},
		{nil, false},
		{[]string{"./..."}, false},
		{[]string{"-json", "-C", "examples", "./..."}, false},
	} {
		if got := vetMode(test.args); got != test.want {
			t.Errorf("vetMode(%q) = %t, want %t", test.args, got, test.want)
		}
	}
}

// TestConfig runs lambdalint.toml through the command and go vet: a valid
// file turns globalstate's multi-concurrency mode on, a misspelt setting
// is an error that names the file, and the flag wins over the file.
func TestConfig(t *testing.T) {
	dir := copyModule(t, "lambda")
	config := filepath.Join(dir, "lambdalint.toml")
	write := func(s string) {
		if err := os.WriteFile(config, []byte(s), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	const concurrent = "written by handler code without a lock"

	res := runLambdalint(t, dir, "-globalstate")
	if strings.Contains(res.stdout, concurrent) {
		t.Errorf("multi-concurrency finding without the mode:\n%s", res.stdout)
	}

	write("[globalstate]\nconcurrent = true\n")
	res = runLambdalint(t, dir, "-globalstate")
	if res.code != exitFindings || !strings.Contains(res.stdout, concurrent) {
		t.Errorf("concurrent = true: exit status %d, want %d and a multi-concurrency finding:\n%s%s", res.code, exitFindings, res.stdout, res.stderr)
	}
	vet := runGo(t, dir, "vet", "-vettool="+lambdalintBin, "-globalstate")
	if !strings.Contains(vet.stderr, concurrent) {
		t.Errorf("go vet -vettool, concurrent = true: no multi-concurrency finding:\n%s", vet.stderr)
	}
	// go vet caches results (in -json mode, findings too) by code, flags
	// and tool ID: the ID covers lambdalint.toml, so a changed setting is
	// not answered from the cache.
	for _, on := range []bool{false, true, false} {
		write(fmt.Sprintf("[globalstate]\nconcurrent = %v\n", on))
		vet := runGo(t, dir, "vet", "-vettool="+lambdalintBin, "-globalstate", "-json")
		if got := strings.Contains(vet.stdout, concurrent); got != on {
			t.Errorf("go vet -vettool -json, concurrent = %v: multi-concurrency finding %v, want %v:\n%s%s", on, got, on, vet.stdout, vet.stderr)
		}
	}
	write("[globalstate]\nconcurrent = true\n")
	res = runLambdalint(t, dir, "-globalstate", "-globalstate.concurrent=false")
	if strings.Contains(res.stdout, concurrent) {
		t.Errorf("-globalstate.concurrent=false does not override the file:\n%s", res.stdout)
	}

	// Rules on and off: the file disables, a rule picked on the command
	// line runs all the same.
	write("disable = [\"goroutineleak\"]\n")
	res = runLambdalint(t, dir)
	if strings.Contains(res.stdout, "(goroutineleak)") || !strings.Contains(res.stdout, "(ctxdeadline)") {
		t.Errorf("disable = [goroutineleak]: want ctxdeadline's findings and no goroutineleak's:\n%s%s", res.stdout, res.stderr)
	}
	vet = runGo(t, dir, "vet", "-vettool="+lambdalintBin)
	if strings.Contains(vet.stderr, "goroutine may outlive") || !strings.Contains(vet.stderr, "context.Background drops") {
		t.Errorf("go vet -vettool, disable = [goroutineleak]: want ctxdeadline's findings and no goroutineleak's:\n%s", vet.stderr)
	}
	res = runLambdalint(t, dir, "-goroutineleak")
	if !strings.Contains(res.stdout, "(goroutineleak)") || strings.Contains(res.stdout, "(ctxdeadline)") {
		t.Errorf("disable = [goroutineleak], -goroutineleak: want goroutineleak's findings alone:\n%s%s", res.stdout, res.stderr)
	}

	// More handler entry points: a function a framework calls.
	serve := filepath.Join(dir, "serve.go")
	if err := os.WriteFile(serve, []byte(`package main

import (
	"context"
	"net/http"
)

func Serve(ctx context.Context) error {
	_, err := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://example.com", nil)
	return err
}
`), 0o666); err != nil {
		t.Fatal(err)
	}
	res = runLambdalint(t, dir, "-ctxdeadline")
	if strings.Contains(res.stdout, "serve.go") {
		t.Errorf("Serve reported before it is an entry point:\n%s", res.stdout)
	}
	write("[lambdahandlers]\nentries = [\"example.com/lambda.Serve\"]\n")
	for _, args := range [][]string{{"-ctxdeadline"}, {"-ctxdeadline", "-lambdahandlers.entries="}} {
		res = runLambdalint(t, dir, args...)
		if got, want := strings.Contains(res.stdout, "serve.go:9:"), len(args) == 1; got != want {
			t.Errorf("entries = [example.com/lambda.Serve], %q: finding in Serve %v, want %v:\n%s%s", args, got, want, res.stdout, res.stderr)
		}
	}
	if err := os.Remove(serve); err != nil {
		t.Fatal(err)
	}

	write("[globalstate]\nconcurent = true\n")
	res = runLambdalint(t, dir)
	checkNoCrash(t, res)
	want := config + `:2: unknown setting "concurent" of globalstate: it has concurrent`
	vetWant := `lambdalint.toml:2: unknown setting "concurent" of globalstate` // go vet shortens the path
	if res.code != exitError || !strings.Contains(res.stderr, want) {
		t.Errorf("misspelt setting: exit status %d, want %d and %q in stderr:\n%s", res.code, exitError, want, res.stderr)
	}
	vet = runGo(t, dir, "vet", "-vettool="+lambdalintBin)
	checkNoCrash(t, vet)
	if vet.code == 0 || !strings.Contains(vet.stderr, vetWant) {
		t.Errorf("go vet -vettool, misspelt setting: exit status %d, want %q in stderr:\n%s", vet.code, vetWant, vet.stderr)
	}
}
