// Package globalstate defines an Analyzer that reports package-level
// variables that handler code writes in ways that race, grow without bound
// or carry one request's data into the next.
//
// # Analyzer globalstate
//
// globalstate: report unsynchronised, growing or per-request package state written by Lambda handlers
//
// A Lambda execution environment is one process that serves many
// invocations: package-level variables survive from one warm invocation to
// the next, and under Lambda Managed Instances several invocations run at
// the same time in one process. The analyzer looks at the code reachable
// from the package's handlers and reports three things about the
// package-level variables of the package being analysed:
//
// A write from a goroutine the handler starts (a go statement, the
// function of errgroup.Group.Go, sync.WaitGroup.Go or time.AfterFunc, or a
// function of the package that one of them launches or calls) that no
// sync.Mutex or sync.RWMutex guards: the goroutines race with each other
// and with the handler. Writes lexically between Lock and Unlock (or after
// Lock with a deferred Unlock) in the same function, sync/atomic calls and
// values, sync.Map, channel sends and writes to distinct elements of a
// slice (results[i] = v) are left alone.
//
// A slice appended to (g = append(g, x)) or a map inserted into (m[k] = v)
// on every invocation when no handler-reachable code of the package ever
// resets it (g = nil, g = g[:0], g = make(...), clear(g), delete(m, k)):
// the memory grows until the environment is recycled. Map inserts with a
// constant key and containers whose length the same function compares
// (if len(m) > max) are bounded caches and are left alone, and so is a
// get-or-create cache: an insert m[k] = v that the same function guards with
// a lookup of m by the same key expression, in the if around it
// (if _, ok := m[k]; !ok { m[k] = v }, if m[k] == nil { ... }) or in an
// early return before it (if v, ok := m[k]; ok { return v }), adds one entry
// per distinct key, not one per invocation.
//
// An assignment g = x or g.f = x whose value derives from the handler's
// event parameter, an *http.Request or an aws-lambda-go events value: the
// next warm invocation sees the previous request's data. A variable used as
// scratch space is left alone: unexported, read only in the function that
// writes it, and each read preceded by a write on every path (policy.Effect
// = "Deny" at the top of the handler, then return policy), so no request
// sees another's value; multi-concurrency mode still reports it.
//
// Values set in init, in package variable initialisers, in main, inside
// sync.Once and sync.OnceValue functions, or by a lazy initialisation
// guarded by a nil check of the same variable are init-time state and are
// not reported; neither is a counter such as requests++ in the handler
// itself, since on standard Lambda one invocation runs at a time.
//
// Multi-concurrency mode, for functions on Lambda Managed Instances, where
// one process runs up to AWS_LAMBDA_MAX_CONCURRENCY invocations at once:
// every write to package state from handler code is then reported unless a
// lock guards it (in the same function, or in every caller on the way from
// the handler), or the state synchronises itself (sync/atomic, sync.Map).
// That covers counters, lazily initialised clients (use sync.OnceValue),
// map inserts, delete and clear (concurrent map writes crash the process),
// and element writes. Turn it on with -globalstate.concurrent, or for the
// packages under a directory with a lambdalint.toml file there (usually at
// the module root):
//
//	[globalstate]
//	concurrent = true
//
// The flag, when given, wins over the file.
package globalstate
