package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// vetMain runs the rules as a go vet tool; it never returns.
func vetMain(rules []*analysis.Analyzer) {
	// Registered before unitchecker's own -V, which then stands aside.
	flag.Var(versionFlag{}, "V", "print version and exit")
	unitchecker.Main(guard(rules, true)...)
}

// versionFlag answers the go command's -V=full. The go command keys its
// cache of vet results on the tool's ID, the code and the flags; the rules
// also read lambdalint.toml files, so the ID covers them too: the digest of
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
	config, err := discovery.ConfigFingerprint(dir)
	if err != nil {
		log.Fatal(err)
	}
	// The go command takes the last field, buildID=..., as the ID.
	fmt.Printf("%s version devel comments-go-here buildID=%02x-%s\n", exe, h.Sum(nil), config)
	os.Exit(0)
	return nil
}
