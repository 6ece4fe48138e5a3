package ctxescape_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/ctxescape"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCtxEscape(t *testing.T) {
	analysistest.Run(t, testdata(t), ctxescape.Analyzer, "ctxescape/basic", "ctxescape/recv", "ctxescape/httpreq")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testdata(t), ctxescape.Analyzer, "ctxescape/lib", "ctxescape/xpkg")
}
