package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommit runs the hook of .pre-commit-hooks.yaml with the real
// pre-commit: pre-commit try-repo builds lambdalint from a snapshot of this
// checkout the way a user's pre-commit builds it from the repository, and
// runs it on a module with a finding, then on a clean one.
// It is skipped when pre-commit is not on PATH, unless
// LAMBDALINT_REQUIRE_PRECOMMIT=1 (as in CI).
func TestPreCommit(t *testing.T) {
	precommit := lookTool(t, "pre-commit", "LAMBDALINT_REQUIRE_PRECOMMIT")
	if testing.Short() {
		t.Skip("builds lambdalint with pre-commit")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	repo := snapshot(t, root)
	home := t.TempDir()
	// pre-commit sets GOPATH to its own directory; keep the module and
	// build caches of this machine, so that nothing is downloaded again.
	goEnv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out))
	}
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+home,
		"GOMODCACHE="+goEnv("GOMODCACHE"),
		"GOCACHE="+goEnv("GOCACHE"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	)
	// tryRepo makes a git repository of a copy of testdata/<module> and
	// runs the hook on it.
	tryRepo := func(module string) (string, error) {
		dir := copyModule(t, module)
		run := func(name string, args ...string) (string, error) {
			cmd := exec.Command(name, args...)
			cmd.Dir = dir
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			return string(out), err
		}
		for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
			if out, err := run("git", args...); err != nil {
				t.Fatalf("git %s: %v\n%s", args, err, out)
			}
		}
		return run(precommit, "try-repo", repo, "lambdalint", "--all-files", "--verbose")
	}

	out, err := tryRepo("lambda")
	t.Logf("pre-commit try-repo on a module with findings:\n%s", out)
	if err == nil || !strings.Contains(out, "main.go:25:2: goroutine may outlive the invocation") {
		t.Errorf("pre-commit try-repo: %v; want the hook to fail with the goroutineleak finding", err)
	}
	out, err = tryRepo("clean")
	if err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("pre-commit try-repo on a clean module: %v; want Passed:\n%s", err, out)
	}
}

// snapshot commits the files of the checkout at root that git tracks or
// would track (uncommitted changes and new files included) to a new
// repository, which it returns: pre-commit try-repo takes only the changes
// to tracked files.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("the checkout is not a git repository: %v", err)
	}
	repo := t.TempDir()
	for _, name := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}, {"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "snapshot"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", args, err, out)
		}
	}
	return repo
}
