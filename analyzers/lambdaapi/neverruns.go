package lambdaapi

// The APIs the neverruns rule knows: what runs, or never runs, around a
// start call that never returns (Start.NeverReturns).

// OptionStarts maps the start calls that never return and accept
// lambda.Option values to the call that takes lambda.WithEnableSIGTERM,
// as written in diagnostics: lambda.Start(h) becomes
// lambda.StartWithOptions(h, lambda.WithEnableSIGTERM(cleanup)).
var OptionStarts = map[string]string{
	LambdaPkg + ".Start":                   "lambda.StartWithOptions",
	LambdaPkg + ".StartWithOptions":        "lambda.StartWithOptions",
	LambdaPkg + ".StartWithContext":        "lambda.StartWithOptions",
	LambdaPkg + ".StartHandler":            "lambda.StartWithOptions",
	LambdaPkg + ".StartHandlerWithContext": "lambda.StartWithOptions",
	LambdaPkg + ".StartHandlerFunc":        "lambda.StartHandlerFunc",
	LambdaURLPkg + ".Start":                "lambdaurl.Start",
}

// EnableSIGTERM is the option that registers an internal extension, which
// makes Lambda send SIGTERM to the process before it shuts the execution
// environment down, and runs its callbacks then (aws-lambda-go
// lambda/sigterm.go). Without a registered extension Lambda sends no
// SIGTERM: the process is killed.
const EnableSIGTERM = LambdaPkg + ".WithEnableSIGTERM"

// OptionType is the type of the options that aws-lambda-go's start calls
// and handler constructors take.
const OptionType = LambdaPkg + ".Option"

// SignalRegistrations lists the functions that subscribe to OS signals.
// The value is the index of the first signal argument; a call with no
// signal arguments subscribes to every signal.
var SignalRegistrations = map[string]int{
	"os/signal.Notify":        1,
	"os/signal.NotifyContext": 1,
}

// TermSignals are the constants that denote SIGTERM, the only signal Lambda
// sends before it kills the process (and only when an extension is
// registered).
var TermSignals = map[string]bool{
	"syscall.SIGTERM":               true,
	"golang.org/x/sys/unix.SIGTERM": true,
}

// CancelTypes are the function types whose deferred call releases only
// in-process state (a context's resources, a signal subscription): that it
// never runs before the process ends is harmless.
var CancelTypes = map[string]bool{
	"context.CancelFunc":      true,
	"context.CancelCauseFunc": true,
}
