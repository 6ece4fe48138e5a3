package processexit_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/processexit"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestProcessExit(t *testing.T) {
	analysistest.Run(t, testdata(t), processexit.Analyzer,
		"processexit/basic", "processexit/loggers", "processexit/goroutines", "processexit/lib", "processexit/xpkg", "processexit/suppress")
}
