// Package recv keeps the invocation's context in handler values that live
// for the process, next to values that belong to the invocation.
package recv

import (
	"context"
	"sync"

	"github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ ID string }

type Server struct {
	ctx   context.Context
	last  map[string]context.Context
	cache sync.Map
	jobs  chan context.Context
}

func (s *Server) Handle(ctx context.Context, e Event) error { // want Handle:`summary\(s.ctx; s.cache; recv.Server.remember → s.last\)`
	s.ctx = ctx              // want `the invocation's ctx is stored in s.ctx, a field of a receiver that lives across invocations, which outlives the invocation`
	s.cache.Store(e.ID, ctx) // want `stored in s.cache, a field of a receiver`
	s.remember(ctx)
	s.keep(ctx)
	s.jobs <- ctx // the handler value's own channel: may be drained by the invocation

	local := &Server{} // a value of the invocation
	local.ctx = ctx
	local.keep(ctx)
	return nil
}

// remember is only called on the handler value.
func (s *Server) remember(ctx context.Context) { // want remember:`summary\(s.last\)`
	s.last["latest"] = ctx // want `stored in s.last, a field of a receiver .* \(Server.Handle → Server.remember → s.last\)`
}

// keep is called on the handler value and on a local: left alone.
func (s *Server) keep(ctx context.Context) { s.ctx = ctx }

// Value is a handler with a value receiver: what it stores goes to a copy.
type Value struct{ ctx context.Context }

func (v Value) Handle(ctx context.Context, e Event) error {
	v.ctx = ctx
	return v.ctx.Err()
}

// Invoker is a lambda.Handler.
type Invoker struct{ ctx context.Context }

func (i *Invoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) { // want Invoke:`summary\(i.ctx\)`
	i.ctx = ctx // want `stored in i.ctx, a field of a receiver`
	return payload, nil
}

// Registry is kept in a package variable.
type Registry struct{ ctxs []context.Context }

func (r *Registry) add(ctx context.Context) { // want add:`summary\(r.ctxs\)`
	r.ctxs = append(r.ctxs, ctx) // want `stored in r.ctxs, a field of a receiver .* \(handler literal → Registry.add → r.ctxs\)`
}

var registry Registry

func main() {
	srv := &Server{last: map[string]context.Context{}}
	var last context.Context
	lambda.Start(srv.Handle)
	lambda.Start(Value{}.Handle)
	lambda.StartHandler(&Invoker{})
	lambda.Start(func(ctx context.Context, e Event) error {
		last = ctx // want `stored in last, captured by the handler function, which outlives the invocation`
		registry.add(ctx)
		mine := ctx // the literal's own variable
		_ = mine
		return nil
	})
	_ = last
}
