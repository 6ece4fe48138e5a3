package handlersetup

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	htypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
)

// hoistable are the calls whose statement "v := call" the suggested fix
// moves to a package-level "var v = call": they return one value, and
// calling them once with the same constant input gives a value that is safe
// to share between invocations.
var hoistable = map[string]bool{
	"regexp.MustCompile":      true,
	"regexp.MustCompilePOSIX": true,
}

// hoistFix returns the fix that moves "v := regexp.MustCompile(const)" out
// of u to a package-level variable of the same name, when that is
// mechanical and safe.
func (c *checker) hoistFix(u *discovery.Unit, call *ast.CallExpr, fn *types.Func, stack []ast.Node) (analysis.SuggestedFix, bool) {
	if !hoistable[htypeutil.FuncName(fn)] || len(stack) < 3 {
		return analysis.SuggestedFix{}, false
	}
	// The statement "v := call", directly in a block.
	as, ok := stack[len(stack)-2].(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != call {
		return analysis.SuggestedFix{}, false
	}
	container := stack[len(stack)-3]
	list, ok := discovery.StmtList(container)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	info := c.pass.TypesInfo
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	v, ok := info.Defs[id].(*types.Var)
	if !ok || !c.uniqueName(v) {
		return analysis.SuggestedFix{}, false
	}
	// The call refers only to package-level and imported names.
	pkgScope := c.pass.Pkg.Scope()
	local := false
	ast.Inspect(call, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			switch obj := info.Uses[id].(type) {
			case nil, *types.PkgName:
			default:
				if p := obj.Parent(); p != pkgScope && p != types.Universe && obj.Pkg() == c.pass.Pkg {
					local = true
				}
			}
		}
		return !local
	})
	if local {
		return analysis.SuggestedFix{}, false
	}
	file, decl := c.enclosingDecl(call.Pos())
	if decl == nil || c.reassigned(decl, v) {
		return analysis.SuggestedFix{}, false
	}

	var buf bytes.Buffer
	if err := format.Node(&buf, c.pass.Fset, call); err != nil {
		return analysis.SuggestedFix{}, false
	}
	insert := decl.Pos()
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			insert = d.Doc.Pos()
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			insert = d.Doc.Pos()
		}
	}
	start, end, comment := c.lineRange(file, container, list, as)
	if comment != "" {
		comment = " " + comment
	}
	return analysis.SuggestedFix{
		Message: fmt.Sprintf("Move %s to a package-level variable", id.Name),
		TextEdits: []analysis.TextEdit{
			{Pos: insert, End: insert, NewText: fmt.Appendf(nil, "var %s = %s%s\n\n", id.Name, buf.Bytes(), comment)},
			{Pos: start, End: end},
		},
	}, true
}

// uniqueName reports whether v's name can name a package-level variable
// without changing the meaning of any other identifier: nothing else in the
// package or its files' imports is declared with that name, and it is not a
// predeclared identifier.
func (c *checker) uniqueName(v *types.Var) bool {
	name := v.Name()
	if name == "_" || types.Universe.Lookup(name) != nil {
		return false
	}
	if c.defs == nil {
		c.defs = make(map[string]int)
		for id, obj := range c.pass.TypesInfo.Defs {
			if obj != nil && obj.Parent() != nil {
				c.defs[id.Name]++
			}
		}
		for _, f := range c.pass.Files {
			if s := c.pass.TypesInfo.Scopes[f]; s != nil {
				for _, n := range s.Names() {
					c.defs[n]++
				}
			}
		}
	}
	return c.defs[name] == 1
}

// enclosingDecl returns the file and the top-level declaration containing pos.
func (c *checker) enclosingDecl(pos token.Pos) (*ast.File, ast.Decl) {
	for _, f := range c.pass.Files {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if d.Pos() <= pos && pos < d.End() {
				return f, d
			}
		}
		return f, nil
	}
	return nil, nil
}

// reassigned reports whether v is assigned to, or has its address taken,
// anywhere in decl other than its definition.
func (c *checker) reassigned(decl ast.Decl, v *types.Var) bool {
	info := c.pass.TypesInfo
	is := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.Uses[id] == v
	}
	found := false
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || is(lhs)
			}
		case *ast.RangeStmt:
			found = found || n.Key != nil && is(n.Key) || n.Value != nil && is(n.Value)
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && is(n.X)
		case *ast.IncDecStmt:
			found = found || is(n.X)
		}
		return !found
	})
	return found
}

// lineRange returns the range to delete to remove stmt from list: its
// whole lines when nothing but a trailing comment shares them, else the
// statement itself. The trailing comment, which belongs to the statement,
// is returned to go with it.
func (c *checker) lineRange(file *ast.File, container ast.Node, list []ast.Stmt, stmt ast.Stmt) (start, end token.Pos, comment string) {
	tf := c.pass.Fset.File(stmt.Pos())
	first, last := tf.Line(stmt.Pos()), tf.Line(stmt.End())
	if last >= tf.LineCount() {
		return stmt.Pos(), stmt.End(), ""
	}
	// What precedes and follows the statement: its neighbours, or the
	// container's opening and closing.
	before, after := token.NoPos, token.NoPos
	switch x := container.(type) {
	case *ast.BlockStmt:
		before, after = x.Lbrace, x.Rbrace
	case *ast.CaseClause:
		before = x.Colon
	case *ast.CommClause:
		before = x.Colon
	}
	for i, s := range list {
		if s != stmt {
			continue
		}
		if i > 0 {
			before = list[i-1].End()
		}
		if i+1 < len(list) {
			after = list[i+1].Pos()
		}
	}
	if !before.IsValid() || !after.IsValid() || tf.Line(before) >= first || tf.Line(after) <= last {
		return stmt.Pos(), stmt.End(), ""
	}
	var trailing []string
	for _, cg := range file.Comments {
		if tf.Line(cg.Pos()) > last || tf.Line(cg.End()) < first {
			continue
		}
		if cg.Pos() < stmt.End() || tf.Line(cg.End()) != last {
			return stmt.Pos(), stmt.End(), ""
		}
		for _, cm := range cg.List {
			trailing = append(trailing, cm.Text)
		}
	}
	return tf.LineStart(first), tf.LineStart(last + 1), strings.Join(trailing, " ")
}
