package filesystem

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
	stypeutil "honnef.co/go/tools/go/types/typeutil"

	"github.com/lambdalint/lambdalint/analyzers/discovery"
	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

//go:embed doc.go
var doc string

// Analyzer reports writes outside /tmp and temporary files that a handler
// never removes.
var Analyzer = &analysis.Analyzer{
	Name:      "filesystem",
	Doc:       discovery.MustExtractDoc(doc, "filesystem"),
	URL:       discovery.DocsURL + "#filesystem",
	Requires:  []*analysis.Analyzer{discovery.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*summary)(nil)},
}

// summary records the filesystem misuse a function does, directly or
// through its callees.
type summary struct{ discovery.Summary }

func (*summary) AFact() {}

const (
	msgAbsolute = "%s %s %q fails on Lambda: the filesystem is read-only except /tmp, so write under os.TempDir()"
	msgRelative = "%s %s %q fails on Lambda: a relative path is under the working directory /var/task, " +
		"read-only like everything but /tmp, so write under os.TempDir()"
	msgTempIn = "%s in %q fails on Lambda: the filesystem is read-only except /tmp, " +
		"so pass \"\" to create it in os.TempDir()"
	msgTempFile = "%s creates a file that is never removed: /tmp keeps it across warm invocations until it is full " +
		"(512 MB by default), so defer os.Remove(f.Name()) after creating it"
	msgTempDir = "%s creates a directory that is never removed: /tmp keeps it across warm invocations until it is " +
		"full (512 MB by default), so defer os.RemoveAll(dir) after creating it"
	msgNewFile = "%s creates a new file under /tmp on every invocation and never removes it: /tmp keeps it across " +
		"warm invocations until it is full (512 MB by default), so remove it (defer os.Remove) when done"
	msgNewDir = "%s creates a new directory under /tmp on every invocation and never removes it: /tmp keeps it " +
		"across warm invocations until it is full (512 MB by default), so remove it (defer os.RemoveAll) when done"
	msgAppend = "%s appends to %q on every invocation: /tmp keeps the file across warm invocations and it grows " +
		"until /tmp is full (512 MB by default), so truncate or remove it, or write to stdout"
)

// writable are the top-level directories of a Lambda environment that
// accept writes: /tmp, the devices and procfs, and /mnt where EFS file
// systems are mounted.
var writable = []string{"tmp", "dev", "proc", "mnt"}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[discovery.Analyzer].(*discovery.Result)
	defer res.ReportUnused(pass)
	if res.Skip() {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, res: res, chdir: callsChdir(pass.TypesInfo)}
	res.Run(pass, discovery.Rule{
		Local:   c.local,
		NewFact: func() discovery.SummaryFact { return new(summary) },
	})
	return nil, nil
}

// callsChdir reports whether the package refers to os.Chdir: its relative
// paths may then be under another directory than /var/task.
func callsChdir(info *types.Info) bool {
	for _, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() != nil && stypeutil.FuncName(fn) == lambdaapi.FSChdir {
			return true
		}
	}
	return false
}

type checker struct {
	pass  *analysis.Pass
	info  *types.Info
	res   *discovery.Result
	chdir bool
	// trees are the constant paths that handler code of the package
	// removes with everything under them; computed on first use.
	trees *[]string
}

// A unitChecker looks at the filesystem calls of one unit.
type unitChecker struct {
	*checker
	u    *discovery.Unit
	recv *types.Var // the receiver of a method

	parent  map[ast.Node]ast.Node
	uses    map[*types.Var][]*ast.Ident
	assigns map[*types.Var]int      // how many times each variable is set
	defVal  map[*types.Var]ast.Expr // the value a variable is defined with
	addr    map[*types.Var]bool     // variables whose address is taken
	reused  map[*types.Var]bool     // loop variables that take the same values in every invocation
	consts  map[string]int          // occurrences of each constant string
	frees   []free
	probes  []ast.Expr // the arguments of lambdaapi.FSCacheProbe calls
	sites   []site

	findings []discovery.Finding
}

// A free is a call that frees the space of the path in its argument.
type free struct {
	arg  ast.Expr
	tree bool // it frees everything under the path too
}

// A site is a call of lambdaapi.FSCalls.
type site struct {
	call *ast.CallExpr
	fn   *types.Func
	fc   lambdaapi.FSCall
}

func (c *checker) local(u *discovery.Unit) []discovery.Finding {
	uc := c.newUnitChecker(u)
	for _, s := range uc.sites {
		uc.check(s)
	}
	return uc.findings
}

// removedTrees returns the constant paths that the package's handler code
// (all its code, in a library) removes with everything under them, as in a
// clean-up of a work directory at the start of every invocation.
func (c *checker) removedTrees() []string {
	if c.trees != nil {
		return *c.trees
	}
	var trees []string
	for _, u := range c.res.Units {
		if _, ok := c.res.Reachable(u); !ok && c.res.HasHandlers() {
			continue
		}
		uc := c.newUnitChecker(u)
		for _, f := range uc.frees {
			if p := uc.resolve(f.arg, 0); f.tree && p.constant && p.s != "" {
				trees = append(trees, path.Clean(p.s))
			}
		}
	}
	c.trees = &trees
	return trees
}

func (c *checker) newUnitChecker(u *discovery.Unit) *unitChecker {
	uc := &unitChecker{
		checker: c,
		u:       u,
		parent:  make(map[ast.Node]ast.Node),
		uses:    make(map[*types.Var][]*ast.Ident),
		assigns: make(map[*types.Var]int),
		defVal:  make(map[*types.Var]ast.Expr),
		addr:    make(map[*types.Var]bool),
		reused:  make(map[*types.Var]bool),
		consts:  make(map[string]int),
	}
	if decl, ok := u.Node.(*ast.FuncDecl); ok && decl.Recv != nil && len(decl.Recv.List) == 1 {
		if names := decl.Recv.List[0].Names; len(names) == 1 {
			uc.recv, _ = c.info.Defs[names[0]].(*types.Var)
		}
	}
	uc.index()
	return uc
}

// index records the parent of every node of the unit, how its variables
// are set and used, and the filesystem calls.
func (uc *unitChecker) index() {
	info := uc.info
	uc.res.Inspect(uc.u, func(n ast.Node, stack []ast.Node) bool {
		if len(stack) >= 2 {
			uc.parent[n] = stack[len(stack)-2]
		}
		switch n := n.(type) {
		case *ast.Ident:
			switch obj := info.Uses[n].(type) {
			case *types.Var:
				uc.uses[obj] = append(uc.uses[obj], n)
			case *types.Const:
				if obj.Val().Kind() == constant.String {
					uc.consts[constant.StringVal(obj.Val())]++
				}
			}
		case *ast.BasicLit:
			if tv := info.Types[n]; tv.Value != nil && tv.Value.Kind() == constant.String {
				uc.consts[constant.StringVal(tv.Value)]++
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := uc.varOf(lhs)
				if v == nil {
					continue
				}
				uc.assigns[v]++
				if id := lhs.(*ast.Ident); n.Tok == token.DEFINE && info.Defs[id] != nil && len(n.Lhs) == len(n.Rhs) {
					uc.defVal[v] = n.Rhs[i]
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if v, ok := info.Defs[name].(*types.Var); ok {
					uc.assigns[v]++
					if len(n.Names) == len(n.Values) {
						uc.defVal[v] = n.Values[i]
					}
				}
			}
		case *ast.IncDecStmt:
			if v := uc.varOf(n.X); v != nil {
				uc.assigns[v]++
			}
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if v := uc.varOf(x); v != nil {
					uc.assigns[v] += 2 // one variable, many values
				}
			}
			uc.rangeReused(n)
		case *ast.ForStmt:
			// for i := 0; i < n; i++: the same indexes in every invocation.
			if init, ok := n.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
				for _, lhs := range init.Lhs {
					if v := uc.varOf(lhs); v != nil {
						uc.reused[v] = true
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := uc.varOf(n.X); v != nil {
					uc.addr[v] = true
				}
			}
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(info, n)
			if fn == nil || fn.Pkg() == nil || len(n.Args) == 0 {
				break
			}
			name := stypeutil.FuncName(fn.Origin())
			if tree, ok := lambdaapi.FSRelease[name]; ok {
				uc.frees = append(uc.frees, free{n.Args[0], tree})
			}
			if lambdaapi.FSCacheProbe[name] {
				uc.probes = append(uc.probes, n.Args[0])
			}
			if fc, ok := lambdaapi.FSCalls[name]; ok && fc.Path < len(n.Args) && !n.Ellipsis.IsValid() {
				uc.sites = append(uc.sites, site{n, fn, fc})
			}
		}
		return true
	})
}

// rangeReused records the variables of a range loop that take the same
// values in every invocation: the index of a slice, array, string or
// integer, and the elements of a literal or of a package variable.
func (uc *unitChecker) rangeReused(n *ast.RangeStmt) {
	if n.Tok != token.DEFINE {
		return
	}
	t := uc.info.TypeOf(n.X)
	if t == nil {
		return
	}
	switch t.Underlying().(type) {
	case *types.Map, *types.Chan, *types.Signature:
	default:
		if v := uc.varOf(n.Key); v != nil {
			uc.reused[v] = true
		}
	}
	fixed := false
	switch x := ast.Unparen(n.X).(type) {
	case *ast.CompositeLit:
		fixed = true
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			fixed = fixed && uc.info.Types[elt].Value != nil
		}
	default:
		fixed = discovery.IsPackageLevel(discovery.StorageRoot(uc.info, x))
	}
	if v := uc.varOf(n.Value); v != nil && fixed {
		uc.reused[v] = true
	}
}

// varOf returns the variable that the identifier e denotes, or nil.
func (uc *unitChecker) varOf(e ast.Expr) *types.Var {
	id, ok := e.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := uc.info.ObjectOf(id).(*types.Var)
	return v
}

// isLocal reports whether v is a variable declared in the unit's body.
func (uc *unitChecker) isLocal(v *types.Var) bool {
	return v != nil && !v.IsField() && uc.u.Body.Pos() <= v.Pos() && v.Pos() < uc.u.Body.End()
}

// single returns the value of v when v is a local variable set once, by its
// definition, and never addressed.
func (uc *unitChecker) single(v *types.Var) ast.Expr {
	if !uc.isLocal(v) || uc.assigns[v] != 1 || uc.addr[v] {
		return nil
	}
	return uc.defVal[v]
}

func (uc *unitChecker) report(call *ast.CallExpr, short, msg string, fixes []analysis.SuggestedFix) {
	uc.findings = append(uc.findings, discovery.Finding{
		Pos: call.Pos(), End: call.End(), Leaf: short, Message: msg, Fixes: fixes,
	})
}

// check reports what is wrong with one filesystem call.
func (uc *unitChecker) check(s site) {
	fc := s.fc
	arg := s.call.Args[fc.Path]
	p := uc.resolve(arg, 0)
	var create, appends bool
	switch fc.Op {
	case lambdaapi.FSOpen:
		flags, ok := uc.flags(s)
		if !ok || flags&uc.osFlags(s.fn, lambdaapi.FSWriteFlags...) == 0 {
			return // a read, or flags that are not constant
		}
		create = flags&uc.osFlags(s.fn, lambdaapi.FSCreateFlag) != 0
		appends = flags&uc.osFlags(s.fn, lambdaapi.FSAppendFlag) != 0
	case lambdaapi.FSWrite, lambdaapi.FSMkdir:
		create = true
	case lambdaapi.FSTempFile, lambdaapi.FSTempDir:
		if p.constant && p.s == "" {
			p = pathVal{s: "/tmp/"} // os.TempDir()
		}
		if shown, ok := uc.outside(p, fc.Op); ok {
			uc.report(s.call, fc.Short, fmt.Sprintf(msgTempIn, fc.Short, shown), uc.tempDirFix(arg))
			return
		}
		if p.constant && underTmp(p.s) {
			uc.temp(s, arg, path.Clean(p.s)+"/")
		} else if !p.constant && strings.HasPrefix(p.s, "/tmp/") {
			uc.temp(s, arg, p.s)
		}
		return
	}
	if shown, ok := uc.outside(p, fc.Op); ok {
		msg, prep := msgAbsolute, "to"
		if !strings.HasPrefix(shown, "/") {
			msg = msgRelative
		}
		if fc.Op == lambdaapi.FSMkdir {
			prep = "of"
		}
		uc.report(s.call, fc.Short, fmt.Sprintf(msg, fc.Short, prep, shown), uc.pathFix(arg))
		return
	}
	inTmp := p.constant && underTmp(p.s) || !p.constant && strings.HasPrefix(p.s, "/tmp/")
	loc := p.s
	if p.constant {
		loc = path.Clean(p.s)
	}
	switch {
	case !inTmp:
	case appends && (p.constant || !p.varies):
		if !uc.freed(s, arg, loc, true) {
			shown := p.s
			if !p.constant {
				shown += "…"
			}
			uc.report(s.call, fc.Short, fmt.Sprintf(msgAppend, fc.Short, shown), nil)
		}
	case create && !p.constant && p.varies:
		if !uc.freed(s, arg, loc, false) {
			msg := msgNewFile
			if fc.Op == lambdaapi.FSMkdir {
				msg = msgNewDir
			}
			uc.report(s.call, fc.Short, fmt.Sprintf(msg, fc.Short), nil)
		}
	}
}

// temp reports a temporary file or directory that the unit never removes.
func (uc *unitChecker) temp(s site, dir ast.Expr, loc string) {
	if uc.freed(s, dir, loc, false) {
		return
	}
	msg := msgTempFile
	if s.fc.Op == lambdaapi.FSTempDir {
		msg = msgTempDir
	}
	uc.report(s.call, s.fc.Short, fmt.Sprintf(msg, s.fc.Short), uc.deferFix(s))
}

// flags returns the constant flag argument of an os.OpenFile call.
func (uc *unitChecker) flags(s site) (int64, bool) {
	if s.fc.Flag < 0 || s.fc.Flag >= len(s.call.Args) {
		return 0, false
	}
	v := uc.info.Types[s.call.Args[s.fc.Flag]].Value
	if v == nil || v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// osFlags returns the union of the named open flags of the package that
// declares fn (os), as the type checker saw them for this build.
func (uc *unitChecker) osFlags(fn *types.Func, names ...string) int64 {
	var bits int64
	for _, name := range names {
		if c, ok := fn.Pkg().Scope().Lookup(name).(*types.Const); ok {
			if v, ok := constant.Int64Val(c.Val()); ok {
				bits |= v
			}
		}
	}
	return bits
}

// outside returns how to show the path p in a diagnostic when writing to it
// fails on Lambda: p, or its constant prefix and an ellipsis, is relative
// or absolute outside the writable directories.
func (uc *unitChecker) outside(p pathVal, op lambdaapi.FSOp) (string, bool) {
	if p.s == "" {
		return "", false
	}
	if p.constant {
		c := path.Clean(p.s)
		if op == lambdaapi.FSMkdir && (c == "." || c == "/") {
			return "", false // exists already
		}
		if path.IsAbs(c) {
			top, _, _ := strings.Cut(c[1:], "/")
			if top == "" || isWritable(top) {
				return "", false
			}
		} else if uc.chdir {
			return "", false
		}
		return p.s, true
	}
	// A prefix: absolute with a complete first element, or relative.
	if strings.HasPrefix(p.s, "/") {
		top, _, ok := strings.Cut(p.s[1:], "/")
		if !ok || top == "" || top == "." || top == ".." || isWritable(top) {
			return "", false
		}
	} else if uc.chdir {
		return "", false
	}
	return p.s + "…", true
}

func isWritable(top string) bool {
	for _, w := range writable {
		if top == w {
			return true
		}
	}
	return false
}

// underTmp reports whether the constant path p is /tmp or below it.
func underTmp(p string) bool {
	c := path.Clean(p)
	return c == "/tmp" || strings.HasPrefix(c, "/tmp/")
}
