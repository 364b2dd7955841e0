package analyzer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer/discover"
)

// TestBadInputs scans a project full of bad input beside one real leak:
// every bad file gets one diagnostic naming it and its cause, nothing
// panics, and the leak is still found.
func TestBadInputs(t *testing.T) {
	root := t.TempDir()
	write := func(rel string, data []byte) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("manage.py", []byte("import sys\n"))
	write("app/__init__.py", nil)
	write("app/views.py", []byte(`from openai import OpenAI

client = OpenAI()


def ask(request):
    client.chat.completions.create(model="m", messages=[{"role": "user", "content": request.META["SSL_CLIENT_S_DN"]}])
`))
	// A syntax error: analyzed as far as recovered, with a warning.
	write("app/broken.py", []byte("def broken(:\n    pass\n\ndef fine(request):\n    print(request.COOKIES)\n"))
	// Binary and non-UTF-8 files.
	write("app/binary.py", []byte("x = 1\x00\x01\x02\n"))
	write("app/latin1.py", []byte("# caf\xe9\nx = 1\n"))
	// Declared single-byte encodings (PEP 263) are decoded and analyzed.
	write("app/declared_latin1.py", []byte("# -*- coding: latin-1 -*-\n# caf\xe9\n\n\ndef show(request):\n    print(\"caf\xe9\", request.COOKIES)\n"))
	write("app/declared_cp1252.py", []byte("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\n\n\ndef show(request):\n    print(\"\x93quoted\x94\", request.COOKIES)\n"))
	write("app/declared_sjis.py", []byte("# coding: shift_jis\nx = 1\n"))
	// A file over the size limit.
	write("app/huge.py", bytes.Repeat([]byte("x = 1\n"), discover.MaxFileSize/6+1))
	// Pathologically deep nesting.
	write("app/deep.py", []byte("x = "+strings.Repeat("[", 3000)+strings.Repeat("]", 3000)+"\n"))
	// A symlink loop.
	if err := os.Symlink(root, filepath.Join(root, "app", "loop")); err != nil {
		t.Fatal(err)
	}

	res, err := Run(context.Background(), Config{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]string{}
	for _, d := range res.Diagnostics {
		byFile[d.Path] = append(byFile[d.Path], d.Message)
	}
	for file, cause := range map[string]string{
		"app/broken.py":        "syntax error",
		"app/binary.py":        "binary",
		"app/latin1.py":        "UTF-8",
		"app/declared_sjis.py": "shift-jis",
		"app/huge.py":          "too large",
		"app/loop":             "symlink loop",
	} {
		msgs := byFile[file]
		if len(msgs) != 1 || !strings.Contains(msgs[0], cause) {
			t.Errorf("%s: diagnostics %q, want one mentioning %q", file, msgs, cause)
		}
	}
	var rules []string
	for _, f := range res.Findings {
		rules = append(rules, f.Location.Path+":"+f.Rule)
	}
	want := []string{"app/broken.py:LK201", "app/declared_cp1252.py:LK201", "app/declared_latin1.py:LK201", "app/views.py:LK101"}
	if strings.Join(rules, " ") != strings.Join(want, " ") {
		t.Errorf("findings %v, want %v", rules, want)
	}
}
