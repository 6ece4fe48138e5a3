package neverruns

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports code that never runs because a start call never returns.
var Analyzer = &analysis.Analyzer{
	Name:      "neverruns",
	Doc:       discovery.MustExtractDoc(doc, "neverruns"),
	URL:       discovery.DocsURL + "#neverruns",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*neverReturns)(nil)},
}

// neverReturns marks a function that calls a start call unconditionally,
// so that it never returns either: a project's own start wrapper.
type neverReturns struct {
	Start   string // the start call it reaches, e.g. "lambda.Start"
	Options string // where lambda.WithEnableSIGTERM goes (lambdaapi.OptionStarts), or ""
}

func (*neverReturns) AFact() {}

func (f *neverReturns) String() string { return "neverReturns(" + f.Start + ")" }

const (
	msgAfter    = "code after %s never runs: %s, so move it before the call or into the handler"
	msgDefer    = "deferred %s never runs: %s, so flush or close inside the handler%s"
	msgDeferOpt = ", or run the cleanup from lambda.WithEnableSIGTERM(cleanup) passed to %s"
	msgSIGTERM  = "%s for SIGTERM: the handler never runs unless the function has an extension, because Lambda " +
		"sends SIGTERM at shutdown only when one is registered, so pass lambda.WithEnableSIGTERM(cleanup) to %s, " +
		"which registers one"
)

// A stopper describes a call that never returns.
type stopper struct {
	name    string // the function called: "lambda.Start", "run", "platform.Start"
	start   string // the start call it reaches: "lambda.Start"
	options string // where lambda.WithEnableSIGTERM goes, or ""
	local   bool   // the start call is in this package
}

// never says that the call never returns, in diagnostics.
func (s *stopper) never() string {
	if s.name == s.start {
		return s.name + " never returns"
	}
	return fmt.Sprintf("%s never returns (it calls %s)", s.name, s.start)
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		res:      res,
		in:       res.Inspector(),
		direct:   make(map[*ast.CallExpr]*stopper),
		never:    make(map[*types.Func]*stopper),
		reported: make(map[token.Pos]bool),
	}
	for _, sc := range res.StartCalls {
		if !sc.Start.NeverReturns {
			continue
		}
		st := &stopper{name: sc.Start.Short, start: sc.Start.Short, local: true}
		if fn := typeutil.StaticCallee(c.info, sc.Call); fn != nil {
			st.options = lambdaapi.OptionStarts[stypeutil.FuncName(fn.Origin())]
		}
		c.direct[sc.Call] = st
		// The advice names lambda.StartWithOptions when the package
		// uses it or lambda.Start, else the first that takes options.
		if c.optionStart == "" || st.options == "lambda.StartWithOptions" {
			c.optionStart = cmp.Or(st.options, c.optionStart)
		}
	}
	c.computeNever()
	c.checkLists()
	c.checkSignals()
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	res  *discovery.Result
	in   *inspector.Inspector

	direct      map[*ast.CallExpr]*stopper // start calls that never return
	never       map[*types.Func]*stopper   // functions of this package that never return
	optionStart string                     // the call the SIGTERM advice names, e.g. "lambda.StartWithOptions"
	sigRoots    []ast.Stmt                 // statements that run before a start call of this package
	reported    map[token.Pos]bool
}

func (c *checker) report(pos, end token.Pos, msg string) {
	if c.reported[pos] {
		return
	}
	c.reported[pos] = true
	c.res.Report(c.pass, analysis.Diagnostic{Pos: pos, End: end, Message: msg})
}

// stopperOf returns what makes call never return: it is a start call that
// never returns, or calls a function that reaches one unconditionally.
func (c *checker) stopperOf(call *ast.CallExpr) *stopper {
	if st := c.direct[call]; st != nil {
		return st
	}
	fn := typeutil.StaticCallee(c.info, call)
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if st := c.never[fn]; st != nil {
		return st
	}
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
		var f neverReturns
		if c.pass.ImportObjectFact(fn, &f) {
			return &stopper{name: discovery.FuncName(fn, c.pass.Pkg), start: f.Start, options: f.Options}
		}
	}
	return nil
}

// stopExpr returns the stopper that evaluating e always calls: e itself,
// or an argument of it (log.Fatal(gateway.ListenAndServe(":3000", nil))).
func (c *checker) stopExpr(e ast.Expr) *stopper {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if st := c.stopperOf(call); st != nil {
		return st
	}
	for _, a := range call.Args {
		if st := c.stopExpr(a); st != nil {
			return st
		}
	}
	return nil
}

// stopStmt returns the stopper that executing s always calls, if any.
func (c *checker) stopStmt(s ast.Stmt) *stopper {
	var exprs []ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		exprs = []ast.Expr{s.X}
	case *ast.AssignStmt:
		exprs = s.Rhs
	case *ast.ReturnStmt:
		exprs = s.Results
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				exprs = append(exprs, spec.(*ast.ValueSpec).Values...)
			}
		}
	case *ast.IfStmt:
		if s.Init != nil {
			return c.stopStmt(s.Init)
		}
	case *ast.SwitchStmt:
		if s.Init != nil {
			return c.stopStmt(s.Init)
		}
	case *ast.LabeledStmt:
		return c.stopStmt(s.Stmt)
	}
	for _, e := range exprs {
		if st := c.stopExpr(e); st != nil {
			return st
		}
	}
	return nil
}

// computeNever finds the functions of this package that never return: a
// statement of the body calls a stopper, and no statement before it can
// leave the function. It exports the result as facts.
func (c *checker) computeNever() {
	for changed := true; changed; {
		changed = false
		for _, u := range c.res.Units {
			if u.Func == nil || c.never[u.Func] != nil {
				continue
			}
			for _, s := range u.Body.List {
				if st := c.stopStmt(s); st != nil {
					c.never[u.Func] = &stopper{
						name:    discovery.FuncName(u.Func, c.pass.Pkg),
						start:   st.start,
						options: st.options,
						local:   st.local,
					}
					changed = true
					break
				}
				if leaves(s) {
					break
				}
			}
		}
	}
	// Export what another package can call: exported functions and
	// methods.
	for _, u := range c.res.Units {
		st := c.never[u.Func]
		if st == nil || !u.Func.Exported() && u.Func.Signature().Recv() == nil {
			continue
		}
		c.pass.ExportObjectFact(u.Func, &neverReturns{Start: st.start, Options: st.options})
	}
}

// leaves reports whether s may leave the function it is in: it contains a
// return or a goto (outside function literals).
func leaves(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		case *ast.BranchStmt:
			found = found || n.Tok == token.GOTO
		}
		return !found
	})
	return found
}

// checkLists finds the first stopper of every statement list and reports
// the statements after it and the defers registered before it.
func (c *checker) checkLists() {
	for cur := range c.in.Root().Preorder((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		list, _ := discovery.StmtList(cur.Node())
		for i, s := range list {
			st := c.stopStmt(s)
			if st == nil {
				continue
			}
			c.after(st, list[i+1:])
			prefix := c.prefix(cur, list, i)
			c.defers(st, prefix)
			if st.local {
				c.sigRoots = append(c.sigRoots, prefix...)
			}
			break
		}
	}
}

// after reports the statements that follow a stopper in its list.
func (c *checker) after(st *stopper, rest []ast.Stmt) {
	// A return the compiler wants, or a panic or os.Exit that says
	// "unreachable", only marks the end; a tail that ends by failing
	// (log.Fatal, panic, os.Exit(1)) is the author's own "Start returned"
	// guard.
	for len(rest) > 0 {
		last := rest[len(rest)-1]
		if c.failExit(last) {
			return
		}
		if !c.marksEnd(last) {
			break
		}
		rest = rest[:len(rest)-1]
	}
	if len(rest) == 0 {
		return
	}
	for _, s := range rest {
		if _, ok := s.(*ast.LabeledStmt); ok {
			return // a goto may jump there
		}
	}
	c.report(rest[0].Pos(), rest[len(rest)-1].End(), fmt.Sprintf(msgAfter, st.name, st.never()))
}

// marksEnd reports whether s is a return, an empty statement, or a call
// that ends the process.
func (c *checker) marksEnd(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.EmptyStmt, *ast.ReturnStmt:
		return true
	}
	return c.exitCall(s) != nil
}

// failExit reports whether s ends the process with a failure: a panic, a
// log.Fatal, or an os.Exit with a code other than 0.
func (c *checker) failExit(s ast.Stmt) bool {
	call := c.exitCall(s)
	if call == nil {
		return false
	}
	fn := typeutil.StaticCallee(c.info, call)
	if fn == nil || stypeutil.FuncName(fn.Origin()) != "os.Exit" || len(call.Args) != 1 {
		return true // panic, log.Fatal
	}
	v := c.info.Types[call.Args[0]].Value
	return v == nil || v.String() != "0"
}

// exitCall returns the call if s calls panic or a function that ends the
// process.
func (c *checker) exitCall(s ast.Stmt) *ast.CallExpr {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if discovery.IsBuiltinCall(c.info, call, "panic") {
		return call
	}
	if _, ok := lambdaapi.LookupProcessExit(typeutil.StaticCallee(c.info, call)); ok {
		return call
	}
	return nil
}

// prefix returns the statements that run before list[i] in the function
// that holds it: those before it in its list, and those before the
// enclosing statement in every enclosing list, up to the function.
func (c *checker) prefix(holder inspector.Cursor, list []ast.Stmt, i int) []ast.Stmt {
	out := slices.Clone(list[:i])
	child := holder
	for p := holder.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return out
		}
		l, ok := discovery.StmtList(p.Node())
		if !ok {
			continue
		}
		switch p.Parent().Node().(type) {
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			continue // the body of clauses: earlier clauses do not run first
		}
		s, ok := child.Node().(ast.Stmt)
		if !ok {
			continue
		}
		if idx := slices.Index(l, s); idx >= 0 {
			out = append(out, l[:idx]...)
		}
	}
	return out
}

// defers reports the defer statements among the statements that run
// before a stopper.
func (c *checker) defers(st *stopper, prefix []ast.Stmt) {
	for _, s := range prefix {
		d, ok := s.(*ast.DeferStmt)
		if !ok || c.harmless(d) {
			continue
		}
		opt := ""
		if st.options != "" {
			opt = fmt.Sprintf(msgDeferOpt, st.options)
		}
		c.report(d.Pos(), d.End(), fmt.Sprintf(msgDefer, deferName(d), st.never(), opt))
	}
}

// harmless reports whether the deferred call only releases in-process
// state (a context cancel function) or is a recover literal.
func (c *checker) harmless(d *ast.DeferStmt) bool {
	fun := ast.Unparen(d.Call.Fun)
	if lit, ok := fun.(*ast.FuncLit); ok {
		recovers := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && discovery.IsBuiltinCall(c.info, call, "recover") {
				recovers = true
			}
			_, isLit := n.(*ast.FuncLit)
			return !recovers && !isLit
		})
		return recovers
	}
	n, ok := types.Unalias(c.info.TypeOf(fun)).(*types.Named)
	return ok && n.Obj().Pkg() != nil && lambdaapi.CancelTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// deferName names the deferred function in diagnostics: "tp.Shutdown", or
// for a literal, the first call it makes: "function literal (tp.Shutdown)".
func deferName(d *ast.DeferStmt) string {
	fun := ast.Unparen(d.Call.Fun)
	lit, ok := fun.(*ast.FuncLit)
	if !ok {
		return types.ExprString(fun)
	}
	first := ""
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && first == "" {
			first = types.ExprString(ast.Unparen(call.Fun))
		}
		return first == ""
	})
	if first == "" {
		return "function literal"
	}
	return "function literal (" + first + ")"
}

// checkSignals reports SIGTERM subscriptions that run before a start call
// of this package (or in init) when nothing registers an extension.
func (c *checker) checkSignals() {
	if c.optionStart == "" || !imports(c.pass.Pkg, "os/signal") || c.sigtermEnabled() {
		return
	}
	roots := slices.Clone(c.sigRoots)
	for _, u := range c.res.Units {
		if u.Func != nil && u.Func.Name() == "init" && u.Func.Signature().Recv() == nil {
			roots = append(roots, u.Body)
		}
	}
	visited := make(map[*discovery.Unit]bool)
	for _, r := range roots {
		c.search(r, visited)
	}
}

// sigtermEnabled reports whether the package may enable SIGTERM: it
// mentions lambda.WithEnableSIGTERM, or passes lambda options that the
// analyzer cannot see (a slice, a helper of another package).
func (c *checker) sigtermEnabled() bool {
	for _, obj := range c.info.Uses {
		if fn, ok := obj.(*types.Func); ok && stypeutil.FuncName(fn.Origin()) == lambdaapi.EnableSIGTERM {
			return true
		}
	}
	for cur := range c.in.Root().Preorder((*ast.CallExpr)(nil)) {
		if c.unknownOptions(cur.Node().(*ast.CallExpr)) {
			return true
		}
	}
	return false
}

// unknownOptions reports whether call takes ...lambda.Option and is given
// options other than direct calls of aws-lambda-go's option functions.
func (c *checker) unknownOptions(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(c.info, call)
	if fn == nil || !fn.Signature().Variadic() {
		return false
	}
	params := fn.Signature().Params()
	last := params.At(params.Len() - 1).Type()
	s, ok := last.(*types.Slice)
	if !ok || !isNamed(s.Elem(), lambdaapi.OptionType) {
		return false
	}
	if call.Ellipsis.IsValid() {
		return true
	}
	for _, a := range call.Args[min(params.Len()-1, len(call.Args)):] {
		oc, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			return true
		}
		ofn := typeutil.StaticCallee(c.info, oc)
		if ofn == nil || ofn.Pkg() == nil {
			return true
		}
		if p := ofn.Pkg().Path(); p != lambdaapi.LambdaPkg && p != lambdaapi.LambdaURLPkg {
			return true
		}
	}
	return false
}

func imports(pkg *types.Package, path string) bool {
	return slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool { return p.Path() == path })
}

func isNamed(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path()+"."+n.Obj().Name() == name
}

// search reports the SIGTERM subscriptions that running root makes: in
// root itself, in function literals it calls (go func() { ... }()) and in
// the functions of this package it calls. Branches that end with return,
// panic or os.Exit are skipped: they run instead of the start call (a
// local-development server), not before it.
func (c *checker) search(root ast.Node, visited map[*discovery.Unit]bool) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // it runs when called: see below
		case *ast.IfStmt:
			for _, part := range []ast.Node{n.Init, n.Cond} {
				if part != nil {
					c.search(part, visited)
				}
			}
			if !c.endsFlow(n.Body.List) {
				c.search(n.Body, visited)
			}
			if b, ok := n.Else.(*ast.BlockStmt); ok && !c.endsFlow(b.List) || !ok && n.Else != nil {
				c.search(n.Else, visited)
			}
			return false
		case *ast.CaseClause:
			return !c.endsFlow(n.Body)
		case *ast.CommClause:
			return !c.endsFlow(n.Body)
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
				c.search(lit.Body, visited)
			}
			c.signal(n)
			if fn := typeutil.StaticCallee(c.info, n); fn != nil {
				if u := c.res.FuncUnit(fn); u != nil && !visited[u] {
					visited[u] = true
					c.search(u.Body, visited)
				}
			}
		}
		return true
	})
}

// endsFlow reports whether list ends by leaving the code that follows it:
// a return, break, continue, goto, panic, or a call that ends the process.
func (c *checker) endsFlow(list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	return discovery.EndsFlow(c.info, &ast.BlockStmt{List: list}) || c.exitCall(list[len(list)-1]) != nil
}

// signal reports call if it subscribes to SIGTERM.
func (c *checker) signal(call *ast.CallExpr) {
	fn := typeutil.StaticCallee(c.info, call)
	if fn == nil {
		return
	}
	first, ok := lambdaapi.SignalRegistrations[stypeutil.FuncName(fn.Origin())]
	if !ok || first > len(call.Args) {
		return
	}
	for _, a := range call.Args[first:] {
		if c.isTerm(a) {
			c.report(call.Pos(), call.End(), fmt.Sprintf(msgSIGTERM, discovery.FuncName(fn, nil), c.optionStart))
			return
		}
	}
}

// isTerm reports whether e denotes SIGTERM.
func (c *checker) isTerm(e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr: // os.Signal(syscall.SIGTERM)
		if tv, ok := c.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.isTerm(x.Args[0])
		}
		return false
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	k, ok := c.info.Uses[id].(*types.Const)
	return ok && k.Pkg() != nil && lambdaapi.TermSignals[k.Pkg().Path()+"."+k.Name()]
}
