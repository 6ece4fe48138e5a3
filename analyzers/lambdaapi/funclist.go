package lambdaapi

import (
	"fmt"
	"go/token"
	"strings"
)

// FuncList is the value of a flag that names functions: a comma-separated
// list of full function names as honnef.co/go/tools/go/types/typeutil.FuncName
// prints them, e.g. "example.com/db.Connect,(*example.com/db.Pool).Dial".
type FuncList struct {
	Names []string
	// Check, if set, is called with every list set, after the names are
	// validated; an error rejects the list.
	Check func(names []string) error
}

func (f *FuncList) String() string {
	if f == nil {
		return ""
	}
	return strings.Join(f.Names, ",")
}

// Set replaces the list with the names in s.
func (f *FuncList) Set(s string) error {
	var names []string
	for name := range strings.SplitSeq(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if err := checkFuncName(name); err != nil {
			return err
		}
		names = append(names, name)
	}
	if f.Check != nil {
		if err := f.Check(names); err != nil {
			return err
		}
	}
	f.Names = names
	return nil
}

// Contains reports whether the list names the function called name.
func (f *FuncList) Contains(name string) bool {
	for _, n := range f.Names {
		if n == name {
			return true
		}
	}
	return false
}

// checkFuncName checks that name is a full function name:
// "example.com/db.Connect", "(*example.com/db.Pool).Dial" or
// "(example.com/db.Pool).Dial".
func checkFuncName(name string) error {
	bad := func() error {
		return fmt.Errorf("bad function name %q: want a full name such as "+
			"example.com/db.Connect or (*example.com/db.Pool).Dial", name)
	}
	if rest, ok := strings.CutPrefix(name, "("); ok {
		recv, method, ok := strings.Cut(rest, ").")
		if !ok || !token.IsIdentifier(method) {
			return bad()
		}
		name = strings.TrimPrefix(recv, "*")
	}
	i := strings.LastIndex(name, ".")
	if i <= 0 {
		return bad()
	}
	path, id := name[:i], name[i+1:]
	if !token.IsIdentifier(id) || strings.HasSuffix(path, "/") || strings.ContainsAny(path, " \t()*,") {
		return bad()
	}
	return nil
}
