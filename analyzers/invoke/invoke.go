package invoke

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
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

// Analyzer reports handlers that invoke their own function, or another
// function synchronously.
var Analyzer = &analysis.Analyzer{
	Name:      "invoke",
	Doc:       discovery.MustExtractDoc(doc, "invoke"),
	URL:       discovery.DocsURL + "#invoke",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

// summary records the invokes reachable through a function.
type summary struct{ discovery.Summary }

func (*summary) AFact() {}

const (
	msgSelf = "%s invokes the function itself: every invocation starts another, a recursive loop that runs and " +
		"bills until something stops it; invoke a different function, or bound the recursion with a depth counter " +
		"in the payload (or a queue with a retry limit) and keep Lambda's recursive loop detection on Terminate"
	msgSync = "%s waits for the other function's response: both functions run and bill while this one waits, and " +
		"its timeout must cover the other's; use InvocationType Event when the result is not needed, or chain the " +
		"functions with a queue or Step Functions"
	msgStream = "%s waits while the other function streams its response: both functions run and bill, and this " +
		"one's timeout must cover the other's; chain the functions with a queue or Step Functions instead"
)

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, res: res}
	res.Run(pass, discovery.Rule{
		Local:   c.local,
		NewFact: func() discovery.SummaryFact { return new(summary) },
	})
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	res  *discovery.Result
	// values maps each variable of the package to the expressions
	// assigned to it anywhere in the package; a nil entry is a value
	// that cannot be told (a tuple, an increment, a range variable).
	// Writes through a pointer are not seen.
	values map[*types.Var][]ast.Expr
}

// local returns the invokes that u makes itself.
func (c *checker) local(u *discovery.Unit) []discovery.Finding {
	var out []discovery.Finding
	c.res.Inspect(u, func(n ast.Node, _ []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := typeutil.StaticCallee(c.info, call)
		if fn == nil {
			return true
		}
		ic, ok := lambdaapi.InvokeCalls[stypeutil.FuncName(fn.Origin())]
		if !ok || len(call.Args) <= ic.Input {
			return true
		}
		if msg := c.judge(u, ic, call.Args[ic.Input]); msg != "" {
			out = append(out, discovery.Finding{
				Pos:     call.Fun.Pos(),
				End:     call.Fun.End(),
				Leaf:    ic.Short,
				Message: fmt.Sprintf(msg, ic.Short),
			})
		}
		return true
	})
	return out
}

// judge returns the message format for an invoke whose input is arg, or ""
// when the invoke is fine or cannot be told.
func (c *checker) judge(u *discovery.Unit, ic lambdaapi.InvokeCall, arg ast.Expr) string {
	lit := c.inputLiteral(u, arg)
	if lit == nil {
		return ""
	}
	fields := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return ""
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			return ""
		}
		fields[key.Name] = kv.Value
	}
	invocation := lambdaapi.InvocationRequestResponse
	if ic.Kind == lambdaapi.InvokeQueued {
		invocation = lambdaapi.InvocationEvent
	} else if v, ok := fields["InvocationType"]; ok && !c.info.Types[v].IsNil() {
		s, ok := c.constString(v)
		if !ok {
			invocation = "" // not a constant: cannot be told
		} else {
			invocation = s
		}
	}
	if invocation == lambdaapi.InvocationDryRun {
		return "" // checks permissions and parameters, runs nothing
	}
	if name, ok := fields["FunctionName"]; ok && c.ownName(name, true) {
		return msgSelf
	}
	if invocation != lambdaapi.InvocationRequestResponse {
		return ""
	}
	if ic.Kind == lambdaapi.InvokeStream {
		return msgStream
	}
	return msgSync
}

// inputLiteral returns the composite literal that the invoke input arg
// denotes: &T{...} in the call, or a local variable of u bound once to
// &T{...} (or to T{...} and passed as &v) whose fields are only read
// afterwards. It returns nil when the input cannot be traced.
func (c *checker) inputLiteral(u *discovery.Unit, arg ast.Expr) *ast.CompositeLit {
	arg = ast.Unparen(arg)
	var id *ast.Ident
	addr := false
	switch x := arg.(type) {
	case *ast.UnaryExpr:
		if x.Op != token.AND {
			return nil
		}
		switch y := ast.Unparen(x.X).(type) {
		case *ast.CompositeLit:
			return y
		case *ast.Ident:
			id, addr = y, true
		default:
			return nil
		}
	case *ast.Ident:
		id = x
	default:
		return nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg || discovery.IsPackageLevel(v) || !discovery.Within(v.Pos(), u.Body) {
		return nil
	}
	vals := c.valuesOf(v)
	if len(vals) != 1 || vals[0] == nil {
		return nil
	}
	val := ast.Unparen(vals[0])
	if !addr {
		u, ok := val.(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			return nil
		}
		val = ast.Unparen(u.X)
	}
	lit, ok := val.(*ast.CompositeLit)
	if !ok || !c.onlyRead(u, v, id) {
		return nil
	}
	return lit
}

// onlyRead reports whether every use of v in u, other than arg, reads a
// field of it: nothing sets a field, calls a method (the SDK v1 setters),
// takes its address or hands it on.
func (c *checker) onlyRead(u *discovery.Unit, v *types.Var, arg *ast.Ident) bool {
	ok := true
	var stack []ast.Node
	ast.Inspect(u.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, isID := n.(*ast.Ident)
		if !isID || id == arg || c.info.Uses[id] != v {
			return ok
		}
		if !c.fieldRead(id, stack) {
			ok = false
		}
		return ok
	})
	return ok
}

// fieldRead reports whether the identifier id, at the top of stack, is the
// operand of a field selection whose value is only read.
func (c *checker) fieldRead(id *ast.Ident, stack []ast.Node) bool {
	i := len(stack) - 2
	for i >= 0 {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			break
		}
		i--
	}
	if i < 0 {
		return false
	}
	sel, ok := stack[i].(*ast.SelectorExpr)
	if !ok || ast.Unparen(sel.X) != id {
		return false
	}
	if s := c.info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
		return false
	}
	if i == 0 {
		return true
	}
	switch p := stack[i-1].(type) {
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == sel {
				return false
			}
		}
	case *ast.UnaryExpr:
		return p.Op != token.AND
	case *ast.IncDecStmt:
		return false
	case *ast.SelectorExpr:
		return false // in.Field.X: a nested value, possibly changed
	case *ast.IndexExpr:
		return false
	}
	return true
}

// ownName reports whether e is the name or ARN of the function that runs
// the process: os.Getenv("AWS_LAMBDA_FUNCTION_NAME"), lambdacontext.FunctionName,
// the InvokedFunctionArn of a lambdacontext.LambdaContext, aws.String of one
// of these, or (when follow is set) a variable assigned only from them.
func (c *checker) ownName(e ast.Expr, follow bool) bool {
	e = c.pointee(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(c.info, x)
		if fn == nil || !lambdaapi.EnvReads[stypeutil.FuncName(fn)] || len(x.Args) == 0 {
			return false
		}
		s, ok := c.constString(x.Args[0])
		return ok && s == lambdaapi.FunctionNameEnv
	case *ast.SelectorExpr:
		if sel := c.info.Selections[x]; sel != nil {
			if sel.Kind() != types.FieldVal {
				return false
			}
			return lambdaapi.OwnNameFields[typeName(sel.Recv())+"."+x.Sel.Name]
		}
		return c.ownNameVar(x.Sel, follow)
	case *ast.Ident:
		return c.ownNameVar(x, follow)
	}
	return false
}

func (c *checker) ownNameVar(id *ast.Ident, follow bool) bool {
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil {
		return false
	}
	if lambdaapi.OwnNameVars[v.Pkg().Path()+"."+v.Name()] {
		return true
	}
	if !follow || v.Pkg() != c.pass.Pkg {
		return false
	}
	vals := c.valuesOf(v)
	if len(vals) == 0 {
		return false
	}
	for _, val := range vals {
		if val == nil || !c.ownName(val, false) {
			return false
		}
	}
	return true
}

// pointee strips parentheses, the SDKs' aws.String and the address
// operator: the string that a *string field points to.
func (c *checker) pointee(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if fn := typeutil.StaticCallee(c.info, call); fn != nil && lambdaapi.StringPointers[stypeutil.FuncName(fn)] {
			return ast.Unparen(call.Args[0])
		}
	}
	return e
}

// constString returns the string constant that e (or aws.String(e)) is.
func (c *checker) constString(e ast.Expr) (string, bool) {
	tv := c.info.Types[c.pointee(e)]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// typeName returns "pkg/path.Name" for a named type or a pointer to one.
func typeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// valuesOf returns the expressions assigned to v anywhere in the package.
func (c *checker) valuesOf(v *types.Var) []ast.Expr {
	if c.values == nil {
		c.values = make(map[*types.Var][]ast.Expr)
		for _, f := range c.pass.Files {
			ast.Inspect(f, c.collect)
		}
	}
	return c.values[v]
}

// collect records the assignments that n makes.
func (c *checker) collect(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		switch {
		case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
			for _, lhs := range n.Lhs {
				c.bind(lhs, nil) // x += y
			}
		case len(n.Lhs) == len(n.Rhs):
			for i, lhs := range n.Lhs {
				c.bind(lhs, n.Rhs[i])
			}
		default:
			for i, lhs := range n.Lhs {
				c.bind(lhs, c.tupleValue(n.Rhs[0], i))
			}
		}
	case *ast.ValueSpec:
		switch {
		case len(n.Names) == len(n.Values):
			for i, name := range n.Names {
				c.bind(name, n.Values[i])
			}
		case len(n.Values) == 1:
			for i, name := range n.Names {
				c.bind(name, c.tupleValue(n.Values[0], i))
			}
		}
	case *ast.IncDecStmt:
		c.bind(n.X, nil)
	case *ast.RangeStmt:
		if n.Key != nil {
			c.bind(n.Key, nil)
		}
		if n.Value != nil {
			c.bind(n.Value, nil)
		}
	}
	return true
}

// tupleValue returns the expression that stands for the i'th result of a
// call: os.LookupEnv's value is the call itself, as far as ownName goes.
func (c *checker) tupleValue(rhs ast.Expr, i int) ast.Expr {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || i != 0 {
		return nil
	}
	if fn := typeutil.StaticCallee(c.info, call); fn != nil && lambdaapi.EnvReads[stypeutil.FuncName(fn)] {
		return call
	}
	return nil
}

// bind records that the variable that lhs denotes (v, or pkg.V) is given
// the value rhs.
func (c *checker) bind(lhs ast.Expr, rhs ast.Expr) {
	var id *ast.Ident
	switch x := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		if c.info.Selections[x] != nil {
			return // a field
		}
		id = x.Sel
	default:
		return
	}
	obj := c.info.Defs[id]
	if obj == nil {
		obj = c.info.Uses[id]
	}
	if v, ok := obj.(*types.Var); ok && !v.IsField() {
		c.values[v] = append(c.values[v], rhs)
	}
}
