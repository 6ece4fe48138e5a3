package main

// -format sarif: the findings as a SARIF 2.1.0 log, the format of code
// scanning services (GitHub code scanning, GitLab's SARIF reports).
//
// The model is staticcheck's, honnef.co/go/tools/sarif, extended where it
// lacks what lambdalint reports (a rule's fullDescription, a result's
// ruleIndex, a run's columnKind, originalUriBaseIds and the invocation's
// toolExecutionNotifications, the byte offsets of a fix's region), or
// prints what the schema rejects (a result's suppressions as null). The
// extensions embed its types: encoding/json promotes the embedded fields,
// and a field of the outer type replaces an embedded one of the same JSON
// name.

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/sarif"
)

const (
	// sarifSchema is the id of the official schema of SARIF 2.1.0 (with
	// its errata), which testdata/sarif-schema-2.1.0.json is a copy of.
	sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

	informationURI = "https://github.com/lambdalint/lambdalint"

	// srcRoot is the base of the relative URIs of files: the working
	// directory, which is where code scanning services expect the root of
	// the repository to be.
	srcRoot = "%SRCROOT%"

	// maxDescription is the length, in characters, beyond which GitHub
	// and GitLab reject a rule's shortDescription or fullDescription (GitLab
	// then drops every result of the rule).
	maxDescription = 1024
)

type (
	sarifLog struct {
		Version string     `json:"version"`
		Schema  string     `json:"$schema"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                         `json:"tool"`
		Invocations        []sarifInvocation                 `json:"invocations"`
		OriginalURIBaseIDs map[string]sarif.ArtifactLocation `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                            `json:"columnKind"`
		// Results is nil, and left out, when nothing was analyzed: SARIF
		// reads an empty array as "no findings".
		Results []sarifResult `json:"results,omitzero"`
	}
	sarifTool struct {
		Driver sarifToolComponent `json:"driver"`
	}
	sarifToolComponent struct {
		sarif.ToolComponent
		Rules []sarifRule `json:"rules"`
	}
	sarifRule struct {
		sarif.ReportingDescriptor
		FullDescription sarif.Message `json:"fullDescription"`
	}
	sarifInvocation struct {
		sarif.Invocation
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string        `json:"level"`
		Message sarif.Message `json:"message"`
	}
	sarifResult struct {
		sarif.Result
		RuleIndex int        `json:"ruleIndex"`
		Fixes     []sarifFix `json:"fixes,omitempty"`
		// Suppressions is always empty, and left out: a finding that
		// //lambdalint:ignore suppresses is not reported at all.
		Suppressions []sarif.Suppression `json:"suppressions,omitempty"`
	}
	sarifFix struct {
		Description     sarif.Message         `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarif.ArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement     `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifEditRegion        `json:"deletedRegion"`
		InsertedContent *sarif.ArtifactContent `json:"insertedContent,omitempty"`
	}
	// A sarifEditRegion is the region of an edit: a text region, as SARIF
	// asks of edits to text files, and the same bytes as a binary region,
	// since go vet's edits are byte offsets.
	sarifEditRegion struct {
		sarif.Region
		ByteOffset int `json:"byteOffset"`
		ByteLength int `json:"byteLength"`
	}
)

// printSARIF prints a SARIF log of one run of the rules: the rules that ran
// (-<rule> selects them), the findings, with their suggested fixes, and the
// errors reported so far, if any, as notifications of a run that did not
// succeed. analyzed is false when go vet could not run at all: the log then
// has no results, rather than an empty list of them.
//
// Columns are counted in UTF-16 code units, the default of GitHub code
// scanning, from go vet's byte columns and the content of the files.
// Findings repeated by the test variant of a package are reported once, as
// in the text form.
func (d *driver) printSARIF(w io.Writer, findings []*finding, analyzed bool) error {
	src := &sourceFiles{d: d, files: make(map[string]*sourceFile)}

	var rules []sarifRule
	ruleIndex := make(map[string]int)
	addRule := func(r sarifRule) {
		ruleIndex[r.ID] = len(rules)
		rules = append(rules, r)
	}
	for _, a := range d.cfg.analyzers {
		addRule(sarifRuleOf(a))
	}

	var results []sarifResult
	if analyzed {
		results = []sarifResult{}
		seen := make(map[string]bool)
		for _, f := range findings {
			key := f.posn.String() + " " + f.rule + " " + f.diag.Message
			if seen[key] {
				continue
			}
			seen[key] = true
			if _, ok := ruleIndex[f.rule]; !ok {
				// An analyzer that reports without being asked to:
				// describe it as well as it can be.
				addRule(d.sarifRuleNamed(f.rule))
			}
			results = append(results, src.result(f, ruleIndex[f.rule]))
		}
	}

	var notes []sarifNotification
	for _, msg := range d.errs {
		notes = append(notes, sarifNotification{Level: sarif.Error, Message: sarif.Message{Text: msg}})
	}
	root := sarif.ArtifactLocation{URI: fileURI(d.dir) + "/"}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifToolComponent{
			ToolComponent: sarif.ToolComponent{
				Name:           progname,
				Version:        toolVersion(),
				InformationURI: informationURI,
			},
			Rules: rules,
		}},
		Invocations: []sarifInvocation{{
			Invocation:                 sarif.Invocation{WorkingDirectory: root, ExecutionSuccessful: !d.failed},
			ToolExecutionNotifications: notes,
		}},
		OriginalURIBaseIDs: map[string]sarif.ArtifactLocation{srcRoot: root},
		ColumnKind:         "utf16CodeUnits",
		Results:            results,
	}

	log := sarifLog{Version: sarif.Version, Schema: sarifSchema, Runs: []sarifRun{run}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// sarifRuleNamed describes the rule called name, which may not be one.
func (d *driver) sarifRuleNamed(name string) sarifRule {
	for _, a := range d.cfg.all {
		if a.Name == name {
			return sarifRuleOf(a)
		}
	}
	return sarifRule{
		ReportingDescriptor: sarif.ReportingDescriptor{
			ID:                   name,
			ShortDescription:     sarif.Message{Text: name},
			Help:                 sarif.Message{Text: name},
			DefaultConfiguration: sarif.ReportingConfiguration{Enabled: true, Level: sarif.Warning},
		},
		FullDescription: sarif.Message{Text: name},
	}
}

// sarifRuleOf describes a rule: its name as the id, the first line of its
// Doc as the short description, as much of the Doc as GitHub and GitLab
// take as the full description, and the whole Doc, in text and in Markdown,
// with the link to its section of docs/rules.md, as the help.
func sarifRuleOf(a *analysis.Analyzer) sarifRule {
	doc := strings.TrimSpace(a.Doc)
	help := sarif.Message{Text: doc, Markdown: docMarkdown(doc)}
	if a.URL != "" {
		help.Text += "\n\n" + a.URL
		help.Markdown += "\n\n[lambdalint docs: " + a.Name + "](" + a.URL + ")"
	}
	return sarifRule{
		ReportingDescriptor: sarif.ReportingDescriptor{
			ID:                   a.Name,
			ShortDescription:     sarif.Message{Text: clip(title(doc), maxDescription)},
			Help:                 help,
			HelpURI:              a.URL,
			DefaultConfiguration: sarif.ReportingConfiguration{Enabled: true, Level: sarif.Warning},
		},
		FullDescription: sarif.Message{Text: leadingParagraphs(doc, maxDescription)},
	}
}

// leadingParagraphs returns the paragraphs at the start of doc that fit in
// max characters, without a last one that announces what does not fit
// ("the analyzer reports:"), or the first one clipped to max.
func leadingParagraphs(doc string, max int) string {
	if utf8.RuneCountInString(doc) <= max {
		return doc
	}
	paras := strings.Split(doc, "\n\n")
	n := 1
	for n < len(paras) && utf8.RuneCountInString(strings.Join(paras[:n+1], "\n\n")) <= max {
		n++
	}
	for n > 1 && strings.HasSuffix(paras[n-1], ":") {
		n--
	}
	return clip(strings.Join(paras[:n], "\n\n"), max)
}

// clip returns s cut to at most max characters, ending with an ellipsis if
// it was cut.
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)
	return strings.TrimSpace(string(runes[:max-1])) + "…"
}

// toolVersion returns the version of the lambdalint module that the
// executable was built from: v1.2.3 after go install ...@v1.2.3, and ""
// for a build in a checkout without version control information.
func toolVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "(devel)" {
		return ""
	}
	return bi.Main.Version
}

// result turns a finding into a SARIF result.
func (src *sourceFiles) result(f *finding, ruleIndex int) sarifResult {
	r := sarifResult{
		Result: sarif.Result{
			RuleID:  f.rule,
			Kind:    sarif.Fail,
			Level:   sarif.Warning,
			Message: sarif.Message{Text: f.diag.Message},
		},
		RuleIndex: ruleIndex,
	}
	if loc, ok := src.location(f.posn, f.end); ok {
		r.Locations = []sarif.Location{loc}
	}
	for _, rel := range f.diag.Related {
		start, end := parsePosition(rel.Posn), parsePosition(rel.End)
		start.file, end.file = src.d.rel(start.file), src.d.rel(end.file)
		if loc, ok := src.location(start, end); ok {
			loc.Message = &sarif.Message{Text: rel.Message}
			r.RelatedLocations = append(r.RelatedLocations, loc)
		}
	}
	for _, fix := range f.diag.SuggestedFixes {
		if sf, ok := src.fix(fix); ok {
			r.Fixes = append(r.Fixes, sf)
		}
	}
	return r
}

// location returns the location of the range from start to end, if start
// has a line. The end is left out when it is the start (an empty range):
// SARIF then means the rest of the line.
func (src *sourceFiles) location(start, end position) (sarif.Location, bool) {
	if start.line <= 0 {
		return sarif.Location{}, false
	}
	file := src.get(start.file)
	region := sarif.Region{StartLine: start.line, StartColumn: file.column(start.line, start.col)}
	if end.file == start.file && end.line >= start.line && end != start {
		region.EndLine = end.line
		if end.col > 0 {
			region.EndColumn = file.column(end.line, end.col)
		}
	}
	return sarif.Location{PhysicalLocation: sarif.PhysicalLocation{
		ArtifactLocation: artifactLocation(start.file),
		Region:           region,
	}}, true
}

// fix turns a suggested fix into a SARIF fix, with one artifact change per
// file, in the order of the fix's edits. It reports false if a file of the
// fix cannot be read or an edit lies outside it: the regions of a fix are
// given in lines and columns too, which take the file's content.
func (src *sourceFiles) fix(fix jsonSuggestedFix) (sarifFix, bool) {
	sf := sarifFix{Description: sarif.Message{Text: fix.Message}}
	byFile := make(map[string]int) // index in sf.ArtifactChanges
	for _, e := range fix.Edits {
		name := src.d.rel(e.Filename)
		file := src.get(name)
		start, ok1 := file.lineColumn(e.Start)
		end, ok2 := file.lineColumn(e.End)
		if !ok1 || !ok2 || e.Start > e.End {
			return sarifFix{}, false
		}
		rep := sarifReplacement{DeletedRegion: sarifEditRegion{
			Region: sarif.Region{
				StartLine:   start.line,
				StartColumn: start.col,
				EndLine:     end.line,
				EndColumn:   end.col,
			},
			ByteOffset: e.Start,
			ByteLength: e.End - e.Start,
		}}
		if e.New != "" {
			rep.InsertedContent = &sarif.ArtifactContent{Text: e.New}
		}
		i, ok := byFile[name]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[name] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifactLocation(name)})
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, rep)
	}
	return sf, len(sf.ArtifactChanges) > 0
}

// artifactLocation returns the location of a file: a relative URI against
// %SRCROOT% for a file in the working directory, and a file URI otherwise.
func artifactLocation(name string) sarif.ArtifactLocation {
	if filepath.IsAbs(name) {
		return sarif.ArtifactLocation{URI: fileURI(name)}
	}
	// A URI reference: escaped, and "./a:b.go" rather than a scheme "a:".
	return sarif.ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(name)}).String(), URIBaseID: srcRoot}
}

// fileURI returns the file URI of an absolute file name.
func fileURI(name string) string {
	path := filepath.ToSlash(name)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // C:/dir
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// sourceFiles reads the files of the findings once each, to turn go vet's
// byte columns and offsets into lines and UTF-16 columns.
type sourceFiles struct {
	d     *driver
	files map[string]*sourceFile // by name relative to the working directory, or absolute
}

// A sourceFile is the content of a file and the offsets at which its
// lines start; content is nil if the file cannot be read.
type sourceFile struct {
	content []byte
	lines   []int
}

func (src *sourceFiles) get(name string) *sourceFile {
	if f, ok := src.files[name]; ok {
		return f
	}
	f := new(sourceFile)
	if content, err := os.ReadFile(src.d.abs(name)); err == nil {
		f.content = content
		f.lines = []int{0}
		for i, c := range content {
			if c == '\n' {
				f.lines = append(f.lines, i+1)
			}
		}
	}
	src.files[name] = f
	return f
}

// utf8BOM is the byte order mark, which SARIF columns do not count.
var utf8BOM = []byte("\uFEFF")

// column converts go/token's column col on line (1-based, in bytes) to
// SARIF's, in UTF-16 code units. If the file or the line cannot be read, it
// returns col unchanged, which is the same for ASCII text.
func (f *sourceFile) column(line, col int) int {
	if col <= 0 {
		return 1
	}
	if f.content == nil || line > len(f.lines) {
		return col
	}
	start := f.lines[line-1]
	end := start + col - 1
	if end > len(f.content) {
		return col
	}
	text := f.content[start:end]
	if line == 1 {
		text = bytes.TrimPrefix(text, utf8BOM)
	}
	n := 1
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		n += max(utf16.RuneLen(r), 1) // an invalid byte counts as one U+FFFD
		text = text[size:]
	}
	return n
}

// lineColumn returns the line and UTF-16 column of a byte offset, which may
// be the end of the file.
func (f *sourceFile) lineColumn(offset int) (position, bool) {
	if f.content == nil || offset < 0 || offset > len(f.content) {
		return position{}, false
	}
	// The last line that starts at or before offset.
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > offset }) - 1
	line := i + 1
	return position{line: line, col: f.column(line, offset-f.lines[i]+1)}, true
}
