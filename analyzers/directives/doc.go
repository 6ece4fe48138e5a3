// Package directives defines an Analyzer that reports lambdalint
// directives that do not do what they say.
//
// # Analyzer directives
//
// directives: report malformed //lambdalint: directives and unknown rule names
//
// A finding is suppressed by a directive on its line or the line before,
// or by a file-wide one anywhere in its file:
//
//	//lambdalint:ignore handlersetup the client is rebuilt after a credentials rotation
//	//lambdalint:file-ignore ctxdeadline,goroutineleak generated code, see gen.go
//
// The reason is required: a directive without one suppresses nothing, so
// that every suppression in a code base says why it is there. The analyzer
// reports such directives, directives that name no rule or a rule that does
// not exist (a misspelt name would otherwise suppress nothing, silently),
// and comments that begin with //lambdalint: but are no directive
// lambdalint knows (ignore, file-ignore, handler).
//
// A valid directive that suppresses no finding of a rule it names is
// reported by that rule itself, when it runs: a stale suppression would
// hide the next real finding on its line.
package directives
