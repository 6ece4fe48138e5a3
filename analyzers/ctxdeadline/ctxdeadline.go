package ctxdeadline

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
	"honnef.co/go/tools/analysis/edit"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports handler code that drops the invocation's context.
var Analyzer = &analysis.Analyzer{
	Name:      "ctxdeadline",
	Doc:       discovery.MustExtractDoc(doc, "ctxdeadline"),
	URL:       discovery.DocsURL + "#ctxdeadline",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

// summary lists what a function does, directly or through its callees,
// that ignores the invocation deadline.
type summary struct{ discovery.Summary }

func (*summary) AFact() {}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		res:      res,
		siblings: make(map[sibKey]*types.Func),
		io:       make(map[*discovery.Unit]int),
		timeout:  make(map[*types.Var]bool),
	}
	res.Run(pass, discovery.Rule{
		Local:   c.local,
		NewFact: func() discovery.SummaryFact { return new(summary) },
	})
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	res      *discovery.Result
	siblings map[sibKey]*types.Func
	io       map[*discovery.Unit]int // 1: computing, 2: no I/O, 3: I/O
	timeout  map[*types.Var]bool     // see timeoutClient
}

type sibKey struct {
	fn   *types.Func
	recv types.Type
}

// ctxSource is a context in scope: a parameter, and the expression that
// yields the context from it.
type ctxSource struct {
	param *types.Var
	expr  string // "ctx" or "r.Context()"
}

func (c *checker) local(u *discovery.Unit) []discovery.Finding {
	if isInitOrMain(u) {
		return nil
	}
	var out []discovery.Finding
	if f, ok := c.discarded(u); ok {
		out = append(out, f)
	}
	// Outside a function with a context, a call that cannot carry the
	// deadline is still reported in a handler (the fix is to take the
	// context), in a helper that a handler with a context reaches (the fix
	// is to thread the context through), and when u is only summarised for
	// callers in other packages. A helper of a handler without a context is
	// left to the report at the handler.
	keepNoCtx := true
	if chain, ok := c.res.Reachable(u); ok && len(chain) > 1 {
		keepNoCtx = len(paramContexts(c.pass.TypesInfo, chain[0].Type)) > 0
	}
	info := c.pass.TypesInfo
	c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
		switch n.(type) {
		case *ast.GoStmt, *ast.DeferStmt:
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			return true
		}
		name := stypeutil.FuncName(fn.Origin())
		switch {
		case lambdaapi.DetachedContexts[name]:
			src := c.contextAt(u, stack, call.Pos())
			if src == nil || assignsTo(info, stack, src.param) {
				return true
			}
			leaf := discovery.FuncName(fn, nil)
			out = append(out, discovery.Finding{
				Pos:  call.Pos(),
				End:  call.End(),
				Leaf: leaf,
				Message: fmt.Sprintf("%s drops the invocation deadline that %s carries, so the work runs on until Lambda kills the function at its timeout: use %s",
					leaf, src.expr, src.expr),
				Fixes: []analysis.SuggestedFix{edit.Fix("Use "+src.expr, edit.ReplaceWithString(call, src.expr))},
			})
		default:
			variant, how := c.variant(call, fn, name)
			if how == "" || c.givenContextLater(u, stack, call) || c.bounded(call, name, stack) {
				return true
			}
			src := c.contextAt(u, stack, call.Pos())
			if src == nil && !keepNoCtx {
				return true
			}
			leaf := discovery.FuncName(fn, nil)
			f := discovery.Finding{
				Pos:  call.Pos(),
				End:  call.End(),
				Leaf: leaf,
				Message: fmt.Sprintf("%s does not stop at the invocation deadline, so it runs on until Lambda kills the function at its timeout instead of returning an error: %s",
					leaf, how),
			}
			if src != nil && variant != nil {
				if fix, ok := switchFix(call, variant, src.expr); ok {
					f.Fixes = []analysis.SuggestedFix{fix}
				}
			}
			out = append(out, f)
		}
		return true
	})
	return out
}

// variant reports whether the call to fn has a context-taking variant. It
// returns the variant when switching to it is mechanical (same arguments
// after the context), and what to do, or "" if fn has no such variant.
func (c *checker) variant(call *ast.CallExpr, fn *types.Func, name string) (*types.Func, string) {
	if how, ok := lambdaapi.ContextVariants[name]; ok {
		var v *types.Func
		if fn.Signature().Recv() == nil {
			v = c.funcSibling(fn)
		}
		return v, "use " + how
	}
	if fn.Signature().Recv() == nil {
		return nil, ""
	}
	// The generic sibling rule holds for the methods of I/O clients and of
	// the user's own types. Elsewhere an M/MContext pair is as likely to
	// take the context for its values (loggers, error reporters) or for a
	// cancellation that in-memory work never waits on (decoders).
	path := fn.Pkg().Path()
	if lambdaapi.UsesContextForValues(path) || !lambdaapi.IsIOPackage(path) && !c.sameModule(path) {
		return nil, ""
	}
	if v := c.methodSibling(call, fn); v != nil {
		return v, fmt.Sprintf("call its %s method with the handler's ctx", v.Name())
	}
	return nil, ""
}

// funcSibling returns F+"WithContext" or F+"Context" of fn's package when it
// takes a context followed by fn's parameters.
func (c *checker) funcSibling(fn *types.Func) *types.Func {
	for _, suffix := range [...]string{"WithContext", "Context"} {
		v, ok := fn.Pkg().Scope().Lookup(fn.Name() + suffix).(*types.Func)
		if ok && v.Exported() == fn.Exported() && matches(fn.Signature(), v.Signature()) {
			return v
		}
	}
	return nil
}

// methodSibling returns the method M+"Context" or M+"WithContext" of the
// receiver's type, for a call of its method M, when it takes a context
// followed by M's parameters.
func (c *checker) methodSibling(call *ast.CallExpr, fn *types.Func) *types.Func {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := c.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	key := sibKey{fn, s.Recv()}
	if v, ok := c.siblings[key]; ok {
		return v
	}
	var found *types.Func
	for _, suffix := range [...]string{"Context", "WithContext"} {
		obj, _, _ := types.LookupFieldOrMethod(s.Recv(), true, fn.Pkg(), fn.Name()+suffix)
		if v, ok := obj.(*types.Func); ok && matches(fn.Signature(), v.Signature()) {
			found = v
			break
		}
	}
	c.siblings[key] = found
	return found
}

// matches reports whether v's parameters are a context followed by m's
// parameters, possibly with trailing variadic options (AWS SDK v1:
// GetItem(in) and GetItemWithContext(ctx, in, opts...)), and v's results
// are m's: zerolog's Logger.With() Context and
// Logger.WithContext(ctx) context.Context are not a pair.
func matches(m, v *types.Signature) bool {
	mp, vp := m.Params(), v.Params()
	if vp.Len() < 1 || !discovery.IsContext(vp.At(0).Type()) || !types.Identical(m.Results(), v.Results()) {
		return false
	}
	n := mp.Len()
	switch {
	case vp.Len() == n+1 && m.Variadic() == v.Variadic():
	case vp.Len() == n+2 && v.Variadic() && !m.Variadic():
	default:
		return false
	}
	for i := range n {
		if !types.Identical(mp.At(i).Type(), vp.At(i+1).Type()) {
			return false
		}
	}
	return true
}

// sameModule reports whether the package at path belongs to the module
// of the package being analysed. Without module information (GOPATH mode,
// some build systems) it compares the paths' roots.
func (c *checker) sameModule(path string) bool {
	if m := c.pass.Module; m != nil && m.Path != "" {
		return path == m.Path || strings.HasPrefix(path, m.Path+"/")
	}
	return pathRoot(path) == pathRoot(c.pass.Pkg.Path())
}

// pathRoot returns the part of an import path that names its repository,
// as far as the path alone tells: the first element, or, when that is a
// host name, the first three elements on the well-known code hosts
// (github.com/owner/repo) and the first two elsewhere (go.uber.org/zap).
func pathRoot(path string) string {
	elems := strings.Split(path, "/")
	n := 1
	if strings.Contains(elems[0], ".") {
		n = 2
		switch elems[0] {
		case "github.com", "gitlab.com", "bitbucket.org", "codeberg.org":
			n = 3
		}
	}
	return strings.Join(elems[:min(n, len(elems))], "/")
}

// maxShortSleep is the longest constant time.Sleep, outside a loop, that
// is not reported: less than the shortest function timeout (1 s), it
// cannot keep a function much past its deadline.
const maxShortSleep = 1e9 // nanoseconds

// bounded reports whether a call that takes no context ends within a bound
// of its own: a time.Sleep of a constant shorter than a second outside a
// loop, or a request of an *http.Client with a Timeout (client.Get(url)),
// which returns an error when the timeout passes.
func (c *checker) bounded(call *ast.CallExpr, name string, stack []ast.Node) bool {
	info := c.pass.TypesInfo
	switch {
	case name == "time.Sleep" && len(call.Args) == 1:
		tv := info.Types[call.Args[0]]
		if tv.Value == nil {
			return false
		}
		d, ok := constant.Int64Val(constant.ToInt(tv.Value))
		if !ok || d >= maxShortSleep {
			return false
		}
		for _, n := range stack {
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				return false
			}
		}
		return true
	case strings.HasPrefix(name, "(*net/http.Client)."):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && c.timeoutClient(sel.X)
	}
	return false
}

// timeoutClient reports whether e is a variable of the package, or local,
// that only ever holds an http.Client (or a pointer to one) built by a
// composite literal that sets Timeout.
func (c *checker) timeoutClient(e ast.Expr) bool {
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || v.IsField() {
		return false
	}
	if t, ok := c.timeout[v]; ok {
		return t
	}
	isLit := func(x ast.Expr) bool {
		x = ast.Unparen(x)
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
			x = ast.Unparen(u.X)
		}
		lit, ok := x.(*ast.CompositeLit)
		if !ok || !stypeutil.IsTypeWithName(info.TypeOf(lit), "net/http.Client") {
			return false
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Timeout" {
					tv := info.Types[kv.Value]
					return tv.Value == nil || constant.Sign(tv.Value) > 0
				}
			}
		}
		return false
	}
	values := 0
	all := true
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if info.Defs[name] == v {
						values++
						all = all && i < len(n.Values) && len(n.Values) == len(n.Names) && isLit(n.Values[i])
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && (info.Defs[id] == v || info.Uses[id] == v) {
						values++
						all = all && len(n.Lhs) == len(n.Rhs) && isLit(n.Rhs[i])
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v && !isPointer(v.Type()) {
					// &client: maybe changed through the pointer; a call
					// with a pointer receiver takes it implicitly, not here.
					all = false
				}
			}
			return all
		})
	}
	c.timeout[v] = all && values > 0
	return c.timeout[v]
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// givenContextLater reports whether call yields an *http.Request that is
// assigned to a variable the enclosing function later gives a context:
// req = req.WithContext(ctx), client.Do(req.WithContext(ctx)),
// req.Clone(ctx), or a call that takes req together with a context, such
// as ctxhttp.Do(ctx, client, req). The request then carries the deadline
// when it is sent.
func (c *checker) givenContextLater(u *discovery.Unit, stack []ast.Node, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	v := assignedVar(info, stack, call)
	if v == nil || !stypeutil.IsPointerToTypeWithName(v.Type(), "net/http.Request") {
		return false
	}
	body := u.Body
	for i := len(stack) - 1; i >= 0; i-- {
		if lit, ok := stack[i].(*ast.FuncLit); ok {
			body = lit.Body
			break
		}
	}
	isReq := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	discarded := make(map[ast.Expr]bool) // calls whose result is dropped
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if s, ok := n.(*ast.ExprStmt); ok {
			discarded[ast.Unparen(s.X)] = true
		}
		later, ok := n.(*ast.CallExpr)
		if !ok || later.Pos() < call.End() {
			return true
		}
		// client.Do(req) of a client with a Timeout.
		if sel, ok := ast.Unparen(later.Fun).(*ast.SelectorExpr); ok && len(later.Args) == 1 && isReq(later.Args[0]) {
			if fn, ok := typeutil.Callee(info, later).(*types.Func); ok && stypeutil.FuncName(fn) == "(*net/http.Client).Do" && c.timeoutClient(sel.X) {
				found = true
				return false
			}
		}
		// req.WithContext(ctx) and req.Clone(ctx), their result kept.
		if sel, ok := ast.Unparen(later.Fun).(*ast.SelectorExpr); ok && isReq(sel.X) && !discarded[later] {
			if fn, ok := typeutil.Callee(info, later).(*types.Func); ok {
				switch stypeutil.FuncName(fn) {
				case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
					found = true
					return false
				}
			}
		}
		// f(ctx, ..., req, ...): req goes to an *http.Request parameter of
		// a function that also takes a context.
		tv, ok := info.Types[later.Fun]
		if !ok || tv.IsType() || tv.Type == nil {
			return true
		}
		sig, ok := tv.Type.Underlying().(*types.Signature)
		if !ok {
			return true
		}
		withReq, withCtx := false, false
		for i, arg := range later.Args {
			if isReq(arg) {
				pt := discovery.ParamType(sig, i)
				withReq = withReq || pt != nil && stypeutil.IsPointerToTypeWithName(pt, "net/http.Request")
			}
		}
		for p := range sig.Params().Variables() {
			withCtx = withCtx || discovery.IsContext(p.Type())
		}
		found = withReq && withCtx
		return !found
	})
	return found
}

// assignedVar returns the variable the call at the top of stack is
// assigned to as the first of its results (req in req, err := f()), or nil.
func assignedVar(info *types.Info, stack []ast.Node, call *ast.CallExpr) *types.Var {
	if len(stack) < 2 {
		return nil
	}
	var lhs ast.Expr
	switch p := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && ast.Unparen(p.Rhs[0]) == call {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && ast.Unparen(p.Values[0]) == call {
			lhs = p.Names[0]
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

// switchFix rewrites a call of F(args) into V(ctx, args).
func switchFix(call *ast.CallExpr, v *types.Func, ctx string) (analysis.SuggestedFix, bool) {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return analysis.SuggestedFix{}, false
	}
	var arg analysis.TextEdit
	if len(call.Args) == 0 {
		arg = analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(ctx)}
	} else {
		at := call.Args[0].Pos()
		arg = analysis.TextEdit{Pos: at, End: at, NewText: []byte(ctx + ", ")}
	}
	return edit.Fix("Use "+v.Name()+" with "+ctx, edit.ReplaceWithString(id, v.Name()), arg), true
}

// discarded reports an aws-lambda-go handler of this package that takes no
// usable context while it does I/O.
func (c *checker) discarded(u *discovery.Unit) (discovery.Finding, bool) {
	e := c.res.EntryOf(u)
	if e == nil || e.Kind != lambdaapi.FuncHandler {
		return discovery.Finding{}, false
	}
	if len(paramContexts(c.pass.TypesInfo, u.Type)) > 0 || !c.doesIO(u) {
		return discovery.Finding{}, false
	}
	pos := u.Type.Pos()
	end := pos + token.Pos(len("func"))
	if d, ok := u.Node.(*ast.FuncDecl); ok {
		pos, end = d.Name.Pos(), d.Name.End()
	}
	return discovery.Finding{
		Pos:     pos,
		End:     end,
		Leaf:    u.Name,
		Message: "handler discards its context: the invocation deadline cannot reach the I/O it does, so a slow call runs on until Lambda kills the function at its timeout; name the ctx parameter and pass it on",
	}, true
}

// doesIO reports whether u, or a function of this package it reaches, does
// I/O: it calls an API that has a context-taking variant, or a
// context-taking function of an I/O package, or a function of another
// package whose summary says it ignores the deadline.
func (c *checker) doesIO(u *discovery.Unit) bool {
	switch c.io[u] {
	case 1, 2:
		return false
	case 3:
		return true
	}
	c.io[u] = 1
	info := c.pass.TypesInfo
	found := false
	c.res.Inspect(u, func(n ast.Node, _ []ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if fn, ok := info.Uses[n].(*types.Func); ok {
				if cu := c.res.FuncUnit(fn); cu != nil && cu != u && c.doesIO(cu) {
					found = true
				}
			}
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn == nil || fn.Pkg() == nil {
				return true
			}
			if _, how := c.variant(n, fn, stypeutil.FuncName(fn.Origin())); how != "" {
				found = true
				break
			}
			params := fn.Signature().Params()
			if lambdaapi.IsIOPackage(fn.Pkg().Path()) && params.Len() > 0 && discovery.IsContext(params.At(0).Type()) {
				found = true
				break
			}
			if fn.Pkg() != c.pass.Pkg && c.pass.ImportObjectFact(fn.Origin(), new(summary)) {
				found = true
			}
		}
		return !found
	})
	if found {
		c.io[u] = 3
	} else {
		c.io[u] = 2
	}
	return found
}

// contextAt returns the context available at pos: a parameter of the
// innermost enclosing function literal that has one, or of u itself, that
// is not shadowed at pos.
func (c *checker) contextAt(u *discovery.Unit, stack []ast.Node, pos token.Pos) *ctxSource {
	info := c.pass.TypesInfo
	scope := c.pass.Pkg.Scope().Innermost(pos)
	try := func(ft *ast.FuncType) *ctxSource {
		for _, s := range paramContexts(info, ft) {
			if scope == nil {
				return nil
			}
			if _, obj := scope.LookupParent(s.param.Name(), pos); obj == s.param {
				return &s
			}
		}
		return nil
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if lit, ok := stack[i].(*ast.FuncLit); ok {
			if s := try(lit.Type); s != nil {
				return s
			}
		}
	}
	return try(u.Type)
}

// paramContexts returns the parameters of ft that yield a context:
// context.Context parameters and *http.Request parameters, not named _.
func paramContexts(info *types.Info, ft *ast.FuncType) []ctxSource {
	if ft == nil || ft.Params == nil {
		return nil
	}
	var out []ctxSource
	for _, field := range ft.Params.List {
		for _, id := range field.Names {
			v, ok := info.Defs[id].(*types.Var)
			if !ok || id.Name == "_" {
				continue
			}
			switch {
			case discovery.IsContext(v.Type()):
				out = append(out, ctxSource{v, id.Name})
			case stypeutil.IsPointerToTypeWithName(v.Type(), "net/http.Request"):
				out = append(out, ctxSource{v, id.Name + ".Context()"})
			}
		}
	}
	return out
}

// assignsTo reports whether the call at the top of stack is assigned to v:
// the nil guard `if ctx == nil { ctx = context.Background() }`.
func assignsTo(info *types.Info, stack []ast.Node, v *types.Var) bool {
	if len(stack) < 2 {
		return false
	}
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[id] == v {
			return true
		}
	}
	return false
}

// isInitOrMain reports whether u is a package's init function or the main
// function of a command: code that runs before any invocation.
func isInitOrMain(u *discovery.Unit) bool {
	if u.Func == nil || u.Func.Signature().Recv() != nil {
		return false
	}
	return u.Func.Name() == "init" || u.Func.Name() == "main" && u.Func.Pkg().Name() == "main"
}
