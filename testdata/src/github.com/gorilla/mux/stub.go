// Package mux is a stub of github.com/gorilla/mux for tests.
package mux

import "net/http"

type Router struct{}
type Route struct{}

func NewRouter() *Router { return &Router{} }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return nil
}
func (r *Router) Handle(path string, handler http.Handler) *Route              { return nil }
func (r *Router) PathPrefix(tpl string) *Route                                 { return nil }
func (r *Router) Use(mwf ...func(http.Handler) http.Handler)                   {}
func (r *Route) Subrouter() *Router                                            { return nil }
func (r *Route) Methods(methods ...string) *Route                              { return r }
func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route { return r }
