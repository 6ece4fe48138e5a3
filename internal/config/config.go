// Package config reads lambdalint's settings: the file lambdalint.toml for
// the command, the go vet tool and the language server, and the settings
// block of golangci-lint's configuration for the plugin. Both have one
// shape and mean the same:
//
//	# rules to turn off; or enable = [...] to run only those
//	disable = ["envvars"]
//
//	[lambdahandlers]                         # handler discovery
//	entries = ["example.com/app.Serve"]      # more handler entry points
//
//	[handlersetup]
//	extra = ["example.com/db.Connect"]       # more expensive constructors
//
//	[globalstate]
//	concurrent = true                        # multi-concurrency mode
//
// A table is named after an analyzer and sets its flags: [rule] key = value
// is the flag -rule.key=value, a list is the comma-separated value. So every
// flag of every rule can be set, and a rule's new flag needs nothing here.
//
// The analyzers themselves read nothing but their pass: this package turns
// the settings into flags, which each driver applies its own way (flag
// arguments for go vet, [Options.Apply] in process).
package config

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/tools/go/analysis"
)

// File is the name of the configuration file. The nearest one in a
// package's directory or a parent directory, up to the root of its module,
// applies to the package.
const File = "lambdalint.toml"

// Options are parsed settings.
type Options struct {
	Where    string   // the file, or what else the settings came from
	Enable   []string // if not empty, run only these rules
	Disable  []string // rules not to run
	Settings []Setting

	rules []string // the names of the rules, for Args
}

// A Setting is one flag of an analyzer.
type Setting struct {
	Analyzer, Flag, Value string
}

// Arg returns the setting as a command-line flag: -analyzer.flag=value.
func (s Setting) Arg() string { return "-" + s.Analyzer + "." + s.Flag + "=" + s.Value }

// Find returns the configuration file that applies to a package in dir:
// the nearest in dir or a parent, up to the directory holding go.mod. It
// returns "" when there is none.
func Find(dir string) (string, error) {
	for {
		path := filepath.Join(dir, File)
		_, err := os.Stat(path)
		switch {
		case err == nil:
			return path, nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks the configuration file path against the rules all.
// Errors name the file and, where it is known, the line.
func Load(path string, all []*analysis.Analyzer) (*Options, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, all)
}

// Parse parses the content of a configuration file called name.
func Parse(name string, data []byte, all []*analysis.Analyzer) (*Options, error) {
	var m map[string]any
	if _, err := toml.Decode(string(data), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d: %s", name, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return decode(m, all, func(table, key string) string {
		if key == "" {
			return name
		}
		line := lineOf(data, table, key)
		if line == 0 && table == "" {
			line = lineOf(data, key, "") // a table's header
		}
		if line == 0 {
			return name
		}
		return fmt.Sprintf("%s:%d", name, line)
	})
}

// Decode checks settings decoded from elsewhere, such as the settings of
// golangci-lint's custom linter, against the rules all; where says where
// they come from, for errors.
func Decode(m map[string]any, where string, all []*analysis.Analyzer) (*Options, error) {
	return decode(m, all, func(table, key string) string {
		if key == "" {
			return where
		}
		if table != "" {
			key = table + "." + key
		}
		return fmt.Sprintf("%s: %s", where, key)
	})
}

// decode turns the settings m into Options; at locates a key in a table
// ("" for the top level) for errors.
func decode(m map[string]any, all []*analysis.Analyzer, at func(table, key string) string) (*Options, error) {
	o := &Options{Where: at("", "")}
	rules := make(map[string]*analysis.Analyzer) // what enable and disable may name
	for _, a := range all {
		rules[a.Name] = a
		o.rules = append(o.rules, a.Name)
	}
	settable := byName(all) // what may have a table: the rules and what they require

	for _, key := range sortedKeys(m) {
		v := m[key]
		switch key {
		case "enable", "disable":
			names, err := stringList(v)
			if err != nil {
				return nil, fmt.Errorf("%s: %s must be a list of rule names: %v", at("", key), key, err)
			}
			for _, name := range names {
				if rules[name] == nil {
					return nil, fmt.Errorf("%s: unknown rule %q in %s (the rules: %s)", at("", key), name, key, strings.Join(sortedKeys(rules), ", "))
				}
			}
			if key == "enable" {
				o.Enable = names
			} else {
				o.Disable = names
			}
			continue
		}
		a := settable[key]
		if a == nil {
			return nil, fmt.Errorf("%s: unknown setting %q: want enable, disable or a table named after a rule (%s)", at("", key), key, strings.Join(sortedKeys(settable), ", "))
		}
		table, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: %q must be a table of the rule's settings, e.g. [%s]", at("", key), key, key)
		}
		for _, name := range sortedKeys(table) {
			f := a.Flags.Lookup(name)
			if f == nil {
				var known []string
				a.Flags.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
				msg := "it has none"
				if len(known) > 0 {
					msg = "it has " + strings.Join(known, ", ")
				}
				return nil, fmt.Errorf("%s: unknown setting %q of %s: %s", at(key, name), name, key, msg)
			}
			value, err := flagValue(f, table[name])
			if err != nil {
				return nil, fmt.Errorf("%s: %s.%s: %v", at(key, name), key, name, err)
			}
			o.Settings = append(o.Settings, Setting{Analyzer: key, Flag: name, Value: value})
		}
	}
	return o, nil
}

// flagValue returns v as the text of flag f, checking its type: a boolean
// flag takes true or false, others a string, number or list.
func flagValue(f *flag.Flag, v any) (string, error) {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		if _, ok := v.(bool); !ok {
			return "", fmt.Errorf("must be true or false, not %v", v)
		}
		return fmt.Sprint(v), nil
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case int64, float64, int, bool:
		return fmt.Sprint(v), nil
	}
	list, err := stringList(v)
	if err != nil {
		return "", fmt.Errorf("must be a string or a list of strings: %v", err)
	}
	return strings.Join(list, ","), nil
}

// stringList returns v as a list of strings.
func stringList(v any) ([]string, error) {
	switch v := v.(type) {
	case []string:
		return v, nil
	case []any:
		list := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("%v is not a string", e)
			}
			list = append(list, s)
		}
		return list, nil
	}
	return nil, fmt.Errorf("%v is not a list", v)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lineOf returns the line of key in table ("" for the top level) in a TOML
// file of lambdalint's flat shape, or 0. With key "", it is the table's
// header.
func lineOf(data []byte, table, key string) int {
	current := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			current = strings.TrimSpace(strings.Trim(line, "[]"))
			if key == "" && current == table {
				return n
			}
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if ok && current == table && strings.Trim(strings.TrimSpace(name), `"'`) == key {
			return n
		}
	}
	return 0
}

// Required returns the analyzers that rules require, directly or not, and
// that are not rules themselves (lambdalint's shared discovery), in a
// stable order. Their flags are settings too, and drivers that register the
// rules' flags must register these as well.
func Required(rules []*analysis.Analyzer) []*analysis.Analyzer {
	seen := make(map[*analysis.Analyzer]bool)
	for _, a := range rules {
		seen[a] = true
	}
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		for _, req := range a.Requires {
			if !seen[req] {
				seen[req] = true
				out = append(out, req)
				visit(req)
			}
		}
	}
	for _, a := range rules {
		visit(a)
	}
	return out
}

// byName maps the name of every rule and of every analyzer it requires to
// the analyzer.
func byName(rules []*analysis.Analyzer) map[string]*analysis.Analyzer {
	m := make(map[string]*analysis.Analyzer)
	for _, a := range slices.Concat(rules, Required(rules)) {
		m[a.Name] = a
	}
	return m
}

// Enabled returns the rules among all that the options run: the enabled
// ones if any, else all but the disabled ones.
func (o *Options) Enabled(all []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range all {
		if len(o.Enable) > 0 && !slices.Contains(o.Enable, a.Name) || slices.Contains(o.Disable, a.Name) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// Args returns the options as flags of go vet and of the command: one
// -rule=true per enabled rule or -rule=false per disabled rule, then the
// settings. Given before flags of the command line, they lose to them.
//
// Flags for which given reports true are left out, and so are enable and
// disable when given reports true for any rule: a command line that picks
// rules decides alone which run.
func (o *Options) Args(given func(flag string) bool) []string {
	var args []string
	picked := false
	for _, name := range o.rules {
		picked = picked || given(name)
	}
	switch {
	case picked:
	case len(o.Enable) > 0:
		for _, name := range o.Enable {
			args = append(args, "-"+name+"=true")
		}
	default:
		for _, name := range o.Disable {
			args = append(args, "-"+name+"=false")
		}
	}
	for _, s := range o.Settings {
		if !given(s.Analyzer + "." + s.Flag) {
			args = append(args, s.Arg())
		}
	}
	return args
}

// Apply sets the analyzers' flags to the settings and returns the rules
// among all that the options run. It is for drivers that run the analyzers
// in their own process, such as the golangci-lint plugin; the flags are
// global, so it is called once.
func (o *Options) Apply(all []*analysis.Analyzer) ([]*analysis.Analyzer, error) {
	named := byName(all)
	for _, s := range o.Settings {
		a := named[s.Analyzer]
		if a == nil {
			return nil, fmt.Errorf("%s: unknown rule %q", o.Where, s.Analyzer)
		}
		if err := a.Flags.Set(s.Flag, s.Value); err != nil {
			return nil, fmt.Errorf("%s: %s.%s: %v", o.Where, s.Analyzer, s.Flag, err)
		}
	}
	enabled := o.Enabled(all)
	if len(enabled) == 0 {
		return nil, fmt.Errorf("%s: every rule is disabled", o.Where)
	}
	return enabled, nil
}

// Fingerprint returns a digest of the configuration files of the module or
// workspace that contains dir: their paths and contents. Build systems that
// cache analysis results by the analyzed code and flags alone, such as go
// vet, must fold it into their cache key, or a changed setting would not
// change cached results.
func Fingerprint(dir string) (string, error) {
	paths, err := Files(dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", path, len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// Check loads every configuration file of the module or workspace that
// contains dir, and returns the first error, so that a command reports a
// bad file once, before analysing anything.
func Check(dir string, all []*analysis.Analyzer) error {
	paths, err := Files(dir)
	if err != nil {
		return err
	}
	for _, path := range paths {
		if _, err := Load(path, all); err != nil {
			return err
		}
	}
	return nil
}

// Files returns the configuration files of the module or workspace that
// contains dir, in lexical order; outside a module, those under dir. Like
// the go command, it leaves out vendor, testdata and directories whose
// names start with . or _.
func Files(dir string) ([]string, error) {
	root := dir
	for {
		if fileExists(filepath.Join(root, "go.work")) || fileExists(filepath.Join(root, "go.mod")) {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			root = dir // not in a module: the directory alone
			break
		}
		root = parent
	}
	var paths []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: it holds no package go vet analyzes either
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == File {
			paths = append(paths, path)
		}
		return nil
	})
	return paths, err
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
