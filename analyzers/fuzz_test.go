package analyzers_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// FuzzAnalyzers feeds mutated handler source through every rule of the
// registry (and so through the shared discovery) and fails on a panic, on
// an analyzer's error, on a fact that does not encode as go vet's driver
// encodes it, and on a diagnostic outside the file.
//
// The seeds are the handler files of the rules' analysistest testdata
// (testdata/src/<rule>/...), read at test time. The packages they import
// (stubs of aws-lambda-go, the SDKs and others, the rules' own testdata
// libraries, the standard library) are loaded once, from source as
// analysistest loads them; each input is then parsed as one file of a
// package, type-checked against them, and analysed with those packages as
// its dependencies, so facts flow from them. As in go vet, the analyzers only
// see well-typed code: an input that does not parse or type-check is
// skipped.
//
//	go test -run '^$' -fuzz FuzzAnalyzers -fuzztime 5m -parallel 2 ./analyzers/
func FuzzAnalyzers(f *testing.F) {
	gopath, err := filepath.Abs("../testdata")
	if err != nil {
		f.Fatal(err)
	}
	seeds, imports := handlerSeeds(f, filepath.Join(gopath, "src"))
	for _, src := range seeds {
		f.Add(src)
	}
	fset, deps := loadDeps(f, gopath, imports)
	sizes := types.SizesFor("gc", runtime.GOARCH)
	imp := importerFunc(func(path string) (*types.Package, error) {
		if p := deps[path]; p != nil && p.Types != nil {
			return p.Types, nil
		}
		return nil, fmt.Errorf("package %q not loaded", path)
	})
	// The input's file is named as if it lay in the GOPATH tree, beside the
	// seeds, so that discovery takes it for the user's code.
	filename := filepath.Join(gopath, "src", "fuzzinput", "input.go")

	f.Fuzz(func(t *testing.T, src string) {
		file, err := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
		if tf := fset.File(file.FileStart); tf != nil {
			// Keep the shared file set from growing with every input.
			defer fset.RemoveFile(tf)
		}
		if err != nil {
			return
		}
		info := &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Instances:    make(map[*ast.Ident]types.Instance),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			Scopes:       make(map[ast.Node]*types.Scope),
			FileVersions: make(map[*ast.File]string),
		}
		conf := types.Config{Importer: imp, Sizes: sizes}
		pkg, err := conf.Check("fuzzinput", fset, []*ast.File{file}, info)
		if err != nil {
			return
		}
		lpkg := &packages.Package{
			ID:              "fuzzinput",
			Name:            pkg.Name(),
			PkgPath:         pkg.Path(),
			GoFiles:         []string{filename},
			CompiledGoFiles: []string{filename},
			Fset:            fset,
			Syntax:          []*ast.File{file},
			Types:           pkg,
			TypesInfo:       info,
			TypesSizes:      sizes,
			Imports:         make(map[string]*packages.Package),
		}
		for _, p := range pkg.Imports() {
			if dep := deps[p.Path()]; dep != nil {
				lpkg.Imports[p.Path()] = dep
			}
		}

		// Sequential: a panic in an analyzer unwinds through this
		// goroutine, and the fuzzing engine reports it with the input.
		graph, err := checker.Analyze(analyzers.All(), []*packages.Package{lpkg}, &checker.Options{Sequential: true})
		if err != nil {
			t.Fatal(err)
		}
		for act := range graph.All() {
			if act.Err != nil {
				t.Errorf("%s: %v", act, act.Err)
			}
			if act.Package != lpkg {
				continue
			}
			for _, d := range act.Diagnostics {
				if tf := fset.File(d.Pos); tf == nil || tf.Name() != filename {
					t.Errorf("%s: diagnostic %q at %v, outside the file", act, d.Message, d.Pos)
				}
			}
			for _, fact := range act.AllObjectFacts() {
				if fact.Object.Pkg() == pkg {
					checkFact(t, act, fact.Fact)
				}
			}
			for _, fact := range act.AllPackageFacts() {
				if fact.Package == pkg {
					checkFact(t, act, fact.Fact)
				}
			}
		}
	})
}

// checkFact encodes fact as go vet's driver does between packages, and
// fails if that does not work or is not deterministic.
func checkFact(t *testing.T, act *checker.Action, fact analysis.Fact) {
	t.Helper()
	var b1, b2 bytes.Buffer
	if err := gob.NewEncoder(&b1).Encode(fact); err != nil {
		t.Errorf("%s: encoding %T fact %v: %v", act, fact, fact, err)
		return
	}
	if err := gob.NewEncoder(&b2).Encode(fact); err != nil || !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Errorf("%s: encoding of %T fact %v is not deterministic", act, fact, fact)
	}
	decoded := reflect.New(reflect.TypeOf(fact).Elem()).Interface()
	if err := gob.NewDecoder(&b1).Decode(decoded); err != nil {
		t.Errorf("%s: decoding %T fact %v: %v", act, fact, fact, err)
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// handlerSeeds returns the handler files of the rules' testdata under src
// (files that import a Lambda library or carry the handler directive), and
// the packages to load: every package that they import and the stubs of
// third-party packages.
func handlerSeeds(tb testing.TB, src string) (seeds, imports []string) {
	entries, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if strings.Contains(e.Name(), ".") {
			// Stubs of third-party packages: load them all, for inputs
			// that import one no seed imports.
			imports = append(imports, e.Name()+"/...")
			continue
		}
		err := filepath.WalkDir(filepath.Join(src, e.Name()), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			file, err := parser.ParseFile(token.NewFileSet(), path, data, parser.ImportsOnly)
			if err != nil {
				return nil // deliberately broken testdata, if any
			}
			handler := bytes.Contains(data, []byte(discovery.Directive))
			var paths []string
			for _, spec := range file.Imports {
				p, _ := strconv.Unquote(spec.Path.Value)
				handler = handler || lambdaapi.IsLambdaRelated(p)
				paths = append(paths, p)
			}
			if !handler {
				return nil
			}
			seeds = append(seeds, string(data))
			for _, p := range paths {
				if !seen[p] && p != "C" {
					seen[p] = true
					imports = append(imports, p)
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if len(seeds) == 0 {
		tb.Fatalf("no handler files under %s", src)
	}
	slices.Sort(imports)
	return seeds, imports
}

// loadDeps loads the packages in imports and their dependencies from the
// GOPATH tree gopath, with syntax, as analysistest does, and returns them
// by import path.
func loadDeps(tb testing.TB, gopath string, imports []string) (*token.FileSet, map[string]*packages.Package) {
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  filepath.Join(gopath, "src"),
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOWORK=off", "GOPROXY=off", "GOFLAGS="),
		Fset: token.NewFileSet(),
	}
	pkgs, err := packages.Load(cfg, imports...)
	if err != nil {
		tb.Fatal(err)
	}
	deps := make(map[string]*packages.Package)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.IllTyped {
			// A seed may import a package that only exists in module
			// mode testdata: inputs importing it are skipped.
			tb.Logf("not loaded: %s", p.PkgPath)
			return
		}
		deps[p.PkgPath] = p
	})
	return cfg.Fset, deps
}
