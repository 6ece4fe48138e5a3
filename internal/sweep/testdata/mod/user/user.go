// Package user imports the broken package: lambdalint names the dependency
// that failed.
package user

import "example.com/sweep/broken"

// Twice doubles broken.Use.
func Twice() int { return 2 * broken.Use() }
