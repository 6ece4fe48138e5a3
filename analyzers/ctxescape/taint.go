package ctxescape

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// A taint is the set of variables of a unit that hold the invocation's
// context: context.Context variables that are the context, *http.Request
// variables whose context it is, and other variables (structs, slices,
// interfaces) whose value contains it.
type taint struct {
	c    *checker
	vars map[*types.Var]bool
}

// An assignment is one value a variable of the unit takes.
type assignment struct {
	v *types.Var
	// rhs is the value; nil for a parameter of the unit (the invocation's
	// context or request), or for a function literal's parameter (with).
	rhs ast.Expr
	// index is the result of rhs, a call, that v receives in
	// v1, v2 := f(); -1 otherwise.
	index int
	// with, for a context parameter of a function literal handed to a
	// call, is that call: the parameter is the invocation's context when
	// the call is also given it (retry.Do(ctx, func(ctx context.Context)
	// error { ... })).
	with *ast.CallExpr
	// opaque is set when the value cannot be told (range variables,
	// variables whose address is taken).
	opaque bool
}

// taintOf computes the taint of u. A variable is tainted when every value
// assigned to it in u holds the invocation's context: ctx = ctx2 where
// ctx2 = context.WithoutCancel(ctx) untaints ctx. The nil guard
// if ctx == nil { ctx = context.Background() } does not count.
func (c *checker) taintOf(u *discovery.Unit) *taint {
	if t, ok := c.taints[u]; ok {
		return t // computed, or being computed (a recursion through returnsDerived)
	}
	t := &taint{c: c, vars: make(map[*types.Var]bool)}
	c.taints[u] = t

	var as []assignment
	forParams(c.info, u.Type, func(_ int, v *types.Var) {
		if discovery.IsContext(v.Type()) || isRequest(v.Type()) {
			as = append(as, assignment{v: v, index: -1})
		}
	})
	inUnit := func(id *ast.Ident) *types.Var {
		if id.Name == "_" {
			return nil
		}
		v, ok := c.info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || discovery.IsPackageLevel(v) || !discovery.Within(v.Pos(), u.Node) {
			return nil
		}
		return v
	}
	c.walk(u, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			as = append(as, c.litParams(n, stack)...)
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				return true
			}
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				v := inUnit(id)
				if v == nil || n.Tok == token.ASSIGN && c.nilGuard(v, stack) {
					continue
				}
				switch {
				case len(n.Lhs) == len(n.Rhs):
					as = append(as, assignment{v: v, rhs: n.Rhs[i], index: -1})
				case len(n.Rhs) == 1:
					as = append(as, assignment{v: v, rhs: n.Rhs[0], index: i})
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				v := inUnit(id)
				switch {
				case v == nil:
				case len(n.Names) == len(n.Values):
					as = append(as, assignment{v: v, rhs: n.Values[i], index: -1})
				case len(n.Values) == 1:
					as = append(as, assignment{v: v, rhs: n.Values[0], index: i})
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					if v := inUnit(id); v != nil {
						as = append(as, assignment{v: v, opaque: true})
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v := inUnit(id); v != nil {
					as = append(as, assignment{v: v, opaque: true})
				}
			}
		}
		return true
	})
	if len(as) == 0 {
		return t
	}
	byVar := make(map[*types.Var][]assignment)
	for _, a := range as {
		byVar[a.v] = append(byVar[a.v], a)
	}
	// The variables that some value taints (least fixed point)...
	for changed := true; changed; {
		changed = false
		for v, list := range byVar {
			if !t.vars[v] && anyOf(list, t.carries) {
				t.vars[v] = true
				changed = true
			}
		}
	}
	// ...and that no other value untaints.
	for changed := true; changed; {
		changed = false
		for v := range t.vars {
			if !allOf(byVar[v], t.carries) {
				delete(t.vars, v)
				changed = true
			}
		}
	}
	return t
}

func anyOf[T any](s []T, f func(T) bool) bool {
	for _, x := range s {
		if f(x) {
			return true
		}
	}
	return false
}

// forParams calls f for every named parameter of ft.
func forParams(info *types.Info, ft *ast.FuncType, f func(i int, v *types.Var)) {
	if ft == nil || ft.Params == nil {
		return
	}
	i := 0
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, id := range field.Names {
			if v, ok := info.Defs[id].(*types.Var); ok && id.Name != "_" {
				f(i, v)
			}
			i++
		}
	}
}

// litParams returns the values of the context and request parameters of
// the function literal lit, whose enclosing nodes are stack (lit last). A
// literal called at once takes its arguments; a request parameter is the
// request the literal serves; a context parameter of a literal handed to a
// call is the invocation's context when the call is also given it.
func (c *checker) litParams(lit *ast.FuncLit, stack []ast.Node) []assignment {
	var call *ast.CallExpr
	var n ast.Node = lit
	for i := len(stack) - 2; i >= 0; i-- {
		if p, ok := stack[i].(*ast.ParenExpr); ok {
			n = p
			continue
		}
		call, _ = stack[i].(*ast.CallExpr)
		break
	}
	var out []assignment
	forParams(c.info, lit.Type, func(i int, v *types.Var) {
		ctx, req := discovery.IsContext(v.Type()), isRequest(v.Type())
		switch {
		case !ctx && !req:
		case call != nil && call.Fun == n:
			if i < len(call.Args) && !call.Ellipsis.IsValid() {
				out = append(out, assignment{v: v, rhs: call.Args[i], index: -1})
			}
		case req:
			out = append(out, assignment{v: v, index: -1})
		case call != nil:
			out = append(out, assignment{v: v, index: -1, with: call})
		}
	})
	return out
}

// nilGuard reports whether an assignment to v, whose enclosing nodes are
// stack, is in the body of an if v == nil statement.
func (c *checker) nilGuard(v *types.Var, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		s, ok := stack[i].(*ast.IfStmt)
		if !ok || stack[i+1] != s.Body {
			continue
		}
		b, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL {
			continue
		}
		for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
			id, ok := ast.Unparen(pair[0]).(*ast.Ident)
			if ok && c.info.Uses[id] == v && c.info.Types[pair[1]].IsNil() {
				return true
			}
		}
	}
	return false
}

// carries reports whether a gives its variable the invocation's context.
func (t *taint) carries(a assignment) bool {
	switch {
	case a.opaque:
		return false
	case a.with != nil:
		for _, arg := range a.with.Args {
			if t.isCtx(arg) || t.isReq(arg) {
				return true
			}
		}
		return false
	case a.rhs == nil:
		return true
	case a.index >= 0:
		call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
		return ok && discovery.IsContext(a.v.Type()) && t.derivesAt(call, a.index)
	}
	return t.value(a.v.Type(), a.rhs)
}

// value reports whether e, assigned to a variable of type typ, gives it the
// invocation's context.
func (t *taint) value(typ types.Type, e ast.Expr) bool {
	switch {
	case discovery.IsContext(typ):
		return t.isCtx(e)
	case isRequest(typ):
		return t.isReq(e)
	}
	return t.holds(e)
}

// assigns reports whether the i-th left-hand side of as receives a value
// that holds the invocation's context.
func (t *taint) assigns(as *ast.AssignStmt, i int) bool {
	switch {
	case len(as.Lhs) == len(as.Rhs):
		return t.holds(as.Rhs[i])
	case len(as.Rhs) == 1:
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		return ok && t.derivesAt(call, i)
	}
	return false
}

// isCtx reports whether e is the invocation's context.
func (t *taint) isCtx(e ast.Expr) bool {
	info := t.c.info
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && t.vars[v] && discovery.IsContext(v.Type())
	case *ast.CallExpr:
		if !discovery.IsContext(info.TypeOf(x)) {
			return false
		}
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			return len(x.Args) == 1 && t.isCtx(x.Args[0]) // context.Context(ctx)
		}
		return t.derives(x)
	}
	return false
}

// isReq reports whether e is a request that carries the invocation's
// context: a request parameter, or r.WithContext(ctx).
func (t *taint) isReq(e ast.Expr) bool {
	info := t.c.info
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && t.vars[v] && isRequest(v.Type())
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(info, x)
		return fn != nil && lambdaapi.RequestWithContext[stypeutil.FuncName(fn.Origin())] &&
			len(x.Args) == 1 && t.isCtx(x.Args[0])
	}
	return false
}

// holds reports whether the value of e is or contains the invocation's
// context: the context itself, a composite literal with it as an element,
// a pointer to one, an append of it, or a variable holding one.
func (t *taint) holds(e ast.Expr) bool {
	if t.isCtx(e) {
		return true
	}
	info := t.c.info
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && t.vars[v] && !discovery.IsContext(v.Type()) && !isRequest(v.Type())
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if t.holds(elt) {
				return true
			}
		}
	case *ast.UnaryExpr:
		return x.Op == token.AND && t.holds(x.X)
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			return len(x.Args) == 1 && t.holds(x.Args[0]) // any(ctx)
		}
		if discovery.IsBuiltinCall(info, x, "append") {
			for _, a := range x.Args {
				if t.holds(a) {
					return true
				}
			}
		}
	}
	return false
}

// derivesAt reports whether the i-th result of call is a context derived
// from the invocation's.
func (t *taint) derivesAt(call *ast.CallExpr, i int) bool {
	tuple, ok := t.c.info.TypeOf(call).(*types.Tuple)
	return ok && i < tuple.Len() && discovery.IsContext(tuple.At(i).Type()) && t.derives(call)
}

// derives reports whether call returns a context derived from the
// invocation's, and cancelled with it: r.Context() of the invocation's
// request, or a call given the invocation's context for a context.Context
// parameter (context.WithTimeout, WithValue, errgroup.WithContext), except
// context.WithoutCancel; a function of this package counts when every one of
// its returns derives from its own context.
func (t *taint) derives(call *ast.CallExpr) bool {
	c := t.c
	fn := typeutil.StaticCallee(c.info, call)
	if fn == nil {
		return false
	}
	name := stypeutil.FuncName(fn.Origin())
	if name == lambdaapi.RequestContext {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && t.isReq(sel.X)
	}
	if lambdaapi.UncancelledContexts[name] || lambdaapi.DetachedContexts[name] {
		return false
	}
	sig, ok := c.info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok {
		return false
	}
	given := false
	for i, a := range call.Args {
		if pt := discovery.ParamType(sig, i); pt != nil && discovery.IsContext(pt) && t.isCtx(a) {
			given = true
			break
		}
	}
	if !given {
		return false
	}
	if cu := c.res.FuncUnit(fn); cu != nil {
		return c.returnsDerived(cu)
	}
	return true
}

// returnsDerived reports whether every return statement of u returns, for
// each of its context results, a context derived from u's own context
// parameters.
func (c *checker) returnsDerived(u *discovery.Unit) bool {
	switch c.derived[u] {
	case 1, 2:
		return false
	case 3:
		return true
	}
	c.derived[u] = 1
	ok := c.computeReturnsDerived(u)
	c.derived[u] = 2
	if ok {
		c.derived[u] = 3
	}
	return ok
}

func (c *checker) computeReturnsDerived(u *discovery.Unit) bool {
	if u.Func == nil {
		return false
	}
	results := u.Func.Signature().Results()
	t := c.taintOf(u)
	found, ok := false, true
	ast.Inspect(u.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
			if len(n.Results) != results.Len() {
				ok = false // a bare return, or return f()
				return false
			}
			for i, r := range n.Results {
				if discovery.IsContext(results.At(i).Type()) && !t.isCtx(r) {
					ok = false
				}
			}
		}
		return ok
	})
	return found && ok
}
