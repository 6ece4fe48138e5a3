package processexit

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports handler code that ends the process.
var Analyzer = &analysis.Analyzer{
	Name:      "processexit",
	Doc:       discovery.MustExtractDoc(doc, "processexit"),
	URL:       discovery.DocsURL + "#processexit",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

// summary records the process exits that a function reaches, directly or
// through its callees.
type summary struct{ discovery.Summary }

func (*summary) AFact() {}

const (
	msgExit = "%s ends the Lambda process without a response: the invocation fails with Runtime.ExitError " +
		"and the next one is a cold start, so return an error from the handler instead"
	msgPanic = "%s in a goroutine crashes the Lambda process, since the runtime recovers panics only on the " +
		"handler's goroutine (Runtime.ExitError, then a cold start), so defer a recover() in the goroutine and " +
		"return the error to the handler"
	msgGoPanic = "%s panics in a goroutine, which crashes the Lambda process since the runtime recovers panics " +
		"only on the handler's goroutine (Runtime.ExitError, then a cold start), so defer a recover() in %[1]s " +
		"and return the error to the handler"
)

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, res: res}
	res.Run(pass, discovery.Rule{
		Local:   c.local,
		NewFact: func() discovery.SummaryFact { return new(summary) },
		Leaf: func(fn *types.Func) bool {
			_, ok := lambdaapi.LookupProcessExit(fn)
			return ok
		},
	})
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	res  *discovery.Result
}

// local returns the exits in u's own code, and the panics in goroutines
// that u starts.
func (c *checker) local(u *discovery.Unit) []discovery.Finding {
	var fs []discovery.Finding
	c.res.Inspect(u, func(n ast.Node, _ []ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
				fs = append(fs, c.goroutine(lit.Body, nil, n)...)
			} else {
				fs = append(fs, c.goroutine(nil, typeutil.StaticCallee(c.info, n.Call), n)...)
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(c.info, n).(*types.Func)
			if fn == nil {
				break
			}
			if short, ok := lambdaapi.LookupProcessExit(fn); ok {
				fs = append(fs, discovery.Finding{
					Pos: n.Pos(), End: n.End(), Leaf: short, Message: fmt.Sprintf(msgExit, short),
				})
			} else if name := stypeutil.FuncName(fn.Origin()); !lambdaapi.PanicToWait[name] {
				i, ok := lambdaapi.Launch(name, len(n.Args))
				if !ok {
					break
				}
				arg := ast.Unparen(n.Args[i])
				if lit, ok := arg.(*ast.FuncLit); ok {
					fs = append(fs, c.goroutine(lit.Body, nil, n)...)
				} else {
					fs = append(fs, c.goroutine(nil, c.funcValue(arg), n)...)
				}
			}
		}
		return true
	})
	return fs
}

// funcValue returns the function or concrete method that e denotes as a
// value (worker, pkg.Worker, s.run), or nil.
func (c *checker) funcValue(e ast.Expr) *types.Func {
	switch e := e.(type) {
	case *ast.Ident:
		fn, _ := c.info.Uses[e].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[e]; ok {
			if sel.Kind() == types.MethodVal && !types.IsInterface(sel.Recv()) {
				fn, _ := sel.Obj().(*types.Func)
				return fn
			}
			return nil
		}
		fn, _ := c.info.Uses[e.Sel].(*types.Func)
		return fn
	}
	return nil
}

// goroutine returns the panics of a goroutine that runs body, a function
// literal's, or the function fn when it is declared in this package, and
// that does not defer a recover. start is the go statement or the call
// that starts it. A panic in a literal is reported where it is; a function
// that panics is reported at start, naming it.
func (c *checker) goroutine(body *ast.BlockStmt, fn *types.Func, start ast.Node) []discovery.Finding {
	if body == nil {
		u := c.res.FuncUnit(fn)
		if u == nil {
			return nil // another package's code, or a function value
		}
		body = u.Body
	}
	panics := c.panics(body)
	if len(panics) == 0 || c.recovers(body) {
		return nil
	}
	var fs []discovery.Finding
	if fn == nil {
		for _, p := range panics {
			fs = append(fs, discovery.Finding{
				Pos: p.call.Pos(), End: p.call.End(), Leaf: p.short, Message: fmt.Sprintf(msgPanic, p.short),
			})
		}
		return fs
	}
	name := discovery.FuncName(fn, c.pass.Pkg)
	end := start.End()
	if s, ok := start.(*ast.GoStmt); ok {
		end = s.Call.End()
	}
	return []discovery.Finding{{
		Pos: start.Pos(), End: end, Leaf: panics[0].short, Message: fmt.Sprintf(msgGoPanic, name),
	}}
}

type panicCall struct {
	call  *ast.CallExpr
	short string // "panic", "log.Panicf"
}

// panics returns the calls of panic and of the panicking log functions in
// body, outside nested function literals.
func (c *checker) panics(body *ast.BlockStmt) []panicCall {
	var out []panicCall
	inspectOwn(body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		if discovery.IsBuiltinCall(c.info, call, "panic") {
			out = append(out, panicCall{call, "panic"})
		} else if fn, ok := typeutil.Callee(c.info, call).(*types.Func); ok {
			if short, ok := lambdaapi.LookupPanic(fn); ok {
				out = append(out, panicCall{call, short})
			}
		}
	})
	return out
}

// recovers reports whether body defers a call that recovers, or may.
func (c *checker) recovers(body *ast.BlockStmt) bool {
	found := false
	inspectOwn(body, func(n ast.Node) {
		if d, ok := n.(*ast.DeferStmt); ok && !found {
			found = c.deferRecovers(d.Call)
		}
	})
	return found
}

// deferRecovers reports whether the deferred call may stop a panic: it is
// a function literal or a function of this package whose body calls
// recover, or code that cannot be seen (a function of another package
// outside the standard library, a function value). recover itself, when
// deferred, stops nothing: it is not called by a deferred function.
func (c *checker) deferRecovers(call *ast.CallExpr) bool {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return c.callsRecover(lit.Body)
	}
	switch obj := typeutil.Callee(c.info, call).(type) {
	case *types.Builtin:
		return false
	case *types.Func:
		if u := c.res.FuncUnit(obj); u != nil {
			return c.callsRecover(u.Body)
		}
		return obj.Pkg() == nil || !discovery.IsStdPath(obj.Pkg().Path())
	case *types.Var:
		// A cancel function and its like: a named function type of the
		// standard library.
		if n, ok := types.Unalias(obj.Type()).(*types.Named); ok && n.Obj().Pkg() != nil {
			return !discovery.IsStdPath(n.Obj().Pkg().Path())
		}
	}
	return true
}

// callsRecover reports whether body calls recover itself, outside nested
// function literals.
func (c *checker) callsRecover(body *ast.BlockStmt) bool {
	found := false
	inspectOwn(body, func(n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok && discovery.IsBuiltinCall(c.info, call, "recover") {
			found = true
		}
	})
	return found
}

// inspectOwn calls f for every node of body that runs in body's own
// function: it does not descend into function literals.
func inspectOwn(body *ast.BlockStmt, f func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			f(n)
		}
		return true
	})
}
