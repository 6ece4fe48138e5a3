// Package lib is a library whose exported functions end the process.
package lib

import (
	"fmt"
	"log"
	"os"
)

// Must exits on error.
func Must(err error) { // want Must:"summary\\(log.Fatal\\)"
	if err != nil {
		log.Fatal(err)
	}
}

// Check exits through an unexported helper.
func Check(err error) { // want Check:"summary\\(lib.fail → os.Exit\\)"
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// Start starts a goroutine that panics.
func Start() { // want Start:"summary\\(panic\\)"
	go worker()
}

func worker() {
	panic("lib worker")
}

// Recover recovers a panic when deferred.
func Recover() {
	if r := recover(); r != nil {
		fmt.Fprintln(os.Stderr, "recovered:", r)
	}
}

// Wrap returns the error: silent.
func Wrap(err error) error {
	if err != nil {
		return fmt.Errorf("lib: %w", err)
	}
	return nil
}

// Exit ends the process on purpose: a suppression at the leaf keeps it out
// of the summary, so no caller in any package is charged with it.
func Exit(code int) {
	//lambdalint:ignore processexit the migration tool's last step; the runbook explains the exit code
	os.Exit(code)
}

// Halt calls a helper that exits, suppressed at the call.
func Halt(err error) {
	//lambdalint:ignore processexit the helper exits on purpose here
	fail(err)
}
