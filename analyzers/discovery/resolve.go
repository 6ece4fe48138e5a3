package discovery

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// maxDepth bounds how far a handler expression is followed through
// variables, wrappers and helper functions.
const maxDepth = 8

type argUse struct {
	call *ast.CallExpr
	idx  int
}

type paramInfo struct {
	fn  *types.Func
	idx int
}

// discoverer holds the per-package indexes that handler resolution uses.
type discoverer struct {
	pass *analysis.Pass
	in   *inspector.Inspector
	r    *Result

	calls     []*ast.CallExpr                   // every call, in source order
	assigns   map[types.Object][]ast.Expr       // values assigned to variables
	resultOf  map[types.Object]*ast.CallExpr    // v, err := call()
	recvCalls map[types.Object][]*ast.CallExpr  // v.M(...) with v a variable
	derived   map[types.Object][]types.Object   // w := v.Group(...)
	argUses   map[types.Object][]argUse         // f(v) with f declared here
	params    map[*types.Var]paramInfo          // parameters of declared functions
	starters  map[*types.Func][]StarterParam    // local functions that start handlers
	seen      map[any]bool                      // entries already added
	routers   map[types.Object]bool             // routers already scanned
	visiting  map[ast.Expr]bool                 // expressions being resolved
	defMux    bool                              // http.DefaultServeMux scanned
	changed   bool                              // a starter was found this round
	starts    map[*ast.CallExpr]lambdaapi.Start // start calls found so far
}

func newDiscoverer(pass *analysis.Pass, in *inspector.Inspector, r *Result) *discoverer {
	return &discoverer{
		pass:      pass,
		in:        in,
		r:         r,
		assigns:   make(map[types.Object][]ast.Expr),
		resultOf:  make(map[types.Object]*ast.CallExpr),
		recvCalls: make(map[types.Object][]*ast.CallExpr),
		derived:   make(map[types.Object][]types.Object),
		argUses:   make(map[types.Object][]argUse),
		params:    make(map[*types.Var]paramInfo),
		starters:  make(map[*types.Func][]StarterParam),
		seen:      make(map[any]bool),
		routers:   make(map[types.Object]bool),
		visiting:  make(map[ast.Expr]bool),
		starts:    make(map[*ast.CallExpr]lambdaapi.Start),
	}
}

func (d *discoverer) info() *types.Info { return d.pass.TypesInfo }

// index records, in one walk, what handler resolution needs to know about
// variables, calls and parameters.
func (d *discoverer) index() {
	info := d.info()
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.FuncDecl)(nil)}
	d.in.Preorder(filter, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.FuncDecl:
			fn, _ := info.Defs[n.Name].(*types.Func)
			if fn == nil {
				return
			}
			params := fn.Signature().Params()
			for i := range params.Len() {
				d.params[params.At(i)] = paramInfo{fn, i}
			}
		case *ast.AssignStmt:
			d.indexAssign(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			d.indexAssign(lhs, n.Values)
		case *ast.CallExpr:
			d.calls = append(d.calls, n)
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						d.recvCalls[v] = append(d.recvCalls[v], n)
					}
				}
			}
			if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && d.r.FuncUnit(fn) != nil {
				for i, a := range n.Args {
					if id, ok := ast.Unparen(a).(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok {
							d.argUses[v] = append(d.argUses[v], argUse{n, i})
						}
					}
				}
			}
		}
	})
}

func (d *discoverer) indexAssign(lhs, rhs []ast.Expr) {
	info := d.info()
	objOf := func(e ast.Expr) types.Object {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil
		}
		if obj := info.Defs[id]; obj != nil {
			return obj
		}
		return info.Uses[id]
	}
	if len(lhs) == len(rhs) {
		for i, l := range lhs {
			obj := objOf(l)
			if obj == nil {
				continue
			}
			d.assigns[obj] = append(d.assigns[obj], rhs[i])
			if root := rootVar(info, rhs[i]); root != nil && root != obj {
				if _, isCall := ast.Unparen(rhs[i]).(*ast.CallExpr); isCall {
					d.derived[root] = append(d.derived[root], obj)
				}
			}
		}
		return
	}
	if len(rhs) == 1 {
		if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok {
			for _, l := range lhs {
				if obj := objOf(l); obj != nil {
					d.resultOf[obj] = call
				}
			}
		}
	}
}

// rootVar returns the variable at the root of a call or selector chain such
// as v.PathPrefix("/x").Subrouter(), or nil.
func rootVar(info *types.Info, e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			e = x.Fun
		case *ast.SelectorExpr:
			e = x.X
		case *ast.Ident:
			if v, ok := info.Uses[x].(*types.Var); ok {
				return v
			}
			return nil
		default:
			return nil
		}
	}
}

func (d *discoverer) discover() {
	d.index()
	d.directives()
	// Starters found in one round make their callers start calls in the
	// next; a handful of rounds covers any realistic chain of helpers.
	for round := 0; round < maxDepth; round++ {
		d.changed = false
		for _, call := range d.calls {
			d.startCall(call)
		}
		if !d.changed {
			break
		}
	}
	for _, call := range d.calls {
		if s, ok := d.starts[call]; ok {
			d.r.StartCalls = append(d.r.StartCalls, StartCall{Call: call, Start: s})
		}
	}
	slices.SortStableFunc(d.r.Entries, func(a, b *Entry) int { return int(a.Pos - b.Pos) })
	for fn, ps := range d.starters {
		if fn.Pkg() == d.pass.Pkg {
			d.pass.ExportObjectFact(fn, &StarterFact{Params: ps})
		}
	}
}

// directives adds functions marked //lambdalint:handler, and those named by
// -lambdahandlers.entries.
func (d *discoverer) directives() {
	for _, u := range d.r.Units {
		decl, ok := u.Node.(*ast.FuncDecl)
		if !ok {
			continue
		}
		via := ""
		if u.Func != nil && entries.Contains(stypeutil.FuncName(u.Func)) {
			via = "-lambdahandlers.entries"
		}
		if decl.Doc != nil {
			for _, c := range decl.Doc.List {
				if c.Text == Directive || strings.HasPrefix(c.Text, Directive+" ") {
					via = Directive
				}
			}
		}
		if via != "" {
			kind := lambdaapi.FuncHandler
			if isHTTPHandlerFunc(u.Func) {
				kind = lambdaapi.HTTPHandler
			}
			d.addUnit(u, kind, via, decl.Name.Pos())
		}
	}
}

// startCall resolves the handler argument of call if call starts a handler.
func (d *discoverer) startCall(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(d.info(), call).(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	var params []StarterParam
	if s, ok := lambdaapi.LookupStart(fn); ok {
		params = []StarterParam{{Index: s.Arg, Kind: s.Kind, Via: s.Short}}
		d.starts[call] = s
	} else if ps, ok := d.starters[fn]; ok {
		params = ps
	} else if fn.Pkg() != d.pass.Pkg {
		var fact StarterFact
		if d.pass.ImportObjectFact(fn, &fact) {
			params = fact.Params
		}
	}
	if _, ok := d.starts[call]; !ok && len(params) > 0 {
		d.starts[call] = lambdaapi.Start{Arg: params[0].Index, Kind: params[0].Kind, Short: FuncName(fn, d.pass.Pkg)}
	}
	for _, p := range params {
		if p.Index < len(call.Args) {
			d.resolve(call.Args[p.Index], p.Kind, p.Via, call.Args[p.Index].Pos(), 0)
		}
	}
}

// resolve finds the handler code that the expression e denotes.
func (d *discoverer) resolve(e ast.Expr, k lambdaapi.ArgKind, via string, pos token.Pos, depth int) {
	if e == nil || depth > maxDepth {
		return
	}
	e = ast.Unparen(e)
	if d.visiting[e] {
		return
	}
	d.visiting[e] = true
	defer delete(d.visiting, e)
	info := d.info()

	switch x := e.(type) {
	case *ast.FuncLit:
		d.addLit(x, k, via, pos)
		return
	case *ast.CallExpr:
		d.resolveCall(x, k, via, pos, depth)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			d.resolve(x.X, k, via, pos, depth+1)
			return
		}
	case *ast.IndexExpr:
		if isFuncType(info.TypeOf(x)) && isFuncType(info.TypeOf(x.X)) {
			d.resolve(x.X, k, via, pos, depth+1) // generic instantiation
			return
		}
	case *ast.IndexListExpr:
		d.resolve(x.X, k, via, pos, depth+1)
		return
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := x.(*ast.Ident); ok {
			obj = info.Uses[id]
		} else {
			obj = info.Uses[x.(*ast.SelectorExpr).Sel]
		}
		switch o := obj.(type) {
		case *types.Func:
			d.addFunc(o, k, via, pos)
			return
		case *types.Nil:
			if k == lambdaapi.HTTPHandler {
				d.defaultMux(via, pos, depth)
			}
			return
		case *types.Var:
			if isDefaultServeMux(o) {
				d.defaultMux(via, pos, depth)
				return
			}
			if p, ok := d.params[o]; ok {
				d.addStarter(p, k, via)
				return
			}
			if !o.IsField() {
				if k == lambdaapi.HTTPHandler {
					d.routes(o, via, pos, depth)
				}
				for _, v := range d.assigns[o] {
					d.resolve(v, k, via, pos, depth+1)
				}
				if c := d.resultOf[o]; c != nil {
					d.resolveCall(c, k, via, pos, depth+1)
				}
			}
		}
	}
	d.resolveByType(e, k, via, pos)
}

// resolveCall handles a call whose result is a handler: a conversion
// (http.HandlerFunc(f)), a wrapper (otellambda.InstrumentHandler(h),
// middleware(mux)) or a helper of this package that returns the handler.
func (d *discoverer) resolveCall(call *ast.CallExpr, k lambdaapi.ArgKind, via string, pos token.Pos, depth int) {
	info := d.info()
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			d.resolve(call.Args[0], k, via, pos, depth+1)
		}
		return
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil {
		if _, ok := lambdaapi.LookupStart(fn.Origin()); ok {
			return // a start call of its own (lambda.NewHandler(h)): resolved there
		}
		if u := d.r.FuncUnit(fn); u != nil {
			d.returns(u, k, via, pos, depth)
		}
	}
	for _, a := range call.Args {
		if d.handlerish(info.TypeOf(a), k) {
			d.resolve(a, k, via, pos, depth+1)
		}
	}
}

// returns resolves the results returned by the function body of u.
func (d *discoverer) returns(u *Unit, k lambdaapi.ArgKind, via string, pos token.Pos, depth int) {
	ast.Inspect(u.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, res := range n.Results {
				if d.handlerish(d.info().TypeOf(res), k) {
					d.resolve(res, k, via, pos, depth+1)
				}
			}
		}
		return true
	})
}

// routes adds the handlers registered on the router variable v: every
// function or http.Handler given to a method called on v, on routers
// derived from it (v.Group("/api")), and on parameters it is passed to.
func (d *discoverer) routes(v types.Object, via string, pos token.Pos, depth int) {
	if d.routers[v] || depth > maxDepth {
		return
	}
	d.routers[v] = true
	info := d.info()
	for _, call := range d.recvCalls[v] {
		for _, a := range call.Args {
			if d.handlerish(info.TypeOf(a), lambdaapi.HTTPHandler) {
				d.resolve(a, lambdaapi.HTTPHandler, via, pos, depth+1)
			}
		}
	}
	for _, w := range d.derived[v] {
		d.routes(w, via, pos, depth+1)
	}
	for _, use := range d.argUses[v] {
		fn, _ := typeutil.Callee(info, use.call).(*types.Func)
		if fn == nil {
			continue
		}
		params := fn.Origin().Signature().Params()
		if use.idx < params.Len() {
			d.routes(params.At(use.idx), via, pos, depth+1)
		}
	}
}

// defaultMux adds the handlers registered with http.Handle and
// http.HandleFunc.
func (d *discoverer) defaultMux(via string, pos token.Pos, depth int) {
	if d.defMux {
		return
	}
	d.defMux = true
	for _, call := range d.calls {
		fn, ok := typeutil.Callee(d.info(), call).(*types.Func)
		if !ok || !lambdaapi.DefaultMuxRegistrations[fullName(fn)] || len(call.Args) != 2 {
			continue
		}
		d.resolve(call.Args[1], lambdaapi.HTTPHandler, via, pos, depth+1)
	}
}

// resolveByType adds the method that serves a handler value of a concrete
// type: Invoke for lambda.Handler, ServeHTTP for http.Handler, Handle for
// apex.Handler.
func (d *discoverer) resolveByType(e ast.Expr, k lambdaapi.ArgKind, via string, pos token.Pos) {
	t := d.info().TypeOf(e)
	if t == nil || types.IsInterface(t) || isFuncType(t) {
		return
	}
	var name string
	switch k {
	case lambdaapi.FuncHandler:
		name = "Invoke"
	case lambdaapi.HTTPHandler:
		if lambdaapi.IsRouter(t) {
			return
		}
		name = "ServeHTTP"
	case lambdaapi.ApexHandler:
		name = "Handle"
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, d.pass.Pkg, name)
	if fn, ok := obj.(*types.Func); ok {
		d.addFunc(fn, k, via, pos)
	}
}

// handlerish reports whether a value of type t can be a handler of kind k.
func (d *discoverer) handlerish(t types.Type, k lambdaapi.ArgKind) bool {
	if t == nil {
		return false
	}
	if isFuncType(t) {
		return true
	}
	switch k {
	case lambdaapi.FuncHandler:
		return hasMethod(t, d.pass.Pkg, "Invoke")
	case lambdaapi.HTTPHandler:
		return lambdaapi.IsRouter(t) || hasMethod(t, d.pass.Pkg, "ServeHTTP")
	case lambdaapi.ApexHandler:
		return hasMethod(t, d.pass.Pkg, "Handle")
	}
	return false
}

func (d *discoverer) addLit(lit *ast.FuncLit, k lambdaapi.ArgKind, via string, pos token.Pos) {
	if d.seen[lit] {
		return
	}
	d.seen[lit] = true
	u := &Unit{Node: lit, Name: "handler literal", Type: lit.Type, Body: lit.Body}
	d.r.Units = append(d.r.Units, u)
	d.r.unitOf[lit] = u
	d.r.entryLit[lit] = true
	d.r.Entries = append(d.r.Entries, &Entry{Unit: u, Name: u.Name, Pos: pos, Kind: k, Start: via})
}

func (d *discoverer) addUnit(u *Unit, k lambdaapi.ArgKind, via string, pos token.Pos) {
	if d.seen[u] {
		return
	}
	d.seen[u] = true
	d.r.Entries = append(d.r.Entries, &Entry{Unit: u, Func: u.Func, Name: u.Name, Pos: pos, Kind: k, Start: via})
}

func (d *discoverer) addFunc(fn *types.Func, k lambdaapi.ArgKind, via string, pos token.Pos) {
	fn = fn.Origin()
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return // dynamic: we cannot know which code runs
	}
	if u := d.r.FuncUnit(fn); u != nil {
		d.addUnit(u, k, via, pos)
		return
	}
	if fn.Pkg() == nil || lambdaapi.IsLambdaRelated(fn.Pkg().Path()) {
		return // the adapters' own plumbing is not the user's handler
	}
	// A handler from the standard library (http.NotFound as a route) is
	// an entry like any other; the rules summarise nothing there.
	if d.seen[fn] {
		return
	}
	d.seen[fn] = true
	d.r.Entries = append(d.r.Entries, &Entry{Func: fn, Name: FuncName(fn, d.pass.Pkg), Pos: pos, Kind: k, Start: via})
}

func (d *discoverer) addStarter(p paramInfo, k lambdaapi.ArgKind, via string) {
	for _, sp := range d.starters[p.fn] {
		if sp.Index == p.idx {
			return
		}
	}
	d.starters[p.fn] = append(d.starters[p.fn], StarterParam{Index: p.idx, Kind: k, Via: via})
	d.changed = true
}

func isFuncType(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

func hasMethod(t types.Type, pkg *types.Package, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	_, ok := obj.(*types.Func)
	return ok
}

func isDefaultServeMux(v *types.Var) bool {
	return v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultServeMux"
}

// isHTTPHandlerFunc reports whether fn has the signature of an
// http.HandlerFunc.
func isHTTPHandlerFunc(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	params := fn.Signature().Params()
	if params.Len() != 2 {
		return false
	}
	return types.TypeString(params.At(0).Type(), nil) == "net/http.ResponseWriter" &&
		types.TypeString(params.At(1).Type(), nil) == "*net/http.Request"
}

// fullName is fn's name as the lambdaapi tables spell it.
func fullName(fn *types.Func) string { return stypeutil.FuncName(fn.Origin()) }
