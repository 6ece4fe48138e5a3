// Package ctxdeadline defines an Analyzer that reports handler code that
// drops the invocation's context and with it the function's deadline.
//
// # Analyzer ctxdeadline
//
// ctxdeadline: report handler code that ignores the context carrying the invocation deadline
//
// The context.Context a Lambda handler receives carries the function timeout
// as its deadline. Code that does not pass it on keeps running when the
// deadline passes: Lambda kills the function ("Task timed out") instead of
// the handler returning an error, and the work goes on after the caller has
// given up. In code reachable from a handler the analyzer reports:
//
//   - context.Background() and context.TODO() in a function that has a
//     context: a context.Context parameter not named _, or an *http.Request
//     parameter. The suggested fix replaces the call with the parameter
//     (ctx, or r.Context()). Calls inside a defer or go statement are left
//     alone: cleanup after the deadline and work detached on purpose need a
//     context the invocation does not cancel. So is a nil guard that assigns
//     the Background context to the parameter itself.
//
//   - calls to APIs that have a context-taking variant: the http.Get
//     family, http.NewRequest, net.Dial, exec.Command, time.Sleep, and every
//     method M whose type also has a method M+"Context" or M+"WithContext"
//     taking a context.Context followed by M's parameters and returning M's
//     results, when the type is declared in an I/O package (database/sql
//     Query, Exec, QueryRow, Prepare, Ping; AWS SDK v1 GetItem and the like;
//     sqlx Get and Select; the other database, queue and HTTP clients of
//     lambdaapi.IsIOPackage) or in the module being analysed (your own
//     Store.Get and GetContext). Such pairs in other third-party packages
//     (zerolog's Logger.With, goccy/go-json's Decoder.Decode) are left
//     alone: their context carries values or stops in-memory work. An
//     http.NewRequest whose request is given a context later in the same
//     function (req = req.WithContext(ctx), client.Do(req.WithContext(ctx)),
//     req.Clone(ctx), or a call that takes the request together with a
//     context, such as ctxhttp.Do(ctx, client, req)) is left alone too,
//     and so are calls that end within a bound of their own: a request
//     sent by an http.Client whose every value is a literal that sets
//     Timeout (client.Do(req), client.Get(url)), and a time.Sleep of a
//     constant under a second outside a loop, which the shortest function
//     timeout outlasts.
//     They are reported in a function that has a
//     context, in the handler itself, and in a helper without a context
//     that is reached from a handler that has one (the fix is then to
//     thread the context through); in a helper of a handler without a
//     context they are left to the report at the handler. Methods whose
//     context variants use the context for its values only (log/slog) are
//     not reported. Where
//     the function has a context parameter the suggested fix switches to the
//     variant: db.Query(q) becomes db.QueryContext(ctx, q),
//     svc.GetItem(in) becomes svc.GetItemWithContext(ctx, in),
//     http.NewRequest(...) becomes http.NewRequestWithContext(ctx, ...),
//     exec.Command(...) becomes exec.CommandContext(ctx, ...). Calls inside
//     defer and go statements are left alone.
//
//   - an aws-lambda-go handler that takes no context, or names it _, while
//     it does I/O (directly or through the functions of its package it
//     calls): it is reported once, at its name.
//
// Functions that are not reachable from a handler (init, main, code run
// once through sync.Once) are not reported. An exported function of a
// library package that does one of these things is summarised as a fact, and
// a handler in another package that calls it is reported at the call site,
// with the chain of calls.
package ctxdeadline
