// Lambdalint reports Go code that misbehaves on AWS Lambda.
//
// It runs every rule of the registry (package
// github.com/lambdalint/lambdalint/analyzers) and is at the same time a
// standalone command and a tool for go vet:
//
//	lambdalint [flags] [packages]
//	go vet -vettool=$(command -v lambdalint) [packages]
//
// With no packages, it analyzes ./... . Each finding is printed to standard
// output as
//
//	file:line:col: message (rule)
//
// sorted by position, then rule and message, with file names relative to the
// current directory (after -C). Errors go to standard error: packages that do
// not load or type-check are named with their first errors, and are not
// analyzed; neither are their importers.
//
// Flags:
//
//	-C dir         change to dir before loading packages
//	-tags list     comma-separated build tags
//	-test          also analyze test files (default true)
//	-json          print findings as JSON, shaped like go vet -json
//	-format f      print findings as text, json (as -json) or sarif (SARIF 2.1.0)
//	-fix           apply the suggested fixes of the findings to the files
//	-diff          print the fixes as a unified diff instead of findings; change no file
//	-list          list the rules and exit
//	-explain rule  print the documentation of a rule and exit
//	-<rule>        run only the rules enabled this way; -<rule>=false disables a rule
//	-<rule>.<flag> set a flag of a rule
//
// -json prints the findings of each package by rule, in the form of go vet
// -json but with file names relative to the current directory.
//
// -format sarif prints a SARIF 2.1.0 log of one run, with the rules that
// ran, the findings and their suggested fixes, for code scanning services
// such as GitHub's (docs/integrations.md). File names are relative URIs
// against %SRCROOT%, the current directory. When packages fail to load it
// still prints a valid log, which says that the run did not succeed, and
// the exit status is 2.
//
// -fix applies the first suggested fix of each finding, except fixes to
// generated files and fixes that overlap one applied before, formats the
// files it changes with gofmt, analyzes the packages again and prints the
// findings that remain.
//
// Exit status:
//
//	0  no findings
//	1  findings reported (with -fix: findings remain that no fix removed; with -diff: any finding)
//	2  usage error; packages that fail to load or type-check; a rule that fails or panics;
//	   fixes that could not be written
//
// The command drives go vet: it runs go vet -json with itself as the vet
// tool and the rule flags given, and prints what go vet reports in its own
// forms. So the go command loads the packages, type-checks their
// dependencies from the export data in its build cache, analyzes the
// packages in parallel and caches the results of unchanged ones: a run costs
// what go vet costs (docs/performance.md).
//
// With lsp as its first argument, lambdalint is a language server on
// standard input and output, to run beside gopls in an editor (lsp.go):
//
//	lambdalint lsp [flags]
//
// When the go command runs lambdalint as a vet tool (its arguments include
// -V=full or -flags, or end in a .cfg file), lambdalint hands over to
// [unitchecker.Main], and go vet's own conventions apply.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers"
)

// Exit codes.
const (
	exitClean    = 0 // no findings
	exitFindings = 1 // findings reported
	exitError    = 2 // usage, load, analysis or I/O error
)

const progname = "lambdalint"

func main() {
	args := os.Args[1:]
	if vetMode(args) {
		vetMain(analyzers.All()) // never returns
	}
	if len(args) > 0 && args[0] == "lsp" {
		os.Exit(lspMain(args[1:], analyzers.All(), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(run(args, analyzers.All(), os.Stdout, os.Stderr))
}

// vetMode reports whether the go command invoked us as a vet tool: it asks
// for the version (-V=full) or the flags (-flags), or passes a unit's
// configuration file.
func vetMode(args []string) bool {
	for _, arg := range args {
		switch strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-") {
		case "V", "V=full", "flags":
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// run is the command-line mode: it runs the rules selected by the flags
// among rules and returns the exit status.
func run(args []string, rules []*analysis.Analyzer, stdout, stderr io.Writer) int {
	cfg, code := parseCommandLine(args, rules, stdout, stderr)
	if cfg == nil {
		return code
	}
	if cfg.list {
		listRules(stdout, rules)
		return exitClean
	}
	if cfg.explain != "" {
		return explain(stdout, stderr, cfg.explain, rules)
	}

	// Like the go command's -C, but without changing the process's
	// directory: packages are loaded, and file names printed, relative to dir.
	dir, err := filepath.Abs(cfg.dir)
	if err == nil {
		_, err = os.ReadDir(dir)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: -C: %v\n", progname, err)
		return exitError
	}
	d := &driver{cfg: cfg, dir: dir, stdout: stdout, stderr: stderr}
	return d.run()
}

// parseCommandLine parses the flags like parseFlags, with help on
// stdout. When there is nothing more to do (help was asked for, or the
// command line is wrong, which it has explained on stderr) it returns nil
// and the exit status.
func parseCommandLine(args []string, rules []*analysis.Analyzer, stdout, stderr io.Writer) (*cmdline, int) {
	cfg, err := parseFlags(args, rules, stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil, exitClean
	}
	if err != nil {
		// The flag package has already explained flag errors.
		if !errors.Is(err, errUsage) {
			fmt.Fprintf(stderr, "%s: %v\n", progname, err)
		}
		return nil, exitError
	}
	return cfg, exitClean
}

// listRules prints each rule's name and the first line of its doc.
func listRules(w io.Writer, rules []*analysis.Analyzer) {
	width := 0
	for _, a := range rules {
		width = max(width, len(a.Name))
	}
	names := make([]string, 0, len(rules))
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range rules {
		names = append(names, a.Name)
		byName[a.Name] = a
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(w, "%-*s  %s\n", width, name, title(byName[name].Doc))
	}
}

// title returns the first line of an analyzer's doc.
func title(doc string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(doc), "\n")
	return strings.TrimSpace(line)
}
