// Package neverruns defines an Analyzer that reports code around a Lambda
// start call that never runs, because the start call never returns.
//
// # Analyzer neverruns
//
// neverruns: report code that never runs because lambda.Start never returns
//
// lambda.Start and the other start calls (StartWithOptions,
// StartHandlerFunc, lambdaurl.Start, algnhsa.ListenAndServe,
// gateway.ListenAndServe, apex.Handle) serve invocations until Lambda kills
// the process; they never return. The analyzer reports:
//
//   - statements that follow a start call in the same statement list: they
//     never run (a trailing return, panic, os.Exit or log.Fatal that only
//     marks the end is left alone, and so is a tail that ends by failing,
//     the author's own "Start returned" guard);
//   - defer statements registered before the start call in the function
//     that makes it (in the call's statement list or an enclosing one):
//     the deferred flush, Close or tracer provider Shutdown never runs;
//   - signal.Notify and signal.NotifyContext for syscall.SIGTERM that run
//     before the start call (in main, init, a goroutine started there, or
//     a function they call), in a package that never passes
//     lambda.WithEnableSIGTERM: Lambda sends SIGTERM at shutdown only when
//     an extension is registered, so the handler never runs unless the
//     function has an extension layer. lambda.WithEnableSIGTERM registers
//     one and runs its callbacks on SIGTERM.
//
// A function of the project that calls a start call unconditionally (a
// start wrapper, in the same package or another one) never returns either:
// code after a call of it and defers before it are reported, naming it.
//
// It stays silent for calls that return (lambda.NewHandler, algnhsa.New),
// for code after a start call in one branch of an if or switch (the other
// branch goes on), for go lambda.Start(h), for defers in functions that
// return before the start call is made, for deferred context cancel
// functions and recover literals, for signal handling in a branch that ends
// with return or os.Exit (a local-development server), for signal.Notify
// with no signals or only os.Interrupt, and for SIGTERM handlers when the
// package passes lambda.WithEnableSIGTERM or options it cannot see.
// There is no suggested fix: where the code belongs is a design decision.
package neverruns
