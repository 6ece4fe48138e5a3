package main

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
		d.errorf("%v", err)
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

// checkPackages returns the packages of pkgs that can be analyzed: those
// with no errors in their import graph. It describes the errors of every
// broken package in the graph, at most maxPackageErrors per package.
func checkPackages(pkgs []*packages.Package, rel func(string) string) (ok []*packages.Package, errs []string) {
	broken := make(map[*packages.Package]bool)
	var bad []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		hasErrors := len(p.Errors) > 0 || p.Module != nil && p.Module.Error != nil
		if hasErrors {
			bad = append(bad, p)
		}
		for _, imp := range p.Imports {
			hasErrors = hasErrors || broken[imp]
		}
		broken[p] = hasErrors
	})
	for _, p := range pkgs {
		if !broken[p] {
			ok = append(ok, p)
		}
	}

	// Test variants repeat the errors of their package: print each line once.
	slices.SortStableFunc(bad, func(a, b *packages.Package) int {
		return cmp.Compare(a.ID, b.ID)
	})
	seen := make(map[string]bool)
	for _, p := range bad {
		prefix := "package " + cmp.Or(p.PkgPath, p.ID) + ": "
		var lines []string
		if m := p.Module; m != nil && m.Error != nil {
			lines = append(lines, prefix+"module "+m.Path+": "+m.Error.Err)
		}
		for _, e := range p.Errors {
			msg := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				msg = shortPosn(e.Pos, rel) + ": " + msg
			}
			lines = append(lines, prefix+msg)
		}
		n := 0
		for _, line := range lines {
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
	return ok, errs
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
