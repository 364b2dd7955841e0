package modules

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// project writes a project into a temp dir and returns its .py files
// (Root-relative, sorted) and a marker test reading the disk.
func project(t *testing.T, files ...string) (py []string, exists func(string) bool) {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") {
			rel, _ := filepath.Rel(root, p)
			py = append(py, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(py)
	exists = func(rel string) bool {
		_, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
		return err == nil
	}
	return py, exists
}

// checkNames checks the roots and the name of every file; want maps a
// file to its name, with a trailing "/" for a package.
func checkNames(t *testing.T, py []string, exists func(string) bool, wantRoots []string, want map[string]string) {
	t.Helper()
	roots := Roots(py, exists)
	if wantRoots == nil {
		wantRoots = []string{}
	}
	if !reflect.DeepEqual(roots, wantRoots) {
		t.Errorf("Roots = %q, want %q", roots, wantRoots)
	}
	if len(want) != len(py) {
		t.Errorf("test lists %d files, project has %d: %q", len(want), len(py), py)
	}
	for _, f := range py {
		w, ok := want[f]
		if !ok {
			t.Errorf("no expectation for %s", f)
			continue
		}
		name, isPkg := ModuleName(f, roots, exists)
		got := name
		if isPkg {
			got += "/"
		}
		if got != w {
			t.Errorf("ModuleName(%s) = %q, want %q", f, got, w)
		}
	}
}

func TestPlainProject(t *testing.T) {
	py, exists := project(t,
		"pkg/__init__.py",
		"pkg/a.py",
		"pkg/sub/__init__.py",
		"pkg/sub/b.py",
		"pkg/graph/base.py", // no __init__.py inside a package: a namespace subpackage
		"pkg/graph/deep/node.py",
		"script.py",
		"tools/run.py", // no __init__.py: a directory of scripts
		"tools/lib/__init__.py",
		"tools/lib/c.py",
	)
	checkNames(t, py, exists, nil, map[string]string{
		"pkg/__init__.py":        "pkg/",
		"pkg/a.py":               "pkg.a",
		"pkg/sub/__init__.py":    "pkg.sub/",
		"pkg/sub/b.py":           "pkg.sub.b",
		"pkg/graph/base.py":      "pkg.graph.base",
		"pkg/graph/deep/node.py": "pkg.graph.deep.node",
		"script.py":              "script",
		"tools/run.py":           "run",
		"tools/lib/__init__.py":  "lib/",
		"tools/lib/c.py":         "lib.c",
	})
}

func TestSrcLayout(t *testing.T) {
	py, exists := project(t,
		"pyproject.toml",
		"setup.py",
		"src/mylib/__init__.py",
		"src/mylib/core.py",
		"src/mylib/llm/__init__.py",
		"src/mylib/llm/client.py",
		"tests/test_core.py", // rootless tests, as pytest runs them
		"scripts/release.py", // not a namespace package outside Django
		"docs/conf.py",
	)
	checkNames(t, py, exists, []string{"src"}, map[string]string{
		"setup.py":                  "setup",
		"src/mylib/__init__.py":     "mylib/",
		"src/mylib/core.py":         "mylib.core",
		"src/mylib/llm/__init__.py": "mylib.llm/",
		"src/mylib/llm/client.py":   "mylib.llm.client",
		"tests/test_core.py":        "test_core",
		"scripts/release.py":        "release",
		"docs/conf.py":              "conf",
	})
}

func TestFlatLayoutWithProjectFile(t *testing.T) {
	// setup.cfg and a src/ directory without Python files: the project
	// directory is the root.
	py, exists := project(t,
		"lib/setup.cfg",
		"lib/src/README.md",
		"lib/thing/__init__.py",
		"lib/thing/x.py",
		"lib/tests/__init__.py",
		"lib/tests/test_x.py",
	)
	checkNames(t, py, exists, []string{"lib"}, map[string]string{
		"lib/thing/__init__.py": "thing/",
		"lib/thing/x.py":        "thing.x",
		"lib/tests/__init__.py": "tests/",
		"lib/tests/test_x.py":   "tests.test_x",
	})
}

func TestDjangoProjectInSubdirectory(t *testing.T) {
	py, exists := project(t,
		"pyproject.toml",
		"README.md",
		"backend/__init__.py", // does not make names "backend.shop..."
		"backend/manage.py",
		"backend/config/__init__.py",
		"backend/config/settings.py",
		"backend/config/urls.py",
		"backend/shop/__init__.py",
		"backend/shop/views.py",
		"backend/shop/api/__init__.py",
		"backend/shop/api/views.py",
		"backend/shop/templatetags/__init__.py",
		"backend/shop/templatetags/prompts.py",
		"backend/blog/models.py", // an app without __init__.py
		"tools/gen.py",
	)
	checkNames(t, py, exists, []string{"", "backend"}, map[string]string{
		"backend/__init__.py":                   "backend/",
		"backend/manage.py":                     "manage",
		"backend/config/__init__.py":            "config/",
		"backend/config/settings.py":            "config.settings",
		"backend/config/urls.py":                "config.urls",
		"backend/shop/__init__.py":              "shop/",
		"backend/shop/views.py":                 "shop.views",
		"backend/shop/api/__init__.py":          "shop.api/",
		"backend/shop/api/views.py":             "shop.api.views",
		"backend/shop/templatetags/__init__.py": "shop.templatetags/",
		"backend/shop/templatetags/prompts.py":  "shop.templatetags.prompts",
		"backend/blog/models.py":                "blog.models",
		"tools/gen.py":                          "gen",
	})
}

func TestDjangoNamespaceApps(t *testing.T) {
	py, exists := project(t,
		"manage.py",
		"app/views.py",
		"apps/billing/models.py",
		"apps/billing/llm.py",
		"pkg/__init__.py",
		"pkg/ns/x.py", // a namespace portion inside a regular package
		"src/core/models.py",
		"src/core/services/__init__.py",
		"src/core/services/ai.py",
	)
	checkNames(t, py, exists, []string{"", "src"}, map[string]string{
		"manage.py":                     "manage",
		"app/views.py":                  "app.views",
		"apps/billing/models.py":        "apps.billing.models",
		"apps/billing/llm.py":           "apps.billing.llm",
		"pkg/__init__.py":               "pkg/",
		"pkg/ns/x.py":                   "pkg.ns.x",
		"src/core/models.py":            "core.models",
		"src/core/services/__init__.py": "core.services/",
		"src/core/services/ai.py":       "core.services.ai",
	})
}

func TestProjectsSideBySide(t *testing.T) {
	py, exists := project(t,
		"shop/manage.py",
		"shop/config/__init__.py",
		"shop/config/settings.py",
		"shop/orders/__init__.py",
		"shop/orders/views.py",
		"blog/manage.py",
		"blog/config/__init__.py",
		"blog/config/settings.py",
		"blog/posts/views.py",
		"libs/aiwrap/pyproject.toml",
		"libs/aiwrap/src/aiwrap/__init__.py",
		"libs/aiwrap/src/aiwrap/client.py",
	)
	checkNames(t, py, exists, []string{"blog", "libs/aiwrap/src", "shop"}, map[string]string{
		"shop/manage.py":                     "manage",
		"shop/config/__init__.py":            "config/",
		"shop/config/settings.py":            "config.settings",
		"shop/orders/__init__.py":            "orders/",
		"shop/orders/views.py":               "orders.views",
		"blog/manage.py":                     "manage",
		"blog/config/__init__.py":            "config/",
		"blog/config/settings.py":            "config.settings",
		"blog/posts/views.py":                "posts.views",
		"libs/aiwrap/src/aiwrap/__init__.py": "aiwrap/",
		"libs/aiwrap/src/aiwrap/client.py":   "aiwrap.client",
	})

	roots := Roots(py, exists)
	var entries []Entry
	for _, f := range py {
		entries = append(entries, EntryFor(f, roots, exists))
	}
	ix := NewIndex(entries)
	for _, tc := range []struct{ name, from, want string }{
		{"config.settings", "shop/orders/views.py", "shop/config/settings.py"},
		{"config.settings", "blog/posts/views.py", "blog/config/settings.py"},
		{"config", "blog/posts/views.py", "blog/config/__init__.py"},
		{"manage", "shop/config/settings.py", "shop/manage.py"},
		// A file that is not indexed belongs to the deepest root above it.
		{"config.settings", "blog/posts/new_file.py", "blog/config/settings.py"},
		// Unique names resolve from anywhere.
		{"aiwrap.client", "shop/orders/views.py", "libs/aiwrap/src/aiwrap/client.py"},
	} {
		got, ok := ix.Lookup(tc.name, tc.from)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%q, from %s) = %q, %v; want %q", tc.name, tc.from, got, ok, tc.want)
		}
	}
	if _, ok := ix.Lookup("orders.missing", "shop/orders/views.py"); ok {
		t.Error("Lookup of an unknown module succeeded")
	}
}

func TestRootsWithoutFileSystem(t *testing.T) {
	markers := map[string]bool{
		"proj/pyproject.toml": true,
		"web/manage.py":       true,
		"lib/setup.py":        true,
	}
	exists := func(p string) bool { return markers[p] }
	files := []string{
		"proj/src/p/__init__.py", // src layout: proj/src, not proj
		"proj/tests/test_p.py",
		"web/src/w/__init__.py", // src below a Django root: both
		"web/app/views.py",
		"lib/setup.py", // a marker that is also a .py file
		"lib/lib/__init__.py",
		"other/manage.py", // in the file list, not in markers
		"other/o.py",
	}
	got := Roots(files, exists)
	want := []string{"lib", "other", "proj/src", "web", "web/src"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Roots = %q, want %q", got, want)
	}
	if got := Roots(nil, exists); len(got) != 0 {
		t.Errorf("Roots(nil) = %q", got)
	}
}

func TestRootInitFile(t *testing.T) {
	// Root itself is a package: its __init__.py has no name under Root,
	// and its modules are named from Root.
	py, exists := project(t, "__init__.py", "a.py", "sub/__init__.py", "sub/b.py")
	checkNames(t, py, exists, nil, map[string]string{
		"__init__.py":     "/",
		"a.py":            "a",
		"sub/__init__.py": "sub/",
		"sub/b.py":        "sub.b",
	})
	ix := NewIndex([]Entry{EntryFor("__init__.py", nil, exists), EntryFor("a.py", nil, exists)})
	if got := ix.Names(); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("Names = %q, want the root package left out", got)
	}
	if e, ok := ix.Entry("__init__.py"); !ok || !e.IsPackage || e.Name != "" {
		t.Errorf("Entry(__init__.py) = %+v, %v", e, ok)
	}
}

func TestAbsolute(t *testing.T) {
	for _, tc := range []struct {
		current string
		isPkg   bool
		level   int
		module  string
		want    string
		ok      bool
	}{
		// Absolute imports.
		{"shop.views", false, 0, "django.db", "django.db", true},
		{"shop.views", false, 0, "", "", false},
		// From a module.
		{"shop.api.views", false, 1, "", "shop.api", true},
		{"shop.api.views", false, 1, "serializers", "shop.api.serializers", true},
		{"shop.api.views", false, 2, "", "shop", true},
		{"shop.api.views", false, 2, "models", "shop.models", true},
		{"shop.api.views", false, 3, "", "", false},
		{"shop.api.views", false, 3, "other", "", false},
		{"shop.views", false, 1, "models", "shop.models", true},
		{"shop.views", false, 2, "models", "", false},
		// From a package's __init__.py.
		{"shop.api", true, 1, "", "shop.api", true},
		{"shop.api", true, 1, "views", "shop.api.views", true},
		{"shop.api", true, 2, "models", "shop.models", true},
		{"shop.api", true, 3, "x", "", false},
		{"shop", true, 1, "views", "shop.views", true},
		{"shop", true, 2, "", "", false},
		// From a top-level module: no parent package.
		{"views", false, 1, "models", "", false},
		// Root's own __init__.py.
		{"", true, 1, "a", "", false},
		// Deep.
		{"a.b.c.d.e", false, 4, "x.y", "a.x.y", true},
		{"a.b.c.d.e", false, 5, "", "", false},
		{"a.b", false, -1, "x", "", false},
	} {
		got, ok := Absolute(tc.current, tc.isPkg, tc.level, tc.module)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Absolute(%q, pkg=%v, %d, %q) = %q, %v; want %q, %v",
				tc.current, tc.isPkg, tc.level, tc.module, got, ok, tc.want, tc.ok)
		}
	}
}

func TestIndexPreferences(t *testing.T) {
	ix := NewIndex([]Entry{
		{Path: "a/util.py", Name: "util", Root: "a"},
		{Path: "b/util.py", Name: "util", Root: "b"},
		{Path: "b/util/__init__.py", Name: "util", Root: "b", IsPackage: true},
		{Path: "x/deep/one/helpers.py", Name: "helpers", Root: "x/deep/one"},
		{Path: "x/deep/two/helpers.py", Name: "helpers", Root: "x/deep/two"},
		{Path: "z/helpers.py", Name: "helpers", Root: "z"},
		{Path: "a/near.py", Name: "near", Root: "a"},
		{Path: "m/lib/near.py", Name: "near", Root: "m/lib"},
		{Path: "m/other/x.py", Name: "x", Root: "m/other"},
		{Path: "a/util.py", Name: "duplicate.path", Root: "a"}, // ignored
		{Path: "a/app.py", Name: "app", Root: "a"},
		{Path: "b/app.py", Name: "app", Root: "b"},
	})
	for _, tc := range []struct{ name, from, want string }{
		{"util", "a/main.py", "a/util.py"},
		// Same root: the package wins over the module, as in Python.
		{"util", "b/main.py", "b/util/__init__.py"},
		{"util", "b/util/inner.py", "b/util/__init__.py"},
		// No candidate shares the importer's root: the nearest directory.
		{"helpers", "x/deep/two/sub/m.py", "x/deep/two/helpers.py"},
		{"near", "m/other/x.py", "m/lib/near.py"},
		{"helpers", "x/deep/three/m.py", "x/deep/one/helpers.py"},
		// Then packages, then the smallest path.
		{"util", "elsewhere/m.py", "b/util/__init__.py"},
		{"app", "elsewhere/m.py", "a/app.py"},
	} {
		got, ok := ix.Lookup(tc.name, tc.from)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%q, from %s) = %q, %v; want %q", tc.name, tc.from, got, ok, tc.want)
		}
	}
	want := []string{"app", "helpers", "near", "util", "x"}
	if got := ix.Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names = %q, want %q", got, want)
	}
	if _, ok := ix.Lookup("util", ""); !ok {
		t.Error("Lookup with an empty importer failed")
	}
}

// TestManagePyInsideImportedPackage: manage.py in a package the project
// imports by name (src/khoj/manage.py, "from khoj.database import ...").
func TestManagePyInsideImportedPackage(t *testing.T) {
	files := []string{"pyproject.toml", "src/khoj/__init__.py", "src/khoj/manage.py", "src/khoj/configure.py", "src/khoj/database/__init__.py", "src/khoj/database/adapters.py"}
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
	}
	exists := func(p string) bool { return have[p] }
	var py []string
	for _, f := range files {
		if strings.HasSuffix(f, ".py") {
			py = append(py, f)
		}
	}
	roots := RootsImporting(py, exists, map[string]bool{"khoj": true})
	if got, _ := ModuleName("src/khoj/database/adapters.py", roots, exists); got != "khoj.database.adapters" {
		t.Errorf("importing khoj: ModuleName = %q, want khoj.database.adapters (roots %q)", got, roots)
	}
	roots = RootsImporting(py, exists, map[string]bool{"database": true})
	if got, _ := ModuleName("src/khoj/database/adapters.py", roots, exists); got != "database.adapters" {
		t.Errorf("importing database: ModuleName = %q, want database.adapters (roots %q)", got, roots)
	}
}
