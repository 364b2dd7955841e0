// Package testtree writes small file trees for tests.
package testtree

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes files (slash-separated paths relative to root, and their
// text) under root, making the directories they need.
func Write(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
