//go:build unix

package discover

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSpecialFilesWarnOnce: a FIFO named like a module is never opened
// (reading it would block); the walk warns about it once and goes on.
func TestSpecialFilesWarnOnce(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "ok.py"), []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "pipe.py"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	files, diags := Walk(Options{Root: root, Paths: []string{root}})
	if len(files) != 1 || files[0].Path != "ok.py" {
		t.Errorf("files %v, want ok.py only", files)
	}
	n := 0
	for _, d := range diags {
		if d.Path == "pipe.py" {
			n++
			if !strings.Contains(d.Message, "named pipe") {
				t.Errorf("pipe.py: %q, want it named a named pipe", d.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("pipe.py: %d warnings, want one (all: %v)", n, diags)
	}
}
