package invoke_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/invoke"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSDK(t *testing.T) {
	analysistest.Run(t, testdata(t), invoke.Analyzer, "invoke/v1", "invoke/v2", "invoke/v2types")
}

// TestInvokedFunctionArn: the function's own ARN, from lambdacontext.
func TestInvokedFunctionArn(t *testing.T) {
	analysistest.Run(t, testdata(t), invoke.Analyzer, "invoke/arn")
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testdata(t), invoke.Analyzer, "invoke/lib", "invoke/xpkg")
}
