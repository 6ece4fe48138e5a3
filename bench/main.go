// Command bench measures what lambdalint costs next to go vet and
// staticcheck: wall time, CPU time (user+sys) and peak RSS of
//
//	lambdalint ./...
//	go vet ./...
//	staticcheck ./...
//
// on the same modules, each cold (empty caches), warm (a second run, nothing
// changed) and touched (one file of one package changed before each run). The
// tools alternate within each round (A B C A B C ...); the report is a
// markdown table of medians with the ratios to go vet, and the growth across
// the generated module sizes.
//
// Usage, from the repository root:
//
//	go run ./bench [flags]
//
// The default is the full run; a quick one is
//
//	go run ./bench -subjects examples -states warm -n 1
//
// See docs/performance.md for what is measured and how.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// staticcheckVersion is the staticcheck installed at bench time.
const staticcheckVersion = "v0.8.2"

var (
	subjectsFlag = flag.String("subjects", "examples,"+largeName+",gen-10,gen-100,gen-500",
		"comma-separated subjects: examples, "+largeName+" ("+largeModule+"@"+largeVersion+"), gen-N (N generated handler packages)")
	statesFlag  = flag.String("states", "cold,warm,touched", "comma-separated states: cold, warm, touched")
	toolsFlag   = flag.String("tools", "lambdalint,govet,staticcheck", "comma-separated tools: lambdalint, govet, staticcheck, vettool (go vet -vettool=lambdalint)")
	nFlag       = flag.Int("n", 3, "timed runs of each tool per subject in the warm and touched states")
	nColdFlag   = flag.Int("ncold", 1, "timed runs of each tool per subject in the cold state")
	timeoutFlag = flag.Duration("timeout", 30*time.Minute, "limit on one run of one tool")
	outFlag     = flag.String("o", "", "also write the markdown report to this file")
	workFlag    = flag.String("work", "", "scratch directory (default: lambdalint-bench in the temporary directory)")
	dryFlag     = flag.Bool("dry", false, "set up the tools and subjects (downloads, go mod tidy), count their packages, and stop")
	keepFlag    = flag.Bool("keep", false, "keep the sources and logs in the scratch directory")
)

var states = []string{"cold", "warm", "touched"}

// A tool is one command under test, run in the subject's module root.
type tool struct {
	name  string // flag name
	label string // name in the report
	argv  []string
}

// A sample is one timed run.
type sample struct {
	wall, cpu time.Duration
	rssKiB    int64 // peak RSS of the largest process of the tree
	exit      int   // -1: killed or never started
	failed    bool  // anything but exit status 0 or 1
	why       string
}

// A result is the samples of one tool on one subject in one state.
type result struct {
	subject *subject
	state   string
	tool    *tool
	samples []sample
}

type bench struct {
	ctx      context.Context // cancelled on interrupt
	repo     string          // repository root
	work     string          // scratch directory
	modcache string          // shared GOMODCACHE
	subjects []*subject
	tools    []*tool
	results  []*result
	touches  int // touched-state edits so far
}

func main() {
	log.SetFlags(log.Ltime)
	log.SetPrefix("bench: ")
	flag.Parse()
	if flag.NArg() > 0 || *nFlag < 1 || *nColdFlag < 1 {
		flag.Usage()
		os.Exit(2)
	}
	subjects, err := parseSubjects(*subjectsFlag)
	if err != nil {
		log.Fatal(err)
	}
	wantStates := strings.Split(*statesFlag, ",")
	for _, s := range wantStates {
		if !slices.Contains(states, s) {
			log.Fatalf("unknown state %q", s)
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	b := &bench{ctx: ctx}
	if b.repo, err = repoRoot(); err != nil {
		log.Fatal(err)
	}
	b.work = *workFlag
	if b.work == "" {
		// A fixed place: the go command's cache keys include the source
		// directory, so warm runs hit the entries of earlier benchmarks.
		b.work = filepath.Join(os.TempDir(), "lambdalint-bench")
	}
	if !*keepFlag {
		defer func() {
			for _, d := range []string{"bin", "src", "logs", "cache"} {
				os.RemoveAll(filepath.Join(b.work, d))
			}
		}()
	}
	for _, d := range []string{"bin", "src", "logs", "cache"} {
		if err := os.MkdirAll(filepath.Join(b.work, d), 0o755); err != nil {
			log.Fatal(err)
		}
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		log.Fatalf("go env GOMODCACHE: %v", err)
	}
	b.modcache = strings.TrimSpace(string(out))
	if err := b.setupTools(strings.Split(*toolsFlag, ",")); err != nil {
		log.Fatal(err)
	}
	log.Printf("scratch directory %s", b.work)

	b.subjects = subjects
	for _, s := range subjects {
		if ctx.Err() != nil {
			break
		}
		b.runSubject(s, wantStates)
	}
	if ctx.Err() != nil {
		log.Print("interrupted: the report covers the runs so far")
	}

	if *dryFlag {
		return
	}
	report := b.report()
	fmt.Print(report)
	if *outFlag != "" {
		if err := os.WriteFile(*outFlag, []byte(report), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// repoRoot returns the lambdalint module root at or above the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module github.com/lambdalint/lambdalint\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("run from inside the lambdalint repository")
		}
		dir = parent
	}
}

// setupTools builds lambdalint and installs staticcheck into the scratch
// directory. A tool that cannot be had is reported and left out.
func (b *bench) setupTools(names []string) error {
	bin := filepath.Join(b.work, "bin")
	lambdalint := filepath.Join(bin, "lambdalint")
	staticcheck := filepath.Join(bin, "staticcheck")
	built := map[string]error{}
	build := func(what string, dir string, env []string, argv ...string) error {
		if err, ok := built[what]; ok {
			return err
		}
		log.Printf("setup: %s", strings.Join(argv, " "))
		cmd := exec.CommandContext(b.ctx, argv[0], argv[1:]...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			err = fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, out)
		}
		built[what] = err
		return err
	}
	for _, name := range names {
		var t *tool
		var err error
		switch name {
		case "lambdalint", "vettool":
			err = build("lambdalint", b.repo, append(os.Environ(), "GOWORK=off"),
				"go", "build", "-buildvcs=false", "-o", lambdalint, "./cmd/lambdalint")
			t = &tool{name, "lambdalint", []string{lambdalint, "./..."}}
			if name == "vettool" {
				t = &tool{name, "go vet -vettool=lambdalint", []string{"go", "vet", "-vettool=" + lambdalint, "./..."}}
			}
		case "govet":
			t = &tool{name, "go vet", []string{"go", "vet", "./..."}}
		case "staticcheck":
			err = build("staticcheck", b.work, append(os.Environ(), "GOBIN="+bin, "GOWORK=off", "GOFLAGS="),
				"go", "install", "honnef.co/go/tools/cmd/staticcheck@"+staticcheckVersion)
			t = &tool{name, "staticcheck", []string{staticcheck, "./..."}}
		default:
			return fmt.Errorf("unknown tool %q", name)
		}
		if err != nil {
			log.Printf("FAILED, leaving %s out: %v", name, err)
			continue
		}
		b.tools = append(b.tools, t)
	}
	if len(b.tools) == 0 {
		return fmt.Errorf("no tool to measure")
	}
	return nil
}

// runSubject sets up one subject and measures it in the wanted states, in
// the order cold, warm, touched.
func (b *bench) runSubject(s *subject, wantStates []string) {
	dir := filepath.Join(b.work, "src", s.name)
	log.Printf("%s: setup", s.name)
	os.RemoveAll(dir)
	if err := s.setup(b, dir); err != nil {
		log.Printf("FAILED: %s: setup: %v", s.name, err)
		return
	}
	out, err := b.goCmd(dir, "list", "./...")
	if err != nil {
		log.Printf("FAILED: %s: go list ./...: %v\n%s", s.name, err, out)
		return
	}
	s.listed = strings.Count(string(out), "\n")
	log.Printf("%s: %d packages in %s", s.name, s.listed, dir)
	if *dryFlag {
		return
	}
	// Warm and touched runs use the caches the tools use by default, as on
	// a developer's machine: the dependencies are usually compiled already.
	const warmCache = ""
	primed := false
	for _, state := range states {
		if !slices.Contains(wantStates, state) {
			continue
		}
		rounds := *nFlag
		if state == "cold" {
			rounds = *nColdFlag
		} else if !primed {
			// The first run of each tool fills the caches; it is not timed.
			for _, t := range b.tools {
				b.run(s, "prime", t, dir, warmCache, 0)
			}
			primed = true
		}
		res := make([]*result, len(b.tools))
		for i, t := range b.tools {
			res[i] = &result{subject: s, state: state, tool: t}
			b.results = append(b.results, res[i])
		}
		for round := range rounds {
			for i, t := range b.tools {
				if b.ctx.Err() != nil {
					return
				}
				cache := warmCache
				switch state {
				case "cold":
					cache = filepath.Join(b.work, "cache", "cold")
					os.RemoveAll(cache)
				case "touched":
					b.touches++
					if err := touch(filepath.Join(dir, s.touch), b.touches); err != nil {
						log.Printf("FAILED: %s: touch: %v", s.name, err)
						return
					}
				}
				res[i].samples = append(res[i].samples, b.run(s, state, t, dir, cache, round))
				if state == "cold" {
					os.RemoveAll(cache)
				}
			}
		}
	}
}

// env returns the environment of a timed run whose caches live under cache,
// or where the tools keep them by default if cache is "". Downloads are off:
// the module cache was filled during setup.
func (b *bench) env(cache string) []string {
	env := append(os.Environ(),
		"GOWORK=off",
		"GOFLAGS=-mod=readonly",
		"GOTOOLCHAIN=local",
		"GOPROXY=off",
		"GOMODCACHE="+b.modcache,
	)
	if cache != "" {
		env = append(env,
			"GOCACHE="+filepath.Join(cache, "go-build"),
			"STATICCHECK_CACHE="+filepath.Join(cache, "staticcheck"),
			"XDG_CACHE_HOME="+filepath.Join(cache, "xdg"), // os.UserCacheDir
		)
	}
	return env
}

// run runs t once in dir with its caches under cache and measures it.
func (b *bench) run(s *subject, state string, t *tool, dir, cache string, round int) sample {
	what := fmt.Sprintf("%s %s %s #%d", s.name, state, t.name, round+1)
	logPath := filepath.Join(b.work, "logs", fmt.Sprintf("%s-%s-%s-%d.log", s.name, state, t.name, round+1))
	logFile, err := os.Create(logPath)
	if err != nil {
		log.Printf("FAILED: %s: %v", what, err)
		return sample{exit: -1, failed: true}
	}
	defer logFile.Close()

	ctx, cancel := context.WithTimeout(b.ctx, *timeoutFlag)
	defer cancel()
	cmd := exec.CommandContext(ctx, t.argv[0], t.argv[1:]...)
	cmd.Dir, cmd.Env = dir, b.env(cache)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// Own process group, so that a time-out ends the tool's children too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }

	start := time.Now()
	err = cmd.Run()
	smp := sample{wall: time.Since(start), exit: -1}
	if ps := cmd.ProcessState; ps != nil {
		smp.exit = ps.ExitCode()
		smp.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			// On Linux wait4 reports the largest of the child and its
			// waited-for descendants, in KiB.
			smp.rssKiB = ru.Maxrss
		}
	}
	smp.failed = smp.exit != 0 && smp.exit != 1
	switch {
	case b.ctx.Err() != nil:
		smp.why, err = "interrupted", b.ctx.Err()
	case ctx.Err() == context.DeadlineExceeded:
		smp.why, err = "timed out", fmt.Errorf("timed out after %v", *timeoutFlag)
	}
	if smp.failed {
		log.Printf("FAILED: %s: %v (log %s)\n%s", what, err, logPath, tail(logPath, 15))
	} else {
		log.Printf("%s: wall %s  cpu %s  rss %s  exit %d", what, seconds(smp.wall), seconds(smp.cpu), mib(smp.rssKiB), smp.exit)
	}
	return smp
}

// tail returns the last n lines of the file.
func tail(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	data, _ := io.ReadAll(f)
	if len(bytes.TrimSpace(data)) == 0 {
		return "\t(no output)"
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "\t" + strings.Join(lines, "\n\t")
}

// touch appends an exported function to the Go file, changing its package's
// export data, so that each touched run sees a change no cache has seen.
func touch(file string, k int) error {
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "\n// BenchTouch%[1]d was added by the lambdalint benchmark.\nfunc BenchTouch%[1]d() int { return %[1]d }\n", k)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
