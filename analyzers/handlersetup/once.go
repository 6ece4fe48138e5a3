package handlersetup

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// This file keeps once-only code out of the findings. Code that runs at
// most once per execution environment is pruned: its calls are not
// findings, and the engine (discovery.Rule.Prune) does not follow the
// functions it calls.

// prune reports whether n, in u's code with the given stack of enclosing
// nodes (n last), runs at most once per execution environment or stores a
// cache, so that neither it nor what it calls is per-invocation setup.
func (c *checker) prune(u *discovery.Unit, n ast.Node, stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	switch parent := stack[len(stack)-2].(type) {
	case *ast.IfStmt:
		// if client == nil { <n> }; if client != nil { ... } else { <n> }
		switch n {
		case parent.Body:
			return c.guard(u, parent.Cond, false, parent.Body.List)
		case parent.Else:
			return c.guard(u, parent.Cond, true, []ast.Stmt{parent.Else})
		}
	case *ast.AssignStmt:
		switch parent.Tok {
		case token.ASSIGN:
			// client = <n>
			return c.storedPersistently(u, parent, n)
		case token.DEFINE:
			// c := <n>; clients[k] = c
			return c.storedLater(u, parent, n, stack[:len(stack)-2])
		}
	case *ast.CallExpr:
		// cache.Store(k, <n>)
		return c.cacheStore(u, parent, n)
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		list, _ := discovery.StmtList(parent)
		return c.afterEarlyReturn(u, list, n)
	}
	return false
}

// afterEarlyReturn reports whether n follows, in list, a statement
// "if client != nil { return client }" on a value that outlives the
// invocation, or "if c, ok := clients[k]; ok { return c }" on a cache that
// does.
func (c *checker) afterEarlyReturn(u *discovery.Unit, list []ast.Stmt, n ast.Node) bool {
	for i, s := range list {
		if s == n {
			return false
		}
		ifs, ok := s.(*ast.IfStmt)
		if ok && ifs.Else == nil && discovery.EndsFlow(c.pass.TypesInfo, ifs.Body) && c.guard(u, ifs.Cond, true, list[i+1:]) {
			return true
		}
	}
	return false
}

// guard reports whether cond tests whether a value that outlives the
// invocation is already set up. If set, cond is true when it is
// ("client != nil", "ready"); otherwise cond is true when it is not yet
// ("client == nil", "!ready"). The value may be one operand of && or ||,
// and it may be an entry of a cache that outlives the invocation
// ("clients[k] == nil"), also through the result of a lookup
// ("c, ok := clients[k]", "c, ok := cache.Load(k)"): "c != nil", "ok",
// "!ok". For an entry, the guarded statements, region, must store one in
// the cache: a miss in a lookup table is no cause to skip the setup.
func (c *checker) guard(u *discovery.Unit, cond ast.Expr, set bool, region []ast.Stmt) bool {
	switch x := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			return c.guard(u, x.X, set, region) || c.guard(u, x.Y, set, region)
		case token.EQL, token.NEQ:
			if (x.Op == token.NEQ) != set {
				return false
			}
			info := c.pass.TypesInfo
			switch {
			case info.Types[x.Y].IsNil():
				return c.setUp(u, x.X, false, region)
			case info.Types[x.X].IsNil():
				return c.setUp(u, x.Y, false, region)
			}
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT && !set {
			return c.isBool(x.X) && c.setUp(u, x.X, true, region)
		}
	case *ast.Ident, *ast.SelectorExpr:
		return set && c.isBool(x) && c.setUp(u, x, true, region)
	}
	return false
}

func (c *checker) isBool(x ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(x)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// storedPersistently reports whether the value of rhs, a right-hand side of
// the assignment as, is stored in a variable that outlives the invocation.
func (c *checker) storedPersistently(u *discovery.Unit, as *ast.AssignStmt, rhs ast.Node) bool {
	if len(as.Lhs) != len(as.Rhs) {
		// client, err = open(...)
		for _, lhs := range as.Lhs {
			if c.persistent(u, lhs, false) {
				return true
			}
		}
		return false
	}
	for i, r := range as.Rhs {
		if r == rhs {
			return c.persistent(u, as.Lhs[i], false)
		}
	}
	return false
}

// persistent reports whether x denotes a variable that outlives the
// invocation: a package-level variable or a variable declared outside u (a
// handler literal's captured variable), or a field or element of one; with
// recv, also the pointer receiver of u or a field of it.
func (c *checker) persistent(u *discovery.Unit, x ast.Expr, recv bool) bool {
	v := discovery.StorageRoot(c.pass.TypesInfo, x)
	switch {
	case v == nil:
		return false
	case discovery.IsPackageLevel(v):
		return true
	case v.Pos() < u.Node.Pos() || v.Pos() >= u.Node.End():
		return true // captured from an enclosing function
	}
	return recv && v == receiver(c.pass.TypesInfo, u)
}

func receiver(info *types.Info, u *discovery.Unit) *types.Var {
	decl, ok := u.Node.(*ast.FuncDecl)
	if !ok || decl.Recv == nil || len(decl.Recv.List) == 0 || len(decl.Recv.List[0].Names) == 0 {
		return nil
	}
	v, _ := info.Defs[decl.Recv.List[0].Names[0]].(*types.Var)
	if v == nil {
		return nil
	}
	if _, ok := types.Unalias(v.Type()).(*types.Pointer); !ok {
		return nil // a copy: what the method stores in it is lost
	}
	return v
}
