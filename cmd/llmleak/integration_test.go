package main

import (
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer"
	"github.com/llmleak/llmleak/analyzer/config"
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/report/reporttest"
	"github.com/llmleak/llmleak/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it under
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	reporttest.Golden(t, filepath.Join(testdataDir(t), "golden", name), []byte(got), *update)
}

var testdataAbs string

func testdataDir(t *testing.T) string {
	t.Helper()
	if testdataAbs == "" {
		abs, err := filepath.Abs("testdata")
		if err != nil {
			t.Fatal(err)
		}
		testdataAbs = abs
	}
	return testdataAbs
}

// inCopyOf copies testdata/name to a temporary directory and runs the
// test from there; it returns the copy's path.
func inCopyOf(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join(testdataDir(t), name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	chdir(t, dst)
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	return dst
}

func chdir(t *testing.T, dir string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGoldenSuppressions: inline directives on the line, on any line of a
// multi-line statement, on the line above; noqa; the bare form; an
// unused one. Suppressed findings are counted in text, flagged in JSON.
func TestGoldenSuppressions(t *testing.T) {
	inCopyOf(t, "suppress")
	code, stdout, stderr := runCLI("scan", "--no-color")
	if code != exitFindings || stderr != "" {
		t.Errorf("text: exit %d, stderr %q", code, stderr)
	}
	golden(t, "suppress.txt", stdout)

	code, stdout, _ = runCLI("scan", "--format", "json")
	if code != exitFindings {
		t.Errorf("json: exit %d", code)
	}
	golden(t, "suppress.json", stdout)
	var doc struct {
		Findings []struct {
			Rule        string
			Line        int
			Suppressed  bool
			Suppression *struct{ Kind, Reason string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	suppressed := 0
	for _, f := range doc.Findings {
		if f.Suppressed {
			suppressed++
			if f.Suppression == nil || f.Suppression.Kind != "inSource" {
				t.Errorf("%s:%d suppressed without an inSource suppression", f.Rule, f.Line)
			}
		}
	}
	if suppressed != 4 {
		t.Errorf("%d suppressed findings in JSON, want 4 (same line, multi-line, line above, noqa... and the bare one)", suppressed)
	}

	// Strict: the bare directive is reported and the suppression
	// diagnostics fail the run on their own.
	code, stdout, _ = runCLI("scan", "--no-color", "--quiet", "--strict-suppressions", "--ignore", "LK101")
	if code != exitFindings {
		t.Errorf("strict, LK101 ignored: exit %d, want %d from the suppression diagnostics", code, exitFindings)
	}
	golden(t, "suppress_strict.txt", stdout)
	if code, _, _ := runCLI("scan", "--quiet", "--ignore", "LK101"); code != exitClean {
		t.Errorf("not strict, LK101 ignored: exit %d, want %d (an unused suppression is a note that does not fail the run)", code, exitClean)
	}
}

// TestGoldenBaseline: write a baseline, move every line, scan with it;
// then fix one finding and add another.
func TestGoldenBaseline(t *testing.T) {
	dir := inCopyOf(t, "suppress")
	code, _, stderr := runCLI("scan", "--write-baseline", "llmleak-baseline.json")
	if code != exitClean || !strings.Contains(stderr, "recorded 1 finding in the baseline llmleak-baseline.json") {
		t.Errorf("write: exit %d, stderr %q", code, stderr)
	}
	data, err := os.ReadFile("llmleak-baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "baseline.json", string(data))

	views := filepath.Join(dir, "app", "views.py")
	src, _ := os.ReadFile(views)
	moved := "# twelve new lines\n" + strings.Repeat("#\n", 11) + string(src)
	writeFile(t, views, moved)
	code, stdout, _ := runCLI("scan", "--no-color", "--baseline", "llmleak-baseline.json")
	if code != exitClean {
		t.Errorf("moved lines: exit %d, want %d\n%s", code, exitClean, stdout)
	}
	golden(t, "baseline_moved.txt", stdout)

	fixed := strings.Replace(moved, `"content": cn}])


def multi_line`, `"content": "hello"}])


def multi_line`, 1) + `

def new_leak(request):
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": request.META["SSL_CLIENT_S_DN"]}])
`
	writeFile(t, views, fixed)
	code, stdout, _ = runCLI("scan", "--no-color", "--quiet", "--baseline", "llmleak-baseline.json", "--format", "sarif:out.sarif,json")
	if code != exitFindings {
		t.Errorf("new leak: exit %d, want %d", code, exitFindings)
	}
	var doc struct {
		Findings []struct {
			Function   string
			Suppressed bool
		}
		Summary struct {
			Findings      int
			Baselined     int
			BaselineStale int `json:"baseline_stale"`
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Summary.Findings != 1 || doc.Summary.Baselined != 0 || doc.Summary.BaselineStale != 1 {
		t.Errorf("summary %+v, want 1 new finding, 0 baselined, 1 stale entry", doc.Summary)
	}
	code, stdout, _ = runCLI("scan", "--no-color", "--baseline", "llmleak-baseline.json")
	golden(t, "baseline_stale.txt", stdout)

	for _, c := range []struct{ content, want string }{
		{"", "llmleak-baseline.json: not a baseline file: the file is empty"},
		{"{\n\"tool\": \"llmleak\",\n\"entries\": 3}", "llmleak-baseline.json:3: not a baseline file: entries holds number"},
		{`{"tool": "llmleak", "baseline_version": 2, "fingerprint_version": "llmleak/v1", "entries": []}`, "llmleak-baseline.json: baseline_version 2 is not supported"},
	} {
		writeFile(t, "llmleak-baseline.json", c.content)
		if code, _, stderr := runCLI("scan", "--baseline", "llmleak-baseline.json"); code != exitError || !strings.Contains(stderr, c.want) {
			t.Errorf("bad baseline %q: exit %d, stderr %q", c.content, code, stderr)
		}
	}
	if code, _, stderr := runCLI("scan", "--baseline", "missing.json"); code != exitError || !strings.Contains(stderr, "missing.json: cannot read the baseline") {
		t.Errorf("missing baseline: exit %d, stderr %q", code, stderr)
	}
}

// TestGoldenConfigErrors: every mistake of a configuration file is an
// exit-2 error naming the file, the line and the key.
func TestGoldenConfigErrors(t *testing.T) {
	dir := inCopyOf(t, "badconfig")
	code, stdout, stderr := runCLI("scan")
	if code != exitError || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	golden(t, "config_errors.txt", stderr)
	if strings.Contains(stderr, dir) {
		t.Error("the error holds the absolute path of the configuration")
	}

	// Found upward from a subdirectory, named relative to it.
	chdir(t, filepath.Join(dir, "sub"))
	if code, _, stderr := runCLI("scan"); code != exitError || !strings.HasPrefix(stderr, "llmleak: "+filepath.Join(dir, ".llmleak.toml")+":3: ignroe: unknown key") {
		t.Errorf("from a subdirectory: exit %d, stderr %q", code, stderr)
	}

	chdir(t, dir)
	writeFile(t, "pyproject.toml", "[project]\nname = \"x\"\n\n[tool.llmleak]\nselect = \"LK1\"\n")
	if code, _, stderr := runCLI("scan", "--config", "pyproject.toml"); code != exitError || stderr != "llmleak: pyproject.toml:5: tool.llmleak.select: want an array of strings, got a string\n" {
		t.Errorf("--config pyproject.toml: exit %d, stderr %q", code, stderr)
	}
	writeFile(t, "other/pyproject.toml", "[tool.black]\n")
	if code, _, stderr := runCLI("scan", "--config", filepath.Join("other", "pyproject.toml")); code != exitError || !strings.Contains(stderr, "other/pyproject.toml: no [tool.llmleak] table") {
		t.Errorf("--config without the table: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI("scan", "--config", "nope.toml"); code != exitError || !strings.Contains(stderr, "nope.toml: cannot read the configuration: ") {
		t.Errorf("--config missing: exit %d, stderr %q", code, stderr)
	}
	writeFile(t, "broken.toml", "select = [\"LK1\"\n")
	if code, _, stderr := runCLI("scan", "--config", "broken.toml"); code != exitError || !strings.HasPrefix(stderr, "llmleak: broken.toml:1: invalid TOML: ") {
		t.Errorf("--config broken: exit %d, stderr %q", code, stderr)
	}
}

func TestConfigApplied(t *testing.T) {
	dir := inCopyOf(t, "suppress")
	rulesOf := func(args ...string) (int, []string) {
		t.Helper()
		code, stdout, stderr := runCLI(append([]string{"scan", "--format", "json"}, args...)...)
		var doc struct {
			Findings []struct{ Rule, Level string }
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("%v: %v (stderr %q)", args, err, stderr)
		}
		var out []string
		for _, f := range doc.Findings {
			out = append(out, f.Rule+":"+f.Level)
		}
		return code, out
	}

	writeFile(t, ".llmleak.toml", "ignore = [\"LK101\"]\n")
	if _, got := rulesOf(); strings.Contains(strings.Join(got, " "), "LK101") {
		t.Errorf("ignore from .llmleak.toml not applied: %v", got)
	}
	// --select replaces the file's select, but its ignore still holds.
	if _, got := rulesOf("--select", "LK101,LK201"); strings.Join(got, " ") != "LK201:warning" {
		t.Errorf("--select LK101,LK201 with the file ignoring LK101: %v", got)
	}

	writeFile(t, ".llmleak.toml", "severity-threshold = \"error\"\n[severity]\nLK101 = \"warning\"\n")
	code, got := rulesOf()
	if code != exitClean || !strings.Contains(strings.Join(got, " "), "LK101:warning") {
		t.Errorf("severity override and threshold: exit %d, %v", code, got)
	}
	if code, _ := rulesOf("--severity-threshold", "warning"); code != exitFindings {
		t.Errorf("--severity-threshold overrides the file: exit %d", code)
	}

	writeFile(t, ".llmleak.toml", "[per-file-ignores]\n\"app/*.py\" = [\"LK1\"]\n")
	if _, got := rulesOf(); strings.Contains(strings.Join(got, " "), "LK1") {
		t.Errorf("per-file-ignores not applied: %v", got)
	}

	// pyproject.toml in a parent directory is found from a subdirectory
	// (which is then the project root).
	os.Remove(".llmleak.toml")
	writeFile(t, "pyproject.toml", "[tool.llmleak]\nignore = [\"LK1\"]\n")
	chdir(t, filepath.Join(dir, "app"))
	if _, got := rulesOf(); len(got) != 1 || !strings.HasPrefix(got[0], "LK201") {
		t.Errorf("[tool.llmleak] from the parent: %v", got)
	}
	if code, stdout, stderr := runCLI("scan", "--config", filepath.Join(dir, "none.toml")); code != exitError || stdout != "" || !strings.Contains(stderr, "none.toml: cannot read the configuration") {
		t.Errorf("--config of a missing file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestApplyConfig(t *testing.T) {
	f, err := config.Parse(".llmleak.toml", []byte(`select = ["LK1"]
extend-select = ["LK109"]
ignore = ["LK107"]
exclude = ["legacy"]
include = ["app"]
[per-file-ignores]
"tests" = ["LK2"]
[severity]
LK202 = "warning"
[[sinks]]
name = "ai.send"
kind = "llm"
`))
	if err != nil {
		t.Fatal(err)
	}
	var o scanOptions
	fs := scanFlags(&o)
	if err := fs.Parse([]string{"--ignore", "LK108", "--exclude", "tmp", "--include", "src"}); err != nil {
		t.Fatal(err)
	}
	cfg := analyzerConfigFor(&o)
	applyConfig(&cfg, f, false, true)
	if strings.Join(cfg.Select, ",") != "LK1,LK109" || strings.Join(cfg.Ignore, ",") != "LK107,LK108" ||
		strings.Join(cfg.Exclude, ",") != "legacy,tmp" || strings.Join(cfg.Include, ",") != "src" ||
		len(cfg.PerFileIgnores) != 1 || cfg.PerFileIgnores[0].Glob != "tests" || cfg.Severity["LK202"] != finding.LevelWarning ||
		len(cfg.Catalog.Sinks) != 1 || cfg.Catalog.Sinks[0].Kind != rules.SinkLLM {
		t.Errorf("merged config %+v", cfg)
	}
	cfg = analyzerConfigFor(&o)
	cfg.Select = []string{"LK2"}
	applyConfig(&cfg, f, true, false)
	if strings.Join(cfg.Select, ",") != "LK2" || strings.Join(cfg.Include, ",") != "app" {
		t.Errorf("--select must replace the file's select and extend-select: %+v", cfg)
	}
}

func TestMultipleFormats(t *testing.T) {
	inCopyOf(t, "suppress")
	code, stdout, stderr := runCLI("scan", "--format", "sarif:out.sarif,json:out/report.json,github")
	if code != exitError || !strings.Contains(stderr, "cannot write out/report.json") {
		t.Errorf("missing directory: exit %d, stderr %q", code, stderr)
	}
	os.Mkdir("out", 0o755)
	code, stdout, stderr = runCLI("scan", "--format", "sarif:out.sarif,json:out/report.json,github")
	if code != exitFindings || !strings.HasPrefix(stdout, "::error file=app/views.py,line=12,") || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, p := range []string{"out.sarif", "out/report.json"} {
		data, err := os.ReadFile(p)
		if err != nil || !json.Valid(data) {
			t.Errorf("%s: %v", p, err)
		}
	}
	code, stdout, _ = runCLI("scan", "--format", "json", "--output", "only.json")
	if code != exitFindings || stdout != "" {
		t.Errorf("--output: exit %d, stdout %q", code, stdout)
	}
}

func TestParseFormats(t *testing.T) {
	for _, c := range []struct {
		value, output, want, err string
	}{
		{"text", "", "text>-", ""},
		{"sarif", "r.sarif", "sarif>r.sarif", ""},
		{"sarif:a.sarif,github", "", "sarif>a.sarif github>-", ""},
		{"sarif:a.sarif, json", "b.json", "sarif>a.sarif json>b.json", ""},
		{"text,github", "", "", "both go to standard output"},
		{"sarif:x,json:x", "", "", "both go to x"},
		{"sarif,json", "same", "", "both go to same"},
		{"xml", "", "", `invalid --format "xml"`},
		{"json:", "", "", "no file after the colon"},
		{"", "", "", `invalid --format ""`},
	} {
		specs, err := parseFormats(c.value, c.output)
		var got []string
		for _, s := range specs {
			p := s.path
			if p == "" {
				p = "-"
			}
			got = append(got, s.format+">"+p)
		}
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.value, err, c.err)
			}
		} else if err != nil || strings.Join(got, " ") != c.want {
			t.Errorf("%q, %q: %v %v, want %s", c.value, c.output, got, err, c.want)
		}
	}
}

func TestDiffFlag(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := inCopyOf(t, "suppress")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, args := range [][]string{
		{"init", "-q"}, {"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base"},
	} {
		if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	count := func() (int, int) {
		t.Helper()
		code, stdout, stderr := runCLI("scan", "--format", "json", "--diff", "HEAD")
		var doc struct{ Findings []any }
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("%v, stderr %q", err, stderr)
		}
		return code, len(doc.Findings)
	}
	if code, n := count(); code != exitClean || n != 0 {
		t.Errorf("nothing changed: exit %d, %d findings", code, n)
	}
	views := filepath.Join(dir, "app", "views.py")
	src, _ := os.ReadFile(views)
	writeFile(t, views, strings.Replace(string(src), "def whoami(request):\n    cn = request.META[\"SSL_CLIENT_S_DN_CN\"]",
		"def whoami(request):\n    cn = request.META[\"SSL_CLIENT_S_DN\"]", 1))
	if code, n := count(); code != exitFindings || n != 1 {
		t.Errorf("whoami's source changed: exit %d, %d findings, want 1", code, n)
	}
	if code, _, stderr := runCLI("scan", "--diff", "no-such-ref"); code != exitError || !strings.Contains(stderr, `--diff no-such-ref: unknown revision "no-such-ref"`) {
		t.Errorf("bad base: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI("scan", "--diff", "HEAD", "--write-baseline", "b.json"); code != exitError || !strings.Contains(stderr, "cannot be combined with --diff") {
		t.Errorf("--diff with --write-baseline: exit %d, stderr %q", code, stderr)
	}
}

// analyzerConfigFor maps parsed flags the way scan does before applying
// the configuration file.
func analyzerConfigFor(o *scanOptions) analyzer.Config {
	return analyzer.Config{Select: o.selectors, Ignore: o.ignore, Exclude: o.exclude, Include: o.include}
}

// TestConfigCatalog: a sink declared in the configuration reaches the
// engine, and only through the configuration.
func TestConfigCatalog(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	writeFile(t, filepath.Join(dir, "ai", "__init__.py"), "")
	writeFile(t, filepath.Join(dir, "ai", "gateway.py"), "def send(prompt, tag=None):\n    return prompt\n")
	writeFile(t, filepath.Join(dir, "app", "__init__.py"), "")
	writeFile(t, filepath.Join(dir, "app", "views.py"), "from ai.gateway import send\n\n\ndef v(request):\n    return send(request.META[\"SSL_CLIENT_S_DN_CN\"])\n")
	if code, stdout, _ := runCLI("scan", "--quiet", "--no-color"); code != exitClean || stdout != "" {
		t.Fatalf("without configuration: exit %d, %q", code, stdout)
	}
	writeFile(t, filepath.Join(dir, "pyproject.toml"), "[tool.llmleak]\n\n[[tool.llmleak.sinks]]\nname = \"ai.gateway.send\"\nkind = \"llm\"\nargs = [0]\n")
	code, stdout, _ := runCLI("scan", "--quiet", "--no-color")
	if code != exitFindings || !strings.HasPrefix(stdout, "app/views.py:5:12: LK101 ") {
		t.Errorf("with [[tool.llmleak.sinks]]: exit %d, %q", code, stdout)
	}
}
