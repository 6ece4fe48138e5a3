package filesystem

import (
	"go/ast"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// freed reports whether the unit frees what the call s creates at arg (the
// path, or the directory of a temporary file), or may: it removes, moves or
// truncates it, or a directory above it; it hands the file, its name or its
// path on to code that may (precision first); or it checks that the path
// exists, keeping it on purpose as a cache. loc is the constant prefix of
// where the file is created. When appends is set, only freeing counts: an
// appended file grows whoever holds it.
func (uc *unitChecker) freed(s site, arg ast.Expr, loc string, appends bool) bool {
	temp := s.fc.Op == lambdaapi.FSTempFile || s.fc.Op == lambdaapi.FSTempDir
	exact := make(map[*types.Var]bool) // variables holding the file, its name or its path
	tree := make(map[*types.Var]bool)  // variables holding a directory above it
	var exactExprs []ast.Expr
	if !temp {
		exactExprs = append(exactExprs, arg)
		if v := uc.varOf(ast.Unparen(arg)); uc.isLocal(v) {
			exact[v] = true
		}
	}
	treeExprs := uc.ancestors(arg, 0)
	for _, a := range treeExprs {
		if v := uc.varOf(a); uc.isLocal(v) {
			tree[v] = true
		}
	}
	if s.fn.Signature().Results().Len() == 2 {
		v, escapes := uc.resultVar(s.call)
		if escapes && !appends {
			return true
		}
		if v != nil {
			exact[v] = true
		}
	}

	released := false
	for _, vars := range []map[*types.Var]bool{exact, tree} {
		var queue []*types.Var
		for v := range vars {
			queue = append(queue, v)
		}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, id := range uc.uses[v] {
				switch out, alias := uc.flow(id, isFile(v.Type())); out {
				case flowEscape:
					if !appends {
						return true
					}
				case flowFree:
					released = true
				case flowAlias:
					if !vars[alias] {
						vars[alias] = true
						queue = append(queue, alias)
					}
				}
			}
		}
	}
	if released {
		return true
	}
	for _, p := range uc.probes {
		if uc.names(p, exact, exactExprs) {
			return true
		}
	}
	for _, f := range uc.frees {
		if uc.names(f.arg, exact, exactExprs) {
			return true
		}
		if f.tree && (uc.names(f.arg, tree, treeExprs) || uc.covers(f.arg, loc)) {
			return true
		}
	}
	for _, t := range uc.removedTrees() {
		if within(t, loc) {
			return true
		}
	}
	return false
}

// names reports whether e denotes the file or path held in vars or written
// as exprs: one of the variables, v.Name() for one of them, or an
// expression the same as one of exprs.
func (uc *unitChecker) names(e ast.Expr, vars map[*types.Var]bool, exprs []ast.Expr) bool {
	e = ast.Unparen(e)
	if v := uc.varOf(e); v != nil && vars[v] {
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Name" {
			if v := uc.varOf(ast.Unparen(sel.X)); v != nil && vars[v] && isFile(v.Type()) {
				return true
			}
		}
	}
	for _, x := range exprs {
		if discovery.SameExpr(uc.info, e, x) {
			return true
		}
	}
	return false
}

// covers reports whether removing the tree at e, a constant path, removes
// what is created at loc.
func (uc *unitChecker) covers(e ast.Expr, loc string) bool {
	p := uc.resolve(e, 0)
	if !p.constant || p.s == "" {
		return false
	}
	return within(path.Clean(p.s), loc)
}

// within reports whether loc, a path or the constant prefix of one, is the
// directory dir or below it.
func within(dir, loc string) bool {
	return loc != "" && (dir == "/" || loc == dir || strings.HasPrefix(loc, dir+"/"))
}

// outerParent returns e with the parentheses around it, and the node
// that holds them.
func (uc *unitChecker) outerParent(e ast.Expr) (n, p ast.Node) {
	n, p = e, uc.parent[e]
	for {
		pe, ok := p.(*ast.ParenExpr)
		if !ok {
			return n, p
		}
		n, p = pe, uc.parent[pe]
	}
}

// resultVar returns the local variable that the first result of call is
// assigned to, if any; escapes is set when it is stored anywhere else
// (a field, a package variable, a parameter) or handed on.
func (uc *unitChecker) resultVar(call *ast.CallExpr) (v *types.Var, escapes bool) {
	_, p := uc.outerParent(call)
	var lhs ast.Expr
	switch p := p.(type) {
	case *ast.ExprStmt:
		return nil, false // discarded
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 {
			return nil, true
		}
		lhs = p.Lhs[0]
	case *ast.ValueSpec:
		if len(p.Values) != 1 {
			return nil, true
		}
		lhs = p.Names[0]
	default:
		return nil, true
	}
	if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
		return nil, false
	}
	v = uc.varOf(lhs)
	if !uc.isLocal(v) {
		return nil, true
	}
	return v, false
}

type flowKind int

const (
	flowOther  flowKind = iota // a use that neither frees nor hands on
	flowEscape                 // handed on: returned, stored, passed to code that may remove it
	flowFree                   // freed: f.Truncate
	flowAlias                  // copied to another local variable, returned alongside
)

// flow says where the value of e goes, e being a use of a variable that
// holds the file (file set) or its name or path.
func (uc *unitChecker) flow(e ast.Expr, file bool) (flowKind, *types.Var) {
	n, p := uc.outerParent(e)
	switch p := p.(type) {
	case *ast.SelectorExpr:
		call, ok := uc.parent[p].(*ast.CallExpr)
		if !file || !ok || call.Fun != p {
			return flowEscape, nil // a method value
		}
		switch p.Sel.Name {
		case "Name":
			return uc.flow(call, false)
		case "Truncate":
			return flowFree, nil
		}
		return flowOther, nil
	case *ast.CallExpr:
		if p.Fun == n {
			return flowOther, nil
		}
		if tv := uc.info.Types[p.Fun]; tv.IsType() {
			return flowOther, nil // a conversion
		}
		if discovery.IsBuiltinCall(uc.info, p, "append") {
			return flowEscape, nil
		}
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if _, ok := uc.info.Uses[id].(*types.Builtin); ok {
				return flowOther, nil
			}
		}
		fn, ok := typeutil.Callee(uc.info, p).(*types.Func)
		if !ok {
			return flowEscape, nil // a function value
		}
		if _, ok := lambdaapi.FSRelease[stypeutil.FuncName(fn.Origin())]; ok {
			return flowOther, nil // judged with the other frees
		}
		if fn.Pkg() != nil && lambdaapi.FSNonOwningPkgs[fn.Pkg().Path()] {
			return flowOther, nil
		}
		if file && isMethodSet(discovery.ParamType(fn.Signature(), argIndex(p, n))) {
			return flowOther, nil // an io.Writer, say: its methods cannot remove the file
		}
		return flowEscape, nil
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs != n {
				continue
			}
			if len(p.Lhs) != len(p.Rhs) {
				return flowEscape, nil
			}
			if id, ok := p.Lhs[i].(*ast.Ident); ok && id.Name == "_" {
				return flowOther, nil
			}
			if v := uc.varOf(p.Lhs[i]); uc.isLocal(v) {
				return flowAlias, v
			}
			return flowEscape, nil
		}
		return flowOther, nil // assigned to
	case *ast.ValueSpec:
		for i, val := range p.Values {
			if val == n && len(p.Names) == len(p.Values) {
				if v, ok := uc.info.Defs[p.Names[i]].(*types.Var); ok && p.Names[i].Name != "_" {
					return flowAlias, v
				}
				return flowOther, nil
			}
		}
		return flowEscape, nil
	case *ast.KeyValueExpr:
		if p.Value != n {
			return flowEscape, nil
		}
		if key, ok := p.Key.(*ast.Ident); ok && file {
			if fv, ok := uc.info.Uses[key].(*types.Var); ok && fv.IsField() && isMethodSet(fv.Type()) {
				return flowOther, nil // Body: f, an io.Reader
			}
		}
		return flowEscape, nil
	case *ast.IndexExpr:
		if p.X == n {
			return flowOther, nil
		}
		return flowEscape, nil // a key of a map: a registry, maybe for cleanup
	case *ast.BinaryExpr, *ast.SliceExpr, *ast.IfStmt, *ast.SwitchStmt, *ast.ExprStmt,
		*ast.IncDecStmt, *ast.RangeStmt, *ast.CaseClause:
		return flowOther, nil
	}
	return flowEscape, nil // returned, sent, addressed, stored in a composite literal...
}

// argIndex returns the index of the argument n of call.
func argIndex(call *ast.CallExpr, n ast.Node) int {
	for i, a := range call.Args {
		if a == n {
			return i
		}
	}
	return -1
}

// isMethodSet reports whether t is an interface with methods (io.Writer,
// io.ReadCloser): code holding a file as t can only call those methods.
func isMethodSet(t types.Type) bool {
	if t == nil {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.NumMethods() > 0
}

// isFile reports whether t is *os.File.
func isFile(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os" && n.Obj().Name() == "File"
}
