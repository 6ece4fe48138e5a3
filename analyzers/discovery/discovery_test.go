package discovery_test

import (
	"go/ast"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// probe reports every entry point and every reachable unit, so that the
// discovery can be tested with // want comments.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report handler entries and reachable functions",
	Requires: []*analysis.Analyzer{discovery.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
		for _, e := range res.Entries {
			pass.Reportf(e.Pos, "entry %s via %s", e.Name, e.Start)
		}
		for _, u := range res.ReachableUnits() {
			chain, _ := res.Reachable(u)
			if len(chain) < 2 {
				continue
			}
			var names []string
			for _, c := range chain {
				names = append(names, c.Name)
			}
			pos := u.Node.Pos()
			if d, ok := u.Node.(*ast.FuncDecl); ok {
				pos = d.Name.Pos()
			}
			pass.Reportf(pos, "reachable %s", strings.Join(names, " → "))
		}
		return nil, nil
	},
}

func testdata() string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		panic(err)
	}
	return dir
}

func TestDiscovery(t *testing.T) {
	analysistest.Run(t, testdata(), probe,
		"discovery/basic", "discovery/wrappers", "discovery/adapters",
		"discovery/startercaller", "discovery/generic", "discovery/directive")
}

func TestEntriesFlag(t *testing.T) {
	flags := &discovery.Analyzer.Flags
	if err := flags.Set("entries", "discovery/entries.Serve, (*discovery/entries.Server).Handle"); err != nil {
		t.Fatal(err)
	}
	defer flags.Set("entries", "")
	analysistest.Run(t, testdata(), probe, "discovery/entries")

	if err := flags.Set("entries", "Serve"); err == nil {
		t.Error("Set(entries, Serve) succeeded, want an error: not a full name")
	}
}
