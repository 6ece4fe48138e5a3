// Package corpus runs lambdalint over real handler code that no one here
// wrote, and makes a person's reading of that code the judge of its findings.
//
// The corpus has two tiers, both listed in testdata/corpus at the root of the
// repository:
//
//   - served.tsv: modules the Go module proxy serves. They are downloaded into
//     the module cache at the pinned version, copied, and analyzed in every run
//     of the tests.
//   - repos.tsv: public repositories pinned at a commit and checked out, outside
//     this repository, under $LAMBDALINT_CORPUS/<owner>/<name>. The test
//     analyzes those that are present; see docs/corpus.md.
//
// Each module or repository has a golden file under testdata/corpus/golden
// that lists lambdalint's findings, each with a verdict: tp (with what the
// code does at run time on Lambda) or fp (with why the finding is wrong). Lines
// starting with "fn" record pitfalls lambdalint misses. The test fails on any
// change to the findings, prints precision and recall per rule, and fails if
// precision over the corpus falls below 95%. Run it with -update to rewrite
// the golden files; the verdicts of findings that did not change are kept, and
// new findings get a "??" verdict that a person must replace.
//
// TestFixSafety applies every suggested fix to copies of examples/ and of the
// corpus, and checks that the code still builds, stays formatted, and that a
// second -fix changes nothing.
package corpus

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/internal/runtest"
)

var update = flag.Bool("update", false, "rewrite the golden files, keeping the verdicts of the findings that did not change")

// envCorpus names the directory that holds the checkouts of the fetched tier.
const envCorpus = "LAMBDALINT_CORPUS"

// corpusDir is testdata/corpus at the root of the repository.
var corpusDir = filepath.Join("..", "..", "testdata", "corpus")

// lambdalint is the executable under test, built by TestMain.
var lambdalint string

// modcache is the module cache, named in error lines as $GOMODCACHE.
var modcache string

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "lambdalint-corpus-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if lambdalint, err = runtest.Build(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go env GOMODCACHE: %v\n", err)
		return 1
	}
	modcache = strings.TrimSpace(string(out))
	return m.Run()
}

// An entry is a module or repository of the corpus: a row of served.tsv or
// repos.tsv.
type entry struct {
	name    string   // module path, or owner/name of a repository
	version string   // module version, or commit
	dirs    []string // the module directories to analyze, relative to the root
	env     []string // more environment for lambdalint, such as GOFLAGS=-mod=mod
	flags   []string // more flags for lambdalint
	what    string   // what kind of handlers it has
	served  bool     // served by the module proxy, not fetched
}

// golden returns the name of the entry's golden file.
func (e *entry) golden() string {
	name := e.name
	if !e.served {
		name = "github.com/" + name
	}
	return filepath.Join(corpusDir, "golden", filepath.FromSlash(name)+".txt")
}

// envRE matches an environment variable setting among the flags of an
// entry, such as GOFLAGS=-mod=mod for a module whose go.sum lacks what its
// tests import (only in copies: the served tier).
var envRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]*=`)

// readEntries reads a table of the corpus: tab-separated rows of name,
// version, directories, flags and description; "#" starts a comment.
func readEntries(t *testing.T, file string, served bool) []*entry {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir, file))
	if err != nil {
		t.Fatal(err)
	}
	var entries []*entry
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("%s:%d: %d fields, want 5 (name, version, dirs, flags, what)", file, i+1, len(f))
		}
		e := &entry{name: f[0], version: f[1], dirs: strings.Split(f[2], ","), what: f[4], served: served}
		if f[3] != "-" {
			for _, arg := range strings.Fields(f[3]) {
				if envRE.MatchString(arg) {
					e.env = append(e.env, arg)
				} else {
					e.flags = append(e.flags, arg)
				}
			}
		}
		if !served && !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(e.version) {
			t.Fatalf("%s:%d: %q is not a full commit hash", file, i+1, e.version)
		}
		entries = append(entries, e)
	}
	return entries
}

// TestCorpus analyzes every module of the served tier, and every repository
// of the fetched tier that is checked out, and compares the findings with
// the golden files.
func TestCorpus(t *testing.T) {
	var st stats
	for _, e := range readEntries(t, "served.tsv", true) {
		t.Run(e.name, func(t *testing.T) {
			root := runtest.Copy(t, runtest.Download(t, e.name, e.version))
			st.add(check(t, e, root))
		})
	}

	base := os.Getenv(envCorpus)
	repos := readEntries(t, "repos.tsv", false)
	if base == "" {
		t.Logf("fetched tier: %d repositories skipped: $%s is not set (see docs/corpus.md)", len(repos), envCorpus)
	}
	for _, e := range repos {
		if base == "" {
			break
		}
		t.Run(e.name, func(t *testing.T) {
			root, why := checkout(t, base, e)
			if why != "" {
				t.Skip(why)
			}
			st.add(check(t, e, root))
		})
	}
	if t.Failed() || *update {
		return
	}
	t.Log("\n" + st.String())
	if p := st.total().precision(); p < 0.95 {
		t.Errorf("precision over the corpus is %.1f%%, want at least 95%%", 100*p)
	}
}

// checkout returns the checkout of the repository under base, or why it
// cannot be used.
func checkout(t *testing.T, base string, e *entry) (root, why string) {
	root = filepath.Join(base, filepath.FromSlash(e.name))
	if _, err := os.Stat(root); err != nil {
		return "", fmt.Sprintf("absent: %s (git clone https://github.com/%s %[1]s && git -C %[1]s checkout %s)", root, e.name, e.version)
	}
	res := runtest.Run(t, root, "git", "rev-parse", "HEAD")
	if head := strings.TrimSpace(res.Stdout); head != e.version {
		return "", fmt.Sprintf("%s is at %q, not at the pinned commit %s", root, head, e.version)
	}
	return root, ""
}

// lambdalint runs lambdalint with the entry's flags and the given ones on
// ./... in dir.
func (e *entry) lambdalint(t *testing.T, dir string, flags ...string) runtest.Result {
	t.Helper()
	args := slices.Concat(e.flags, flags, []string{"./..."})
	return runtest.RunEnv(t, dir, e.env, lambdalint, args...)
}

// check analyzes the entry checked out at root, and compares the findings
// with its golden file, or rewrites the golden file with -update. It returns
// the golden file's counts.
func check(t *testing.T, e *entry, root string) *stats {
	t.Helper()
	var got []string // findings and errors, as in the golden file
	for _, dir := range e.dirs {
		res := e.lambdalint(t, filepath.Join(root, filepath.FromSlash(dir)))
		if crash := runtest.Crash(res); crash != "" {
			t.Errorf("%s: lambdalint crashed: %s\n%s", dir, crash, res.Stderr)
		}
		if res.Code != 0 && res.Code != 1 && res.Code != 2 {
			t.Errorf("%s: exit status %d\n%s", dir, res.Code, res.Stderr)
		}
		prefix := ""
		if dir != "." {
			prefix = dir + "/"
		}
		for _, line := range lines(res.Stdout) {
			got = append(got, prefix+line)
		}
		for _, line := range lines(res.Stderr) {
			if strings.HasPrefix(line, "go: downloading ") || strings.HasPrefix(line, "go: extracting ") {
				continue
			}
			got = append(got, "! "+clean(line, root))
		}
	}

	file := e.golden()
	g, err := readGolden(file)
	if err != nil && !(*update && os.IsNotExist(err)) {
		t.Fatal(err)
	}
	if *update {
		if err := g.update(file, got); err != nil {
			t.Fatal(err)
		}
		return nil
	}
	if diff := g.diff(got); diff != "" {
		t.Errorf("findings differ from %s (-want +got); read the code, and run go test -update to rewrite it keeping the other verdicts:\n%s", file, diff)
	}
	for _, msg := range g.problems {
		t.Errorf("%s: %s", file, msg)
	}
	return g.stats()
}

// lines returns the non-empty lines of s.
func lines(s string) []string {
	var ls []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			ls = append(ls, l)
		}
	}
	return ls
}

// clean replaces the directories that change from machine to machine in an
// error line with names.
func clean(line, root string) string {
	line = strings.ReplaceAll(line, root, "$ROOT")
	if modcache != "" {
		line = strings.ReplaceAll(line, modcache, "$GOMODCACHE")
	}
	return filepath.ToSlash(line)
}

// A golden file lists the findings and errors of an entry in the order
// lambdalint prints them, each finding followed by its verdict:
//
//	# comment
//	# handlers: 3
//	path:line:col: message (rule)
//		tp: what the code does at run time on Lambda
//	path:line:col: message (rule)
//		fp: why the finding is wrong here
//	! an error line
//	fn path:line rule: a pitfall lambdalint misses, and its consequence
//
// Paths are relative to the root of the module or repository.
type golden struct {
	header   []string // the comments before the first finding
	lines    []string // findings and errors
	verdicts []string // per line: "tp: ...", "fp: ...", or "" for errors
	fns      []string // the fn lines
	handlers int      // from "# handlers: N"
	problems []string
}

var (
	findingRE = regexp.MustCompile(`^\S+:\d+:\d+: .* \(([a-z]+)\)$`)
	fnRE      = regexp.MustCompile(`^fn \S+:\d+ ([a-z]+): \S`)
	handlers  = regexp.MustCompile(`^# handlers: (\d+)\b`)
)

func readGolden(file string) (*golden, error) {
	g := new(golden)
	f, err := os.Open(file)
	if err != nil {
		return g, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "":
		case strings.HasPrefix(line, "#"):
			if m := handlers.FindStringSubmatch(line); m != nil {
				g.handlers, _ = strconv.Atoi(m[1])
			}
			if len(g.lines) == 0 {
				g.header = append(g.header, line)
			}
		case strings.HasPrefix(line, "\t"):
			v := line[1:]
			switch {
			case len(g.lines) == 0 || g.verdicts[len(g.lines)-1] != "" || !findingRE.MatchString(g.lines[len(g.lines)-1]):
				g.problems = append(g.problems, fmt.Sprintf("line %d: a verdict that follows no finding", n))
			case !validVerdict(v):
				g.problems = append(g.problems, fmt.Sprintf("line %d: verdict %q: want \"tp: <what happens at run time>\" or \"fp: <why it is wrong>\"", n, v))
			}
			if len(g.lines) > 0 {
				g.verdicts[len(g.lines)-1] = v
			}
		case strings.HasPrefix(line, "fn "):
			if m := fnRE.FindStringSubmatch(line); m == nil || !isRule(m[1]) {
				g.problems = append(g.problems, fmt.Sprintf("line %d: want \"fn path:line rule: what is missed\" with a rule of lambdalint or \"new\"", n))
			}
			g.fns = append(g.fns, line)
		default:
			if !strings.HasPrefix(line, "! ") && !findingRE.MatchString(line) {
				g.problems = append(g.problems, fmt.Sprintf("line %d: neither a finding, a verdict, an error (\"! \"), an fn line nor a comment", n))
			}
			g.lines = append(g.lines, line)
			g.verdicts = append(g.verdicts, "")
		}
	}
	for i, line := range g.lines {
		if findingRE.MatchString(line) && !validVerdict(g.verdicts[i]) {
			g.problems = append(g.problems, fmt.Sprintf("finding without a verdict: %s", line))
		}
	}
	return g, sc.Err()
}

// validVerdict reports whether v is "tp: reason" or "fp: reason".
func validVerdict(v string) bool {
	kind, reason, ok := strings.Cut(v, ": ")
	return ok && (kind == "tp" || kind == "fp") && strings.TrimSpace(reason) != ""
}

// isRule reports whether name is a rule of lambdalint, or "new" for a
// pitfall no rule covers.
func isRule(name string) bool {
	if name == "new" {
		return true
	}
	for _, a := range analyzers.All() {
		if a.Name == name {
			return true
		}
	}
	return false
}

// diff returns the lines of the golden file that lambdalint no longer
// prints ("-") and those it prints that the golden file lacks ("+"), or "".
func (g *golden) diff(got []string) string {
	if slices.Equal(g.lines, got) {
		return ""
	}
	var b strings.Builder
	only := func(sign string, a, b_ []string) {
		left := make(map[string]int)
		for _, l := range b_ {
			left[l]++
		}
		for _, l := range a {
			if left[l] > 0 {
				left[l]--
			} else {
				fmt.Fprintf(&b, "%s%s\n", sign, l)
			}
		}
	}
	only("-", g.lines, got)
	only("+", got, g.lines)
	if b.Len() == 0 {
		b.WriteString("(the same lines in another order)\n")
	}
	return b.String()
}

// update writes the golden file for the lines got, keeping the header, the
// fn lines, and the verdicts of lines that were there before.
func (g *golden) update(file string, got []string) error {
	old := make(map[string][]string) // line -> verdicts, in order
	for i, l := range g.lines {
		old[l] = append(old[l], g.verdicts[i])
	}
	var b strings.Builder
	for _, l := range g.header {
		b.WriteString(l + "\n")
	}
	for _, l := range got {
		b.WriteString(l + "\n")
		if !findingRE.MatchString(l) {
			continue
		}
		v := "??: read the code, then tp: <what happens at run time> or fp: <why it is wrong>"
		if vs := old[l]; len(vs) > 0 && vs[0] != "" {
			v, old[l] = vs[0], vs[1:]
		}
		b.WriteString("\t" + v + "\n")
	}
	for _, l := range g.fns {
		b.WriteString(l + "\n")
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o777); err != nil {
		return err
	}
	return os.WriteFile(file, []byte(b.String()), 0o666)
}

// count holds the verdicts on the findings of one rule, or of all.
type count struct {
	tp, fp, fn int
}

// precision is tp/(tp+fp), or 1 with no findings.
func (c count) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

// stats sums the golden files of the corpus.
type stats struct {
	entries, handlers int
	rules             map[string]*count
}

// stats counts the verdicts of the golden file.
func (g *golden) stats() *stats {
	st := &stats{entries: 1, handlers: g.handlers, rules: make(map[string]*count)}
	rule := func(name string) *count {
		c := st.rules[name]
		if c == nil {
			c = new(count)
			st.rules[name] = c
		}
		return c
	}
	for i, l := range g.lines {
		m := findingRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		switch kind, _, _ := strings.Cut(g.verdicts[i], ":"); kind {
		case "tp":
			rule(m[1]).tp++
		case "fp":
			rule(m[1]).fp++
		}
	}
	for _, l := range g.fns {
		if m := fnRE.FindStringSubmatch(l); m != nil {
			rule(m[1]).fn++
		}
	}
	return st
}

func (st *stats) add(o *stats) {
	if o == nil {
		return
	}
	if st.rules == nil {
		st.rules = make(map[string]*count)
	}
	st.entries += o.entries
	st.handlers += o.handlers
	for name, c := range o.rules {
		if st.rules[name] == nil {
			st.rules[name] = new(count)
		}
		st.rules[name].tp += c.tp
		st.rules[name].fp += c.fp
		st.rules[name].fn += c.fn
	}
}

func (st *stats) total() count {
	var t count
	for _, c := range st.rules {
		t.tp += c.tp
		t.fp += c.fp
		t.fn += c.fn
	}
	return t
}

// String formats the counts as a table, a row per rule, with precision
// tp/(tp+fp) and recall tp/(tp+fn) over the pitfalls that were found.
func (st *stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "corpus: %d modules and repositories analyzed, %d handlers\n", st.entries, st.handlers)
	fmt.Fprintf(&b, "%-18s %5s %5s %5s %10s %8s\n", "rule", "tp", "fp", "fn", "precision", "recall")
	row := func(name string, c count) {
		recall := "-"
		if c.tp+c.fn > 0 {
			recall = fmt.Sprintf("%.1f%%", 100*float64(c.tp)/float64(c.tp+c.fn))
		}
		fmt.Fprintf(&b, "%-18s %5d %5d %5d %9.1f%% %8s\n", name, c.tp, c.fp, c.fn, 100*c.precision(), recall)
	}
	names := make([]string, 0, len(st.rules))
	for name := range st.rules {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		row(name, *st.rules[name])
	}
	row("all", st.total())
	return b.String()
}
