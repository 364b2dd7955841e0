package analyzer

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer/config"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
)

// wantRe matches "# want: LK101, LK104" but not "# todo-want: ...".
var wantRe = regexp.MustCompile(`#(?:.*[^-\w])?\s*want:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)`)

// fixtureProjects lists the projects under testdata: the demo and each
// directory of testdata/projects. Each is scanned on its own.
func fixtureProjects(t *testing.T) []string {
	t.Helper()
	dirs := []string{"../testdata/demo"}
	entries, err := os.ReadDir("../testdata/projects")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join("../testdata/projects", e.Name()))
		}
	}
	return dirs
}

// expectations reads the want comments of every Python file below dir, as
// "path:line: RULE" strings.
func expectations(t *testing.T, dir string) map[string]bool {
	t.Helper()
	want := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, p)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			m := wantRe.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			for _, r := range strings.Split(m[1], ",") {
				want[fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), line, strings.TrimSpace(r))] = true
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// TestFixtures runs every fixture project and checks its findings both
// ways: every want must be reported, and nothing else.
func TestFixtures(t *testing.T) {
	used := map[*model.Row]bool{}
	ran := 0
	projects := fixtureProjects(t)
	for _, dir := range projects {
		dir := dir
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ran++
			cfg := Config{Root: dir, TrackModelRows: true}
			// A project may carry its own .llmleak.toml (rule selection,
			// its catalog): the harness honours it as the CLI would.
			if _, err := os.Stat(filepath.Join(dir, config.DedicatedName)); err == nil {
				f, err := config.LoadFile(filepath.Join(dir, config.DedicatedName))
				if err != nil {
					t.Fatal(err)
				}
				cfg.Select, cfg.Ignore, cfg.Catalog = f.Selectors(), f.Ignore, f.Catalog
				cfg.IncludeTests, cfg.PropagateUnknown = f.IncludeTests, f.PropagateUnknown
			}
			res, err := Run(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res.ModelRowsUsed {
				used[r] = true
			}
			for _, d := range res.Diagnostics {
				if strings.Contains(d.Message, "internal error") {
					t.Errorf("%s:%d: %s", d.Path, d.Line, d.Message)
				}
			}
			want := expectations(t, dir)
			got := map[string]bool{}
			detail := map[string]string{}
			for _, f := range res.Findings {
				if f.Suppressed {
					continue
				}
				k := fmt.Sprintf("%s:%d: %s", f.Location.Path, f.Location.Line, f.Rule)
				got[k] = true
				detail[k] = f.Message
			}
			var missing, extra []string
			for k := range want {
				if !got[k] {
					missing = append(missing, k)
				}
			}
			for k := range got {
				if !want[k] {
					extra = append(extra, k+"  "+detail[k])
				}
			}
			sort.Strings(missing)
			sort.Strings(extra)
			for _, m := range missing {
				t.Errorf("missing: %s", m)
			}
			for _, e := range extra {
				t.Errorf("unexpected: %s", e)
			}
			if len(want) == 0 {
				t.Errorf("%s has no want annotations", dir)
			}
		})
	}
	// Every built-in model row is proven by some fixture line: a finding
	// it causes, or a silent line it keeps silent. Checked only when every
	// project ran (not under -run for one of them).
	if ran == len(projects) && !t.Failed() {
		set, err := rules.Models()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range set.All() {
			if !used[r] {
				t.Errorf("%s:%d: no fixture exercises this %s row (%s)", "rules/models/"+r.Pos.File, r.Pos.Line, r.Kind, r.Sym)
			}
		}
	}
}

// TestEveryRuleHasAFixture: each analysis rule is expected somewhere in
// testdata (the tool diagnostics LK000/LK001 have golden tests in
// cmd/llmleak instead).
func TestEveryRuleHasAFixture(t *testing.T) {
	seen := map[string]bool{}
	for _, dir := range fixtureProjects(t) {
		for k := range expectations(t, dir) {
			seen[k[strings.LastIndex(k, " ")+1:]] = true
		}
	}
	for _, r := range rules.All() {
		if strings.HasPrefix(r.ID, "LK0") {
			continue
		}
		if !seen[r.ID] {
			t.Errorf("%s has no fixture with a want annotation", r.ID)
		}
	}
}
