package main

import (
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around each change.
const diffContext = 3

// maxDiffCells bounds the size of the table used to compute a minimal diff.
// Fixes change few lines, so once the common prefix and suffix are removed
// the table is small; beyond the bound the remaining lines are shown as one
// replacement.
const maxDiffCells = 1 << 22

// An op is one line of an edit script.
type op struct {
	kind byte // ' ' (unchanged), '-' (deleted) or '+' (inserted)
	line string
}

// unifiedDiff returns the unified diff that turns old into new, with the
// file names a/name and b/name, or "" if they are equal.
func unifiedDiff(name string, old, new []byte) string {
	ops := diffLines(splitLines(string(old)), splitLines(string(new)))

	// oldAt[i] and newAt[i] count the old and new lines before ops[i].
	oldAt := make([]int, len(ops)+1)
	newAt := make([]int, len(ops)+1)
	for i, o := range ops {
		oldAt[i+1], newAt[i+1] = oldAt[i], newAt[i]
		if o.kind != '+' {
			oldAt[i+1]++
		}
		if o.kind != '-' {
			newAt[i+1]++
		}
	}

	var b strings.Builder
	for i := 0; i < len(ops); i++ {
		if ops[i].kind == ' ' {
			continue
		}
		// ops[i] starts a hunk, which goes on over the changes separated
		// by at most 2*diffContext unchanged lines.
		last := i
		for j := i + 1; j < len(ops) && j <= last+2*diffContext+1; j++ {
			if ops[j].kind != ' ' {
				last = j
			}
		}
		start, end := max(0, i-diffContext), min(len(ops), last+1+diffContext)
		if b.Len() == 0 {
			fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n",
			hunkRange(oldAt[start], oldAt[end]-oldAt[start]),
			hunkRange(newAt[start], newAt[end]-newAt[start]))
		for _, o := range ops[start:end] {
			b.WriteByte(o.kind)
			b.WriteString(o.line)
			if !strings.HasSuffix(o.line, "\n") {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end - 1
	}
	return b.String()
}

// hunkRange formats the range of a hunk that follows the first before lines
// and spans count lines.
func hunkRange(before, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", before)
	case 1:
		return fmt.Sprint(before + 1)
	}
	return fmt.Sprintf("%d,%d", before+1, count)
}

// splitLines splits s after each newline.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffLines returns an edit script that turns a into b: the common prefix and
// suffix, and a longest common subsequence of the rest.
func diffLines(a, b []string) []op {
	var prefix, suffix int
	for prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	for suffix < len(a)-prefix && suffix < len(b)-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}

	var ops []op
	for _, line := range a[:prefix] {
		ops = append(ops, op{' ', line})
	}
	ma, mb := a[prefix:len(a)-suffix], b[prefix:len(b)-suffix]
	if (len(ma)+1)*(len(mb)+1) > maxDiffCells {
		for _, line := range ma {
			ops = append(ops, op{'-', line})
		}
		for _, line := range mb {
			ops = append(ops, op{'+', line})
		}
	} else {
		ops = append(ops, lcsDiff(ma, mb)...)
	}
	for _, line := range a[len(a)-suffix:] {
		ops = append(ops, op{' ', line})
	}
	return ops
}

// lcsDiff returns an edit script that turns a into b, keeping a longest
// common subsequence unchanged.
func lcsDiff(a, b []string) []op {
	// lcs[i*w+j] is the length of a longest common subsequence of a[i:] and b[j:].
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	var ops []op
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i++
			j++
		case j == len(b) || i < len(a) && lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			ops = append(ops, op{'-', a[i]})
			i++
		default:
			ops = append(ops, op{'+', b[j]})
			j++
		}
	}
	return ops
}
