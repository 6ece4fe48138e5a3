// Package handlersetup defines an Analyzer that reports expensive setup
// done on every invocation of an AWS Lambda handler.
//
// # Analyzer handlersetup
//
// handlersetup: report clients and pools built per invocation instead of once at init
//
// Code in init functions, package-level variable initializers and main
// before the start call runs once per execution environment (the cold
// start); code in the handler runs, and is billed, on every invocation. A
// client built in the handler pays its setup again each time and loses the
// connections it would have reused across warm invocations.
//
// In code reachable from a handler, the analyzer reports calls to the
// constructors of the lambdaapi table: AWS SDK v1 sessions and service
// clients, AWS SDK v2 config.LoadDefaultConfig and service NewFromConfig and
// New, sql.Open and the pgx, sqlx, gorm, Redis, MongoDB and gRPC
// constructors, regexp compilation and template parsing of constant input,
// and os.ReadFile of a constant path. It also reports a new http.Transport
// (a composite literal, new(http.Transport) or Transport.Clone): it owns a
// connection pool of its own. An http.Client literal is not reported by
// itself: with a nil Transport it shares http.DefaultTransport's pool, and
// a Transport built inline is reported where it is built.
//
// A call is left alone when it runs at most once per execution environment
// or stores a cache:
//
//   - inside sync.Once.Do, sync.OnceFunc, sync.OnceValue and
//     sync.OnceValues;
//   - inside a lazy-initialisation guard on a value that outlives the
//     invocation (a package-level variable, a variable captured from main,
//     or a field of a pointer receiver): the body of
//     "if client == nil { ... }" or "if !ready { ... }", the else branch of
//     "if client != nil { ... } else { ... }", and the statements after
//     "if client != nil { return client }";
//   - when its result is assigned directly to a package-level variable (or a
//     variable captured from main): that is a cache, not per-invocation
//     setup.
//
// Functions reached only through such code are not followed, nor are the
// insides of the constructors: only the constructor call is reported.
//
// The -handlersetup.extra flag adds constructors of your own, as a
// comma-separated list of full function names:
//
//	-handlersetup.extra='example.com/db.Connect,(*example.com/db.Pool).Dial'
//
// A suggested fix moves "re := regexp.MustCompile(constant)" in a handler to
// a package-level variable of the same name when that is mechanical and
// safe: the variable is defined alone by := in a block, never reassigned
// and its address never taken, the pattern refers only to package-level
// names, and the name is declared nowhere else in the package.
package handlersetup
