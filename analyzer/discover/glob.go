package discover

import (
	"fmt"
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// pattern is one user glob, normalized. Patterns are matched against
// Root-relative slash paths, the way ruff and .gitignore read them.
type pattern struct {
	glob string
	// anywhere is set for a pattern without "/": it also matches the name
	// of any path component ("tests", "*_pb2.py").
	anywhere bool
	// dirOnly is set for a pattern written with a trailing "/": it
	// matches directories only.
	dirOnly bool
}

// compilePatterns normalizes globs and reports the invalid ones.
func compilePatterns(globs []string) ([]pattern, []error) {
	var out []pattern
	var errs []error
	for _, g := range globs {
		p, err := compilePattern(g)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, p)
	}
	return out, errs
}

func compilePattern(g string) (pattern, error) {
	s := strings.ReplaceAll(strings.TrimSpace(g), "\\", "/")
	var p pattern
	if strings.HasSuffix(s, "/") {
		p.dirOnly = true
		s = strings.TrimRight(s, "/")
	}
	anchored := strings.Contains(s, "/")
	s = strings.TrimPrefix(s, "./")
	s = strings.TrimLeft(s, "/")
	if s == "" {
		return pattern{}, fmt.Errorf("invalid glob %q: empty pattern", g)
	}
	if !doublestar.ValidatePattern(s) {
		return pattern{}, fmt.Errorf("invalid glob %q", g)
	}
	p.glob = s
	p.anywhere = !anchored
	return p, nil
}

// ValidatePatterns reports the first invalid exclude or include glob, so a
// caller can reject a bad configuration before walking. Walk itself turns
// an invalid glob into a diagnostic and ignores it.
func ValidatePatterns(globs []string) error {
	for _, g := range globs {
		if _, err := compilePattern(g); err != nil {
			return err
		}
	}
	return nil
}

// matchEntry reports whether a file or directory met during the walk is
// matched: by its whole Root-relative path, or by its name for a pattern
// without "/". Ancestors were checked when they were entered, so checking
// the name at each level checks every component below the walk's start.
func matchEntry(pats []pattern, rel string, isDir bool) bool {
	name := path.Base(rel)
	for _, p := range pats {
		if p.dirOnly && !isDir {
			continue
		}
		if doublestar.MatchUnvalidated(p.glob, rel) {
			return true
		}
		if p.anywhere && doublestar.MatchUnvalidated(p.glob, name) {
			return true
		}
	}
	return false
}

// matchInclude reports whether a file is kept by include globs: a pattern
// matches the file's path or the path of one of its directories ("shop",
// "apps/shop/**", "*.py", "views.py").
func matchInclude(pats []pattern, rel string) bool {
	parts := strings.Split(rel, "/")
	for _, p := range pats {
		for i := len(parts); i >= 1; i-- {
			isDir := i < len(parts)
			if p.dirOnly && !isDir {
				continue
			}
			if doublestar.MatchUnvalidated(p.glob, strings.Join(parts[:i], "/")) {
				return true
			}
			if p.anywhere && doublestar.MatchUnvalidated(p.glob, parts[i-1]) {
				return true
			}
		}
	}
	return false
}
