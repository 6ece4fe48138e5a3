package discovery

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// A Finding is something a rule found in a unit's own code (not in what the
// unit calls).
type Finding struct {
	Pos, End token.Pos
	// Leaf names what was found, as the last link of a call chain:
	// "dynamodb.NewFromConfig", "go statement", "time.Sleep".
	Leaf string
	// Message says what happens on Lambda and how to fix it, in one
	// sentence, without the call chain.
	Message string
	// Fixes are reported only where the finding is in handler code of the
	// package being analysed.
	Fixes []analysis.SuggestedFix
}

// Summary is what a function does, directly or through its callees, that a
// rule reports when handler code calls the function. Each rule exports it as
// an object fact of its own type, a struct that embeds Summary:
//
//	type summary struct{ discovery.Summary }
//	func (*summary) AFact() {}
type Summary struct {
	Items []Item
}

// An Item is one finding reachable through a function.
type Item struct {
	Message string
	// Chain lists the functions from the summarised function's callee to
	// the leaf, e.g. ["store.newClient", "dynamodb.NewFromConfig"].
	Chain []string
	// Guard, if set, is the condition on the summarised function's
	// arguments under which the finding happens.
	Guard *Guard
}

// Base returns s itself; it lets the engine reach the Summary embedded in a
// rule's fact type.
func (s *Summary) Base() *Summary { return s }

func (s *Summary) String() string {
	var parts []string
	for _, it := range s.Items {
		part := strings.Join(it.Chain, " → ")
		if g := it.Guard; g != nil {
			part += fmt.Sprintf(" if #%d.%s", g.Param, g.Field)
		}
		parts = append(parts, part)
	}
	return "summary(" + strings.Join(parts, "; ") + ")"
}

// SummaryFact is implemented by a pointer to a struct embedding Summary.
type SummaryFact interface {
	analysis.Fact
	Base() *Summary
}

// Rule is what a rule hands to Run.
type Rule struct {
	// Local returns the findings in u's own code. It is called at most once
	// per unit, for units that are reachable from a handler or whose
	// summary is exported.
	Local func(u *Unit) []Finding
	// NewFact returns a new, empty fact of the rule's own type.
	NewFact func() SummaryFact
	// Prune, if set, reports whether the subtree at n (in u's code, with
	// the stack of nodes from u's body down to n) is out of the rule's
	// concern — for example code that runs once per execution environment
	// behind an "if client == nil" guard. The engine does not follow the
	// calls in it (for reachability, reports at call sites, or summaries);
	// Local, which walks u itself, should skip it too.
	Prune func(u *Unit, n ast.Node, stack []ast.Node) bool
	// Leaf, if set, reports whether fn is a leaf for the rule: a function
	// the rule reports where it is called (an expensive constructor, say),
	// whose own code and summary are not followed.
	Leaf func(fn *types.Func) bool
}

// maxItems bounds a summary: enough to tell the user, small enough for
// facts to stay cheap.
const maxItems = 8

// Run reports the rule's findings in code reachable from the package's
// handlers, and exports a summary fact for every function of the package
// that callers in other packages may reach:
//
//   - a finding in a handler's own code is reported where it is;
//   - a finding in a function of this package that a handler reaches is
//     reported where it is, naming the chain of calls from the handler;
//   - a finding in another package is reported at the call site in handler
//     code, naming the chain from the handler through the callee to it;
//   - a handler declared in another package is charged at the place it is
//     handed to the runtime.
//
// pass is the rule's pass: facts are its own.
func (r *Result) Run(pass *analysis.Pass, rule Rule) {
	if r.foreign {
		return
	}
	e := &engine{
		pass:  pass,
		r:     r,
		rule:  rule,
		local: make(map[*Unit][]Finding),
		reach: r.reach,
		sum:   make(map[*Unit][]Item),
		state: make(map[*Unit]int),
		seen:  make(map[string]bool),
	}
	if rule.Prune != nil || rule.Leaf != nil {
		e.computeReach()
	}
	e.report()
	e.export()
}

// computeReach recomputes reachability from the local entries, as the
// discovery does, but through the rule's callees: pruned code and leaves
// are not followed.
func (e *engine) computeReach() {
	e.reach = e.r.reachVia(func(u *Unit, visit func(*Unit)) {
		e.callees(u, func(_ *ast.Ident, _ *ast.CallExpr, cu *Unit) { visit(cu) }, nil)
	})
}

func (e *engine) leaf(fn *types.Func) bool {
	return e.rule.Leaf != nil && e.rule.Leaf(fn)
}

type engine struct {
	pass  *analysis.Pass
	r     *Result
	rule  Rule
	local map[*Unit][]Finding
	reach map[*Unit][]*Unit // the discovery's, or the rule's own when it prunes
	sum   map[*Unit][]Item
	state map[*Unit]int // 1: computing, 2: done
	seen  map[string]bool
}

func (e *engine) localOf(u *Unit) []Finding {
	if fs, ok := e.local[u]; ok {
		return fs
	}
	var fs []Finding
	if u.Func == nil || !e.leaf(u.Func) {
		fs = e.rule.Local(u)
	}
	e.local[u] = fs
	return fs
}

// callees calls external for every static call in u to a function with a
// body outside this package, and local for every reference to a function
// declared in this package, with the call if the reference is called.
func (e *engine) callees(u *Unit, local func(id *ast.Ident, call *ast.CallExpr, callee *Unit), external func(call *ast.CallExpr, fn *types.Func)) {
	info := e.pass.TypesInfo
	e.r.Inspect(u, func(n ast.Node, stack []ast.Node) bool {
		if e.rule.Prune != nil && e.rule.Prune(u, n, stack) {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if fn, ok := info.Uses[n].(*types.Func); ok && !e.leaf(fn) {
				if cu := e.r.FuncUnit(fn); cu != nil && local != nil {
					local(n, calledAs(n, stack), cu)
				}
			}
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(info, n)
			if fn != nil && fn.Pkg() != nil && fn.Pkg() != e.pass.Pkg && external != nil && !e.leaf(fn) {
				external(n, fn.Origin())
			}
		}
		return true
	})
}

// imported returns the summary that the rule exported for fn in its package.
func (e *engine) imported(fn *types.Func) []Item {
	fact := e.rule.NewFact()
	if !e.pass.ImportObjectFact(fn, fact) {
		return nil
	}
	return fact.Base().Items
}

// summaryOf computes the summary of u for export, following local callees.
// Recursion contributes nothing beyond what the cycle's functions do
// themselves.
func (e *engine) summaryOf(u *Unit) []Item {
	switch e.state[u] {
	case 1:
		return nil
	case 2:
		return e.sum[u]
	}
	e.state[u] = 1
	var items []Item
	keys := make(map[string]int) // index in items
	add := func(it Item) {
		k := it.Message + "\x00" + it.Chain[len(it.Chain)-1] // one path per leaf
		i, ok := keys[k]
		switch {
		case ok && items[i].Guard != nil && it.Guard == nil:
			items[i] = it // happens in any case, not only under a condition
		case !ok && len(items) < maxItems:
			keys[k] = len(items)
			items = append(items, it)
		}
	}
	// A suppression directive in the summarised code (at the leaf, or at a
	// call on the way to it) suppresses the finding for every caller, in
	// this package and in others.
	rule := e.pass.Analyzer.Name
	for _, f := range e.localOf(u) {
		if !e.r.ignored(f.Pos, rule) {
			add(Item{Message: f.Message, Chain: []string{f.Leaf}, Guard: e.guardAt(u, f.Pos)})
		}
	}
	e.callees(u,
		func(id *ast.Ident, call *ast.CallExpr, cu *Unit) {
			if cu == u || e.r.ignored(id.Pos(), rule) {
				return
			}
			for _, it := range e.summaryOf(cu) {
				if !e.unset(it.Guard, call) {
					add(Item{Message: it.Message, Chain: prepend(qualified(cu, e.pass.Pkg), it.Chain), Guard: e.through(u, call, it.Guard)})
				}
			}
		},
		func(call *ast.CallExpr, fn *types.Func) {
			if e.r.ignored(call.Pos(), rule) {
				return
			}
			for _, it := range e.imported(fn) {
				if !e.unset(it.Guard, call) {
					add(Item{Message: it.Message, Chain: prepend(FuncName(fn, nil), it.Chain), Guard: e.through(u, call, it.Guard)})
				}
			}
		})
	e.sum[u] = items
	e.state[u] = 2
	return items
}

func qualified(u *Unit, pkg *types.Package) string {
	if u.Func != nil {
		return FuncName(u.Func, nil)
	}
	return pkg.Name() + "." + u.Name
}

func prepend(s string, rest []string) []string {
	return append([]string{s}, rest...)
}

func (e *engine) report() {
	for _, u := range e.r.Units {
		chain, ok := e.reach[u]
		if !ok {
			continue
		}
		names := make([]string, len(chain))
		for i, c := range chain {
			names[i] = c.Name
		}
		for _, f := range e.localOf(u) {
			if e.unsetByCallers(u, e.guardAt(u, f.Pos)) {
				continue
			}
			var via []string
			if len(chain) > 1 {
				via = append(names[:len(names):len(names)], f.Leaf)
			}
			e.diag(f.Pos, f.End, f.Message, via, f.Fixes)
		}
		e.callees(u, nil, func(call *ast.CallExpr, fn *types.Func) {
			for _, it := range e.imported(fn) {
				if e.unset(it.Guard, call) {
					continue
				}
				via := append(names[:len(names):len(names)], FuncName(fn, e.pass.Pkg))
				e.diag(call.Pos(), call.End(), it.Message, append(via, it.Chain...), nil)
			}
		})
	}
	for _, en := range e.r.Entries {
		if en.Func == nil || en.Unit != nil || e.leaf(en.Func) {
			continue
		}
		for _, it := range e.imported(en.Func) {
			e.diag(en.Pos, en.Pos, it.Message, prepend(en.Name, it.Chain), nil)
		}
	}
}

func (e *engine) diag(pos, end token.Pos, msg string, chain []string, fixes []analysis.SuggestedFix) {
	if e.r.ignored(pos, e.pass.Analyzer.Name) {
		return
	}
	// One report per place, message and leaf: the same leaf reached along
	// two paths is told once, by the first chain found.
	key := e.pass.Fset.Position(pos).String() + "\x00" + msg
	if len(chain) > 0 {
		key += "\x00" + chain[len(chain)-1]
		msg += " (" + strings.Join(chain, " → ") + ")"
	}
	if e.seen[key] {
		return
	}
	e.seen[key] = true
	e.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg, SuggestedFixes: fixes})
}

// export exports the summary of every function that another package can
// call: exported functions and methods.
func (e *engine) export() {
	for _, u := range e.r.Units {
		if u.Func == nil || u.Func.Parent() != nil && u.Func.Parent() != e.pass.Pkg.Scope() {
			continue
		}
		if !u.Func.Exported() && u.Func.Signature().Recv() == nil || e.leaf(u.Func) {
			continue
		}
		if items := e.summaryOf(u); len(items) > 0 {
			fact := e.rule.NewFact()
			fact.Base().Items = items
			e.pass.ExportObjectFact(u.Func, fact)
		}
	}
}

// HasExported reports whether the package declares a function or method
// with a body that another package may call; with HasHandlers it makes a
// rule's fast path: a package with neither has nothing to report or export.
func (r *Result) HasExported() bool {
	if r.foreign {
		return false
	}
	for _, u := range r.Units {
		if u.Func != nil && (u.Func.Exported() || u.Func.Signature().Recv() != nil) {
			return true
		}
	}
	return false
}
