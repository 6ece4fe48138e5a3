package handlersetup_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers/handlersetup"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBasic(t *testing.T) {
	analysistest.Run(t, testdata(t), handlersetup.Analyzer, "handlersetup/basic")
}

func TestFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), handlersetup.Analyzer, "handlersetup/fix")
}

func TestExtraFlag(t *testing.T) {
	flags := &handlersetup.Analyzer.Flags
	if err := flags.Set("extra", "handlersetup/extra/db.Connect, (*handlersetup/extra/db.Pool).Dial,handlersetup/extra.connect"); err != nil {
		t.Fatal(err)
	}
	defer flags.Set("extra", "")
	analysistest.Run(t, testdata(t), handlersetup.Analyzer, "handlersetup/extra/db", "handlersetup/extra")
}

func TestExtraFlagBadName(t *testing.T) {
	flags := &handlersetup.Analyzer.Flags
	defer flags.Set("extra", "")
	for _, bad := range []string{
		"Connect",
		"example.com/db.",
		"(*example.com/db.Pool.Dial",
		"(*example.com/db.Pool).",
		"(Pool).Dial",
		"example.com/db.Con nect",
		"example.com/db/.Connect",
	} {
		if err := flags.Set("extra", bad); err == nil {
			t.Errorf("Set(%q) succeeded, want an error", bad)
		}
	}
	for _, good := range []string{
		"",
		"example.com/db.Connect",
		"(*example.com/db.Pool).Dial,(example.com/db.Pool).Open",
	} {
		if err := flags.Set("extra", good); err != nil {
			t.Errorf("Set(%q): %v", good, err)
		}
	}
}

func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testdata(t), handlersetup.Analyzer, "handlersetup/store", "handlersetup/xpkg")
}

// TestGuard checks that a call whose argument leaves a field unset is not
// charged with what the callee does only when the field is set.
func TestGuard(t *testing.T) {
	analysistest.Run(t, testdata(t), handlersetup.Analyzer, "handlersetup/guard/awsconf", "handlersetup/guard/cmd")
}

func TestSDK(t *testing.T) {
	analysistest.Run(t, testdata(t), handlersetup.Analyzer, "handlersetup/sdk")
}

func TestMemo(t *testing.T) {
	analysistest.Run(t, testdata(t), handlersetup.Analyzer, "handlersetup/memo")
}
