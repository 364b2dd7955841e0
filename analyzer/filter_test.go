package analyzer

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer/baseline"
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/gitdiff"
	"github.com/llmleak/llmleak/internal/testtree"
)

// suppressProject is a small project exercising every suppression form.
// Each leaking function sends the client-certificate CN to OpenAI.
const suppressViews = `import logging
from openai import OpenAI

client = OpenAI()
log = logging.getLogger(__name__)


def whoami(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": cn}])


def multi(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return client.chat.completions.create(
        model="m",
        messages=[{"role": "user", "content": cn}],  # llmleak: ignore[LK101] reviewed
    )


def above(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    # llmleak: ignore[LK1] partner name is public
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": cn}])


def noqa(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": cn}])  # noqa: LK101, E501


def bare(request):
    log.info("%s", request.data)  # llmleak: ignore


def stale(request):
    x = 1  # llmleak: ignore[LK102] left over


def other_tool(request):
    y = 2  # noqa: E501


def unknown(request):
    z = 3  # llmleak: ignore[LK999]


def deselected(request):
    w = 4  # llmleak: ignore[LK109]


def partly(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": cn}])  # llmleak: ignore[LK101, LK104]
`

// lineOf returns the 1-based line of the first line of src holding s.
func lineOf(t *testing.T, src, s string) int {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%q not in source", s)
	return 0
}

func summarize(fs []*finding.Finding) []string {
	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%s:%d %s %s", f.Location.Path, f.Location.Line, f.Rule, f.Level)
		if f.Suppressed {
			s += " suppressed:" + f.SuppressionKind
		}
		out = append(out, s)
	}
	return out
}

func runProject(t *testing.T, cfg Config) *Result {
	t.Helper()
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestSuppressions(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{"app/views.py": suppressViews})
	res := runProject(t, Config{Root: dir})
	l := func(s string) int { return lineOf(t, suppressViews, s) }
	cur := l(`def multi`)
	want := []string{
		fmt.Sprintf("app/views.py:%d LK101 error", l(`def whoami`)+2),
		fmt.Sprintf("app/views.py:%d LK101 error suppressed:inSource", cur+2),
		fmt.Sprintf("app/views.py:%d LK101 error suppressed:inSource", l(`def above`)+3),
		fmt.Sprintf("app/views.py:%d LK101 error suppressed:inSource", l(`def noqa`)+2),
		fmt.Sprintf("app/views.py:%d LK201 warning suppressed:inSource", l(`def bare`)+1),
		fmt.Sprintf("app/views.py:%d LK101 error suppressed:inSource", l(`def partly`)+2),
	}
	sort.Strings(want)
	got := summarize(res.Findings)
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range res.Findings {
		if f.Location.Line == cur+2 && f.SuppressionReason != "reviewed" {
			t.Errorf("reason %q, want %q", f.SuppressionReason, "reviewed")
		}
		if strings.HasPrefix(f.Rule, "LK0") {
			t.Errorf("suppression diagnostic among the findings: %v", f)
		}
	}

	diag := func(res *Result) string {
		var out []string
		for _, d := range res.SuppressionDiagnostics {
			out = append(out, fmt.Sprintf("%d %s %s: %s", d.Location.Line, d.Rule, d.Level, d.Message))
		}
		return strings.Join(out, "\n")
	}
	wantDiag := strings.Join([]string{
		fmt.Sprintf("%d LK000 note: unused suppression: no LK102 finding on this statement", l(`def stale`)+1),
		fmt.Sprintf("%d LK000 note: suppression names no llmleak rule: LK999 (see 'llmleak rules')", l(`def unknown`)+1),
		fmt.Sprintf("%d LK000 note: unused suppression: no LK104 finding on this statement", l(`def partly`)+2),
	}, "\n")
	if got := diag(res); got != wantDiag {
		t.Errorf("suppression diagnostics:\n%s\nwant:\n%s", got, wantDiag)
	}

	// Strict: the bare directive is reported too, as a warning.
	res = runProject(t, Config{Root: dir, StrictSuppressions: true})
	if got := diag(res); !strings.Contains(got, fmt.Sprintf("%d LK001 warning: bare `# llmleak: ignore`", l(`def bare`)+1)) {
		t.Errorf("strict: no LK001 for the bare directive:\n%s", got)
	}

	// Selecting LK109 makes its directive checkable: unused now.
	res = runProject(t, Config{Root: dir, Select: []string{"LK1", "LK2", "LK109"}})
	if got := diag(res); !strings.Contains(got, fmt.Sprintf("%d LK000 note: unused suppression: no LK109 finding", l(`def deselected`)+1)) {
		t.Errorf("selected LK109: its unused directive is not reported:\n%s", got)
	}

	// Reporting restricted to another file: no diagnostics from this one.
	testtree.Write(t, dir, map[string]string{"app/other.py": "x = 1  # llmleak: ignore[LK101]\n"})
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	res = runProject(t, Config{Root: dir, Paths: []string{"app/other.py"}})
	if got := diag(res); got != "1 LK000 note: unused suppression: no LK101 finding on this statement" || len(res.Findings) != 0 {
		t.Errorf("restricted to app/other.py: findings %v, diagnostics:\n%s", summarize(res.Findings), got)
	}
}

func TestSeverityAndPerFileIgnores(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{"app/views.py": suppressViews, "tests/test_views.py": suppressViews})
	res := runProject(t, Config{Root: dir, IncludeTests: true,
		Severity:       map[string]finding.Level{"LK1": finding.LevelNote, "LK101": finding.LevelWarning},
		PerFileIgnores: []FileIgnore{{Glob: "tests", Rules: []string{"LK1"}}},
	})
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Location.Path, "tests/") && strings.HasPrefix(f.Rule, "LK1") {
			t.Errorf("per-file ignore missed %s:%d %s", f.Location.Path, f.Location.Line, f.Rule)
		}
		if f.Rule == "LK101" && f.Level != finding.LevelWarning {
			t.Errorf("LK101 level %s, want warning (the longest key wins)", f.Level)
		}
	}
	n := 0
	for _, f := range res.Findings {
		if f.Location.Path == "tests/test_views.py" && f.Rule == "LK201" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("LK201 in tests should stay (only LK1 is ignored there): %v", summarize(res.Findings))
	}
	// A directive for a rule ignored in its file is not called unused,
	// and the file's other directives are still checked.
	var inTests []string
	for _, d := range res.SuppressionDiagnostics {
		if d.Location.Path == "tests/test_views.py" {
			inTests = append(inTests, d.Message)
		}
	}
	if len(inTests) != 1 || !strings.Contains(inTests[0], "LK999") {
		t.Errorf("diagnostics in tests/: %q, want only the unknown LK999", inTests)
	}
}

// Test code is neither analyzed nor reported unless asked for.
func TestTestCodeSkipped(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"app/views.py":             suppressViews,
		"app/tests/test_views.py":  suppressViews,
		"app/test/helpers.py":      suppressViews,
		"app/tests.py":             suppressViews,
		"app/test_api.py":          suppressViews,
		"app/api_test.py":          suppressViews,
		"conftest.py":              suppressViews,
		"app/testing_utilities.py": suppressViews,
	})
	files := func(res *Result) string {
		seen := map[string]bool{}
		for _, f := range res.Findings {
			seen[f.Location.Path] = true
		}
		var out []string
		for p := range seen {
			out = append(out, p)
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	if got := files(runProject(t, Config{Root: dir})); got != "app/testing_utilities.py app/views.py" {
		t.Errorf("default: findings in %s, want only non-test files", got)
	}
	got := files(runProject(t, Config{Root: dir, IncludeTests: true}))
	if want := "app/api_test.py app/test/helpers.py app/test_api.py app/testing_utilities.py app/tests.py app/tests/test_views.py app/views.py conftest.py"; got != want {
		t.Errorf("IncludeTests: findings in %s, want %s", got, want)
	}
}

func TestMatchFileGlob(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		want       bool
	}{
		{"tests", "app/tests/test_a.py", true},
		{"tests/", "tests/a.py", true},
		{"tests/**", "tests/sub/a.py", true},
		{"tests/**", "app/tests/a.py", false},
		{"*_test.py", "app/x_test.py", true},
		{"app/*.py", "app/views.py", true},
		{"app/*.py", "app/sub/views.py", false},
		{"./app/views.py", "app/views.py", true},
		{"views.py", "app/views.py", true},
		{"other.py", "app/views.py", false},
	} {
		if got := matchFileGlob(c.glob, c.path); got != c.want {
			t.Errorf("matchFileGlob(%q, %q) = %v", c.glob, c.path, got)
		}
	}
}

func TestBaselineSurvivesMovedLines(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{"app/views.py": suppressViews})
	first := runProject(t, Config{Root: dir})
	b, err := baseline.Parse("b.json", baseline.New(first.Findings).Marshal())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 1 {
		t.Fatalf("baseline holds %d entries, want the one unsuppressed finding", len(b.Entries))
	}

	// Ten lines added at the top move every finding down.
	moved := "# a new header\n" + strings.Repeat("\n", 9) + suppressViews
	testtree.Write(t, dir, map[string]string{"app/views.py": moved})
	res := runProject(t, Config{Root: dir, Baseline: b})
	unsuppressed := 0
	for _, f := range res.Findings {
		if !f.Suppressed {
			unsuppressed++
		}
		if f.Location.Line == lineOf(t, moved, "def whoami")+2 && (!f.Suppressed || f.SuppressionKind != "external") {
			t.Errorf("moved finding not baselined: %+v", f)
		}
	}
	if unsuppressed != 0 || res.BaselineStale != 0 {
		t.Errorf("unsuppressed %d, stale %d; want 0, 0", unsuppressed, res.BaselineStale)
	}

	// A new leak is reported; the fixed one leaves a stale entry.
	fixed := strings.Replace(moved, `"content": cn}])


def multi`, `"content": "hi"}])


def multi`, 1) + `

def new_leak(request):
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": request.META["SSL_CLIENT_S_DN"]}])
`
	testtree.Write(t, dir, map[string]string{"app/views.py": fixed})
	res = runProject(t, Config{Root: dir, Baseline: b})
	var open []string
	for _, f := range res.Findings {
		if !f.Suppressed {
			open = append(open, f.Function)
		}
	}
	if len(open) != 1 || !strings.HasSuffix(open[0], "new_leak") || res.BaselineStale != 1 {
		t.Errorf("open findings %v, stale %d; want [new_leak], 1", open, res.BaselineStale)
	}
}

func TestDiffMode(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	helper := "from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef ask(prompt):\n    return client.responses.create(model=\"m\", input=prompt)\n"
	views := `from .llm import ask


def one(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return ask(cn)


def two(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return ask(cn)
`
	testtree.Write(t, dir, map[string]string{"app/__init__.py": "", "app/llm.py": helper, "app/views.py": views})
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "base")

	all := runProject(t, Config{Root: dir})
	if len(all.Findings) != 2 {
		t.Fatalf("want two findings before the change: %v", summarize(all.Findings))
	}

	diffed := func() []string {
		t.Helper()
		ch, err := gitdiff.Compute(context.Background(), dir, "HEAD")
		if err != nil {
			t.Fatal(err)
		}
		var fns []string
		for _, f := range runProject(t, Config{Root: dir, Changed: ch}).Findings {
			fns = append(fns, f.Function)
		}
		return fns
	}
	if got := diffed(); len(got) != 0 {
		t.Errorf("no change: findings %v", got)
	}

	// The source line of two() changes: only two() is reported.
	testtree.Write(t, dir, map[string]string{"app/views.py": strings.Replace(views, "def two(request):\n    cn = request.META[\"SSL_CLIENT_S_DN_CN\"]", "def two(request):\n    cn = request.META[\"SSL_CLIENT_S_DN\"]", 1)})
	if got := diffed(); len(got) != 1 || !strings.HasSuffix(got[0], ".two") {
		t.Errorf("source line of two() changed: findings %v", got)
	}

	// The wrapper's sink line changes: a flow step of both findings.
	testtree.Write(t, dir, map[string]string{"app/views.py": views, "app/llm.py": strings.Replace(helper, `model="m"`, `model="m2"`, 1)})
	if got := diffed(); len(got) != 2 {
		t.Errorf("sink line in the wrapper changed: findings %v, want both", got)
	}
}
