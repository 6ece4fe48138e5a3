// Package bad holds directives that do not do what they say.
package bad

import "os"

func f() {
	/* want `//lambdalint:ignore has no reason, so it suppresses nothing` */ //lambdalint:ignore processexit
	os.Exit(1)

	/* want `//lambdalint:ignore names no rule` */ //lambdalint:ignore
	os.Exit(2)

	//lambdalint:ignore procesexit,ctxdeadline the process restarts on purpose // want `//lambdalint:ignore names "procesexit", which is no lambdalint rule, so it suppresses nothing \(did you mean processexit\?\)`
	os.Exit(3)

	//lambdalint:ignore frobnicate the reason // want `names "frobnicate", which is no lambdalint rule, so it suppresses nothing \(the rules: ctxdeadline, .*\)`
	os.Exit(4)

	//lambdalint:ignore-line processexit reason // want `unknown directive //lambdalint:ignore-line, which does nothing: lambdalint knows //lambdalint:ignore, //lambdalint:file-ignore and //lambdalint:handler`
	os.Exit(5)
}

/* want `//lambdalint:file-ignore has no reason` */ //lambdalint:file-ignore goroutineleak

// Well-formed directives are not this analyzer's concern.

//lambdalint:ignore processexit,ctxdeadline the process restarts on purpose
//lambdalint:ignore all generated
//lambdalint:file-ignore ctxdeadline this file is generated

// g is a handler.
//
//lambdalint:handler
func g() {}

// lambdalint:ignore is no directive with a space after the slashes.
