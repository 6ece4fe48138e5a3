package globalstate

import "golang.org/x/tools/go/analysis"

// Analyzer is a placeholder until the rule lands.
var Analyzer = &analysis.Analyzer{
	Name: "globalstate",
	Doc:  "globalstate (placeholder)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
