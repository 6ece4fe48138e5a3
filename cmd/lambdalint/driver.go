package main

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// maxPackageErrors is how many errors are printed per broken package.
const maxPackageErrors = 10

// A driver runs the command-line mode once.
type driver struct {
	cfg      *config
	dir      string // absolute directory in which packages are loaded (-C), and that printed file names are relative to
	stdout   io.Writer
	stderr   io.Writer
	failed   bool            // an error was reported: exit status 2
	reported map[string]bool // the errors reported

	generated map[string]bool // by absolute file name: the file is generated; set by findings
}

// errorf reports an error on stderr, once, and makes the exit status 2.
func (d *driver) errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !d.reported[msg] {
		fmt.Fprintf(d.stderr, "%s: %s\n", progname, msg)
		d.reported[msg] = true
	}
	d.failed = true
}

func (d *driver) run() int {
	d.reported = make(map[string]bool)
	findings, ok := d.analyze()
	if !ok {
		return exitError
	}
	switch {
	case d.cfg.diff:
		d.showFixes(findings)
	case d.cfg.fix:
		if d.fix(findings) {
			// Report what remains, where it now is.
			if findings, ok = d.analyze(); !ok {
				return exitError
			}
		}
	}

	if !d.cfg.diff {
		var err error
		if d.cfg.json {
			err = d.printJSON(d.stdout, findings)
		} else {
			err = printText(d.stdout, findings)
		}
		if err != nil {
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

// analyze loads the packages and runs the rules on them. It reports the
// packages that it cannot analyze, and the failures of the rules, and
// returns the findings. It returns false if loading or analysis failed as a
// whole.
func (d *driver) analyze() ([]*finding, bool) {
	pkgs, err := load(d.dir, d.cfg)
	if err != nil {
		d.errorf("%s", loadError(err))
		return nil, false
	}

	// checker.Analyze does not run rules on ill-typed packages (and their
	// importers could not use their facts): report them and analyze the rest.
	roots, errs := checkPackages(pkgs, d.rel)
	for _, msg := range errs {
		d.errorf("%s", msg)
	}
	if len(roots) == 0 {
		return nil, true
	}

	graph, err := checker.Analyze(guard(d.cfg.analyzers, false), roots, nil)
	if err != nil {
		d.errorf("%v", err) // invalid analyzer graph: a bug in a rule
		return nil, false
	}
	for _, msg := range actionErrors(graph) {
		d.errorf("%s", msg)
	}
	return d.findings(graph), true
}

// load loads the packages named by the patterns, with the syntax and types
// of all dependencies, which rules exchanging facts need.
func load(dir string, cfg *config) ([]*packages.Package, error) {
	conf := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   dir,
		Tests: cfg.tests,
	}
	if cfg.tags != "" {
		conf.BuildFlags = []string{"-tags=" + cfg.tags}
	}
	pkgs, err := packages.Load(conf, cfg.patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(cfg.patterns, " "))
	}
	return pkgs, err
}

// checkPackages returns the packages of pkgs (the roots, matched by the
// patterns) that can be analyzed: those with no errors in their import graph.
// It describes why the others cannot be, the way the go command does, so that
// the causes are not buried under their consequences:
//   - the errors of each broken root, at most maxPackageErrors of them, but
//     only its go list errors if it has any, and none if a dependency failed
//     with go list errors (its type errors follow from these);
//   - for a root that a broken dependency fails, that dependency and its
//     first error, once;
//   - the go list errors (missing modules, missing go.sum entries, ...) of
//     every package.
//
// Type errors of dependencies are left out: they follow from go list errors,
// or are summed up by the dependency line of the roots that import them.
func checkPackages(pkgs []*packages.Package, rel func(string) string) (ok []*packages.Package, errs []string) {
	broken := make(map[*packages.Package]bool)
	own := make(map[*packages.Package]*loadErrors) // the broken packages' errors
	var bad []*packages.Package                    // the packages with errors of their own
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		e := packageErrors(p, rel)
		hasErrors := e != nil
		if hasErrors {
			own[p] = e
			bad = append(bad, p)
		}
		for _, imp := range p.Imports {
			hasErrors = hasErrors || broken[imp]
		}
		broken[p] = hasErrors
		if hasErrors && own[p] == nil {
			own[p] = new(loadErrors)
		}
	})
	isRoot := make(map[*packages.Package]bool)
	for _, p := range pkgs {
		isRoot[p] = true
		if !broken[p] {
			ok = append(ok, p)
		}
	}

	// Test variants repeat the errors of their package: print each line once.
	seen := make(map[string]bool)
	add := func(prefix string, msgs []string) {
		n := 0
		for _, msg := range msgs {
			line := prefix + msg
			if seen[line] {
				continue
			}
			seen[line] = true
			if n++; n <= maxPackageErrors {
				errs = append(errs, line)
			}
		}
		if n > maxPackageErrors {
			errs = append(errs, fmt.Sprintf("%s... and %d more errors", prefix, n-maxPackageErrors))
		}
	}
	byID := func(a, b *packages.Package) int { return cmp.Compare(a.ID, b.ID) }

	roots := slices.SortedStableFunc(slices.Values(pkgs), byID)
	for _, p := range roots {
		if !broken[p] {
			continue
		}
		prefix := packagePrefix(p)
		e := own[p]
		dep, depList := brokenDependency(p, broken, own)
		switch {
		case len(e.list) > 0:
			add(prefix, e.list)
		case !depList:
			add(prefix, e.other)
		}
		if dep != nil && !isTestMain(p) {
			first := cmp.Or(slices.Concat(own[dep].list, own[dep].other)...)
			add(prefix, []string{"dependency " + pkgPath(dep) + " failed to load: " + first})
			if !isRoot[dep] {
				seen[packagePrefix(dep)+first] = true // quoted: not repeated below
			}
		}
	}

	slices.SortStableFunc(bad, byID)
	for _, p := range bad {
		if !isRoot[p] {
			add(packagePrefix(p), own[p].list)
		}
	}
	return ok, errs
}

// loadErrors are the errors of a package, formatted for printing.
type loadErrors struct {
	list  []string // errors of go list and of the package's module
	other []string // parse and type errors
}

// packageErrors returns the errors of p, or nil if it has none.
func packageErrors(p *packages.Package, rel func(string) string) *loadErrors {
	if len(p.Errors) == 0 && (p.Module == nil || p.Module.Error == nil) {
		return nil
	}
	e := new(loadErrors)
	if m := p.Module; m != nil && m.Error != nil {
		e.list = append(e.list, "module "+m.Path+": "+m.Error.Err)
	}
	for _, err := range p.Errors {
		msg := err.Msg
		if err.Pos != "" && err.Pos != "-" {
			msg = shortPosn(err.Pos, rel) + ": " + msg
		}
		if isListError(err) {
			e.list = append(e.list, msg)
		} else {
			e.other = append(e.other, msg)
		}
	}
	return e
}

// isListError reports whether err is an error of go list, about the package
// graph or the modules that provide it, rather than about the code.
func isListError(err packages.Error) bool {
	if err.Kind == packages.ListError {
		return true
	}
	for _, s := range []string{
		"missing go.sum entry",
		"no required module provides package",
		"updates to go.mod needed",
		"verifying module",
	} {
		if strings.Contains(err.Msg, s) {
			return true
		}
	}
	return false
}

// brokenDependency returns the broken dependency of p that is nearest to it
// and has go list errors of its own, and true; or if there is none, the
// nearest that has errors of its own, and false; or nil.
func brokenDependency(p *packages.Package, broken map[*packages.Package]bool, own map[*packages.Package]*loadErrors) (*packages.Package, bool) {
	var first *packages.Package
	visited := map[*packages.Package]bool{p: true}
	queue := []*packages.Package{p}
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		for _, path := range slices.Sorted(maps.Keys(q.Imports)) {
			imp := q.Imports[path]
			if !broken[imp] || visited[imp] {
				continue
			}
			visited[imp] = true
			e := own[imp]
			if len(e.list) > 0 {
				return imp, true
			}
			if first == nil && len(e.other) > 0 {
				first = imp
			}
			queue = append(queue, imp)
		}
	}
	return first, false
}

// isTestMain reports whether p is the main package that go list synthesizes
// to run the tests of a package; it imports the test variant of the package.
func isTestMain(p *packages.Package) bool {
	if !strings.HasSuffix(p.ID, ".test") {
		return false
	}
	for _, imp := range p.Imports {
		if strings.HasSuffix(imp.ID, " ["+p.ID+"]") {
			return true
		}
	}
	return false
}

func pkgPath(p *packages.Package) string { return cmp.Or(p.PkgPath, p.ID) }

func packagePrefix(p *packages.Package) string { return "package " + pkgPath(p) + ": " }

// loadError describes an error of packages.Load. The errors of the go
// command arrive wrapped as "err: exit status 1: stderr: go: ..." (see
// golang.org/x/tools/internal/gocommand): it keeps the go command's message.
func loadError(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "err: "); ok {
		if status, stderr, ok := strings.Cut(rest, ": stderr: "); ok {
			if stderr = strings.TrimSpace(stderr); stderr != "" {
				return stderr
			}
			return "go command failed: " + status
		}
	}
	return strings.TrimRightFunc(msg, unicode.IsSpace)
}

// actionErrors describes the failed actions of the graph: a rule (or one it
// requires) that returned an error or panicked on a package. Failures that
// only propagate the failure of a prerequisite are left out.
func actionErrors(graph *checker.Graph) []string {
	var errs []string
	for act := range graph.All() {
		if act.Err == nil || slices.ContainsFunc(act.Deps, func(dep *checker.Action) bool { return dep.Err != nil }) {
			continue
		}
		errs = append(errs, fmt.Sprintf("%s: analyzer %s: %v", act.Package.PkgPath, act.Analyzer.Name, act.Err))
	}
	slices.Sort(errs)
	return slices.Compact(errs)
}

// A finding is one diagnostic of a rule on a root package.
type finding struct {
	pkgID string
	rule  string
	fset  *token.FileSet
	posn  token.Position // start, with the file name relative to the working directory
	end   token.Position // ditto
	diag  analysis.Diagnostic
}

// findings returns the diagnostics of the root actions, sorted by position,
// rule and message; identical ones (reported on a package and its test
// variant) are kept, for -json and -fix, and dropped when printing text.
func (d *driver) findings(graph *checker.Graph) []*finding {
	d.generated = make(map[string]bool)
	var fs []*finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, f := range act.Package.Syntax {
			d.generated[fset.File(f.FileStart).Name()] = ast.IsGenerated(f)
		}
		for _, diag := range act.Diagnostics {
			posn := fset.Position(diag.Pos)
			end := fset.Position(cmp.Or(diag.End, diag.Pos))
			f := &finding{
				pkgID: act.Package.ID,
				rule:  act.Analyzer.Name,
				fset:  fset,
				posn:  posn,
				end:   end,
				diag:  diag,
			}
			f.posn.Filename = d.rel(posn.Filename)
			f.end.Filename = d.rel(end.Filename)
			fs = append(fs, f)
		}
	}
	slices.SortStableFunc(fs, compareFindings)
	return fs
}

func compareFindings(a, b *finding) int {
	return cmp.Or(
		cmp.Compare(a.posn.Filename, b.posn.Filename),
		cmp.Compare(a.posn.Line, b.posn.Line),
		cmp.Compare(a.posn.Column, b.posn.Column),
		cmp.Compare(a.rule, b.rule),
		cmp.Compare(a.diag.Message, b.diag.Message),
		cmp.Compare(a.pkgID, b.pkgID),
	)
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

// shortPosn rewrites the file name of a "file:line:col" position with rel.
func shortPosn(posn string, rel func(string) string) string {
	file, rest := posn, ""
	// Strip up to two trailing numeric fields (line and column).
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 || !isDigits(file[i+1:]) {
			break
		}
		file, rest = file[:i], file[i:]+rest
	}
	return rel(file) + rest
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// writeFile replaces the content of an existing file, keeping its mode.
func writeFile(name string, content []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, content, info.Mode().Perm())
}
