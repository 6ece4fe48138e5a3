package analyzers_test

import (
	"flag"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// This file checks what build systems that run analyzers on their own,
// such as Bazel's nogo (rules_go), rely on: every rule is the exported
// Analyzer of its own package, valid on its own, useful with every flag at
// its default, and reads nothing but its pass — no files, no environment —
// so that its results depend on the package alone and it can run on a
// build farm.

const module = "github.com/lambdalint/lambdalint"

// TestNogoShape checks that each rule is the exported Analyzer of the
// package analyzers/<name>, valid alone, with flags that default to off.
func TestNogoShape(t *testing.T) {
	pkgs := loadAnalyzers(t)
	byPath := make(map[string]*packages.Package)
	for _, p := range pkgs {
		byPath[p.PkgPath] = p
	}
	for _, a := range analyzers.All() {
		if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
			t.Errorf("%s: %v", a.Name, err)
		}
		p := byPath[module+"/analyzers/"+a.Name]
		if p == nil {
			t.Errorf("%s: no package %s/analyzers/%s", a.Name, module, a.Name)
			continue
		}
		v, ok := p.Types.Scope().Lookup("Analyzer").(*types.Var)
		if !ok || v.Type().String() != "*golang.org/x/tools/go/analysis.Analyzer" {
			t.Errorf("%s: package %s declares no var Analyzer *analysis.Analyzer", a.Name, p.PkgPath)
		}
		for _, req := range append([]*analysis.Analyzer{a}, a.Requires...) {
			req.Flags.VisitAll(func(f *flag.Flag) {
				if f.DefValue != "" && f.DefValue != "false" {
					t.Errorf("%s: flag -%s.%s defaults to %q: a rule must be useful, and mean the same, with no flag set", a.Name, req.Name, f.Name, f.DefValue)
				}
			})
		}
	}
}

// TestNogoUseful runs each rule alone, every flag at its default, on its
// own test packages, and checks that it reports something.
func TestNogoUseful(t *testing.T) {
	dir, err := filepath.Abs("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range analyzers.All() {
		entries, err := os.ReadDir(filepath.Join(dir, "src", a.Name))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			for _, r := range analysistest.Run(lenient{}, dir, a, a.Name+"/"+e.Name()) {
				if r.Action.Analyzer == a {
					n += len(r.Diagnostics)
				}
			}
			if n > 0 {
				break
			}
		}
		if n == 0 {
			t.Errorf("%s reports nothing on testdata/src/%s/... with its flags at their defaults", a.Name, a.Name)
		}
	}
}

// lenient is an analysistest.Testing that ignores mismatches with the
// test packages' // want comments: some want a flag set.
type lenient struct{}

func (lenient) Errorf(string, ...any) {}

// forbidden are the functions and variables through which an analyzer
// would read files or the environment, by package; nil means every one.
var forbidden = map[string][]string{
	"os": {"Getenv", "LookupEnv", "Environ", "ExpandEnv", "Open", "OpenFile", "OpenInRoot", "OpenRoot", "ReadFile",
		"ReadDir", "Stat", "Lstat", "Readlink", "Getwd", "Executable", "Hostname", "DirFS", "TempDir", "UserHomeDir",
		"UserCacheDir", "UserConfigDir", "Create", "CreateTemp", "WriteFile", "Args", "Stdin"},
	"io/ioutil":                      nil,
	"os/exec":                        nil,
	"syscall":                        nil,
	"go/build":                       nil,
	"path/filepath":                  {"Abs", "EvalSymlinks", "Glob", "Walk", "WalkDir"},
	"io/fs":                          {"ReadFile", "ReadDir", "Glob", "WalkDir", "Stat"},
	"runtime":                        {"GOROOT"},
	"github.com/BurntSushi/toml":     nil,
	module + "/internal/config":      nil,
	"golang.org/x/tools/go/packages": nil,
}

// TestNogoPure checks that no package of the rules, discovery or the API
// table uses a function or variable that reads files or the environment:
// configuration reaches the rules as flags, set by the drivers.
func TestNogoPure(t *testing.T) {
	for _, p := range loadAnalyzers(t) {
		for id, obj := range p.TypesInfo.Uses {
			if obj.Pkg() == nil {
				continue
			}
			switch obj.(type) {
			case *types.Func, *types.Var:
			default:
				continue // types and constants read nothing
			}
			if v, ok := obj.(*types.Var); ok && v.IsField() {
				continue
			}
			names, ok := forbidden[obj.Pkg().Path()]
			if !ok || names != nil && !slices.Contains(names, obj.Name()) {
				continue
			}
			if fn, ok := obj.(*types.Func); ok && fn.Signature().Recv() != nil {
				continue // methods act on values the analyzer was given
			}
			t.Errorf("%s: %s.%s reads outside the pass; an analyzer must read nothing but its pass (take a flag instead)",
				p.Fset.Position(id.Pos()), obj.Pkg().Name(), obj.Name())
		}
	}
}

// loadAnalyzers loads the non-test packages under analyzers/.
func loadAnalyzers(t *testing.T) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedSyntax | packages.NeedImports}
	pkgs, err := packages.Load(cfg, module+"/analyzers/...")
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, fmt.Sprint(e))
		}
	})
	if len(errs) > 0 {
		t.Fatalf("loading the analyzers: %s", strings.Join(errs, "\n"))
	}
	if len(pkgs) < len(analyzers.All())+2 {
		t.Fatalf("loaded %d packages under analyzers/, want every rule's, discovery's and lambdaapi's", len(pkgs))
	}
	_ = discovery.Analyzer
	return pkgs
}
