package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/lambdalint/lambdalint/internal/config"
)

// vetMain runs the rules as a go vet tool; it never returns.
func vetMain(rules []*analysis.Analyzer) {
	if args := os.Args[1:]; len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		prepareUnit(args[len(args)-1], rules)
	}
	// unitchecker registers the flags of the rules, not of what they
	// require: -lambdahandlers.entries is ours to add.
	for _, a := range config.Required(rules) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			flag.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	// Registered before unitchecker's own -V, which then stands aside.
	flag.Var(versionFlag{}, "V", "print version and exit")
	unitchecker.Main(guard(rules)...)
}

// unitConfig is the part of the go command's description of a unit
// (unitchecker.Config) that prepareUnit reads.
type unitConfig struct {
	Dir     string
	GoFiles []string
}

// prepareUnit looks at the unit that the go command hands over in the .cfg
// file name before unitchecker analyzes it.
//
// The settings of the configuration file that applies to the unit's
// package become flags, placed before the command line's so that these
// win: the rules themselves read nothing but their pass.
//
// With -test=false it drops the test files of the unit, since go vet
// analyzes a package with its internal tests as one unit, and it ends the
// process for a unit of test files only (an external test package), which
// no other unit imports. Every other unit is analyzed, dependencies
// included: unitchecker takes the types of a unit's imports from the facts
// files of their own analysis, not from compiler export data.
func prepareUnit(name string, rules []*analysis.Analyzer) {
	data, err := os.ReadFile(name)
	if err != nil {
		log.Fatal(err)
	}
	var cfg unitConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		log.Fatalf("cannot decode JSON config file %s: %v", name, err)
	}
	if err := applyConfig(cfg.Dir, rules); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
		os.Exit(1)
	}
	if os.Getenv(envNoTest) == "" {
		return
	}
	var kept []string
	for _, f := range cfg.GoFiles {
		if !strings.HasSuffix(f, "_test.go") {
			kept = append(kept, f)
		}
	}
	switch len(kept) {
	case len(cfg.GoFiles):
		return
	case 0:
		os.Exit(0)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		log.Fatal(err)
	}
	raw["GoFiles"] = kept
	if data, err = json.Marshal(raw); err != nil {
		log.Fatal(err)
	}
	filtered := strings.TrimSuffix(name, ".cfg") + ".notest.cfg"
	if err := os.WriteFile(filtered, data, 0o666); err != nil {
		log.Fatal(err)
	}
	os.Args[len(os.Args)-1] = filtered
}

// applyConfig puts the settings of the configuration file for the package
// in dir before the flags of the command line.
func applyConfig(dir string, rules []*analysis.Analyzer) error {
	if dir == "" {
		return nil
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	path, err := config.Find(dir)
	if path == "" || err != nil {
		return err
	}
	opts, err := config.Load(path, rules)
	if err != nil {
		return err
	}
	given := make(map[string]bool)
	for _, arg := range os.Args[1:] {
		if name, ok := strings.CutPrefix(arg, "-"); ok {
			name, _, _ = strings.Cut(strings.TrimPrefix(name, "-"), "=")
			given[name] = true
		}
	}
	args := opts.Args(func(name string) bool { return given[name] })
	os.Args = slices.Concat(os.Args[:1], args, os.Args[1:])
	return nil
}

// versionFlag answers the go command's -V=full. The go command keys its
// cache of vet results on the tool's ID, the code and the flags; the tool
// also reads lambdalint.toml files, so the ID covers them too: the digest of
// the executable, as unitchecker computes it, and of the configuration
// files of the module the go command runs in. Without it, a changed setting
// would replay results cached under the old one.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }

func (versionFlag) Set(s string) error {
	if s != "full" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	exe, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(exe)
	if err != nil {
		log.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		log.Fatal(err)
	}
	f.Close()
	dir, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	config, err := config.Fingerprint(dir)
	if err != nil {
		log.Fatal(err)
	}
	// So does the command-line mode's -test=false, and a test's rules.
	for _, env := range []string{envNoTest, envTestRules} {
		if v := os.Getenv(env); v != "" {
			config += fmt.Sprintf("-%x", sha256.Sum256([]byte(env+"="+v)))
		}
	}
	// The go command takes the last field, buildID=..., as the ID.
	fmt.Printf("%s version devel comments-go-here buildID=%02x-%s\n", exe, h.Sum(nil), config)
	os.Exit(0)
	return nil
}
