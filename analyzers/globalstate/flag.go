package globalstate

import (
	"strconv"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// concurrentFlag is the value of -globalstate.concurrent. It remembers
// whether it was given, so that lambdalint.toml decides otherwise.
type concurrentFlag struct{ set, value bool }

func (f *concurrentFlag) IsBoolFlag() bool { return true }

func (f *concurrentFlag) String() string { return strconv.FormatBool(f.value) }

func (f *concurrentFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	f.set, f.value = true, v
	return nil
}

var concurrent concurrentFlag

func init() {
	Analyzer.Flags.Var(&concurrent, "concurrent",
		"multi-concurrency mode (Lambda Managed Instances): report every unsynchronised write to package state "+
			"from handler code, not only writes from goroutines; overrides concurrent in the [globalstate] table of "+
			discovery.ConfigFile)
}

// concurrentMode reports whether the stricter mode is on for the package:
// the flag when given, else the package's configuration file.
func concurrentMode(res *discovery.Result) (bool, error) {
	if concurrent.set {
		return concurrent.value, nil
	}
	cfg, err := res.Config()
	if err != nil {
		return false, err
	}
	v, _, err := cfg.Bool("globalstate", "concurrent")
	return v, err
}
