package envvars_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/envvars"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestTraceID(t *testing.T) {
	analysistest.Run(t, testdata(t), envvars.Analyzer, "envvars/trace")
}

func TestSetenv(t *testing.T) {
	analysistest.Run(t, testdata(t), envvars.Analyzer, "envvars/setenv", "envvars/nohandler")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testdata(t), envvars.Analyzer, "envvars/lib", "envvars/xpkg")
}
