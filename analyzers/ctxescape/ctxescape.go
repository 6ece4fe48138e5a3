package ctxescape

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports handler code that keeps the invocation's context where
// it outlives the invocation.
var Analyzer = &analysis.Analyzer{
	Name:      "ctxescape",
	Doc:       discovery.MustExtractDoc(doc, "ctxescape"),
	URL:       discovery.DocsURL + "#ctxescape",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

// summary records where a function, directly or through its callees, keeps
// a context it is given beyond the invocation.
type summary struct{ discovery.Summary }

func (*summary) AFact() {}

const (
	storeMsg = "the invocation's ctx is stored in %s, which outlives the invocation: " + tail
	sendMsg  = "the invocation's ctx is sent on %s to code that outlives the invocation: " + tail
	tail     = "Lambda cancels it when the handler returns, so later uses fail with context.Canceled; " +
		"pass ctx down as a parameter instead, or keep context.WithoutCancel(ctx) for work that must outlive the call"
)

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		// No import-based shortcut: a package without handlers still
		// summarises its exported functions, and a context.Context can
		// come in through an alias (aws.Context) without importing
		// context.
		return nil, nil
	}
	c := &checker{
		pass:    pass,
		info:    pass.TypesInfo,
		res:     res,
		taints:  make(map[*discovery.Unit]*taint),
		derived: make(map[*discovery.Unit]int),
	}
	res.Run(pass, discovery.Rule{
		Local:   c.local,
		NewFact: func() discovery.SummaryFact { return new(summary) },
		Prune:   c.prune,
	})
	return nil, nil
}

type checker struct {
	pass    *analysis.Pass
	info    *types.Info
	res     *discovery.Result
	taints  map[*discovery.Unit]*taint
	derived map[*discovery.Unit]int // returnsDerived: 1 computing, 2 no, 3 yes
	// long holds the method units whose receiver lives for the process
	// (see computeLong); nil until computed.
	long map[*discovery.Unit]bool
}

// local returns the places where u keeps the invocation's context beyond
// the invocation.
func (c *checker) local(u *discovery.Unit) []discovery.Finding {
	t := c.taintOf(u)
	if len(t.vars) == 0 {
		return nil
	}
	var out []discovery.Finding
	add := func(n ast.Node, place ast.Expr, format, where string) {
		out = append(out, discovery.Finding{
			Pos:     n.Pos(),
			End:     n.End(),
			Leaf:    display(place),
			Message: fmt.Sprintf(format, where),
		})
	}
	c.walk(u, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN {
				return true
			}
			for i, lhs := range n.Lhs {
				if !t.assigns(n, i) {
					continue
				}
				where, ok := c.keeper(u, lhs, true, false)
				if ok && !c.dropped(t, u, stack, n, lhs, false) {
					add(n, lhs, storeMsg, where)
				}
			}
		case *ast.SendStmt:
			if !t.holds(n.Value) {
				return true
			}
			where, ok := c.keeper(u, n.Chan, false, true)
			if ok && !c.waitsAfter(u, stack, n) {
				add(n, n.Chan, sendMsg, where)
			}
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(c.info, n)
			if fn == nil {
				return true
			}
			i, ok := lambdaapi.StoreMethods[stypeutil.FuncName(fn.Origin())]
			sel, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || !isSel || i >= len(n.Args) || !t.holds(n.Args[i]) {
				return true
			}
			where, ok := c.keeper(u, sel.X, false, false)
			if ok && !c.dropped(t, u, stack, n, sel.X, true) {
				add(n, sel.X, storeMsg, where)
			}
		}
		return true
	})
	return out
}

// walk is res.Inspect that also visits the functions run once
// (sync.Once.Do, sync.OnceFunc): they run during the first invocation, and
// the context they keep is that invocation's.
func (c *checker) walk(u *discovery.Unit, f func(n ast.Node, stack []ast.Node) bool) {
	c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
		if !f(n, stack) {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && c.res.IsOnceCall(call) {
			inner := slices.Clone(stack)
			for _, a := range call.Args {
				ast.Inspect(a, func(m ast.Node) bool {
					if m == nil {
						inner = inner[:len(inner)-1]
						return true
					}
					inner = append(inner, m)
					if !f(m, inner) {
						inner = inner[:len(inner)-1]
						return false
					}
					return true
				})
			}
		}
		return true
	})
}

// keeper reports whether a store into e keeps the value beyond the
// invocation, and describes where. assign is set when e is the left-hand
// side of an assignment, send when e is a channel.
func (c *checker) keeper(u *discovery.Unit, e ast.Expr, assign, send bool) (string, bool) {
	root := discovery.StorageRoot(c.info, e)
	if root == nil {
		return "", false
	}
	name := display(e)
	switch {
	case discovery.IsPackageLevel(root):
		if send {
			return "package channel " + name, true
		}
		return "package variable " + name, true
	case send:
		// A channel of the handler value or the closure may well be
		// drained by the invocation itself: left alone.
		return "", false
	case root == recvVar(u) && c.longLived(u):
		if _, bare := ast.Unparen(e).(*ast.Ident); assign && bare {
			return "", false // the receiver variable itself is reassigned
		}
		return name + ", a field of a receiver that lives across invocations", true
	case c.captured(u, root):
		return name + ", captured by the handler function", true
	}
	return "", false
}

// captured reports whether v is a local variable of the function that
// creates the handler function literal u: it lives as long as the handler.
func (c *checker) captured(u *discovery.Unit, v *types.Var) bool {
	if u.Func != nil || c.res.EntryOf(u) == nil || v.Pkg() != c.pass.Pkg || discovery.IsPackageLevel(v) {
		return false
	}
	return !discovery.Within(v.Pos(), u.Node)
}

// display names the place a store writes to: "current", "state.byID" for
// state.byID[k], "s.ctx".
func display(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
			continue
		case *ast.IndexExpr:
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		}
		return types.ExprString(e)
	}
}

// body returns the body of the function at the top of stack: the innermost
// function literal, or u.
func body(u *discovery.Unit, stack []ast.Node) *ast.BlockStmt {
	for i := len(stack) - 1; i >= 0; i-- {
		if lit, ok := stack[i].(*ast.FuncLit); ok {
			return lit.Body
		}
	}
	return u.Body
}

// dropped reports whether the function that keeps the context at place (in
// the statement or call at) drops it again: after at, or in a deferred
// call, it assigns a value without the context to the same place, deletes
// from or clears the same map, or (method: place is the receiver of a
// StoreMethods call) removes from or stores something else into the same
// receiver.
func (c *checker) dropped(t *taint, u *discovery.Unit, stack []ast.Node, at ast.Node, place ast.Expr, method bool) bool {
	var mapExpr ast.Expr
	if idx, ok := ast.Unparen(place).(*ast.IndexExpr); ok && !method && discovery.IsMap(c.info.TypeOf(idx.X)) {
		mapExpr = idx.X
	}
	same := func(e ast.Expr) bool {
		return discovery.SameExpr(c.info, e, place) || mapExpr != nil && discovery.SameExpr(c.info, e, mapExpr)
	}
	found := false
	check := func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if method || n.Tok != token.ASSIGN {
				return
			}
			for i, l := range n.Lhs {
				if same(l) && !t.assigns(n, i) {
					found = true
				}
			}
		case *ast.CallExpr:
			if mapExpr != nil && len(n.Args) > 0 && same(n.Args[0]) &&
				(discovery.IsBuiltinCall(c.info, n, "delete") || discovery.IsBuiltinCall(c.info, n, "clear")) {
				found = true
				return
			}
			fn := typeutil.StaticCallee(c.info, n)
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !method || fn == nil || !ok || !discovery.SameExpr(c.info, sel.X, place) {
				return
			}
			name := stypeutil.FuncName(fn.Origin())
			if i, ok := lambdaapi.StoreMethods[name]; lambdaapi.RemoveMethods[name] || ok && i < len(n.Args) && !t.holds(n.Args[i]) {
				found = true
			}
		}
	}
	var visit func(root ast.Node, deferred bool)
	visit = func(root ast.Node, deferred bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case nil:
				return true
			case *ast.FuncLit:
				return false // another function's flow
			case *ast.DeferStmt:
				if lit, ok := ast.Unparen(n.Call.Fun).(*ast.FuncLit); ok {
					visit(lit.Body, true)
				}
				visit(n.Call, true)
				return false
			}
			if deferred || n.Pos() >= at.End() {
				check(n)
			}
			return !found
		})
	}
	visit(body(u, stack), false)
	return found
}

// waitsAfter reports whether the function that sends at send waits for an
// answer after it: it receives from a channel, or calls a Wait method.
func (c *checker) waitsAfter(u *discovery.Unit, stack []ast.Node, send *ast.SendStmt) bool {
	found := false
	ast.Inspect(body(u, stack), func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n == nil || n.Pos() < send.End() {
			return true
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			found = n.Op == token.ARROW
		case *ast.RangeStmt:
			_, found = c.info.TypeOf(n.X).Underlying().(*types.Chan)
		case *ast.CallExpr:
			fn, ok := typeutil.Callee(c.info, n).(*types.Func)
			found = ok && fn.Name() == "Wait" && fn.Signature().Recv() != nil && fn.Signature().Params().Len() == 0
		}
		return !found
	})
	return found
}

// prune reports a call that is given no invocation context: the code it
// runs cannot keep one (it gets its own contexts from elsewhere), so the
// engine does not follow it. lib.SetCtx(context.WithoutCancel(ctx)) is
// pruned, lib.SetCtx(ctx) is not.
func (c *checker) prune(u *discovery.Unit, n ast.Node, _ []ast.Node) bool {
	call, ok := n.(*ast.CallExpr)
	return ok && c.quiet(c.taintOf(u), call)
}

// quiet reports whether call, a static call, passes no invocation context
// (nor a request, nor a value holding a context) to its callee, and no
// function literal or call in its arguments may keep one either: pruning
// the call skips its arguments.
func (c *checker) quiet(t *taint, call *ast.CallExpr) bool {
	if typeutil.StaticCallee(c.info, call) == nil {
		return false
	}
	for _, a := range call.Args {
		if t.holds(a) || t.isReq(a) {
			return false
		}
		ok := true
		ast.Inspect(a, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				ok = false
			case *ast.CallExpr:
				ok = c.harmless(t, m)
			}
			return ok
		})
		if !ok {
			return false
		}
	}
	return true
}

// harmless reports whether a call inside the arguments of a pruned call
// cannot keep the invocation's context: it is not a static call (a builtin,
// a conversion, a function value the engine does not follow), a call into
// another package whose callee has no summary, or a quiet call.
func (c *checker) harmless(t *taint, call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(c.info, call)
	if fn == nil {
		return true
	}
	if fn.Pkg() != c.pass.Pkg && !c.pass.ImportObjectFact(fn.Origin(), new(summary)) {
		return true
	}
	return c.quiet(t, call)
}

// longLived reports whether u is a method whose receiver lives for the
// whole process.
func (c *checker) longLived(u *discovery.Unit) bool {
	if c.long == nil {
		c.computeLong()
	}
	return c.long[u]
}

// computeLong finds the methods with a pointer receiver that lives for the
// process: handler entries (lambda.Start(srv.Handle), an Invoke or
// ServeHTTP method), and methods that are called only on such receivers,
// on package-level values, or on values a handler literal captures. A
// method also called on another value (a local of the invocation) is left
// out: its receiver may be the invocation's own.
func (c *checker) computeLong() {
	c.long = make(map[*discovery.Unit]bool)
	type ref struct {
		in   *discovery.Unit // the unit the reference is in, or nil
		recv ast.Expr        // x for a call x.m(...); nil for any other reference
	}
	refs := make(map[*discovery.Unit][]ref)
	entry := make(map[*discovery.Unit]bool)
	for _, e := range c.res.Entries {
		if e.Unit != nil && recvVar(e.Unit) != nil {
			entry[e.Unit] = true
			c.long[e.Unit] = true
		}
	}
	for _, f := range c.pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			fn, _ := c.info.Uses[id].(*types.Func)
			mu := c.res.FuncUnit(fn)
			if mu == nil || recvVar(mu) == nil {
				return true
			}
			r := ref{in: c.enclosing(stack)}
			if k := len(stack); k >= 3 {
				if sel, ok := stack[k-2].(*ast.SelectorExpr); ok && sel.Sel == id {
					if call, ok := stack[k-3].(*ast.CallExpr); ok && call.Fun == sel {
						r.recv = sel.X
					}
				}
			}
			refs[mu] = append(refs[mu], r)
			return true
		})
	}
	lives := func(r ref) bool {
		if r.recv == nil {
			return false
		}
		root := discovery.StorageRoot(c.info, r.recv)
		switch {
		case root == nil:
			return false
		case discovery.IsPackageLevel(root):
			return true
		case r.in == nil:
			return false
		}
		return c.long[r.in] && root == recvVar(r.in) || c.captured(r.in, root)
	}
	// The methods reached from an entry or a long-lived value...
	for changed := true; changed; {
		changed = false
		for mu, rs := range refs {
			if !c.long[mu] && slices.ContainsFunc(rs, lives) {
				c.long[mu] = true
				changed = true
			}
		}
	}
	// ...that nothing else reaches.
	for changed := true; changed; {
		changed = false
		for mu, rs := range refs {
			if c.long[mu] && !entry[mu] && !allOf(rs, lives) {
				delete(c.long, mu)
				changed = true
			}
		}
	}
}

func allOf[T any](s []T, f func(T) bool) bool {
	for _, x := range s {
		if !f(x) {
			return false
		}
	}
	return true
}

// enclosing returns the innermost unit among the nodes of stack.
func (c *checker) enclosing(stack []ast.Node) *discovery.Unit {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			if u := c.res.UnitOf(stack[i]); u != nil {
				return u
			}
		}
	}
	return nil
}

// recvVar returns the receiver of a method unit with a pointer receiver.
func recvVar(u *discovery.Unit) *types.Var {
	if u == nil || u.Func == nil {
		return nil
	}
	recv := u.Func.Signature().Recv()
	if recv == nil {
		return nil
	}
	if _, ok := types.Unalias(recv.Type()).(*types.Pointer); !ok {
		return nil // a copy: what is stored in it is lost
	}
	return recv
}

// isRequest reports whether t is *http.Request.
func isRequest(t types.Type) bool {
	return t != nil && stypeutil.IsPointerToTypeWithName(t, lambdaapi.RequestType)
}
