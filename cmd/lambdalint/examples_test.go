package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lambdalint/lambdalint/analyzers"
	"github.com/lambdalint/lambdalint/internal/runtest"
)

// TestExamples runs the binary on the example module (../../examples, which
// uses the real aws-lambda-go and AWS SDKs from the module proxy) as a
// command and as a go vet tool: the command's output must match
// testdata/examples.golden, include every rule and the cross-package
// finding, and go vet must report exactly the same findings.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the AWS SDKs")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}

	res := runLambdalint(t, ".", "-C", dir, "./...")
	checkNoCrash(t, res)
	if res.code != exitFindings || res.stderr != "" {
		t.Fatalf("lambdalint -C examples ./...: exit status %d, want %d; stderr:\n%s", res.code, exitFindings, res.stderr)
	}
	golden := filepath.Join("testdata", "examples.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(res.stdout), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if res.stdout != string(want) {
		t.Errorf("lambdalint -C examples ./...: output differs from %s (go test -run TestExamples -update to accept):\n%s",
			golden, unifiedDiff(golden, want, []byte(res.stdout)))
	}
	for _, a := range analyzers.All() {
		if !strings.Contains(res.stdout, " ("+a.Name+")\n") {
			t.Errorf("no finding of rule %s in the examples", a.Name)
		}
	}
	const crossPackage = "dynamodb.NewFromConfig "
	const chain = "(handle → store.New → dynamodb.NewFromConfig) (handlersetup)"
	if !slices.ContainsFunc(strings.Split(res.stdout, "\n"), func(l string) bool {
		_, msg, _ := strings.Cut(l, ": ")
		return strings.HasPrefix(l, "cmd/orders/main.go:") && strings.HasPrefix(msg, crossPackage) && strings.HasSuffix(l, chain)
	}) {
		t.Errorf("the cross-package finding %q…%q is missing", crossPackage, chain)
	}

	// The same findings through go vet, compared in JSON, which names the
	// rule in both forms.
	cli := runLambdalint(t, ".", "-C", dir, "-json", "./...")
	if cli.code != exitFindings {
		t.Fatalf("lambdalint -json: exit status %d; stderr:\n%s", cli.code, cli.stderr)
	}
	vet := runGo(t, dir, "vet", "-vettool="+lambdalintBin, "-json", "./...")
	checkNoCrash(t, vet)
	if vet.code != 0 && vet.code != 1 {
		t.Fatalf("go vet -vettool -json: exit status %d; stderr:\n%s", vet.code, vet.stderr)
	}
	fromCLI := jsonFindings(t, cli.stdout, dir)
	fromVet := jsonFindings(t, vet.stdout, dir)
	if !slices.Equal(fromCLI, fromVet) {
		t.Errorf("go vet -vettool and lambdalint disagree:\nlambdalint:\n%s\ngo vet:\n%s",
			strings.Join(fromCLI, "\n"), strings.Join(fromVet, "\n"))
	}
	if len(fromCLI) != strings.Count(res.stdout, "\n") {
		t.Errorf("-json has %d findings, text has %d lines", len(fromCLI), strings.Count(res.stdout, "\n"))
	}
}

// jsonFindings decodes the go vet -json stream in out (one object per
// package: package → rule → diagnostics) into sorted "file:line:col rule
// message" lines, with file names relative to dir.
func jsonFindings(t *testing.T, out, dir string) []string {
	t.Helper()
	fs, err := runtest.VetJSON([]byte(out), dir)
	if err != nil {
		t.Fatalf("decoding JSON: %v\n%s", err, out)
	}
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.Posn+" "+f.Rule+" "+f.Message)
	}
	slices.Sort(lines)
	return slices.Compact(lines)
}

// TestDisableRule disables each rule in turn, with -<rule>=false, in the
// command and under go vet -vettool: its findings in the examples go, the
// others' stay.
func TestDisableRule(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the AWS SDKs")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	all := runLambdalint(t, ".", "-C", dir, "-json", "./...")
	if all.code != exitFindings {
		t.Fatalf("lambdalint -json: exit status %d; stderr:\n%s", all.code, all.stderr)
	}
	everything := jsonFindings(t, all.stdout, dir)
	for _, a := range analyzers.All() {
		var want []string
		for _, f := range everything {
			if strings.Split(f, " ")[1] != a.Name {
				want = append(want, f)
			}
		}
		off := "-" + a.Name + "=false"
		cli := runLambdalint(t, ".", "-C", dir, "-json", off, "./...")
		vet := runGo(t, dir, "vet", "-vettool="+lambdalintBin, "-json", off, "./...")
		for _, r := range []struct {
			how string
			res result
		}{{"lambdalint " + off, cli}, {"go vet -vettool " + off, vet}} {
			checkNoCrash(t, r.res)
			if r.res.code != exitClean && r.res.code != exitFindings {
				t.Errorf("%s: exit status %d; stderr:\n%s", r.how, r.res.code, r.res.stderr)
				continue
			}
			if got := jsonFindings(t, r.res.stdout, dir); !slices.Equal(got, want) {
				t.Errorf("%s: got findings\n%s\nwant every finding but %s's:\n%s",
					r.how, strings.Join(got, "\n"), a.Name, strings.Join(want, "\n"))
			}
		}
	}
}
