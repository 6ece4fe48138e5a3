package globalstate_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/globalstate"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestGlobalState(t *testing.T) {
	analysistest.Run(t, testdata(t), globalstate.Analyzer,
		"globalstate/race", "globalstate/growth", "globalstate/request",
		"globalstate/lib", "globalstate/xpkg", "globalstate/memo", "globalstate/scratch")
}

// TestConcurrent runs multi-concurrency mode, turned on by
// -globalstate.concurrent (lambdalint.toml's [globalstate] concurrent = true
// becomes that flag in the drivers).
func TestConcurrent(t *testing.T) {
	setFlag(t, "concurrent", "true")
	analysistest.Run(t, testdata(t), globalstate.Analyzer, "globalstate/concurrent", "globalstate/concurrentflag")
}

// setFlag sets an analyzer flag for the duration of the test.
func setFlag(t *testing.T, name, value string) {
	if err := globalstate.Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(globalstate.ResetFlags)
}
