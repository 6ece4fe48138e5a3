package handlersetup

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// This file keeps once-only code out of the findings. Code that runs at
// most once per execution environment is pruned (see prune): its calls are
// not findings and the functions it calls are not followed. The shared
// engine (discovery.Result.Run) follows every call, so the pass handed to it
// is adapted (see enginePass) until the engine can be told what to prune.

// A span is the extent of a pruned node.
type span struct{ pos, end token.Pos }

// computeReach computes c.reach the way the discovery computes its own
// reachability, but without following references in pruned code (a helper
// called only as "if client == nil { client = newClient() }" is init code),
// nor into the expensive constructors declared in the package (a
// constructor named with -handlersetup.extra is reported where it is
// called, not for what it does inside).
func (c *checker) computeReach() {
	c.reach = make(map[*discovery.Unit]bool)
	c.pruned = make(map[*discovery.Unit][]span)
	var queue []*discovery.Unit
	for _, e := range c.res.Entries {
		if e.Unit != nil && !c.reach[e.Unit] {
			c.reach[e.Unit] = true
			queue = append(queue, e.Unit)
		}
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
			if c.prune(u, n, stack) {
				c.pruned[u] = append(c.pruned[u], span{n.Pos(), n.End()})
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func); ok {
					if cu := c.res.FuncUnit(fn); cu != nil && !c.reach[cu] && !isLeaf(fn) {
						c.reach[cu] = true
						queue = append(queue, cu)
					}
				}
			}
			return true
		})
	}
}

// enginePass returns the pass to hand to the engine: a copy of c.pass that
//
//   - neither imports nor exports summaries of the expensive constructors
//     themselves: they are leaves, reported where they are called, and what
//     they do inside (example.com/db.Connect → sql.Open, for a constructor
//     named with -handlersetup.extra) is not the caller's concern;
//   - drops from the summaries it exports the items reached through pruned
//     code;
//   - drops the diagnostics the engine reports at calls in pruned code, or
//     in functions reached from a handler only through pruned code.
func (c *checker) enginePass() *analysis.Pass {
	pass := c.pass
	p := *pass
	p.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		return !isLeaf(obj) && pass.ImportObjectFact(obj, fact)
	}
	p.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if isLeaf(obj) {
			return
		}
		if s, ok := fact.(*summary); ok {
			s.Items = c.unpruned(obj, s.Items)
			if len(s.Items) == 0 {
				return
			}
		}
		pass.ExportObjectFact(obj, fact)
	}
	p.Report = func(d analysis.Diagnostic) {
		if !c.inPruned(d.Pos) {
			pass.Report(d)
		}
	}
	return &p
}

// inPruned reports whether pos is in pruned code of a unit that a handler
// reaches, or in a unit that a handler reaches only through pruned code.
func (c *checker) inPruned(pos token.Pos) bool {
	var in *discovery.Unit
	for _, u := range c.res.Units {
		if u.Node.Pos() <= pos && pos < u.Node.End() &&
			(in == nil || in.Node.Pos() <= u.Node.Pos() && u.Node.End() <= in.Node.End()) {
			in = u
		}
	}
	if in == nil {
		return false
	}
	if _, ok := c.res.Reachable(in); !ok {
		return false
	}
	if !c.reach[in] {
		return true
	}
	for _, s := range c.pruned[in] {
		if s.pos <= pos && pos < s.end {
			return true
		}
	}
	return false
}

// unpruned returns the items of the summary of obj that are not reached
// through pruned code. An item's chain names the functions called from obj
// down to the leaf; each call between functions of this package is checked.
// The rest of the chain comes from a fact that the callee's package
// filtered, and the leaf from a unit's findings, which prune themselves. An
// item that goes through one of the expensive constructors is dropped: the
// constructor itself is the finding.
func (c *checker) unpruned(obj types.Object, items []discovery.Item) []discovery.Item {
	fn, ok := obj.(*types.Func)
	if !ok {
		return items
	}
	u := c.res.FuncUnit(fn)
	if u == nil {
		return items
	}
	if c.byName == nil {
		c.byName = make(map[string]*discovery.Unit)
		for _, v := range c.res.Units {
			if v.Func != nil {
				c.byName[discovery.FuncName(v.Func, nil)] = v
			}
		}
	}
	var out []discovery.Item
	for _, it := range items {
		keep := true
		caller := u
		for i, name := range it.Chain {
			if i == len(it.Chain)-1 {
				break // the leaf
			}
			if !c.callNames(caller)[name] {
				keep = false
				break
			}
			if caller = c.byName[name]; caller == nil {
				break // another package
			}
			if isLeaf(caller.Func) {
				keep = false // inside a constructor reported where it is called
				break
			}
		}
		if keep {
			out = append(out, it)
		}
	}
	return out
}

// callNames returns the names, as summaries write them, of the functions
// that u calls or refers to outside pruned code.
func (c *checker) callNames(u *discovery.Unit) map[string]bool {
	if names, ok := c.calls[u]; ok {
		return names
	}
	if c.calls == nil {
		c.calls = make(map[*discovery.Unit]map[string]bool)
	}
	info := c.pass.TypesInfo
	names := make(map[string]bool)
	c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
		if c.prune(u, n, stack) {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if fn, ok := info.Uses[n].(*types.Func); ok && c.res.FuncUnit(fn) != nil {
				names[discovery.FuncName(fn, nil)] = true
			}
		case *ast.CallExpr:
			if fn := typeutil.StaticCallee(info, n); fn != nil && fn.Pkg() != c.pass.Pkg {
				names[discovery.FuncName(fn, nil)] = true
			}
		}
		return true
	})
	c.calls[u] = names
	return names
}

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
			return c.guard(u, parent.Cond, false)
		case parent.Else:
			return c.guard(u, parent.Cond, true)
		}
	case *ast.AssignStmt:
		// client = <n>
		return parent.Tok == token.ASSIGN && c.storedPersistently(u, parent, n)
	case *ast.BlockStmt:
		return c.afterEarlyReturn(u, parent.List, n)
	case *ast.CaseClause:
		return c.afterEarlyReturn(u, parent.Body, n)
	case *ast.CommClause:
		return c.afterEarlyReturn(u, parent.Body, n)
	}
	return false
}

// afterEarlyReturn reports whether n follows, in list, a statement
// "if client != nil { return client }" on a value that outlives the
// invocation.
func (c *checker) afterEarlyReturn(u *discovery.Unit, list []ast.Stmt, n ast.Node) bool {
	for _, s := range list {
		if s == n {
			return false
		}
		ifs, ok := s.(*ast.IfStmt)
		if ok && ifs.Else == nil && c.terminates(ifs.Body) && c.guard(u, ifs.Cond, true) {
			return true
		}
	}
	return false
}

// terminates reports whether the block ends in a return or a panic.
func (c *checker) terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin)
				return ok && b.Name() == "panic"
			}
		}
	}
	return false
}

// guard reports whether cond tests whether a value that outlives the
// invocation is already set up. If set, cond is true when it is
// ("client != nil", "ready"); otherwise cond is true when it is not yet
// ("client == nil", "!ready"). The value may be one operand of && or ||.
func (c *checker) guard(u *discovery.Unit, cond ast.Expr, set bool) bool {
	switch x := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			return c.guard(u, x.X, set) || c.guard(u, x.Y, set)
		case token.EQL, token.NEQ:
			if (x.Op == token.NEQ) != set {
				return false
			}
			info := c.pass.TypesInfo
			switch {
			case info.Types[x.Y].IsNil():
				return c.persistent(u, x.X, true)
			case info.Types[x.X].IsNil():
				return c.persistent(u, x.Y, true)
			}
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT && !set {
			return c.isBool(x.X) && c.persistent(u, x.X, true)
		}
	case *ast.Ident, *ast.SelectorExpr:
		return set && c.isBool(x) && c.persistent(u, x, true)
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
	info := c.pass.TypesInfo
	for {
		switch e := x.(type) {
		case *ast.ParenExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[e]; ok {
				if sel.Kind() != types.FieldVal {
					return false
				}
				x = e.X
				continue
			}
			// A qualified identifier: pkg.Var.
			v, ok := info.Uses[e.Sel].(*types.Var)
			return ok && isPackageLevel(v)
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			if !ok {
				return false
			}
			if isPackageLevel(v) {
				return true
			}
			if v.Pos() < u.Node.Pos() || v.Pos() >= u.Node.End() {
				return true
			}
			return recv && v == receiver(info, u)
		default:
			return false
		}
	}
}

func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
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
