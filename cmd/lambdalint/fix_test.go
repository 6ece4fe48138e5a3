package main

import (
	"flag"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

var update = flag.Bool("update", false, "update the golden files of TestApplyFixes and TestExamples")

// parseTemp writes src to a temporary file, parses it and returns the file
// set, the file's name and a function that returns the position of the nth
// occurrence (from 0) of a string in src.
func parseTemp(t *testing.T, src string) (*token.FileSet, string, func(s string, n int) token.Pos) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(name, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	tf := fset.File(f.FileStart)
	pos := func(s string, n int) token.Pos {
		t.Helper()
		off := 0
		for i := 0; ; i++ {
			j := strings.Index(src[off:], s)
			if j < 0 {
				t.Fatalf("no occurrence %d of %q", n, s)
			}
			if i == n {
				return tf.Pos(off + j)
			}
			off += j + len(s)
		}
	}
	return fset, name, pos
}

func edit(pos, end token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)}
}

func TestApplyFixes(t *testing.T) {
	input, err := os.ReadFile(filepath.Join("testdata", "fix", "fixes.input"))
	if err != nil {
		t.Fatal(err)
	}
	fset, name, pos := parseTemp(t, string(input))
	at := func(s string, n int) (token.Pos, token.Pos) {
		p := pos(s, n)
		return p, p + token.Pos(len(s))
	}

	rename := func(n int) analysis.SuggestedFix {
		p, end := at("oldName", n)
		return analysis.SuggestedFix{Message: "rename", TextEdits: []analysis.TextEdit{edit(p, end, "newName")}}
	}
	overlapping := func() analysis.SuggestedFix {
		p, end := at("oldName(s string)", 0)
		return analysis.SuggestedFix{TextEdits: []analysis.TextEdit{edit(p, end, "other(s string)")}}
	}
	upper := func() analysis.SuggestedFix {
		afterPackage := pos("\n", 0) + 1
		p, end := at("return s", 0)
		return analysis.SuggestedFix{TextEdits: []analysis.TextEdit{
			edit(p, end, "return    strings.ToUpper(s)"), // gofmt removes the spaces
			edit(afterPackage, token.NoPos, "import \"strings\"\n"),
		}}
	}
	comment := func(text string) analysis.SuggestedFix {
		p := pos("func g", 0)
		return analysis.SuggestedFix{TextEdits: []analysis.TextEdit{edit(p, p, text)}}
	}

	fixes := []analysis.SuggestedFix{
		rename(0),
		rename(1),
		rename(0),     // identical to the first: merged
		overlapping(), // overlaps the first: not applied
		upper(),       // two edits
		comment("// g is a comment.\n"),
		comment("// Another comment at the same offset.\n"), // ambiguous order: not applied
	}
	files, applied, errs := applyFixes(fset, fixes, os.ReadFile)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if want := []bool{true, true, true, false, true, true, false}; !slices.Equal(applied, want) {
		t.Errorf("applied = %v, want %v", applied, want)
	}
	got, ok := files[name]
	if !ok || len(files) != 1 {
		t.Fatalf("changed files: %v, want %s", slices.Collect(maps.Keys(files)), name)
	}

	golden := filepath.Join("testdata", "fix", "fixes.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("fixed file:\n%s\nwant (%s):\n%s\ndiff:\n%s", got, golden, want, unifiedDiff("p.go", want, got))
	}
}

func TestApplyFixesErrors(t *testing.T) {
	const src = "package p\n\nvar x = 1\n"

	// The file changed since it was parsed.
	fset, name, pos := parseTemp(t, src)
	if err := os.WriteFile(name, []byte(src+"// more\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	p := pos("1", 0)
	fix := analysis.SuggestedFix{TextEdits: []analysis.TextEdit{edit(p, p+1, "2")}}
	files, applied, errs := applyFixes(fset, []analysis.SuggestedFix{fix}, os.ReadFile)
	if len(files) != 0 || applied[0] || len(errs) != 1 || !strings.Contains(errs[0].Error(), "changed since it was analyzed") {
		t.Errorf("changed file: files %v, applied %v, errors %v", files, applied, errs)
	}

	// The fix would make the file invalid.
	fset, _, pos = parseTemp(t, src)
	p = pos("1", 0)
	fix = analysis.SuggestedFix{TextEdits: []analysis.TextEdit{edit(p, p+1, "}")}}
	files, applied, errs = applyFixes(fset, []analysis.SuggestedFix{fix}, os.ReadFile)
	if len(files) != 0 || applied[0] || len(errs) != 1 || !strings.Contains(errs[0].Error(), "invalid Go") {
		t.Errorf("invalid fix: files %v, applied %v, errors %v", files, applied, errs)
	}

	// A fix that changes nothing after formatting changes no file.
	fset, _, pos = parseTemp(t, src)
	p = pos("= 1", 0)
	fix = analysis.SuggestedFix{TextEdits: []analysis.TextEdit{edit(p, p, "  ")}}
	files, applied, errs = applyFixes(fset, []analysis.SuggestedFix{fix}, os.ReadFile)
	if len(files) != 0 || !applied[0] || len(errs) != 0 {
		t.Errorf("no-op fix: files %v, applied %v, errors %v", files, applied, errs)
	}
}

func TestUnifiedDiff(t *testing.T) {
	lines := func(n int) []string {
		var ls []string
		for i := 1; i <= n; i++ {
			ls = append(ls, "line "+strings.Repeat("x", i%3)+string(rune('a'+i%26)))
		}
		return ls
	}
	join := func(ls []string) []byte { return []byte(strings.Join(ls, "\n") + "\n") }
	old := lines(20)

	changed := slices.Clone(old)
	changed[1] = "changed 2"   // hunk 1
	changed[17] = "changed 18" // hunk 2: more than 6 unchanged lines apart
	inserted := slices.Insert(slices.Clone(old), 10, "new 11")

	for _, test := range []struct {
		name     string
		old, new []byte
		want     string
	}{
		{"equal", join(old), join(old), ""},
		{"two hunks", join(old), join(changed), `--- a/f.go
+++ b/f.go
@@ -1,5 +1,5 @@
 line xb
-line xxc
+changed 2
 line d
 line xe
 line xxf
@@ -15,6 +15,6 @@
 line p
 line xq
 line xxr
-line s
+changed 18
 line xt
 line xxu
`},
		{"insertion", join(old), join(inserted), `--- a/f.go
+++ b/f.go
@@ -8,6 +8,7 @@
 line xxi
 line j
 line xk
+new 11
 line xxl
 line m
 line xn
`},
		{"empty old", nil, []byte("a\n"), `--- a/f.go
+++ b/f.go
@@ -0,0 +1 @@
+a
`},
		{"no final newline", []byte("a\nb"), []byte("a\nc\n"), `--- a/f.go
+++ b/f.go
@@ -1,2 +1,2 @@
 a
-b
\ No newline at end of file
+c
`},
	} {
		if got := unifiedDiff("f.go", test.old, test.new); got != test.want {
			t.Errorf("%s: got:\n%s\nwant:\n%s", test.name, got, test.want)
		}
	}
}
