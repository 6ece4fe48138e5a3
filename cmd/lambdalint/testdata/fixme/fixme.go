// Package fixme has functions that the tests' fake rule reports.
package fixme

// BadName is reported, with a fix that renames it.
func BadName() {}

// NoFix is reported without a fix.
func NoFix() {}
