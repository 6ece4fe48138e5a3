// Package analyzers is the registry of lambdalint's rules. The CLI, the go
// vet tool, the golangci-lint plugin and the language server all take their
// analyzers from All, so a rule added here appears everywhere.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers/ctxdeadline"
	"github.com/lambdalint/lambdalint/analyzers/ctxescape"
	"github.com/lambdalint/lambdalint/analyzers/directives"
	"github.com/lambdalint/lambdalint/analyzers/envvars"
	"github.com/lambdalint/lambdalint/analyzers/filesystem"
	"github.com/lambdalint/lambdalint/analyzers/globalstate"
	"github.com/lambdalint/lambdalint/analyzers/goroutineleak"
	"github.com/lambdalint/lambdalint/analyzers/handlersetup"
	"github.com/lambdalint/lambdalint/analyzers/handlersignature"
	"github.com/lambdalint/lambdalint/analyzers/invoke"
	"github.com/lambdalint/lambdalint/analyzers/neverruns"
	"github.com/lambdalint/lambdalint/analyzers/processexit"
)

// All returns lambdalint's rules, sorted by name.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		ctxdeadline.Analyzer,
		ctxescape.Analyzer,
		directives.Analyzer,
		envvars.Analyzer,
		filesystem.Analyzer,
		globalstate.Analyzer,
		goroutineleak.Analyzer,
		handlersetup.Analyzer,
		handlersignature.Analyzer,
		invoke.Analyzer,
		neverruns.Analyzer,
		processexit.Analyzer,
	}
}
