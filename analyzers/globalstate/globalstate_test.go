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
