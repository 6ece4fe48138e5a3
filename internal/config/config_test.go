package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rules returns fake rules shaped like lambdalint's: two rules with flags
// that require a discovery analyzer with a flag of its own.
func rules() []*analysis.Analyzer {
	disc := &analysis.Analyzer{Name: "lambdahandlers", Doc: "discovery"}
	disc.Flags.String("entries", "", "more entries")
	gs := &analysis.Analyzer{Name: "globalstate", Doc: "gs", Requires: []*analysis.Analyzer{disc}}
	gs.Flags.Bool("concurrent", false, "mode")
	hs := &analysis.Analyzer{Name: "handlersetup", Doc: "hs", Requires: []*analysis.Analyzer{disc}}
	hs.Flags.String("extra", "", "constructors")
	env := &analysis.Analyzer{Name: "envvars", Doc: "env", Requires: []*analysis.Analyzer{disc}}
	return []*analysis.Analyzer{env, gs, hs}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, File), "[globalstate]\nconcurrent = true\n") // above the module: ignored
	mod := filepath.Join(root, "mod")
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/m\n")
	writeFile(t, filepath.Join(mod, "cmd", "b", File), "")

	for _, tc := range []struct{ dir, want string }{
		{filepath.Join(mod, "cmd", "a"), ""}, // the search stops at go.mod
		{filepath.Join(mod, "cmd", "b"), filepath.Join(mod, "cmd", "b", File)},
	} {
		if got, err := Find(tc.dir); got != tc.want || err != nil {
			t.Errorf("Find(%s) = %q, %v; want %q", tc.dir, got, err, tc.want)
		}
	}
	writeFile(t, filepath.Join(mod, File), "")
	if got, _ := Find(filepath.Join(mod, "internal", "x")); got != filepath.Join(mod, File) {
		t.Errorf("Find(internal/x) = %q, want the module root's file", got)
	}
}

const full = `# every kind of setting
disable = ["envvars"]

[lambdahandlers]
entries = ["example.com/app.Serve", "(*example.com/app.S).Handle"]

[handlersetup]
extra = "example.com/db.Connect"

[globalstate]
concurrent = true
`

func TestParse(t *testing.T) {
	all := rules()
	o, err := Parse("lambdalint.toml", []byte(full), all)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"-envvars=false",
		"-globalstate.concurrent=true",
		"-handlersetup.extra=example.com/db.Connect",
		"-lambdahandlers.entries=example.com/app.Serve,(*example.com/app.S).Handle",
	}
	none := func(string) bool { return false }
	if got := o.Args(none); !slices.Equal(got, want) {
		t.Errorf("Args = %q\nwant %q", got, want)
	}
	// The command line wins: a flag it gives is left out, and so are
	// enable and disable when it picks rules.
	given := func(name string) bool { return name == "globalstate.concurrent" || name == "handlersetup" }
	if got := o.Args(given); !slices.Equal(got, []string{want[2], want[3]}) {
		t.Errorf("Args(given) = %q", got)
	}
	var names []string
	for _, a := range o.Enabled(all) {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, []string{"globalstate", "handlersetup"}) {
		t.Errorf("Enabled = %v", names)
	}

	o, err = Parse("lambdalint.toml", []byte(`enable = ["handlersetup"]`), all)
	if err != nil {
		t.Fatal(err)
	}
	if got := o.Args(none); !slices.Equal(got, []string{"-handlersetup=true"}) {
		t.Errorf("enable: Args = %q", got)
	}
}

func TestApply(t *testing.T) {
	all := rules()
	o, err := Decode(map[string]any{
		"enable":      []any{"globalstate"},
		"globalstate": map[string]any{"concurrent": true},
	}, ".golangci.yml", all)
	if err != nil {
		t.Fatal(err)
	}
	enabled, err := o.Apply(all)
	if err != nil {
		t.Fatal(err)
	}
	if len(enabled) != 1 || enabled[0].Name != "globalstate" {
		t.Errorf("Apply enabled %v", enabled)
	}
	if got := all[1].Flags.Lookup("concurrent").Value.String(); got != "true" {
		t.Errorf("globalstate.concurrent = %s after Apply", got)
	}
	o, _ = Decode(map[string]any{"disable": []any{"envvars", "globalstate", "handlersetup"}}, "x", all)
	if _, err := o.Apply(all); err == nil || !strings.Contains(err.Error(), "every rule is disabled") {
		t.Errorf("Apply with every rule disabled: %v", err)
	}
}

// TestErrors checks that a bad file is an error naming the file and the
// line, or the key for settings that come from elsewhere.
func TestErrors(t *testing.T) {
	all := rules()
	for _, tc := range []struct{ content, want string }{
		{"[globalstate]\nconcurrent = yes\n", "lambdalint.toml:2: expected value"},
		{"\n[globalstate]\nconcurent = true\n", `lambdalint.toml:3: unknown setting "concurent" of globalstate: it has concurrent`},
		{"[globalstate]\n\nconcurrent = \"on\"\n", "lambdalint.toml:3: globalstate.concurrent: must be true or false, not on"},
		{"[envvars]\nx = 1\n", `lambdalint.toml:2: unknown setting "x" of envvars: it has none`},
		{"disable = [\"envvar\"]\n", `lambdalint.toml:1: unknown rule "envvar" in disable (the rules: envvars, globalstate, handlersetup)`},
		{"disable = \"envvars\"\n", "lambdalint.toml:1: disable must be a list of rule names"},
		{"\n\n[handlersetp]\nextra = \"a.B\"\n", `lambdalint.toml:3: unknown setting "handlersetp"`},
		{"concurrent = true\n", `lambdalint.toml:1: unknown setting "concurrent"`},
		{"globalstate = 1\n", `lambdalint.toml:1: "globalstate" must be a table`},
		{"[handlersetup]\nextra = [1]\n", "lambdalint.toml:2: handlersetup.extra: must be a string or a list of strings"},
	} {
		_, err := Parse("lambdalint.toml", []byte(tc.content), all)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got error %v, want one containing %q", tc.content, err, tc.want)
		}
	}
	_, err := Decode(map[string]any{"globalstate": map[string]any{"concurent": true}}, "golangci-lint settings of lambdalint", all)
	if want := `golangci-lint settings of lambdalint: globalstate.concurent: unknown setting`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Decode: got %v, want %q", err, want)
	}
}

func TestCheck(t *testing.T) {
	mod := t.TempDir()
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/m\n")
	writeFile(t, filepath.Join(mod, "cmd", "a", File), "disable = [\"envvars\"]\n")
	if err := Check(filepath.Join(mod, "cmd"), rules()); err != nil {
		t.Errorf("Check: %v", err)
	}
	writeFile(t, filepath.Join(mod, "cmd", "b", File), "[globalstate]\nconcurrent = 1\n")
	if err := Check(filepath.Join(mod, "cmd", "a"), rules()); err == nil || !strings.Contains(err.Error(), filepath.Join("cmd", "b", File)+":2:") {
		t.Errorf("Check with a bad file elsewhere in the module: %v", err)
	}
}

func TestFingerprint(t *testing.T) {
	mod := t.TempDir()
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/m\n")
	writeFile(t, filepath.Join(mod, "cmd", "a", "a.go"), "package main\n")
	fp := func() string {
		t.Helper()
		s, err := Fingerprint(filepath.Join(mod, "cmd", "a"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	none := fp()
	writeFile(t, filepath.Join(mod, "testdata", File), "[globalstate]\nconcurrent = true\n")
	writeFile(t, filepath.Join(mod, "vendor", "x", File), "[globalstate]\nconcurrent = true\n")
	if fp() != none {
		t.Error("files under testdata or vendor change the fingerprint")
	}
	writeFile(t, filepath.Join(mod, "cmd", "b", File), "[globalstate]\nconcurrent = true\n")
	on := fp()
	if on == none {
		t.Error("a configuration file elsewhere in the module does not change the fingerprint")
	}
	writeFile(t, filepath.Join(mod, "cmd", "b", File), "[globalstate]\nconcurrent = false\n")
	if fp() == on {
		t.Error("a changed setting does not change the fingerprint")
	}
}
