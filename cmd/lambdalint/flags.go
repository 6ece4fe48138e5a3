package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/internal/config"
)

// cmdline is the parsed command line.
type cmdline struct {
	dir   string // -C
	tags  string // -tags
	tests bool   // -test
	json  bool   // -json
	fix   bool   // -fix
	diff  bool   // -diff
	list  bool   // -list

	format  string // -format: text, json or sarif (-json is -format json)
	explain string // -explain: the rule to print the documentation of

	analyzers []*analysis.Analyzer // the rules to run
	all       []*analysis.Analyzer // every rule, to check configuration files against
	ruleFlags []string             // the rule flags given, for the vet tool: -<rule>[=false], -<rule>.<flag>=value
	patterns  []string             // package patterns
}

// errUsage reports a flag error that the flag package has already printed.
var errUsage = errors.New("usage error")

const usageHeader = `usage: %[1]s [flags] [packages]

%[1]s reports Go code that misbehaves on AWS Lambda.
With no packages, it analyzes ./... . Findings are printed as
	file:line:col: message (rule)

As a vet tool (the go command passes -V=full, -flags or a .cfg file):
	go vet -vettool=$(command -v %[1]s) [packages]

Flags:
`

const usageFooter = `
Rule flags: -<rule> runs only the rules enabled this way, -<rule>=false
disables a rule (run -list to see them), -<rule>.<flag> sets a rule's flag.

Exit status:
	0  no findings
	1  findings reported (with -fix: findings remain that no fix removed;
	   with -diff: any finding)
	2  usage error; packages that fail to load or type-check; a rule that
	   fails or panics; fixes that could not be written
`

// parseFlags parses the command line. It returns flag.ErrHelp after printing
// the usage to stdout for -h, and errUsage after printing a usage error to
// stderr.
func parseFlags(args []string, rules []*analysis.Analyzer, stdout, stderr io.Writer) (*cmdline, error) {
	cfg := &cmdline{tests: true, all: rules}
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // printed below, on the right stream

	fs.StringVar(&cfg.dir, "C", "", "change to `dir` before loading packages")
	fs.StringVar(&cfg.tags, "tags", "", "comma-separated `list` of build tags")
	fs.BoolVar(&cfg.tests, "test", cfg.tests, "also analyze test files")
	fs.BoolVar(&cfg.json, "json", false, "print findings as JSON, shaped like go vet -json")
	fs.BoolVar(&cfg.fix, "fix", false, "apply the suggested fixes of the findings to the files")
	fs.BoolVar(&cfg.diff, "diff", false, "print the suggested fixes as a unified diff instead of findings; change no file")
	fs.BoolVar(&cfg.list, "list", false, "list the rules and exit")
	fs.StringVar(&cfg.format, "format", "text", "print findings in `format` text, json (as -json) or sarif (SARIF 2.1.0)")
	fs.StringVar(&cfg.explain, "explain", "", "print the documentation of `rule` and exit")

	// Like go vet: -<rule> and -<rule>=false select rules,
	// -<rule>.<flag> sets a rule's own flag.
	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range rules {
		if fs.Lookup(a.Name) != nil {
			return nil, fmt.Errorf("internal error: rule %q conflicts with a flag of the same name", a.Name)
		}
		ts := new(triState)
		fs.Var(ts, a.Name, "enable rule "+a.Name+": "+title(a.Doc))
		enabled[a] = ts
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}

	// The flags of what the rules require: -lambdahandlers.entries.
	for _, a := range config.Required(rules) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}

	// Parse returns ErrHelp for -h and -help; it has printed other errors.
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fmt.Fprintf(stdout, usageHeader, progname)
			fs.PrintDefaults()
			fmt.Fprint(stdout, usageFooter)
			return nil, err
		}
		fmt.Fprintf(stderr, "run '%s -h' for usage\n", progname)
		return nil, errUsage
	}

	isRule := make(map[string]bool) // what the vet tool takes flags of
	for _, a := range slices.Concat(rules, config.Required(rules)) {
		isRule[a.Name] = true
	}
	fs.Visit(func(f *flag.Flag) {
		rule, _, _ := strings.Cut(f.Name, ".")
		if isRule[rule] {
			cfg.ruleFlags = append(cfg.ruleFlags, "-"+f.Name+"="+f.Value.String())
		}
	})

	switch {
	case cfg.format != "text" && cfg.format != "json" && cfg.format != "sarif":
		return nil, fmt.Errorf("-format %s: want text, json or sarif", cfg.format)
	case cfg.json && cfg.format == "sarif":
		return nil, fmt.Errorf("-json and -format sarif disagree: give one")
	case cfg.json:
		cfg.format = "json"
	}

	cfg.patterns = fs.Args()
	if len(cfg.patterns) == 0 {
		cfg.patterns = []string{"./..."}
	}

	// If any rule is enabled explicitly, run only those;
	// otherwise run all but the ones disabled explicitly.
	var hasTrue bool
	for _, ts := range enabled {
		hasTrue = hasTrue || *ts == setTrue
	}
	for _, a := range rules {
		if ts := *enabled[a]; ts == setTrue || !hasTrue && ts != setFalse {
			cfg.analyzers = append(cfg.analyzers, a)
		}
	}
	if len(cfg.analyzers) == 0 && !cfg.list && cfg.explain == "" {
		fmt.Fprintf(stderr, "%s: every rule is disabled\n", progname)
		return nil, errUsage
	}
	return cfg, nil
}

// triState is a boolean flag that remembers whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) Get() any { return *ts == setTrue }

func (ts *triState) String() string {
	if *ts == setFalse {
		return "false"
	}
	return "true"
}

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		// The flag package prints "invalid boolean value" for us.
		return err
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}
