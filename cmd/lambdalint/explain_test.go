package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// documented returns the analyzers that docs/rules.md and -explain
// document: the rules and the handler discovery.
func documented() []*analysis.Analyzer {
	return append(analyzers.All(), discovery.Analyzer)
}

func TestExplain(t *testing.T) {
	for _, a := range documented() {
		res := runLambdalint(t, ".", "-explain", a.Name)
		want := a.Name + ": " + a.Doc + "\n\n" + a.URL + "\n"
		if res.code != exitClean || res.stdout != want || res.stderr != "" {
			t.Errorf("lambdalint -explain %s: exit status %d, stdout:\n%s\nstderr:\n%s\nwant exit status 0 and:\n%s",
				a.Name, res.code, res.stdout, res.stderr, want)
		}
	}

	res := runLambdalint(t, ".", "-explain", "nosuchrule")
	if res.code != exitError || res.stdout != "" || !strings.Contains(res.stderr, "-explain nosuchrule: no such rule") {
		t.Errorf("lambdalint -explain nosuchrule: exit status %d, stdout %q, stderr %q; want %d and an error",
			res.code, res.stdout, res.stderr, exitError)
	}
	for _, a := range documented() {
		if !strings.Contains(res.stderr, a.Name) {
			t.Errorf("lambdalint -explain nosuchrule does not name %s:\n%s", a.Name, res.stderr)
		}
	}
}

// rulesDoc is docs/rules.md, relative to this package.
var rulesDoc = filepath.Join("..", "..", "docs", "rules.md")

// TestDocsInSync checks that the section of docs/rules.md of each rule, and
// of the handler discovery, holds the analyzer's Doc, which -explain
// prints, rendered as Markdown between the markers
//
//	<!-- doc:<name> --> ... <!-- end doc:<name> -->
//
// With -update, it rewrites the text between the markers from the Doc, and
// adds the markers at the end of a section that lacks them; it changes
// nothing else in the file.
func TestDocsInSync(t *testing.T) {
	data, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatal(err)
	}
	want, errs := syncDocs(string(data), documented())
	for _, err := range errs {
		t.Errorf("%s: %v", rulesDoc, err)
	}
	if want == string(data) {
		return
	}
	if *update {
		if err := os.WriteFile(rulesDoc, []byte(want), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("docs/rules.md and the analyzers' Doc differ (go test ./cmd/lambdalint -run TestDocsInSync -update rewrites the blocks):\n%s",
		unifiedDiff("docs/rules.md", data, []byte(want)))
}

// docBlock returns the block of docs/rules.md that documents an analyzer,
// markers included.
func docBlock(a *analysis.Analyzer) string {
	return fmt.Sprintf("<!-- doc:%[1]s -->\n"+
		"**Reference**: the analyzer's documentation, which `lambdalint -explain %[1]s` prints.\n\n"+
		"%[2]s\n\n"+
		"<!-- end doc:%[1]s -->", a.Name, docMarkdown(a.Doc))
}

// syncDocs returns md with the block of each analyzer rewritten in its
// section: the one whose heading's anchor is the fragment of its URL. It
// leaves alone, and describes in errs, the analyzers whose section or
// markers are missing or misplaced.
func syncDocs(md string, as []*analysis.Analyzer) (_ string, errs []error) {
	for _, a := range as {
		var err error
		md, err = syncDoc(md, a)
		if err != nil {
			errs = append(errs, fmt.Errorf("analyzer %s: %v", a.Name, err))
		}
	}
	return md, errs
}

// syncDoc rewrites, or adds, the block of one analyzer.
func syncDoc(md string, a *analysis.Analyzer) (string, error) {
	_, anchor, ok := strings.Cut(a.URL, "#")
	if !ok {
		return md, fmt.Errorf("URL %q names no section", a.URL)
	}
	start, end, err := section(md, anchor)
	if err != nil {
		return md, err
	}
	begin, stop := "<!-- doc:"+a.Name+" -->", "<!-- end doc:"+a.Name+" -->"
	body := md[start:end]
	if strings.Count(md, begin) != strings.Count(body, begin) || strings.Count(md, stop) != strings.Count(body, stop) {
		return md, fmt.Errorf("its markers are outside its section #%s", anchor)
	}
	i, j := strings.Index(body, begin), strings.Index(body, stop)
	switch {
	case strings.Count(body, begin) > 1 || strings.Count(body, stop) > 1:
		return md, fmt.Errorf("section #%s has its markers more than once", anchor)
	case i < 0 && j < 0:
		// At the end of the section, before the blank lines that
		// separate it from the next.
		text := strings.TrimRight(body, "\n")
		body = text + "\n\n" + docBlock(a) + body[len(text):]
	case 0 <= i && i < j:
		body = body[:i] + docBlock(a) + body[j+len(stop):]
	default:
		return md, fmt.Errorf("section #%s has %q without %q", anchor, begin, stop)
	}
	return md[:start] + body + md[end:], nil
}

var heading = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*$`)

// section returns the start and end offsets in md of the section whose
// heading has the anchor: from its heading to the next heading of the
// same or a higher level, outside code blocks.
func section(md, anchor string) (start, end int, err error) {
	start, level := -1, 0
	fence := ""
	offset := 0
	for line := range strings.Lines(md) {
		lineStart := offset
		offset += len(line)
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		m := heading.FindStringSubmatch(strings.TrimRight(line, "\n"))
		if m == nil {
			continue
		}
		switch {
		case start >= 0 && len(m[1]) <= level:
			return start, lineStart, nil
		case start < 0 && slug(m[2]) == anchor:
			start, level = lineStart, len(m[1])
		case start >= 0 && slug(m[2]) == anchor:
			return 0, 0, fmt.Errorf("two sections #%s", anchor)
		}
	}
	if start < 0 {
		return 0, 0, fmt.Errorf("no section #%s", anchor)
	}
	return start, len(md), nil
}

// slug returns the anchor that GitHub gives a heading: lower case, with
// spaces turned into hyphens and other punctuation dropped.
func slug(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 127:
			b.WriteRune(r)
		}
	}
	return b.String()
}
