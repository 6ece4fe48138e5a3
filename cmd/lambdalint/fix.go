package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"slices"
	"strings"
)

// A fileEdit is a text edit as byte offsets into its file.
type fileEdit struct {
	start, end int
	text       string
}

// overlaps reports whether two distinct edits cannot both be applied: their
// ranges intersect, or both insert at the same offset (in no clear order).
func (e fileEdit) overlaps(o fileEdit) bool {
	if e.start == e.end && o.start == o.end {
		return e.start == o.start
	}
	return e.start < o.end && o.start < e.end
}

// applyFixes applies, in order, each fix whose edits do not overlap those of
// the fixes applied before it; an edit identical to one already applied
// (the same fix reported twice, the same import added twice) is merged with
// it. It reads the files with readFile, applies the edits and formats Go
// files with go/format.
//
// It returns the new content of each changed file, by file name, and whether
// each fix was applied. A file that cannot be fixed (unreadable, edits
// beyond its end, or invalid Go after the edits) is left out and described
// in errs, and the fixes that edit it count as not applied.
func applyFixes(fixes []jsonSuggestedFix, readFile func(string) ([]byte, error)) (files map[string][]byte, applied []bool, errs []error) {
	type fileState struct {
		edits []fileEdit
		fixes []int // indexes of the applied fixes that edit the file
	}
	state := make(map[string]*fileState)
	applied = make([]bool, len(fixes))

nextFix:
	for i, fix := range fixes {
		type namedEdit struct {
			name string
			fileEdit
		}
		var add []namedEdit // new edits of this fix
		for _, te := range fix.Edits {
			e := namedEdit{te.Filename, fileEdit{te.Start, te.End, te.New}}
			if e.start < 0 || e.start > e.end {
				continue nextFix
			}
			var prev []fileEdit
			if st := state[e.name]; st != nil {
				prev = st.edits
			}
			if slices.Contains(prev, e.fileEdit) {
				continue // already applied
			}
			for _, p := range prev {
				if p.overlaps(e.fileEdit) {
					continue nextFix
				}
			}
			for _, a := range add {
				if a.name == e.name && a.overlaps(e.fileEdit) {
					continue nextFix
				}
			}
			add = append(add, e)
		}

		applied[i] = true
		for _, te := range fix.Edits {
			st := state[te.Filename]
			if st == nil {
				st = new(fileState)
				state[te.Filename] = st
			}
			if !slices.Contains(st.fixes, i) {
				st.fixes = append(st.fixes, i)
			}
		}
		for _, e := range add {
			st := state[e.name]
			st.edits = append(st.edits, e.fileEdit)
		}
	}

	files = make(map[string][]byte)
	for _, name := range slices.Sorted(maps.Keys(state)) {
		st := state[name]
		content, err := fixFile(name, st.edits, readFile)
		if err != nil {
			errs = append(errs, err)
			for _, i := range st.fixes {
				applied[i] = false
			}
			continue
		}
		if content != nil {
			files[name] = content
		}
	}
	return files, applied, errs
}

// fixFile returns the content of the file after the edits, or nil if the
// file does not change.
func fixFile(name string, edits []fileEdit, readFile func(string) ([]byte, error)) ([]byte, error) {
	old, err := readFile(name)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(edits, func(a, b fileEdit) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	if last := edits[len(edits)-1]; last.end > len(old) {
		return nil, fmt.Errorf("%s changed since it was analyzed; no fix applied to it", name)
	}
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		buf.Write(old[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(old[last:])
	content := buf.Bytes()
	if strings.HasSuffix(name, ".go") {
		formatted, err := format.Source(content)
		if err != nil {
			return nil, fmt.Errorf("fixes would make %s invalid Go (%v); no fix applied to it", name, err)
		}
		content = formatted
	}
	if bytes.Equal(content, old) {
		return nil, nil
	}
	return content, nil
}

// fixesOf returns the first suggested fix of each finding that has one and
// edits no generated file, with absolute file names.
func (d *driver) fixesOf(findings []*finding) []jsonSuggestedFix {
	generated := make(map[string]bool)
	isGenerated := func(name string) bool {
		g, ok := generated[name]
		if !ok {
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.PackageClauseOnly|parser.ParseComments)
			g = err == nil && ast.IsGenerated(f)
			generated[name] = g
		}
		return g
	}
	var fixes []jsonSuggestedFix
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			continue
		}
		fix := f.diag.SuggestedFixes[0]
		fix.Edits = slices.Clone(fix.Edits)
		for i := range fix.Edits {
			fix.Edits[i].Filename = d.abs(fix.Edits[i].Filename)
		}
		if slices.ContainsFunc(fix.Edits, func(e jsonTextEdit) bool {
			return strings.HasSuffix(e.Filename, ".go") && isGenerated(e.Filename)
		}) {
			continue
		}
		fixes = append(fixes, fix)
	}
	return fixes
}

// fix applies the fixes of the findings to the files. It reports whether
// it changed any file.
func (d *driver) fix(findings []*finding) bool {
	fixes := d.fixesOf(findings)
	if len(fixes) == 0 {
		return false
	}
	files, applied, errs := applyFixes(fixes, os.ReadFile)
	for _, err := range errs {
		d.errorf("%v", err)
	}
	changed := false
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := writeFile(name, files[name]); err != nil {
			d.errorf("%v", err)
			continue
		}
		changed = true
	}
	skipped := 0
	for _, ok := range applied {
		if !ok {
			skipped++
		}
	}
	if skipped > 0 && len(errs) == 0 {
		fmt.Fprintf(d.stderr, "%s: %d of %d fixes overlap others and were not applied; run %s -fix again\n",
			progname, skipped, len(fixes), progname)
	}
	return changed
}

// showFixes prints the changes that -fix would make as a unified diff.
func (d *driver) showFixes(findings []*finding) {
	fixes := d.fixesOf(findings)
	if len(fixes) == 0 {
		return
	}
	files, _, errs := applyFixes(fixes, os.ReadFile)
	for _, err := range errs {
		d.errorf("%v", err)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		old, err := os.ReadFile(name)
		if err != nil {
			d.errorf("%v", err)
			continue
		}
		fmt.Fprint(d.stdout, unifiedDiff(d.rel(name), old, files[name]))
	}
}
