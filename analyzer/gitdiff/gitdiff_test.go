package gitdiff

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	diff := `diff --git a/app/views.py b/app/views.py
index 1111111..2222222 100644
--- a/app/views.py
+++ b/app/views.py
@@ -3,0 +4,2 @@ def f():
+    x = 1
+    y = 2
@@ -10 +12 @@ def g():
-    a
+    b
@@ -20,3 +21,0 @@ def h():
-    gone
-    gone
-    gone
diff --git a/new.py b/new.py
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.py
@@ -0,0 +1,3 @@
+a
+b
+c
diff --git a/old.py b/old.py
deleted file mode 100644
--- a/old.py
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
diff --git "a/we ird\303\251.py" "b/we ird\303\251.py"
--- "a/we ird\303\251.py"
+++ "b/we ird\303\251.py"
@@ -1 +1 @@
-x
+y
`
	c, err := Parse(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	want := Changes{
		"app/views.py": {Ranges: []Range{{4, 5}, {12, 12}, {21, 22}}},
		"new.py":       {Whole: true, Ranges: []Range{{1, 3}}},
		"we irdé.py":   {Ranges: []Range{{1, 1}}},
	}
	if !reflect.DeepEqual(c, want) {
		for k, v := range c {
			t.Logf("%q: %+v", k, *v)
		}
		t.Fatalf("wrong changes")
	}
	for _, tc := range []struct {
		path     string
		from, to int
		want     bool
	}{
		{"app/views.py", 4, 4, true},
		{"app/views.py", 3, 3, false},
		{"app/views.py", 1, 4, true},
		{"app/views.py", 6, 11, false},
		{"app/views.py", 6, 12, true},
		{"app/views.py", 13, 20, false},
		{"app/views.py", 21, 0, true},
		{"app/views.py", 23, 23, false},
		{"new.py", 99, 99, true},
		{"old.py", 1, 1, false},
		{"other.py", 1, 1, false},
	} {
		if got := c.Touches(tc.path, tc.from, tc.to); got != tc.want {
			t.Errorf("Touches(%s, %d, %d) = %v", tc.path, tc.from, tc.to, got)
		}
	}
	if _, err := Parse(strings.NewReader("+++ b/x.py\n@@ -1 +x @@\n")); err == nil {
		t.Error("bad hunk header accepted")
	}
}

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestCompute(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	write := func(rel, s string) {
		t.Helper()
		p := filepath.Join(repo, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitRun(t, repo, "init", "-q")
	write("proj/app.py", "a\nb\nc\nd\n")
	write("proj/same.py", "x\n")
	write("outside.py", "o\n")
	write(".gitignore", "ignored.py\n")
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "base")

	write("proj/app.py", "a\nB\nc\nd\ne\n") // line 2 changed, line 5 added
	write("proj/sub/new.py", "n\n")         // untracked
	write("proj/ignored.py", "i\n")         // ignored
	write("outside.py", "O\n")              // outside the scanned directory
	gitRun(t, repo, "add", "proj/app.py")   // staged or not, it is in the working tree
	c, err := Compute(context.Background(), filepath.Join(repo, "proj"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	want := Changes{
		"app.py":     {Ranges: []Range{{2, 2}, {5, 5}}},
		"sub/new.py": {Whole: true},
	}
	if !reflect.DeepEqual(c, want) {
		for k, v := range c {
			t.Logf("%q: %+v", k, *v)
		}
		t.Fatal("wrong changes")
	}

	if _, err := Compute(context.Background(), repo, "no-such-branch"); err == nil || !strings.Contains(err.Error(), `unknown revision "no-such-branch"`) {
		t.Errorf("unknown base: %v", err)
	}
	if _, err := Compute(context.Background(), repo, "--output=/tmp/x"); err == nil {
		t.Error("an option as the base was accepted")
	}
	if _, err := Compute(context.Background(), t.TempDir(), "HEAD"); err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("not a repository: %v", err)
	}
}
