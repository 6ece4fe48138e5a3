package basic

import (
	"context"
	"encoding/json"

	runtime "github.com/aws/aws-lambda-go/lambda"
)

type Event struct{ ID string }

func handler(ctx context.Context, e Event) (string, error) {
	return helper(e.ID), nil
}

func helper(id string) string { // want `reachable handler → helper`
	return deeper(id)
}

func deeper(id string) string { return id } // want `reachable handler → helper → deeper`

func notReached() {}

type Server struct{ prefix string }

func (s *Server) Handle(ctx context.Context) error { return s.do() }

func (s *Server) do() error { return nil } // want `reachable Server.Handle → Server.do`

type invoker struct{}

func (invoker) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return json.Marshal(string(payload))
}

func main() {
	notReached()
	runtime.Start(handler) // want `entry handler via lambda.Start`
	s := &Server{prefix: "x"}
	runtime.StartWithOptions(s.Handle)              // want `entry Server.Handle via lambda.StartWithOptions`
	runtime.StartHandler(invoker{})                 // want `entry invoker.Invoke via lambda.StartHandler`
	runtime.Start(func(ctx context.Context) error { // want `entry handler literal via lambda.Start`
		return nil
	})
	var h = lit
	runtime.Start(h) // want `entry handler literal via lambda.Start`
}

var lit = func() error { return nil }
