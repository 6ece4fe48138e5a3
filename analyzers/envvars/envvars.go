package envvars

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
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

// Analyzer reports concurrency-unsafe environment use in handler code and
// changes to the variables Lambda sets.
var Analyzer = &analysis.Analyzer{
	Name:      "envvars",
	Doc:       discovery.MustExtractDoc(doc, "envvars"),
	URL:       discovery.DocsURL + "#envvars",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

// summary records the environment uses reachable through a function.
type summary struct{ discovery.Summary }

func (*summary) AFact() {}

const (
	msgTrace = "%s reads " + lambdaapi.TraceIDEnv + ", which aws-lambda-go sets only while the process runs one " +
		"invocation at a time: under Lambda Managed Instances (AWS_LAMBDA_MAX_CONCURRENCY > 1) it does not hold " +
		"this invocation's trace header; read it from the handler's ctx, ctx.Value(\"" +
		lambdaapi.TraceIDContextKey + "\"), which the runtime sets for every invocation"
	msgWrite = "%s in handler code changes the environment of the whole process: the change leaks into later " +
		"invocations and, under Lambda Managed Instances, into concurrent ones; pass the value explicitly instead"
	msgClear = "%s removes every variable that Lambda sets (AWS_LAMBDA_RUNTIME_API, AWS_REGION, the execution " +
		"role's credentials): lambda.Start and SDK clients configured afterwards fail; unset only variables of " +
		"your own"
)

// reservedMessages are the messages for a write of a reserved variable, by
// what the variable is for: the call and verb ("os.Setenv overrides"), then
// the variable.
var reservedMessages = map[lambdaapi.EnvKind]string{
	lambdaapi.EnvRuntime: "%s %s, which aws-lambda-go reads in lambda.Start to reach the Runtime API: the runtime " +
		"loop fails or talks to the wrong endpoint; leave the variable to Lambda",
	lambdaapi.EnvRegion: "%s %s, the function's region as Lambda sets it: SDK clients configured afterwards call " +
		"another region; pass the region to the client's config instead (config.WithRegion, aws.Config.Region)",
	lambdaapi.EnvCredentials: "%s %s, part of the execution role's credentials that Lambda sets and refreshes: SDK " +
		"clients configured afterwards sign with other credentials; grant the execution role what it needs, or " +
		"give the client a credentials provider of its own",
	lambdaapi.EnvTrace: "%s %s, the trace header the runtime sets for each invocation: tracing libraries then " +
		"attach work to the wrong trace; carry trace context in ctx instead",
	lambdaapi.EnvMetadata: "%s %s, which Lambda sets to describe the function and its environment: lambdacontext, " +
		"the SDKs and logging or tracing libraries then report a value that is not true; keep your own value in " +
		"a variable of your own",
}

var verbs = map[lambdaapi.EnvOp]string{
	lambdaapi.EnvSet:   "overrides",
	lambdaapi.EnvUnset: "removes",
}

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
	if res.HasHandlers() {
		c.reserved()
	}
	return nil, nil
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	res  *discovery.Result
}

// local returns the environment uses in u's own code.
func (c *checker) local(u *discovery.Unit) []discovery.Finding {
	if c.inTest(u.Node) {
		return nil // tests set the environment the way Lambda would
	}
	var out []discovery.Finding
	readsCtx := false // u reads the trace header from a ctx
	var traceReads []discovery.Finding
	c.res.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(c.info, call).(*types.Func) // ctx.Value is an interface method
		if fn == nil {
			return true
		}
		name := stypeutil.FuncName(fn.Origin())
		if name == "(context.Context).Value" && len(call.Args) == 1 {
			if key, ok := c.constString(call.Args[0]); ok && key == lambdaapi.TraceIDContextKey {
				readsCtx = true
			}
			return true
		}
		if lambdaapi.EnvReads[name] {
			if key, ok := c.key(call); ok && key == lambdaapi.TraceIDEnv && !c.guarded(stack, c.maxConcurrency) {
				short := fn.Pkg().Name() + "." + fn.Name()
				traceReads = append(traceReads, finding(call, short, fmt.Sprintf(msgTrace, short)))
			}
			return true
		}
		w, ok := lambdaapi.EnvWrites[name]
		if !ok {
			return true
		}
		if w.Op == lambdaapi.EnvClear {
			out = append(out, finding(call, w.Short, fmt.Sprintf(msgClear, w.Short)))
			return true
		}
		key, known := c.key(call)
		if known && c.guarded(stack, func(n ast.Node) bool { return c.readsKey(n, key) }) {
			return true // a default, set when the variable is unset
		}
		if msg, ok := reservedMessage(w, key, known); ok {
			out = append(out, finding(call, w.Short, msg))
		} else {
			out = append(out, finding(call, w.Short, fmt.Sprintf(msgWrite, w.Short)))
		}
		return true
	})
	if !readsCtx {
		// A function that also reads the ctx key uses the variable as
		// a fallback, which is no worse than the ctx.
		out = append(out, traceReads...)
		slices.SortFunc(out, func(a, b discovery.Finding) int { return cmp.Compare(a.Pos, b.Pos) })
	}
	return out
}

func finding(call *ast.CallExpr, leaf, msg string) discovery.Finding {
	return discovery.Finding{Pos: call.Fun.Pos(), End: call.Fun.End(), Leaf: leaf, Message: msg}
}

// reservedMessage returns the message for a write w of the variable key
// when Lambda reserves it.
func reservedMessage(w lambdaapi.EnvWrite, key string, known bool) (string, bool) {
	if !known {
		return "", false
	}
	kind, ok := lambdaapi.ReservedEnv(key)
	if !ok {
		return "", false
	}
	return fmt.Sprintf(reservedMessages[kind], w.Short+" "+verbs[w.Op], key), true
}

// reserved reports, outside handler code, the writes of variables that
// Lambda reserves and the calls that clear the environment.
func (c *checker) reserved() {
	inHandler := make(map[*ast.CallExpr]bool)
	for _, u := range c.res.ReachableUnits() {
		c.res.Inspect(u, func(n ast.Node, _ []ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				inHandler[call] = true
			}
			return true
		})
	}
	for _, f := range c.pass.Files {
		if c.inTest(f) {
			continue
		}
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			call, ok := n.(*ast.CallExpr)
			if !ok || inHandler[call] {
				return true
			}
			fn := typeutil.StaticCallee(c.info, call)
			if fn == nil {
				return true
			}
			w, ok := lambdaapi.EnvWrites[stypeutil.FuncName(fn.Origin())]
			if !ok || c.guarded(stack, c.readsEnv) {
				return true
			}
			var msg string
			if w.Op == lambdaapi.EnvClear {
				msg = fmt.Sprintf(msgClear, w.Short)
			} else {
				key, known := c.key(call)
				if msg, ok = reservedMessage(w, key, known); !ok {
					return true
				}
			}
			c.res.Report(c.pass, analysis.Diagnostic{Pos: call.Fun.Pos(), End: call.Fun.End(), Message: msg})
			return true
		})
	}
}

// inTest reports whether n is in a _test.go file.
func (c *checker) inTest(n ast.Node) bool {
	return strings.HasSuffix(c.pass.Fset.Position(n.Pos()).Filename, "_test.go")
}

// key returns the variable name that an environment call's first argument
// holds, when it is a constant.
func (c *checker) key(call *ast.CallExpr) (string, bool) {
	if len(call.Args) == 0 {
		return "", false
	}
	return c.constString(call.Args[0])
}

func (c *checker) constString(e ast.Expr) (string, bool) {
	tv := c.info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// readsEnv reports whether n reads the environment: a call of os.Getenv and
// the like, or a variable of lambdacontext, which holds what it read.
func (c *checker) readsEnv(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(c.info, n)
		return fn != nil && lambdaapi.EnvReads[stypeutil.FuncName(fn)]
	case *ast.Ident:
		v, ok := c.info.Uses[n].(*types.Var)
		return ok && discovery.IsPackageLevel(v) && v.Pkg().Path() == lambdaapi.LambdaContextPkg
	}
	return false
}

// readsKey reports whether n is a call that reads the variable key.
func (c *checker) readsKey(n ast.Node, key string) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok || !c.readsEnv(call) {
		return false
	}
	k, ok := c.key(call)
	return ok && k == key
}

// maxConcurrency reports whether n calls lambdacontext.MaxConcurrency.
func (c *checker) maxConcurrency(n ast.Node) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typeutil.StaticCallee(c.info, call)
	return fn != nil && stypeutil.FuncName(fn) == lambdaapi.MaxConcurrency
}

// guarded reports whether the node at the top of stack runs only under a
// condition that mentions what pred matches: it is in the body of an if, or
// a case of a switch, whose condition does, or it follows, in the same or an
// enclosing block, an if whose condition does and whose body leaves the
// function (a return, a panic, a start call that never returns).
func (c *checker) guarded(stack []ast.Node, pred func(ast.Node) bool) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		child := stack[i+1]
		switch p := stack[i].(type) {
		case *ast.IfStmt:
			if child != p.Init && child != p.Cond && (c.mentions(p.Init, pred) || c.mentions(p.Cond, pred)) {
				return true
			}
		case *ast.SwitchStmt:
			if child == p.Body && (c.mentions(p.Init, pred) || c.mentions(p.Tag, pred)) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range p.List {
				if e != child && c.mentions(e, pred) {
					return true
				}
			}
		}
		list, ok := discovery.StmtList(stack[i])
		if !ok {
			continue
		}
		for _, s := range list {
			if s == child {
				break
			}
			if ifs, ok := s.(*ast.IfStmt); ok && c.leaves(ifs.Body) &&
				(c.mentions(ifs.Init, pred) || c.mentions(ifs.Cond, pred)) {
				return true
			}
		}
	}
	return false
}

// leaves reports whether block ends the flow of the statements after it: a
// return, branch or panic, or a start call that never returns.
func (c *checker) leaves(block *ast.BlockStmt) bool {
	if discovery.EndsFlow(c.info, block) {
		return true
	}
	if len(block.List) == 0 {
		return false
	}
	es, ok := block.List[len(block.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	s, ok := lambdaapi.LookupStart(typeutil.StaticCallee(c.info, call))
	return ok && s.NeverReturns
}

// mentions reports whether pred matches a node of n, or of the value a
// local variable used in n is defined with.
func (c *checker) mentions(n ast.Node, pred func(ast.Node) bool) bool {
	if n == nil {
		return false
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		if pred(m) {
			found = true
			return false
		}
		if id, ok := m.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && !discovery.IsPackageLevel(v) && !v.IsField() {
				if def := c.definition(v); def != nil && c.mentionsDirect(def, pred) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// mentionsDirect is mentions without following variables.
func (c *checker) mentionsDirect(n ast.Node, pred func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		found = found || pred(m)
		return !found
	})
	return found
}

// definition returns the expression a local variable is defined with
// (v := e, var v = e), or nil.
func (c *checker) definition(v *types.Var) ast.Expr {
	for _, f := range c.pass.Files {
		if f.Pos() > v.Pos() || v.Pos() >= f.End() {
			continue
		}
		path, _ := astutil.PathEnclosingInterval(f, v.Pos(), v.Pos())
		for _, n := range path {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
					return nil
				}
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && c.info.Defs[id] == v {
						return n.Rhs[i]
					}
				}
				return nil
			case *ast.ValueSpec:
				if len(n.Names) != len(n.Values) {
					return nil
				}
				for i, id := range n.Names {
					if c.info.Defs[id] == v {
						return n.Values[i]
					}
				}
				return nil
			case ast.Stmt, ast.Decl:
				return nil
			}
		}
	}
	return nil
}
