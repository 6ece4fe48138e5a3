// Package clean has nothing for lambdalint to report.
package clean

import "example.com/clean/sub"

// Hello greets.
func Hello() string { return sub.Name() }
