package main

// These tests run the command-line mode in process with fake rules, so that
// they do not depend on what the registered rules report.

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// fakeRule reports each function whose name starts with "Bad", with a fix
// that renames it to "Good…", and the function NoFix, without a fix.
var fakeRule = &analysis.Analyzer{
	Name: "fake",
	Doc:  "report bad function names\n\nThe rest of the doc.",
	Run:  func(pass *analysis.Pass) (any, error) { return reportNames(pass, true) },
}

// fixableRule is fakeRule without the finding that has no fix.
var fixableRule = &analysis.Analyzer{
	Name: "fixable",
	Doc:  "report bad function names",
	Run:  func(pass *analysis.Pass) (any, error) { return reportNames(pass, false) },
}

func reportNames(pass *analysis.Pass, noFix bool) (any, error) {
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			id := fn.Name
			switch {
			case strings.HasPrefix(id.Name, "Bad"):
				pass.Report(analysis.Diagnostic{
					Pos:     id.Pos(),
					End:     id.End(),
					Message: "function " + id.Name + " is bad",
					SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "rename it",
						TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.Pos() + 3, NewText: []byte("Good")}},
					}},
				})
			case id.Name == "NoFix" && noFix:
				pass.Report(analysis.Diagnostic{Pos: id.Pos(), Message: "function NoFix has no fix"})
			}
		}
	}
	return nil, nil
}

// namedRule reports the function named by its flag -named.name.
var namedRule = &analysis.Analyzer{
	Name: "named",
	Doc:  "report a function by name",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				if fn, ok := decl.(*ast.FuncDecl); ok && fn.Name.Name == namedFunc {
					pass.Reportf(fn.Name.Pos(), "function %s is named", fn.Name.Name)
				}
			}
		}
		return nil, nil
	},
}

var namedFunc = "NoFix"

func init() {
	namedRule.Flags.StringVar(&namedFunc, "name", namedFunc, "name of the function to report")
}

// panicRule panics on every package; dependentRule requires it.
var (
	panicRule = &analysis.Analyzer{
		Name: "boom",
		Doc:  "panic",
		Run: func(pass *analysis.Pass) (any, error) {
			panic("boom on " + pass.Pkg.Path())
		},
	}
	dependentRule = &analysis.Analyzer{
		Name:     "dependent",
		Doc:      "require boom",
		Requires: []*analysis.Analyzer{panicRule},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	failingRule = &analysis.Analyzer{
		Name: "failing",
		Doc:  "fail",
		Run:  func(*analysis.Pass) (any, error) { return nil, errors.New("it failed") },
	}
)

// fakeRules are the rules the in-process tests may run, by name.
var fakeRules = []*analysis.Analyzer{fakeRule, fixableRule, namedRule, panicRule, dependentRule, failingRule}

// testRules returns the fake rules named.
func testRules(names []string) []*analysis.Analyzer {
	var rules []*analysis.Analyzer
	for _, a := range fakeRules {
		if slices.Contains(names, a.Name) {
			rules = append(rules, a)
		}
	}
	return rules
}

// writeModule writes the files, by slash-separated name, into a new
// temporary directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runInProcess runs the command-line mode with the rules, and returns its
// output with dir replaced by $DIR. go vet runs the test binary as the vet
// tool, which runs the same rules (see TestMain).
func runInProcess(t *testing.T, dir string, rules []*analysis.Analyzer, args ...string) result {
	t.Helper()
	var names []string
	for _, a := range rules {
		names = append(names, a.Name)
	}
	t.Setenv(envTestRules, strings.Join(names, ","))
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"-C", dir}, args...), rules, &stdout, &stderr)
	return result{
		stdout: normalize(stdout.String(), dir),
		stderr: normalize(stderr.String(), dir),
		code:   code,
	}
}

func TestText(t *testing.T) {
	dir := copyModule(t, "fixme")
	rules := []*analysis.Analyzer{fakeRule, namedRule}
	for _, test := range []struct {
		args []string
		code int
		want string
	}{
		{nil, exitFindings, `fixme.go:5:6: function BadName is bad (fake)
fixme.go:8:6: function NoFix has no fix (fake)
fixme.go:8:6: function NoFix is named (named)
fixme_test.go:4:6: function BadInTest is bad (fake)
zz_generated.go:6:6: function BadGenerated is bad (fake)
`},
		{[]string{"-test=false"}, exitFindings, `fixme.go:5:6: function BadName is bad (fake)
fixme.go:8:6: function NoFix has no fix (fake)
fixme.go:8:6: function NoFix is named (named)
zz_generated.go:6:6: function BadGenerated is bad (fake)
`},
		{[]string{"-named"}, exitFindings, `fixme.go:8:6: function NoFix is named (named)
`},
		{[]string{"-fake=false", "-named.name=BadInTest"}, exitFindings, `fixme_test.go:4:6: function BadInTest is named (named)
`},
		{[]string{"-named", "-named.name=Missing"}, exitClean, ``},
	} {
		res := runInProcess(t, dir, rules, test.args...)
		if res.code != test.code || res.stdout != test.want || res.stderr != "" {
			t.Errorf("lambdalint %v: exit status %d, stdout:\n%s\nstderr:\n%s\nwant exit status %d, stdout:\n%s",
				test.args, res.code, res.stdout, res.stderr, test.code, test.want)
		}
	}
	namedFunc = "NoFix"
}

func TestJSON(t *testing.T) {
	dir := copyModule(t, "fixme")
	res := runInProcess(t, dir, []*analysis.Analyzer{fakeRule}, "-json")
	if res.code != exitFindings || res.stderr != "" {
		t.Fatalf("lambdalint -json: exit status %d, stderr:\n%s", res.code, res.stderr)
	}
	var tree map[string]map[string][]jsonDiagnostic
	if err := json.Unmarshal([]byte(res.stdout), &tree); err != nil {
		t.Fatalf("%v in:\n%s", err, res.stdout)
	}
	// go vet analyzes a package with its internal tests as one unit.
	const pkg = "example.com/fixme"
	if len(tree) != 1 || tree[pkg] == nil {
		t.Fatalf("packages of the JSON output: want %q:\n%s", pkg, res.stdout)
	}
	diags := tree[pkg]["fake"]
	if len(diags) != 4 {
		t.Fatalf("%s: got %d diagnostics, want 4:\n%s", pkg, len(diags), res.stdout)
	}
	d := diags[0]
	src, err := os.ReadFile(filepath.Join(dir, "fixme.go"))
	if err != nil {
		t.Fatal(err)
	}
	offset := bytes.Index(src, []byte("BadName()"))
	want := jsonDiagnostic{
		Posn:    "fixme.go:5:6",
		End:     "fixme.go:5:13",
		Message: "function BadName is bad",
		SuggestedFixes: []jsonSuggestedFix{{
			Message: "rename it",
			Edits:   []jsonTextEdit{{Filename: "fixme.go", Start: offset, End: offset + 3, New: "Good"}},
		}},
	}
	got, _ := json.Marshal(d)
	wantJSON, _ := json.Marshal(want)
	if !bytes.Equal(got, wantJSON) {
		t.Errorf("first diagnostic:\n%s\nwant:\n%s", got, wantJSON)
	}
}

func TestFix(t *testing.T) {
	dir := copyModule(t, "fixme")
	rules := []*analysis.Analyzer{fakeRule}

	// The fixes of BadName (reported in both variants of the package) and
	// BadInTest apply; BadGenerated's does not, in a generated file.
	res := runInProcess(t, dir, rules, "-fix")
	const remaining = `fixme.go:8:6: function NoFix has no fix (fake)
zz_generated.go:6:6: function BadGenerated is bad (fake)
`
	if res.code != exitFindings || res.stdout != remaining || res.stderr != "" {
		t.Errorf("lambdalint -fix: exit status %d, stdout:\n%s\nstderr:\n%s\nwant exit status 1, stdout:\n%s",
			res.code, res.stdout, res.stderr, remaining)
	}
	for file, want := range map[string]string{
		"fixme.go":        "func GoodName() {}",
		"fixme_test.go":   "func GoodInTest() {}",
		"zz_generated.go": "func BadGenerated() {}",
	} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s after -fix does not contain %q:\n%s", file, want, data)
		}
	}

	// Nothing is left to fix.
	res = runInProcess(t, dir, rules, "-fix")
	if res.code != exitFindings || res.stdout != remaining || res.stderr != "" {
		t.Errorf("second lambdalint -fix: exit status %d, stdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}
}

func TestFixExitStatus(t *testing.T) {
	dir := copyModule(t, "fixme")
	if err := os.Remove(filepath.Join(dir, "zz_generated.go")); err != nil {
		t.Fatal(err)
	}
	// Every finding has a fix: none remains after -fix.
	res := runInProcess(t, dir, []*analysis.Analyzer{fixableRule}, "-fix")
	if res.code != exitClean || res.stdout != "" || res.stderr != "" {
		t.Errorf("lambdalint -fix: exit status %d, stdout:\n%s\nstderr:\n%s\nwant exit status 0 and no output", res.code, res.stdout, res.stderr)
	}
	res = runInProcess(t, dir, []*analysis.Analyzer{fakeRule})
	const want = "fixme.go:8:6: function NoFix has no fix (fake)\n"
	if res.code != exitFindings || res.stdout != want {
		t.Errorf("lambdalint after -fix: exit status %d, stdout:\n%s\nwant:\n%s", res.code, res.stdout, want)
	}
}

func TestDiff(t *testing.T) {
	dir := copyModule(t, "fixme")
	res := runInProcess(t, dir, []*analysis.Analyzer{fakeRule}, "-diff")
	const want = `--- a/fixme.go
+++ b/fixme.go
@@ -2,7 +2,7 @@
 package fixme
 
 // BadName is reported, with a fix that renames it.
-func BadName() {}
+func GoodName() {}
 
 // NoFix is reported without a fix.
 func NoFix() {}
--- a/fixme_test.go
+++ b/fixme_test.go
@@ -1,4 +1,4 @@
 package fixme
 
 // BadInTest is reported in the test variant of the package only.
-func BadInTest() {}
+func GoodInTest() {}
`
	if res.code != exitFindings || res.stdout != want || res.stderr != "" {
		t.Errorf("lambdalint -diff: exit status %d, stdout:\n%s\nstderr:\n%s\nwant:\n%s", res.code, res.stdout, res.stderr, want)
	}
	data, err := os.ReadFile(filepath.Join(dir, "fixme.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "BadName") {
		t.Errorf("-diff changed fixme.go:\n%s", data)
	}
}

func TestRuleFailures(t *testing.T) {
	dir := copyModule(t, "fixme")
	res := runInProcess(t, dir, []*analysis.Analyzer{dependentRule, failingRule, fakeRule}, "-test=false")
	if res.code != exitError {
		t.Errorf("exit status %d, want %d", res.code, exitError)
	}
	// The failure of boom is reported once, not as dependent's failure too.
	const wantErr = "lambdalint: example.com/fixme: analyzer boom: panic: boom on example.com/fixme in github.com/lambdalint/lambdalint/cmd/lambdalint.init.func"
	lines := strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], wantErr) || lines[1] != "lambdalint: example.com/fixme: analyzer failing: it failed" {
		t.Errorf("stderr:\n%s\nwant a line starting with:\n%s\nand:\nlambdalint: example.com/fixme: analyzer failing: it failed", res.stderr, wantErr)
	}
	checkNoCrash(t, res)
	// The other rules still report.
	if !strings.Contains(res.stdout, "(fake)") {
		t.Errorf("stdout lacks the findings of fake:\n%s", res.stdout)
	}
}

func TestGuardVet(t *testing.T) {
	a := &analysis.Analyzer{
		Name: "vetboom",
		Doc:  "panic",
		Run:  func(*analysis.Pass) (any, error) { panic("boom") },
	}
	guard([]*analysis.Analyzer{a})
	guard([]*analysis.Analyzer{a}) // idempotent
	_, err := a.Run(&analysis.Pass{Analyzer: a, Pkg: types.NewPackage("example.com/p", "p")})
	const want = "example.com/p: analyzer vetboom: panic: boom in github.com/lambdalint/lambdalint/cmd/lambdalint.TestGuardVet.func1 (driver_test.go:"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error of a panicking analyzer: %v, want prefix %q", err, want)
	}
}

// TestIncompleteGoSum checks that a module whose go.sum lacks the entries of
// a requirement gets the go command's error, not the type errors that follow
// from it.
func TestIncompleteGoSum(t *testing.T) {
	dir := copyModule(t, "nosum")
	// As the go command does by default: report missing go.sum entries
	// rather than add them, and do not download anything.
	t.Setenv("GOFLAGS", "-mod=readonly")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	for _, args := range [][]string{nil, {"-test=false"}, {"-json", "./..."}} {
		res := runInProcess(t, dir, []*analysis.Analyzer{fakeRule}, args...)
		lines := strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n")
		const want = "lambdalint: main.go:5:8: missing go.sum entry for module providing package github.com/aws/aws-lambda-go/lambda (imported by example.com/nosum)"
		if res.code != exitError || len(lines) >= 10 || !strings.HasPrefix(res.stderr, want) || strings.Contains(res.stderr, "could not import") {
			t.Errorf("lambdalint %v: exit status %d, stderr:\n%s\nwant exit status %d and a few lines starting with:\n%s",
				args, res.code, res.stderr, exitError, want)
		}
		checkNoCrash(t, res)
	}
	data, err := os.ReadFile(filepath.Join(dir, "go.sum"))
	if err != nil || len(data) != 0 {
		t.Errorf("go.sum after lambdalint: %q, %v; want it empty", data, err)
	}
}

// TestNoTestsBrokenTestImport checks that -test=false analyzes a package
// whose test files import what cannot be found, as go vet alone cannot.
func TestNoTestsBrokenTestImport(t *testing.T) {
	dir := copyModule(t, "testimport")
	t.Setenv("GOFLAGS", "-mod=readonly")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	res := runInProcess(t, dir, []*analysis.Analyzer{fakeRule}, "-test=false")
	const want = "p.go:3:6: function BadName is bad (fake)\n"
	if res.code != exitFindings || res.stdout != want || res.stderr != "" {
		t.Errorf("lambdalint -test=false: exit status %d, stdout:\n%s\nstderr:\n%s\nwant exit status %d, stdout:\n%s",
			res.code, res.stdout, res.stderr, exitFindings, want)
	}
	res = runInProcess(t, dir, []*analysis.Analyzer{fakeRule})
	if res.code != exitError || !strings.Contains(res.stderr, "p_test.go:4:8: ") {
		t.Errorf("lambdalint: exit status %d, stderr:\n%s\nwant exit status %d and the test file's error", res.code, res.stderr, exitError)
	}
}

// TestBrokenDependency checks that the errors of a broken package are
// reported, and that each package matched by the patterns that it fails is
// named, with the first error of the dependency.
func TestBrokenDependency(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":  "module example.com/m\n\ngo 1.26\n",
		"a/a.go":  "package a\n\nimport \"example.com/m/b\"\n\nvar V = b.F()\n",
		"b/b.go":  "package b\n\nfunc F() int { return x + y }\n",
		"c/c.go":  "package c\n\nfunc BadName() {}\n",
		"c/c2.go": "package c\n\nimport _ \"example.com/m/a\"\n",
	})
	t.Setenv("GOWORK", "off")
	// The dependency's errors, as go vet reports them, and each package
	// named that it fails.
	const want = `lambdalint: package example.com/m/a: dependency example.com/m/b failed to load: b/b.go:3:23: undefined: x
lambdalint: package example.com/m/b: b/b.go:3:23: undefined: x
lambdalint: package example.com/m/b: b/b.go:3:27: undefined: y
lambdalint: package example.com/m/c: dependency example.com/m/b failed to load: b/b.go:3:23: undefined: x
`
	res := runInProcess(t, dir, []*analysis.Analyzer{fakeRule}, "./a", "./c")
	if res.code != exitError || res.stderr != want || res.stdout != "" {
		t.Errorf("lambdalint ./a ./c: exit status %d, stdout:\n%s\nstderr:\n%s\nwant exit status %d, stderr:\n%s",
			res.code, res.stdout, res.stderr, exitError, want)
	}

	res = runInProcess(t, dir, []*analysis.Analyzer{fakeRule}, "./...")
	if res.code != exitError || res.stderr != want {
		t.Errorf("lambdalint ./...: exit status %d, stderr:\n%s\nwant:\n%s", res.code, res.stderr, want)
	}
}

// TestWorkspaceError checks that an error of the go command reaches the
// user without the wrapping of go/packages.
func TestWorkspaceError(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.work": "go 1.21\n\nuse .\n",
		"go.mod":  "module example.com/w\n\ngo 1.22\n",
		"w.go":    "package w\n",
	})
	t.Setenv("GOWORK", filepath.Join(dir, "go.work"))
	t.Setenv("GOTOOLCHAIN", "local")
	res := runInProcess(t, dir, []*analysis.Analyzer{fakeRule})
	const want = "lambdalint: go: module . listed in go.work file requires go >= 1.22"
	if res.code != exitError || !strings.HasPrefix(res.stderr, want) || strings.HasSuffix(res.stderr, "\n\n") {
		t.Errorf("lambdalint in a workspace that needs a newer go: exit status %d, stderr:\n%q\nwant exit status %d and a line starting with:\n%s",
			res.code, res.stderr, exitError, want)
	}
}

// TestVetErrors checks how what go vet prints on stderr becomes errors:
// by package, sorted, with file names relative to the working directory,
// the go command's progress passed on, and continuation lines kept.
func TestVetErrors(t *testing.T) {
	var stderr bytes.Buffer
	d := &driver{dir: "/work/m", stderr: &stderr}
	got := d.vetErrors(`go: downloading example.com/dep v1.0.0
# example.com/m/z
./z.go:3:2: undefined: x
# [example.com/m/a]
lambdalint: example.com/m/a: analyzer lambdahandlers: panic: boom
# example.com/m/b
/work/m/b/b.go:1:1: expected 'package', found 'EOF'
main.go:5:8: missing go.sum entry for module providing package example.com/dep; to add:
	go get example.com/m
`)
	var lines []string
	for _, e := range got {
		lines = append(lines, e.String())
	}
	want := []string{
		"example.com/m/a: analyzer lambdahandlers: panic: boom",
		"package example.com/m/b: b/b.go:1:1: expected 'package', found 'EOF'",
		"package example.com/m/b: main.go:5:8: missing go.sum entry for module providing package example.com/dep; to add:\n\tgo get example.com/m",
		"package example.com/m/z: z.go:3:2: undefined: x",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("vetErrors:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if stderr.String() != "go: downloading example.com/dep v1.0.0\n" {
		t.Errorf("passed on: %q", stderr.String())
	}
}

// TestUnlistablePackage checks that a package whose module cannot be
// downloaded is reported while the packages that do load are analyzed:
// go vet alone analyzes nothing when it cannot list every package.
func TestUnlistablePackage(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n\nrequire example.com/missing v1.0.0\n",
		"a/a.go": "package a\n\nimport _ \"example.com/missing/pkg\"\n",
		"b/b.go": "package b\n\nfunc BadName() {}\n",
	})
	t.Setenv("GOWORK", "off")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	res := runInProcess(t, dir, []*analysis.Analyzer{fakeRule}, "./...")
	const want = "b/b.go:3:6: function BadName is bad (fake)\n"
	if res.code != exitError || res.stdout != want || !strings.Contains(res.stderr, "example.com/missing") {
		t.Errorf("exit status %d, stdout:\n%s\nstderr:\n%s\nwant exit status %d, stdout:\n%s\nand an error naming example.com/missing",
			res.code, res.stdout, res.stderr, exitError, want)
	}
	checkNoCrash(t, res)
}
