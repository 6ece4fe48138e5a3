package main

import (
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "update the golden files of TestApplyFixes and TestExamples, and the Doc blocks of docs/rules.md (TestDocsInSync)")

// writeTemp writes src to a temporary file and returns the file's name and
// a function that returns the offset of the nth occurrence (from 0) of a
// string in src.
func writeTemp(t *testing.T, src string) (string, func(s string, n int) int) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(name, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	off := func(s string, n int) int {
		t.Helper()
		off := 0
		for i := 0; ; i++ {
			j := strings.Index(src[off:], s)
			if j < 0 {
				t.Fatalf("no occurrence %d of %q", n, s)
			}
			if i == n {
				return off + j
			}
			off += j + len(s)
		}
	}
	return name, off
}

func TestApplyFixes(t *testing.T) {
	input, err := os.ReadFile(filepath.Join("testdata", "fix", "fixes.input"))
	if err != nil {
		t.Fatal(err)
	}
	name, off := writeTemp(t, string(input))
	edit := func(start, end int, text string) jsonTextEdit {
		return jsonTextEdit{Filename: name, Start: start, End: end, New: text}
	}
	at := func(s string, n int) (int, int) {
		p := off(s, n)
		return p, p + len(s)
	}

	rename := func(n int) jsonSuggestedFix {
		p, end := at("oldName", n)
		return jsonSuggestedFix{Message: "rename", Edits: []jsonTextEdit{edit(p, end, "newName")}}
	}
	overlapping := func() jsonSuggestedFix {
		p, end := at("oldName(s string)", 0)
		return jsonSuggestedFix{Edits: []jsonTextEdit{edit(p, end, "other(s string)")}}
	}
	upper := func() jsonSuggestedFix {
		afterPackage := off("\n", 0) + 1
		p, end := at("return s", 0)
		return jsonSuggestedFix{Edits: []jsonTextEdit{
			edit(p, end, "return    strings.ToUpper(s)"), // gofmt removes the spaces
			edit(afterPackage, afterPackage, "import \"strings\"\n"),
		}}
	}
	comment := func(text string) jsonSuggestedFix {
		p := off("func g", 0)
		return jsonSuggestedFix{Edits: []jsonTextEdit{edit(p, p, text)}}
	}

	fixes := []jsonSuggestedFix{
		rename(0),
		rename(1),
		rename(0),     // identical to the first: merged
		overlapping(), // overlaps the first: not applied
		upper(),       // two edits
		comment("// g is a comment.\n"),
		comment("// Another comment at the same offset.\n"), // ambiguous order: not applied
	}
	files, applied, errs := applyFixes(fixes, os.ReadFile)
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
	fix := func(name string, start, end int, text string) []jsonSuggestedFix {
		return []jsonSuggestedFix{{Edits: []jsonTextEdit{{Filename: name, Start: start, End: end, New: text}}}}
	}

	// The file shrank since it was analyzed: the edit is beyond its end.
	name, off := writeTemp(t, src)
	p := off("1", 0)
	if err := os.WriteFile(name, []byte("package p\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	files, applied, errs := applyFixes(fix(name, p, p+1, "2"), os.ReadFile)
	if len(files) != 0 || applied[0] || len(errs) != 1 || !strings.Contains(errs[0].Error(), "changed since it was analyzed") {
		t.Errorf("changed file: files %v, applied %v, errors %v", files, applied, errs)
	}

	// The fix would make the file invalid.
	name, off = writeTemp(t, src)
	p = off("1", 0)
	files, applied, errs = applyFixes(fix(name, p, p+1, "}"), os.ReadFile)
	if len(files) != 0 || applied[0] || len(errs) != 1 || !strings.Contains(errs[0].Error(), "invalid Go") {
		t.Errorf("invalid fix: files %v, applied %v, errors %v", files, applied, errs)
	}

	// A fix that changes nothing after formatting changes no file.
	name, off = writeTemp(t, src)
	p = off("= 1", 0)
	files, applied, errs = applyFixes(fix(name, p, p, "  "), os.ReadFile)
	if len(files) != 0 || !applied[0] || len(errs) != 0 {
		t.Errorf("no-op fix: files %v, applied %v, errors %v", files, applied, errs)
	}

	// An edit that starts after it ends is no fix.
	name, _ = writeTemp(t, src)
	files, applied, errs = applyFixes(fix(name, 3, 2, ""), os.ReadFile)
	if len(files) != 0 || applied[0] || len(errs) != 0 {
		t.Errorf("inverted edit: files %v, applied %v, errors %v", files, applied, errs)
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
