package filesystem

import (
	"go/ast"
	"go/constant"
	"go/token"
	"path"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// A pathVal is what is known of the value of a path expression.
type pathVal struct {
	// s is the constant value, or for a path that is not constant the
	// constant prefix that it starts with ("" when none is known).
	s        string
	constant bool
	// varies is set when a part that is not constant may differ from one
	// invocation to the next: it is not made only of package variables,
	// fields of the method's receiver, and lambdaapi.FSProcessValues.
	varies bool
}

// maxDepth bounds how far resolve follows variables to their definitions.
const maxDepth = 8

// resolve tells what is known of the value of e: constants, os.TempDir()
// (/tmp on Lambda), concatenations, filepath.Join and fmt.Sprintf of them,
// and local variables set once to one of these.
func (uc *unitChecker) resolve(e ast.Expr, depth int) pathVal {
	e = ast.Unparen(e)
	if tv := uc.info.Types[e]; tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return pathVal{s: constant.StringVal(tv.Value), constant: true}
		}
		return pathVal{}
	}
	if depth > maxDepth {
		return pathVal{varies: true}
	}
	switch x := e.(type) {
	case *ast.Ident:
		if def := uc.single(uc.varOf(x)); def != nil {
			return uc.resolve(def, depth+1)
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			l, r := uc.resolve(x.X, depth+1), uc.resolve(x.Y, depth+1)
			switch {
			case !l.constant:
				return pathVal{s: l.s, varies: l.varies || r.varies}
			case r.constant:
				return pathVal{s: l.s + r.s, constant: true}
			}
			return pathVal{s: l.s + r.s, varies: r.varies}
		}
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(uc.info, x)
		if fn == nil || fn.Pkg() == nil || x.Ellipsis.IsValid() {
			break
		}
		switch name := stypeutil.FuncName(fn.Origin()); {
		case name == lambdaapi.FSTempDirFunc:
			return pathVal{s: "/tmp", constant: true}
		case lambdaapi.FSPathJoin[name]:
			return uc.join(x.Args, depth)
		case lambdaapi.FSPathFormat[name] && len(x.Args) > 0:
			return uc.format(x.Args, depth)
		}
	}
	return pathVal{varies: uc.varies(e, depth)}
}

// join resolves filepath.Join(args...).
func (uc *unitChecker) join(args []ast.Expr, depth int) pathVal {
	var elems []string
	for i, a := range args {
		v := uc.resolve(a, depth+1)
		if v.constant {
			elems = append(elems, v.s)
			continue
		}
		prefix := path.Join(elems...)
		if prefix != "" && !strings.HasSuffix(prefix, "/") {
			prefix += "/"
		}
		if prefix != "" {
			v.s = strings.TrimLeft(v.s, "/")
		}
		for _, b := range args[i+1:] {
			v.varies = v.varies || uc.resolve(b, depth+1).varies
		}
		return pathVal{s: prefix + v.s, varies: v.varies}
	}
	return pathVal{s: path.Join(elems...), constant: true}
}

// format resolves fmt.Sprintf(args...): the prefix is the format up to its
// first verb.
func (uc *unitChecker) format(args []ast.Expr, depth int) pathVal {
	f := uc.resolve(args[0], depth+1)
	if !f.constant {
		return pathVal{varies: true}
	}
	// Leading %s and %v verbs of constant values: fmt.Sprintf("%s/%s",
	// os.TempDir(), id).
	format, args := f.s, args[1:]
	var done strings.Builder
	for len(args) > 0 && (strings.HasPrefix(format, "%s") || strings.HasPrefix(format, "%v")) {
		v := uc.resolve(args[0], depth+1)
		if !v.constant {
			break
		}
		done.WriteString(v.s)
		format, args = format[2:], args[1:]
	}
	varies := false
	for _, a := range args {
		varies = varies || uc.resolve(a, depth+1).varies
	}
	i := strings.IndexByte(format, '%')
	if i < 0 {
		return pathVal{s: done.String() + format, constant: len(args) == 0, varies: varies}
	}
	return pathVal{s: done.String() + format[:i], varies: varies}
}

// varies reports whether the value of e, which is not a constant, may
// differ from one invocation to the next.
func (uc *unitChecker) varies(e ast.Expr, depth int) bool {
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		v := discovery.StorageRoot(uc.info, x)
		if id, ok := x.(*ast.Ident); ok && uc.reused[v] && uc.varOf(id) == v {
			return false
		}
		return v == nil || !discovery.IsPackageLevel(v) && v != uc.recv
	case *ast.CallExpr:
		if tv := uc.info.Types[x.Fun]; tv.IsType() && len(x.Args) == 1 {
			return uc.resolve(x.Args[0], depth+1).varies // a conversion
		}
		fn := typeutil.StaticCallee(uc.info, x)
		return fn == nil || !lambdaapi.FSProcessValues[stypeutil.FuncName(fn.Origin())]
	}
	return true
}

// ancestors returns e and the expressions that name a directory above the
// path e: the leading elements of a filepath.Join, the left operand of a
// concatenation, through local variables set once.
func (uc *unitChecker) ancestors(e ast.Expr, depth int) []ast.Expr {
	e = ast.Unparen(e)
	out := []ast.Expr{e}
	if depth > maxDepth {
		return out
	}
	switch x := e.(type) {
	case *ast.Ident:
		if def := uc.single(uc.varOf(x)); def != nil {
			out = append(out, uc.ancestors(def, depth+1)...)
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			out = append(out, uc.ancestors(x.X, depth+1)...)
		}
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(uc.info, x)
		if fn != nil && fn.Pkg() != nil && lambdaapi.FSPathJoin[stypeutil.FuncName(fn.Origin())] && len(x.Args) > 1 {
			for _, a := range x.Args[:len(x.Args)-1] {
				out = append(out, uc.ancestors(a, depth+1)...)
			}
		}
	}
	return out
}
