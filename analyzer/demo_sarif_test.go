package analyzer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/llmleak/llmleak/analyzer"
	"github.com/llmleak/llmleak/analyzer/report"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/sarif"
	"github.com/llmleak/llmleak/sarif/sariftest"
)

// TestDemoSARIF scans the README demo, writes SARIF, validates it against
// the official SARIF 2.1.0 schema, and checks that every result carries a
// code flow that starts at a source and ends at the reported call.
func TestDemoSARIF(t *testing.T) {
	root := filepath.Join("..", "testdata", "demo")
	res, err := analyzer.Run(context.Background(), analyzer.Config{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) == 0 {
		t.Fatal("the demo produced no findings")
	}
	var buf bytes.Buffer
	in := &report.Input{Findings: res.Findings, Diagnostics: res.Diagnostics, Rules: rules.All(), Root: res.Root, Files: res.Files, Lines: res.Lines, Version: "test"}
	if err := sarif.Write(&buf, in); err != nil {
		t.Fatal(err)
	}

	schema, err := sariftest.Schema()
	if err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(schema, buf.Bytes()); err != nil {
		t.Fatalf("demo SARIF does not validate: %#v", err)
	}

	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				CodeFlows []struct {
					ThreadFlows []struct {
						Locations []struct {
							Location struct {
								PhysicalLocation struct {
									Region struct {
										StartLine int `json:"startLine"`
									} `json:"region"`
								} `json:"physicalLocation"`
							} `json:"location"`
						} `json:"locations"`
					} `json:"threadFlows"`
				} `json:"codeFlows"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	results := log.Runs[0].Results
	if len(results) != len(res.Findings) {
		t.Fatalf("%d results for %d findings", len(results), len(res.Findings))
	}
	for _, r := range results {
		if len(r.CodeFlows) == 0 || len(r.CodeFlows[0].ThreadFlows) == 0 {
			t.Errorf("%s: no codeFlows", r.RuleID)
			continue
		}
		locs := r.CodeFlows[0].ThreadFlows[0].Locations
		if len(locs) < 2 {
			t.Errorf("%s: thread flow has %d locations, want source and sink", r.RuleID, len(locs))
		}
	}
}

// TestDemoFlowsNameSource checks the demo's flows: each starts at a source
// step whose line holds the source expression, and ends at a sink step.
func TestDemoFlowsNameSource(t *testing.T) {
	root := filepath.Join("..", "testdata", "demo")
	res, err := analyzer.Run(context.Background(), analyzer.Config{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		for _, fl := range f.Flows {
			if len(fl.Steps) < 2 {
				t.Errorf("%s at %s:%d: flow has %d steps", f.Rule, f.Location.Path, f.Location.Line, len(fl.Steps))
				continue
			}
			src, last := fl.Steps[0], fl.Steps[len(fl.Steps)-1]
			if src.Kind != "source" || last.Kind != "sink" {
				t.Errorf("%s at %s:%d: flow runs %s..%s, want source..sink", f.Rule, f.Location.Path, f.Location.Line, src.Kind, last.Kind)
			}
			data, err := os.ReadFile(filepath.Join(root, src.Path))
			if err != nil {
				t.Fatal(err)
			}
			lines := bytes.Split(data, []byte("\n"))
			if src.Line < 1 || src.Line > len(lines) {
				t.Fatalf("source line %d out of range", src.Line)
			}
			head := fl.Source
			if i := bytes.IndexAny([]byte(head), ".([ "); i > 0 {
				head = head[:i]
			}
			if !bytes.Contains(lines[src.Line-1], []byte(head)) {
				t.Errorf("%s: source step %s:%d does not hold %q: %s", f.Rule, src.Path, src.Line, fl.Source, lines[src.Line-1])
			}
		}
	}
}
