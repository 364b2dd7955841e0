package rules

import (
	"context"
	"errors"
	"flag"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

var update = flag.Bool("update", false, "rewrite the generated rules section of README.md")

const (
	readmePath  = "../README.md"
	readmeBegin = "<!-- rules:begin -->"
	readmeEnd   = "<!-- rules:end -->"
	ruleCount   = 14
)

var (
	idPattern   = regexp.MustCompile(`^LK[1-9][0-9]{2}$`)
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	pascal      = regexp.MustCompile(`^[A-Z][a-z0-9]*([A-Z][a-z0-9]*)*$`)
	// SARIF/CodeQL precision values GitHub code scanning understands.
	precisions = map[string]bool{"very-high": true, "high": true, "medium": true, "low": true}
)

func TestRuleMetadata(t *testing.T) {
	all := All()
	if len(all) != ruleCount {
		t.Fatalf("All() has %d rules, want %d", len(all), ruleCount)
	}
	for _, r := range all {
		if !idPattern.MatchString(r.ID) {
			t.Errorf("%q: ID does not look like LKnnn", r.ID)
		}
		if !slugPattern.MatchString(r.Slug) {
			t.Errorf("%s: slug %q is not kebab-case", r.ID, r.Slug)
		}
		if strings.TrimSpace(r.Title) == "" {
			t.Errorf("%s: empty title", r.ID)
		}
		if r.CWE <= 0 {
			t.Errorf("%s: no CWE", r.ID)
		} else if r.CWEName() == "" {
			t.Errorf("%s: CWE-%d has no name in cweNames", r.ID, r.CWE)
		}
		if r.OWASP != "" && r.OWASPURL() == "" {
			t.Errorf("%s: OWASP %q has no page in owaspRisks", r.ID, r.OWASP)
		}
		sev, err := strconv.ParseFloat(r.SecuritySeverity, 64)
		if err != nil || sev < 0 || sev > 10 {
			t.Errorf("%s: security-severity %q is not a number in [0, 10]", r.ID, r.SecuritySeverity)
		}
		if !precisions[r.Precision] {
			t.Errorf("%s: precision %q is not one of very-high, high, medium, low", r.ID, r.Precision)
		}
		if r.Level.String() == "none" {
			t.Errorf("%s: no level", r.ID)
		}
		d := r.Doc
		for name, text := range map[string]string{"What": d.What, "Why": d.Why, "Bad": d.Bad, "Good": d.Good, "Fix": d.Fix} {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: Doc.%s is empty", r.ID, name)
			}
		}
		if n := len(d.What); n > 1000 {
			t.Errorf("%s: Doc.What is %d characters, want at most 1000", r.ID, n)
		}
		if strings.Contains(strings.TrimSpace(d.What), "\n\n") {
			t.Errorf("%s: Doc.What should be one paragraph", r.ID)
		}
		if d.Bad == d.Good {
			t.Errorf("%s: Bad and Good examples are identical", r.ID)
		}
	}
}

// A typo in a docs key would leave a rule undocumented and the text unused.
func TestDocsKeysAreRules(t *testing.T) {
	for id := range docs {
		if ByID(id) == nil {
			t.Errorf("docs has an entry for %q, which is not in the rule table", id)
		}
	}
}

func TestIDsUniqueAndSorted(t *testing.T) {
	ids := map[string]bool{}
	slugs := map[string]bool{}
	var order []string
	for _, r := range All() {
		if ids[r.ID] {
			t.Errorf("duplicate rule ID %s", r.ID)
		}
		if slugs[r.Slug] {
			t.Errorf("duplicate slug %s", r.Slug)
		}
		ids[r.ID], slugs[r.Slug] = true, true
		order = append(order, r.ID)
	}
	if !sort.StringsAreSorted(order) {
		t.Errorf("rules are not in ID order: %v", order)
	}
}

func TestPascalName(t *testing.T) {
	for _, r := range All() {
		p := r.PascalName()
		if !pascal.MatchString(p) {
			t.Errorf("%s: PascalName %q is not PascalCase", r.ID, p)
		}
		if strings.ContainsAny(p, "-_ ") {
			t.Errorf("%s: PascalName %q contains a separator", r.ID, p)
		}
		if want := strings.ReplaceAll(r.Slug, "-", ""); strings.ToLower(p) != want {
			t.Errorf("%s: PascalName %q does not spell slug %q", r.ID, p, r.Slug)
		}
	}
	if got := (&Rule{Slug: "cert-identity-in-prompt"}).PascalName(); got != "CertIdentityInPrompt" {
		t.Errorf("PascalName(cert-identity-in-prompt) = %q", got)
	}
}

func TestSelected(t *testing.T) {
	cases := []struct {
		id              string
		select_, ignore []string
		want            bool
	}{
		{"LK101", nil, nil, true},
		{"LK109", nil, nil, false},
		{"LK109", []string{"LK109"}, nil, true},
		{"LK109", []string{"LK1"}, nil, true},
		{"LK109", []string{"ALL"}, nil, true},
		{"LK109", []string{"all"}, nil, true},
		{"LK109", []string{" lk109 "}, nil, true},
		{"LK101", []string{"LK109"}, nil, false}, // select replaces the default set
		{"LK201", []string{"LK1"}, nil, false},
		{"LK201", []string{"LK1", "LK2"}, nil, true},
		{"LK101", nil, []string{"LK101"}, false},
		{"LK102", nil, []string{"LK101"}, true},
		{"LK101", []string{"ALL"}, []string{"LK1"}, false}, // ignore wins
		{"LK109", []string{"LK109"}, []string{"LK109"}, false},
		{"LK109", []string{"LK109"}, []string{"ALL"}, false},
	}
	for _, c := range cases {
		r := ByID(c.id)
		if r == nil {
			t.Fatalf("ByID(%q) = nil", c.id)
		}
		if got := Selected(r, c.select_, c.ignore); got != c.want {
			t.Errorf("Selected(%s, select=%q, ignore=%q) = %v, want %v", c.id, c.select_, c.ignore, got, c.want)
		}
	}
}

func TestValidSelector(t *testing.T) {
	for s, want := range map[string]bool{
		"LK101": true, "lk101": true, "LK1": true, "LK": true, "ALL": true, "all": true, " LK2 ": true,
		"LK999": false, "LK5": false, "L": false, "": false, "E501": false, "LK1011": false,
	} {
		if got := ValidSelector(s); got != want {
			t.Errorf("ValidSelector(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestByID(t *testing.T) {
	if r := ByID("lk301"); r == nil || r.ID != "LK301" {
		t.Errorf("ByID(lk301) = %v", r)
	}
	if r := ByID("LK999"); r != nil {
		t.Errorf("ByID(LK999) = %v, want nil", r.ID)
	}
}

func TestTable(t *testing.T) {
	lines := strings.Split(strings.TrimRight(Table(), "\n"), "\n")
	if len(lines) != ruleCount+1 {
		t.Fatalf("Table has %d lines, want a header and %d rules:\n%s", len(lines), ruleCount, Table())
	}
	titleCol := strings.Index(lines[0], "TITLE")
	if !strings.HasPrefix(lines[0], "ID") || titleCol < 0 {
		t.Fatalf("unexpected header %q", lines[0])
	}
	for i, r := range All() {
		line := lines[i+1]
		if !strings.HasPrefix(line, r.ID+" ") {
			t.Errorf("line %d = %q, want it to start with %s", i+1, line, r.ID)
		}
		if line[titleCol:] != r.Title {
			t.Errorf("%s: title column holds %q, want %q (columns not aligned?)", r.ID, line[titleCol:], r.Title)
		}
		want := "on"
		if !r.DefaultOn {
			want = "off"
		}
		if f := strings.Fields(line); len(f) < 5 || f[1] != r.Level.String() || f[2] != want || f[3] != r.CWEID() {
			t.Errorf("%s: row %q lacks level %s, default %s or %s", r.ID, line, r.Level, want, r.CWEID())
		}
	}
}

func TestCWEAndOWASPLinks(t *testing.T) {
	r := ByID("LK101")
	if got := r.CWEID(); got != "CWE-359" {
		t.Errorf("CWEID = %q, want CWE-359", got)
	}
	if got := r.CWEURL(); got != "https://cwe.mitre.org/data/definitions/359.html" {
		t.Errorf("CWEURL = %q", got)
	}
	wantOWASP := map[string]string{
		"LK101": "https://genai.owasp.org/llmrisk/llm022025-sensitive-information-disclosure/",
		"LK105": "https://genai.owasp.org/llmrisk/llm072025-system-prompt-leakage/",
		"LK108": "https://genai.owasp.org/llmrisk/llm012025-prompt-injection/",
		"LK301": "https://genai.owasp.org/llmrisk/llm052025-improper-output-handling/",
		"LK401": "",
	}
	for id, want := range wantOWASP {
		if got := ByID(id).OWASPURL(); got != want {
			t.Errorf("%s: OWASPURL = %q, want %q", id, got, want)
		}
	}
	if (&Rule{}).CWEID() != "" || (&Rule{}).CWEURL() != "" {
		t.Error("a rule without CWE should have empty CWEID and CWEURL")
	}
}

func TestHelpRenderings(t *testing.T) {
	for _, r := range All() {
		text := r.HelpText()
		md := r.HelpMarkdown()
		for _, part := range []string{firstLine(r.Doc.Bad), firstLine(r.Doc.Good), r.CWEID(), r.CWEURL()} {
			if !strings.Contains(text, part) {
				t.Errorf("%s: HelpText lacks %q", r.ID, part)
			}
			if !strings.Contains(md, part) {
				t.Errorf("%s: HelpMarkdown lacks %q", r.ID, part)
			}
		}
		if r.OWASP != "" {
			if !strings.Contains(text, r.OWASPURL()) || !strings.Contains(md, "]("+r.OWASPURL()+")") {
				t.Errorf("%s: help lacks the OWASP link", r.ID)
			}
		}
		if !strings.Contains(md, "]("+r.CWEURL()+")") {
			t.Errorf("%s: HelpMarkdown does not link the CWE", r.ID)
		}
		if got := strings.Count(md, "```python\n"); got != 2 {
			t.Errorf("%s: HelpMarkdown has %d python fences, want 2", r.ID, got)
		}
		if got := strings.Count(md, "```"); got != 4 {
			t.Errorf("%s: HelpMarkdown has %d fence markers, want 4", r.ID, got)
		}
		for i, step := range r.FixSteps() {
			if !strings.Contains(md, strconv.Itoa(i+1)+". "+step+"\n") {
				t.Errorf("%s: HelpMarkdown lacks fix step %d", r.ID, i+1)
			}
		}
		// Prose lines are wrapped; only the indented examples may run long.
		for _, line := range strings.Split(text, "\n") {
			if len(line) > textWidth && !strings.HasPrefix(line, "    ") && !strings.Contains(line, "://") {
				t.Errorf("%s: HelpText line longer than %d: %q", r.ID, textWidth, line)
			}
		}
	}
}

func TestExplain(t *testing.T) {
	for _, r := range All() {
		out := r.Explain()
		header := firstLine(out)
		for _, part := range []string{r.ID + ": ", r.Title, r.Level.String(), r.CWEID(), r.OWASP} {
			if !strings.Contains(header, part) {
				t.Errorf("%s: Explain header %q lacks %q", r.ID, header, part)
			}
		}
		if !strings.HasPrefix(header, r.ID) {
			t.Errorf("%s: Explain header %q does not start with the ID", r.ID, header)
		}
		if !strings.HasSuffix(out, r.HelpText()) {
			t.Errorf("%s: Explain does not end with HelpText", r.ID)
		}
	}
	if out := ByID("LK109").Explain(); !strings.Contains(out, "--select LK109") {
		t.Error("LK109 Explain does not say how to enable it")
	}
	if !strings.Contains(ByID("LK109").Doc.What, "--select LK109") {
		t.Error("LK109 Doc.What does not say it is enabled with --select LK109")
	}
}

// Doc prose is shown as plain text and as Markdown, so inline code must be
// in backticks: an unbalanced backtick or a bare _ or * would render
// differently on GitHub.
func TestDocInlineMarkup(t *testing.T) {
	for _, r := range All() {
		for name, text := range map[string]string{"What": r.Doc.What, "Why": r.Doc.Why, "Fix": r.Doc.Fix} {
			if strings.Count(text, "`")%2 != 0 {
				t.Errorf("%s: Doc.%s has an unbalanced backtick", r.ID, name)
				continue
			}
			parts := strings.Split(text, "`")
			for i := 0; i < len(parts); i += 2 { // even parts are outside code spans
				if strings.ContainsAny(parts[i], "_*<|") {
					t.Errorf("%s: Doc.%s has markup characters outside backticks: %q", r.ID, name, parts[i])
				}
			}
		}
	}
}

// The examples are shown to users as Python; they must at least parse.
func TestExamplesParse(t *testing.T) {
	parser := sitter.NewParser()
	defer parser.Close()
	parser.SetLanguage(python.GetLanguage())
	for _, r := range All() {
		for name, src := range map[string]string{"Bad": r.Doc.Bad, "Good": r.Doc.Good} {
			tree, err := parser.ParseCtx(context.Background(), nil, []byte(src))
			if err != nil {
				t.Fatalf("%s: parse %s: %v", r.ID, name, err)
			}
			if tree.RootNode().HasError() {
				t.Errorf("%s: Doc.%s is not valid Python:\n%s", r.ID, name, src)
			}
			tree.Close()
			if strings.HasSuffix(src, "\n") || strings.Contains(src, "\t") {
				t.Errorf("%s: Doc.%s should have no trailing newline and no tabs", r.ID, name)
			}
		}
	}
}

func TestLK109Suppressed(t *testing.T) {
	// The Good example of the inventory rule is a reviewed flow; it must
	// carry the suppression comment the README documents.
	if !strings.Contains(ByID("LK109").Doc.Good, "# llmleak: ignore[LK109]") {
		t.Error("LK109 Good example lacks its suppression comment")
	}
}

func TestReadmeSectionAnchors(t *testing.T) {
	s := ReadmeSection()
	for _, r := range All() {
		for _, want := range []string{
			`<a id="` + strings.ToLower(r.ID) + `"></a>`,
			"[" + r.ID + "](#" + strings.ToLower(r.ID) + ")",
			"### " + r.ID + ": " + r.Title + "\n",
		} {
			if strings.Count(s, want) != 1 {
				t.Errorf("ReadmeSection has %d copies of %q, want 1", strings.Count(s, want), want)
			}
		}
	}
	if strings.Contains(s, readmeBegin) || strings.Contains(s, readmeEnd) {
		t.Error("ReadmeSection contains a marker")
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aa bb cc dd\n\nee", 5, "> ")
	want := "> aa\n> bb\n> cc\n> dd\n\n> ee\n"
	if got != want {
		t.Errorf("wrap = %q, want %q", got, want)
	}
}

// TestReadmeFresh keeps README.md's rules section equal to ReadmeSection.
// Run `go test ./rules -update` after changing rule metadata or docs.
func TestReadmeFresh(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	fresh, err := spliceReadme(readme, ReadmeSection())
	if err != nil {
		t.Fatal(err)
	}
	if fresh == readme {
		return
	}
	if *update {
		if err := os.WriteFile(readmePath, []byte(fresh), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s", readmePath)
		return
	}
	t.Errorf("%s: rules section is out of date; run `go test ./rules -update`", readmePath)
}

// spliceReadme replaces what lies between the rules markers with section.
func spliceReadme(readme, section string) (string, error) {
	begin := strings.Index(readme, readmeBegin)
	end := strings.Index(readme, readmeEnd)
	if begin < 0 || end < 0 || end < begin || strings.Count(readme, readmeBegin) != 1 || strings.Count(readme, readmeEnd) != 1 {
		return "", errMarkers
	}
	head := readme[:begin+len(readmeBegin)]
	return head + "\n" + section + readme[end:], nil
}

var errMarkers = errors.New("README.md must contain exactly one " + readmeBegin + " followed by one " + readmeEnd)

func TestSpliceReadme(t *testing.T) {
	got, err := spliceReadme("a\n"+readmeBegin+"\nold\n"+readmeEnd+"\nz\n", "new\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "a\n" + readmeBegin + "\nnew\n" + readmeEnd + "\nz\n"; got != want {
		t.Errorf("spliceReadme = %q, want %q", got, want)
	}
	if _, err := spliceReadme(readmeEnd+readmeBegin, "x"); err == nil {
		t.Error("spliceReadme accepted markers in the wrong order")
	}
	if _, err := spliceReadme("no markers", "x"); err == nil {
		t.Error("spliceReadme accepted a README without markers")
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
