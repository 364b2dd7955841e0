package discover

import (
	"bufio"
	"bytes"
	"path"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// ignoreRule is one line of a .gitignore (or .git/info/exclude) file.
type ignoreRule struct {
	base     string // slash path of the file's directory, relative to Root ("" at the root)
	pattern  string // doublestar pattern
	negate   bool   // "!pattern": re-include
	dirOnly  bool   // "pattern/": directories only
	anchored bool   // holds a "/" before its end: relative to base, not any level
}

// parseGitignore reads the rules of a .gitignore whose directory is base.
func parseGitignore(data []byte, base string) []ignoreRule {
	var out []ignoreRule
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasSuffix(line, " ") && !strings.HasSuffix(line, "\\ ") {
			line = strings.TrimRight(line, " ")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := ignoreRule{base: base}
		if strings.HasPrefix(line, "!") {
			r.negate, line = true, line[1:]
		} else if strings.HasPrefix(line, "\\!") || strings.HasPrefix(line, "\\#") {
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			r.dirOnly, line = true, strings.TrimRight(line, "/")
		}
		if strings.Contains(line, "/") {
			r.anchored, line = true, strings.TrimPrefix(line, "/")
		}
		if line == "" || !doublestar.ValidatePattern(line) {
			continue
		}
		r.pattern = line
		out = append(out, r)
	}
	return out
}

// match reports whether the rule matches rel (relative to Root), a
// directory when dir is set.
func (r ignoreRule) match(rel string, dir bool) bool {
	if r.dirOnly && !dir {
		return false
	}
	sub := rel
	if r.base != "" {
		if !strings.HasPrefix(rel, r.base+"/") {
			return false
		}
		sub = rel[len(r.base)+1:]
	}
	if r.anchored {
		ok, _ := doublestar.Match(r.pattern, sub)
		return ok
	}
	ok, _ := doublestar.Match(r.pattern, path.Base(sub))
	return ok
}

// loadGitignore reads the .gitignore of directory abs (rel to Root), if
// there is one, and at the root .git/info/exclude too.
// A walk that starts below the root (a named directory) reads the
// files of the directories above it first, as git does.
func (w *walker) loadGitignore(abs, rel string) {
	if !w.respectGitignore || filepath.IsAbs(rel) || w.ignoreRead[rel] {
		return
	}
	if rel != "" {
		parent := path.Dir(rel)
		if parent == "." {
			parent = ""
		}
		w.loadGitignore(filepath.Join(w.root, filepath.FromSlash(parent)), parent)
	}
	if w.ignoreRead == nil {
		w.ignoreRead = map[string]bool{}
	}
	w.ignoreRead[rel] = true
	if rel == "" {
		if data, err := w.fsys.readFile(filepath.Join(abs, ".git", "info", "exclude")); err == nil {
			w.ignore = append(w.ignore, parseGitignore(data, "")...)
		}
	}
	if data, err := w.fsys.readFile(filepath.Join(abs, ".gitignore")); err == nil {
		w.ignore = append(w.ignore, parseGitignore(data, rel)...)
	}
}

// gitIgnored reports whether rel (a directory when dir is set) is ignored
// by the .gitignore files read so far: the last rule that matches decides.
func (w *walker) gitIgnored(rel string, dir bool) bool {
	if !w.respectGitignore || len(w.ignore) == 0 || filepath.IsAbs(rel) {
		return false
	}
	ignored := false
	for _, r := range w.ignore {
		if r.match(rel, dir) {
			ignored = !r.negate
		}
	}
	return ignored
}
