// Package discover finds the Python files of a scan: it walks the named
// files and directories, follows symlinks without looping, leaves out
// virtualenvs, caches, build output and migrations, applies the user's
// exclude and include globs, and reads each file as UTF-8 source.
//
// It reports unreadable input as diagnostics and never aborts a walk. It
// knows nothing of Python syntax or module names: it must not import
// tree-sitter, analyzer/pyparse or analyzer/modules.
package discover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
)

// Options says what to walk.
type Options struct {
	// Root is the project root; File.Path is relative to it. A relative
	// Root is taken from the current directory, an empty one is the
	// current directory.
	Root string
	// Paths are the files and directories to walk; empty means Root.
	// A named directory is walked even when its own name is excluded (the
	// excludes apply to what is found inside it). A named file is always
	// taken if it ends in ".py", whatever the excludes and includes say.
	Paths []string
	// Exclude are doublestar globs matched against Root-relative slash
	// paths. A pattern without "/" also matches the name of any file or
	// directory ("tests", "*_pb2.py"); a trailing "/" restricts a pattern
	// to directories. A matched directory is not entered. Files found
	// outside Root are matched by their absolute slash path, so only
	// patterns without "/" (or starting with "**/") reach them.
	Exclude []string
	// Include, when set, keeps only the files whose path, or the path of
	// one of whose directories, matches one of these globs (read like
	// Exclude).
	Include []string
	// RespectGitignore skips what the .gitignore files below Root (and
	// .git/info/exclude) ignore, as git does; a named file is still taken.
	RespectGitignore bool
}

// File is one Python file to analyze.
type File struct {
	// Path is slash-separated and relative to Root, or the absolute slash
	// path for a file outside Root.
	Path string
	// Abs is the absolute path through which the file was found (it may
	// go through symlinks).
	Abs string
	// Size is the size in bytes of the file (of its target for a link).
	Size int64
}

// defaultExcludedDirs are directory names never entered: version control,
// virtualenvs, installed packages, tool caches, build output, and Django
// migrations (generated code that never calls an LLM). Directories
// holding a pyvenv.cfg are virtualenvs whatever their name and are left
// out too; "*.egg-info" is matched by suffix.
var defaultExcludedDirs = map[string]bool{
	".git":          true,
	".hg":           true,
	".svn":          true,
	".venv":         true,
	"venv":          true,
	"site-packages": true,
	"node_modules":  true,
	".tox":          true,
	".nox":          true,
	"__pycache__":   true,
	".mypy_cache":   true,
	".pytest_cache": true,
	".ruff_cache":   true,
	".eggs":         true,
	"build":         true,
	"dist":          true,
	"migrations":    true,
}

func defaultExcluded(name string) bool {
	return defaultExcludedDirs[name] || strings.HasSuffix(name, ".egg-info")
}

// venvMarker marks a virtualenv (PEP 405).
const venvMarker = "pyvenv.cfg"

// isVirtualenv reports whether a directory's entries are a virtualenv's:
// pyvenv.cfg beside the interpreter's bin/ (Scripts/ on Windows) or lib/.
// A pyvenv.cfg committed into a project's source directory, without that
// layout, does not hide the project.
func isVirtualenv(entries []fs.DirEntry) bool {
	marker, layout := false, false
	for _, e := range entries {
		switch e.Name() {
		case venvMarker:
			marker = true
		case "bin", "Scripts", "lib", "Lib", "lib64":
			layout = layout || e.IsDir() || e.Type()&fs.ModeSymlink != 0
		}
	}
	return marker && layout
}

// fileSystem is what the walk asks of the operating system; tests replace
// parts of it to simulate failures that root cannot produce.
type fileSystem struct {
	stat     func(name string) (fs.FileInfo, error)
	readDir  func(name string) ([]fs.DirEntry, error)
	readlink func(name string) (string, error)
	readFile func(name string) ([]byte, error)
}

var osFileSystem = fileSystem{stat: os.Stat, readDir: os.ReadDir, readlink: os.Readlink, readFile: os.ReadFile}

// Walk returns the Python files named by opts, sorted by Path and without
// duplicates, and the problems met on the way (broken links, symlink
// loops, unreadable directories, files too large), sorted by path.
//
// Symlinks to files and directories are followed. Each directory is
// walked once even when several paths lead to it; directories reached
// without going through a symlink are walked first, so a file is listed
// under its real path when it has one inside the walk. A link that points
// back to a directory on its own path is reported once as a symlink loop
// and not followed. A symlink to a file is listed under the link's name,
// as a module of that name, even when its target is listed too.
//
// Walk does not open files: a file that cannot be read is reported by
// ReadSource.
func Walk(opts Options) ([]File, []finding.Diagnostic) {
	return walkWith(opts, osFileSystem)
}

// walker holds the state of one Walk.
type walker struct {
	fsys     fileSystem
	root     string // absolute, cleaned
	realRoot string // root with symlinks resolved, or "" if that failed
	exclude  []pattern
	include  []pattern
	// respectGitignore and ignore: the .gitignore rules read so far.
	respectGitignore bool
	ignore           []ignoreRule
	ignoreRead       map[string]bool // directories whose .gitignore is read

	files   map[string]File
	seen    map[string]bool // paths handled, kept or skipped
	diags   []finding.Diagnostic
	visited map[dirID]bool
	// deferred are symlinked directories met during the walk, followed
	// once every directory reachable without links has been walked.
	deferred []deferredLink
}

type deferredLink struct {
	abs, rel string
	chain    []dirID // directories on the link's path, root first
}

func walkWith(opts Options, fsys fileSystem) ([]File, []finding.Diagnostic) {
	w := &walker{fsys: fsys, files: map[string]File{}, seen: map[string]bool{}, visited: map[dirID]bool{}, respectGitignore: opts.RespectGitignore}
	if w.fsys.readFile == nil {
		w.fsys.readFile = os.ReadFile
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		w.diag(opts.Root, "cannot resolve the project root: "+cause(err))
		return nil, w.diags
	}
	w.root = root
	if real, err := filepath.EvalSymlinks(root); err == nil {
		w.realRoot = real
	}
	var errs []error
	w.exclude, errs = compilePatterns(opts.Exclude)
	for _, e := range errs {
		w.diag("", "exclude: "+e.Error()+"; ignored")
	}
	w.include, errs = compilePatterns(opts.Include)
	for _, e := range errs {
		w.diag("", "include: "+e.Error()+"; ignored")
	}
	if len(opts.Include) > 0 && len(w.include) == 0 {
		// Every include glob was invalid: keep nothing rather than
		// everything, as the user asked for a restriction.
		w.include = []pattern{{glob: "\x00never"}}
	}

	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{root}
	}
	for _, p := range paths {
		w.start(p)
	}
	for len(w.deferred) > 0 {
		l := w.deferred[0]
		w.deferred = w.deferred[1:]
		w.followDirLink(l)
	}

	files := make([]File, 0, len(w.files))
	for _, f := range w.files {
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	sort.SliceStable(w.diags, func(i, j int) bool {
		if w.diags[i].Path != w.diags[j].Path {
			return w.diags[i].Path < w.diags[j].Path
		}
		return w.diags[i].Message < w.diags[j].Message
	})
	return files, w.diags
}

func (w *walker) diag(p, msg string) {
	w.diags = append(w.diags, finding.Diagnostic{Path: p, Message: msg})
}

// relPath returns the Root-relative slash path of abs, or its absolute
// slash path when it lies outside Root.
func (w *walker) relPath(abs string) string {
	if r, ok := relUnder(w.root, abs); ok {
		return r
	}
	if w.realRoot != "" {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			if r, ok := relUnder(w.realRoot, real); ok {
				return r
			}
		}
	}
	return filepath.ToSlash(abs)
}

func relUnder(base, abs string) (string, bool) {
	r, err := filepath.Rel(base, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
		return "", false
	}
	if r == "." {
		return "", true
	}
	return filepath.ToSlash(r), true
}

// start walks one named path.
func (w *walker) start(p string) {
	abs, err := filepath.Abs(p)
	if err != nil {
		w.diag(p, "cannot resolve path: "+cause(err))
		return
	}
	rel := w.relPath(abs)
	shown := rel
	if shown == "" {
		shown = "."
	}
	info, err := w.fsys.stat(abs)
	if err != nil {
		w.statFailed(abs, shown, err)
		return
	}
	if info.IsDir() {
		id, err := idOf(abs, info)
		if err != nil {
			w.diag(shown, "cannot identify directory: "+cause(err))
			return
		}
		w.walkDir(abs, rel, id, nil, true)
		return
	}
	if !strings.HasSuffix(abs, ".py") {
		w.diag(shown, "not a Python source file (.py); skipped")
		return
	}
	if !info.Mode().IsRegular() {
		w.diag(shown, notRegular(info.Mode()))
		return
	}
	w.addFile(abs, rel, info)
}

// statFailed reports a path that could not be followed: most often a
// broken symlink or a symlink loop.
func (w *walker) statFailed(abs, shown string, err error) {
	target, lerr := w.fsys.readlink(abs)
	switch {
	case lerr == nil && isLoopError(err):
		w.diag(shown, fmt.Sprintf("symlink loop: %s -> %s never reaches a file; not followed", shown, target))
	case lerr == nil && errors.Is(err, fs.ErrNotExist):
		w.diag(shown, fmt.Sprintf("broken symlink: target %s does not exist", target))
	case lerr == nil:
		w.diag(shown, fmt.Sprintf("cannot follow symlink to %s: %s", target, cause(err)))
	case errors.Is(err, fs.ErrNotExist):
		w.diag(shown, "no such file or directory")
	default:
		w.diag(shown, "cannot access: "+cause(err))
	}
}

// walkDir lists one directory and handles its entries. chain holds the
// directories above it on the path that reached it; explicit is set for a
// directory named by the user, which default excludes do not apply to.
func (w *walker) walkDir(abs, rel string, id dirID, chain []dirID, explicit bool) {
	if w.visited[id] {
		return
	}
	w.visited[id] = true
	shown := rel
	if shown == "" {
		shown = "."
	}
	entries, err := w.fsys.readDir(abs)
	if err != nil && len(entries) == 0 {
		w.diag(shown, "cannot read directory: "+cause(err))
		return
	}
	if err != nil {
		w.diag(shown, "directory listing incomplete: "+cause(err))
	}
	if !explicit && isVirtualenv(entries) {
		return
	}
	w.loadGitignore(abs, rel)
	// chain is shared with sibling calls: copy before appending.
	here := make([]dirID, len(chain), len(chain)+1)
	copy(here, chain)
	here = append(here, id)

	for _, e := range entries {
		name := e.Name()
		childAbs := filepath.Join(abs, name)
		childRel := path.Join(rel, name)
		if rel == "" {
			childRel = name
		}
		w.entry(e, childAbs, childRel, here)
	}
}

func (w *walker) entry(e fs.DirEntry, abs, rel string, chain []dirID) {
	mode := e.Type()
	isLink := mode&fs.ModeSymlink != 0
	var info fs.FileInfo
	if isLink {
		var err error
		info, err = w.fsys.stat(abs)
		if err != nil {
			if matchEntry(w.exclude, rel, true) || matchEntry(w.exclude, rel, false) || defaultExcluded(e.Name()) {
				return
			}
			w.statFailed(abs, rel, err)
			return
		}
	}
	isDir := mode.IsDir()
	if isLink {
		isDir = info.IsDir()
	}
	if isDir {
		if defaultExcluded(e.Name()) || matchEntry(w.exclude, rel, true) || w.gitIgnored(rel, true) {
			return
		}
		if isLink {
			w.deferred = append(w.deferred, deferredLink{abs: abs, rel: rel, chain: chain})
			return
		}
		dinfo, err := e.Info()
		if err != nil {
			w.diag(rel, "cannot access: "+cause(err))
			return
		}
		id, err := idOf(abs, dinfo)
		if err != nil {
			w.diag(rel, "cannot identify directory: "+cause(err))
			return
		}
		w.walkDir(abs, rel, id, chain, false)
		return
	}
	if !strings.HasSuffix(e.Name(), ".py") {
		return
	}
	if matchEntry(w.exclude, rel, false) || w.gitIgnored(rel, false) {
		return
	}
	if !isLink {
		// Only regular files and links to them: a FIFO or device named
		// *.py would block or never end when read.
		if !mode.IsRegular() {
			w.diag(rel, notRegular(mode))
			return
		}
		var err error
		info, err = e.Info()
		if err != nil {
			w.diag(rel, "cannot access: "+cause(err))
			return
		}
	} else if !info.Mode().IsRegular() {
		w.diag(rel, notRegular(info.Mode()))
		return
	}
	if len(w.include) > 0 && !matchInclude(w.include, rel) {
		return
	}
	w.addFile(abs, rel, info)
}

// followDirLink walks the target of a symlinked directory, unless it is
// already walked or lies on the link's own path.
func (w *walker) followDirLink(l deferredLink) {
	info, err := w.fsys.stat(l.abs)
	if err != nil {
		w.statFailed(l.abs, l.rel, err)
		return
	}
	id, err := idOf(l.abs, info)
	if err != nil {
		w.diag(l.rel, "cannot identify directory: "+cause(err))
		return
	}
	for _, c := range l.chain {
		if c == id {
			target, _ := w.fsys.readlink(l.abs)
			w.diag(l.rel, fmt.Sprintf("symlink loop: %s -> %s points to a directory containing it; not followed", l.rel, target))
			return
		}
	}
	w.walkDir(l.abs, l.rel, id, l.chain, false)
}

func (w *walker) addFile(abs, rel string, info fs.FileInfo) {
	if w.seen[rel] {
		return
	}
	w.seen[rel] = true
	if info.Size() > MaxFileSize {
		w.diag(rel, fmt.Sprintf("file too large (%d bytes, limit %d); skipped", info.Size(), MaxFileSize))
		return
	}
	w.files[rel] = File{Path: rel, Abs: abs, Size: info.Size()}
}

// realID identifies a directory by its real path where the platform
// gives no inode numbers.
func realID(abs string) (dirID, error) {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return dirID{}, err
	}
	return dirID{real: real}, nil
}

// cause returns the reason of err without the path it names, since
// diagnostics carry the path separately.
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// notRegular says what a path that is no regular file is, and that it is
// skipped (reading a FIFO or a device could block or never end).
func notRegular(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), not a regular file; skipped"
	case mode&fs.ModeSocket != 0:
		return "a socket, not a regular file; skipped"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		return "a device, not a regular file; skipped"
	}
	return "not a regular file; skipped"
}
