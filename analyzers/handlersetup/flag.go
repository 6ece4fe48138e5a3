package handlersetup

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/lambdalint/lambdalint/analyzers/lambdaapi"
)

// extraFlag is the value of -handlersetup.extra.
type extraFlag struct{ names []string }

func (f *extraFlag) String() string { return strings.Join(f.names, ",") }

// Set adds the comma-separated constructors in s to the lambdaapi table.
func (f *extraFlag) Set(s string) error {
	var names []string
	for name := range strings.SplitSeq(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if err := validName(name); err != nil {
			return err
		}
		names = append(names, name)
	}
	for _, name := range names {
		if err := lambdaapi.AddExpensive(name); err != nil {
			return err
		}
	}
	f.names = names
	return nil
}

// validName checks that name is a full function name as
// honnef.co/go/tools/go/types/typeutil.FuncName prints it:
// "example.com/db.Connect", "(*example.com/db.Pool).Dial" or
// "(example.com/db.Pool).Dial".
func validName(name string) error {
	bad := func() error {
		return fmt.Errorf("handlersetup: bad constructor name %q: want a full function name such as "+
			"example.com/db.Connect or (*example.com/db.Pool).Dial", name)
	}
	if rest, ok := strings.CutPrefix(name, "("); ok {
		recv, method, ok := strings.Cut(rest, ").")
		if !ok || !isIdent(method) {
			return bad()
		}
		name = strings.TrimPrefix(recv, "*")
	}
	i := strings.LastIndex(name, ".")
	if i <= 0 {
		return bad()
	}
	path, id := name[:i], name[i+1:]
	if !isIdent(id) || strings.HasSuffix(path, "/") || strings.ContainsAny(path, " \t()*,") {
		return bad()
	}
	return nil
}

func isIdent(s string) bool {
	return token.IsIdentifier(s)
}
