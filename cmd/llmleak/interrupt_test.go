//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this binary as the CLI (LLMLEAK_TEST_CLI=1),
// to send it a signal as a user's Ctrl-C does.
func TestMain(m *testing.M) {
	if os.Getenv("LLMLEAK_TEST_CLI") == "1" {
		os.Exit(runMain(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// TestInterruptExits130: SIGINT during a scan stops it with exit status
// 130 and says so. The project is large enough that the scan is still
// running when the signal comes; if it was not, the test is skipped.
func TestInterruptExits130(t *testing.T) {
	root := t.TempDir()
	body := strings.Repeat("def f{n}(request, x):\n    y = request.POST.get('a') + str(x)\n    return g{n}(y)\n\n\ndef g{n}(v):\n    return [v, v]\n\n\n", 40)
	for i := 0; i < 1500; i++ {
		src := strings.ReplaceAll(body, "{n}", fmt.Sprint(i))
		if err := os.WriteFile(filepath.Join(root, fmt.Sprintf("m%d.py", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(os.Args[0], "scan", "--quiet", root)
	cmd.Env = append(os.Environ(), "LLMLEAK_TEST_CLI=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Skipf("the scan ended before the signal (%v)", err)
	}
	if code := exit.ExitCode(); code != exitInterrupted {
		if code == exitClean || code == exitFindings {
			t.Skipf("the scan ended before the signal (exit %d)", code)
		}
		t.Fatalf("exit %d after SIGINT, want %d; stderr %q", code, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr %q does not say the scan was interrupted", stderr.String())
	}
}

// TestClosedStdoutExits2: a report written to a standard output nobody
// reads any more is an error with a message and exit status 2, not a
// death by SIGPIPE.
func TestClosedStdoutExits2(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	cmd := exec.Command(os.Args[0], "scan", "--format", "json", filepath.Join("..", "..", "testdata", "demo"))
	cmd.Env = append(os.Environ(), "LLMLEAK_TEST_CLI=1")
	cmd.Stdout = w
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitError {
		t.Fatalf("run: %v, want exit %d; stderr %q", err, exitError, stderr.String())
	}
	if !strings.Contains(stderr.String(), "cannot write the report to stdout") {
		t.Errorf("stderr %q does not name the failed write", stderr.String())
	}
}
