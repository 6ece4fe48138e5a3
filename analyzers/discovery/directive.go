package discovery

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Suppression directives. A finding is suppressed by a directive on its
// line or on the line before, or by a file-wide one anywhere in its file,
// the way staticcheck's //lint:ignore and //lint:file-ignore work:
//
//	//lambdalint:ignore handlersetup the client is rebuilt after a credentials rotation
//	//lambdalint:file-ignore ctxdeadline,goroutineleak generated code, see gen.go
//
// Several rules may be named, separated by commas; the reason is required.
// A directive without one suppresses nothing (the directives rule reports
// it, with unknown rule names), and a directive that suppresses nothing is
// reported by each rule it names (see [Result.ReportUnused]).
const (
	IgnoreDirective     = "//lambdalint:ignore"
	FileIgnoreDirective = "//lambdalint:file-ignore"
)

// Prefix begins every lambdalint directive.
const Prefix = "//lambdalint:"

// An Ignore is a suppression directive of the package being analysed.
type Ignore struct {
	Comment  *ast.Comment
	File     *token.File
	Line     int
	FileWide bool     // //lambdalint:file-ignore
	Rules    []string // the rule names, as written
	Reason   string   // "" if missing: the directive is malformed and suppresses nothing
}

// Valid reports whether the directive suppresses anything: it names rules
// and gives a reason.
func (ig *Ignore) Valid() bool { return len(ig.Rules) > 0 && ig.Reason != "" }

// Names reports whether the directive names rule.
func (ig *Ignore) Names(rule string) bool {
	return slices.Contains(ig.Rules, rule) || slices.Contains(ig.Rules, "all")
}

// ignores holds the directives of the package, parsed on first use, and
// what each rule used them for. Rules of a package run concurrently and
// share the Result.
type ignores struct {
	once    sync.Once
	list    []*Ignore
	unknown []*ast.Comment // //lambdalint: comments that are no directive

	mu   sync.Mutex
	used map[string]map[*Ignore]bool // rule → directives that suppressed one of its findings
}

// Ignores returns the suppression directives in the package's files, in
// source order. The comments are read once per package, for every rule.
func (r *Result) Ignores() []*Ignore {
	r.ign.once.Do(func() {
		for _, f := range r.pass.Files {
			tf := r.pass.Fset.File(f.Pos())
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if !strings.HasPrefix(c.Text, Prefix) {
						continue
					}
					if ig := parseIgnore(c); ig != nil {
						ig.File, ig.Line = tf, tf.Line(c.Slash)
						r.ign.list = append(r.ign.list, ig)
					} else if _, ok := cutDirective(c.Text, Directive); !ok {
						r.ign.unknown = append(r.ign.unknown, c)
					}
				}
			}
		}
	})
	return r.ign.list
}

// UnknownDirectives returns the comments of the package that begin with
// //lambdalint: but are none of its directives (ignore, file-ignore,
// handler), in source order.
func (r *Result) UnknownDirectives() []*ast.Comment {
	r.Ignores()
	return r.ign.unknown
}

// parseIgnore parses c if it is a suppression directive.
func parseIgnore(c *ast.Comment) *Ignore {
	ig := &Ignore{Comment: c}
	rest, ok := cutDirective(c.Text, IgnoreDirective)
	if !ok {
		rest, ok = cutDirective(c.Text, FileIgnoreDirective)
		ig.FileWide = true
	}
	if !ok {
		return nil
	}
	names, reason, _ := strings.Cut(strings.TrimSpace(rest), " ")
	for name := range strings.SplitSeq(names, ",") {
		if name = strings.TrimSpace(name); name != "" {
			ig.Rules = append(ig.Rules, name)
		}
	}
	ig.Reason = strings.TrimSpace(reason)
	return ig
}

// cutDirective returns the text after directive in a comment that is that
// directive: the name is followed by a space or ends the comment.
func cutDirective(text, directive string) (string, bool) {
	rest, ok := strings.CutPrefix(text, directive)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return rest, true
}

// ignored reports whether a valid directive naming rule covers pos, and
// records its use.
func (r *Result) ignored(pos token.Pos, rule string) bool {
	if !pos.IsValid() {
		return false
	}
	tf := r.pass.Fset.File(pos)
	if tf == nil {
		return false
	}
	line := tf.Line(pos)
	found := false
	for _, ig := range r.Ignores() {
		if ig.File != tf || !ig.Valid() || !ig.Names(rule) {
			continue
		}
		if ig.FileWide || ig.Line == line || ig.Line == line-1 {
			r.ign.mu.Lock()
			if r.ign.used == nil {
				r.ign.used = make(map[string]map[*Ignore]bool)
			}
			if r.ign.used[rule] == nil {
				r.ign.used[rule] = make(map[*Ignore]bool)
			}
			r.ign.used[rule][ig] = true
			r.ign.mu.Unlock()
			found = true // and mark every directive that covers it as used
		}
	}
	return found
}

// Report reports d for pass's rule unless a suppression directive covers
// it. Rules use it for findings outside handler code, which the engine does
// not see: a start call, code after it, main.
func (r *Result) Report(pass *analysis.Pass, d analysis.Diagnostic) {
	if !r.ignored(d.Pos, pass.Analyzer.Name) {
		pass.Report(d)
	}
}

// ReportUnused reports the valid directives that name pass's rule but
// suppressed none of its findings: a stale suppression hides the next real
// finding on its line. Every rule calls it when it is done with the
// package, deferred at the start of its run, whether or not it skipped the
// package. Directives naming "all" are never reported.
func (r *Result) ReportUnused(pass *analysis.Pass) {
	if r.foreign {
		return
	}
	rule := pass.Analyzer.Name
	for _, ig := range r.Ignores() {
		if !ig.Valid() || !slices.Contains(ig.Rules, rule) {
			continue
		}
		r.ign.mu.Lock()
		used := r.ign.used[rule][ig]
		r.ign.mu.Unlock()
		if used {
			continue
		}
		what := "on this line or the next"
		if ig.FileWide {
			what = "in this file"
		}
		pass.Report(analysis.Diagnostic{
			Pos:     ig.Comment.Slash,
			End:     ig.Comment.End(),
			Message: "this directive suppresses no " + rule + " finding " + what + ": remove " + rule + " from it, or the directive, so that it cannot hide a later finding",
		})
	}
}
