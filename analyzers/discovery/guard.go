package discovery

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// A Guard is the condition under which a finding in a function happens: a
// field of one of the function's parameters is set, as in
//
//	func NewAWS(ctx context.Context, cfg AWS) (aws.Config, error) {
//		if cfg.AssumeRoleARN != "" {
//			stsSvc := sts.NewFromConfig(conf) // only with a role to assume
//
// A call that passes a composite literal leaving the field out, or setting
// it to its zero value (NewAWS(ctx, AWS{})), never reaches the finding, and
// the engine does not charge it to that call.
type Guard struct {
	Param int    // the index of the parameter, among the function's parameters
	Field string // the field of the parameter that must be set
}

// guardAt returns the guard of the code at pos in u: an if statement
// around it whose condition, or an operand of a && condition, tests that a
// field of one of u's parameters is set; or nil.
func (e *engine) guardAt(u *Unit, pos token.Pos) *Guard {
	if u.Func == nil || u.Body == nil {
		return nil
	}
	params := make(map[types.Object]int)
	sig := u.Func.Signature()
	for i := range sig.Params().Len() {
		params[sig.Params().At(i)] = i
	}
	file := e.r.FileOf(u.Body.Pos())
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	for i, n := range path {
		if n == u.Body {
			break
		}
		if ifs, ok := n.(*ast.IfStmt); ok && i > 0 && path[i-1] == ifs.Body {
			if g := e.setTest(ifs.Cond, params); g != nil {
				return g
			}
		}
	}
	return nil
}

// setTest returns the guard that cond tests, if any: p.F != zero, p.F for a
// boolean field, len(p.F) > 0, or a && of which one operand is one.
func (e *engine) setTest(cond ast.Expr, params map[types.Object]int) *Guard {
	info := e.pass.TypesInfo
	field := func(x ast.Expr) *Guard {
		sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
			return nil
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			return nil
		}
		i, ok := params[info.Uses[id]]
		if !ok {
			return nil
		}
		return &Guard{Param: i, Field: sel.Sel.Name}
	}
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			if g := e.setTest(c.X, params); g != nil {
				return g
			}
			return e.setTest(c.Y, params)
		case token.NEQ:
			if e.isZero(c.Y) {
				return field(c.X)
			}
			if e.isZero(c.X) {
				return field(c.Y)
			}
		case token.GTR:
			if call, ok := ast.Unparen(c.X).(*ast.CallExpr); ok && IsBuiltinCall(info, call, "len") && len(call.Args) == 1 && e.isZero(c.Y) {
				return field(call.Args[0])
			}
		}
	case *ast.SelectorExpr:
		if t, ok := info.TypeOf(c).Underlying().(*types.Basic); ok && t.Kind() == types.Bool {
			return field(c)
		}
	}
	return nil
}

// isZero reports whether x is the zero value of its type, written as a
// constant or nil: "", 0, false, nil.
func (e *engine) isZero(x ast.Expr) bool {
	tv, ok := e.pass.TypesInfo.Types[x]
	switch {
	case !ok:
		return false
	case tv.IsNil():
		return true
	case tv.Value == nil:
		return false
	}
	switch v := tv.Value; v.Kind() {
	case constant.String:
		return constant.StringVal(v) == ""
	case constant.Bool:
		return !constant.BoolVal(v)
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	}
	return false
}

// unset reports whether the argument of a call leaves the guard's field
// unset: a composite literal (or its address) with keyed fields that does
// not set the field, or sets it to its zero value.
func (e *engine) unset(g *Guard, call *ast.CallExpr) bool {
	if g == nil || call == nil || call.Ellipsis.IsValid() || g.Param >= len(call.Args) || e.methodExpr(call) {
		return false
	}
	arg := ast.Unparen(call.Args[g.Param])
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = ast.Unparen(u.X)
	}
	lit, ok := arg.(*ast.CompositeLit)
	if !ok {
		return false
	}
	if _, ok := e.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Struct); !ok {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false // positional: every field is set
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == g.Field {
			return e.isZero(kv.Value)
		}
	}
	return true
}

// through returns the guard of an item of a callee's summary, as seen from
// the caller u at call: the callee's guard on a parameter that u passes on
// unchanged becomes u's guard on its own parameter; otherwise the guard of
// the call itself in u, if any.
func (e *engine) through(u *Unit, call *ast.CallExpr, g *Guard) *Guard {
	if g != nil && call != nil && u.Func != nil && g.Param < len(call.Args) && !e.methodExpr(call) {
		if id, ok := ast.Unparen(call.Args[g.Param]).(*ast.Ident); ok {
			sig := u.Func.Signature()
			for i := range sig.Params().Len() {
				if e.pass.TypesInfo.Uses[id] == sig.Params().At(i) {
					return &Guard{Param: i, Field: g.Field}
				}
			}
		}
	}
	if call == nil {
		return nil
	}
	return e.guardAt(u, call.Pos())
}

// methodExpr reports whether call calls a method expression, T.M(recv,
// args...), whose arguments are shifted by the receiver.
func (e *engine) methodExpr(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := e.pass.TypesInfo.Selections[sel]
	return s != nil && s.Kind() == types.MethodExpr
}

// FileOf returns the file of the package that contains pos, or nil.
func (r *Result) FileOf(pos token.Pos) *ast.File {
	for _, f := range r.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// calledAs returns the call of which the identifier at the top of the stack
// is the function (f in f(x), or in x.f(y)), or nil.
func calledAs(id *ast.Ident, stack []ast.Node) *ast.CallExpr {
	var fun ast.Node = id
	i := len(stack) - 2
	if i >= 0 {
		if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			fun, i = sel, i-1
		}
	}
	if i >= 0 {
		if call, ok := stack[i].(*ast.CallExpr); ok && call.Fun == fun {
			return call
		}
	}
	return nil
}

// unsetByCallers reports whether the guard of a finding in u is unset at
// every use of u in the package: u is only ever called, each time with an
// argument that leaves the field unset.
func (e *engine) unsetByCallers(u *Unit, g *Guard) bool {
	if g == nil || u.Func == nil {
		return false
	}
	calls := 0
	for id, obj := range e.pass.TypesInfo.Uses {
		if obj != u.Func {
			continue
		}
		file := e.r.FileOf(id.Pos())
		if file == nil {
			return false
		}
		path, _ := astutil.PathEnclosingInterval(file, id.Pos(), id.End())
		stack := make([]ast.Node, len(path))
		for i, n := range path {
			stack[len(path)-1-i] = n
		}
		if !e.unset(g, calledAs(id, stack)) {
			return false
		}
		calls++
	}
	return calls > 0
}
