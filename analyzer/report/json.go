package report

import (
	"encoding/json"
	"io"

	"github.com/llmleak/llmleak/analyzer/finding"
)

// JSONSchemaVersion is the version of the JSON document described in the
// package comment. It changes only when a key changes meaning or goes.
const JSONSchemaVersion = 1

// The structs below fix the key order of the JSON document; see the
// package comment for the schema.
type (
	jsonReport struct {
		Tool          string           `json:"tool"`
		Version       string           `json:"version"`
		SchemaVersion int              `json:"schema_version"`
		Findings      []jsonFinding    `json:"findings"`
		Diagnostics   []jsonDiagnostic `json:"diagnostics"`
		// SuppressionDiagnostics are LK000/LK001, after the findings.
		SuppressionDiagnostics []jsonSuppressionDiagnostic `json:"suppression_diagnostics"`
		Summary                jsonSummary                 `json:"summary"`
	}
	jsonSuppressionDiagnostic struct {
		Rule        string `json:"rule"`
		Level       string `json:"level"`
		Message     string `json:"message"`
		Path        string `json:"path"`
		Line        int    `json:"line"`
		Column      int    `json:"column"`
		Fingerprint string `json:"fingerprint"`
	}
	jsonFinding struct {
		Rule        string           `json:"rule"`
		Level       string           `json:"level"`
		Message     string           `json:"message"`
		Path        string           `json:"path"`
		Line        int              `json:"line"`
		Column      int              `json:"column"`
		EndLine     int              `json:"end_line"`
		EndColumn   int              `json:"end_column"`
		Function    string           `json:"function"`
		Sink        string           `json:"sink"`
		Fingerprint string           `json:"fingerprint"`
		Suppressed  bool             `json:"suppressed"`
		Suppression *jsonSuppression `json:"suppression,omitempty"`
		Flows       []jsonFlow       `json:"flows"`
		// AlsoAt are the other join points merged into this finding.
		AlsoAt []jsonLocation `json:"also_at,omitempty"`
	}
	jsonSuppression struct {
		Kind   string `json:"kind"`
		Reason string `json:"reason"`
	}
	jsonFlow struct {
		Source string     `json:"source"`
		Class  string     `json:"class"`
		Steps  []jsonStep `json:"steps"`
		// OmittedSteps counts the steps left out of a path too long to
		// show whole (before the last step).
		OmittedSteps int `json:"omitted_steps,omitempty"`
	}
	jsonStep struct {
		Path    string `json:"path"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Kind    string `json:"kind"`
		Message string `json:"message"`
	}
	jsonDiagnostic struct {
		Path    string `json:"path"`
		Line    int    `json:"line"`
		Message string `json:"message"`
	}
	jsonSummary struct {
		Files      int         `json:"files"`
		Lines      int         `json:"lines"`
		Findings   int         `json:"findings"`
		ByLevel    jsonByLevel `json:"by_level"`
		Suppressed int         `json:"suppressed"`
		Rules      []string    `json:"rules"`
		// Baselined counts the suppressed findings that the baseline hid;
		// BaselineStale its entries that matched nothing.
		Baselined              int `json:"baselined"`
		BaselineStale          int `json:"baseline_stale"`
		SuppressionDiagnostics int `json:"suppression_diagnostics"`
	}
	jsonByLevel struct {
		Error   int `json:"error"`
		Warning int `json:"warning"`
		Note    int `json:"note"`
	}
)

// JSON writes the findings as the JSON document described in the package
// comment. The same input always gives the same bytes.
func JSON(w io.Writer, in *Input) error {
	c := Count(in)
	doc := jsonReport{
		Tool:          "llmleak",
		Version:       in.Version,
		SchemaVersion: JSONSchemaVersion,
		Findings:      make([]jsonFinding, 0, len(in.Findings)),
		Diagnostics:   make([]jsonDiagnostic, 0, len(in.Diagnostics)),

		SuppressionDiagnostics: make([]jsonSuppressionDiagnostic, 0, len(in.SuppressionDiagnostics)),
		Summary: jsonSummary{
			Files:                  in.Files,
			Lines:                  in.Lines,
			Findings:               c.Findings,
			ByLevel:                jsonByLevel{Error: c.Errors, Warning: c.Warnings, Note: c.Notes},
			Suppressed:             c.Suppressed,
			Rules:                  make([]string, 0, len(in.Rules)),
			Baselined:              c.Baselined,
			BaselineStale:          c.Stale,
			SuppressionDiagnostics: c.SuppressionDiagnostics,
		},
	}
	for _, r := range in.Rules {
		doc.Summary.Rules = append(doc.Summary.Rules, r.ID)
	}
	for _, f := range in.Findings {
		doc.Findings = append(doc.Findings, jsonFindingOf(in.Root, f))
	}
	for _, d := range in.Diagnostics {
		doc.Diagnostics = append(doc.Diagnostics, jsonDiagnostic{Path: DisplayPath(in.Root, d.Path), Line: d.Line, Message: d.Message})
	}
	for _, d := range in.SuppressionDiagnostics {
		doc.SuppressionDiagnostics = append(doc.SuppressionDiagnostics, jsonSuppressionDiagnostic{
			Rule: d.Rule, Level: d.Level.String(), Message: d.Message,
			Path: DisplayPath(in.Root, d.Location.Path), Line: d.Location.Line, Column: d.Location.Col,
			Fingerprint: d.Fingerprint,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func jsonFindingOf(root string, f *finding.Finding) jsonFinding {
	jf := jsonFinding{
		Rule:        f.Rule,
		Level:       f.Level.String(),
		Message:     f.Message,
		Path:        DisplayPath(root, f.Location.Path),
		Line:        f.Location.Line,
		Column:      f.Location.Col,
		EndLine:     f.Location.EndLine,
		EndColumn:   f.Location.EndCol,
		Function:    f.Function,
		Sink:        f.Sink,
		Fingerprint: f.Fingerprint,
		Suppressed:  f.Suppressed,
		Flows:       make([]jsonFlow, 0, len(f.Flows)),
	}
	if f.Suppressed {
		jf.Suppression = &jsonSuppression{Kind: f.SuppressionKind, Reason: f.SuppressionReason}
	}
	for _, fl := range f.Flows {
		jfl := jsonFlow{Source: fl.Source, Class: fl.Class, Steps: make([]jsonStep, 0, len(fl.Steps)), OmittedSteps: fl.Omitted}
		for _, s := range fl.Steps {
			jfl.Steps = append(jfl.Steps, jsonStep{
				Path: DisplayPath(root, s.Path), Line: s.Line, Column: s.Col,
				Kind: string(s.Kind), Message: s.Message,
			})
		}
		jf.Flows = append(jf.Flows, jfl)
	}
	for _, l := range f.AlsoAt {
		jf.AlsoAt = append(jf.AlsoAt, jsonLocation{Path: DisplayPath(root, l.Path), Line: l.Line, Column: l.Col})
	}
	return jf
}

// jsonLocation is a place in a file.
type jsonLocation struct {
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}
