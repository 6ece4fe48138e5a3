package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/analyzers/directives"
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

// TestDirectiveRules checks that the rule names the directives analyzer
// accepts are the registry's.
func TestDirectiveRules(t *testing.T) {
	var names []string
	for _, a := range analyzers.All() {
		if a != directives.Analyzer {
			names = append(names, a.Name)
		}
	}
	if !slices.Equal(names, directives.Rules) {
		t.Errorf("directives.Rules = %v\nthe registry's rules: %v", directives.Rules, names)
	}
}

// TestReportUnused checks that every rule reports a suppression directive
// naming it that suppresses nothing, in a package with no handler (which
// every rule's fast path skips) and in one with a clean handler.
func TestReportUnused(t *testing.T) {
	for _, a := range analyzers.All() {
		if a == directives.Analyzer {
			continue
		}
		dir := t.TempDir()
		src := fmt.Sprintf(`package p

//lambdalint:handler
func handler() int {
	//lambdalint:ignore %[1]s nothing to suppress here // want "this directive suppresses no %[1]s finding on this line or the next"
	return 1
}
`, a.Name)
		lib := fmt.Sprintf(`package q

//lambdalint:file-ignore %[1]s stale // want "this directive suppresses no %[1]s finding in this file"
`, a.Name)
		for path, content := range map[string]string{"src/p/p.go": src, "src/q/q.go": lib} {
			path = filepath.Join(dir, path)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Run(a.Name, func(t *testing.T) {
			analysistest.Run(t, dir, a, "p", "q")
		})
	}
}
