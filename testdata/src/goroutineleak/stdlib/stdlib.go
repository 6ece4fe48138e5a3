// Package stdlib is an HTTP handler served through lambdaurl that calls
// standard-library functions which start goroutines of their own.
package stdlib

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"os/exec"
	"os/signal"

	"github.com/aws/aws-lambda-go/lambdaurl"
)

func audit(r *http.Request) {}

func serve(w http.ResponseWriter, r *http.Request) {
	go audit(r) // want `goroutine may outlive the invocation`

	// The standard library manages its own goroutines: silent.
	resp, err := http.Get("https://example.com")
	if err == nil {
		resp.Body.Close()
	}
	db, err := sql.Open("postgres", os.Getenv("DSN"))
	if err == nil {
		defer db.Close()
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	cmd := exec.CommandContext(r.Context(), "true")
	_ = cmd.Run()
	stop := context.AfterFunc(r.Context(), func() {})
	defer stop()
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", serve)
	lambdaurl.Start(mux)
}
