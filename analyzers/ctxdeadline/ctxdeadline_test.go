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
		"ctxdeadline/background", "ctxdeadline/variants")
}

func TestDiscard(t *testing.T) {
	analysistest.Run(t, testdata(t), ctxdeadline.Analyzer, "ctxdeadline/discard")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testdata(t), ctxdeadline.Analyzer, "ctxdeadline/lib", "ctxdeadline/xpkg")
}
