package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"time"
)

// stats are the medians of a result's successful samples.
type stats struct {
	ok        int
	wall, cpu time.Duration
	rssKiB    int64
	runs      string // e.g. "3 × exit 1"
}

func (r *result) stats() stats {
	var (
		st          stats
		walls, cpus []time.Duration
		rss         []int64
		exits       = map[string]int{}
		exitOrder   []string
	)
	for _, s := range r.samples {
		key := fmt.Sprintf("exit %d", s.exit)
		if s.why != "" {
			key = s.why
		}
		if s.failed {
			key = "FAILED " + key
		} else {
			st.ok++
			walls = append(walls, s.wall)
			cpus = append(cpus, s.cpu)
			rss = append(rss, s.rssKiB)
		}
		if exits[key] == 0 {
			exitOrder = append(exitOrder, key)
		}
		exits[key]++
	}
	var parts []string
	for _, k := range exitOrder {
		parts = append(parts, fmt.Sprintf("%d × %s", exits[k], k))
	}
	st.runs = strings.Join(parts, ", ")
	if st.ok > 0 {
		st.wall, st.cpu, st.rssKiB = median(walls), median(cpus), median(rss)
	}
	return st
}

func median[T time.Duration | int64](xs []T) T {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
func mib(kib int64) string           { return fmt.Sprintf("%.0f MiB", float64(kib)/1024) }

func ratio[T time.Duration | int64](x, base T) string {
	if base <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", float64(x)/float64(base))
}

// report renders the results as markdown.
func (b *bench) report() string {
	var w strings.Builder
	fmt.Fprintf(&w, "\n## Results\n\n")
	fmt.Fprintf(&w, "`go run ./bench %s` on %s: %s.\n\n", strings.Join(os.Args[1:], " "),
		time.Now().UTC().Format("2006-01-02"), b.machine())
	var counts []string
	for _, s := range b.subjects {
		if s.listed > 0 {
			counts = append(counts, fmt.Sprintf("%s %d", s.name, s.listed))
		}
	}
	fmt.Fprintf(&w, "Packages matched by `./...`: %s.\n\n", strings.Join(counts, ", "))
	fmt.Fprintf(&w, "Medians of the successful runs; CPU is user+sys of the whole process tree; peak RSS is that of its largest process.\n\n")
	fmt.Fprintf(&w, "| subject | state | tool | wall | CPU | peak RSS | wall / go vet | RSS / go vet | runs |\n")
	fmt.Fprintf(&w, "|---|---|---|--:|--:|--:|--:|--:|---|\n")
	for _, r := range b.results {
		st := r.stats()
		var base stats
		if vet := b.find(r.subject, r.state, "govet"); vet != nil {
			base = vet.stats()
		}
		if st.ok == 0 {
			fmt.Fprintf(&w, "| %s | %s | %s | — | — | — | — | — | %s |\n", r.subject.name, r.state, r.tool.label, st.runs)
			continue
		}
		fmt.Fprintf(&w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			r.subject.name, r.state, r.tool.label, seconds(st.wall), seconds(st.cpu), mib(st.rssKiB),
			ratio(st.wall, base.wall), ratio(st.rssKiB, base.rssKiB), st.runs)
	}
	b.growth(&w)
	return w.String()
}

// growth renders the median wall time across the generated sizes, per
// handler package, and the marginal cost of a package between the smallest
// and the largest size.
func (b *bench) growth(w *strings.Builder) {
	var gens []*subject
	for _, r := range b.results {
		if r.subject.pkgs > 0 && !slices.Contains(gens, r.subject) {
			gens = append(gens, r.subject)
		}
	}
	if len(gens) < 2 {
		return
	}
	slices.SortFunc(gens, func(x, y *subject) int { return x.pkgs - y.pkgs })
	first, last := gens[0], gens[len(gens)-1]
	fmt.Fprintf(w, "\n### Growth with the number of handler packages\n\n")
	fmt.Fprintf(w, "Median wall time (and per handler package) of each generated size; the last column is (wall at %s − wall at %s) / %d packages.\n\n",
		last.name, first.name, last.pkgs-first.pkgs)
	fmt.Fprintf(w, "| tool | state |")
	for _, g := range gens {
		fmt.Fprintf(w, " %s |", g.name)
	}
	fmt.Fprintf(w, " marginal per package |\n|---|---|%s--:|\n", strings.Repeat("--:|", len(gens)))
	for _, state := range states {
		for _, t := range b.tools {
			var row strings.Builder
			walls := make([]time.Duration, len(gens))
			measured := false
			fmt.Fprintf(&row, "| %s | %s |", t.label, state)
			for i, g := range gens {
				r := b.find(g, state, t.name)
				if r == nil || r.stats().ok == 0 {
					fmt.Fprintf(&row, " — |")
					continue
				}
				walls[i], measured = r.stats().wall, true
				fmt.Fprintf(&row, " %s (%.0f ms/pkg) |", seconds(walls[i]), float64(walls[i].Milliseconds())/float64(g.pkgs))
			}
			if !measured {
				continue
			}
			if walls[0] > 0 && walls[len(walls)-1] > 0 {
				fmt.Fprintf(&row, " %.1f ms |", float64((walls[len(walls)-1]-walls[0]).Microseconds())/1000/float64(last.pkgs-first.pkgs))
			} else {
				fmt.Fprintf(&row, " — |")
			}
			fmt.Fprintln(w, row.String())
		}
	}
}

func (b *bench) find(s *subject, state, tool string) *result {
	for _, r := range b.results {
		if r.subject == s && r.state == state && r.tool.name == tool {
			return r
		}
	}
	return nil
}

// machine describes where the figures come from.
func (b *bench) machine() string {
	cpu := procField("/proc/cpuinfo", "model name")
	mem := procField("/proc/meminfo", "MemTotal")
	var kb float64
	if _, err := fmt.Sscanf(mem, "%f kB", &kb); err == nil {
		mem = fmt.Sprintf("%.0f GiB", kb/(1<<20))
	}
	goVersion, _ := exec.Command("go", "env", "GOVERSION").Output()
	commit := "unknown"
	if out, err := exec.Command("git", "-C", b.repo, "rev-parse", "--short", "HEAD").Output(); err == nil {
		commit = strings.TrimSpace(string(out))
		if out, err := exec.Command("git", "-C", b.repo, "status", "--porcelain").Output(); err == nil && len(out) > 0 {
			commit += " + local changes"
		}
	}
	return fmt.Sprintf("%s, %d CPUs, %s memory; %s %s/%s; lambdalint %s; staticcheck %s; %s = %s@%s",
		cpu, runtime.NumCPU(), mem, strings.TrimSpace(string(goVersion)), runtime.GOOS, runtime.GOARCH,
		commit, staticcheckVersion, largeName, largeModule, largeVersion)
}

// procField returns the value of the first "key: value" line of a /proc file.
func procField(file, key string) string {
	data, err := os.ReadFile(file)
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "unknown"
}
