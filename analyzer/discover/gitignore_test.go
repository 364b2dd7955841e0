package discover

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/internal/testtree"
)

// TestGitignore: the walk skips what .gitignore files and
// .git/info/exclude ignore, negations re-include, nested files apply
// below their directory, and the option turns it all off.
func TestGitignore(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		".gitignore":           "# generated\n*.gen.py\n!keep.gen.py\nbuild_out/\n/top_only.py\n",
		".git/info/exclude":    "scratch.py\n",
		"app/views.py":         "",
		"app/api.gen.py":       "",
		"app/keep.gen.py":      "",
		"app/top_only.py":      "",
		"top_only.py":          "",
		"scratch.py":           "",
		"app/scratch.py":       "",
		"build_out/x.py":       "",
		"app/build_out/y.py":   "",
		"lib/.gitignore":       "vendored/\nlocal_*.py\n",
		"lib/vendored/a.py":    "",
		"lib/local_notes.py":   "",
		"lib/core.py":          "",
		"other/local_notes.py": "",
	})
	paths := func(opts Options) string {
		files, _ := Walk(opts)
		var out []string
		for _, f := range files {
			out = append(out, f.Path)
		}
		return strings.Join(out, " ")
	}
	want := "app/keep.gen.py app/top_only.py app/views.py lib/core.py other/local_notes.py"
	if got := paths(Options{Root: root, RespectGitignore: true}); got != want {
		t.Errorf("respecting .gitignore:\n got %s\nwant %s", got, want)
	}
	// A walk that starts below the root still reads the root's file.
	if got := paths(Options{Root: root, Paths: []string{filepath.Join(root, "app")}, RespectGitignore: true}); got != "app/keep.gen.py app/top_only.py app/views.py" {
		t.Errorf("walking app/: %s", got)
	}
	all := paths(Options{Root: root})
	for _, p := range []string{"app/api.gen.py", "build_out/x.py", "scratch.py", "lib/vendored/a.py"} {
		if !strings.Contains(all, p) {
			t.Errorf("without RespectGitignore %s is skipped: %s", p, all)
		}
	}
}
