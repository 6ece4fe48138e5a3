package discovery

// Syntax helpers that more than one rule needs.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	stypeutil "honnef.co/go/tools/go/types/typeutil"
)

// StorageRoot returns the variable that a store to e writes into: v for v,
// v.f, v[k], v.f[k].g and *v, and pkg.V for a qualified identifier; nil when
// e is none of these (a call's result, a method value).
func StorageRoot(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[x]; ok {
				if sel.Kind() != types.FieldVal {
					return nil
				}
				e = x.X
				continue
			}
			v, _ := info.Uses[x.Sel].(*types.Var) // a qualified identifier: pkg.V
			return v
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			return v
		default:
			return nil
		}
	}
}

// IsPackageLevel reports whether v is a package-level variable.
func IsPackageLevel(v *types.Var) bool {
	return v != nil && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// SameExpr reports whether a and b are structurally identical: the same
// constant, identifiers denoting the same objects, and the same selector
// chains, index, unary, binary, call and composite literal expressions
// over them.
func SameExpr(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	va, vb := info.Types[a].Value, info.Types[b].Value
	if va != nil || vb != nil {
		return va != nil && vb != nil && va.Kind() == vb.Kind() && constant.Compare(va, token.EQL, vb)
	}
	switch x := a.(type) {
	case *ast.Ident:
		y, ok := b.(*ast.Ident)
		if !ok {
			return false
		}
		obj := info.ObjectOf(x)
		return obj != nil && obj == info.ObjectOf(y)
	case *ast.SelectorExpr:
		y, ok := b.(*ast.SelectorExpr)
		return ok && SameExpr(info, x.Sel, y.Sel) && SameExpr(info, x.X, y.X)
	case *ast.StarExpr:
		y, ok := b.(*ast.StarExpr)
		return ok && SameExpr(info, x.X, y.X)
	case *ast.UnaryExpr:
		y, ok := b.(*ast.UnaryExpr)
		return ok && x.Op == y.Op && SameExpr(info, x.X, y.X)
	case *ast.BinaryExpr:
		y, ok := b.(*ast.BinaryExpr)
		return ok && x.Op == y.Op && SameExpr(info, x.X, y.X) && SameExpr(info, x.Y, y.Y)
	case *ast.IndexExpr:
		y, ok := b.(*ast.IndexExpr)
		return ok && SameExpr(info, x.X, y.X) && SameExpr(info, x.Index, y.Index)
	case *ast.CallExpr:
		y, ok := b.(*ast.CallExpr)
		return ok && SameExpr(info, x.Fun, y.Fun) && x.Ellipsis.IsValid() == y.Ellipsis.IsValid() &&
			sameList(info, x.Args, y.Args)
	case *ast.CompositeLit:
		y, ok := b.(*ast.CompositeLit)
		if !ok {
			return false
		}
		ta, tb := info.TypeOf(x), info.TypeOf(y)
		return ta != nil && tb != nil && types.Identical(ta, tb) && sameList(info, x.Elts, y.Elts)
	case *ast.KeyValueExpr:
		// A struct literal's field keys denote the field (types.Info.Uses).
		y, ok := b.(*ast.KeyValueExpr)
		return ok && SameExpr(info, x.Key, y.Key) && SameExpr(info, x.Value, y.Value)
	}
	return false
}

// sameList reports whether a and b are pairwise structurally identical.
func sameList(info *types.Info, a, b []ast.Expr) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !SameExpr(info, a[i], b[i]) {
			return false
		}
	}
	return true
}

// StmtList returns the statements of a block, case clause or select clause.
func StmtList(n ast.Node) ([]ast.Stmt, bool) {
	switch b := n.(type) {
	case *ast.BlockStmt:
		return b.List, true
	case *ast.CaseClause:
		return b.Body, true
	case *ast.CommClause:
		return b.Body, true
	}
	return nil, false
}

// EndsFlow reports whether block ends by leaving the statements that follow
// it: a return, break, continue or goto, or a call of panic.
func EndsFlow(info *types.Info, block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	switch s := block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && IsBuiltinCall(info, call, "panic")
	}
	return false
}

// IsBuiltinCall reports whether call calls the builtin function name.
func IsBuiltinCall(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// Within reports whether pos lies in n.
func Within(pos token.Pos, n ast.Node) bool {
	return n.Pos() <= pos && pos < n.End()
}

// IsContext reports whether t is context.Context, or an alias of it such
// as the AWS SDK's aws.Context.
func IsContext(t types.Type) bool {
	return t != nil && stypeutil.IsTypeWithName(t, "context.Context")
}

// IsMap reports whether t's underlying type is a map.
func IsMap(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// ParamType returns the type of the parameter of sig that receives the
// i-th argument of a call (the element type for the variadic part), or nil.
func ParamType(sig *types.Signature, i int) types.Type {
	params := sig.Params()
	switch {
	case i < 0 || params.Len() == 0:
		return nil
	case sig.Variadic() && i >= params.Len()-1:
		if s, ok := params.At(params.Len() - 1).Type().Underlying().(*types.Slice); ok {
			return s.Elem()
		}
		return nil
	case i < params.Len():
		return params.At(i).Type()
	}
	return nil
}
