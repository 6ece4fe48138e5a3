package filesystem

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"honnef.co/go/tools/analysis/edit"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// deferFix returns the fix that removes a temporary file or directory when
// the function returns, for the shape
//
//	f, err := os.CreateTemp(dir, pattern)
//	if err != nil {
//		return err
//	}
//	defer os.Remove(f.Name()) // inserted
//
// outside loops, where the os package is imported.
func (uc *unitChecker) deferFix(s site) []analysis.SuggestedFix {
	as, ok := uc.parent[s.call].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 || as.Rhs[0] != s.call {
		return nil
	}
	res := uc.varOf(as.Lhs[0])
	errVar := uc.varOf(as.Lhs[1])
	if res == nil || errVar == nil {
		return nil
	}
	list, ok := discovery.StmtList(uc.parent[as])
	if !ok {
		return nil
	}
	var next ast.Stmt
	for i, st := range list {
		if st == as && i+1 < len(list) {
			next = list[i+1]
		}
	}
	ifs, ok := next.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || !uc.isErrCheck(ifs.Cond, errVar) || !discovery.EndsFlow(uc.info, ifs.Body) {
		return nil
	}
	if uc.inLoop(as) {
		return nil // the deferred calls would pile up until the function returns
	}
	osName := uc.importName(ifs.End(), "os")
	if osName == "" {
		return nil
	}
	call := fmt.Sprintf("%s.Remove(%s.Name())", osName, res.Name())
	if s.fc.Op == lambdaapi.FSTempDir {
		call = fmt.Sprintf("%s.RemoveAll(%s)", osName, res.Name())
	}
	col := uc.pass.Fset.Position(ifs.Pos()).Column
	text := "\n" + strings.Repeat("\t", col-1) + "defer " + call
	return []analysis.SuggestedFix{
		edit.Fix("Remove it when the function returns", edit.ReplaceWithString(edit.Range{ifs.End(), ifs.End()}, text)),
	}
}

// isErrCheck reports whether cond is "err != nil" for the variable errVar.
func (uc *unitChecker) isErrCheck(cond ast.Expr, errVar *types.Var) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || uc.varOf(ast.Unparen(b.X)) != errVar {
		return false
	}
	id, ok := ast.Unparen(b.Y).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := uc.info.Uses[id].(*types.Nil)
	return isNil
}

// inLoop reports whether n is in a loop of its function.
func (uc *unitChecker) inLoop(n ast.Node) bool {
	for p := uc.parent[n]; p != nil; p = uc.parent[p] {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit:
			return false
		}
	}
	return false
}

// pathFix returns the fix that moves a constant relative path given as a
// literal, or one under /var/task (the working directory), under
// os.TempDir(). The literal must be the only occurrence of its value in the
// function: a read of the same path would no longer find the file.
func (uc *unitChecker) pathFix(arg ast.Expr) []analysis.SuggestedFix {
	lit, value, ok := uc.onlyLiteral(arg)
	if !ok {
		return nil
	}
	c := path.Clean(value)
	rel, ok := strings.CutPrefix(c, "/var/task/")
	if !path.IsAbs(c) {
		rel, ok = c, c != "." && c != ".." && !strings.HasPrefix(c, "../")
	}
	if !ok {
		return nil
	}
	osName := uc.importName(lit.Pos(), "os")
	if osName == "" {
		return nil
	}
	text := fmt.Sprintf("%s.TempDir() + %s", osName, strconv.Quote("/"+rel))
	if fp := uc.importName(lit.Pos(), "path/filepath"); fp != "" {
		text = fmt.Sprintf("%s.Join(%s.TempDir(), %s)", fp, osName, strconv.Quote(rel))
	}
	return []analysis.SuggestedFix{edit.Fix("Write under os.TempDir()", edit.ReplaceWithString(lit, text))}
}

// tempDirFix returns the fix that creates a temporary file or directory in
// os.TempDir() instead of the literal directory arg.
func (uc *unitChecker) tempDirFix(arg ast.Expr) []analysis.SuggestedFix {
	lit, _, ok := uc.onlyLiteral(arg)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{edit.Fix("Create it in os.TempDir()", edit.ReplaceWithString(lit, `""`))}
}

// onlyLiteral returns the string literal arg and its value when no other
// constant in the unit has that value.
func (uc *unitChecker) onlyLiteral(arg ast.Expr) (*ast.BasicLit, string, bool) {
	lit, ok := ast.Unparen(arg).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil, "", false
	}
	v := uc.info.Types[lit].Value
	if v == nil || v.Kind() != constant.String {
		return nil, "", false
	}
	s := constant.StringVal(v)
	return lit, s, uc.consts[s] == 1
}

// importName returns the name under which the file containing pos imports
// the package path, if that name denotes the package at pos.
func (uc *unitChecker) importName(pos token.Pos, pkgPath string) string {
	for _, f := range uc.pass.Files {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		scope := uc.info.Scopes[f]
		if scope == nil {
			return ""
		}
		scope = scope.Innermost(pos)
		for _, spec := range f.Imports {
			var obj types.Object
			if spec.Name != nil {
				obj = uc.info.Defs[spec.Name]
			} else {
				obj = uc.info.Implicits[spec]
			}
			pn, ok := obj.(*types.PkgName)
			if !ok || pn.Imported().Path() != pkgPath {
				continue
			}
			if _, found := scope.LookupParent(pn.Name(), pos); found == pn {
				return pn.Name()
			}
		}
		return ""
	}
	return ""
}
