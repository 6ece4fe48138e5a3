// Package apex is a stub of github.com/apex/go-apex for tests, written from
// its documented API (the module is not served here).
package apex

import "encoding/json"

type Context struct{ RequestID string }

type Handler interface {
	Handle(json.RawMessage, *Context) (interface{}, error)
}

type HandlerFunc func(json.RawMessage, *Context) (interface{}, error)

func (h HandlerFunc) Handle(event json.RawMessage, ctx *Context) (interface{}, error) {
	return h(event, ctx)
}

func Handle(h Handler)         {}
func HandleFunc(h HandlerFunc) {}
