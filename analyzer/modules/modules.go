// Package modules maps the Python files of a project to dotted module
// names and resolves imports between them. It works on Root-relative slash
// paths and a marker-file test only, so it can be tested without a file
// system and serve any walk.
//
// It must not import tree-sitter, analyzer/pyparse or analyzer/discover:
// module naming knows nothing of syntax or of how files were found.
package modules

import (
	"path"
	"sort"
	"strings"
)

// Marker files that make a directory an import root.
const (
	// djangoMarker: Django's manage.py puts its own directory on sys.path,
	// and apps below it are imported by dotted name from there.
	djangoMarker = "manage.py"
	initFile     = "__init__.py"
	srcDir       = "src"
)

// projectMarkers mark the top of a Python project (PEP 518/621 and
// setuptools). Its import root is the project directory, or its src/
// directory in the src layout.
var projectMarkers = []string{"pyproject.toml", "setup.cfg", "setup.py"}

// join joins a Root-relative directory and a name; "" is Root itself.
func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// parent returns the directory holding dir, "" for a top-level one.
func parent(dir string) string {
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return dir[:i]
	}
	return ""
}

// dirOf returns the Root-relative directory of a file.
func dirOf(file string) string {
	return parent(file)
}

// under reports whether dir is base or lies below it.
func under(dir, base string) bool {
	return base == "" || dir == base || strings.HasPrefix(dir, base+"/")
}

// Roots returns the import roots of a project, sorted: Root-relative
// directories ("" for Root itself) from which modules are imported, found
// from the .py files of the project and a test for marker files:
//
//   - a directory holding manage.py is a root (a Django project);
//   - a directory holding pyproject.toml, setup.cfg or setup.py is a root,
//     unless its src/ directory holds .py files (the src layout): then
//     that src/ is the root instead;
//   - a directory named src whose parent is a root is a root too.
//
// A manage.py file among files counts as present even if exists says no.
func Roots(files []string, exists func(relPath string) bool) []string {
	return RootsImporting(files, exists, nil)
}

// RootsImporting is Roots for a project whose modules import the given
// top-level names: a Django project directory that is itself a package
// the project imports by name is not a root (its parent is).
func RootsImporting(files []string, exists func(relPath string) bool, importedHeads map[string]bool) []string {
	dirs := map[string]bool{}
	hasManage := map[string]bool{}
	for _, f := range files {
		d := dirOf(f)
		if path.Base(f) == djangoMarker {
			hasManage[d] = true
		}
		for {
			if dirs[d] {
				break
			}
			dirs[d] = true
			if d == "" {
				break
			}
			d = parent(d)
		}
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted)

	roots := map[string]bool{}
	for _, d := range sorted {
		if hasManage[d] || exists(join(d, djangoMarker)) {
			// A manage.py inside a package whose code imports that package
			// by name (src/khoj/manage.py, "from khoj.database import ..."):
			// the root is the nearest ancestor that is not a package.
			r := d
			if d != "" && importedHeads[path.Base(d)] {
				for r != "" && exists(join(r, "__init__.py")) {
					r = parent(r)
				}
			}
			roots[r] = true
			continue
		}
		for _, m := range projectMarkers {
			if exists(join(d, m)) {
				if dirs[join(d, srcDir)] {
					roots[join(d, srcDir)] = true
				} else {
					roots[d] = true
				}
				break
			}
		}
	}
	for _, d := range sorted {
		if path.Base(d) == srcDir && d != "" && roots[parent(d)] {
			roots[d] = true
		}
	}
	out := make([]string, 0, len(roots))
	for r := range roots {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// Entry is one module of a project.
type Entry struct {
	// Path is the file, Root-relative and slash-separated.
	Path string
	// Name is the dotted module name: "shop.views", or "shop" for
	// shop/__init__.py. It is "" only for an __init__.py in Root itself.
	Name string
	// Root is the import root the name is relative to ("" for Root).
	Root string
	// IsPackage is set for an __init__.py.
	IsPackage bool
}

// ModuleName returns the dotted name of a .py file and whether it is a
// package (__init__.py); see EntryFor for how the root is chosen.
func ModuleName(file string, roots []string, exists func(relPath string) bool) (name string, isPackage bool) {
	e := EntryFor(file, roots, exists)
	return e.Name, e.IsPackage
}

// EntryFor names a .py file. Of the roots above the file it takes:
//
//  1. the deepest root from which every directory down to the file's
//     holds an __init__.py (a chain of regular packages), so
//     backend/shop/views.py is "shop.views" when backend/ has manage.py,
//     even if backend/ has an __init__.py of its own;
//  2. otherwise the deepest root that holds manage.py or lies below one:
//     Django imports apps without __init__.py as namespace packages, so
//     app/views.py is "app.views" there;
//  3. otherwise the classic rule: go up from the file's directory while
//     it holds an __init__.py or lies inside a directory that does (a
//     directory without one inside a package is a namespace subpackage);
//     the first directory that is neither is the root (never above
//     Root).
//
// Roots outside a Django project do not get rule 2: a scripts/ directory
// without __init__.py next to pyproject.toml holds top-level scripts, not
// a namespace package. An __init__.py is never named from its own
// directory: its root is strictly above it. Names are not checked to be
// Python identifiers ("my-app.views" is returned as is).
func EntryFor(file string, roots []string, exists func(relPath string) bool) Entry {
	dir := dirOf(file)
	base := strings.TrimSuffix(path.Base(file), ".py")
	isPkg := base == "__init__"
	hasInit := func(d string) bool { return exists(join(d, initFile)) }

	// Candidates, deepest first.
	var cands []string
	for _, r := range roots {
		if !under(dir, r) || (isPkg && r == dir) {
			continue
		}
		cands = append(cands, r)
	}
	sort.Slice(cands, func(i, j int) bool {
		if di, dj := depth(cands[i]), depth(cands[j]); di != dj {
			return di > dj
		}
		return cands[i] < cands[j]
	})

	root, found := "", false
	for _, r := range cands {
		if chainOfPackages(r, dir, isPkg, hasInit) {
			root, found = r, true
			break
		}
	}
	if !found {
		for _, r := range cands {
			if inDjangoProject(r, exists) {
				root, found = r, true
				break
			}
		}
	}
	if !found {
		root = dir
		if isPkg {
			root = parent(dir)
			if dir == "" {
				root = ""
			}
		}
		inPackage := func(d string) bool {
			for a := parent(d); a != ""; a = parent(a) {
				if hasInit(a) {
					return true
				}
			}
			return false
		}
		for root != "" && (hasInit(root) || inPackage(root)) {
			// A directory without __init__.py inside a package is a
			// namespace subpackage of it (pkg/graph/base.py is
			// pkg.graph.base).
			root = parent(root)
		}
	}
	return Entry{Path: file, Name: dotted(root, dir, base, isPkg), Root: root, IsPackage: isPkg}
}

// depth counts the components of a Root-relative directory.
func depth(dir string) int {
	if dir == "" {
		return 0
	}
	return strings.Count(dir, "/") + 1
}

// chainOfPackages reports whether every directory below root down to dir
// holds an __init__.py. The directory of an __init__.py holds one.
func chainOfPackages(root, dir string, isPkg bool, hasInit func(string) bool) bool {
	d := dir
	if isPkg && d != root {
		d = parent(d)
	}
	for d != root {
		if !hasInit(d) {
			return false
		}
		d = parent(d)
	}
	return true
}

// inDjangoProject reports whether dir or a directory above it holds
// manage.py.
func inDjangoProject(dir string, exists func(string) bool) bool {
	for {
		if exists(join(dir, djangoMarker)) {
			return true
		}
		if dir == "" {
			return false
		}
		dir = parent(dir)
	}
}

// dotted builds the module name of a file in dir below root.
func dotted(root, dir, base string, isPkg bool) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(dir, root), "/")
	var parts []string
	if rel != "" {
		parts = strings.Split(rel, "/")
	}
	if !isPkg {
		parts = append(parts, base)
	}
	return strings.Join(parts, ".")
}

// Absolute turns an import into an absolute dotted name, as Python's
// importlib does. current is the importing module's name and isPackage
// whether it is an __init__.py; level is the number of leading dots and
// module the text after them (may be ""). It returns false for a relative
// import from a top-level module or one that climbs above the top-level
// package, and for an empty absolute import.
func Absolute(current string, isPackage bool, level int, module string) (string, bool) {
	if level < 0 {
		return "", false
	}
	if level == 0 {
		return module, module != ""
	}
	pkg := current
	if !isPackage {
		pkg = ""
		if i := strings.LastIndexByte(current, '.'); i >= 0 {
			pkg = current[:i]
		}
	}
	if pkg == "" {
		return "", false // no parent package
	}
	for i := 1; i < level; i++ {
		j := strings.LastIndexByte(pkg, '.')
		if j < 0 {
			return "", false // beyond the top-level package
		}
		pkg = pkg[:j]
	}
	if module == "" {
		return pkg, true
	}
	return pkg + "." + module, true
}
