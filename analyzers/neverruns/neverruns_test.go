package neverruns_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/neverruns"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNeverRuns(t *testing.T) {
	analysistest.Run(t, testdata(t), neverruns.Analyzer,
		"neverruns/after", "neverruns/defers", "neverruns/sigterm", "neverruns/sigtermenabled",
		"neverruns/sigtermopts", "neverruns/sigtermadapter", "neverruns/lib", "neverruns/xpkg")
}
