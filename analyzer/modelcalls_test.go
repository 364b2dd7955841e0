package analyzer

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestModelCalls checks Result.ModelCalls on a project whose model calls
// are marked "# model-call": every marked line is recognised, and nothing
// else.
func TestModelCalls(t *testing.T) {
	root := filepath.Join("..", "testdata", "modelcalls", "project")
	var want []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(root, path)
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			if strings.Contains(sc.Text(), "# model-call") {
				want = append(want, filepath.ToSlash(rel)+":"+strconv.Itoa(n))
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Config{Root: root, Select: []string{"ALL"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range res.ModelCalls {
		got = append(got, l.Path+":"+strconv.Itoa(l.Line))
	}
	slices.Sort(want)
	slices.Sort(got)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("model call not recognised: %s", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("recognised as a model call, not marked: %s", g)
		}
	}
}
