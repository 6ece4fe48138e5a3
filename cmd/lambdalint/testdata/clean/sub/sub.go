// Package sub is imported by clean.
package sub

// Name returns a name.
func Name() string { return "world" }
