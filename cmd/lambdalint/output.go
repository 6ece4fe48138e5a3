package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// print prints the findings in the form that -format asks for.
func (d *driver) print(findings []*finding) error {
	switch d.cfg.format {
	case "json":
		return d.printJSON(d.stdout, findings)
	case "sarif":
		return d.printSARIF(d.stdout, findings, true)
	}
	return printText(d.stdout, findings)
}

// printFailure prints what the form has to say when go vet could not run
// at all, and so analyzed nothing: with -format sarif, the log of a run
// that failed, since whoever reads it (a code scanning upload) expects one;
// nothing in the other forms, which stderr explains.
func (d *driver) printFailure() {
	if d.cfg.format == "sarif" {
		if err := d.printSARIF(d.stdout, nil, false); err != nil {
			d.errorf("%v", err)
		}
	}
}

// printText prints one line per finding, "file:line:col: message (rule)",
// leaving out repeated lines (a file of a package and of its test variant).
// The findings are sorted.
func printText(w io.Writer, findings []*finding) error {
	bw := bufio.NewWriter(w)
	var prev string
	for _, f := range findings {
		line := fmt.Sprintf("%s: %s (%s)\n", f.posn, f.diag.Message, f.rule)
		if line != prev {
			bw.WriteString(line)
			prev = line
		}
	}
	return bw.Flush()
}

// The JSON schema of go vet -json (see x/tools/internal/analysis/driverutil):
// {"package ID": {"analyzer": [diagnostic, ...]}}.
type (
	jsonDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []jsonRelatedInfo  `json:"related,omitempty"`
	}
	jsonSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []jsonTextEdit `json:"edits"`
	}
	jsonTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelatedInfo struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
)

// printJSON prints the findings in the JSON form of go vet -json, with file
// names relative to the working directory like the text form. Errors are
// printed on stderr, not in the JSON.
func (d *driver) printJSON(w io.Writer, findings []*finding) error {
	tree := make(map[string]map[string][]jsonDiagnostic)
	seen := make(map[string]bool)
	rel := func(posn string) string {
		p := parsePosition(posn)
		p.file = d.rel(p.file)
		return p.String()
	}
	for _, f := range findings {
		key := fmt.Sprint(f.pkgID, f.rule, f.posn, f.diag.Message)
		if seen[key] {
			continue
		}
		seen[key] = true

		jd := f.diag
		jd.Posn, jd.End = f.posn.String(), f.end.String()
		jd.SuggestedFixes = nil
		for _, fix := range f.diag.SuggestedFixes {
			jf := jsonSuggestedFix{Message: fix.Message, Edits: []jsonTextEdit{}}
			for _, e := range fix.Edits {
				e.Filename = d.rel(e.Filename)
				jf.Edits = append(jf.Edits, e)
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		jd.Related = nil
		for _, r := range f.diag.Related {
			r.Posn, r.End = rel(r.Posn), rel(r.End)
			jd.Related = append(jd.Related, r)
		}

		byRule := tree[f.pkgID]
		if byRule == nil {
			byRule = make(map[string][]jsonDiagnostic)
			tree[f.pkgID] = byRule
		}
		byRule[f.rule] = append(byRule[f.rule], jd)
	}

	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
