// Package ctxescape defines an Analyzer that reports handler code that
// keeps the invocation's context where it outlives the invocation.
//
// # Analyzer ctxescape
//
// ctxescape: report the invocation's context stored where it outlives the Lambda invocation
//
// The context.Context a Lambda handler receives (and the context of the
// *http.Request an HTTP handler serves) is cancelled the moment the handler
// returns. Kept in state that lives for the whole process, it is still
// there for the next warm invocation, a background goroutine or a cache
// refresh, and every use of it fails with context.Canceled.
//
// The invocation's context is a context.Context parameter (not named _), the
// Context() of an *http.Request parameter, a function literal's
// context.Context parameter when the literal is called with the invocation's
// context or handed to a call that is also given it, and anything derived
// from these through a call that takes the context and returns one
// (context.WithCancel, WithTimeout, WithValue, errgroup.WithContext, a helper
// of the package whose every return derives from its context parameter). A
// variable counts only when every value assigned to it is such a context;
// context.WithoutCancel(ctx), context.Background() and context.TODO() are
// not the invocation's context, and neither is a parameter reassigned from
// them (ctx = context.WithoutCancel(ctx)). Struct, slice and map literals
// (and local variables holding them) that contain the context carry it too.
//
// In code reachable from a handler, including code run once through
// sync.Once (with the first invocation's context), the analyzer reports the
// invocation's context:
//
//   - assigned to a package-level variable, or to a field or element of
//     one, including g = append(g, ctx) and m[k] = ctx;
//   - kept with Store, LoadOrStore, Swap or CompareAndSwap of a
//     package-level sync.Map or atomic.Value;
//   - sent on a package-level channel, unless the function then waits for
//     an answer (a receive or a Wait call after the send);
//   - assigned to a field of the pointer receiver of a method that is a
//     handler entry (lambda.Start(srv.Handle), lambda.StartHandler(srv) with
//     Invoke, an http.Handler's ServeHTTP), or of a method that is called
//     only on such receivers (s.remember(ctx) in Handle), on package-level
//     values, or on values a handler function literal captures;
//   - assigned to a variable that a handler function literal captures from
//     the function that creates it.
//
// The store is left alone when the same function drops it again before it
// returns: a later or deferred assignment of another value to the same
// place, delete or clear of the same map, or Delete on the same sync.Map.
// A context kept in a local variable or struct of the invocation, a
// context passed down in a struct field, stores in init, main and functions
// no handler reaches, and stores into the receiver of a method called on a
// value of the invocation are not reported. A call that is given no
// invocation context is not followed, so lib.SetCtx(context.WithoutCancel(ctx))
// is silent while lib.SetCtx(ctx) is reported at the call, with the chain
// (handler → lib.SetCtx → current).
//
// Pass the context down as a parameter instead; for work that must outlive
// the call, keep context.WithoutCancel(ctx), which keeps the context's values
// but not its cancellation. There is no suggested fix: which of the two is
// right depends on what the stored context is for.
package ctxescape
