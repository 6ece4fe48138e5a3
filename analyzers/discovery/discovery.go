package discovery

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// DocsURL is the base of every rule's documentation.
const DocsURL = "https://github.com/lambdalint/lambdalint/blob/main/docs/rules.md"

// Analyzer finds handler entry points and the code reachable from them.
var Analyzer = &analysis.Analyzer{
	Name:       "lambdahandlers",
	Doc:        docText(),
	URL:        DocsURL + "#handler-discovery",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{(*StarterFact)(nil)},
}

//go:embed doc.go
var doc string

func docText() string { return MustExtractDoc(doc, "lambdahandlers") }

// Directive marks a function as a handler entry point.
const Directive = "//lambdalint:handler"

// entries holds the -lambdahandlers.entries flag: more handler entry points,
// by full function name, for code that cannot carry the directive.
var entries lambdaapi.FuncList

func init() {
	Analyzer.Flags.Var(&entries, "entries",
		"comma-separated full names of more handler entry points, e.g. example.com/app.Serve,(*example.com/app.Server).Handle")
}

// StarterFact marks a function whose parameters reach a start call: calling
// it starts a Lambda handler, like lambda.Start itself.
type StarterFact struct {
	Params []StarterParam
}

// StarterParam is one parameter of a starter.
type StarterParam struct {
	Index int
	Kind  lambdaapi.ArgKind
	Via   string // the start call it reaches, e.g. "lambda.Start"
}

func (*StarterFact) AFact() {}

func (f *StarterFact) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, fmt.Sprintf("param %d → %s", p.Index, p.Via))
	}
	return "starter(" + strings.Join(parts, ", ") + ")"
}

// A Unit is a function body in the package: a declared function or method,
// or a function literal that is a handler entry point of its own.
type Unit struct {
	Node ast.Node    // *ast.FuncDecl or *ast.FuncLit
	Func *types.Func // nil for literals
	Name string      // display name: "handler", "Server.Handle", "handler literal"
	Type *ast.FuncType
	Body *ast.BlockStmt
}

// Entry is a handler entry point.
type Entry struct {
	Unit *Unit       // the handler's code, when declared in this package
	Func *types.Func // the handler function, when declared in another package
	Name string      // display name
	Pos  token.Pos   // where the handler is handed to the runtime or adapter
	Kind lambdaapi.ArgKind
	// Start is the start call that makes it a handler, e.g. "lambda.Start",
	// "httpadapter.New", or "//lambdalint:handler".
	Start string
}

// StartCall is a call in this package that hands a handler to the runtime.
type StartCall struct {
	Call  *ast.CallExpr
	Start lambdaapi.Start
}

// Result is the result of the lambdahandlers analyzer.
type Result struct {
	pass *analysis.Pass
	// Entries are the handler entry points, in source order.
	Entries []*Entry
	// StartCalls are the calls that hand a handler to the runtime, in
	// source order.
	StartCalls []StartCall
	// Units are every function body of the package, in source order.
	Units []*Unit

	unitOf   map[ast.Node]*Unit
	funcUnit map[*types.Func]*Unit
	entryLit map[*ast.FuncLit]bool
	// reach maps each unit reachable from a handler to the chain of units
	// from the entry to it.
	reach map[*Unit][]*Unit
	// foreign is set for packages of the standard library, of versioned
	// dependencies and of the libraries lambdaapi judges by their API: their code is not the user's to fix, so rules neither
	// report nor summarise it (calls into them are judged by the lambdaapi
	// table at the call site instead).
	foreign bool

	inspector *inspector.Inspector // see Inspector
	ign       ignores              // see Ignores
}

// Skip reports whether a rule has nothing to do in this package: it is the
// standard library or a downloaded dependency, or it has no handler, no
// start call (whose handler may be one discovery cannot resolve, or an
// invalid one) and no function that another package could call. It is every
// rule's fast path.
func (r *Result) Skip() bool {
	return r.foreign || !r.HasHandlers() && len(r.StartCalls) == 0 && !r.HasExported()
}

// Foreign reports whether the package is not the user's code: the standard
// library, a downloaded dependency, or a library lambdaapi judges by its
// API. Nothing is reported in it.
func (r *Result) Foreign() bool { return r.foreign }

// UnitOf returns the unit of a *ast.FuncDecl or handler *ast.FuncLit.
func (r *Result) UnitOf(n ast.Node) *Unit { return r.unitOf[n] }

// FuncUnit returns the unit declaring fn in this package, or nil.
func (r *Result) FuncUnit(fn *types.Func) *Unit {
	if fn == nil {
		return nil
	}
	return r.funcUnit[fn.Origin()]
}

// Reachable reports whether u runs on behalf of a handler, and returns the
// chain of units from the handler entry to u.
func (r *Result) Reachable(u *Unit) ([]*Unit, bool) {
	c, ok := r.reach[u]
	return c, ok
}

// ReachableUnits returns the units reachable from a handler, in source order.
func (r *Result) ReachableUnits() []*Unit {
	var out []*Unit
	for _, u := range r.Units {
		if _, ok := r.reach[u]; ok {
			out = append(out, u)
		}
	}
	return out
}

// HasHandlers reports whether the package has any handler entry point.
func (r *Result) HasHandlers() bool { return len(r.Entries) > 0 }

// EntryOf returns the entry whose code is u, or nil.
func (r *Result) EntryOf(u *Unit) *Entry {
	for _, e := range r.Entries {
		if e.Unit == u {
			return e
		}
	}
	return nil
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		pass:     pass,
		unitOf:   make(map[ast.Node]*Unit),
		funcUnit: make(map[*types.Func]*Unit),
		entryLit: make(map[*ast.FuncLit]bool),
		reach:    make(map[*Unit][]*Unit),
	}
	if isStdPackage(pass) {
		// No handler starts in the standard library: skip the walk.
		r.foreign = true
		return r, nil
	}
	r.foreign = isDependency(pass) || lambdaapi.JudgedByAPI(pass.Pkg.Path()) && !isExample(pass)
	if r.foreign && !mayStart(pass) {
		// A dependency that neither imports a Lambda library nor a
		// package with a starter starts no handler: the rules judge it by
		// the lambdaapi table at the call sites, so there is nothing to
		// find here. Most of the AWS SDKs' packages end here, before
		// anything walks their syntax.
		return r, nil
	}
	in := r.Inspector()
	in.Preorder([]ast.Node{(*ast.FuncDecl)(nil)}, func(n ast.Node) {
		decl := n.(*ast.FuncDecl)
		if decl.Body == nil {
			return
		}
		fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		u := &Unit{Node: decl, Func: fn, Name: declName(decl), Type: decl.Type, Body: decl.Body}
		r.Units = append(r.Units, u)
		r.unitOf[decl] = u
		if fn != nil {
			r.funcUnit[fn] = u
		}
	})

	d := newDiscoverer(pass, in, r)
	d.discover()
	r.computeReach()
	slices.SortFunc(r.Units, func(a, b *Unit) int { return int(a.Node.Pos() - b.Node.Pos()) })
	return r, nil
}

// mayStart reports whether the package imports a library that starts
// Lambda handlers, or depends on a package with a starter.
func mayStart(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if lambdaapi.IsLambdaRelated(imp.Path()) {
			return true
		}
	}
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(*StarterFact); ok {
			return true
		}
	}
	return false
}

// Inspector returns an inspector of the package's syntax, built on first
// use: the standard library and most dependencies never need one.
func (r *Result) Inspector() *inspector.Inspector {
	if r.inspector == nil {
		r.inspector = inspector.New(r.pass.Files)
	}
	return r.inspector
}

// isStdPackage reports whether the package being analysed is in the
// standard library: its import path is one of the standard library's and
// its files lie in .../src/<path>. (A GOPATH-style package, as in tests, or
// a main module named without a dot may have a standard library's path,
// not its place.)
func isStdPackage(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil && InGoroot(filepath.Dir(tf.Name()), pass.Pkg.Path()) {
			return true
		}
	}
	return false
}

// InGoroot reports whether dir is the directory of the standard library
// package path: path is one of the standard library's, and dir is
// <root>/src/<path> for some root.
func InGoroot(dir, path string) bool {
	return stdPackages[path] && strings.HasSuffix(dir, string(filepath.Separator)+filepath.Join("src", filepath.FromSlash(path)))
}

// IsStdPath reports whether path, the import path of a package that the
// package being analysed uses, is a package of the standard library.
//
// The answer comes from a list made by go list std (stdlib.go, go generate
// updates it), not from GOROOT: the rules read nothing but their pass, so
// that build systems such as Bazel's nogo can run them. A package that a
// newer Go adds is taken for user code until the list is regenerated, which
// errs on the side of silence.
func IsStdPath(path string) bool { return stdPackages[path] }

//go:generate go run mkstdlib.go

// isDependency reports whether the package belongs to a module downloaded
// as a versioned dependency, rather than the main module, a workspace
// module or a local replacement.
func isDependency(pass *analysis.Pass) bool {
	if m := pass.Module; m != nil && m.Path != "" {
		if m.Main {
			return false
		}
		if m.Replace != nil {
			return m.Replace.Version != ""
		}
		return m.Version != ""
	}
	// Without module information (GOPATH mode, some drivers), tell by
	// where the files are: the module cache (".../module@v1.2.3/...") or
	// a vendor directory.
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		for _, elem := range strings.Split(filepath.ToSlash(tf.Name()), "/") {
			if elem == "vendor" {
				return true
			}
			if _, v, ok := strings.Cut(elem, "@v"); ok && v != "" && v[0] >= '0' && v[0] <= '9' {
				return true
			}
		}
		return false
	}
	return false
}

func declName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		return decl.Name.Name
	}
	t := decl.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		}
		break
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + decl.Name.Name
	}
	return decl.Name.Name
}

// FuncName is the display name of a function in diagnostics:
// "pkg.Func", "pkg.Type.Method", or without the package qualifier when fn is
// declared in the package being analysed.
func FuncName(fn *types.Func, from *types.Package) string {
	fn = fn.Origin()
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil && fn.Pkg() != from {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// computeReach walks from every local entry along references to functions
// declared in this package.
func (r *Result) computeReach() {
	r.reach = r.reachVia(func(u *Unit, visit func(*Unit)) {
		r.Inspect(u, func(n ast.Node, _ []ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if fn, ok := r.pass.TypesInfo.Uses[id].(*types.Func); ok {
					if callee := r.FuncUnit(fn); callee != nil {
						visit(callee)
					}
				}
			}
			return true
		})
	})
}

// reachVia computes, breadth first from the local entries, the chain of
// units from an entry to every unit reachable along the edges that
// callees reports; the first chain found is the shortest.
func (r *Result) reachVia(callees func(u *Unit, visit func(callee *Unit))) map[*Unit][]*Unit {
	reach := make(map[*Unit][]*Unit)
	var queue []*Unit
	for _, e := range r.Entries {
		if e.Unit == nil || reach[e.Unit] != nil {
			continue
		}
		reach[e.Unit] = []*Unit{e.Unit}
		queue = append(queue, e.Unit)
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		chain := reach[u]
		callees(u, func(callee *Unit) {
			if reach[callee] == nil {
				reach[callee] = append(slices.Clip(chain), callee)
				queue = append(queue, callee)
			}
		})
	}
	return reach
}

// Inspect calls f for each node of u's body in depth-first order, with the
// stack of nodes from the body down to n (n is the last element). It does
// not descend into function literals that run at most once per process
// (arguments of sync.Once.Do, sync.OnceFunc, sync.OnceValue(s)), nor into
// function literals that are handler entry points of their own. If f
// returns false, the children of n are skipped.
func (r *Result) Inspect(u *Unit, f func(n ast.Node, stack []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(u.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if lit, ok := n.(*ast.FuncLit); ok && r.entryLit[lit] && lit != u.Node {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && r.IsOnceCall(call) {
			// Visit the call and its receiver, but not the function run once.
			stack = append(stack, n)
			if f(n, stack) {
				ast.Inspect(call.Fun, func(m ast.Node) bool {
					if m == nil {
						stack = stack[:len(stack)-1]
						return true
					}
					stack = append(stack, m)
					if !f(m, stack) {
						stack = stack[:len(stack)-1]
						return false
					}
					return true
				})
			}
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		if !f(n, stack) {
			stack = stack[:len(stack)-1]
			return false
		}
		return true
	})
}

// IsOnceCall reports whether call runs its function argument at most once
// per process (sync.Once.Do and the sync.Once* helpers).
func (r *Result) IsOnceCall(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(r.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	return lambdaapi.OnceFuncs[fullName(fn)]
}

// isExample reports whether the package is an external test package
// (path "..._test") or a command (package main) of the module being
// developed. In a library judged by its API, such as aws-lambda-go or
// aws-lambda-go-api-proxy itself, those hold the examples: handlers written
// as users write them, and judged like theirs. The library's own packages,
// tests included, are the runtime, which does on purpose what handlers must
// not (set _X_AMZN_TRACE_ID, return from Start in tests).
func isExample(pass *analysis.Pass) bool {
	m := pass.Module
	main := m != nil && m.Path != "" && (m.Main || m.Version == "" && m.Replace == nil) // go vet sets no Main
	return main && (strings.HasSuffix(pass.Pkg.Path(), "_test") || pass.Pkg.Name() == "main")
}
