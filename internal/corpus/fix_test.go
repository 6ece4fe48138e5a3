package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lambdalint/lambdalint/internal/runtest"
)

// TestFixSafety applies every suggested fix (-fix) to copies of examples/
// and of the corpus, and checks that no fix breaks the code: the fixed
// packages build, the files the fixes changed are formatted as gofmt
// formats them (if they were before), and a second -fix changes nothing.
func TestFixSafety(t *testing.T) {
	t.Run("examples", func(t *testing.T) {
		checkFixes(t, &entry{name: "examples", dirs: []string{"."}}, filepath.Join("..", "..", "examples"))
	})
	for _, e := range readEntries(t, "served.tsv", true) {
		t.Run(e.name, func(t *testing.T) {
			checkFixes(t, e, runtest.Download(t, e.name, e.version))
		})
	}
	base := os.Getenv(envCorpus)
	if base == "" {
		t.Logf("fetched tier skipped: $%s is not set (see docs/corpus.md)", envCorpus)
		return
	}
	for _, e := range readEntries(t, "repos.tsv", false) {
		t.Run(e.name, func(t *testing.T) {
			root, why := checkout(t, base, e)
			if why != "" {
				t.Skip(why)
			}
			checkFixes(t, e, root)
		})
	}
}

// checkFixes applies the fixes to a copy of the tree at src.
func checkFixes(t *testing.T, e *entry, src string) {
	root := runtest.Copy(t, src)
	original := snapshot(t, root)
	for _, dir := range e.dirs {
		dir := filepath.Join(root, filepath.FromSlash(dir))
		unformatted := gofmt(t, dir) // the files that were not formatted before
		before := snapshot(t, root)
		res := e.lambdalint(t, dir, "-fix")
		if crash := runtest.Crash(res); crash != "" {
			t.Fatalf("lambdalint -fix crashed in %s: %s\n%s", dir, crash, res.Stderr)
		}
		fixed := snapshot(t, root)
		changed := changedFiles(before, fixed)
		if len(changed) == 0 {
			continue
		}
		t.Logf("%s: -fix changed %s", e.name, strings.Join(changed, ", "))

		// The fixed code builds, if the original did.
		if res := runtest.RunEnv(t, dir, e.env, "go", "build", "./..."); res.Code != 0 {
			if orig := runtest.RunEnv(t, filepath.Join(src, mustRel(t, root, dir)), e.env, "go", "build", "./..."); orig.Code == 0 {
				t.Errorf("go build ./... fails after -fix in %s:\n%s", dir, res.Stderr)
			}
		}
		// The files the fixes changed are formatted.
		for _, f := range gofmt(t, dir) {
			if slices.Contains(changed, mustRel(t, root, filepath.Join(dir, f))) && !slices.Contains(unformatted, f) {
				t.Errorf("gofmt -l lists %s after -fix", f)
			}
		}
		// A second -fix changes nothing.
		again := e.lambdalint(t, dir, "-fix")
		if crash := runtest.Crash(again); crash != "" {
			t.Fatalf("second lambdalint -fix crashed in %s: %s\n%s", dir, crash, again.Stderr)
		}
		if changed := changedFiles(fixed, snapshot(t, root)); len(changed) > 0 {
			t.Errorf("a second -fix in %s changed %s", dir, strings.Join(changed, ", "))
		}
		// It type-checks the fixed code, test files too: no package fails
		// that did not before.
		if again.Code == 2 {
			orig := e.lambdalint(t, filepath.Join(src, mustRel(t, root, dir)))
			if orig.Code != 2 {
				t.Errorf("packages fail to load after -fix in %s:\n%s", dir, again.Stderr)
			}
		}
	}
	if changedFiles(original, snapshot(t, root)) == nil {
		t.Logf("%s: no fix suggested", e.name)
	}
}

func mustRel(t *testing.T, base, path string) string {
	t.Helper()
	rel, err := filepath.Rel(base, path)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

// snapshot returns the contents of the Go files under root, by
// slash-separated path relative to root. (Not go.mod and go.sum, which the
// go command itself updates with GOFLAGS=-mod=mod.)
func snapshot(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := make(map[string][]byte)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[mustRel(t, root, path)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// changedFiles returns the sorted names of the files added, removed or
// changed between the snapshots a and b.
func changedFiles(a, b map[string][]byte) []string {
	var changed []string
	for name, data := range b {
		if old, ok := a[name]; !ok || !bytes.Equal(old, data) {
			changed = append(changed, name)
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return changed
}

// gofmt returns the files under dir that gofmt -l lists, relative to dir,
// and those it cannot parse (some checkouts have one).
func gofmt(t *testing.T, dir string) []string {
	t.Helper()
	res := runtest.Run(t, dir, "gofmt", "-l", ".")
	files := lines(res.Stdout)
	for _, line := range lines(res.Stderr) {
		file, _, ok := strings.Cut(line, ":")
		if !ok || !strings.HasSuffix(file, ".go") {
			t.Fatalf("gofmt -l: %s", res.Stderr)
		}
		files = append(files, filepath.Clean(file))
	}
	return files
}
