package lambdaapi

// UncancelledContexts are the calls that derive a context from the one they
// are given without its cancellation: the result keeps the parent's values
// but is not cancelled when the invocation ends, so it may be kept beyond
// it. Every other call that takes a context and returns one (WithCancel,
// WithTimeout, WithValue, errgroup.WithContext, trace.ContextWithSpan, ...)
// returns a context that is cancelled with its parent. The calls of
// DetachedContexts take no context at all.
var UncancelledContexts = map[string]bool{
	"context.WithoutCancel": true,
}

// RequestContext is the method that returns the context of an
// *http.Request: for the request a handler serves, the invocation's.
const RequestContext = "(*net/http.Request).Context"

// RequestType is the type whose values carry their context (RequestContext).
const RequestType = "net/http.Request"

// RequestWithContext are the *http.Request methods that return a copy of
// the request carrying the context they are given.
var RequestWithContext = map[string]bool{
	"(*net/http.Request).WithContext": true,
	"(*net/http.Request).Clone":       true,
}

// StoreMethods are the methods that keep a value in their receiver, with
// the index of the argument that is kept: the value lives as long as the
// receiver does.
var StoreMethods = map[string]int{
	"(*sync.Map).Store":                   1,
	"(*sync.Map).LoadOrStore":             1,
	"(*sync.Map).Swap":                    1,
	"(*sync.Map).CompareAndSwap":          2,
	"(*sync/atomic.Value).Store":          0,
	"(*sync/atomic.Value).Swap":           0,
	"(*sync/atomic.Value).CompareAndSwap": 1,
}

// RemoveMethods are the methods that drop the values that StoreMethods keep.
var RemoveMethods = map[string]bool{
	"(*sync.Map).Delete":           true,
	"(*sync.Map).LoadAndDelete":    true,
	"(*sync.Map).CompareAndDelete": true,
	"(*sync.Map).Clear":            true,
}
