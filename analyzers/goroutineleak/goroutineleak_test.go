package goroutineleak_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/goroutineleak"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestGoroutineLeak(t *testing.T) {
	analysistest.Run(t, testdata(t), goroutineleak.Analyzer,
		"goroutineleak/basic", "goroutineleak/timers", "goroutineleak/groups", "goroutineleak/lib", "goroutineleak/xpkg",
		"goroutineleak/stdlib")
}
