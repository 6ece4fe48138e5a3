// Package unix is a stub of golang.org/x/sys/unix for tests.
package unix

import "syscall"

const (
	SIGINT  = syscall.Signal(0x2)
	SIGTERM = syscall.Signal(0xf)
)
