// Package main starts through algnhsa, which takes no lambda options:
// left alone.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/akrylysov/algnhsa"
)

func main() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)
	algnhsa.ListenAndServe(http.DefaultServeMux, nil)
}
