package discover

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer/finding"
)

// tree writes files under dir; a value of "" writes an empty file, a path
// ending in "/" makes a directory.
func tree(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks not supported here: %v", err)
	}
}

func paths(files []File) []string {
	out := []string{}
	for _, f := range files {
		out = append(out, f.Path)
	}
	return out
}

func wantPaths(t *testing.T, files []File, want ...string) {
	t.Helper()
	got := paths(files)
	if want == nil {
		want = []string{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files:\n got  %q\n want %q", got, want)
	}
}

func noDiags(t *testing.T, diags []finding.Diagnostic) {
	t.Helper()
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %+v", diags)
	}
}

// oneDiag checks there is exactly one diagnostic, for path, whose message
// holds every fragment.
func oneDiag(t *testing.T, diags []finding.Diagnostic, path string, fragments ...string) {
	t.Helper()
	if len(diags) != 1 {
		t.Fatalf("want 1 diagnostic for %s, got %d: %+v", path, len(diags), diags)
	}
	d := diags[0]
	if d.Path != path {
		t.Errorf("diagnostic path = %q, want %q (%+v)", d.Path, path, d)
	}
	for _, f := range fragments {
		if !strings.Contains(d.Message, f) {
			t.Errorf("diagnostic %q lacks %q", d.Message, f)
		}
	}
}

func TestWalkDefaultExcludes(t *testing.T) {
	root := t.TempDir()
	tree(t, root,
		"manage.py",
		"shop/__init__.py",
		"shop/views.py",
		"shop/notes.txt",
		"shop/views.pyi",
		"shop/migrations/0001_initial.py",
		"shop/migrations/__init__.py",
		"shop/__pycache__/views.py",
		".git/hooks/pre-commit.py",
		".hg/x.py", ".svn/x.py",
		".venv/lib/python3.12/site-packages/openai/__init__.py",
		"venv/lib/x.py",
		"lib/site-packages/y.py",
		"web/node_modules/z.py",
		".tox/py312/a.py", ".nox/a.py",
		".mypy_cache/a.py", ".pytest_cache/a.py", ".ruff_cache/a.py",
		"build/lib/shop/views.py",
		"dist/x.py",
		"shop.egg-info/x.py",
		".eggs/x.py",
		"myenv/pyvenv.cfg", "myenv/lib/site.py", // a virtualenv by its marker
		"env/helpers.py", // no pyvenv.cfg: an ordinary package
		"builders/b.py",  // not "build"
		".github/scripts/release.py",
	)
	files, diags := Walk(Options{Root: root})
	noDiags(t, diags)
	wantPaths(t, files,
		".github/scripts/release.py",
		"builders/b.py",
		"env/helpers.py",
		"manage.py",
		"shop/__init__.py",
		"shop/views.py",
	)
	for _, f := range files {
		if f.Abs != filepath.Join(root, filepath.FromSlash(f.Path)) || f.Size != 6 {
			t.Errorf("file %+v: wrong Abs or Size", f)
		}
	}
}

func TestWalkUserExclude(t *testing.T) {
	root := t.TempDir()
	tree(t, root,
		"app/views.py",
		"app/tests/test_views.py",
		"tests/test_top.py",
		"app/proto/api_pb2.py",
		"app/legacy/old.py",
		"legacy/kept.py",
		"scripts/run.py",
		"app/scripts.py",
		"docs/conf.py",
	)
	files, diags := Walk(Options{Root: root, Exclude: []string{
		"tests",          // any component named tests
		"*_pb2.py",       // any file name
		"app/legacy/**",  // anchored to Root
		"scripts/",       // directories only: app/scripts.py stays
		"./docs/conf.py", // leading ./ is ignored
	}})
	noDiags(t, diags)
	wantPaths(t, files, "app/scripts.py", "app/views.py", "legacy/kept.py")
}

func TestWalkExcludePrunesDirectory(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "a/x.py", "vendor/lib/y.py")
	// The directory is not entered at all: an unreadable file below it
	// would give no diagnostic.
	fsys := osFileSystem
	fsys.readDir = func(name string) ([]fs.DirEntry, error) {
		if filepath.Base(name) == "vendor" {
			t.Errorf("excluded directory %s was read", name)
		}
		return os.ReadDir(name)
	}
	files, diags := walkWith(Options{Root: root, Exclude: []string{"vendor"}}, fsys)
	noDiags(t, diags)
	wantPaths(t, files, "a/x.py")
}

func TestWalkInclude(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "shop/views.py", "shop/api/serializers.py", "blog/views.py", "blog/models.py", "manage.py")
	for _, tc := range []struct {
		include []string
		want    []string
	}{
		{[]string{"shop"}, []string{"shop/api/serializers.py", "shop/views.py"}},
		{[]string{"shop/**"}, []string{"shop/api/serializers.py", "shop/views.py"}},
		{[]string{"views.py"}, []string{"blog/views.py", "shop/views.py"}},
		{[]string{"blog/*.py", "manage.py"}, []string{"blog/models.py", "blog/views.py", "manage.py"}},
		{[]string{"api/"}, []string{"shop/api/serializers.py"}},
		{[]string{"nothing"}, nil},
	} {
		files, diags := Walk(Options{Root: root, Include: tc.include})
		noDiags(t, diags)
		t.Run(strings.Join(tc.include, ","), func(t *testing.T) { wantPaths(t, files, tc.want...) })
	}
	// Exclude wins over include.
	files, _ := Walk(Options{Root: root, Include: []string{"shop"}, Exclude: []string{"api"}})
	wantPaths(t, files, "shop/views.py")
}

func TestWalkInvalidGlob(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "a.py", "b.py")
	files, diags := Walk(Options{Root: root, Exclude: []string{"[", "b.py"}})
	wantPaths(t, files, "a.py")
	oneDiag(t, diags, "", "exclude", `"["`)
	// An include list of only invalid globs keeps nothing.
	files, diags = Walk(Options{Root: root, Include: []string{"{a"}})
	wantPaths(t, files)
	oneDiag(t, diags, "", "include")
	if err := ValidatePatterns([]string{"ok/**", "["}); err == nil || !strings.Contains(err.Error(), `"["`) {
		t.Errorf("ValidatePatterns = %v, want an error naming the glob", err)
	}
	if err := ValidatePatterns([]string{"ok/**", "*.py", "dir/"}); err != nil {
		t.Errorf("ValidatePatterns = %v", err)
	}
}

func TestWalkExplicitPaths(t *testing.T) {
	root := t.TempDir()
	tree(t, root,
		"shop/views.py",
		"shop/migrations/0001_initial.py",
		"build/gen.py",
		"README.md",
	)
	files, diags := Walk(Options{
		Root: root,
		Paths: []string{
			root,
			filepath.Join(root, "shop/migrations/0001_initial.py"), // default-excluded, named
			filepath.Join(root, "shop/views.py"),                   // also found by the walk
			filepath.Join(root, "README.md"),
			filepath.Join(root, "missing.py"),
		},
		Exclude: []string{"0001_*"},
		Include: []string{"nomatch"},
	})
	// views.py is named too, so the include does not drop it.
	wantPaths(t, files, "shop/migrations/0001_initial.py", "shop/views.py")
	if len(diags) != 2 || diags[0].Path != "README.md" || !strings.Contains(diags[0].Message, "not a Python source file") ||
		diags[1].Path != "missing.py" || !strings.Contains(diags[1].Message, "no such file") {
		t.Errorf("diagnostics = %+v", diags)
	}

	// A named directory is walked even if its name is excluded by default;
	// excludes apply inside it.
	tree(t, root, "build/migrations/m.py", "build/sub/s.py")
	files, diags = Walk(Options{Root: root, Paths: []string{filepath.Join(root, "build")}, Exclude: []string{"sub"}})
	noDiags(t, diags)
	wantPaths(t, files, "build/gen.py")
}

func TestWalkRelativeArguments(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "pkg/a.py", "pkg/b.py")
	// os.Chdir rather than t.Chdir: the module targets Go 1.22.
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	files, diags := Walk(Options{Root: ".", Paths: []string{"pkg/a.py", "pkg"}})
	noDiags(t, diags)
	wantPaths(t, files, "pkg/a.py", "pkg/b.py")
}

func TestWalkOutsideRoot(t *testing.T) {
	root := t.TempDir()
	other := t.TempDir()
	tree(t, root, "a.py")
	tree(t, other, "lib/x.py", "lib/broken/")
	files, diags := Walk(Options{Root: root, Paths: []string{root, filepath.Join(other, "lib")}})
	noDiags(t, diags)
	wantPaths(t, files, filepath.ToSlash(filepath.Join(other, "lib/x.py")), "a.py")
}

func TestWalkSymlinkLoop(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "a/x.py", "a/b/y.py")
	symlink(t, "..", filepath.Join(root, "a/b/up"))    // a/b/up -> a
	symlink(t, root, filepath.Join(root, "a/b/c/top")) // absolute, to Root
	files, diags := Walk(Options{Root: root})
	wantPaths(t, files, "a/b/y.py", "a/x.py")
	if len(diags) != 2 {
		t.Fatalf("want one diagnostic per loop, got %+v", diags)
	}
	for i, p := range []string{"a/b/c/top", "a/b/up"} {
		if diags[i].Path != p || !strings.Contains(diags[i].Message, "symlink loop") || !strings.Contains(diags[i].Message, p) {
			t.Errorf("diagnostic %d = %+v, want a symlink loop at %s", i, diags[i], p)
		}
	}
}

func TestWalkSymlinkLoopThroughOutside(t *testing.T) {
	root := t.TempDir()
	other := t.TempDir()
	tree(t, root, "a.py")
	tree(t, other, "ext.py")
	symlink(t, other, filepath.Join(root, "ext"))
	symlink(t, root, filepath.Join(other, "back")) // ext/back -> root: a loop
	files, diags := Walk(Options{Root: root})
	wantPaths(t, files, "a.py", "ext/ext.py")
	oneDiag(t, diags, "ext/back", "symlink loop")
}

func TestWalkLinkChainLoop(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "ok.py")
	symlink(t, "l2.py", filepath.Join(root, "l1.py"))
	symlink(t, "l1.py", filepath.Join(root, "l2.py"))
	files, diags := Walk(Options{Root: root})
	wantPaths(t, files, "ok.py")
	if len(diags) != 2 {
		t.Fatalf("want one diagnostic per link, got %+v", diags)
	}
	for i, p := range []string{"l1.py", "l2.py"} {
		if diags[i].Path != p || !strings.Contains(diags[i].Message, "symlink loop") {
			t.Errorf("diagnostic %d = %+v", i, diags[i])
		}
	}
}

func TestWalkSymlinkedDirectoryWalkedOnce(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "zreal/__init__.py", "zreal/views.py")
	// Sorted first, but the real directory wins.
	symlink(t, "zreal", filepath.Join(root, "alias"))
	symlink(t, "../zreal", filepath.Join(root, "sub/alias2"))
	files, diags := Walk(Options{Root: root})
	noDiags(t, diags)
	wantPaths(t, files, "zreal/__init__.py", "zreal/views.py")
}

func TestWalkFollowsSymlinks(t *testing.T) {
	root := t.TempDir()
	shared := t.TempDir()
	tree(t, root, "app/real.py")
	tree(t, shared, "common/util.py", "common/node_modules/n.py")
	symlink(t, filepath.Join(shared, "common"), filepath.Join(root, "app/common"))
	symlink(t, "real.py", filepath.Join(root, "app/alias.py"))
	symlink(t, filepath.Join(shared, "common"), filepath.Join(root, "node_modules")) // excluded by name
	files, diags := Walk(Options{Root: root})
	noDiags(t, diags)
	wantPaths(t, files, "app/alias.py", "app/common/util.py", "app/real.py")
	for _, f := range files {
		if f.Path == "app/common/util.py" && f.Abs != filepath.Join(root, "app/common/util.py") {
			t.Errorf("Abs = %s, want the path through the link", f.Abs)
		}
	}
}

func TestWalkBrokenSymlink(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "a.py")
	symlink(t, "gone.py", filepath.Join(root, "pkg/dead.py"))
	symlink(t, "nowhere", filepath.Join(root, "venv")) // excluded by name: silent
	files, diags := Walk(Options{Root: root})
	wantPaths(t, files, "a.py")
	oneDiag(t, diags, "pkg/dead.py", "broken symlink", "gone.py")
}

func TestWalkUnreadableDirectory(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "a.py", "secret/b.py", "z/c.py")
	fsys := osFileSystem
	fsys.readDir = func(name string) ([]fs.DirEntry, error) {
		if filepath.Base(name) == "secret" {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return os.ReadDir(name)
	}
	files, diags := walkWith(Options{Root: root}, fsys)
	wantPaths(t, files, "a.py", "z/c.py")
	oneDiag(t, diags, "secret", "cannot read directory", "permission denied")
}

func TestWalkUnreadableDirectoryChmod(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions; TestWalkUnreadableDirectory simulates the case")
	}
	root := t.TempDir()
	tree(t, root, "a.py", "secret/b.py")
	if err := os.Chmod(filepath.Join(root, "secret"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(root, "secret"), 0o755) })
	files, diags := Walk(Options{Root: root})
	wantPaths(t, files, "a.py")
	oneDiag(t, diags, "secret", "permission denied")
}

func TestWalkTooLarge(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "small.py")
	f, err := os.Create(filepath.Join(root, "huge.py"))
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: takes no disk space.
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	exact, err := os.Create(filepath.Join(root, "exact.py"))
	if err != nil {
		t.Fatal(err)
	}
	if err := exact.Truncate(MaxFileSize); err != nil {
		t.Fatal(err)
	}
	exact.Close()
	files, diags := Walk(Options{Root: root})
	wantPaths(t, files, "exact.py", "small.py")
	oneDiag(t, diags, "huge.py", "file too large (4194305 bytes, limit 4194304)")
}

func TestWalkDeterministic(t *testing.T) {
	root := t.TempDir()
	var names []string
	for _, d := range []string{"b", "a", "c/d", "a/z", "A"} {
		for _, f := range []string{"z.py", "m.py", "a.py", "_x.py"} {
			names = append(names, d+"/"+f)
		}
	}
	tree(t, root, names...)
	symlink(t, "nowhere", filepath.Join(root, "c/x.py"))
	symlink(t, "nowhere", filepath.Join(root, "a/x.py"))
	first, firstDiags := Walk(Options{Root: root, Paths: []string{filepath.Join(root, "c"), root}})
	got := paths(first)
	if !sort.StringsAreSorted(got) || len(got) != len(names) {
		t.Errorf("files not sorted or incomplete: %q", got)
	}
	for i := 0; i < 3; i++ {
		again, againDiags := Walk(Options{Root: root, Paths: []string{root, filepath.Join(root, "c")}})
		if !reflect.DeepEqual(first, again) || !reflect.DeepEqual(firstDiags, againDiags) {
			t.Fatalf("walk %d differs:\n%+v\n%+v", i, again, againDiags)
		}
	}
	if len(firstDiags) != 2 || firstDiags[0].Path != "a/x.py" || firstDiags[1].Path != "c/x.py" {
		t.Errorf("diagnostics = %+v", firstDiags)
	}
}

func TestMatchEntry(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		rel     string
		isDir   bool
		want    bool
	}{
		{"tests", "tests", true, true},
		{"tests", "app/tests", true, true},
		{"tests", "app/tests.py", false, false},
		{"*.py", "a/b/c.py", false, true},
		{"app/*.py", "app/x.py", false, true},
		{"app/*.py", "app/sub/x.py", false, false},
		{"app/**/*.py", "app/sub/x.py", false, true},
		{"**/gen/**", "a/gen/x.py", false, true},
		{"/app/x.py", "app/x.py", false, true},
		{"/x.py", "app/x.py", false, false}, // a leading slash anchors
		{"gen/", "a/gen", true, true},
		{"gen/", "a/gen", false, false},
		{"a\\b.py", "a/b.py", false, true},
	} {
		p, err := compilePattern(tc.pattern)
		if err != nil {
			t.Fatalf("%q: %v", tc.pattern, err)
		}
		if got := matchEntry([]pattern{p}, tc.rel, tc.isDir); got != tc.want {
			t.Errorf("matchEntry(%q, %q, dir=%v) = %v, want %v", tc.pattern, tc.rel, tc.isDir, got, tc.want)
		}
	}
}

func TestDiagnosticFor(t *testing.T) {
	f := File{Path: "pkg/x.py", Abs: "/abs/pkg/x.py"}
	d := DiagnosticFor(f, &SourceError{Path: f.Abs, Kind: ErrNotUTF8, Line: 3, Detail: "(invalid byte 0xff at line 3, byte 1)"})
	if d.Path != "pkg/x.py" || d.Line != 3 || d.Message != "not valid UTF-8 (invalid byte 0xff at line 3, byte 1)" {
		t.Errorf("DiagnosticFor = %+v", d)
	}
	d = DiagnosticFor(f, &fs.PathError{Op: "open", Path: f.Abs, Err: fs.ErrPermission})
	if d.Path != "pkg/x.py" || d.Message != "cannot open file: permission denied" {
		t.Errorf("DiagnosticFor = %+v", d)
	}
	d = DiagnosticFor(f, errors.New("boom"))
	if d.Message != "boom" {
		t.Errorf("DiagnosticFor = %+v", d)
	}
}

// TestCommittedVenvMarker: a pyvenv.cfg committed beside a project's
// sources, without a virtualenv's bin/ or lib/, does not hide them.
func TestCommittedVenvMarker(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"proj/manage.py", "proj/pyvenv.cfg", "proj/app/views.py", "venv/pyvenv.cfg", "venv/lib/python3.11/site.py", "venv/bin/activate.py"} {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := Walk(Options{Root: root, Paths: []string{root}})
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	want := []string{"proj/app/views.py", "proj/manage.py"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files %v, want %v", got, want)
	}
}
