// Package gin is a stub of github.com/gin-gonic/gin for tests.
package gin

import "net/http"

type Context struct {
	Request *http.Request
}

func (c *Context) JSON(code int, obj any)  {}
func (c *Context) Param(key string) string { return "" }

type HandlerFunc func(*Context)

type RouterGroup struct{}

func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc)  {}
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) {}

type Engine struct{ RouterGroup }

func New() *Engine     { return &Engine{} }
func Default() *Engine { return &Engine{} }

func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
