package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/report"
	"github.com/llmleak/llmleak/analyzer/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixture is the shared synthetic input, rooted at the fake source tree.
func fixture(t *testing.T) *report.Input {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	return reporttest.Input(root)
}

type printer func(io.Writer, *report.Input) error

// golden compares out with testdata/golden/name, or rewrites it under
// -update.
func golden(t *testing.T, name string, out []byte) {
	t.Helper()
	reporttest.Golden(t, filepath.Join("testdata", "golden", name), out, *update)
}

func render(t *testing.T, p printer, in *report.Input) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p(&b, in); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		p     printer
		setup func(*report.Input)
	}{
		{"text.txt", report.Text, nil},
		{"text_color.txt", report.Text, func(in *report.Input) { in.Color = true }},
		{"text_quiet.txt", report.Text, func(in *report.Input) { in.Quiet = true }},
		{"text_clean.txt", report.Text, func(in *report.Input) {
			in.Findings, in.SuppressionDiagnostics, in.BaselineStale = in.Findings[:0], nil, 0
		}},
		{"report.json", report.JSON, nil},
		{"empty.json", report.JSON, func(in *report.Input) {
			in.Findings, in.Diagnostics, in.SuppressionDiagnostics, in.BaselineStale = nil, nil, nil, 0
		}},
		{"github.txt", report.GitHub, nil},
		{"github_summary.md", report.GitHubSummary, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := fixture(t)
			if c.setup != nil {
				c.setup(in)
			}
			out := render(t, c.p, in)
			checkPortable(t, in.Root, out)
			golden(t, c.name, out)
			if again := render(t, c.p, in); !bytes.Equal(out, again) {
				t.Error("same input gave different bytes")
			}
		})
	}
}

// checkPortable fails if out holds what must never be printed: the
// machine's paths, or the secret literal of the fixture in full.
func checkPortable(t *testing.T, root string, out []byte) {
	t.Helper()
	if bytes.Contains(out, []byte(root)) || bytes.Contains(out, []byte(filepath.ToSlash(root))) {
		t.Errorf("output holds the absolute root %s", root)
	}
	if bytes.Contains(out, []byte("9f8e7d6c5b4a3928")) {
		t.Error("output holds the secret literal")
	}
}

func TestTextShape(t *testing.T) {
	in := fixture(t)
	out := string(render(t, report.Text, in))
	for _, want := range []string{
		"shop/views.py:13:13: LK101 Client-certificate identity",
		"13 |     reply = client.chat.completions.create(",
		"   |             ^^^^^^^^^^",
		"= flow 1 of 2 from request.META['SSL_CLIENT_S_DN_CN'] (cert):",
		"1. shop/views.py:10:15  client-certificate subject CN read",
		`"sk-pro…"`,
		"Found 5 findings (3 errors, 1 warning, 1 note) in 12 files (2 suppressed, 1 of them by the baseline; 2 stale baseline entries). 2 suppression comments to review.",
		"shop/views.py:28:41: LK001 Bare `# llmleak: ignore`",
		"shop/views.py:29:30: LK000 Unused suppression: no LK104 finding on this statement",
		"on this statement [note]",
		"Run `llmleak explain LK301`",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q", want)
		}
	}
	if strings.Contains(out, "LK102") || strings.Contains(out, "LK201") {
		t.Error("suppressed finding printed (inline or by the baseline)")
	}
	if strings.Contains(out, "\x1b") {
		t.Error("escape sequence in uncoloured output (from a message, or colour)")
	}
	// The emoji before the span is one rune, two UTF-16 units and two
	// terminal cells: 28 cells precede log.info.
	if !strings.Contains(out, "10 |     résumé = \"Répondez 😀\"; log.info(\"prompt: %s\", résumé + prompt)\n"+
		"   | "+strings.Repeat(" ", 28)+strings.Repeat("^", 39)+"\n") {
		t.Errorf("non-ASCII excerpt misaligned:\n%s", out)
	}
	// Tabs before the span are kept so the caret lines up.
	if !strings.Contains(out, "4 | \t\treturn ask_llm(\t\"hi \" + email)\n  | \t\t       ^^^^^^^^^^^^^^^^^^^^^^^\n") {
		t.Errorf("tab-indented excerpt misaligned:\n%s", out)
	}
}

func TestJSONSchemaShape(t *testing.T) {
	in := fixture(t)
	var doc struct {
		Tool          string `json:"tool"`
		SchemaVersion int    `json:"schema_version"`
		Findings      []struct {
			Rule        string `json:"rule"`
			Suppressed  bool   `json:"suppressed"`
			Suppression *struct {
				Kind   string `json:"kind"`
				Reason string `json:"reason"`
			} `json:"suppression"`
			Flows []struct {
				Steps []map[string]any `json:"steps"`
			} `json:"flows"`
		} `json:"findings"`
		Diagnostics []struct {
			Path string `json:"path"`
		} `json:"diagnostics"`
		SuppressionDiagnostics []struct {
			Rule  string `json:"rule"`
			Level string `json:"level"`
			Line  int    `json:"line"`
		} `json:"suppression_diagnostics"`
		Summary struct {
			Findings               int            `json:"findings"`
			ByLevel                map[string]int `json:"by_level"`
			Suppressed             int            `json:"suppressed"`
			Baselined              int            `json:"baselined"`
			BaselineStale          int            `json:"baseline_stale"`
			SuppressionDiagnostics int            `json:"suppression_diagnostics"`
		} `json:"summary"`
	}
	out := render(t, report.JSON, in)
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tool != "llmleak" || doc.SchemaVersion != report.JSONSchemaVersion {
		t.Errorf("tool %q schema %d", doc.Tool, doc.SchemaVersion)
	}
	if len(doc.Findings) != len(in.Findings) {
		t.Fatalf("%d findings, want %d (suppressed ones included)", len(doc.Findings), len(in.Findings))
	}
	for _, f := range doc.Findings {
		if f.Suppressed != (f.Suppression != nil) {
			t.Errorf("%s: suppressed=%v but suppression %v", f.Rule, f.Suppressed, f.Suppression)
		}
		if f.Rule == "LK101" && len(f.Flows) != 2 {
			t.Errorf("LK101 has %d flows, want 2", len(f.Flows))
		}
	}
	if doc.Summary.Findings != 5 || doc.Summary.Suppressed != 2 || doc.Summary.ByLevel["error"] != 3 || doc.Summary.ByLevel["note"] != 1 ||
		doc.Summary.Baselined != 1 || doc.Summary.BaselineStale != 2 || doc.Summary.SuppressionDiagnostics != 2 {
		t.Errorf("summary %+v", doc.Summary)
	}
	kinds := map[string]string{}
	for _, f := range doc.Findings {
		if f.Suppression != nil {
			kinds[f.Rule] = f.Suppression.Kind + ": " + f.Suppression.Reason
		}
	}
	if kinds["LK102"] != "inSource: reviewed: body is public" || kinds["LK201"] != "external: recorded in the baseline" {
		t.Errorf("suppressions %v", kinds)
	}
	if d := doc.SuppressionDiagnostics; len(d) != 2 || d[0].Rule != "LK001" || d[0].Level != "warning" || d[1].Rule != "LK000" || d[1].Line != 29 {
		t.Errorf("suppression diagnostics %+v", d)
	}
	if got := doc.Diagnostics[1].Path; got != "shop/latin1.py" {
		t.Errorf("absolute diagnostic path printed as %q, want shop/latin1.py", got)
	}
	if !bytes.HasSuffix(out, []byte("}\n")) || !bytes.Contains(out, []byte("\n  \"findings\": [\n")) {
		t.Error("not two-space indented with a trailing newline")
	}
}

func TestGitHubEscaping(t *testing.T) {
	in := fixture(t)
	in.SuppressionDiagnostics = nil
	in.Findings = []*finding.Finding{{
		Rule: "LK101", Level: finding.LevelWarning, Message: "100% bad\r\nnext: line",
		Location: finding.Location{Path: "we,ird:dir/a%b.py", Line: 2, Col: 3, EndLine: 2, EndCol: 9},
		Flows:    []finding.Flow{{Source: "x", Class: "cert"}},
	}}
	got := string(render(t, report.GitHub, in))
	// Line breaks inside the message become spaces; the one between the
	// message and the flow is escaped.
	want := "::warning file=we%2Cird%3Adir/a%25b.py,line=2,col=3,endColumn=9,title=LK101 client-certificate identity reaches an LLM prompt::100%25 bad  next: line%0ASource: x (cert)\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for l, cmd := range map[finding.Level]string{finding.LevelNote: "::notice ", finding.LevelError: "::error "} {
		in.Findings[0].Level = l
		if got := string(render(t, report.GitHub, in)); !strings.HasPrefix(got, cmd) {
			t.Errorf("level %s: %q", l, got)
		}
	}
}

func TestGitHubSummaryEscaping(t *testing.T) {
	in := fixture(t)
	in.Findings = []*finding.Finding{{
		Rule: "LK101", Level: finding.LevelError, Message: "a | b <script>\nc",
		Location: finding.Location{Path: "a.py", Line: 1, Col: 1},
	}}
	got := string(render(t, report.GitHubSummary, in))
	if !strings.Contains(got, "| LK101 | error | `a.py:1:1` | a \\| b &lt;script&gt; c |\n") {
		t.Errorf("bad table row:\n%s", got)
	}
}

func TestSentence(t *testing.T) {
	cases := []struct {
		c     report.Counts
		files int
		want  string
	}{
		{report.Counts{}, 12, "No findings in 12 files."},
		{report.Counts{Suppressed: 2}, 1, "No findings in 1 file (2 suppressed)."},
		{report.Counts{Findings: 1, Errors: 1}, 1, "Found 1 finding (1 error) in 1 file."},
		{report.Counts{Findings: 3, Errors: 2, Warnings: 1}, 12, "Found 3 findings (2 errors, 1 warning) in 12 files."},
		{report.Counts{Suppressed: 3, Baselined: 3, Stale: 1}, 2, "No findings in 2 files (3 suppressed, 3 of them by the baseline; 1 stale baseline entry)."},
		{report.Counts{Stale: 2}, 2, "No findings in 2 files (2 stale baseline entries)."},
		{report.Counts{Findings: 1, Notes: 1, SuppressionDiagnostics: 1}, 1, "Found 1 finding (1 note) in 1 file. 1 suppression comment to review."},
	}
	for _, c := range cases {
		if got := c.c.Sentence(c.files); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestRedactSecrets(t *testing.T) {
	cases := []struct{ in, want string }{
		{`key = "sk-proj-abcdefghijklmnop"`, `key = "sk-pro…"`},
		{`aws = 'AKIAIOSFODNN7EXAMPLE'`, `aws = 'AKIAIO…'`},
		{`x = f("{a}" + "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg")`, `x = f("{a}" + "Zm9vYm…")`},
		{`h = "5d41402abc4b2a76b9719d911017c592"`, `h = "5d4140…"`},
		// Not secrets: short, prose, names, URLs without digits.
		{`request.META["SSL_CLIENT_S_DN_CN"]`, `request.META["SSL_CLIENT_S_DN_CN"]`},
		{`msg = "Please summarise the following text for me"`, `msg = "Please summarise the following text for me"`},
		{`url = "/v1/chat/completions"`, `url = "/v1/chat/completions"`},
		{`s = "it\"s sk-"`, `s = "it\"s sk-"`},
		// A key outside a whole literal is cut too: unterminated, in an
		// f-string, in a comment.
		{`unterminated = "sk-proj-abcdefghijklmnop`, `unterminated = "sk-pro…`},
		{`h = f"Bearer sk-proj-Q7vN2mLp9XcR4tYb8WzK {x}"`, `h = f"Bearer sk-pro… {x}"`},
		{`x = 1  # was sk-proj-Q7vN2mLp9XcR4tYb8WzK`, `x = 1  # was sk-pro…`},
	}
	for _, c := range cases {
		if got := report.RedactSecrets(c.in); got != c.want {
			t.Errorf("RedactSecrets(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDisplayPath(t *testing.T) {
	root := filepath.Join(string(filepath.Separator)+"home", "u", "proj")
	cases := map[string]string{
		"shop/views.py":                         "shop/views.py",
		filepath.Join(root, "shop", "a.py"):     "shop/a.py",
		filepath.Join(root, "..", "other", "x"): "x",
		"":                                      "",
	}
	for in, want := range cases {
		if got := report.DisplayPath(root, in); got != want {
			t.Errorf("DisplayPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOmittedSteps: a flow cut short says so in every format, and keeps
// its source and its sink.
func TestOmittedSteps(t *testing.T) {
	in := fixture(t)
	var f *finding.Finding
	for _, x := range in.Findings {
		if !x.Suppressed && len(x.Flows) > 0 && len(x.Flows[0].Steps) >= 2 {
			f = x
			break
		}
	}
	if f == nil {
		t.Fatal("no finding with a flow in the fixture")
	}
	f.Flows[0].Omitted = 29950
	text := string(render(t, report.Text, in))
	if !strings.Contains(text, "… 29,950 steps omitted …") {
		t.Errorf("text lacks the omitted-steps marker:\n%s", text)
	}
	var doc struct {
		Findings []struct {
			Flows []struct {
				OmittedSteps int `json:"omitted_steps"`
			} `json:"flows"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(render(t, report.JSON, in), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, jf := range doc.Findings {
		for _, fl := range jf.Flows {
			found = found || fl.OmittedSteps == 29950
		}
	}
	if !found {
		t.Error("JSON flows lack omitted_steps 29950")
	}
}

// TestLongLineExcerpt: a very long source line is cut around the span,
// with the cuts marked, and the caret still under the span.
func TestLongLineExcerpt(t *testing.T) {
	in := fixture(t)
	root := t.TempDir()
	line := "x = [" + strings.Repeat("1, ", 100000) + "]; log.info(\"%s\", request.body)  # " + strings.Repeat("z", 100000)
	if err := os.MkdirAll(filepath.Join(root, "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "app", "min.py"), []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	col := strings.Index(line, "log.info") + 1
	in.Root = root
	in.Findings = []*finding.Finding{{Rule: "LK201", Level: finding.LevelWarning, Message: "whole payload logged",
		Location: finding.Location{Path: "app/min.py", Line: 1, Col: col, EndLine: 1, EndCol: col + len(`log.info("%s", request.body)`)}}}
	in.SuppressionDiagnostics = nil
	out := string(render(t, report.Text, in))
	if len(out) > 2000 {
		t.Errorf("excerpt of a %d-byte line printed %d bytes", len(line), len(out))
	}
	excerpt := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "1 | ") {
			excerpt = l
		}
	}
	if !strings.HasPrefix(excerpt, "1 | …") || !strings.HasSuffix(excerpt, "…") || !strings.Contains(excerpt, `log.info("%s", request.body)`) {
		t.Errorf("cut excerpt %q", excerpt)
	}
	caretLine := ""
	for i, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "1 | ") {
			caretLine = strings.Split(out, "\n")[i+1]
		}
	}
	ex := []rune(excerpt)
	if at := strings.Index(caretLine, "^"); at < 0 || at+8 > len(ex) || string(ex[at:at+8]) != "log.info" {
		t.Errorf("caret not under the span:\n%s\n%s", excerpt, caretLine)
	}
}

// TestControlCharactersInPaths: a file name cannot drive the terminal.
func TestControlCharactersInPaths(t *testing.T) {
	in := fixture(t)
	in.Findings = []*finding.Finding{{Rule: "LK201", Level: finding.LevelWarning, Message: "logged",
		Location: finding.Location{Path: "app/\x1b[2Jevil.py", Line: 1, Col: 1},
		Flows:    []finding.Flow{{Source: "request.body", Class: "payload", Steps: []finding.Step{{Location: finding.Location{Path: "app/\x1b]0;x\x07.py", Line: 1, Col: 1}, Message: "read"}}}}}}
	in.SuppressionDiagnostics = nil
	if out := string(render(t, report.Text, in)); strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("control characters from a path printed: %q", out)
	}
}

// TestJUnit: one suite per rule, a failing case per unsuppressed finding
// and suppression diagnostic, a passing case for a rule without one, and
// well-formed XML.
func TestJUnit(t *testing.T) {
	in := fixture(t)
	out := render(t, report.JUnit, in)
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name     string `xml:"name,attr"`
			Failures int    `xml:"failures,attr"`
			Cases    []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Type string `xml:"type,attr"`
					Text string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	want := 0
	for _, f := range append(append([]*finding.Finding(nil), in.Findings...), in.SuppressionDiagnostics...) {
		if !f.Suppressed {
			want++
		}
	}
	if doc.Failures != want {
		t.Errorf("%d failures, want %d (unsuppressed findings and suppression diagnostics)", doc.Failures, want)
	}
	passing := 0
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if c.Failure == nil {
				passing++
			} else if !strings.Contains(c.Failure.Text, "flow from") && !strings.HasPrefix(s.Name, "LK00") {
				t.Errorf("%s %s: failure text without its flow", s.Name, c.Name)
			}
		}
	}
	if passing == 0 || doc.Tests != doc.Failures+passing {
		t.Errorf("tests %d, failures %d, passing cases %d", doc.Tests, doc.Failures, passing)
	}
}

// TestGitLab checks the GitLab SAST report against the rules of GitLab's
// published report format, version report.GitLabSchemaVersion (the JSON
// schema file itself cannot be fetched here; its constraints are written
// out below): required keys, the time pattern, the enums, non-empty
// identifiers, one vulnerability per unsuppressed finding with a unique
// UUID id, and the same bytes for the same input.
func TestGitLab(t *testing.T) {
	in := fixture(t)
	in.ReportTime = time.Date(2026, 12, 1, 8, 30, 0, 0, time.UTC)
	out := render(t, report.GitLab, in)
	checkPortable(t, in.Root, out)
	golden(t, "gitlab.json", out)
	if again := render(t, report.GitLab, in); !bytes.Equal(out, again) {
		t.Error("same input gave different bytes")
	}
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	need := func(where string, obj map[string]any, keys ...string) {
		t.Helper()
		for _, k := range keys {
			v, ok := obj[k]
			if !ok {
				t.Errorf("%s: no %q", where, k)
				continue
			}
			if s, isStr := v.(string); isStr && s == "" {
				t.Errorf("%s: %q is empty", where, k)
			}
		}
	}
	need("report", doc, "version", "scan", "vulnerabilities")
	if v, _ := doc["version"].(string); !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(v) {
		t.Errorf("version %q is not MAJOR.MINOR.PATCH", v)
	}
	scan, _ := doc["scan"].(map[string]any)
	need("scan", scan, "analyzer", "scanner", "type", "start_time", "end_time", "status")
	for _, k := range []string{"analyzer", "scanner"} {
		tool, _ := scan[k].(map[string]any)
		need("scan."+k, tool, "id", "name", "version", "vendor")
		vendor, _ := tool["vendor"].(map[string]any)
		need("scan."+k+".vendor", vendor, "name")
	}
	stamp := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$`)
	for _, k := range []string{"start_time", "end_time"} {
		if s, _ := scan[k].(string); !stamp.MatchString(s) || s != "2026-12-01T08:30:00" {
			t.Errorf("scan.%s = %q, want the report time as yyyy-mm-ddThh:mm:ss", k, s)
		}
	}
	if scan["type"] != "sast" || (scan["status"] != "success" && scan["status"] != "failure") {
		t.Errorf("scan type %v, status %v", scan["type"], scan["status"])
	}
	vulns, _ := doc["vulnerabilities"].([]any)
	want := 0
	for _, f := range in.Findings {
		if !f.Suppressed {
			want++
		}
	}
	if len(vulns) != want || want == 0 {
		t.Fatalf("%d vulnerabilities, want one per unsuppressed finding (%d)", len(vulns), want)
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	severities := map[string]bool{"Info": true, "Unknown": true, "Low": true, "Medium": true, "High": true, "Critical": true}
	ids := map[string]bool{}
	for i, x := range vulns {
		v, _ := x.(map[string]any)
		where := fmt.Sprintf("vulnerabilities[%d]", i)
		need(where, v, "id", "name", "description", "severity", "location", "identifiers")
		id, _ := v["id"].(string)
		if !uuid.MatchString(id) || ids[id] {
			t.Errorf("%s: id %q is no unique UUID", where, id)
		}
		ids[id] = true
		if name, _ := v["name"].(string); len(name) > 255 {
			t.Errorf("%s: name longer than 255", where)
		}
		if s, _ := v["severity"].(string); !severities[s] {
			t.Errorf("%s: severity %q", where, s)
		}
		loc, _ := v["location"].(map[string]any)
		need(where+".location", loc, "file", "start_line", "end_line")
		if loc["start_line"].(float64) < 1 || loc["end_line"].(float64) < loc["start_line"].(float64) {
			t.Errorf("%s: lines %v-%v", where, loc["start_line"], loc["end_line"])
		}
		idents, _ := v["identifiers"].([]any)
		if len(idents) == 0 {
			t.Errorf("%s: no identifiers", where)
		}
		for j, y := range idents {
			need(fmt.Sprintf("%s.identifiers[%d]", where, j), y.(map[string]any), "type", "name", "value")
		}
	}
}

func TestReportTimeFromEnv(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	if got := report.ReportTimeFromEnv(env("1764577800")); !got.Equal(time.Unix(1764577800, 0)) {
		t.Errorf("SOURCE_DATE_EPOCH=1764577800 gave %v", got)
	}
	for _, bad := range []string{"", "soon", "-5"} {
		if got := report.ReportTimeFromEnv(env(bad)); !got.Equal(time.Unix(0, 0)) {
			t.Errorf("SOURCE_DATE_EPOCH=%q gave %v, want the epoch", bad, got)
		}
	}
}
