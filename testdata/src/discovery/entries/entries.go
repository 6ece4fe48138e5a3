// Package entries has handlers that only -lambdahandlers.entries names: a
// framework calls them, and their code cannot carry the directive (for
// example, it is generated).
package entries

import "context"

type Server struct{}

func (s *Server) Handle(ctx context.Context) error { // want `entry Server.Handle via -lambdahandlers.entries`
	return s.work()
}

func (s *Server) work() error { return nil } // want `reachable Server.Handle → Server.work`

func Serve(ctx context.Context) {} // want `entry Serve via -lambdahandlers.entries`

func NotNamed(ctx context.Context) {}
