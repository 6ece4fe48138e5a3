package handlersetup

import "golang.org/x/tools/go/analysis"

// Analyzer is a placeholder until the rule lands.
var Analyzer = &analysis.Analyzer{
	Name: "handlersetup",
	Doc:  "handlersetup (placeholder)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}
