// Package lib is a library whose exported functions keep package state.
package lib

var (
	ids     []string
	names   []string
	tracked int
	config  = map[string]string{}
)

// Remember keeps every id it is given, forever.
func Remember(id string) { // want Remember:`summary\(ids\)`
	ids = append(ids, id)
}

// Add keeps a name until Reset.
func Add(name string) {
	names = append(names, name)
}

// Reset forgets the names.
func Reset() { names = nil }

// Track counts in the background.
func Track() { // want Track:`summary\(tracked\)`
	go func() { tracked++ }()
}

// Configure sets a fixed setting.
func Configure(v string) { config["table"] = v }
