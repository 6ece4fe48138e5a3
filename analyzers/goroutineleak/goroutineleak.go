package goroutineleak

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports goroutines and timers that a handler leaves running.
var Analyzer = &analysis.Analyzer{
	Name:      "goroutineleak",
	Doc:       discovery.MustExtractDoc(doc, "goroutineleak"),
	URL:       discovery.DocsURL + "#goroutineleak",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

// summary records the goroutines and timers that a function leaves running,
// directly or through its callees.
type summary struct{ discovery.Summary }

func (*summary) AFact() {}

const (
	msgGo = "goroutine may outlive the invocation: Lambda freezes the environment when the handler returns, " +
		"so wait for it (sync.WaitGroup, errgroup) before returning"
	msgGroupGo = "goroutine started by %s may outlive the invocation: Lambda freezes the environment when the " +
		"handler returns, so call Wait on the group before returning"
	msgAfterFunc = "time.AfterFunc may fire after the invocation: Lambda freezes the environment when the handler " +
		"returns and the function runs during a later invocation or never, so keep the *time.Timer and Stop it " +
		"before returning, or do the work before returning"
	msgTicker = "time.NewTicker is never stopped: it keeps firing after the handler returns, into the frozen " +
		"environment and later invocations, so defer t.Stop() where it is created"
	msgTimer = "time.NewTimer is never stopped: if the handler returns first, the timer stays pending across the " +
		"freeze and fires during a later invocation, so defer t.Stop() where it is created"
	msgTick = "time.Tick starts a ticker that cannot be stopped: it keeps firing after the handler returns and " +
		"every invocation starts another, so use time.NewTicker and defer t.Stop()"
)

var timerMessages = map[lambdaapi.TimerKind]string{
	lambdaapi.TimerFunc:   msgAfterFunc,
	lambdaapi.Ticker:      msgTicker,
	lambdaapi.Timer:       msgTimer,
	lambdaapi.Unstoppable: msgTick,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		// The standard library and downloaded dependencies start
		// goroutines by design (time.AfterFunc, database/sql, the AWS
		// SDK's endpoint discovery) and have no handlers: what the user
		// can fix is in their own code, where time.AfterFunc and friends
		// are reported at the call.
		return nil, nil
	}
	res.Run(pass, discovery.Rule{
		Local: func(u *discovery.Unit) []discovery.Finding {
			return newChecker(pass, res, u).check()
		},
		NewFact: func() discovery.SummaryFact { return new(summary) },
	})
	return nil, nil
}

// A checker looks for leaked goroutines and timers in one unit.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	res  *discovery.Result
	u    *discovery.Unit

	parent     map[ast.Node]ast.Node
	uses       map[*types.Var][]*ast.Ident
	funcScopes map[*types.Scope]bool       // scopes of the parameters of function literals
	lits       map[*types.Var]*ast.FuncLit // local function variables bound to a literal
	goBodies   map[ast.Node]bool           // nodes that run in a goroutine of their own
	waits      []*ast.CallExpr             // calls of a Wait() method
	groupCalls map[*ast.CallExpr]string    // calls of lambdaapi.GroupGo methods
	timerCalls map[*ast.CallExpr]lambdaapi.TimerCall
	goStmts    []*ast.GoStmt
	calls      []*ast.CallExpr  // group and timer calls, in source order
	joinState  map[ast.Node]int // goroutines: 1 being decided, 2 joined, 3 not joined

	findings []discovery.Finding
}

func newChecker(pass *analysis.Pass, res *discovery.Result, u *discovery.Unit) *checker {
	return &checker{
		pass:       pass,
		info:       pass.TypesInfo,
		res:        res,
		u:          u,
		parent:     make(map[ast.Node]ast.Node),
		uses:       make(map[*types.Var][]*ast.Ident),
		funcScopes: make(map[*types.Scope]bool),
		lits:       make(map[*types.Var]*ast.FuncLit),
		goBodies:   make(map[ast.Node]bool),
		groupCalls: make(map[*ast.CallExpr]string),
		timerCalls: make(map[*ast.CallExpr]lambdaapi.TimerCall),
		joinState:  make(map[ast.Node]int),
	}
}

func (c *checker) check() []discovery.Finding {
	c.index()
	for _, s := range c.goStmts {
		if !c.bodyJoined(s) {
			c.report(s.Go, s.Go+token.Pos(len("go")), "go statement", msgGo)
		}
	}
	for _, call := range c.calls {
		if short, ok := c.groupCalls[call]; ok {
			if !c.groupJoined(call) {
				sel := call.Fun
				c.report(sel.Pos(), sel.End(), short, fmt.Sprintf(msgGroupGo, short))
			}
		} else {
			c.timer(call, c.timerCalls[call])
		}
	}
	return c.findings
}

// index records the parent of every node of the unit, the uses of
// variables, and the calls and statements the rule looks at.
func (c *checker) index() {
	c.res.Inspect(c.u, func(n ast.Node, stack []ast.Node) bool {
		if len(stack) >= 2 {
			c.parent[n] = stack[len(stack)-2]
		}
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := c.info.Uses[n].(*types.Var); ok {
				c.uses[v] = append(c.uses[v], n)
			}
		case *ast.FuncLit:
			if sc := c.info.Scopes[n.Type]; sc != nil {
				c.funcScopes[sc] = true
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					c.bindLit(lhs, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					c.bindLit(name, n.Values[i])
				}
			}
		case *ast.GoStmt:
			c.goStmts = append(c.goStmts, n)
			c.goBodies[n] = true
		case *ast.CallExpr:
			if isWaitCall(c.info, n) {
				c.waits = append(c.waits, n)
			}
			fn := typeutil.StaticCallee(c.info, n)
			if fn == nil {
				break
			}
			name := stypeutil.FuncName(fn.Origin())
			if short, ok := lambdaapi.GroupGo[name]; ok {
				c.groupCalls[n] = short
				c.calls = append(c.calls, n)
				if len(n.Args) == 1 {
					c.goBodies[ast.Unparen(n.Args[0])] = true
				}
			} else if t, ok := lambdaapi.Timers[name]; ok {
				c.timerCalls[n] = t
				c.calls = append(c.calls, n)
			}
		}
		return true
	})
}

// bindLit records that the local variable defined by lhs holds the function
// literal rhs.
func (c *checker) bindLit(lhs, rhs ast.Expr) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	lit, ok := ast.Unparen(rhs).(*ast.FuncLit)
	if !ok {
		return
	}
	if v, ok := c.info.Defs[id].(*types.Var); ok {
		c.lits[v] = lit
	}
}

// isWaitCall reports whether call calls a method Wait that takes no
// arguments: sync.WaitGroup, errgroup.Group, and their look-alikes.
func isWaitCall(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Name() != "Wait" {
		return false
	}
	sig := fn.Signature()
	return sig.Recv() != nil && sig.Params().Len() == 0
}

func (c *checker) report(pos, end token.Pos, leaf, msg string) {
	c.findings = append(c.findings, discovery.Finding{Pos: pos, End: end, Leaf: leaf, Message: msg})
}

// bodyJoined reports whether the flow that starts the goroutine h (a go
// statement, or the function argument of a group's Go method) waits for it,
// or may: precision first, a goroutine whose synchronisation cannot be told
// counts as joined.
func (c *checker) bodyJoined(h ast.Node) bool {
	switch c.joinState[h] {
	case 1, 3:
		return false // a cycle: a goroutine waiting for itself
	case 2:
		return true
	}
	c.joinState[h] = 1
	var ok bool
	switch h := h.(type) {
	case *ast.GoStmt:
		ok = c.goJoined(h)
	default:
		call, isCall := c.parent[h].(*ast.CallExpr)
		ok = !isCall || c.groupJoined(call)
	}
	c.joinState[h] = 3
	if ok {
		c.joinState[h] = 2
	}
	return ok
}

// goJoined reports whether the function waits for the goroutine of s.
func (c *checker) goJoined(s *ast.GoStmt) bool {
	refs, unknown := c.goroutineRefs(s)
	if unknown || c.waitedAfter(s) {
		return true
	}
	for _, v := range refs {
		if c.joined(v, s) {
			return true
		}
	}
	return false
}

// waitsFor reports whether n, a Wait call or a receive, waits on behalf of
// the flow g: n runs in g itself, or in a goroutine started from g (at any
// depth) that g waits for, as when a goroutine waits for a WaitGroup and
// then closes the channel that the handler receives from.
func (c *checker) waitsFor(n, g ast.Node) bool {
	for h := c.goroutineOf(n); h != g; h = c.goroutineOf(h) {
		if h == nil || !c.bodyJoined(h) {
			return false
		}
	}
	return true
}

// goroutineRefs returns the local channels and wait groups that the
// goroutine of s uses. unknown is set when the goroutine synchronises
// through something the function does not own (a parameter, a field, a
// package variable, a pipe) or runs a function value whose code is not
// known: whether the function waits for it cannot be told.
func (c *checker) goroutineRefs(s *ast.GoStmt) (refs []*types.Var, unknown bool) {
	seen := make(map[*types.Var]bool)
	visited := make(map[*ast.FuncLit]bool)
	var walk func(root ast.Node)
	walk = func(root ast.Node) {
		ast.Inspect(root, func(n ast.Node) bool {
			if unknown {
				return false
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				switch fun := ast.Unparen(n.Fun).(type) {
				case *ast.Ident:
					if v, ok := c.info.Uses[fun].(*types.Var); ok && !discovery.Within(v.Pos(), root) {
						if lit := c.lits[v]; lit != nil && c.isLocal(v) {
							if !visited[lit] {
								visited[lit] = true
								walk(lit)
							}
						} else {
							unknown = true // a function value of unknown code
						}
					}
				case *ast.SelectorExpr:
					if sel := c.info.Selections[fun]; sel != nil && sel.Kind() == types.FieldVal {
						unknown = true // a function-valued field
					}
				}
			case *ast.Ident:
				v, ok := c.info.Uses[n].(*types.Var)
				if !ok || seen[v] || discovery.Within(v.Pos(), root) {
					break
				}
				t := v.Type()
				switch {
				case isPipe(t):
					unknown = true
				case isChan(t) || isWaiter(t):
					if !c.isLocal(v) {
						unknown = true
						break
					}
					seen[v] = true
					refs = append(refs, v)
				}
			}
			return !unknown
		})
	}
	walk(s.Call)
	if !unknown {
		// go s.run(): a method or function of this package that
		// synchronises through fields or package variables.
		if fn := typeutil.StaticCallee(c.info, s.Call); fn != nil {
			if cu := c.res.FuncUnit(fn); cu != nil && c.usesSharedSync(cu) {
				unknown = true
			}
		}
	}
	return refs, unknown
}

// usesSharedSync reports whether u uses a channel, wait group or pipe held
// in a field or a package variable.
func (c *checker) usesSharedSync(u *discovery.Unit) bool {
	found := false
	ast.Inspect(u.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || !v.IsField() && (v.Parent() == nil || v.Parent() != v.Pkg().Scope()) {
			return true
		}
		if t := v.Type(); isChan(t) || isWaiter(t) || isPipe(t) {
			found = true
		}
		return !found
	})
	return found
}

// isLocal reports whether v is a variable declared in the unit's body, not
// a parameter of the unit or of a function literal in it.
func (c *checker) isLocal(v *types.Var) bool {
	if v.IsField() || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() || c.funcScopes[v.Parent()] {
		return false
	}
	return discovery.Within(v.Pos(), c.u.Body)
}

// goroutineOf returns the innermost go statement or group function
// enclosing n (excluding n itself), or nil when n runs in the unit's own
// flow.
func (c *checker) goroutineOf(n ast.Node) ast.Node {
	for p := c.parent[n]; p != nil; p = c.parent[p] {
		if c.goBodies[p] {
			return p
		}
	}
	return nil
}

// deferred reports whether n is inside a defer statement.
func (c *checker) deferred(n ast.Node) bool {
	for p := c.parent[n]; p != nil; p = c.parent[p] {
		if _, ok := p.(*ast.DeferStmt); ok {
			return true
		}
	}
	return false
}

// waitedAfter reports whether the flow that runs n calls a Wait method
// after n, or in a deferred call. This is lenient: the Wait may be on a
// group that n's goroutine does not use. A Wait in another goroutine counts
// only through the goroutine's own channels and groups (see joined).
func (c *checker) waitedAfter(n ast.Node) bool {
	g := c.goroutineOf(n)
	for _, w := range c.waits {
		if (w.Pos() >= n.End() || c.deferred(w)) && c.goroutineOf(w) == g {
			return true
		}
	}
	return false
}

// joined reports whether the flow that runs the go statement s uses the
// local channel or wait group v in a way that waits for the goroutine
// (a receive, a Wait call) or hands it on to code that may (v escapes).
func (c *checker) joined(v *types.Var, s *ast.GoStmt) bool {
	g := c.goroutineOf(s)
	for _, id := range c.uses[v] {
		if discovery.Within(id.Pos(), s) {
			continue
		}
		switch k, method := c.classify(id); k {
		case useEscape:
			return true
		case useRecv:
			if c.waitsFor(id, g) {
				return true
			}
		case useMethod:
			if method == "Wait" && c.waitsFor(id, g) {
				return true
			}
		}
	}
	return false
}

type useKind int

const (
	useOther  useKind = iota // a use that neither waits nor escapes
	useRecv                  // a receive from a channel, or a range over it
	useEscape                // the value is handed on: returned, passed, stored, address taken
	useMethod                // a method call; the name is returned alongside
	useField                 // a field selection; the selector expression is returned
)

// classify says how the expression e is used.
func (c *checker) classify(e ast.Expr) (useKind, string) {
	k, name, _ := c.classifyExpr(e)
	return k, name
}

// classifyExpr is classify that also returns, for a field selection, the
// selector expression.
func (c *checker) classifyExpr(e ast.Expr) (useKind, string, *ast.SelectorExpr) {
	var n ast.Node = e
	p := c.parent[n]
	for {
		if pe, ok := p.(*ast.ParenExpr); ok {
			n, p = pe, c.parent[pe]
			continue
		}
		break
	}
	switch p := p.(type) {
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == n {
				return useOther, "", nil
			}
		}
		return useEscape, "", nil
	case *ast.SendStmt:
		if p.Chan == n {
			return useOther, "", nil
		}
		return useEscape, "", nil
	case *ast.UnaryExpr:
		switch p.Op {
		case token.ARROW:
			return useRecv, "", nil
		case token.AND:
			return useEscape, "", nil
		}
		return useOther, "", nil
	case *ast.RangeStmt:
		if p.X == n {
			return useRecv, "", nil
		}
		return useOther, "", nil
	case *ast.SelectorExpr:
		if p.X != n {
			return useOther, "", nil
		}
		if call, ok := c.parent[p].(*ast.CallExpr); ok && call.Fun == p {
			return useMethod, p.Sel.Name, nil
		}
		return useField, p.Sel.Name, p
	case *ast.CallExpr:
		if p.Fun == n {
			return useOther, "", nil
		}
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "close", "len", "cap":
					return useOther, "", nil
				}
			}
		}
		if _, ok := c.parent[p].(*ast.GoStmt); ok {
			// go worker(ch): the goroutine's own use.
			return useOther, "", nil
		}
		return useEscape, "", nil
	case *ast.BinaryExpr, *ast.IncDecStmt, *ast.CaseClause, *ast.SwitchStmt, *ast.IfStmt, *ast.ExprStmt:
		return useOther, "", nil
	}
	// Returned, stored in a composite literal, indexed, converted...
	return useEscape, "", nil
}

// groupJoined reports whether the group of a call of its Go method is
// waited for, or may be: it is not a local variable, or it escapes.
func (c *checker) groupJoined(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || c.waitedAfter(call) {
		return true
	}
	recv := ast.Unparen(sel.X)
	if u, ok := recv.(*ast.UnaryExpr); ok && u.Op == token.AND {
		recv = ast.Unparen(u.X)
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return true // a field or an element: owned elsewhere
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || !c.isLocal(v) {
		return true
	}
	g := c.goroutineOf(call)
	for _, use := range c.uses[v] {
		switch k, method := c.classify(use); k {
		case useEscape:
			return true
		case useMethod:
			if method == "Wait" && c.waitsFor(use, g) {
				return true
			}
		}
	}
	return false
}

// timer reports a timer that is never stopped.
func (c *checker) timer(call *ast.CallExpr, t lambdaapi.TimerCall) {
	report := func() {
		c.report(call.Fun.Pos(), call.Fun.End(), t.Short, timerMessages[t.Kind])
	}
	if t.Kind == lambdaapi.Unstoppable {
		report()
		return
	}
	var n ast.Node = call
	p := c.parent[n]
	for {
		if pe, ok := p.(*ast.ParenExpr); ok {
			n, p = pe, c.parent[pe]
			continue
		}
		break
	}
	var v *types.Var
	switch p := p.(type) {
	case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
		report() // the timer is discarded
		return
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return
		}
		for i, rhs := range p.Rhs {
			if rhs != n {
				continue
			}
			id, ok := p.Lhs[i].(*ast.Ident)
			if !ok {
				return // stored in a field or an element
			}
			if id.Name == "_" {
				report()
				return
			}
			obj := c.info.Defs[id]
			if obj == nil {
				obj = c.info.Uses[id]
			}
			v, _ = obj.(*types.Var)
		}
	case *ast.ValueSpec:
		for i, val := range p.Values {
			if val != n || len(p.Names) != len(p.Values) {
				continue
			}
			if p.Names[i].Name == "_" {
				report()
				return
			}
			v, _ = c.info.Defs[p.Names[i]].(*types.Var)
		}
	case *ast.SelectorExpr:
		// time.NewTicker(d).C can never be stopped; other uses
		// (time.AfterFunc(...).Stop, time.NewTimer(d).C) are left alone.
		if t.Kind == lambdaapi.Ticker && p.Sel.Name == "C" {
			report()
		}
		return
	default:
		return // returned, passed on, stored
	}
	if v == nil || !c.isLocal(v) {
		return
	}
	for _, use := range c.uses[v] {
		k, name, sel := c.classifyExpr(use)
		switch k {
		case useEscape:
			return
		case useMethod:
			if name == "Stop" {
				return
			}
		case useField:
			if name != "C" {
				continue
			}
			switch fk, _ := c.classify(sel); fk {
			case useEscape:
				return
			case useRecv:
				// A timer received from outside a select has fired.
				if t.Kind == lambdaapi.Timer && !c.inSelectCase(sel) {
					return
				}
			}
		}
	}
	report()
}

// inSelectCase reports whether e is in the communication of a select case.
func (c *checker) inSelectCase(e ast.Node) bool {
	for p := c.parent[e]; p != nil; p = c.parent[p] {
		switch p := p.(type) {
		case *ast.CommClause:
			return p.Comm != nil && discovery.Within(e.Pos(), p.Comm)
		case ast.Stmt:
			if _, ok := p.(*ast.ExprStmt); !ok {
				if _, ok := p.(*ast.AssignStmt); !ok {
					return false
				}
			}
		}
	}
	return false
}

func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// named returns the named type of t or of what t points to.
func named(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// isWaiter reports whether t (or what it points to) is a wait group: a
// type with a Wait() method and a Done or Go method (sync.WaitGroup,
// errgroup.Group, and their look-alikes).
func isWaiter(t types.Type) bool {
	n := named(t)
	if n == nil || types.IsInterface(n) {
		return false
	}
	ptr := types.NewPointer(n)
	wait, _, _ := types.LookupFieldOrMethod(ptr, false, nil, "Wait")
	fn, ok := wait.(*types.Func)
	if !ok || fn.Signature().Params().Len() != 0 {
		return false
	}
	for _, m := range []string{"Done", "Go"} {
		if obj, _, _ := types.LookupFieldOrMethod(ptr, false, nil, m); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				return true
			}
		}
	}
	return false
}

// isPipe reports whether t is one end of a pipe (lambdaapi.PipeTypes).
func isPipe(t types.Type) bool {
	n := named(t)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	return lambdaapi.PipeTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}
