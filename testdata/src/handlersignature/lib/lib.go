// Package lib declares handlers that another package starts.
package lib

import "context"

type Event struct{ ID string }

// Result keeps its channel unexported: encoding/json skips it.
type Result struct {
	ID   string
	done chan struct{}
}

// Job exports a func field.
type Job struct {
	ID  string
	Run func(context.Context) error
}

func Handle(ctx context.Context, e Event) (Result, error) { return Result{}, nil }

func Schedule(ctx context.Context, e Event) (Job, error) { return Job{}, nil }

func Legacy(e Event, ctx context.Context) (Result, error) { return Result{}, nil }

type Server struct{}

func (s *Server) Invoke(ctx context.Context, payload []byte) ([]byte, error) { return payload, nil }
