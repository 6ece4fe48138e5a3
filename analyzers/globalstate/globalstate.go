package globalstate

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports package-level variables that handler code writes from
// goroutines without a lock, grows without bound, or fills with
// per-request data.
var Analyzer = &analysis.Analyzer{
	Name:      "globalstate",
	Doc:       discovery.MustExtractDoc(doc, "globalstate"),
	URL:       discovery.DocsURL + "#globalstate",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

// summary records the findings reachable through an exported function.
type summary struct{ discovery.Summary }

func (*summary) AFact() {}

const (
	raceMsg    = "%s is written from a goroutine without a lock: concurrent writes race (and under Lambda Managed Instances invocations run concurrently in one process); guard it with a sync.Mutex or use sync/atomic"
	growthMsg  = "%s grows on every invocation and is never reset: package state survives across warm invocations, so memory grows until the environment is recycled; bound it, reset it, or keep the data in the invocation"
	requestMsg = "%s holds per-request data: the next warm invocation sees the previous request's value; keep it in a local variable or pass it down"

	// Multi-concurrency mode (-globalstate.concurrent): under Lambda
	// Managed Instances the handler itself runs concurrently.
	concurrentMsg = "%s is written by handler code without a lock: with Lambda Managed Instances several invocations run at once in one process, so the writes race; guard it with a sync.Mutex, use sync/atomic, or keep the state in the invocation"
	mapMsg        = "%s is a map written by handler code without a lock: with Lambda Managed Instances several invocations run at once in one process and concurrent map writes crash it (fatal error: concurrent map writes); guard it with a sync.Mutex or use sync.Map"
	lazyMsg       = "%s is initialised lazily without a lock: with Lambda Managed Instances two invocations can initialise it at once and race; use sync.OnceValue or initialise it in init"
)

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		return nil, nil
	}
	c := &checker{pass: pass, res: res, concurrent: concurrent, locks: make(map[*ast.BlockStmt][]lockEvent)}
	for _, name := range pass.Pkg.Scope().Names() {
		if _, ok := pass.Pkg.Scope().Lookup(name).(*types.Var); ok {
			c.hasGlobals = true
			break
		}
	}
	// Even without package variables of its own, a package reports what
	// the functions it imports do to theirs.
	res.Run(pass, discovery.Rule{
		Local:   c.local,
		NewFact: func() discovery.SummaryFact { return new(summary) },
	})
	return nil, nil
}

type checker struct {
	pass       *analysis.Pass
	res        *discovery.Result
	hasGlobals bool
	// concurrent is multi-concurrency mode: handler code itself runs
	// concurrently, so every unsynchronised write races.
	concurrent bool

	prepared bool
	// goUnits are the functions of the package that run in a goroutine
	// of their own: launched by a go statement or a goroutine launcher,
	// or called without a lock from such code.
	goUnits map[*discovery.Unit]bool
	// unlocked are the functions that run per invocation, at least once
	// without a lock held by their caller (multi-concurrency mode only).
	unlocked map[*discovery.Unit]bool
	// resets are the paths of package state ("cache", "state.items")
	// that code run per invocation reassigns, clears or deletes from.
	resets map[string]bool
	locks  map[*ast.BlockStmt][]lockEvent
}

type lockEvent struct {
	pos  token.Pos
	lock bool // Lock, or else Unlock
}

func (c *checker) info() *types.Info { return c.pass.TypesInfo }

// local returns the findings in u's own code.
func (c *checker) local(u *discovery.Unit) []discovery.Finding {
	if !c.hasGlobals {
		return nil
	}
	c.prepare()
	taint := c.taint(u)
	bounded := c.bounded(u)
	var out []discovery.Finding
	add := func(lhs ast.Expr, end token.Pos, format string) {
		name := c.display(lhs)
		out = append(out, discovery.Finding{
			Pos:     lhs.Pos(),
			End:     end,
			Leaf:    name,
			Message: fmt.Sprintf(format, name),
		})
	}
	c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				return true
			}
			unlocked := !c.locked(u, stack, n.Pos())
			goroutine := c.inGoroutine(u, stack) && unlocked
			concurrent := c.concurrent && unlocked && c.unlocked[u]
			for i, lhs := range n.Lhs {
				root := c.rootOf(lhs)
				if root == nil {
					continue
				}
				var rhs ast.Expr
				switch {
				case len(n.Lhs) == len(n.Rhs):
					rhs = n.Rhs[i]
				case len(n.Rhs) == 1:
					rhs = n.Rhs[0] // v, err = f()
				}
				lazy := n.Tok == token.ASSIGN && c.nilGuarded(lhs, stack)
				_, isPath := c.pathOf(lhs)
				request := n.Tok == token.ASSIGN && rhs != nil && isPath && !c.selfAppend(lhs, rhs) && taint.has(rhs)
				switch {
				case goroutine && !lazy && !c.safe(root, lhs, true):
					add(lhs, n.End(), raceMsg)
				case (goroutine || concurrent) && lazy && c.concurrent:
					add(lhs, n.End(), lazyMsg)
				case concurrent && !lazy && !request && !c.safe(root, lhs, false):
					add(lhs, n.End(), c.concurrentMsg(lhs))
				}
				if n.Tok != token.ASSIGN || rhs == nil {
					continue
				}
				p, grows := c.growth(lhs, rhs, len(n.Lhs) == len(n.Rhs))
				if grows && !c.isReset(p) && !bounded[p] && !c.memo(lhs, stack) {
					add(lhs, n.End(), growthMsg)
				}
				if request && (c.concurrent || !c.scratch(u, root, lhs)) {
					add(lhs, n.End(), requestMsg)
				}
			}
		case *ast.IncDecStmt:
			root := c.rootOf(n.X)
			if root == nil || c.locked(u, stack, n.Pos()) {
				return true
			}
			switch {
			case c.inGoroutine(u, stack) && !c.safe(root, n.X, true):
				add(n.X, n.End(), raceMsg)
			case c.concurrent && c.unlocked[u] && !c.safe(root, n.X, false):
				add(n.X, n.End(), c.concurrentMsg(n.X))
			}
		case *ast.CallExpr:
			// delete(m, k) and clear(m) write the map too.
			if !c.concurrent && !c.inGoroutine(u, stack) || len(n.Args) == 0 ||
				!discovery.IsBuiltinCall(c.info(), n, "delete") && !discovery.IsBuiltinCall(c.info(), n, "clear") {
				return true
			}
			root := c.rootOf(n.Args[0])
			if root == nil || !discovery.IsMap(c.info().TypeOf(n.Args[0])) || c.locked(u, stack, n.Pos()) || c.safe(root, n.Args[0], false) {
				return true
			}
			switch {
			case c.inGoroutine(u, stack):
				add(n.Args[0], n.End(), raceMsg)
			case c.unlocked[u]:
				add(n.Args[0], n.End(), mapMsg)
			}
		}
		return true
	})
	return out
}

// scratch reports whether the package state lhs, which u writes with
// per-request data, is scratch space that every invocation overwrites
// before it reads it, so that one request's data never reaches the next
// (with one invocation at a time): the variable root is unexported, and
// it is read, and only in u, each read after a statement that writes lhs
// (or all of root) on every path, in the read's block or a block around it.
// A variable written and never read, or read elsewhere, is not scratch.
func (c *checker) scratch(u *discovery.Unit, root *types.Var, lhs ast.Expr) bool {
	p, ok := c.pathOf(lhs)
	if !ok || root.Exported() {
		return false
	}
	body := u.Body
	if body == nil {
		return false
	}
	file := c.res.FileOf(body.Pos())
	if file == nil {
		return false
	}
	reads := 0
	for id, obj := range c.info().Uses {
		if obj != root {
			continue
		}
		if id.Pos() < body.Pos() || id.End() > body.End() {
			if c.inInit(id.Pos()) {
				continue // init-time state
			}
			return false // used by other code
		}
		path, _ := astutil.PathEnclosingInterval(file, id.Pos(), id.End())
		if c.isWriteTarget(path) {
			continue
		}
		reads++
		if !c.writtenBefore(path, body, p) {
			return false
		}
	}
	return reads > 0
}

// inInit reports whether pos lies in a function named init.
func (c *checker) inInit(pos token.Pos) bool {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" && fd.Pos() <= pos && pos < fd.End() {
				return true
			}
		}
	}
	return false
}

// isWriteTarget reports whether the identifier at path[0] is the root of
// the left-hand side of an assignment: g = x, g.f = x.
func (c *checker) isWriteTarget(path []ast.Node) bool {
	var child ast.Node = path[0]
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.SelectorExpr, *ast.ParenExpr:
			child = n
			continue
		case *ast.AssignStmt:
			return n.Tok == token.ASSIGN && slices.Contains(n.Lhs, child.(ast.Expr))
		}
		return false
	}
	return false
}

// writtenBefore reports whether, on every path from the start of body to
// the node at path[0], a statement writes the package state at path p
// first: an earlier statement of a block around the node, up to body.
func (c *checker) writtenBefore(path []ast.Node, body *ast.BlockStmt, p string) bool {
	for i := 1; i < len(path); i++ {
		switch n := path[i].(type) {
		case *ast.FuncLit:
			return false // runs who knows when
		case *ast.BlockStmt:
			for _, stmt := range n.List {
				if stmt == path[i-1] {
					break
				}
				if c.writes(stmt, p) {
					return true
				}
			}
			if n == body {
				return false
			}
		}
	}
	return false
}

// writes reports whether stmt writes the package state at path p, or all
// of the variable it is in, on every path through it that goes on past it.
func (c *checker) writes(stmt ast.Stmt, p string) bool {
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.ASSIGN {
			return false
		}
		for _, lhs := range s.Lhs {
			if q, ok := c.pathOf(lhs); ok && (q == p || strings.HasPrefix(p, q+".")) {
				return true
			}
		}
	case *ast.BlockStmt:
		return slices.ContainsFunc(s.List, func(stmt ast.Stmt) bool { return c.writes(stmt, p) })
	case *ast.IfStmt:
		return s.Else != nil && c.writes(s.Body, p) && c.writes(s.Else, p)
	}
	return false
}

// isGlobal reports whether v is a package-level variable of the package
// being analysed.
func (c *checker) isGlobal(v *types.Var) bool {
	return v != nil && v.Pkg() == c.pass.Pkg && v.Parent() == c.pass.Pkg.Scope()
}

// rootOf returns the package-level variable that an assignment to e
// writes to: g, g.f, g[k], g.f[k].h, *g; or nil.
func (c *checker) rootOf(e ast.Expr) *types.Var {
	if v := discovery.StorageRoot(c.info(), e); c.isGlobal(v) {
		return v
	}
	return nil
}

// pathOf returns the path of package state that e denotes when e is a
// package-level variable or a chain of field selections from one: "cache",
// "state.items".
func (c *checker) pathOf(e ast.Expr) (string, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := c.info().Uses[x].(*types.Var)
		if !c.isGlobal(v) {
			return "", false
		}
		return v.Name(), true
	case *ast.SelectorExpr:
		if sel := c.info().Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
			return "", false
		}
		p, ok := c.pathOf(x.X)
		if !ok {
			return "", false
		}
		return p + "." + x.Sel.Name, true
	}
	return "", false
}

// display is the name of the state written by lhs, for diagnostics.
func (c *checker) display(lhs ast.Expr) string {
	e := lhs
	for {
		if p, ok := c.pathOf(e); ok {
			return p
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		default:
			return types.ExprString(lhs)
		}
	}
}

// safe reports whether a goroutine may write lhs without a lock: the state
// synchronises itself (sync/atomic, sync.Map), or, when distinct is set,
// lhs is an element of a slice or array, which the goroutines of one
// invocation fill at distinct indexes (results[i] = v) without racing.
// Concurrent invocations share no such index discipline.
func (c *checker) safe(root *types.Var, lhs ast.Expr, distinct bool) bool {
	if idx, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && distinct {
		t := c.info().TypeOf(idx.X)
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array:
			return true
		}
	}
	return lambdaapi.IsConcurrencySafe(root.Type()) || lambdaapi.IsConcurrencySafe(c.info().TypeOf(lhs))
}

// selfAppend reports whether rhs is append(lhs, ...).
func (c *checker) selfAppend(lhs, rhs ast.Expr) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !discovery.IsBuiltinCall(c.info(), call, "append") || len(call.Args) == 0 {
		return false
	}
	p, ok := c.pathOf(lhs)
	if !ok {
		return false
	}
	q, ok := c.pathOf(call.Args[0])
	return ok && p == q
}

// growth reports whether lhs = rhs adds an element to package state: an
// append to itself, or a map insert with a key that is not constant.
func (c *checker) growth(lhs, rhs ast.Expr, single bool) (string, bool) {
	if single && c.selfAppend(lhs, rhs) {
		return c.pathOf(lhs)
	}
	idx, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok {
		return "", false
	}
	if !discovery.IsMap(c.info().TypeOf(idx.X)) {
		return "", false
	}
	if tv, ok := c.info().Types[idx.Index]; ok && tv.Value != nil {
		return "", false // a fixed key: the map does not grow
	}
	return c.pathOf(idx.X)
}

// memo reports whether the map insert lhs = v, whose enclosing nodes are
// stack, fills a cache on a miss: the same function looks up the map with
// a structurally identical key in the Init or Cond of an if statement
// around the insert (if _, ok := m[k]; !ok { m[k] = v }, if m[k] == nil
// { ... }), or in an if statement before it whose body leaves
// (if v, ok := m[k]; ok { return v }). Such a map gains one entry per
// distinct key, not one per invocation.
func (c *checker) memo(lhs ast.Expr, stack []ast.Node) bool {
	idx, ok := ast.Unparen(lhs).(*ast.IndexExpr)
	if !ok {
		return false
	}
	m, ok := c.pathOf(idx.X)
	if !ok {
		return false
	}
	isLookup := func(n ast.Node) bool {
		x, ok := n.(*ast.IndexExpr)
		if !ok || x == idx {
			return false
		}
		q, ok := c.pathOf(x.X)
		return ok && q == m && discovery.SameExpr(c.info(), x.Index, idx.Index)
	}

	// The function the insert is in: the innermost literal, or the unit.
	body := stack[0]
	for i := len(stack) - 1; i >= 0; i-- {
		if lit, ok := stack[i].(*ast.FuncLit); ok {
			body = lit.Body
			break
		}
	}
	// Variables that hold the result of a lookup: v, ok := m[k].
	vars := make(map[types.Object]bool)
	record := func(lhs []ast.Expr, rhs []ast.Expr) {
		for j, r := range rhs {
			if !isLookup(ast.Unparen(r)) {
				continue
			}
			targets := lhs
			if len(lhs) == len(rhs) {
				targets = lhs[j : j+1]
			}
			for _, l := range targets {
				if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
					if obj := c.info().ObjectOf(id); obj != nil {
						vars[obj] = true
					}
				}
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			record(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			record(lhs, n.Values)
		}
		return true
	})
	looksUp := func(n ast.Node) bool {
		if n == nil { // an if statement without Init
			return false
		}
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok || found {
				return false
			}
			if id, ok := n.(*ast.Ident); ok && vars[c.info().Uses[id]] {
				found = true
			}
			if isLookup(n) {
				found = true
			}
			return !found
		})
		return found
	}

	for i := len(stack) - 1; i >= 1; i-- {
		if _, ok := stack[i].(*ast.FuncLit); ok {
			break
		}
		if s, ok := stack[i-1].(*ast.IfStmt); ok {
			if (stack[i] == s.Body || stack[i] == s.Else) &&
				(looksUp(s.Init) || looksUp(s.Cond)) {
				return true
			}
		}
		before, _ := discovery.StmtList(stack[i-1])
		for _, st := range before {
			if st == stack[i] {
				break
			}
			if s, ok := st.(*ast.IfStmt); ok && discovery.EndsFlow(c.info(), s.Body) &&
				(looksUp(s.Init) || looksUp(s.Cond)) {
				return true
			}
		}
	}
	return false
}

// concurrentMsg is the multi-concurrency message for a write to lhs.
func (c *checker) concurrentMsg(lhs ast.Expr) string {
	if idx, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && discovery.IsMap(c.info().TypeOf(idx.X)) {
		return mapMsg
	}
	return concurrentMsg
}

// isReset reports whether per-invocation code resets path p or the state
// that contains it.
func (c *checker) isReset(p string) bool {
	for {
		if c.resets[p] {
			return true
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return false
		}
		p = p[:i]
	}
}

// bounded returns the paths whose length u compares: len(cache) > max.
func (c *checker) bounded(u *discovery.Unit) map[string]bool {
	out := make(map[string]bool)
	c.res.Inspect(u, func(n ast.Node, _ []ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok {
			return true
		}
		switch b.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
		default:
			return true
		}
		for _, side := range []ast.Expr{b.X, b.Y} {
			call, ok := ast.Unparen(side).(*ast.CallExpr)
			if !ok || len(call.Args) != 1 || !discovery.IsBuiltinCall(c.info(), call, "len") {
				continue
			}
			if p, ok := c.pathOf(call.Args[0]); ok {
				out[p] = true
			}
		}
		return true
	})
	return out
}

// nilGuarded reports whether the assignment to lhs, whose enclosing nodes
// are stack, is a lazy initialisation: inside the body of an if statement
// whose condition compares lhs with nil.
func (c *checker) nilGuarded(lhs ast.Expr, stack []ast.Node) bool {
	p, ok := c.pathOf(lhs)
	if !ok {
		return false
	}
	for i := len(stack) - 2; i >= 0; i-- {
		s, ok := stack[i].(*ast.IfStmt)
		if !ok || stack[i+1] != s.Body {
			continue
		}
		guarded := false
		ast.Inspect(s.Cond, func(n ast.Node) bool {
			b, ok := n.(*ast.BinaryExpr)
			if !ok || b.Op != token.EQL {
				return !guarded
			}
			for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
				if q, ok := c.pathOf(pair[0]); ok && q == p && c.info().Types[pair[1]].IsNil() {
					guarded = true
				}
			}
			return !guarded
		})
		if guarded {
			return true
		}
	}
	return false
}

// funcUnit returns the unit of the package function that e denotes.
func (c *checker) funcUnit(e ast.Expr) *discovery.Unit {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := c.info().Uses[x].(*types.Func)
		return c.res.FuncUnit(fn)
	case *ast.SelectorExpr:
		fn, _ := c.info().Uses[x.Sel].(*types.Func)
		return c.res.FuncUnit(fn)
	case *ast.IndexExpr:
		return c.funcUnit(x.X)
	case *ast.IndexListExpr:
		return c.funcUnit(x.X)
	}
	return nil
}

// launcher returns the index of the argument that call runs in a new
// goroutine: the function of errgroup.Group.Go and sync.WaitGroup.Go
// (lambdaapi.GroupGo), or of time.AfterFunc.
func (c *checker) launcher(call *ast.CallExpr) (int, bool) {
	fn, ok := typeutil.Callee(c.info(), call).(*types.Func)
	if !ok || len(call.Args) == 0 {
		return 0, false
	}
	return lambdaapi.Launch(stypeutil.FuncName(fn.Origin()), len(call.Args))
}

// launched reports whether lit, whose enclosing nodes are parents, runs
// in a new goroutine: go func() { ... }() or g.Go(func() error { ... }).
func (c *checker) launched(lit *ast.FuncLit, parents []ast.Node) bool {
	if len(parents) == 0 {
		return false
	}
	call, ok := parents[len(parents)-1].(*ast.CallExpr)
	if !ok {
		return false
	}
	if call.Fun == lit {
		if len(parents) >= 2 {
			if g, ok := parents[len(parents)-2].(*ast.GoStmt); ok && g.Call == call {
				return true
			}
		}
		return false
	}
	i, ok := c.launcher(call)
	return ok && ast.Unparen(call.Args[i]) == lit
}

// inGoroutineLit reports whether the node at the top of stack is inside a
// function literal that runs in a new goroutine.
func (c *checker) inGoroutineLit(stack []ast.Node) bool {
	for i, n := range stack {
		if lit, ok := n.(*ast.FuncLit); ok && c.launched(lit, stack[:i]) {
			return true
		}
	}
	return false
}

// inGoroutine reports whether the node at the top of stack, in u, runs in
// a goroutine that u or its callers start.
func (c *checker) inGoroutine(u *discovery.Unit, stack []ast.Node) bool {
	return c.goUnits[u] || c.inGoroutineLit(stack)
}

// locked reports whether pos, inside the function at the top of stack (or
// u), comes after a Lock call with no Unlock call in between. A function
// literal that does not start a goroutine runs under the locks held where
// it is written: sort.Slice(s, func(i, j int) bool { ... }).
func (c *checker) locked(u *discovery.Unit, stack []ast.Node, pos token.Pos) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		lit, ok := stack[i].(*ast.FuncLit)
		if !ok {
			continue
		}
		if c.held(lit.Body, pos) {
			return true
		}
		if c.launched(lit, stack[:i]) {
			return false
		}
		pos = lit.Pos()
	}
	return c.held(u.Body, pos)
}

// held reports whether pos, in body, comes after a Lock call with no
// Unlock call in between.
func (c *checker) held(body *ast.BlockStmt, pos token.Pos) bool {
	held := false
	for _, ev := range c.lockEvents(body) {
		if ev.pos >= pos {
			break
		}
		held = ev.lock
	}
	return held
}

// lockEvents returns the Lock calls and the Unlock calls that are not
// deferred in body, not counting nested function literals, in source order.
func (c *checker) lockEvents(body *ast.BlockStmt) []lockEvent {
	if evs, ok := c.locks[body]; ok {
		return evs
	}
	var evs []lockEvent
	deferred := make(map[*ast.CallExpr]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			deferred[n.Call] = true
		case *ast.CallExpr:
			fn, ok := typeutil.Callee(c.info(), n).(*types.Func)
			if !ok {
				return true
			}
			name := stypeutil.FuncName(fn.Origin())
			switch {
			case lambdaapi.LockCalls[name]:
				evs = append(evs, lockEvent{n.Pos(), true})
			case lambdaapi.UnlockCalls[name] && !deferred[n]:
				evs = append(evs, lockEvent{n.Pos(), false})
			}
		}
		return true
	})
	c.locks[body] = evs
	return evs
}

// prepare computes, once per package, the functions that run in
// goroutines and the state that per-invocation code resets.
func (c *checker) prepare() {
	if c.prepared {
		return
	}
	c.prepared = true
	c.goUnits = make(map[*discovery.Unit]bool)
	var queue []*discovery.Unit
	mark := func(u *discovery.Unit) {
		if u != nil && !c.goUnits[u] {
			c.goUnits[u] = true
			queue = append(queue, u)
		}
	}
	for _, u := range c.res.Units {
		c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				mark(c.funcUnit(n.Call.Fun))
			case *ast.CallExpr:
				if i, ok := c.launcher(n); ok {
					mark(c.funcUnit(n.Args[i]))
				}
				if c.inGoroutineLit(stack) && !c.locked(u, stack, n.Pos()) {
					mark(c.funcUnit(n.Fun))
				}
			}
			return true
		})
	}
	// What a goroutine calls without a lock runs in the goroutine too.
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !c.locked(u, stack, call.Pos()) {
				mark(c.funcUnit(call.Fun))
			}
			return true
		})
	}

	if c.concurrent {
		c.unlocked = make(map[*discovery.Unit]bool)
		unlocked := func(u *discovery.Unit, stack []ast.Node, id *ast.Ident) bool {
			return !c.locked(u, stack, id.Pos())
		}
		for _, u := range c.perInvocation(unlocked) {
			c.unlocked[u] = true
		}
	}

	c.resets = make(map[string]bool)
	all := func(*discovery.Unit, []ast.Node, *ast.Ident) bool { return true }
	for _, u := range c.perInvocation(all) {
		c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.ASSIGN {
					return true
				}
				for i, lhs := range n.Lhs {
					p, ok := c.pathOf(lhs)
					if !ok {
						continue
					}
					if len(n.Lhs) == len(n.Rhs) && c.selfAppend(lhs, n.Rhs[i]) {
						continue
					}
					if c.nilGuarded(lhs, stack) {
						continue // lazy initialisation, not a reset
					}
					c.resets[p] = true
				}
			case *ast.CallExpr:
				// clear empties a map but only zeroes a slice's elements.
				if (discovery.IsBuiltinCall(c.info(), n, "clear") || discovery.IsBuiltinCall(c.info(), n, "delete")) && len(n.Args) > 0 && discovery.IsMap(c.info().TypeOf(n.Args[0])) {
					if p, ok := c.pathOf(n.Args[0]); ok {
						c.resets[p] = true
					}
				}
			}
			return true
		})
	}
}

// perInvocation returns the functions that may run on every invocation:
// those reachable from the package's handlers and, in a library, from its
// exported functions and methods, through the uses of functions that follow
// accepts. init, main and what only they call are not among them.
func (c *checker) perInvocation(follow func(u *discovery.Unit, stack []ast.Node, id *ast.Ident) bool) []*discovery.Unit {
	seen := make(map[*discovery.Unit]bool)
	var queue []*discovery.Unit
	add := func(u *discovery.Unit) {
		if u != nil && !seen[u] {
			seen[u] = true
			queue = append(queue, u)
		}
	}
	for _, e := range c.res.Entries {
		add(e.Unit)
	}
	if c.pass.Pkg.Name() != "main" {
		for _, u := range c.res.Units {
			if u.Func != nil && u.Func.Parent() == c.pass.Pkg.Scope() && u.Func.Exported() ||
				u.Func != nil && u.Func.Signature().Recv() != nil {
				add(u)
			}
		}
	}
	var out []*discovery.Unit
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		out = append(out, u)
		c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if fn, ok := c.info().Uses[id].(*types.Func); ok && follow(u, stack, id) {
					add(c.res.FuncUnit(fn))
				}
			}
			return true
		})
	}
	return out
}

// tainted is the set of variables of a function that hold per-request
// data.
type tainted struct {
	info *types.Info
	objs map[types.Object]bool
}

// has reports whether e mentions a variable holding per-request data.
func (t *tainted) has(e ast.Expr) bool {
	if len(t.objs) == 0 || e == nil {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && t.objs[t.info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// taint computes the variables of u that hold per-request data: the
// parameters of a handler entry other than its context, parameters of
// per-request types (*http.Request, aws-lambda-go events), and the local
// variables computed from them.
func (c *checker) taint(u *discovery.Unit) *tainted {
	t := &tainted{info: c.info(), objs: make(map[types.Object]bool)}
	params := func(ft *ast.FuncType, all bool) {
		if ft == nil || ft.Params == nil {
			return
		}
		for _, f := range ft.Params.List {
			for _, id := range f.Names {
				v, ok := c.info().Defs[id].(*types.Var)
				if !ok {
					continue
				}
				if all && !discovery.IsContext(v.Type()) || lambdaapi.IsPerRequest(v.Type()) {
					t.objs[v] = true
				}
			}
		}
	}
	params(u.Type, c.res.EntryOf(u) != nil)
	c.res.Inspect(u, func(n ast.Node, _ []ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			params(lit.Type, false)
		}
		return true
	})
	if len(t.objs) == 0 {
		return t
	}
	mark := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || id.Name == "_" {
			return false
		}
		obj := c.info().Defs[id]
		if obj == nil {
			obj = c.info().Uses[id]
		}
		v, ok := obj.(*types.Var)
		if !ok || c.isGlobal(v) || t.objs[v] {
			return false
		}
		t.objs[v] = true
		return true
	}
	for range 8 {
		changed := false
		c.res.Inspect(u, func(n ast.Node, _ []ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if len(n.Lhs) == len(n.Rhs) && t.has(n.Rhs[i]) || len(n.Rhs) == 1 && t.has(n.Rhs[0]) {
						changed = mark(l) || changed
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if len(n.Names) == len(n.Values) && t.has(n.Values[i]) || len(n.Values) == 1 && t.has(n.Values[0]) {
						changed = mark(id) || changed
					}
				}
			case *ast.RangeStmt:
				if t.has(n.X) {
					if n.Key != nil {
						changed = mark(n.Key) || changed
					}
					if n.Value != nil {
						changed = mark(n.Value) || changed
					}
				}
			case *ast.CallExpr:
				// json.Unmarshal(e.Body, &v), dec.Decode(&v)
				from := t.has(n.Fun)
				for _, a := range n.Args {
					from = from || t.has(a)
				}
				if from {
					for _, a := range n.Args {
						if un, ok := ast.Unparen(a).(*ast.UnaryExpr); ok && un.Op == token.AND {
							changed = mark(un.X) || changed
						}
					}
				}
			}
			return true
		})
		if !changed {
			break
		}
	}
	return t
}
