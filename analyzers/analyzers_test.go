package analyzers_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// TestRegistry checks what every face of lambdalint relies on: valid
// analyzers with unique names, each requiring the shared discovery, with a
// one-line summary and a URL into a section of docs/rules.md.
func TestRegistry(t *testing.T) {
	if err := analysis.Validate(analyzers.All()); err != nil {
		t.Fatal(err)
	}
	docs, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	headings := make(map[string]bool)
	for _, m := range regexp.MustCompile(`(?m)^## (.+)$`).FindAllStringSubmatch(string(docs), -1) {
		headings[strings.ReplaceAll(strings.ToLower(m[1]), " ", "-")] = true
	}
	seen := make(map[string]bool)
	for _, a := range append(analyzers.All(), discovery.Analyzer) {
		if seen[a.Name] {
			t.Errorf("rule %s registered twice", a.Name)
		}
		seen[a.Name] = true
		summary, _, _ := strings.Cut(a.Doc, "\n")
		if summary == "" || strings.HasSuffix(summary, " ") {
			t.Errorf("%s: Doc must start with a one-line summary, got %q", a.Name, summary)
		}
		base, anchor, ok := strings.Cut(a.URL, "#")
		if !ok || base != discovery.DocsURL || !headings[anchor] {
			t.Errorf("%s: URL %q does not point to a section of docs/rules.md", a.Name, a.URL)
		}
		if a == discovery.Analyzer {
			continue
		}
		if !slices.Contains(a.Requires, discovery.Analyzer) {
			t.Errorf("%s does not require the shared discovery", a.Name)
		}
	}
}
