package adapters

import (
	"net/http"

	"github.com/akrylysov/algnhsa"
	"github.com/apex/gateway"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdaurl"
	"github.com/awslabs/aws-lambda-go-api-proxy/gorillamux"
	"github.com/awslabs/aws-lambda-go-api-proxy/httpadapter"
	"github.com/gorilla/mux"
)

func getUser(w http.ResponseWriter, r *http.Request)   {}
func listUsers(w http.ResponseWriter, r *http.Request) {}
func health(w http.ResponseWriter, r *http.Request)    {}
func apexRoute(w http.ResponseWriter, r *http.Request) {}
func urlRoute(w http.ResponseWriter, r *http.Request)  {}
func algRoute(w http.ResponseWriter, r *http.Request)  {}
func notRouted(w http.ResponseWriter, r *http.Request) {}

type api struct{}

func (api) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func routes(m *http.ServeMux) {
	m.HandleFunc("/health", health)
}

func newRouter() *mux.Router {
	r := mux.NewRouter()
	sub := r.PathPrefix("/users").Subrouter()
	sub.HandleFunc("/", listUsers)
	return r
}

func main() {
	m := http.NewServeMux()
	m.HandleFunc("/users/", getUser)
	routes(m)
	lambda.Start(httpadapter.New(m).ProxyWithContext) // want `entry getUser via httpadapter.New` `entry health via httpadapter.New`

	lambda.Start(gorillamux.New(newRouter()).ProxyWithContext) // want `entry listUsers via gorillamux.New`

	http.HandleFunc("/", apexRoute)
	gateway.ListenAndServe(":3000", nil) // want `entry apexRoute via gateway.ListenAndServe`

	lambdaurl.Start(http.HandlerFunc(urlRoute)) // want `entry urlRoute via lambdaurl.Start`
	algnhsa.ListenAndServe(api{}, nil)          // want `entry api.ServeHTTP via algnhsa.ListenAndServe`
	_ = notRouted
}
