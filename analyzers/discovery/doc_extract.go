package discovery

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the documentation of the analyzer called name from
// the content of a doc.go file, the way x/tools' passes do it (their
// analysisutil.MustExtractDoc is internal). The package doc comment holds a
// section for the analyzer:
//
//	// # Analyzer name
//	//
//	// name: summary
//	//
//	// details...
//
// The result is the text after the heading: "summary\n\ndetails...". It
// panics if the section is missing, so a malformed doc.go fails every test.
func MustExtractDoc(content, name string) string {
	doc, err := extractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extractDoc(content, name string) (string, error) {
	if content == "" {
		return "", fmt.Errorf("empty Go source file")
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", fmt.Errorf("not a Go source file: %v", err)
	}
	if f.Doc == nil {
		return "", fmt.Errorf("no package doc comment in the Go source file")
	}
	for _, section := range strings.Split(f.Doc.Text(), "\n# ") {
		if body, ok := strings.CutPrefix(section, "Analyzer "+name); ok {
			body = strings.TrimLeft(body, "\n")
			if !strings.HasPrefix(body, name+":") {
				return "", fmt.Errorf("'Analyzer %s' heading not followed by '%s: summary...' line", name, name)
			}
			return strings.TrimSpace(strings.TrimPrefix(body, name+":")), nil
		}
	}
	return "", fmt.Errorf("package doc comment contains no 'Analyzer %s' heading", name)
}
