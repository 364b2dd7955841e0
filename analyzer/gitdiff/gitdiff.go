// Package gitdiff finds the lines a change touches, for `llmleak scan
// --diff BASE`: the pull-request mode that reports only findings whose
// join point or flow runs through changed code.
//
// It runs git and reads `git diff --unified=0` hunks. Files added since
// BASE and untracked files (not ignored) count as changed in whole. A hunk
// that only deletes lines marks the lines on either side of the cut, so
// that removing a sanitizer call shows up in the flow that now leaks.
//
// This package imports nothing of the project.
package gitdiff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sort"
	"strconv"
	"strings"
)

// Changes maps a slash path, relative to the directory the diff was taken
// in, to its changed lines.
type Changes map[string]*Lines

// Lines is the changed part of one file.
type Lines struct {
	// Whole is set for a new or untracked file: every line is changed.
	Whole bool
	// Ranges are 1-based inclusive line ranges of the new file, sorted.
	Ranges []Range
}

// Range is lines From..To, inclusive.
type Range struct{ From, To int }

// Touches reports whether lines from..to (inclusive) of path hold a
// change.
func (c Changes) Touches(path string, from, to int) bool {
	l := c[path]
	if l == nil {
		return false
	}
	if l.Whole {
		return true
	}
	if to < from {
		to = from
	}
	i := sort.Search(len(l.Ranges), func(i int) bool { return l.Ranges[i].To >= from })
	return i < len(l.Ranges) && l.Ranges[i].From <= to
}

// Compute runs git in dir and returns what changed between base and the
// working tree, including untracked files. Paths outside dir are left
// out. The error names the cause (not a repository, unknown revision)
// with git's own message.
func Compute(ctx context.Context, dir, base string) (Changes, error) {
	if base == "" || strings.HasPrefix(base, "-") {
		return nil, fmt.Errorf("invalid base revision %q", base)
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", base+"^{commit}"); err != nil {
		if _, e := git(ctx, dir, "rev-parse", "--git-dir"); e != nil {
			return nil, fmt.Errorf("not in a git repository: %w", e)
		}
		return nil, fmt.Errorf("unknown revision %q (in a shallow clone, fetch it first): %w", base, err)
	}
	out, err := git(ctx, dir, "-c", "core.quotepath=off", "diff", "--unified=0", "--no-color", "--no-ext-diff",
		"--no-textconv", "--relative", base, "--")
	if err != nil {
		return nil, err
	}
	c, err := Parse(bytes.NewReader(out))
	if err != nil {
		return nil, err
	}
	untracked, err := git(ctx, dir, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	for _, p := range strings.Split(string(untracked), "\x00") {
		if p != "" {
			c[p] = &Lines{Whole: true}
		}
	}
	return c, nil
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		var ee *exec.ExitError
		if msg == "" || !errors.As(err, &ee) {
			msg = err.Error()
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// Parse reads the output of `git diff --unified=0`.
func Parse(r io.Reader) (Changes, error) {
	c := Changes{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var cur *Lines
	newFile := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			cur, newFile = nil, false
		case strings.HasPrefix(line, "new file mode"):
			newFile = true
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				cur = nil // deleted: nothing left to report on
				continue
			}
			p, err := unquote(name)
			if err != nil {
				return nil, fmt.Errorf("git diff: bad file name %q: %v", name, err)
			}
			p = strings.TrimPrefix(p, "b/")
			cur = &Lines{Whole: newFile}
			c[p] = cur
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			rg, err := hunk(line)
			if err != nil {
				return nil, err
			}
			cur.Ranges = append(cur.Ranges, rg)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("git diff: %w", err)
	}
	for _, l := range c {
		sort.Slice(l.Ranges, func(i, j int) bool { return l.Ranges[i].From < l.Ranges[j].From })
	}
	return c, nil
}

// hunk reads "@@ -a,b +c,d @@": the new side's lines c..c+d-1, or, for
// a pure deletion (d = 0, the cut after line c), lines c and c+1.
func hunk(line string) (Range, error) {
	bad := func() (Range, error) { return Range{}, fmt.Errorf("git diff: bad hunk header %q", line) }
	f := strings.Fields(line)
	if len(f) < 3 || !strings.HasPrefix(f[2], "+") {
		return bad()
	}
	start, count := f[2][1:], "1"
	if i := strings.IndexByte(start, ','); i >= 0 {
		start, count = start[:i], start[i+1:]
	}
	c, err1 := strconv.Atoi(start)
	d, err2 := strconv.Atoi(count)
	if err1 != nil || err2 != nil || c < 0 || d < 0 {
		return bad()
	}
	if d == 0 {
		return Range{From: max(c, 1), To: c + 1}, nil
	}
	return Range{From: c, To: c + d - 1}, nil
}

// unquote reads a file name as git writes it: plain, or C-quoted when it
// holds unusual bytes.
func unquote(s string) (string, error) {
	if !strings.HasPrefix(s, `"`) {
		return strings.TrimSuffix(s, "\t"), nil
	}
	return strconv.Unquote(s)
}
