package ctxdeadline_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/ctxdeadline"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), ctxdeadline.Analyzer,
		"ctxdeadline/background", "ctxdeadline/variants", "ctxdeadline/reqctx")
}

// TestBounded checks that calls ending within a bound of their own, a
// short constant sleep or a request of a client with a Timeout, are left
// alone.
func TestBounded(t *testing.T) {
	analysistest.Run(t, testdata(t), ctxdeadline.Analyzer, "ctxdeadline/bounded")
}

func TestDiscard(t *testing.T) {
	analysistest.Run(t, testdata(t), ctxdeadline.Analyzer, "ctxdeadline/discard")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testdata(t), ctxdeadline.Analyzer, "ctxdeadline/lib", "ctxdeadline/xpkg")
}

func TestSiblings(t *testing.T) {
	analysistest.Run(t, testdata(t), ctxdeadline.Analyzer, "ctxdeadline/siblings")
}

// TestModule runs on a module: the sibling rule holds for the module's own
// types, not for another module's.
func TestModule(t *testing.T) {
	analysistest.Run(t, filepath.Join(testdata(t), "src", "ctxdeadline", "modmode"), ctxdeadline.Analyzer, "./cmd/fn")
}
