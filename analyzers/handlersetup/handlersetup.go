package handlersetup

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
	htypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports expensive setup done on every invocation of a handler.
var Analyzer = &analysis.Analyzer{
	Name:      "handlersetup",
	Doc:       discovery.MustExtractDoc(doc, "handlersetup"),
	URL:       discovery.DocsURL + "#handlersetup",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

func init() {
	Analyzer.Flags.Var(&extra, "extra",
		"comma-separated full names of more expensive constructors, e.g. example.com/db.Connect,(*example.com/db.Pool).Dial")
}

type summary struct{ discovery.Summary }

func (*summary) AFact() {}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		return nil, nil
	}
	c := &checker{pass: pass, res: res}
	res.Run(pass, discovery.Rule{
		Local:   c.local,
		NewFact: func() discovery.SummaryFact { return new(summary) },
		Prune:   c.prune,
		Leaf:    func(fn *types.Func) bool { return isLeaf(fn) },
	})
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	res  *discovery.Result
	// defs counts the declarations of each name in the package, for the
	// suggested fix; computed on first use.
	defs map[string]int
	// lookups caches what local variables hold, for cached; nil for a
	// variable that is not set by a cache lookup.
	lookups map[*types.Var]*cacheLookup
}

// local returns the expensive setup in u's own code.
func (c *checker) local(u *discovery.Unit) []discovery.Finding {
	var out []discovery.Finding
	c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
		if c.prune(u, n, stack) {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if f, ok := c.call(u, n, stack); ok {
				out = append(out, f)
			}
		case *ast.CompositeLit:
			if isTransport(c.pass.TypesInfo.TypeOf(n)) {
				out = append(out, transportFinding(n, "http.Transport"))
			}
		}
		return true
	})
	return out
}

// isLeaf reports whether obj is one of the expensive constructors.
func isLeaf(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	if _, ok := lambdaapi.LookupExpensive(fn); ok {
		return true
	}
	_, ok = lambdaapi.TransportConstructors[htypeutil.FuncName(fn.Origin())]
	return ok
}

// call returns the finding for call, if it builds something expensive.
func (c *checker) call(u *discovery.Unit, call *ast.CallExpr, stack []ast.Node) (discovery.Finding, bool) {
	info := c.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && len(call.Args) == 1 {
			if isTransport(info.TypeOf(call.Args[0])) {
				return transportFinding(call, "http.Transport"), true
			}
			return discovery.Finding{}, false
		}
	}
	fn := typeutil.StaticCallee(info, call)
	if fn == nil {
		return discovery.Finding{}, false
	}
	if short, ok := lambdaapi.TransportConstructors[htypeutil.FuncName(fn.Origin())]; ok {
		return transportFinding(call, short), true
	}
	e, ok := lambdaapi.LookupExpensive(fn)
	if !ok || !c.constArgs(call, e) {
		return discovery.Finding{}, false
	}
	leaf := discovery.FuncName(fn, nil)
	f := discovery.Finding{
		Pos:  call.Pos(),
		End:  call.End(),
		Leaf: leaf,
		Message: fmt.Sprintf("%s runs on every invocation instead of once per execution environment: "+
			"obtain %s once, in init or a package-level variable, and reuse it across warm invocations", leaf, e.What),
	}
	if fix, ok := c.hoistFix(u, call, fn, stack); ok {
		f.Fixes = []analysis.SuggestedFix{fix}
	}
	return f, true
}

// constArgs reports whether the arguments of call that e requires to be
// constant are.
func (c *checker) constArgs(call *ast.CallExpr, e lambdaapi.Expensive) bool {
	isConst := func(arg ast.Expr) bool {
		tv, ok := c.pass.TypesInfo.Types[arg]
		return ok && tv.Value != nil
	}
	if e.AllArgsConst {
		if call.Ellipsis.IsValid() {
			return false
		}
		for _, arg := range call.Args {
			if !isConst(arg) {
				return false
			}
		}
	}
	for _, i := range e.ConstArgs {
		if i >= len(call.Args) || !isConst(call.Args[i]) {
			return false
		}
	}
	return true
}

func isTransport(t types.Type) bool {
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Pkg().Path()+"."+n.Obj().Name() == lambdaapi.TransportType
}

func transportFinding(n ast.Node, leaf string) discovery.Finding {
	return discovery.Finding{
		Pos:  n.Pos(),
		End:  n.End(),
		Leaf: leaf,
		Message: "a new http.Transport on every invocation opens a connection pool of its own, so no connection is reused " +
			"across warm invocations: create the transport (and the http.Client using it) once in a package-level variable",
	}
}
