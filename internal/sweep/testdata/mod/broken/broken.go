// Package broken does not type-check: the sweep asserts that lambdalint
// reports it, and only it, with exit status 2.
package broken

// Count is declared as an int and given a string.
var Count int = "one"

// Use calls a function that does not exist.
func Use() int {
	return missing(Count)
}
