package sarif_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/llmleak/llmleak/analyzer/baseline"
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/report"
	"github.com/llmleak/llmleak/analyzer/report/reporttest"
	"github.com/llmleak/llmleak/analyzer/suppression"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/sarif"
	"github.com/llmleak/llmleak/sarif/sariftest"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/report.sarif")

func fixture(t *testing.T) *report.Input {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", "analyzer", "report", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	return reporttest.Input(root)
}

func write(t *testing.T, in *report.Input) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := sarif.Write(&b, in); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// schema compiles the official SARIF 2.1.0 schema.
func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	s, err := sariftest.Schema()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, out []byte) error {
	t.Helper()
	return sariftest.Validate(s, out)
}

func TestValidatesAgainstSchema(t *testing.T) {
	s := schema(t)
	cases := map[string]func(*report.Input){
		"fixture": nil,
		"empty":   func(in *report.Input) { in.Findings, in.Diagnostics = nil, nil },
		"external suppression, no version": func(in *report.Input) {
			in.Version = ""
			for _, f := range in.Findings {
				if f.Suppressed {
					f.SuppressionKind, f.SuppressionReason = "external", ""
				}
			}
		},
		"odd paths and unknown positions": func(in *report.Input) {
			in.Findings = []*finding.Finding{{
				Rule: "LK201", Level: finding.LevelWarning, Message: "m",
				Location: finding.Location{Path: "we ird/a#b:c.py", Line: 1},
				Flows:    []finding.Flow{{Source: "s"}, {Source: "t", Steps: []finding.Step{{Location: finding.Location{Path: "c:x.py", Line: 2, Col: 1, EndLine: 2}}}}},
			}}
		},
	}
	for name, setup := range cases {
		t.Run(name, func(t *testing.T) {
			in := fixture(t)
			if setup != nil {
				setup(in)
			}
			if err := validate(t, s, write(t, in)); err != nil {
				t.Errorf("%#v", err)
			}
		})
	}
}

// TestSchemaCatchesErrors makes sure the validation above can fail.
func TestSchemaCatchesErrors(t *testing.T) {
	s := schema(t)
	out := write(t, fixture(t))
	for _, bad := range []struct{ from, to string }{
		{`"level": "error"`, `"level": "fatal"`},
		{`"startLine": 13`, `"startLine": 0`},
		{`"kind": "inSource"`, `"kind": "inline"`},
	} {
		mutated := bytes.Replace(out, []byte(bad.from), []byte(bad.to), 1)
		if bytes.Equal(mutated, out) {
			t.Fatalf("%s not in output", bad.from)
		}
		if err := validate(t, s, mutated); err == nil {
			t.Errorf("schema accepted %s", bad.to)
		}
	}
}

func TestGolden(t *testing.T) {
	in := fixture(t)
	out := write(t, in)
	if again := write(t, in); !bytes.Equal(out, again) {
		t.Error("same input gave different bytes")
	}
	if bytes.Contains(out, []byte(in.Root)) {
		t.Error("output holds the absolute root")
	}
	if bytes.Contains(out, []byte("9f8e7d6c5b4a3928")) {
		t.Error("output holds the secret literal")
	}
	out = withoutRuleDocs(t, out)
	reporttest.Golden(t, filepath.Join("testdata", "golden", "report.sarif"), out, *update)
}

// withoutRuleDocs replaces the rule documentation in a SARIF log by
// placeholders. It is copied verbatim from package rules (TestContent
// checks that), and the golden file should not change whenever a rule's
// wording does.
func withoutRuleDocs(t *testing.T, out []byte) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	driver := doc["runs"].([]any)[0].(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
	for _, r := range driver["rules"].([]any) {
		r := r.(map[string]any)
		r["fullDescription"] = map[string]any{"text": "(rule.Doc.What)"}
		r["help"] = map[string]any{"text": "(rule.HelpText())", "markdown": "(rule.HelpMarkdown())"}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// log is the part of a SARIF log the tests below look at.
type log struct {
	Schema string `json:"$schema"`
	Runs   []struct {
		Tool struct {
			Driver struct {
				Name, Version, SemanticVersion, InformationURI string
				Rules                                          []struct {
					ID               string `json:"id"`
					Name             string `json:"name"`
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string `json:"helpUri"`
					DefaultConfig    struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties struct {
						Tags             []string `json:"tags"`
						SecuritySeverity string   `json:"security-severity"`
						Precision        string   `json:"precision"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]map[string]any `json:"originalUriBaseIds"`
		AutomationDetails  struct{ ID string }       `json:"automationDetails"`
		ColumnKind         string                    `json:"columnKind"`
		Results            []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region map[string]int `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			RelatedLocations []struct {
				ID      int `json:"id"`
				Message struct{ Text string }
			} `json:"relatedLocations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			CodeFlows           []struct {
				ThreadFlows []struct {
					Locations []struct {
						Kinds    []string `json:"kinds"`
						Location struct {
							Message struct{ Text string }
						} `json:"location"`
					} `json:"locations"`
				} `json:"threadFlows"`
			} `json:"codeFlows"`
			Suppressions []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func TestContent(t *testing.T) {
	in := fixture(t)
	var l log
	if err := json.Unmarshal(write(t, in), &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Runs) != 1 {
		t.Fatalf("%d runs", len(l.Runs))
	}
	run := l.Runs[0]
	d := run.Tool.Driver
	if d.Name != "llmleak" || d.Version != reporttest.Version || d.SemanticVersion != reporttest.Version || d.InformationURI != sarif.InformationURI {
		t.Errorf("driver %s %s %s %s", d.Name, d.Version, d.SemanticVersion, d.InformationURI)
	}
	all := rules.All()
	checks := suppression.All()
	if len(d.Rules) != len(all)+len(checks) {
		t.Fatalf("%d rules in driver, want every rule (%d) and the suppression checks (%d)", len(d.Rules), len(all), len(checks))
	}
	for i, c := range checks {
		got := d.Rules[len(all)+i]
		if got.ID != c.ID || got.Name != c.Name || got.ShortDescription.Text != c.Title || got.DefaultConfig.Level != c.Level.String() ||
			got.HelpURI != "https://github.com/llmleak/llmleak/blob/main/README.md#"+strings.ToLower(c.ID) ||
			got.Help.Markdown != c.HelpMarkdown() || got.FullDescription.Text != c.Help {
			t.Errorf("check %s: %+v", c.ID, got)
		}
		if strings.Contains(strings.Join(got.Properties.Tags, " "), "security") || got.Properties.SecuritySeverity != "" {
			t.Errorf("check %s is tagged as a security rule: %+v", c.ID, got.Properties)
		}
	}
	for i, r := range all {
		got := d.Rules[i]
		if got.ID != r.ID || got.Name != r.PascalName() || got.ShortDescription.Text != r.Title ||
			got.DefaultConfig.Level != r.Level.String() || got.HelpURI != "https://github.com/llmleak/llmleak/blob/main/README.md#"+strings.ToLower(r.ID) {
			t.Errorf("rule %d: %+v", i, got)
		}
		if n := len([]rune(got.FullDescription.Text)); n == 0 || n > 1000 {
			t.Errorf("%s: fullDescription of %d characters", r.ID, n)
		}
		if got.Help.Text != r.HelpText() || got.Help.Markdown != r.HelpMarkdown() || !strings.Contains(got.Help.Markdown, "```python") {
			t.Errorf("%s: help is not the rule's documentation with a python example", r.ID)
		}
		if what := strings.Join(strings.Fields(r.Doc.What), " "); len(what) <= 1000 && got.FullDescription.Text != what {
			t.Errorf("%s: fullDescription %q is not Doc.What", r.ID, got.FullDescription.Text)
		}
		tags := strings.Join(got.Properties.Tags, " ")
		if !strings.Contains(tags, "security") || !strings.Contains(tags, "external/cwe/cwe-") {
			t.Errorf("%s: tags %v", r.ID, got.Properties.Tags)
		}
		if r.OWASP != "" && !strings.Contains(tags, "owasp-"+strings.ToLower(r.OWASP)) {
			t.Errorf("%s: tags %v lack the OWASP id", r.ID, got.Properties.Tags)
		}
		if got.Properties.SecuritySeverity != r.SecuritySeverity || got.Properties.Precision != r.Precision {
			t.Errorf("%s: properties %+v", r.ID, got.Properties)
		}
	}
	if _, ok := run.OriginalURIBaseIDs["%SRCROOT%"]; !ok || run.OriginalURIBaseIDs["%SRCROOT%"]["uri"] != nil {
		t.Errorf("originalUriBaseIds %v: want %%SRCROOT%% without an absolute uri", run.OriginalURIBaseIDs)
	}
	if run.AutomationDetails.ID != "llmleak/" || run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("automationDetails %q columnKind %q", run.AutomationDetails.ID, run.ColumnKind)
	}
	results := append(append([]*finding.Finding(nil), in.Findings...), in.SuppressionDiagnostics...)
	if len(run.Results) != len(results) || len(in.SuppressionDiagnostics) == 0 {
		t.Fatalf("%d results for %d findings and %d suppression diagnostics", len(run.Results), len(in.Findings), len(in.SuppressionDiagnostics))
	}
	sawExternal := false
	for i, res := range run.Results {
		f := results[i]
		if res.RuleID != f.Rule || res.RuleIndex == nil || d.Rules[*res.RuleIndex].ID != f.Rule || res.Level != f.Level.String() {
			t.Errorf("result %d: rule %s index %v level %s", i, res.RuleID, res.RuleIndex, res.Level)
		}
		for _, fl := range f.Flows {
			if !strings.Contains(res.Message.Text, fl.Source) {
				t.Errorf("%s: message %q does not name source %s", f.Rule, res.Message.Text, fl.Source)
			}
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI != f.Location.Path || pl.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
			pl.Region["startLine"] != f.Location.Line || pl.Region["startColumn"] != f.Location.Col {
			t.Errorf("%s: location %+v", f.Rule, pl)
		}
		if res.PartialFingerprints["llmleak/v1"] != f.Fingerprint || len(res.PartialFingerprints) != 1 {
			t.Errorf("%s: partialFingerprints %v", f.Rule, res.PartialFingerprints)
		}
		if len(res.CodeFlows) != len(f.Flows) || len(res.RelatedLocations) != len(f.Flows)+len(f.AlsoAt) {
			t.Errorf("%s: %d code flows, %d related locations for %d flows", f.Rule, len(res.CodeFlows), len(res.RelatedLocations), len(f.Flows))
			continue
		}
		for j, cf := range res.CodeFlows {
			steps := cf.ThreadFlows[0].Locations
			if len(steps) != len(f.Flows[j].Steps) {
				t.Errorf("%s: flow %d has %d steps, want %d", f.Rule, j, len(steps), len(f.Flows[j].Steps))
				continue
			}
			for k, st := range steps {
				if want := f.Flows[j].Steps[k]; st.Kinds[0] != string(want.Kind) || st.Location.Message.Text != report.StepMessage(want) {
					t.Errorf("%s: flow %d step %d: %+v", f.Rule, j, k, st)
				}
			}
			if res.RelatedLocations[j].ID != j+1 || !strings.Contains(res.RelatedLocations[j].Message.Text, f.Flows[j].Source) {
				t.Errorf("%s: related location %+v", f.Rule, res.RelatedLocations[j])
			}
		}
		if f.Suppressed != (len(res.Suppressions) == 1) {
			t.Errorf("%s: suppressed=%v, suppressions %v", f.Rule, f.Suppressed, res.Suppressions)
		}
		if f.Suppressed && (res.Suppressions[0].Kind != f.SuppressionKind || res.Suppressions[0].Justification != f.SuppressionReason) {
			t.Errorf("%s: suppression %+v", f.Rule, res.Suppressions[0])
		}
		sawExternal = sawExternal || (f.Suppressed && res.Suppressions[0].Kind == "external")
	}
	if !sawExternal {
		t.Error("the fixture's baselined finding has no external suppression")
	}
	if sarif.FingerprintKey != baseline.FingerprintVersion {
		t.Errorf("SARIF fingerprint key %q and baseline fingerprint version %q differ", sarif.FingerprintKey, baseline.FingerprintVersion)
	}
	inv := run.Invocations[0]
	if !inv.ExecutionSuccessful || len(inv.Notifications) != len(in.Diagnostics) {
		t.Errorf("invocation %+v", inv)
	}
}

// TestOmittedStepsProperty: a code flow cut short says how many steps it
// left out, and the log still validates.
func TestOmittedStepsProperty(t *testing.T) {
	in := fixture(t)
	for _, f := range in.Findings {
		if !f.Suppressed && len(f.Flows) > 0 {
			f.Flows[0].Omitted = 17
			break
		}
	}
	out := write(t, in)
	if err := validate(t, schema(t), out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"omittedSteps": 17`) {
		t.Error("no omittedSteps property on the cut code flow")
	}
}
