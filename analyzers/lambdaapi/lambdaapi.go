// Package lambdaapi is the one table of Lambda and AWS APIs that lambdalint
// knows: the calls that start a Lambda handler, the HTTP adapters, the
// constructors that are expensive to run on every invocation, and the APIs
// that have a context-taking variant.
//
// Functions are named the way honnef.co/go/tools/go/types/typeutil.FuncName
// prints them: "path/to/pkg.Func" for functions and "(*path/to/pkg.T).M" for
// methods. Every rule and the shared handler discovery read this table; no
// rule keeps a private list.
package lambdaapi

import (
	"go/types"
	"strings"

	"honnef.co/go/tools/go/types/typeutil"
)

// ArgKind says what a start call's handler argument is.
type ArgKind int

const (
	// FuncHandler is an aws-lambda-go handler: a function, or a value
	// implementing lambda.Handler.
	FuncHandler ArgKind = iota
	// HTTPHandler is an http.Handler (or a router) served through an
	// adapter: the routes registered on it are the Lambda handlers.
	HTTPHandler
	// ApexHandler is an apex/go-apex handler: a func(json.RawMessage,
	// *apex.Context) or a value with such a Handle method.
	ApexHandler
)

// Start describes a call that turns its argument into a Lambda handler.
type Start struct {
	Arg  int     // index of the handler argument
	Kind ArgKind // what the argument is
	// NeverReturns is set for calls that block for the life of the
	// process (lambda.Start and friends).
	NeverReturns bool
	// Name as written in diagnostics, e.g. "lambda.Start".
	Short string
}

const (
	LambdaPkg    = "github.com/aws/aws-lambda-go/lambda"
	LambdaURLPkg = "github.com/aws/aws-lambda-go/lambdaurl"
	CfnPkg       = "github.com/aws/aws-lambda-go/cfn"
	APIProxyPkg  = "github.com/awslabs/aws-lambda-go-api-proxy/"
	AlgnhsaPkg   = "github.com/akrylysov/algnhsa"
	GatewayPkg   = "github.com/apex/gateway"
	GatewayV2Pkg = "github.com/apex/gateway/v2"
	ApexPkg      = "github.com/apex/go-apex"
)

// starts lists the start calls by full function name.
var starts = map[string]Start{
	LambdaPkg + ".Start":                   {0, FuncHandler, true, "lambda.Start"},
	LambdaPkg + ".StartWithOptions":        {0, FuncHandler, true, "lambda.StartWithOptions"},
	LambdaPkg + ".StartWithContext":        {1, FuncHandler, true, "lambda.StartWithContext"},
	LambdaPkg + ".StartHandler":            {0, FuncHandler, true, "lambda.StartHandler"},
	LambdaPkg + ".StartHandlerWithContext": {1, FuncHandler, true, "lambda.StartHandlerWithContext"},
	LambdaPkg + ".StartHandlerFunc":        {0, FuncHandler, true, "lambda.StartHandlerFunc"},
	LambdaPkg + ".NewHandler":              {0, FuncHandler, false, "lambda.NewHandler"},
	LambdaPkg + ".NewHandlerWithOptions":   {0, FuncHandler, false, "lambda.NewHandlerWithOptions"},
	LambdaURLPkg + ".Start":                {0, HTTPHandler, true, "lambdaurl.Start"},
	LambdaURLPkg + ".Wrap":                 {0, HTTPHandler, false, "lambdaurl.Wrap"},
	CfnPkg + ".LambdaWrap":                 {0, FuncHandler, false, "cfn.LambdaWrap"},
	AlgnhsaPkg + ".ListenAndServe":         {0, HTTPHandler, true, "algnhsa.ListenAndServe"},
	AlgnhsaPkg + ".New":                    {0, HTTPHandler, false, "algnhsa.New"},
	GatewayPkg + ".ListenAndServe":         {1, HTTPHandler, true, "gateway.ListenAndServe"},
	GatewayPkg + ".NewGateway":             {0, HTTPHandler, false, "gateway.NewGateway"},
	GatewayV2Pkg + ".ListenAndServe":       {1, HTTPHandler, true, "gateway.ListenAndServe"},
	GatewayV2Pkg + ".NewGateway":           {0, HTTPHandler, false, "gateway.NewGateway"},
	ApexPkg + ".HandleFunc":                {0, ApexHandler, true, "apex.HandleFunc"},
	ApexPkg + ".Handle":                    {0, ApexHandler, true, "apex.Handle"},
}

// LookupStart reports whether fn is a known start call.
// The awslabs/aws-lambda-go-api-proxy adapters (httpadapter.New,
// gorillamux.NewV2, ginadapter.NewALB, ...) are recognised by package and
// the New prefix: their first argument is the router.
func LookupStart(fn *types.Func) (Start, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Start{}, false
	}
	fn = fn.Origin()
	if s, ok := starts[typeutil.FuncName(fn)]; ok {
		return s, true
	}
	path := fn.Pkg().Path()
	if strings.HasPrefix(path, APIProxyPkg) && fn.Signature().Recv() == nil &&
		strings.HasPrefix(fn.Name(), "New") && fn.Signature().Params().Len() >= 1 {
		return Start{0, HTTPHandler, false, fn.Pkg().Name() + "." + fn.Name()}, true
	}
	return Start{}, false
}

// IsLambdaRelated reports whether a package path belongs to one of the
// libraries that start Lambda handlers.
func IsLambdaRelated(path string) bool {
	return strings.HasPrefix(path, "github.com/aws/aws-lambda-go/") ||
		strings.HasPrefix(path, APIProxyPkg) ||
		path == AlgnhsaPkg || path == GatewayPkg || path == GatewayV2Pkg || path == ApexPkg
}

// Routers are the router types whose registered routes are the handlers when
// the router is handed to an HTTP adapter. Any method call on a router value
// that is given a function or an http.Handler registers a route.
var Routers = map[string]bool{
	"net/http.ServeMux":                          true,
	"github.com/gorilla/mux.Router":              true,
	"github.com/gorilla/mux.Route":               true,
	"github.com/go-chi/chi.Mux":                  true,
	"github.com/go-chi/chi/v5.Mux":               true,
	"github.com/gin-gonic/gin.Engine":            true,
	"github.com/gin-gonic/gin.RouterGroup":       true,
	"github.com/labstack/echo/v4.Echo":           true,
	"github.com/labstack/echo/v4.Group":          true,
	"github.com/gofiber/fiber/v2.App":            true,
	"github.com/gofiber/fiber/v2.Group":          true,
	"github.com/julienschmidt/httprouter.Router": true,
}

// IsRouter reports whether t (or what it points to) is a known router type.
func IsRouter(t types.Type) bool {
	n, ok := types.Unalias(typeutil.Dereference(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return Routers[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// DefaultMuxRegistrations are the functions that register routes on
// http.DefaultServeMux.
var DefaultMuxRegistrations = map[string]bool{
	"net/http.Handle":     true,
	"net/http.HandleFunc": true,
}

// OnceFuncs are the calls whose function argument runs at most once per
// process, however often the call itself runs: code inside them is init code.
var OnceFuncs = map[string]bool{
	"(*sync.Once).Do": true,
	"sync.OnceFunc":   true,
	"sync.OnceValue":  true,
	"sync.OnceValues": true,
}
