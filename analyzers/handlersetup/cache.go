package handlersetup

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
	htypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// This file recognises caches keyed by something from the event: a map or a
// sync.Map that outlives the invocation, holding one client per region,
// table or tenant. What is built on a miss and stored in the cache is built
// once per key, not once per invocation:
//
//	if c, ok := clients[region]; ok {
//		return c, nil
//	}
//	c := s3.NewFromConfig(cfg) // once per region
//	clients[region] = c

// cacheLookup describes a local variable that holds the result of a lookup
// in a cache: c or ok in "c, ok := m[k]" or "c, ok := cache.Load(k)".
type cacheLookup struct {
	cache ast.Expr // m, or the sync.Map
	hit   bool     // the variable is ok, true on a hit; else c, non-nil on a hit
	// changed is set when the variable is assigned again or has its
	// address taken; cond is the condition of the if statement whose init
	// defines it, where it holds the lookup nonetheless.
	changed bool
	cond    ast.Expr
}

// setUp reports whether x, tested by a guard on region, tells whether a
// value that outlives the invocation is set up: x is such a value, or the
// result of a lookup in a cache that outlives the invocation (with hit, the
// bool that is true on a hit, "ok"; otherwise the value, nil on a miss,
// "c"). When x is an entry of a map or a lookup, region must store an entry
// in the same cache.
func (c *checker) setUp(u *discovery.Unit, x ast.Expr, hit bool, region []ast.Stmt) bool {
	if c.persistent(u, x, true) {
		if ix, ok := ast.Unparen(x).(*ast.IndexExpr); ok && c.isMap(ix.X) {
			return c.storesIn(region, ix.X)
		}
		return true
	}
	l := c.cached(x)
	return l != nil && l.hit == hit && c.persistent(u, l.cache, true) && c.storesIn(region, l.cache)
}

// cached returns the lookup that x holds, if x is a variable set, and not
// changed since, by a lookup in a map or a sync.Map.
func (c *checker) cached(x ast.Expr) *cacheLookup {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	l := c.lookup(v)
	if l == nil || l.changed && (l.cond == nil || id.Pos() < l.cond.Pos() || id.End() > l.cond.End()) {
		return nil
	}
	return l
}

// storesIn reports whether one of stmts stores an entry in cache, a map or
// a sync.Map: "cache[k] = v", "cache.Store(k, v)".
func (c *checker) storesIn(stmts []ast.Stmt, cache ast.Expr) bool {
	if discovery.StorageRoot(c.pass.TypesInfo, cache) == nil {
		return false
	}
	same := func(x ast.Expr) bool { return discovery.SameExpr(c.pass.TypesInfo, x, cache) }
	found := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && same(ix.X) {
						found = true
					}
				}
			case *ast.CallExpr:
				if name, recv := c.syncMapCall(n); lambdaapi.SyncMapStores[name] && same(recv) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

func (c *checker) isMap(x ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(x)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// lookup returns what v holds when it is set, and never changed, by a
// lookup in a map or a sync.Map; nil otherwise.
func (c *checker) lookup(v *types.Var) *cacheLookup {
	if l, ok := c.lookups[v]; ok {
		return l
	}
	if c.lookups == nil {
		c.lookups = make(map[*types.Var]*cacheLookup)
	}
	l := c.findLookup(v)
	c.lookups[v] = l
	return l
}

func (c *checker) findLookup(v *types.Var) *cacheLookup {
	if discovery.IsPackageLevel(v) {
		return nil
	}
	file, decl := c.enclosingDecl(v.Pos())
	if decl == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, v.Pos(), v.Pos())
	if len(path) < 2 {
		return nil
	}
	id, ok := path[0].(*ast.Ident)
	if !ok || c.pass.TypesInfo.Defs[id] != v {
		return nil
	}
	// c, ok := m[k]; var c, ok = m[k]
	var lhs, rhs []ast.Expr
	switch def := path[1].(type) {
	case *ast.AssignStmt:
		if def.Tok != token.DEFINE {
			return nil
		}
		lhs, rhs = def.Lhs, def.Rhs
	case *ast.ValueSpec:
		for _, name := range def.Names {
			lhs = append(lhs, name)
		}
		rhs = def.Values
	default:
		return nil
	}
	if len(rhs) != 1 || len(lhs) > 2 {
		return nil
	}
	hit := len(lhs) == 2 && lhs[1] == id
	if !hit && lhs[0] != id {
		return nil
	}
	var l *cacheLookup
	switch x := ast.Unparen(rhs[0]).(type) {
	case *ast.IndexExpr:
		if c.isMap(x.X) {
			l = &cacheLookup{cache: x.X, hit: hit}
		}
	case *ast.CallExpr:
		name, recv := c.syncMapCall(x)
		if value, ok := lambdaapi.SyncMapLookups[name]; ok && (hit || value) {
			l = &cacheLookup{cache: recv, hit: hit}
		}
	}
	if l == nil {
		return nil
	}
	l.changed = c.reassigned(decl, v)
	if len(path) > 2 {
		if ifs, ok := path[2].(*ast.IfStmt); ok && ifs.Init == path[1] {
			l.cond = ifs.Cond
		}
	}
	return l
}

// syncMapCall returns the full name of the method call calls and its
// receiver when call is a method call on a sync.Map.
func (c *checker) syncMapCall(call *ast.CallExpr) (string, ast.Expr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", nil
	}
	fn := typeutil.StaticCallee(c.pass.TypesInfo, call)
	if fn == nil {
		return "", nil
	}
	return htypeutil.FuncName(fn), sel.X
}

// cacheStore reports whether arg, an argument of call, is the value that
// call stores in a sync.Map that outlives the invocation:
// "cache.LoadOrStore(k, <arg>)".
func (c *checker) cacheStore(u *discovery.Unit, call *ast.CallExpr, arg ast.Node) bool {
	if len(call.Args) != 2 || call.Args[1] != arg {
		return false
	}
	name, recv := c.syncMapCall(call)
	return lambdaapi.SyncMapStores[name] && c.persistent(u, recv, false)
}

// storedLater reports whether the value of rhs, a right-hand side of the
// definition as, goes to a local variable that a later statement of the
// same block stores, unchanged, in a variable or a sync.Map that outlives
// the invocation: "c := s3.NewFromConfig(cfg); clients[region] = c". The
// stack holds the nodes enclosing as.
func (c *checker) storedLater(u *discovery.Unit, as *ast.AssignStmt, rhs ast.Node, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	list, ok := discovery.StmtList(stack[len(stack)-1])
	if !ok {
		return false
	}
	// c := <rhs>; c, err := <rhs>
	lhs := as.Lhs[0]
	if len(as.Lhs) == len(as.Rhs) {
		for i, r := range as.Rhs {
			if r == rhs {
				lhs = as.Lhs[i]
			}
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	v, ok := info.Defs[id].(*types.Var)
	if !ok {
		return false
	}
	_, decl := c.enclosingDecl(as.Pos())
	if decl == nil || c.reassigned(decl, v) {
		return false
	}
	isV := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	// storesV reports whether x, in an expression statement or on the right
	// of an assignment, is "cache.Store(k, v)".
	storesV := func(x ast.Expr) bool {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		return ok && len(call.Args) == 2 && isV(call.Args[1]) && c.cacheStore(u, call, call.Args[1])
	}
	after := false
	for _, s := range list {
		if s == as {
			after = true
			continue
		}
		if !after {
			continue
		}
		switch s := s.(type) {
		case *ast.AssignStmt:
			if len(s.Lhs) == len(s.Rhs) && s.Tok == token.ASSIGN {
				// clients[region] = c
				for i, r := range s.Rhs {
					if isV(r) && c.persistent(u, s.Lhs[i], false) {
						return true
					}
				}
			}
			if len(s.Rhs) == 1 && storesV(s.Rhs[0]) {
				// actual, _ := cache.LoadOrStore(region, c)
				return true
			}
		case *ast.ExprStmt:
			if storesV(s.X) {
				// cache.Store(region, c)
				return true
			}
		}
	}
	return false
}
