package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// guarded records the analyzers whose Run guard has wrapped.
var guarded = make(map[*analysis.Analyzer]bool)

// guard makes every analyzer of the graph rooted at analyzers (the rules and
// the analyzers they require) return an error instead of panicking, so that
// a bug in one rule on one package is reported, with exit status 2, instead
// of crashing the process with a stack trace. The error names the package
// and the analyzer, which unitchecker does not print.
//
// unitchecker reports the failure of a root analyzer, but the failure of an
// analyzer that only others require (the shared handler discovery) only as
// their "failed prerequisites": guard prints the latter's error on stderr,
// where go vet shows it under the package.
//
// guard modifies the analyzers in place: rules look up the results of their
// prerequisites by analyzer (pass.ResultOf[discovery.Analyzer]), so copies
// would not do.
func guard(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var visit func(a *analysis.Analyzer, root bool)
	visit = func(a *analysis.Analyzer, root bool) {
		if guarded[a] {
			return
		}
		guarded[a] = true
		for _, req := range a.Requires {
			visit(req, slices.Contains(analyzers, req))
		}
		if a.Run == nil {
			return // analysis.Validate reports it
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (result any, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("%s: analyzer %s: panic: %v%s (this is a bug in lambdalint)",
						pass.Pkg.Path(), pass.Analyzer.Name, r, panicSite())
				}
				if err != nil && !root {
					fmt.Fprintf(os.Stderr, "%s: %v\n", progname, err)
				}
			}()
			return run(pass)
		}
	}
	for _, a := range analyzers {
		visit(a, true)
	}
	return analyzers
}

// panicSite returns " in function (file:line)" for the function that
// panicked, when called by a deferred function that recovered the panic.
func panicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	panicking := false
	for {
		fr, more := frames.Next()
		switch {
		case fr.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(fr.Function, "runtime."):
			return fmt.Sprintf(" in %s (%s:%d)", fr.Function, filepath.Base(fr.File), fr.Line)
		}
		if !more {
			return ""
		}
	}
}
