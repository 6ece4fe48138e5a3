package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/go/analysis"

	"github.com/lambdalint/lambdalint/analyzers"
)

// sarifSchemaFile is a copy of the official JSON schema of SARIF 2.1.0
// (OASIS, with errata 01), the one code scanning services validate with.
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

var sarifSchemaOnce = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat() // "uri" and "uri-reference" properties too
	return c.Compile(sarifSchemaFile)
})

// validateSARIF validates out against the SARIF 2.1.0 schema and decodes it.
func validateSARIF(t *testing.T, out string) *testLog {
	t.Helper()
	sch, err := sarifSchemaOnce()
	if err != nil {
		t.Fatalf("compiling %s: %v", sarifSchemaFile, err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("-format sarif: not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("-format sarif: the log does not follow the SARIF 2.1.0 schema: %v\n%s", err, out)
	}
	var log testLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("-format sarif: version %q and %d runs, want 2.1.0 and one run", log.Version, len(log.Runs))
	}
	return &log
}

// The parts of a SARIF log that the tests read, decoded independently of
// the types that print it.
type (
	testLog struct {
		Version string
		Runs    []testRun
	}
	testRun struct {
		Tool struct {
			Driver struct {
				Name           string
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string
					ShortDescription testMessage
					FullDescription  testMessage
					Help             testMessage
					HelpURI          string `json:"helpUri"`
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level   string
				Message testMessage
			}
		}
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		ColumnKind         string
		Results            *[]testResult
	}
	testMessage struct{ Text, Markdown string }
	testResult  struct {
		RuleID    string `json:"ruleId"`
		RuleIndex *int
		Kind      string
		Level     string
		Message   testMessage
		Locations []struct {
			PhysicalLocation struct {
				ArtifactLocation testArtifact
				Region           testRegion
			}
		}
		Fixes []testFix
	}
	testArtifact struct {
		URI       string
		URIBaseID string `json:"uriBaseId"`
	}
	testRegion struct {
		StartLine, StartColumn, EndLine, EndColumn int
		ByteOffset                                 *int
		ByteLength                                 int
	}
	testFix struct {
		Description     testMessage
		ArtifactChanges []struct {
			ArtifactLocation testArtifact
			Replacements     []struct {
				DeletedRegion   testRegion
				InsertedContent *struct{ Text string }
			}
		}
	}
)

// line formats a result as the text form prints a finding.
func (r testResult) line(t *testing.T) string {
	t.Helper()
	if len(r.Locations) != 1 {
		t.Fatalf("result %q has %d locations, want 1", r.Message.Text, len(r.Locations))
	}
	loc := r.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("result %q: uriBaseId %q, want %%SRCROOT%%", r.Message.Text, loc.ArtifactLocation.URIBaseID)
	}
	name, err := url.PathUnescape(loc.ArtifactLocation.URI)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s:%d:%d: %s (%s)", name, loc.Region.StartLine, loc.Region.StartColumn, r.Message.Text, r.RuleID)
}

// checkRun checks what every run of the rules has: the tool, the rules
// that ran, in order, each result's rule and level, and the working
// directory as %SRCROOT%.
func checkRun(t *testing.T, run *testRun, rules []*analysis.Analyzer, dir string) {
	t.Helper()
	drv := run.Tool.Driver
	if drv.Name != "lambdalint" || drv.InformationURI == "" {
		t.Errorf("tool.driver: name %q, informationUri %q", drv.Name, drv.InformationURI)
	}
	var ids []string
	for i, r := range drv.Rules {
		ids = append(ids, r.ID)
		if i >= len(rules) || rules[i].Name != r.ID {
			continue
		}
		a := rules[i]
		full := []rune(r.FullDescription.Text)
		if r.ShortDescription.Text != title(a.Doc) || len(full) == 0 || len(full) > 1024 ||
			!strings.HasPrefix(a.Doc, strings.TrimSuffix(string(full), "…")) ||
			!strings.HasPrefix(r.Help.Text, a.Doc) || r.Help.Markdown == "" || r.HelpURI != a.URL {
			t.Errorf("rule %s: shortDescription %q, fullDescription %q, help %q, helpUri %q; want the first line of its Doc, "+
				"its Doc cut to 1024 characters, its Doc and %q",
				r.ID, r.ShortDescription.Text, r.FullDescription.Text, r.Help.Text, r.HelpURI, a.URL)
		}
	}
	var want []string
	for _, a := range rules {
		want = append(want, a.Name)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("tool.driver.rules: %v, want %v", ids, want)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q, want utf16CodeUnits", run.ColumnKind)
	}
	if root := run.OriginalURIBaseIDs["%SRCROOT%"].URI; root != "file://"+filepath.ToSlash(dir)+"/" {
		t.Errorf("originalUriBaseIds[%%SRCROOT%%] = %q, want the file URI of %s/", root, dir)
	}
	if len(run.Invocations) != 1 {
		t.Fatalf("%d invocations, want 1", len(run.Invocations))
	}
	if run.Results == nil {
		return
	}
	for _, r := range *run.Results {
		if r.RuleIndex == nil || *r.RuleIndex < 0 || *r.RuleIndex >= len(ids) || ids[*r.RuleIndex] != r.RuleID {
			t.Errorf("result %q: ruleIndex does not point at rule %s", r.Message.Text, r.RuleID)
		}
		if r.Level != "warning" || r.Kind != "fail" {
			t.Errorf("result %q: level %q, kind %q; want warning and fail", r.Message.Text, r.Level, r.Kind)
		}
	}
}

// TestSARIFExamples runs -format sarif on the examples: the log follows the
// SARIF 2.1.0 schema, describes every rule, has exactly the findings of the
// text form (testdata/examples.golden), and carries the suggested fixes of
// go vet's JSON, which give the same files whether applied by their byte
// offsets or by their lines and columns.
func TestSARIFExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the AWS SDKs")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	res := runLambdalint(t, ".", "-C", dir, "-format", "sarif", "./...")
	checkNoCrash(t, res)
	if res.code != exitFindings || res.stderr != "" {
		t.Fatalf("lambdalint -format sarif: exit status %d, want %d; stderr:\n%s", res.code, exitFindings, res.stderr)
	}
	log := validateSARIF(t, res.stdout)
	run := &log.Runs[0]
	checkRun(t, run, analyzers.All(), dir)
	if inv := run.Invocations[0]; !inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) > 0 {
		t.Errorf("invocation: executionSuccessful %v, notifications %v; want a successful run", inv.ExecutionSuccessful, inv.ToolExecutionNotifications)
	}
	if run.Results == nil {
		t.Fatal("no results")
	}

	// The findings of the text form.
	golden, err := os.ReadFile(filepath.Join("testdata", "examples.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range *run.Results {
		lines = append(lines, r.line(t)+"\n")
	}
	if got := strings.Join(lines, ""); got != string(golden) {
		t.Errorf("the results of -format sarif differ from the text form's findings in testdata/examples.golden:\n%s",
			unifiedDiff("examples.golden", golden, []byte(got)))
	}

	// The fixes of go vet's JSON.
	js := runLambdalint(t, ".", "-C", dir, "-json", "./...")
	if js.code != exitFindings {
		t.Fatalf("lambdalint -json: exit status %d; stderr:\n%s", js.code, js.stderr)
	}
	var tree map[string]map[string][]jsonDiagnostic
	if err := json.Unmarshal([]byte(js.stdout), &tree); err != nil {
		t.Fatal(err)
	}
	fixes := make(map[string][]jsonSuggestedFix) // by "posn: message (rule)"
	for _, rules := range tree {
		for rule, diags := range rules {
			for _, d := range diags {
				fixes[d.Posn+": "+d.Message+" ("+rule+")"] = d.SuggestedFixes
			}
		}
	}
	fixed := make(map[string]bool) // rules with a fix
	for _, r := range *run.Results {
		key := r.line(t)
		want := fixes[key]
		if len(r.Fixes) != len(want) {
			t.Errorf("%s: %d fixes, want %d", key, len(r.Fixes), len(want))
			continue
		}
		for i, fix := range r.Fixes {
			checkFix(t, dir, key, fix, want[i])
			fixed[r.RuleID] = true
		}
	}
	// The rules that suggest fixes in the examples.
	for _, rule := range []string{"ctxdeadline", "filesystem", "handlersetup"} {
		if !fixed[rule] {
			t.Errorf("no fix of rule %s in the SARIF log", rule)
		}
	}
}

// checkFix checks that a SARIF fix edits the files as go vet's fix does,
// applied by byte offsets and by lines and columns.
func checkFix(t *testing.T, dir, key string, fix testFix, want jsonSuggestedFix) {
	t.Helper()
	if fix.Description.Text != want.Message {
		t.Errorf("%s: fix %q, want %q", key, fix.Description.Text, want.Message)
	}
	wantEdits := make(map[string][]jsonTextEdit) // by file name relative to dir
	for _, e := range want.Edits {
		wantEdits[filepath.ToSlash(e.Filename)] = append(wantEdits[filepath.ToSlash(e.Filename)], e)
	}
	if len(fix.ArtifactChanges) != len(wantEdits) {
		t.Errorf("%s: fix %q changes %d files, want %d", key, want.Message, len(fix.ArtifactChanges), len(wantEdits))
		return
	}
	for _, change := range fix.ArtifactChanges {
		name, _ := url.PathUnescape(change.ArtifactLocation.URI)
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: fix %q: %v", key, want.Message, err)
			continue
		}
		var byGo, byBytes, byText []byteEdit
		for _, e := range wantEdits[name] {
			byGo = append(byGo, byteEdit{e.Start, e.End, e.New})
		}
		for _, rep := range change.Replacements {
			r := rep.DeletedRegion
			text := ""
			if rep.InsertedContent != nil {
				text = rep.InsertedContent.Text
			}
			if r.ByteOffset == nil {
				t.Errorf("%s: fix %q: a deletedRegion without byteOffset", key, want.Message)
				continue
			}
			byBytes = append(byBytes, byteEdit{*r.ByteOffset, *r.ByteOffset + r.ByteLength, text})
			byText = append(byText, byteEdit{offsetOf(src, r.StartLine, r.StartColumn), offsetOf(src, r.EndLine, r.EndColumn), text})
		}
		goFixed := spliceEdits(src, byGo)
		for how, edits := range map[string][]byteEdit{"byte offsets": byBytes, "lines and columns": byText} {
			if got := spliceEdits(src, edits); !bytes.Equal(got, goFixed) {
				t.Errorf("%s: fix %q applied by its %s:\n%s", key, want.Message, how, unifiedDiff(name, goFixed, got))
			}
		}
	}
}

type byteEdit struct {
	start, end int
	text       string
}

// spliceEdits applies non-overlapping edits, given in any order.
func spliceEdits(src []byte, edits []byteEdit) []byte {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b byteEdit) int { return b.start - a.start })
	out := slices.Clone(src)
	for _, e := range edits {
		if e.start < 0 || e.end < e.start || e.end > len(out) {
			return nil
		}
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
	}
	return out
}

// offsetOf returns the byte offset of SARIF's line and column, in UTF-16
// code units, or -1.
func offsetOf(src []byte, line, col int) int {
	off := 0
	for range line - 1 {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	for units := 1; units < col; {
		r, size := utf8.DecodeRune(src[off:])
		if size == 0 {
			return -1
		}
		units += utf16.RuneLen(r)
		off += size
	}
	return off
}

// TestSARIF checks, with the fake rules, the findings of a package and its
// test variant (each once), a rule's fix, and columns in UTF-16 code units
// where the line has wider characters before the finding.
func TestSARIF(t *testing.T) {
	dir := copyModule(t, "fixme")
	rules := []*analysis.Analyzer{fakeRule, namedRule}
	text := runInProcess(t, dir, rules)
	res := runInProcess(t, dir, rules, "-format", "sarif")
	if res.code != exitFindings || res.stderr != "" {
		t.Fatalf("lambdalint -format sarif: exit status %d, want %d; stderr:\n%s", res.code, exitFindings, res.stderr)
	}
	log := validateSARIF(t, res.stdout)
	checkRun(t, &log.Runs[0], rules, "$DIR")
	var lines []string
	for _, r := range *log.Runs[0].Results {
		lines = append(lines, r.line(t)+"\n")
	}
	if got := strings.Join(lines, ""); got != text.stdout {
		t.Errorf("results of -format sarif:\n%s\nwant the findings of the text form:\n%s", got, text.stdout)
	}

	// -json is -format json; it and -format sarif disagree.
	if js := runInProcess(t, dir, rules, "-format", "json"); js.stdout != runInProcess(t, dir, rules, "-json").stdout {
		t.Errorf("-format json and -json differ")
	}
	if bad := runInProcess(t, dir, rules, "-json", "-format", "sarif"); bad.code != exitError || bad.stderr == "" {
		t.Errorf("-json -format sarif: exit status %d, stderr %q; want a usage error", bad.code, bad.stderr)
	}
	if bad := runInProcess(t, dir, rules, "-format", "xml"); bad.code != exitError || !strings.Contains(bad.stderr, "want text, json or sarif") {
		t.Errorf("-format xml: exit status %d, stderr %q; want a usage error", bad.code, bad.stderr)
	}

	// é is 2 bytes and 1 UTF-16 unit, 😀 4 bytes and 2 units: go vet's
	// column 19 of BadName is SARIF's column 16.
	const src = "package u\n\n/* é😀 */ func BadName() {}\n"
	dir = writeModule(t, map[string]string{"go.mod": "module example.com/u\n\ngo 1.26\n", "u.go": src})
	t.Setenv("GOWORK", "off")
	res = runInProcess(t, dir, []*analysis.Analyzer{fakeRule}, "-format", "sarif")
	if res.code != exitFindings {
		t.Fatalf("lambdalint -format sarif: exit status %d; stderr:\n%s", res.code, res.stderr)
	}
	log = validateSARIF(t, res.stdout)
	results := *log.Runs[0].Results
	if len(results) != 1 {
		t.Fatalf("%d results, want 1:\n%s", len(results), res.stdout)
	}
	r := results[0]
	offset := strings.Index(src, "BadName")
	region := r.Locations[0].PhysicalLocation.Region
	wantRegion := testRegion{StartLine: 3, StartColumn: 16, EndLine: 3, EndColumn: 23}
	if region != wantRegion {
		t.Errorf("region %+v, want %+v", region, wantRegion)
	}
	if len(r.Fixes) != 1 || len(r.Fixes[0].ArtifactChanges) != 1 || len(r.Fixes[0].ArtifactChanges[0].Replacements) != 1 {
		t.Fatalf("fixes %+v, want one replacement", r.Fixes)
	}
	change := r.Fixes[0].ArtifactChanges[0]
	rep := change.Replacements[0]
	wantDeleted := testRegion{StartLine: 3, StartColumn: 16, EndLine: 3, EndColumn: 19, ByteOffset: &offset, ByteLength: 3}
	if d := rep.DeletedRegion; d.ByteOffset == nil || *d.ByteOffset != offset || d.ByteLength != 3 ||
		d.StartLine != 3 || d.StartColumn != 16 || d.EndLine != 3 || d.EndColumn != 19 {
		t.Errorf("deletedRegion %+v (byteOffset %v), want %+v (byteOffset %d)", d, d.ByteOffset, wantDeleted, offset)
	}
	if rep.InsertedContent == nil || rep.InsertedContent.Text != "Good" || change.ArtifactLocation != (testArtifact{"u.go", "%SRCROOT%"}) {
		t.Errorf("replacement in %+v inserts %+v, want Good in u.go", change.ArtifactLocation, rep.InsertedContent)
	}
}

// TestSARIFErrors checks that a run that fails still prints a valid log,
// which says so: with the results of the packages analyzed when packages
// fail to load, and with none when go vet cannot run at all.
func TestSARIFErrors(t *testing.T) {
	res := runLambdalint(t, filepath.Join("testdata", "broken"), "-format", "sarif")
	checkNoCrash(t, res)
	const msg = "package example.com/broken: broken.go:5:9: undefined: x"
	if res.code != exitError || res.stderr != "lambdalint: "+msg+"\n" {
		t.Errorf("lambdalint -format sarif on a broken package: exit status %d, stderr:\n%s\nwant %d and the error",
			res.code, res.stderr, exitError)
	}
	log := validateSARIF(t, res.stdout)
	run := log.Runs[0]
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 ||
		inv.ToolExecutionNotifications[0].Level != "error" || inv.ToolExecutionNotifications[0].Message.Text != msg {
		t.Errorf("invocation of a run with a broken package: %+v, want executionSuccessful false and the notification %q", inv, msg)
	}
	if run.Results == nil || len(*run.Results) != 0 {
		t.Errorf("results of a run with a broken package: %v, want an empty list", run.Results)
	}

	// No go command: nothing is analyzed.
	t.Setenv("PATH", t.TempDir())
	res = runInProcess(t, copyModule(t, "clean"), []*analysis.Analyzer{fakeRule}, "-format", "sarif")
	if res.code != exitError || !strings.Contains(res.stderr, `"go"`) {
		t.Errorf("lambdalint -format sarif without a go command: exit status %d, stderr:\n%s", res.code, res.stderr)
	}
	log = validateSARIF(t, res.stdout)
	run = log.Runs[0]
	if inv := run.Invocations[0]; inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Errorf("invocation without a go command: %+v, want executionSuccessful false and one notification", inv)
	}
	if run.Results != nil {
		t.Errorf("results without a go command: %v, want none (not an empty list)", *run.Results)
	}
}

// TestSARIFSchemaRejects checks that the validator is strict: logs that
// break the schema in the ways a printer could are rejected.
func TestSARIFSchemaRejects(t *testing.T) {
	sch, err := sarifSchemaOnce()
	if err != nil {
		t.Fatal(err)
	}
	const results = `[{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 1, "startColumn": 1}}}]}]`
	const valid = `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": ` + results + `}]}`
	for _, test := range []struct{ old, new string }{
		{"", ""}, // valid as it is
		{`"startColumn": 1`, `"startColumn": 0`},
		{`{"text": "m"}`, `{}`},
		{`"uri": "a.go"`, `"uri": "%zz.go"`},
		{`"2.1.0"`, `"2.0.0"`},
		{results, `null`},
		{`"name": "x"`, `"name": "x", "ruleIndex": 0`},
	} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(valid, test.old, test.new, 1)))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); (err == nil) != (test.old == "") {
			t.Errorf("%s → %s: validation error %v", test.old, test.new, err)
		}
	}
}
