package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/suppression"
	"github.com/llmleak/llmleak/internal/testtree"
	"github.com/llmleak/llmleak/rules"
)

// runCLI runs the command line and returns its exit code and output.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string // in stderr
	}{
		{nil, "Usage:"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"scan", "--frobnicate"}, "unknown flag: --frobnicate"},
		{[]string{"scan", "--format", "xml"}, `invalid --format "xml"`},
		{[]string{"scan", "--format=sarif2"}, `invalid --format "sarif2"`},
		{[]string{"scan", "--select", "LK101,LK9"}, `invalid --select value "LK9"`},
		{[]string{"scan", "--select", "LK1", "--select", "XX"}, `invalid --select value "XX"`},
		{[]string{"scan", "--ignore", "L"}, `invalid --ignore value "L"`},
		{[]string{"scan", "--severity-threshold", "fatal"}, `invalid --severity-threshold "fatal"`},
		{[]string{"scan", "--jobs", "-1"}, "invalid --jobs -1"},
		{[]string{"scan", "--jobs", "many"}, `"--jobs" flag: not a number`},
		{[]string{"scan", "--format", "sarif:x.sarif", "--output", "y.txt"}, "--output y.txt is not used"},
		{[]string{"scan", "--exclude", "["}, `--exclude: invalid glob "["`},
		{[]string{"scan", "--root", "no/such/dir"}, "--root no/such/dir"},
		{[]string{"scan", "--include", "a/[b"}, `--include: invalid glob "a/[b"`},
		{[]string{"rules", "extra"}, "takes no arguments"},
		{[]string{"explain"}, "takes one rule ID"},
		{[]string{"explain", "LK101", "LK102"}, "takes one rule ID"},
		{[]string{"explain", "LK999"}, `unknown rule "LK999"`},
		{[]string{"version", "x"}, "takes no arguments"},
		{[]string{"help", "frobnicate"}, `no help for "frobnicate"`},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(c.args...)
		if code != exitError {
			t.Errorf("%q: exit %d, want %d", c.args, code, exitError)
		}
		if !strings.Contains(stderr, c.want) {
			t.Errorf("%q: stderr %q lacks %q", c.args, stderr, c.want)
		}
		if stdout != "" {
			t.Errorf("%q: wrote to stdout: %q", c.args, stdout)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		code, stdout, _ := runCLI(args...)
		if code != exitClean || !strings.Contains(stdout, "llmleak scan [flags] [PATH ...]") {
			t.Errorf("%q: exit %d, stdout %q", args, code, stdout)
		}
	}
	for _, args := range [][]string{{"help", "scan"}, {"scan", "-h"}, {"scan", "--help"}} {
		code, stdout, _ := runCLI(args...)
		if code != exitClean {
			t.Errorf("%q: exit %d", args, code)
		}
		for _, flag := range []string{"--format", "--output", "--exclude", "--include", "--select", "--ignore", "--severity-threshold", "--jobs", "--no-color", "--quiet"} {
			if !strings.Contains(stdout, flag) {
				t.Errorf("%q: usage lacks %s", args, flag)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI("version")
	if code != exitClean || stdout != "llmleak "+version+"\n" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

func TestRules(t *testing.T) {
	code, stdout, _ := runCLI("rules")
	if code != exitClean {
		t.Fatalf("exit %d", code)
	}
	table, checks, ok := strings.Cut(stdout, "\n\n")
	if !ok {
		t.Fatalf("no blank line before the suppression checks:\n%s", stdout)
	}
	for _, c := range suppression.All() {
		if !strings.Contains(checks, c.ID+"  "+c.Level.String()) || !strings.Contains(checks, c.Title) {
			t.Errorf("suppression check %s not listed:\n%s", c.ID, checks)
		}
	}
	lines := strings.Split(table, "\n")
	if len(lines) != len(rules.All())+1 {
		t.Fatalf("%d lines, want a header and one per rule:\n%s", len(lines), stdout)
	}
	for _, want := range []string{"ID", "LEVEL", "DEFAULT", "CWE", "OWASP", "TITLE"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("header %q lacks %s", lines[0], want)
		}
	}
	for i, r := range rules.All() {
		l := lines[i+1]
		onOff := " on "
		if !r.DefaultOn {
			onOff = " off "
		}
		if !strings.HasPrefix(l, r.ID+" ") || !strings.Contains(l, r.Title) || !strings.Contains(l, r.Level.String()) || !strings.Contains(l, onOff) {
			t.Errorf("row %q does not describe %s", l, r.ID)
		}
	}
}

func TestExplain(t *testing.T) {
	for _, id := range []string{"LK101", "lk105"} {
		code, stdout, _ := runCLI("explain", id)
		r := rules.ByID(id)
		if code != exitClean {
			t.Fatalf("%s: exit %d", id, code)
		}
		for _, want := range []string{r.ID, r.Title, r.Level.String(), "CWE-", "OWASP", "What it finds", "Why it matters", "How to fix",
			firstLine(r.Doc.Bad), firstLine(r.Doc.Good)} {
			if !strings.Contains(stdout, want) {
				t.Errorf("explain %s lacks %q", id, want)
			}
		}
	}
}

func TestExplainSuppressionChecks(t *testing.T) {
	for _, id := range []string{"LK000", "lk001"} {
		code, stdout, _ := runCLI("explain", id)
		c := suppression.ByID(id)
		if code != exitClean || !strings.HasPrefix(stdout, c.ID+": "+c.Title) || !strings.Contains(stdout, c.Example) {
			t.Errorf("explain %s: exit %d\n%s", id, code, stdout)
		}
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

func TestExitCode(t *testing.T) {
	fs := []*finding.Finding{
		{Rule: "LK202", Level: finding.LevelNote},
		{Rule: "LK104", Level: finding.LevelWarning},
		{Rule: "LK101", Level: finding.LevelError, Suppressed: true},
	}
	for th, want := range map[finding.Level]int{finding.LevelNote: exitFindings, finding.LevelWarning: exitFindings, finding.LevelError: exitClean} {
		if got := exitCode(fs, th); got != want {
			t.Errorf("threshold %s: exit %d, want %d", th, got, want)
		}
	}
	if got := exitCode(nil, finding.LevelNote); got != exitClean {
		t.Errorf("no findings: exit %d", got)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.sarif")
	if err := os.WriteFile(path, []byte("old, longer content"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("read %q, %v", got, err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := writeFileAtomic(filepath.Join(dir, "missing", "r.json"), nil); err == nil {
		t.Error("no error for a missing directory")
	}
	if err := writeFileAtomic(dir, nil); err == nil {
		t.Error("no error for a directory")
	}
}

// inEmptyProject runs the test in a temporary project holding one Python
// file without sources or sinks.
func inEmptyProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.py"), []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
	return dir
}

func TestScanCleanProject(t *testing.T) {
	dir := inEmptyProject(t)
	t.Setenv("GITHUB_STEP_SUMMARY", "")

	code, stdout, stderr := runCLI("scan", "--format", "json")
	if code != exitClean {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc struct {
		Tool     string
		Findings []any
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || doc.Tool != "llmleak" || len(doc.Findings) != 0 {
		t.Errorf("json report %q: %v", stdout, err)
	}

	code, stdout, _ = runCLI("scan", "--no-color")
	if code != exitClean || !strings.HasPrefix(stdout, "No findings in ") || strings.Contains(stdout, "\x1b") {
		t.Errorf("text: exit %d, stdout %q", code, stdout)
	}

	out := filepath.Join(dir, "out.sarif")
	code, stdout, stderr = runCLI("scan", "--format=sarif", "-o", out, ".")
	if code != exitClean || stdout != "" {
		t.Errorf("sarif to file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if data, err := os.ReadFile(out); err != nil || !bytes.Contains(data, []byte(`"version": "2.1.0"`)) {
		t.Errorf("sarif file: %v\n%s", err, data)
	}

	code, _, stderr = runCLI("scan", "-o", filepath.Join(dir, "no", "such", "dir", "r.txt"))
	if code != exitError || !strings.Contains(stderr, filepath.Join("no", "such", "dir", "r.txt")) {
		t.Errorf("unwritable output: exit %d, stderr %q", code, stderr)
	}

	summary := filepath.Join(dir, "summary.md")
	if err := os.WriteFile(summary, []byte("# earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, stdout, _ = runCLI("scan", "--format", "github")
	if code != exitClean || stdout != "" {
		t.Errorf("github: exit %d, stdout %q", code, stdout)
	}
	if data, _ := os.ReadFile(summary); !strings.HasPrefix(string(data), "# earlier step\n## llmleak\n") {
		t.Errorf("job summary not appended: %q", data)
	}
}

// TestScanThreshold runs the engine over the demo project, which has
// findings of every level, and checks what fails the run.
func TestScanThreshold(t *testing.T) {
	demo := demoDir(t)
	wd, _ := os.Getwd()
	if err := os.Chdir(demo); err != nil {
		t.Skipf("no demo project: %v", err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
	t.Setenv("GITHUB_STEP_SUMMARY", "")

	if code, stdout, stderr := runCLI("scan", "--no-color"); code != exitFindings || !strings.Contains(stdout, "Found ") {
		t.Errorf("default: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// LK202 is a note: it is reported but fails the run only at the
	// default threshold.
	code, stdout, _ := runCLI("scan", "--select", "LK202", "--severity-threshold", "warning", "--format", "json")
	var doc struct {
		Findings []struct{ Rule, Level string }
		Summary  struct{ Rules []string }
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if code != exitClean || len(doc.Findings) == 0 || strings.Join(doc.Summary.Rules, ",") != "LK202" {
		t.Errorf("--select LK202 at warning: exit %d, %+v", code, doc)
	}
	for _, f := range doc.Findings {
		if f.Rule != "LK202" || f.Level != "note" {
			t.Errorf("unselected finding %+v", f)
		}
	}
	if code, _, _ := runCLI("scan", "--select", "LK202", "--format", "json"); code != exitFindings {
		t.Errorf("--select LK202 at note: exit %d, want %d", code, exitFindings)
	}
}

// TestScanPathsIndependentOfCwd: a project scanned by its absolute path
// from elsewhere reports the same paths and fingerprints as scanned from
// its own root.
func TestScanPathsIndependentOfCwd(t *testing.T) {
	proj := t.TempDir()
	testtree.Write(t, proj, map[string]string{
		"manage.py":    "",
		"app/views.py": logsBody,
	})
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
	scanFrom := func(dir string, args ...string) string {
		t.Helper()
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		_, stdout, stderr := runCLI(append([]string{"scan", "--format", "json"}, args...)...)
		var doc struct {
			Findings []struct{ Path, Fingerprint string }
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil || len(doc.Findings) != 1 {
			t.Fatalf("from %s: %v, stderr %q, report %s", dir, err, stderr, stdout)
		}
		return doc.Findings[0].Path + " " + doc.Findings[0].Fingerprint
	}
	inside := scanFrom(proj, ".")
	if !strings.HasPrefix(inside, "app/views.py ") {
		t.Errorf("from the project: %s", inside)
	}
	// --root overrides the root found: paths are relative to it.
	if got := scanFrom(t.TempDir(), "--root", filepath.Join(proj, "app"), filepath.Join(proj, "app")); !strings.HasPrefix(got, "views.py ") {
		t.Errorf("--root app: %s, want paths relative to app", got)
	}
	for _, args := range [][]string{{proj}, {filepath.Join(proj, "app")}, {filepath.Join(proj, "app", "views.py")}} {
		if got := scanFrom(t.TempDir(), args...); got != inside {
			t.Errorf("scan %s from elsewhere: %s, want %s", args[0], got, inside)
		}
	}
}

// TestUnwritableOutputBeforeAnalysis: a report that cannot be written is
// an error before anything is analyzed (no diagnostics of the scan).
func TestUnwritableOutputBeforeAnalysis(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no", "such", "dir", "out.json")
	code, stdout, stderr := runCLI("scan", "--format", "json", "-o", missing, "testdata/nonexistent-project")
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(stderr, "cannot write "+missing) || strings.Contains(stderr, "no Python files") {
		t.Errorf("stderr %q: want the unwritable output named, before any scan diagnostic", stderr)
	}
	if stdout != "" {
		t.Errorf("wrote to stdout: %q", stdout)
	}
}

func TestExplainByName(t *testing.T) {
	r := rules.ByID("LK401")
	code, stdout, _ := runCLI("explain", r.Slug)
	if code != exitClean || !strings.Contains(stdout, "LK401") {
		t.Errorf("explain %s: exit %d, output %q", r.Slug, code, firstLine(stdout))
	}
}

// TestScanRuffFlags: --exit-zero, --statistics and --output-format, as
// ruff users type them.
func TestScanRuffFlags(t *testing.T) {
	demo := demoDir(t)
	code, stdout, stderr := runCLI("scan", "--exit-zero", "--statistics", "--output-format", "json", demo)
	if code != exitClean {
		t.Errorf("--exit-zero: exit %d, want %d", code, exitClean)
	}
	var doc struct {
		Findings []struct{ Rule string } `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || len(doc.Findings) == 0 {
		t.Fatalf("--output-format json: %v, %d findings", err, len(doc.Findings))
	}
	count := map[string]int{}
	for _, f := range doc.Findings {
		count[f.Rule]++
	}
	for rule, n := range count {
		if !strings.Contains(stderr, fmt.Sprintf("%5d  %s  ", n, rule)) {
			t.Errorf("--statistics: stderr %q lacks %d findings of %s", stderr, n, rule)
		}
	}
	// Without --exit-zero the same findings fail the run.
	if code, _, _ := runCLI("scan", "--quiet", demo); code != exitFindings {
		t.Errorf("without --exit-zero: exit %d, want %d", code, exitFindings)
	}
}

// TestRulesAndExplainJSON: rules and explain print JSON for tools.
func TestRulesAndExplainJSON(t *testing.T) {
	code, stdout, _ := runCLI("rules", "--format", "json")
	var all []struct {
		ID, Name, Level string
		What            string `json:"what"`
	}
	if err := json.Unmarshal([]byte(stdout), &all); err != nil || code != exitClean {
		t.Fatalf("rules --format json: exit %d, %v", code, err)
	}
	if len(all) != len(rules.All()) || all[0].ID != rules.All()[0].ID || all[0].What == "" {
		t.Errorf("rules --format json: %d rules, first %+v", len(all), all[0])
	}
	code, stdout, _ = runCLI("explain", "--format=json", "unverified-forwarded-client-cert")
	var one struct{ ID, Fix string }
	if err := json.Unmarshal([]byte(stdout), &one); err != nil || code != exitClean || one.ID != "LK401" || one.Fix == "" {
		t.Errorf("explain --format=json by name: exit %d, %v, %+v", code, err, one)
	}
	if code, _, stderr := runCLI("rules", "--format", "xml"); code != exitError || !strings.Contains(stderr, `invalid --format "xml"`) {
		t.Errorf("rules --format xml: exit %d, stderr %q", code, stderr)
	}
}

// TestNoKeyPrintedWhole: a provider key is printed by its prefix only in
// every format, wherever it stands: an f-string, a log format string, a
// comment on the excerpt line, a suppression comment's reason.
func TestNoKeyPrintedWhole(t *testing.T) {
	key := "sk-proj-Q7vN2mLp9XcR4tYb8WzK1sDf6GhJ3aEu"
	proj := t.TempDir()
	src := "import logging\n\nfrom openai import OpenAI\n\nlog = logging.getLogger(__name__)\nclient = OpenAI()\n\n\n" +
		"def ask(request):\n" +
		"    client.chat.completions.create(model=\"m\", messages=[{\"role\": \"user\", \"content\": f\"key {'" + key + "'} {request.POST}\"}])  # old: " + key + "\n" +
		"    log.info(\"Authorization: Bearer " + key + " %s\", request.COOKIES)\n" +
		"    log.info(\"%s\", request.body)  # llmleak: ignore[LK201] reviewed, key " + key + " rotated\n"
	testtree.Write(t, proj, map[string]string{"manage.py": "", "app/views.py": src})
	for _, format := range []string{"text", "json", "sarif", "github"} {
		code, stdout, stderr := runCLI("scan", "--format", format, "--select", "ALL", proj)
		if code != exitFindings {
			t.Fatalf("%s: exit %d, stderr %q", format, code, stderr)
		}
		if strings.Contains(stdout, key[8:]) || strings.Contains(stderr, key[8:]) {
			t.Errorf("%s: the key is printed whole", format)
		}
		if !strings.Contains(stdout, key[:6]+"…") {
			t.Errorf("%s: no redacted key prefix in the report", format)
		}
	}
}

// TestRespectGitignore: what .gitignore ignores is not scanned, unless
// --no-respect-gitignore or respect-gitignore = false says otherwise.
func TestRespectGitignore(t *testing.T) {
	proj := t.TempDir()
	testtree.Write(t, proj, map[string]string{
		"manage.py":          "",
		".gitignore":         "generated/\n",
		"generated/views.py": logsBody,
	})
	count := func(args ...string) int {
		t.Helper()
		_, stdout, stderr := runCLI(append([]string{"scan", "--format", "json"}, args...)...)
		var doc struct{ Findings []struct{ Rule string } }
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("%v: %v, stderr %q", args, err, stderr)
		}
		return len(doc.Findings)
	}
	if n := count(proj); n != 0 {
		t.Errorf("ignored directory scanned: %d findings", n)
	}
	if n := count("--no-respect-gitignore", proj); n != 1 {
		t.Errorf("--no-respect-gitignore: %d findings, want 1", n)
	}
	if err := os.WriteFile(filepath.Join(proj, ".llmleak.toml"), []byte("respect-gitignore = false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := count(proj); n != 1 {
		t.Errorf("respect-gitignore = false: %d findings, want 1", n)
	}
}

// TestShowSource: --no-show-source leaves the excerpt out, keeps the flow
// and the summary; --quiet keeps only first lines.
func TestShowSource(t *testing.T) {
	demo := demoDir(t)
	_, full, _ := runCLI("scan", "--no-color", demo)
	_, noSource, _ := runCLI("scan", "--no-color", "--no-show-source", demo)
	_, quiet, _ := runCLI("scan", "--no-color", "--quiet", demo)
	if !strings.Contains(full, " | ") {
		t.Fatal("default output has no excerpt")
	}
	if strings.Contains(noSource, " | ") || !strings.Contains(noSource, "= flow") || !strings.Contains(noSource, "Found ") {
		t.Errorf("--no-show-source: want flows and summary without excerpts:\n%s", noSource)
	}
	if strings.Contains(quiet, "= flow") || strings.Contains(quiet, "Found ") {
		t.Errorf("--quiet: want first lines only:\n%s", quiet)
	}
}

// TestVerbose: --verbose says on stderr what was analyzed and each
// phase's time; the report is unchanged.
func TestVerbose(t *testing.T) {
	demo := demoDir(t)
	_, plain, _ := runCLI("scan", "--format", "json", demo)
	_, verbose, stderr := runCLI("scan", "--format", "json", "--verbose", demo)
	for _, want := range []string{"files,", "lines;", "fixpoint rounds", "read and parse", "analyze"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("--verbose stderr lacks %q:\n%s", want, stderr)
		}
	}
	if plain != verbose {
		t.Error("--verbose changed the report")
	}
}

// TestConfigGlobsRelativeToConfigFile: a configuration above the project
// root (a monorepo's pyproject.toml) writes its globs from its own
// directory; they apply to the files below the root as written.
func TestConfigGlobsRelativeToConfigFile(t *testing.T) {
	repo := t.TempDir()
	testtree.Write(t, repo, map[string]string{
		"pyproject.toml":             "[tool.llmleak]\nexclude = [\"backend/app/legacy/**\", \"frontend/**\", \"*_gen.py\"]\n",
		"backend/manage.py":          "",
		"backend/app/views.py":       logsBody,
		"backend/app/legacy/old.py":  logsBody,
		"backend/app/schema_gen.py":  logsBody,
		"backend/frontend/not_it.py": logsBody,
	})
	_, stdout, stderr := runCLI("scan", "--format", "json", filepath.Join(repo, "backend"))
	var doc struct{ Findings []struct{ Path string } }
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v, stderr %q", err, stderr)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, f.Path)
	}
	if want := "app/views.py frontend/not_it.py"; strings.Join(got, " ") != want {
		t.Errorf("reported %v, want %s (legacy/ and *_gen.py excluded from the config's directory; frontend/** names another part of the repository)", got, want)
	}
}

// TestProgressLine: on a terminal, a scan longer than progressAfter shows
// a progress line on stderr and clears it; elsewhere, nothing.
func TestProgressLine(t *testing.T) {
	demo := demoDir(t)
	saved, savedTerm := progressAfter, stderrTerminal
	t.Cleanup(func() { progressAfter, stderrTerminal = saved, savedTerm })
	progressAfter = 0
	stderrTerminal = func(io.Writer) bool { return true }
	_, stdout, stderr := runCLI("scan", "--no-color", demo)
	if !strings.Contains(stderr, "llmleak: analyzing") || !strings.Contains(stderr, "\x1b[K") {
		t.Errorf("no progress line on a terminal: %q", stderr)
	}
	if strings.Contains(stdout, "analyzing") {
		t.Error("progress line on stdout")
	}
	stderrTerminal = func(io.Writer) bool { return false }
	if _, _, stderr := runCLI("scan", "--no-color", demo); strings.Contains(stderr, "analyzing") {
		t.Errorf("progress line when stderr is no terminal: %q", stderr)
	}
}

// demoDir is the absolute path of the demo project (testdata/demo at the
// repository's root).
func demoDir(t *testing.T) string {
	t.Helper()
	demo, err := filepath.Abs(filepath.Join("..", "..", "testdata", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	return demo
}

// logsBody is a view that writes the whole request body to a log (LK201).
const logsBody = "import logging\nlog = logging.getLogger(__name__)\n\n\ndef v(request):\n    log.info(\"%s\", request.body)\n"

// TestGitLabFormat scans the demo into a GitLab SAST report: one
// vulnerability per finding of the JSON report, and the scan times from
// SOURCE_DATE_EPOCH.
func TestGitLabFormat(t *testing.T) {
	demo := demoDir(t)
	t.Setenv("SOURCE_DATE_EPOCH", "1764577800")
	_, out, stderr := runCLI("scan", "--format", "gitlab", demo)
	var gl struct {
		Scan struct {
			StartTime string `json:"start_time"`
			EndTime   string `json:"end_time"`
		} `json:"scan"`
		Vulnerabilities []struct {
			Location struct {
				File      string `json:"file"`
				StartLine int    `json:"start_line"`
			} `json:"location"`
		} `json:"vulnerabilities"`
	}
	if err := json.Unmarshal([]byte(out), &gl); err != nil {
		t.Fatalf("not JSON: %v\n%s\n%s", err, out, stderr)
	}
	if gl.Scan.StartTime != "2025-12-01T08:30:00" || gl.Scan.EndTime != gl.Scan.StartTime {
		t.Errorf("scan times %q..%q, want SOURCE_DATE_EPOCH's", gl.Scan.StartTime, gl.Scan.EndTime)
	}
	_, js, _ := runCLI("scan", "--format", "json", demo)
	var j struct {
		Findings []struct {
			Path string `json:"path"`
			Line int    `json:"line"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(js), &j); err != nil {
		t.Fatal(err)
	}
	if len(gl.Vulnerabilities) != len(j.Findings) || len(j.Findings) == 0 {
		t.Fatalf("%d vulnerabilities for %d findings", len(gl.Vulnerabilities), len(j.Findings))
	}
	for i, v := range gl.Vulnerabilities {
		if v.Location.File != j.Findings[i].Path || v.Location.StartLine != j.Findings[i].Line {
			t.Errorf("vulnerability %d at %s:%d, finding at %s:%d", i, v.Location.File, v.Location.StartLine, j.Findings[i].Path, j.Findings[i].Line)
		}
	}
}
