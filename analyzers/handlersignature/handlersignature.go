package handlersignature

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports handlers that aws-lambda-go rejects on every invocation.
var Analyzer = &analysis.Analyzer{
	Name:     "handlersignature",
	Doc:      discovery.MustExtractDoc(doc, "handlersignature"),
	URL:      discovery.DocsURL + "#handlersignature",
	Requires: []*analysis.Analyzer{discovery.Analyzer},
	Run:      run,
}

const (
	// msgInvalid follows the error of aws-lambda-go's validation.
	msgInvalid = "%s: aws-lambda-go accepts the handler at %s and then fails every invocation with this error; %s"
	msgEvent   = "handler event type %s cannot be decoded from JSON: aws-lambda-go fails every invocation with %q " +
		"before the handler runs; take a struct, a map with string keys or json.RawMessage"
	msgConcreteErr = "handler's error result has the concrete type %s: aws-lambda-go accepts it at %s, but turns " +
		"every value of it%s into a non-nil error, so every invocation fails; declare the result as error"
	msgResult = "handler result type %s cannot be encoded to JSON%s: every invocation that returns one%s fails with %q " +
		"after the handler has run; %s"
)

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	// The rule looks at start calls only and exports no facts.
	if res.Skip() || len(res.StartCalls) == 0 {
		return nil, nil
	}
	c := newChecker(pass)
	for _, sc := range res.StartCalls {
		for _, d := range c.startCall(sc) {
			res.Report(pass, d)
		}
	}
	return nil, nil
}

// A checker judges the handler arguments of a package's start calls.
type checker struct {
	pass *analysis.Pass
	qual types.Qualifier

	ctx     types.Type       // context.Context, nil when not in the import graph
	handler *types.Interface // lambda.Handler, nil when not in the import graph

	errorType                    types.Type
	marshaler, textMarshaler     *types.Interface
	unmarshaler, textUnmarshaler *types.Interface
	reader                       *types.Interface
}

func newChecker(pass *analysis.Pass) *checker {
	c := &checker{pass: pass}
	c.qual = func(p *types.Package) string {
		if p == pass.Pkg {
			return ""
		}
		return p.Name()
	}
	c.errorType = types.Universe.Lookup("error").Type()
	bytes := types.NewSlice(types.Typ[types.Byte])
	c.marshaler = method("MarshalJSON", nil, []types.Type{bytes, c.errorType})
	c.textMarshaler = method("MarshalText", nil, []types.Type{bytes, c.errorType})
	c.unmarshaler = method("UnmarshalJSON", []types.Type{bytes}, []types.Type{c.errorType})
	c.textUnmarshaler = method("UnmarshalText", []types.Type{bytes}, []types.Type{c.errorType})
	c.reader = method("Read", []types.Type{bytes}, []types.Type{types.Typ[types.Int], c.errorType})
	c.ctx = lookupType(pass.Pkg, "context", "Context")
	if t := lookupType(pass.Pkg, lambdaapi.LambdaPkg, "Handler"); t != nil {
		c.handler, _ = t.Underlying().(*types.Interface)
	}
	return c
}

// method returns the interface of the one method name(params) results.
func method(name string, params, results []types.Type) *types.Interface {
	tuple := func(ts []types.Type) *types.Tuple {
		vars := make([]*types.Var, len(ts))
		for i, t := range ts {
			vars[i] = types.NewParam(token.NoPos, nil, "", t)
		}
		return types.NewTuple(vars...)
	}
	sig := types.NewSignatureType(nil, nil, nil, tuple(params), tuple(results), false)
	return types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, name, sig)}, nil).Complete()
}

// lookupType finds the type path.name in the import graph of pkg.
func lookupType(pkg *types.Package, path, name string) types.Type {
	seen := map[*types.Package]bool{pkg: true}
	queue := []*types.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.Path() == path {
			if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
				return tn.Type()
			}
			return nil
		}
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				queue = append(queue, imp)
			}
		}
	}
	return nil
}

// startCall checks the handler argument of one start call.
func (c *checker) startCall(sc discovery.StartCall) []analysis.Diagnostic {
	if sc.Start.Kind != lambdaapi.FuncHandler {
		return nil
	}
	fn, _ := typeutil.Callee(c.pass.TypesInfo, sc.Call).(*types.Func)
	if fn == nil {
		return nil
	}
	// Only the runtime's own start calls: a helper of the user's that
	// takes the handler as any may adapt it before lambda.Start.
	if _, ok := lambdaapi.LookupStart(fn); !ok {
		return nil
	}
	params := fn.Origin().Signature().Params()
	if sc.Start.Arg >= len(sc.Call.Args) || sc.Start.Arg >= params.Len() {
		return nil
	}
	// A parameter of a concrete type (cfn.LambdaWrap's
	// CustomResourceFunction) is checked by the compiler, and its result is
	// the handler; an interface{} or type parameter (lambda.Start,
	// StartHandlerFunc's H) is what the runtime checks by reflection.
	if pt := params.At(sc.Start.Arg).Type(); !types.IsInterface(pt) && !isTypeParam(pt) {
		return nil
	}
	arg := sc.Call.Args[sc.Start.Arg]
	var diags []analysis.Diagnostic
	for _, msg := range c.check(c.pass.TypesInfo.TypeOf(arg), sc.Start.Short) {
		diags = append(diags, analysis.Diagnostic{Pos: arg.Pos(), End: arg.End(), Message: msg})
	}
	return diags
}

// check mirrors aws-lambda-go's reflectHandler on the static type t of a
// handler argument, and returns the findings' messages. A handler that
// fails the validation gets that one finding, as at run time; a valid one
// gets one for each of its event, its error result and its result.
func (c *checker) check(t types.Type, start string) []string {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	invalid := func(err, fix string) []string { return []string{fmt.Sprintf(msgInvalid, err, start, fix)} }
	if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return invalid("handler is nil", "pass the handler function")
	}
	t = types.Default(t)
	if isTypeParam(t) || types.IsInterface(t) {
		return nil // the dynamic type is unknown
	}
	if c.handler == nil || c.ctx == nil {
		return nil // not the aws-lambda-go we know
	}
	if types.Implements(t, c.handler) {
		return nil // the runtime calls Invoke with the raw payload
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return invalid(fmt.Sprintf("handler kind %s is not func", reflectKind(t)), c.kindFix(t))
	}
	takesContext, err, fix := c.takesContext(sig)
	if err != "" {
		return invalid(err, fix)
	}
	if err, fix := c.validateReturns(sig); err != "" {
		return invalid(err, fix)
	}
	var msgs []string
	params := sig.Params()
	if n := params.Len(); n == 2 || n == 1 && !takesContext {
		event := params.At(n - 1).Type()
		if bad := c.undecodable(event); bad != nil {
			msgs = append(msgs, fmt.Sprintf(msgEvent, types.TypeString(event, c.qual),
				"json: cannot unmarshal object into Go value of type "+reflectString(bad)))
		}
	}
	if results := sig.Results(); results.Len() > 0 {
		// reflectHandler returns the last result as the error when
		// "errVal, ok := ....Interface().(error); ok && errVal != nil":
		// a concrete type makes a non-nil error even of a nil pointer.
		last := results.At(results.Len() - 1).Type()
		if !types.IsInterface(last) && !isTypeParam(last) {
			name, even := types.TypeString(last, c.qual), ""
			switch last.Underlying().(type) {
			case *types.Pointer, *types.Map, *types.Slice, *types.Chan, *types.Signature:
				even = ", even a nil " + name + ","
			}
			msgs = append(msgs, fmt.Sprintf(msgConcreteErr, name, start, even))
		}
	}
	// A result that cannot be encoded but is an io.Reader is streamed.
	if results := sig.Results(); results.Len() == 2 && !c.implementsEither(results.At(0).Type(), c.reader, nil) {
		out := results.At(0).Type()
		if p := c.unencodable(out); p != nil {
			at, populated, fix := "", "", "return a type that encoding/json can encode"
			if p.path != "" {
				at = " (" + p.path + ")"
			}
			if p.elem {
				populated = " with a value there"
			}
			if p.field {
				fix = "tag the field json:\"-\", or give it a type that encoding/json can encode"
			}
			msgs = append(msgs, fmt.Sprintf(msgResult, types.TypeString(out, c.qual), at, populated,
				"json: unsupported type: "+reflectString(p.typ), fix))
		}
	}
	return msgs
}

// kindFix is the fix for a handler that is neither a function nor a
// lambda.Handler.
func (c *checker) kindFix(t types.Type) string {
	if _, ok := t.Underlying().(*types.Pointer); !ok && types.Implements(types.NewPointer(t), c.handler) {
		return "pass a pointer (&v): its Invoke method has a pointer receiver"
	}
	if obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, "Invoke"); isFunc(obj) {
		return "give Invoke the signature of lambda.Handler, Invoke(context.Context, []byte) ([]byte, error)"
	}
	return "pass a function, or a value with lambda.Handler's Invoke(context.Context, []byte) ([]byte, error)"
}

// takesContext mirrors handlerTakesContext: it reports whether the handler
// takes a context.Context first, or the validation error and its fix.
func (c *checker) takesContext(sig *types.Signature) (takes bool, err, fix string) {
	params := sig.Params()
	switch params.Len() {
	case 0:
		return false, "", ""
	case 1:
		arg := params.At(0).Type()
		if isTypeParam(arg) {
			return false, "", "" // unknown; silent
		}
		iface, ok := arg.Underlying().(*types.Interface)
		if !ok || iface.NumMethods() == 0 {
			return false, "", "" // an event; func(event any) is valid
		}
		if !c.isContext(arg) {
			return false, fmt.Sprintf("handler takes an interface, but it is not context.Context: %q", reflectName(arg)),
				"take context.Context, or a concrete event type"
		}
		return true, "", ""
	case 2:
		arg := params.At(0).Type()
		if isTypeParam(arg) {
			return false, "", ""
		}
		if !types.IsInterface(arg) || !c.isContext(arg) {
			return false, fmt.Sprintf("handler takes two arguments, but the first is not Context. got %s", reflectKind(arg)),
				"make context.Context the first parameter and the event the second"
		}
		return true, "", ""
	}
	return false, fmt.Sprintf("handlers may not take more than two arguments, but handler takes %d", params.Len()),
		"take (context.Context, event) and pass anything else in the event or through a closure"
}

// isContext reports whether the interface type t has the method set of
// context.Context: the runtime checks that each implements the other.
func (c *checker) isContext(t types.Type) bool {
	return types.Implements(c.ctx, t.Underlying().(*types.Interface)) && types.Implements(t, c.ctx.Underlying().(*types.Interface))
}

// validateReturns mirrors aws-lambda-go's validateReturns.
func (c *checker) validateReturns(sig *types.Signature) (err, fix string) {
	results := sig.Results()
	implementsError := func(t types.Type) bool {
		return isTypeParam(t) || types.Implements(t, c.errorType.Underlying().(*types.Interface))
	}
	switch n := results.Len(); {
	case n > 2:
		return "handler may not return more than two values", "return (T, error) with the values in one struct"
	case n > 1:
		if !implementsError(results.At(1).Type()) {
			return "handler returns two values, but the second does not implement error", "return (T, error)"
		}
	case n == 1:
		if !implementsError(results.At(0).Type()) {
			return "handler returns a single value, but it does not implement error", "return (T, error), or only error"
		}
	}
	return "", ""
}

// implementsEither reports whether t or *t implements a or b (b may be nil).
func (c *checker) implementsEither(t types.Type, a, b *types.Interface) bool {
	impl := func(t types.Type) bool {
		return types.Implements(t, a) || b != nil && types.Implements(t, b)
	}
	if impl(t) {
		return true
	}
	if _, ok := t.Underlying().(*types.Pointer); ok || types.IsInterface(t) {
		return false
	}
	return impl(types.NewPointer(t))
}

func isFunc(obj types.Object) bool {
	_, ok := obj.(*types.Func)
	return ok
}

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// reflectKind is the name reflect.Kind.String gives t's kind.
func reflectKind(t types.Type) string {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return "unsafe.Pointer"
		}
		return types.Typ[u.Kind()].Name()
	case *types.Pointer:
		return "ptr"
	case *types.Slice:
		return "slice"
	case *types.Array:
		return "array"
	case *types.Map:
		return "map"
	case *types.Chan:
		return "chan"
	case *types.Struct:
		return "struct"
	case *types.Signature:
		return "func"
	case *types.Interface:
		return "interface"
	}
	return "invalid"
}

// reflectName is the name reflect.Type.Name gives t: the name of a defined
// type, or "".
func reflectName(t types.Type) string {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}
