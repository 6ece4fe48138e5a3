package main

// The command-line mode drives the go command's vet protocol: it runs
//
//	go vet -vettool=<this executable> -json [rule flags] [packages]
//
// and turns what go vet prints into lambdalint's output. The go command
// lists and compiles the packages, type-checks dependencies from export
// data in its build cache, runs this executable once per package in
// parallel (vet mode, see vet.go), hands the rules' facts from package to
// package, and caches the results of unchanged packages. So a run costs what
// go vet costs, cold or warm; see docs/performance.md.

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/lambdalint/lambdalint/internal/config"
)

// maxPackageErrors is how many errors are printed per broken package.
const maxPackageErrors = 10

// Environment of the vet tool, set by the command-line mode.
const (
	// envNoTest drops test files from the packages (-test=false).
	envNoTest = "LAMBDALINT_NOTEST"
	// envTestRules names the fake rules of this package's tests, which the
	// test binary runs as the vet tool.
	envTestRules = "LAMBDALINT_TEST_RULES"
)

// A driver runs the command-line mode once.
type driver struct {
	cfg    *cmdline
	dir    string // absolute directory in which packages are loaded (-C), and that printed file names are relative to
	stdout io.Writer
	stderr io.Writer
	failed bool // an error was reported: exit status 2
	// vetFailed is set when go vet exited with a non-zero status.
	vetFailed bool
	reported  map[string]bool // the errors reported
	errs      []string        // the same, in order
	// overlay is the -overlay file that hides the test files from the go
	// command with -test=false, once written.
	overlay string
}

// errorf reports an error on stderr, once, and makes the exit status 2.
func (d *driver) errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !d.reported[msg] {
		fmt.Fprintf(d.stderr, "%s: %s\n", progname, msg)
		d.reported[msg] = true
		d.errs = append(d.errs, msg)
	}
	d.failed = true
}

func (d *driver) run() int {
	d.reported = make(map[string]bool)
	defer d.removeOverlay()
	findings, ok := d.analyze()
	if !ok {
		d.printFailure()
		return exitError
	}
	switch {
	case d.cfg.diff:
		d.showFixes(findings)
	case d.cfg.fix:
		if d.fix(findings) {
			// Report what remains, where it now is.
			if findings, ok = d.analyze(); !ok {
				d.printFailure()
				return exitError
			}
		}
	}

	if !d.cfg.diff {
		if err := d.print(findings); err != nil {
			d.errorf("%v", err)
		}
	}

	switch {
	case d.failed:
		return exitError
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

// vetTool returns the executable that go vet runs as its tool, and the
// environment it needs on top of this process's; tests replace it.
var vetTool = func() (string, []string, error) {
	exe, err := os.Executable()
	return exe, nil, err
}

// analyze runs go vet with the rules on the packages. It reports the
// packages that go vet cannot analyze, and the failures of the rules, and
// returns the findings. It returns false if go vet failed as a whole.
func (d *driver) analyze() ([]*finding, bool) {
	exe, env, err := vetTool()
	if err != nil {
		d.errorf("%v", err)
		return nil, false
	}
	// The vet tool reads the configuration files; a bad one would fail
	// every package. Say it once.
	if err := config.Check(d.dir, d.cfg.all); err != nil {
		d.errorf("%v", err)
		return nil, false
	}
	stdout, stderr, err := d.vet(exe, env, d.cfg.patterns)
	if err != nil {
		d.errorf("%v", err) // no go command
		return nil, false
	}
	findings, errs := d.decode(bytes.NewReader(stdout))
	vetErrs := d.vetErrors(string(stderr))
	if len(stdout) == 0 && len(vetErrs) > 0 {
		// go vet analyzes nothing when it cannot list every package (a
		// module the proxy refuses, say): analyze those that load.
		if ok := d.loadable(); len(ok) > 0 {
			if stdout, _, err := d.vet(exe, env, ok); err == nil {
				findings, errs = d.decode(bytes.NewReader(stdout))
			}
		}
	}
	vetErrs = append(vetErrs, d.brokenImports(vetErrs)...)
	slices.SortStableFunc(vetErrs, func(a, b vetError) int { return cmp.Compare(a.pkg, b.pkg) })
	if d.vetFailed && len(vetErrs) == 0 && len(errs) == 0 {
		vetErrs = []vetError{{msg: "go vet failed"}}
	}
	for _, e := range vetErrs {
		d.errorf("%s", e)
	}
	for _, msg := range errs {
		d.errorf("%s", msg)
	}
	return findings, true
}

// vet runs go vet with the rules on the packages and returns what it
// printed. Its exit status is recorded in d.vetFailed; the error is that of
// starting it.
func (d *driver) vet(exe string, env, packages []string) (stdout, stderr []byte, err error) {
	flags := append([]string{"-vettool=" + exe, "-json"}, d.cfg.ruleFlags...)
	if !d.cfg.tests {
		if overlay := d.noTestOverlay(); overlay != "" {
			flags = append(flags, "-overlay="+overlay)
		}
	}
	cmd := d.goCommand("vet", flags, packages)
	cmd.Env = append(os.Environ(), env...)
	if !d.cfg.tests {
		cmd.Env = append(cmd.Env, envNoTest+"=1")
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		d.vetFailed, err = true, nil
	}
	return out.Bytes(), errOut.Bytes(), err
}

// noTestOverlay returns an -overlay file for the go command that deletes
// the test files of the packages matched by the patterns, or "" if there
// are none. go vet always loads a package's tests: without this, a test
// file importing a package that cannot be found (a mock not generated yet,
// a module the go.sum lacks) would fail the package with -test=false too.
// (The vet tool drops test files from the units as well: see prepareUnit.)
func (d *driver) noTestOverlay() string {
	if d.overlay != "" {
		return d.overlay
	}
	// The go command refuses to overlay files in the module cache: the
	// test files of downloaded modules (a version, not the main module or
	// a local replacement) are left to the vet tool.
	format := `{{if not (and .Module .Module.Version)}}{{$dir := .Dir}}` +
		`{{range .TestGoFiles}}{{$dir}}{{"\t"}}{{.}}{{"\n"}}{{end}}` +
		`{{range .XTestGoFiles}}{{$dir}}{{"\t"}}{{.}}{{"\n"}}{{end}}{{end}}`
	out, err := d.goCommand("list", []string{"-e", "-f", format}, d.cfg.patterns).Output()
	if err != nil {
		return "" // go vet reports what is wrong
	}
	replace := make(map[string]string)
	for _, line := range strings.Split(string(out), "\n") {
		if dir, file, ok := strings.Cut(line, "\t"); ok {
			replace[filepath.Join(dir, file)] = "" // deleted
		}
	}
	if len(replace) == 0 {
		return ""
	}
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		return ""
	}
	f, err := os.CreateTemp("", "lambdalint-notest-*.json")
	if err != nil {
		return ""
	}
	_, err = f.Write(data)
	if err := cmp.Or(err, f.Close()); err != nil {
		os.Remove(f.Name())
		return ""
	}
	d.overlay = f.Name()
	return d.overlay
}

// removeOverlay removes the -overlay file, if one was written.
func (d *driver) removeOverlay() {
	if d.overlay != "" {
		os.Remove(d.overlay)
	}
}

// goCommand returns the command "go <verb> [-tags=...] <flags> <packages>",
// run in the working directory.
func (d *driver) goCommand(verb string, flags, packages []string) *exec.Cmd {
	args := []string{verb}
	if d.cfg.tags != "" {
		args = append(args, "-tags="+d.cfg.tags)
	}
	args = append(args, flags...)
	cmd := exec.Command("go", append(args, packages...)...)
	cmd.Dir = d.dir
	return cmd
}

// loadable returns the packages matched by the patterns that the go command
// can list with all their dependencies.
func (d *driver) loadable() []string {
	format := "{{if not .Error}}{{if not .DepsErrors}}{{.ImportPath}}{{end}}{{end}}"
	out, err := d.goCommand("list", []string{"-e", "-f", format}, d.cfg.patterns).Output()
	if err != nil {
		return nil
	}
	return strings.Fields(string(out))
}

// A finding is one diagnostic of a rule on a package.
type finding struct {
	pkgID string
	rule  string
	posn  position // start, with the file name relative to the working directory
	end   position // ditto
	diag  jsonDiagnostic
}

// A position is a place in a file as go vet prints it: file:line:col.
type position struct {
	file      string
	line, col int
}

func (p position) String() string {
	switch {
	case p.line == 0:
		return p.file
	case p.col == 0:
		return fmt.Sprintf("%s:%d", p.file, p.line)
	}
	return fmt.Sprintf("%s:%d:%d", p.file, p.line, p.col)
}

// parsePosition parses "file:line:col", "file:line" or "file".
func parsePosition(s string) position {
	var nums []int
	for range 2 {
		i := strings.LastIndexByte(s, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(s[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		s = s[:i]
	}
	p := position{file: s}
	if len(nums) > 0 {
		p.line = nums[0]
	}
	if len(nums) > 1 {
		p.col = nums[1]
	}
	return p
}

// decode reads the stream of JSON trees that go vet -json prints, one per
// package, {"package ID": {"rule": [diagnostic, ...] or {"error": ...}}},
// and returns the findings, sorted by position, rule and message, and the
// failures of the rules.
func (d *driver) decode(r io.Reader) ([]*finding, []string) {
	var fs []*finding
	var errs []string
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			errs = append(errs, fmt.Sprintf("reading go vet's output: %v", err))
			break
		}
		for pkgID, rules := range tree {
			for rule, raw := range rules {
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					var failure struct{ Error string }
					if json.Unmarshal(raw, &failure) == nil && failure.Error != "" {
						if msg := ruleError(pkgID, rule, failure.Error); msg != "" {
							errs = append(errs, msg)
						}
					}
					continue
				}
				for _, diag := range diags {
					f := &finding{pkgID: pkgID, rule: rule, posn: parsePosition(diag.Posn), end: parsePosition(diag.End), diag: diag}
					f.posn.file = d.rel(f.posn.file)
					f.end.file = d.rel(f.end.file)
					fs = append(fs, f)
				}
			}
		}
	}
	slices.SortStableFunc(fs, compareFindings)
	slices.Sort(errs)
	return fs, slices.Compact(errs)
}

// ruleError describes the failure of a rule on a package. The vet tool's
// guard already names both; a rule that failed only because one it requires
// did is left to the report of that one.
func ruleError(pkgID, rule, msg string) string {
	if strings.HasPrefix(msg, "failed prerequisites") {
		return ""
	}
	if strings.Contains(msg, ": analyzer ") {
		return msg
	}
	return fmt.Sprintf("%s: analyzer %s: %s", pkgID, rule, msg)
}

func compareFindings(a, b *finding) int {
	return cmp.Or(
		cmp.Compare(a.posn.file, b.posn.file),
		cmp.Compare(a.posn.line, b.posn.line),
		cmp.Compare(a.posn.col, b.posn.col),
		cmp.Compare(a.rule, b.rule),
		cmp.Compare(a.diag.Message, b.diag.Message),
		cmp.Compare(a.pkgID, b.pkgID),
	)
}

// A vetError is an error that go vet printed: of a package, or of the go
// command itself (pkg empty).
type vetError struct {
	pkg, msg string
}

func (e vetError) String() string {
	if e.pkg == "" {
		return e.msg
	}
	return "package " + e.pkg + ": " + e.msg
}

// vetErrors turns what go vet printed on stderr into errors. The go
// command prints the errors of a package under a "# import/path" line; a
// line indented by a tab continues the one before; other lines are errors
// of the go command itself. File names are made relative to the working
// directory, and at most maxPackageErrors errors are kept per package.
func (d *driver) vetErrors(stderr string) []vetError {
	var errs []vetError
	pkg := ""
	count := make(map[string]int)
	sc := bufio.NewScanner(strings.NewReader(stderr))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "# "):
			// "# example.com/p", or "# [example.com/p]" for the output of
			// the vet tool itself.
			pkg = strings.TrimPrefix(line, "# ")
			if p, ok := strings.CutPrefix(pkg, "["); ok {
				pkg = strings.TrimSuffix(p, "]")
			}
			continue
		case pkg == "" && (strings.HasPrefix(line, "go: downloading ") || strings.HasPrefix(line, "go: extracting ")):
			// Progress of the go command, not an error: pass it on.
			fmt.Fprintln(d.stderr, line)
			continue
		case strings.HasPrefix(line, progname+": "):
			// The vet tool's own error, which names the package.
			errs = append(errs, vetError{msg: strings.TrimPrefix(line, progname+": ")})
			continue
		case strings.HasPrefix(line, "\t") && len(errs) > 0 && count[pkg] <= maxPackageErrors:
			errs[len(errs)-1].msg += "\n" + line
			continue
		}
		msg := d.relPosn(line)
		if pkg == "" {
			errs = append(errs, vetError{msg: msg})
			continue
		}
		if count[pkg]++; count[pkg] > maxPackageErrors {
			if count[pkg] == maxPackageErrors+1 {
				errs = append(errs, vetError{pkg, "... and more errors"})
			}
			continue
		}
		errs = append(errs, vetError{pkg, msg})
	}
	// go vet prints packages in the order they finish: sort them, keeping
	// each package's errors in order.
	slices.SortStableFunc(errs, func(a, b vetError) int { return cmp.Compare(a.pkg, b.pkg) })
	return errs
}

// brokenImports names, for each package matched by the patterns that go vet
// could not analyze because a package it imports failed, the first such
// package and its first error: go vet reports only the failed package.
func (d *driver) brokenImports(errs []vetError) []vetError {
	first := make(map[string]string)
	for _, e := range errs {
		if _, ok := first[e.pkg]; e.pkg != "" && !ok {
			first[e.pkg] = e.msg
		}
	}
	if len(first) == 0 {
		return nil
	}
	format := "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}"
	out, err := d.goCommand("list", []string{"-e", "-f", format}, d.cfg.patterns).Output()
	if err != nil {
		return nil // the errors of go vet said it already
	}
	var more []vetError
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if _, ok := first[fields[0]]; ok {
			continue // broken itself
		}
		for _, dep := range fields[1:] {
			if msg, ok := first[dep]; ok {
				more = append(more, vetError{fields[0], "dependency " + dep + " failed to load: " + msg})
				break
			}
		}
	}
	return more
}

// relPosn rewrites the file name of a line "file:line:col: message" with
// rel, and drops a leading "./".
func (d *driver) relPosn(line string) string {
	before, after, ok := strings.Cut(line, ": ")
	if !ok {
		return line
	}
	p := parsePosition(before)
	if p.line == 0 || !strings.HasSuffix(p.file, ".go") {
		return line
	}
	p.file = strings.TrimPrefix(d.rel(p.file), "./")
	return p.String() + ": " + after
}

// rel returns filename relative to the working directory if it is inside it.
func (d *driver) rel(filename string) string {
	if filename == "" || !filepath.IsAbs(filename) {
		return filename
	}
	if r, err := filepath.Rel(d.dir, filename); err == nil && filepath.IsLocal(r) {
		return r
	}
	return filename
}

// abs returns filename made absolute against the working directory.
func (d *driver) abs(filename string) string {
	if filepath.IsAbs(filename) {
		return filename
	}
	return filepath.Join(d.dir, filename)
}

// writeFile replaces the content of an existing file, keeping its mode.
func writeFile(name string, content []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, content, info.Mode().Perm())
}
