package analyzer

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzAnalyze runs the whole analysis on arbitrary source text: no panic,
// and no internal error (a recovered panic in one function's analysis is
// reported as one). The seeds are every fixture file.
func FuzzAnalyze(f *testing.F) {
	err := filepath.WalkDir(filepath.Join("..", "testdata", "projects"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return err
		}
		src, err := os.ReadFile(p)
		if err == nil {
			f.Add(src)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		root := t.TempDir()
		if err := os.MkdirAll(filepath.Join(root, "app"), 0o755); err != nil {
			t.Fatal(err)
		}
		for name, text := range map[string][]byte{"manage.py": nil, "app/__init__.py": nil, "app/views.py": src} {
			if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), text, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res, err := Run(context.Background(), Config{Root: root, Jobs: 1, Select: []string{"ALL"}})
		if err != nil {
			t.Fatalf("run: %v", err)
		}
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Message, "internal error") {
				t.Fatalf("%s: %s", d.Path, d.Message)
			}
		}
	})
}
