package directive

import (
	"net/http"
	"os"
)

// serve is deployed with Up, which runs a plain HTTP server on $PORT.
//
//lambdalint:handler
func serve(w http.ResponseWriter, r *http.Request) { // want `entry serve via //lambdalint:handler`
	work()
}

func work() {} // want `reachable serve → work`

func unmarked(w http.ResponseWriter, r *http.Request) {}

func main() {
	http.HandleFunc("/", serve)
	http.HandleFunc("/other", unmarked)
	http.ListenAndServe(":"+os.Getenv("PORT"), nil)
}
