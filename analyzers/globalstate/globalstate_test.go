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
		"globalstate/lib", "globalstate/xpkg", "globalstate/memo")
}

// TestConcurrentConfig runs multi-concurrency mode turned on by the
// package's lambdalint.toml.
func TestConcurrentConfig(t *testing.T) {
	analysistest.Run(t, testdata(t), globalstate.Analyzer, "globalstate/concurrent")
}

// TestConcurrentFlag runs multi-concurrency mode turned on by
// -globalstate.concurrent.
func TestConcurrentFlag(t *testing.T) {
	setFlag(t, "concurrent", "true")
	analysistest.Run(t, testdata(t), globalstate.Analyzer, "globalstate/concurrentflag")
}

// setFlag sets an analyzer flag for the duration of the test.
func setFlag(t *testing.T, name, value string) {
	if err := globalstate.Analyzer.Flags.Set(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(globalstate.ResetFlags)
}
