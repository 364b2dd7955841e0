package modules

import (
	"sort"
	"strings"
)

// Index maps dotted module names to files. Several files may claim one
// name when projects are scanned together (each with its own
// "config.settings") or when both pkg.py and pkg/__init__.py exist.
type Index struct {
	byName map[string][]Entry
	byPath map[string]Entry
	roots  []string // distinct roots, deepest first
}

// NewIndex indexes entries. A path given twice keeps its first entry;
// entries with an empty name (an __init__.py in Root itself) are not
// importable and are left out of name lookups.
func NewIndex(entries []Entry) *Index {
	ix := &Index{byName: map[string][]Entry{}, byPath: map[string]Entry{}}
	seenRoot := map[string]bool{}
	for _, e := range entries {
		if _, dup := ix.byPath[e.Path]; dup {
			continue
		}
		ix.byPath[e.Path] = e
		if !seenRoot[e.Root] {
			seenRoot[e.Root] = true
			ix.roots = append(ix.roots, e.Root)
		}
		if e.Name != "" {
			ix.byName[e.Name] = append(ix.byName[e.Name], e)
		}
	}
	sort.Slice(ix.roots, func(i, j int) bool {
		if di, dj := depth(ix.roots[i]), depth(ix.roots[j]); di != dj {
			return di > dj
		}
		return ix.roots[i] < ix.roots[j]
	})
	return ix
}

// Entry returns the entry of a file.
func (ix *Index) Entry(path string) (Entry, bool) {
	e, ok := ix.byPath[path]
	return e, ok
}

// Lookup returns the file of a module as imported from the file
// fromPath. When several files have the name it prefers, in order: one
// under the importer's root (the importer's own project); the one whose
// directory shares the most leading components with the importer's; a
// package over a plain module (as Python does for pkg/ beside pkg.py);
// the smallest path.
func (ix *Index) Lookup(name, fromPath string) (path string, ok bool) {
	cands := ix.byName[name]
	switch len(cands) {
	case 0:
		return "", false
	case 1:
		return cands[0].Path, true
	}
	fromRoot, haveRoot := ix.rootOf(fromPath)
	fromDir := dirOf(fromPath)
	best := cands[0]
	better := func(a, b Entry) bool {
		if haveRoot {
			if sa, sb := a.Root == fromRoot, b.Root == fromRoot; sa != sb {
				return sa
			}
		}
		if ca, cb := commonDepth(dirOf(a.Path), fromDir), commonDepth(dirOf(b.Path), fromDir); ca != cb {
			return ca > cb
		}
		if a.IsPackage != b.IsPackage {
			return a.IsPackage
		}
		return a.Path < b.Path
	}
	for _, c := range cands[1:] {
		if better(c, best) {
			best = c
		}
	}
	return best.Path, true
}

// rootOf returns the root of an indexed file, or for another file the
// deepest indexed root above it.
func (ix *Index) rootOf(file string) (string, bool) {
	if e, ok := ix.byPath[file]; ok {
		return e.Root, true
	}
	dir := dirOf(file)
	for _, r := range ix.roots {
		if under(dir, r) {
			return r, true
		}
	}
	return "", false
}

// commonDepth counts the leading path components two directories share.
func commonDepth(a, b string) int {
	if a == "" || b == "" {
		return 0
	}
	pa, pb := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(pa) && n < len(pb) && pa[n] == pb[n] {
		n++
	}
	return n
}

// Names returns the indexed module names, sorted.
func (ix *Index) Names() []string {
	out := make([]string, 0, len(ix.byName))
	for n := range ix.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
