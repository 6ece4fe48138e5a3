package filesystem_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/filesystem"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestReadOnly(t *testing.T) {
	analysistest.Run(t, testdata(t), filesystem.Analyzer, "filesystem/readonly", "filesystem/chdir")
}

func TestTempFiles(t *testing.T) {
	analysistest.Run(t, testdata(t), filesystem.Analyzer, "filesystem/tempfiles")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), filesystem.Analyzer, "filesystem/fix")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testdata(t), filesystem.Analyzer, "filesystem/lib", "filesystem/xpkg")
}
