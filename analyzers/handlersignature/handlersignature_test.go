package handlersignature_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/handlersignature"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestHandlerSignature(t *testing.T) {
	analysistest.Run(t, testdata(t), handlersignature.Analyzer,
		"handlersignature/shapes", "handlersignature/values", "handlersignature/results",
		"handlersignature/eventtypes", "handlersignature/generic", "handlersignature/ignore",
		"handlersignature/noentry", "handlersignature/lib", "handlersignature/xpkg")
}
