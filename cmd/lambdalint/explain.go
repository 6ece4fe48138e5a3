package main

import (
	"fmt"
	"go/doc/comment"
	"io"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// explain prints the documentation of the rule called name: its name, its
// Doc and the URL of its section of docs/rules.md, which holds the same
// Doc rendered as Markdown (TestDocsInSync keeps the two in sync). The
// handler discovery, which is not a rule but decides what every rule looks
// at, can be explained too, by its analyzer's name. It returns the exit
// status.
func explain(stdout, stderr io.Writer, name string, rules []*analysis.Analyzer) int {
	explainable := append(slices.Clip(rules), discovery.Analyzer)
	for _, a := range explainable {
		if a.Name == name {
			fmt.Fprint(stdout, explanation(a))
			return exitClean
		}
	}
	var names []string
	for _, a := range rules {
		names = append(names, a.Name)
	}
	slices.Sort(names)
	fmt.Fprintf(stderr, "%s: -explain %s: no such rule; the rules are %s, and %s explains the handler discovery\n",
		progname, name, strings.Join(names, ", "), discovery.Analyzer.Name)
	return exitError
}

// explanation returns what -explain prints for the analyzer:
//
//	name: Doc
//
//	URL
func explanation(a *analysis.Analyzer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", a.Name, strings.TrimSpace(a.Doc))
	if a.URL != "" {
		fmt.Fprintf(&b, "\n%s\n", a.URL)
	}
	return b.String()
}

// docMarkdown renders an analyzer's Doc, which is the text of a Go doc
// comment (see discovery.MustExtractDoc), as Markdown, the way go/doc
// renders doc comments: paragraphs, lists and code blocks keep their
// meaning, and the characters Markdown would take for emphasis or links
// (the _ of _X_AMZN_TRACE_ID, the * of *http.Request) are escaped.
func docMarkdown(doc string) string {
	var p comment.Parser
	var pr comment.Printer
	return strings.TrimSpace(string(pr.Markdown(p.Parse(doc))))
}
