package directives

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

//go:embed doc.go
var doc string

// Analyzer reports malformed lambdalint directives.
var Analyzer = &analysis.Analyzer{
	Name:     "directives",
	Doc:      discovery.MustExtractDoc(doc, "directives"),
	URL:      discovery.DocsURL + "#directives",
	Requires: []*analysis.Analyzer{discovery.Analyzer},
	Run:      run,
}

// Rules are the names a suppression directive may use: lambdalint's rules
// (the registry's test keeps the list in step with it) and "all".
var Rules = []string{
	"ctxdeadline",
	"ctxescape",
	"envvars",
	"filesystem",
	"globalstate",
	"goroutineleak",
	"handlersetup",
	"handlersignature",
	"invoke",
	"neverruns",
	"processexit",
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	if res.Foreign() {
		return nil, nil
	}
	for _, ig := range res.Ignores() {
		c := ig.Comment
		name := discovery.IgnoreDirective
		if ig.FileWide {
			name = discovery.FileIgnoreDirective
		}
		switch {
		case len(ig.Rules) == 0:
			pass.ReportRangef(c, "%s names no rule, so it suppresses nothing: write %s <rule>[,<rule>] <reason>", name, name)
			continue
		case ig.Reason == "":
			pass.ReportRangef(c, "%s has no reason, so it suppresses nothing: say after the rule names why the finding does not apply", name)
		}
		for _, rule := range ig.Rules {
			if rule != "all" && !slices.Contains(Rules, rule) {
				pass.ReportRangef(c, "%s names %q, which is no lambdalint rule, so it suppresses nothing%s", name, rule, suggest(rule))
			}
		}
	}
	for _, c := range res.UnknownDirectives() {
		verb, _, _ := strings.Cut(strings.TrimPrefix(c.Text, discovery.Prefix), " ")
		pass.ReportRangef(c, "unknown directive %s%s, which does nothing: lambdalint knows %signore, %sfile-ignore and %shandler",
			discovery.Prefix, verb, discovery.Prefix, discovery.Prefix, discovery.Prefix)
	}
	return nil, nil
}

// suggest names the rule closest to a misspelt name, if one is close.
func suggest(name string) string {
	best, bestDist := "", 3 // at most two edits away
	for _, rule := range Rules {
		if d := distance(name, rule); d < bestDist {
			best, bestDist = rule, d
		}
	}
	if best == "" {
		return fmt.Sprintf(" (the rules: %s)", strings.Join(Rules, ", "))
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
