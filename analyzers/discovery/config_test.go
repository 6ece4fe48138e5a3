package discovery

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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

func TestConfigLookup(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "lambdalint.toml"), "[globalstate]\nconcurrent = true\n") // above the module: ignored
	mod := filepath.Join(root, "mod")
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/m\n")
	writeFile(t, filepath.Join(mod, "cmd", "a", "a.go"), "package main\n")
	writeFile(t, filepath.Join(mod, "cmd", "b", "lambdalint.toml"), "[globalstate]\nconcurrent = true\n")

	if l := configFor(filepath.Join(mod, "cmd", "a")); l.cfg != nil || l.err != nil {
		t.Errorf("no file in the module: got %+v, want none (the search stops at go.mod)", l)
	}
	l := configFor(filepath.Join(mod, "cmd", "b"))
	if l.err != nil || l.cfg == nil {
		t.Fatalf("got %+v, want cmd/b's file", l)
	}
	v, ok, err := l.cfg.Bool("globalstate", "concurrent")
	if !v || !ok || err != nil {
		t.Errorf("Bool = %v, %v, %v; want true, true, nil", v, ok, err)
	}
	if _, ok, err := l.cfg.Bool("handlersetup", "extra"); ok || err != nil {
		t.Errorf("unset rule: got %v, %v", ok, err)
	}

	writeFile(t, filepath.Join(mod, "lambdalint.toml"), "[globalstate]\nconcurrent = true\n")
	if l := configFor(filepath.Join(mod, "internal", "x")); l.cfg == nil || l.cfg.Path != filepath.Join(mod, "lambdalint.toml") {
		t.Errorf("module root file not found from a subdirectory: %+v", l)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ content, want string }{
		{"[globalstate\nconcurrent = true\n", "lambdalint.toml:2: "},
		{"concurrent = true\n", `"concurrent" is not a table`},
		{"[globalstate]\nconcurent = true\n", "unknown setting concurent in [globalstate]"},
		{"[globalstate]\nconcurrent = \"yes\"\n", "[globalstate] concurrent must be true or false, not yes"},
	} {
		path := filepath.Join(dir, "lambdalint.toml")
		writeFile(t, path, tc.content)
		cfg, err := parseConfig(path)
		if err == nil {
			_, _, err = cfg.Bool("globalstate", "concurrent")
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got error %v, want one containing %q", tc.content, err, tc.want)
		}
	}
}

func TestConfigFingerprint(t *testing.T) {
	mod := t.TempDir()
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/m\n")
	writeFile(t, filepath.Join(mod, "cmd", "a", "a.go"), "package main\n")
	fp := func() string {
		t.Helper()
		s, err := ConfigFingerprint(filepath.Join(mod, "cmd", "a"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	none := fp()
	writeFile(t, filepath.Join(mod, "testdata", "lambdalint.toml"), "[globalstate]\nconcurrent = true\n")
	writeFile(t, filepath.Join(mod, "vendor", "x", "lambdalint.toml"), "[globalstate]\nconcurrent = true\n")
	if fp() != none {
		t.Error("files under testdata or vendor change the fingerprint")
	}
	writeFile(t, filepath.Join(mod, "cmd", "b", "lambdalint.toml"), "[globalstate]\nconcurrent = true\n")
	on := fp()
	if on == none {
		t.Error("a configuration file elsewhere in the module does not change the fingerprint")
	}
	writeFile(t, filepath.Join(mod, "cmd", "b", "lambdalint.toml"), "[globalstate]\nconcurrent = false\n")
	if fp() == on {
		t.Error("a changed setting does not change the fingerprint")
	}
}
