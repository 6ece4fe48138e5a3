package golangci_test

// The tests build a real golangci-lint v2 with the plugin, the way
// golangci-lint custom does but offline: from the module cache instead of
// a clone of its repository, with this checkout as the plugin's module. The
// binary is cached between test runs (see golangciLint). They run it on a
// copy of the examples module and compare its findings with the lambdalint
// command's.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/golangci"
	"github.com/lambdalint/lambdalint/internal/runtest"
)

// TestMain removes what the tests build in temporary directories.
func TestMain(m *testing.M) {
	code := m.Run()
	if cliDir != "" {
		os.RemoveAll(cliDir)
	}
	os.Exit(code)
}

// A finding is "file:line:col: rule: message", with the file relative to
// the module analysed: how golangci-lint words the text of an issue of a
// linter with several analyzers ("rule: message"), behind its position.
type finding = string

// TestExamples runs golangci-lint with the plugin on a copy of the examples
// module, without and with settings, and compares its findings with the
// command's given the same settings as flags: same positions, same rules,
// same messages.
func TestExamples(t *testing.T) {
	bin := golangciLint(t)
	dir := copyExamples(t)
	cache := t.TempDir()

	var base []finding
	for _, tc := range []struct {
		name     string
		settings string   // the plugin's settings, YAML
		flags    []string // the same for the command
		check    func(t *testing.T, got []finding)
	}{{
		name: "default",
		check: func(t *testing.T, got []finding) {
			for _, rule := range goldenRules(t) {
				if len(ofRule(got, rule)) == 0 {
					t.Errorf("no finding of rule %s in the examples", rule)
				}
			}
			base = got
		},
	}, {
		name:     "disable",
		settings: "disable: [ctxdeadline, handlersetup]",
		flags:    []string{"-ctxdeadline=false", "-handlersetup=false"},
		check: func(t *testing.T, got []finding) {
			want := slices.DeleteFunc(slices.Clone(base), func(f finding) bool {
				r := ruleOf(f)
				return r == "ctxdeadline" || r == "handlersetup"
			})
			if !slices.Equal(got, want) {
				t.Errorf("disabling ctxdeadline and handlersetup: got\n%s\nwant every other finding:\n%s", lines(got), lines(want))
			}
		},
	}, {
		name:     "enable and globalstate.concurrent",
		settings: "enable: [globalstate]\nglobalstate:\n  concurrent: true",
		flags:    []string{"-globalstate", "-globalstate.concurrent"},
		check: func(t *testing.T, got []finding) {
			if len(ofRule(got, "globalstate")) != len(got) {
				t.Errorf("enable: [globalstate]: findings of other rules:\n%s", lines(got))
			}
			checkAdds(t, ofRule(base, "globalstate"), got, "cmd/enricher/")
		},
	}, {
		name:     "handlersetup.extra",
		settings: "handlersetup:\n  extra: [encoding/json.Marshal]",
		flags:    []string{"-handlersetup.extra=encoding/json.Marshal"},
		check: func(t *testing.T, got []finding) {
			checkAdds(t, base, got, "json.Marshal runs on every invocation")
		},
	}, {
		name:     "lambdahandlers.entries",
		settings: "lambdahandlers:\n  entries: [" + examplesModule + "/internal/store.New]",
		flags:    []string{"-lambdahandlers.entries=" + examplesModule + "/internal/store.New"},
		check: func(t *testing.T, got []finding) {
			checkAdds(t, base, got, "internal/store/store.go:")
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			if base == nil && tc.name != "default" {
				t.Skip("no findings without settings to compare with")
			}
			writeConfig(t, dir, tc.settings)
			res := runGolangci(t, bin, dir, cache)
			if res.code != 1 {
				t.Fatalf("golangci-lint run: exit status %d, want 1 (issues found); stderr:\n%s", res.code, res.stderr)
			}
			want := runCLI(t, dir, tc.flags...)
			if !slices.Equal(res.findings, want) {
				t.Errorf("golangci-lint and lambdalint %s disagree:\ngolangci-lint:\n%s\nlambdalint:\n%s",
					strings.Join(tc.flags, " "), lines(res.findings), lines(want))
			}
			tc.check(t, res.findings)
		})
	}
}

// goldenRules returns the rules that the command reports on the examples,
// according to its golden file.
func goldenRules(t *testing.T) []string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "cmd", "lambdalint", "testdata", "examples.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if i := strings.LastIndex(line, " ("); i >= 0 && strings.HasSuffix(line, ")") {
			rules = append(rules, line[i+2:len(line)-1])
		}
	}
	slices.Sort(rules)
	rules = slices.Compact(rules)
	if len(rules) == 0 {
		t.Fatal("no findings in the command's golden file")
	}
	return rules
}

// checkAdds checks that settings added findings to base that contain
// added, and removed none.
func checkAdds(t *testing.T, base, got []finding, added string) {
	t.Helper()
	var missing, extra []finding
	for _, f := range base {
		if !slices.Contains(got, f) {
			missing = append(missing, f)
		}
	}
	for _, f := range got {
		if !slices.Contains(base, f) {
			extra = append(extra, f)
		}
	}
	if len(missing) > 0 {
		t.Errorf("findings gone:\n%s", lines(missing))
	}
	if !slices.ContainsFunc(extra, func(f finding) bool { return strings.Contains(f, added) }) {
		t.Errorf("no new finding containing %q; new findings:\n%s", added, lines(extra))
	}
}

// TestNolint checks that //nolint:lambdalint on a finding's line
// suppresses the findings on that line, and nothing else.
func TestNolint(t *testing.T) {
	bin := golangciLint(t)
	dir := copyExamples(t)
	cache := t.TempDir()
	writeConfig(t, dir, "")
	res := runGolangci(t, bin, dir, cache)
	if res.code != 1 {
		t.Fatalf("golangci-lint run: exit status %d, want 1; stderr:\n%s", res.code, res.stderr)
	}
	base := res.findings

	// Suppress the handlersetup findings of the orders example, two on
	// one line.
	const file = "cmd/orders/main.go"
	targets := make(map[int]bool)
	for _, f := range ofRule(base, "handlersetup") {
		if name, line, ok := fileLine(f); ok && name == file {
			targets[line] = true
		}
	}
	if len(targets) < 2 {
		t.Fatalf("want handlersetup findings on two lines of %s; got:\n%s", file, lines(base))
	}
	path := filepath.Join(dir, file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.SplitAfter(string(data), "\n")
	for line := range targets {
		text := strings.TrimSuffix(src[line-1], "\n")
		if strings.Contains(text, "//") {
			t.Fatalf("%s:%d has a comment already: %s", file, line, text)
		}
		src[line-1] = text + " //nolint:lambdalint // kept per invocation on purpose\n"
	}
	if err := os.WriteFile(path, []byte(strings.Join(src, "")), 0o666); err != nil {
		t.Fatal(err)
	}

	res = runGolangci(t, bin, dir, cache)
	if res.code != 1 {
		t.Fatalf("golangci-lint run: exit status %d, want 1; stderr:\n%s", res.code, res.stderr)
	}
	want := slices.DeleteFunc(slices.Clone(base), func(f finding) bool {
		name, line, _ := fileLine(f)
		return name == file && targets[line]
	})
	if !slices.Equal(res.findings, want) {
		t.Errorf("with //nolint:lambdalint on %s lines %v: got\n%s\nwant\n%s", file, slices.Sorted(maps.Keys(targets)), lines(res.findings), lines(want))
	}
}

// TestIgnoreDirectives checks that //lambdalint:ignore works under
// golangci-lint as under the command: a directive suppresses the finding it
// names, and one that suppresses nothing is reported.
func TestIgnoreDirectives(t *testing.T) {
	bin := golangciLint(t)
	dir := copyExamples(t)
	writeConfig(t, dir, "")

	const file = "cmd/api/main.go"
	path := filepath.Join(dir, file)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.SplitAfter(string(data), "\n")
	// Above the globalstate finding on currentUser: suppresses it.
	i := slices.IndexFunc(src, func(l string) bool { return strings.HasPrefix(strings.TrimSpace(l), "currentUser = ") })
	if i < 0 {
		t.Fatalf("%s: no assignment to currentUser", file)
	}
	used := "\t//lambdalint:ignore globalstate every request of this service has the same user\n"
	// Above a declaration with no envvars finding: suppresses nothing.
	j := slices.IndexFunc(src, func(l string) bool { return strings.HasPrefix(l, "var upstream = ") })
	if j < 0 || j > i {
		t.Fatalf("%s: no declaration of upstream before the assignment to currentUser", file)
	}
	unused := "//lambdalint:ignore envvars nothing to suppress here\n"
	src = slices.Insert(src, i, used)
	src = slices.Insert(src, j, unused)
	if err := os.WriteFile(path, []byte(strings.Join(src, "")), 0o666); err != nil {
		t.Fatal(err)
	}

	res := runGolangci(t, bin, dir, t.TempDir())
	if res.code != 1 {
		t.Fatalf("golangci-lint run: exit status %d, want 1; stderr:\n%s", res.code, res.stderr)
	}
	if want := runCLI(t, dir); !slices.Equal(res.findings, want) {
		t.Errorf("golangci-lint and lambdalint disagree:\ngolangci-lint:\n%s\nlambdalint:\n%s", lines(res.findings), lines(want))
	}
	for _, f := range ofRule(res.findings, "globalstate") {
		if strings.HasPrefix(f, file+":") && strings.Contains(f, "currentUser") {
			t.Errorf("not suppressed by //lambdalint:ignore globalstate: %s", f)
		}
	}
	at := fmt.Sprintf("%s:%d:", file, j+1)
	if !slices.ContainsFunc(res.findings, func(f finding) bool { return strings.HasPrefix(f, at) }) {
		t.Errorf("the directive that suppresses nothing, at %s, is not reported:\n%s", at, lines(res.findings))
	}
}

// TestNew checks the plugin's constructor in process, without
// golangci-lint.
func TestNew(t *testing.T) {
	p, err := golangci.New(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", p.GetLoadMode(), register.LoadModeTypesInfo)
	}
	got, err := p.BuildAnalyzers()
	if err != nil || !slices.Equal(got, analyzers.All()) {
		t.Errorf("New(nil).BuildAnalyzers() = %v, %v; want every rule", got, err)
	}

	p, err = golangci.New(map[string]any{"disable": []any{"envvars"}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = p.BuildAnalyzers()
	if len(got) != len(analyzers.All())-1 || slices.ContainsFunc(got, func(a *analysis.Analyzer) bool { return a.Name == "envvars" }) {
		t.Errorf("disable: [envvars]: got %v", got)
	}

	if _, err := golangci.New([]any{"envvars"}); err == nil || !strings.Contains(err.Error(), where) {
		t.Errorf("New([envvars]): got error %v, want one naming %s", err, where)
	}
}

// TestBadSettings checks that a bad setting stops golangci-lint with an
// error that says which setting is wrong and why.
func TestBadSettings(t *testing.T) {
	bin := golangciLint(t)
	for _, tc := range []struct {
		settings string
		want     []string // in the error
	}{
		{"disable: [nosuchrule]", []string{where + ": disable", `unknown rule "nosuchrule"`, "ctxdeadline"}},
		{"enable: globalstate", []string{where + ": enable", "must be a list of rule names"}},
		{"enable: [globalstate]\ndisable: [globalstate]", []string{where, "every rule is disabled"}},
		{"globalstate:\n  concurent: true", []string{where + ": globalstate.concurent", `unknown setting "concurent" of globalstate`, "concurrent"}},
		{"globalstate:\n  concurrent: \"yes\"", []string{where + ": globalstate.concurrent", "must be true or false"}},
		{"handlersetup:\n  extra: [Connect]", []string{where + ": handlersetup.extra", `"Connect"`, "example.com/db.Connect"}},
		{"globalstat:\n  concurrent: true", []string{where, `unknown setting "globalstat"`}},
		{"- envvars", []string{where, "want a mapping"}},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/m\n\ngo 1.26\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "m.go"), []byte("package m\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		writeConfig(t, dir, tc.settings)
		res := runGolangci(t, bin, dir, t.TempDir())
		if res.code == 0 || res.code == 1 {
			t.Errorf("settings %q: exit status %d, want an error", tc.settings, res.code)
		}
		for _, s := range tc.want {
			if !strings.Contains(res.stderr, s) {
				t.Errorf("settings %q: the error does not say %q:\n%s", tc.settings, s, res.stderr)
			}
		}
	}
}

// where is how the plugin's errors name its settings.
const where = "linters.settings.custom.lambdalint.settings"

const examplesModule = thisModule + "/examples"

// copyExamples copies the examples module to a temporary directory,
// without its lambdalint.toml files: golangci-lint takes the settings from
// its own configuration.
func copyExamples(t *testing.T) string {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(root, "examples")
	dst := filepath.Join(t.TempDir(), "examples")
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dst, rel), 0o777)
		case d.Name() == "lambdalint.toml":
			return nil
		}
		return copyFile(path, filepath.Join(dst, rel), 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// writeConfig writes dir/.golangci.yml enabling only lambdalint, with
// settings (YAML) as the plugin's settings. Every issue is shown: by
// default golangci-lint shows 3 of the same text and one per line.
func writeConfig(t *testing.T, dir, settings string) {
	t.Helper()
	var b strings.Builder
	b.WriteString(`version: "2"
linters:
  default: none
  enable:
    - lambdalint
  settings:
    custom:
      lambdalint:
        type: module
        description: AWS Lambda pitfalls
`)
	if settings != "" {
		b.WriteString("        settings:\n")
		for line := range strings.Lines(settings) {
			b.WriteString("          " + line)
		}
		b.WriteString("\n")
	}
	b.WriteString(`issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`)
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(b.String()), 0o666); err != nil {
		t.Fatal(err)
	}
}

type lintResult struct {
	findings []finding // sorted
	stderr   string
	code     int
}

// runGolangci runs golangci-lint run ./... in dir with the cache
// directory cache and returns its findings, from its JSON output.
func runGolangci(t *testing.T, bin, dir, cache string) lintResult {
	t.Helper()
	ctx, cancel := testContext(t)
	defer cancel()
	out := filepath.Join(t.TempDir(), "issues.json")
	cmd := exec.CommandContext(ctx, bin, "run", "--output.json.path="+out, "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOLANGCI_LINT_CACHE="+cache)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	res := lintResult{stderr: stderr.String()}
	if ctx.Err() != nil {
		t.Fatalf("golangci-lint run: stopped before the test timeout")
	}
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		res.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if res.code != 0 && res.code != 1 {
		return res
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var report struct {
		Issues []struct {
			FromLinter, Text string
			Pos              struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("golangci-lint's JSON: %v\n%s", err, data)
	}
	for _, is := range report.Issues {
		if is.FromLinter != "lambdalint" {
			t.Errorf("issue of linter %s: %s", is.FromLinter, is.Text)
		}
		res.findings = append(res.findings, fmt.Sprintf("%s:%d:%d: %s", runtest.Rel(dir, is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.Text))
	}
	slices.Sort(res.findings)
	return res
}

var (
	cliOnce sync.Once
	cliDir  string // holds the lambdalint command, built once
	cliExe  string // the lambdalint command
	cliErr  error
)

// runCLI runs the lambdalint command of this checkout on the module in dir
// with flags, and returns its findings worded as golangci-lint words them.
func runCLI(t *testing.T, dir string, flags ...string) []finding {
	t.Helper()
	ctx, cancel := testContext(t)
	defer cancel()
	cliOnce.Do(func() {
		if cliDir, cliErr = os.MkdirTemp("", "lambdalint-cli-"); cliErr == nil {
			cliExe, cliErr = runtest.Build(cliDir)
		}
	})
	if cliErr != nil {
		t.Fatal(cliErr)
	}
	args := append(append([]string{"-C", dir, "-json"}, flags...), "./...")
	cmd := exec.CommandContext(ctx, cliExe, args...)
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ee, ok := errors.AsType[*exec.ExitError](err); ok && ee.ExitCode() != 1 || !ok && err != nil {
		t.Fatalf("lambdalint %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}

	fs, err := runtest.VetJSON(out, dir)
	if err != nil {
		t.Fatalf("lambdalint -json: %v\n%s", err, out)
	}
	var findings []finding
	for _, f := range fs {
		findings = append(findings, fmt.Sprintf("%s: %s: %s", f.Posn, f.Rule, f.Message))
	}
	slices.Sort(findings)
	return slices.Compact(findings)
}

func ruleOf(f finding) string {
	parts := strings.SplitN(f, ": ", 3)
	if len(parts) < 3 {
		return ""
	}
	return parts[1]
}

func ofRule(fs []finding, rule string) []finding {
	var out []finding
	for _, f := range fs {
		if ruleOf(f) == rule {
			out = append(out, f)
		}
	}
	return out
}

// fileLine returns the file and line of a finding.
func fileLine(f finding) (string, int, bool) {
	posn, _, _ := strings.Cut(f, ": ")
	parts := strings.Split(posn, ":")
	if len(parts) != 3 {
		return "", 0, false
	}
	line, err := strconv.Atoi(parts[1])
	return parts[0], line, err == nil
}

func lines(fs []finding) string {
	if len(fs) == 0 {
		return "\t(none)"
	}
	return "\t" + strings.Join(fs, "\n\t")
}

// Building golangci-lint.

const (
	// golangciVersion is the golangci-lint that the tests build.
	golangciVersion = "v2.15.0"
	golangciModule  = "github.com/golangci/golangci-lint/v2"

	thisModule   = "github.com/lambdalint/lambdalint"
	pluginImport = thisModule + "/golangci"

	// keepBuilds is how many binaries the cache keeps, the most recently
	// used: each change to the plugin's code is a new one.
	keepBuilds = 3
)

// mustWin are the requirements of this module that golangci-lint's must
// not raise: the analyzers are written and tested against these versions.
var mustWin = []string{"golang.org/x/tools", "honnef.co/go/tools"}

var (
	buildOnce  sync.Once
	builtBin   string
	builtNotes string // what the build chose, for the log
	buildErr   error
)

// golangciLint returns a golangci-lint binary with the plugin compiled in,
// building it on first use (minutes with an empty build cache) unless the
// user cache holds one built from the same golangci-lint, Go toolchain and
// plugin sources.
func golangciLint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds golangci-lint")
	}
	buildOnce.Do(func() {
		builtBin, builtNotes, buildErr = cachedBuild(t)
		if buildErr == nil {
			t.Log(builtNotes)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// moduleRoot returns the root of this checkout: the plugin's parent.
func moduleRoot() (string, error) {
	root, err := filepath.Abs("..")
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	if !bytes.HasPrefix(data, []byte("module "+thisModule+"\n")) {
		return "", fmt.Errorf("%s/go.mod is not module %s", root, thisModule)
	}
	return root, nil
}

func cachedBuild(t *testing.T) (bin, notes string, err error) {
	ctx, cancel := testContext(t)
	defer cancel()
	root, err := moduleRoot()
	if err != nil {
		return "", "", err
	}
	key, err := sourceKey(ctx, root)
	if err != nil {
		return "", "", err
	}
	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		return "", "", fmt.Errorf("no user cache directory for the golangci-lint binary: %v", err)
	}
	dir := filepath.Join(cacheRoot, "lambdalint", "golangci-lint", golangciVersion+"-"+key[:24])
	bin = filepath.Join(dir, "golangci-lint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	notesFile := filepath.Join(dir, "build.txt")

	if data, err := os.ReadFile(notesFile); err == nil {
		if _, err := os.Stat(bin); err == nil {
			now := time.Now()
			os.Chtimes(dir, now, now) // most recently used, for pruning
			return bin, fmt.Sprintf("golangci-lint %s with the plugin: cached %s\n%s", golangciVersion, bin, data), nil
		}
	}

	tmp, err := os.MkdirTemp("", "lambdalint-golangci-")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(tmp)
	start := time.Now()
	built, mvs, err := build(ctx, root, tmp)
	if ctx.Err() != nil {
		deadline, _ := t.Deadline()
		return "", "", fmt.Errorf("building golangci-lint %s with the plugin was stopped after %v, shortly before the test timeout at %v: "+
			"with an empty build cache the build takes minutes; run go test -timeout=30m ./golangci/ once, "+
			"and later runs use the binary it caches under %s",
			golangciVersion, time.Since(start).Round(time.Second), deadline.Format(time.TimeOnly), filepath.Dir(dir))
	}
	if err != nil {
		return "", "", err
	}
	elapsed := time.Since(start).Round(100 * time.Millisecond)

	// Store the binary in the cache: the notes last, as the mark of a
	// complete entry.
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", "", err
	}
	if err := copyFile(built, bin+".tmp", 0o755); err != nil {
		return "", "", err
	}
	if err := os.Rename(bin+".tmp", bin); err != nil {
		return "", "", err
	}
	data := fmt.Sprintf("built in %v from %s (GOCACHE %s)\n%s", elapsed, root, goEnv(ctx, "GOCACHE"), mvs)
	if err := os.WriteFile(notesFile, []byte(data), 0o666); err != nil {
		return "", "", err
	}
	prune(filepath.Dir(dir))
	return bin, fmt.Sprintf("golangci-lint %s with the plugin: %s\n%s", golangciVersion, bin, data), nil
}

// testContext returns a context that ends shortly before the test's
// deadline, so that a command still running then is stopped and the test
// fails with a message instead of the test binary's timeout panic.
func testContext(t *testing.T) (context.Context, context.CancelFunc) {
	if d, ok := t.Deadline(); ok {
		return context.WithDeadline(context.Background(), d.Add(-30*time.Second))
	}
	return context.WithCancel(context.Background())
}

// sourceKey digests what the binary is built from besides golangci-lint:
// the Go toolchain and the files of this module that the plugin compiles,
// with go.mod and go.sum.
func sourceKey(ctx context.Context, root string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-deps", "-json=Dir,GoFiles,CgoFiles,EmbedFiles,Module", pluginImport)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list -deps %s: %v\n%s", pluginImport, err, stderrOf(err))
	}
	h := sha256.New()
	fmt.Fprintf(h, "golangci-lint %s\n%s %s\n", golangciVersion, goEnv(ctx, "GOVERSION"), os.Getenv("GOFLAGS"))
	hashFile := func(name string) error {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(name), len(data))
		h.Write(data)
		return nil
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		if err := hashFile(name); err != nil {
			return "", err
		}
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var pkg struct {
			Dir                           string
			GoFiles, CgoFiles, EmbedFiles []string
			Module                        *struct{ Main bool }
		}
		if err := dec.Decode(&pkg); err == io.EOF {
			break
		} else if err != nil {
			return "", err
		}
		if pkg.Module == nil || !pkg.Module.Main {
			continue
		}
		rel, err := filepath.Rel(root, pkg.Dir)
		if err != nil {
			return "", err
		}
		for _, name := range slices.Concat(pkg.GoFiles, pkg.CgoFiles, pkg.EmbedFiles) {
			if err := hashFile(filepath.Join(rel, name)); err != nil {
				return "", err
			}
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// build builds golangci-lint with the plugin of the checkout root in tmp,
// and returns the binary and what minimal version selection chose.
func build(ctx context.Context, root, tmp string) (bin, mvs string, err error) {
	env := append(os.Environ(), "GOWORK=off")

	// The module source of golangci-lint, from the module cache (or the
	// module proxy). Outside any module, go mod download changes no go.mod.
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", golangciModule+"@"+golangciVersion)
	cmd.Dir = tmp
	cmd.Env = env
	out, err := cmd.Output()
	var mod struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &mod); jerr != nil || mod.Error != "" || mod.Dir == "" {
		return "", "", fmt.Errorf("go mod download %s@%s: %v %s\n%s", golangciModule, golangciVersion, err, mod.Error, stderrOf(err))
	}

	// A writable copy, with the plugin imported and required from this
	// checkout. golangci-lint custom does the same in its clone.
	src := filepath.Join(tmp, "golangci-lint")
	if err := os.CopyFS(src, os.DirFS(mod.Dir)); err != nil { // writable: CopyFS creates files 0o666
		return "", "", err
	}
	plugins := "package main\n\nimport _ \"" + pluginImport + "\"\n"
	if err := os.WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"), []byte(plugins), 0o666); err != nil {
		return "", "", err
	}
	goCmd := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = src
		// -mod=mod lets the build add the checksums of requirements of
		// the plugin that golangci-lint's go.sum lacks.
		cmd.Env = append(env, "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("go %s (in a copy of golangci-lint %s): %v\n%s", strings.Join(args, " "), golangciVersion, err, out)
		}
		return string(out), nil
	}
	if _, err := goCmd("mod", "edit", "-require="+thisModule+"@v0.0.0", "-replace="+thisModule+"="+root); err != nil {
		return "", "", err
	}
	bin = filepath.Join(tmp, "golangci-lint.bin")
	if _, err := goCmd("build", "-o", bin, "./cmd/golangci-lint"); err != nil {
		return "", "", err
	}

	// What minimal version selection chose for this module's requirements.
	var ours struct {
		Require []struct{ Path, Version string }
	}
	cmd = exec.CommandContext(ctx, "go", "mod", "edit", "-json")
	cmd.Dir = root
	out, err = cmd.Output()
	if err != nil {
		return "", "", fmt.Errorf("go mod edit -json: %v", err)
	}
	if err := json.Unmarshal(out, &ours); err != nil {
		return "", "", err
	}
	args := []string{"list", "-m", "-f", "{{.Path}} {{.Version}}"}
	want := make(map[string]string)
	for _, r := range ours.Require {
		args = append(args, r.Path)
		want[r.Path] = r.Version
	}
	selected, err := goCmd(args...)
	if err != nil {
		return "", "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "minimal version selection, for the requirements of %s (the others are ours):\n", thisModule)
	var lost []string
	for line := range strings.Lines(selected) {
		path, version, _ := strings.Cut(strings.TrimSpace(line), " ")
		if version == want[path] {
			if slices.Contains(mustWin, path) {
				fmt.Fprintf(&b, "\t%s %s: ours\n", path, version)
			}
			continue
		}
		fmt.Fprintf(&b, "\t%s %s: golangci-lint's (ours is %s)\n", path, version, want[path])
		if slices.Contains(mustWin, path) {
			lost = append(lost, fmt.Sprintf("%s %s instead of %s", path, version, want[path]))
		}
	}
	if len(lost) > 0 {
		return "", "", fmt.Errorf("golangci-lint %s raises requirements that lambdalint must keep: %s\n%s",
			golangciVersion, strings.Join(lost, ", "), b.String())
	}
	return bin, b.String(), nil
}

// prune keeps the keepBuilds most recently used binaries in dir.
func prune(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type entry struct {
		path string
		used time.Time
	}
	var all []entry
	for _, e := range entries {
		if info, err := e.Info(); err == nil && e.IsDir() {
			all = append(all, entry{filepath.Join(dir, e.Name()), info.ModTime()})
		}
	}
	slices.SortFunc(all, func(a, b entry) int { return b.used.Compare(a.used) })
	for _, e := range all[min(len(all), keepBuilds):] {
		os.RemoveAll(e.path)
	}
}

func goEnv(ctx context.Context, name string) string {
	out, err := exec.CommandContext(ctx, "go", "env", name).Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}

func stderrOf(err error) []byte {
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		return ee.Stderr
	}
	return nil
}

func copyFile(src, dst string, perm fs.FileMode) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, perm)
}
