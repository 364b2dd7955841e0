package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/rules"
)

// GitLabSchemaVersion is the version of GitLab's SAST report format the
// GitLab printer writes.
const GitLabSchemaVersion = "15.0.7"

// gitlabTime is the layout GitLab's report format requires for the scan's
// start and end: UTC, to the second, no zone.
const gitlabTime = "2006-01-02T15:04:05"

// The structs below fix the key order of the GitLab document.
type (
	gitlabReport struct {
		Version         string       `json:"version"`
		Scan            gitlabScan   `json:"scan"`
		Vulnerabilities []gitlabVuln `json:"vulnerabilities"`
		Remediations    []struct{}   `json:"remediations"`
		Schema          string       `json:"schema"`
	}
	gitlabScan struct {
		Analyzer  gitlabTool `json:"analyzer"`
		Scanner   gitlabTool `json:"scanner"`
		Type      string     `json:"type"`
		StartTime string     `json:"start_time"`
		EndTime   string     `json:"end_time"`
		Status    string     `json:"status"`
	}
	gitlabTool struct {
		ID      string       `json:"id"`
		Name    string       `json:"name"`
		Version string       `json:"version"`
		URL     string       `json:"url"`
		Vendor  gitlabVendor `json:"vendor"`
	}
	gitlabVendor struct {
		Name string `json:"name"`
	}
	gitlabVuln struct {
		ID          string             `json:"id"`
		Name        string             `json:"name"`
		Description string             `json:"description"`
		Severity    string             `json:"severity"`
		Solution    string             `json:"solution,omitempty"`
		Location    gitlabLocation     `json:"location"`
		Identifiers []gitlabIdentifier `json:"identifiers"`
	}
	gitlabLocation struct {
		File      string `json:"file"`
		StartLine int    `json:"start_line"`
		EndLine   int    `json:"end_line"`
		Method    string `json:"method,omitempty"`
	}
	gitlabIdentifier struct {
		Type  string `json:"type"`
		Name  string `json:"name"`
		Value string `json:"value"`
		URL   string `json:"url,omitempty"`
	}
)

// GitLab writes a GitLab SAST report (the `sast` artifact of a GitLab CI
// job): one vulnerability per unsuppressed finding, identified by the
// finding's fingerprint, named by its rule, with its message and flows as
// the description, and the rule and its CWE as identifiers. The scan's
// start and end are in.ReportTime: GitLab requires them, and a fixed time
// keeps the report the same bytes for the same input.
func GitLab(w io.Writer, in *Input) error {
	stamp := in.ReportTime.UTC().Format(gitlabTime)
	tool := gitlabTool{ID: "llmleak", Name: "llmleak", Version: in.Version, URL: "https://github.com/llmleak/llmleak", Vendor: gitlabVendor{Name: "llmleak"}}
	doc := gitlabReport{
		Version:         GitLabSchemaVersion,
		Scan:            gitlabScan{Analyzer: tool, Scanner: tool, Type: "sast", StartTime: stamp, EndTime: stamp, Status: "success"},
		Vulnerabilities: []gitlabVuln{},
		Remediations:    []struct{}{},
		Schema:          "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v" + GitLabSchemaVersion + "/dist/sast-report-format.json",
	}
	for _, f := range in.Findings {
		if f.Suppressed {
			continue
		}
		doc.Vulnerabilities = append(doc.Vulnerabilities, gitlabVulnerability(in, f))
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func gitlabVulnerability(in *Input, f *finding.Finding) gitlabVuln {
	r := rules.ByID(f.Rule)
	path := DisplayPath(in.Root, f.Location.Path)
	end := f.Location.EndLine
	if end < f.Location.Line {
		end = f.Location.Line
	}
	v := gitlabVuln{
		ID:          uuidOf(f.Fingerprint),
		Name:        f.Rule,
		Description: gitlabDescription(in, f),
		Severity:    "Unknown",
		Location:    gitlabLocation{File: path, StartLine: f.Location.Line, EndLine: end, Method: f.Function},
		Identifiers: []gitlabIdentifier{{Type: "llmleak_rule_id", Name: "llmleak " + f.Rule, Value: f.Rule}},
	}
	if r != nil {
		v.Name = f.Rule + " " + r.Title
		v.Severity = gitlabSeverity(r.SecuritySeverity)
		v.Solution = SafeText(r.Doc.Fix)
		if r.CWE > 0 {
			cwe := strconv.Itoa(r.CWE)
			v.Identifiers = append(v.Identifiers, gitlabIdentifier{Type: "cwe", Name: "CWE-" + cwe, Value: cwe, URL: "https://cwe.mitre.org/data/definitions/" + cwe + ".html"})
		}
	}
	return v
}

// gitlabDescription is the finding's message and its flows, as Markdown.
func gitlabDescription(in *Input, f *finding.Finding) string {
	var b strings.Builder
	b.WriteString(SafeText(f.Message))
	for _, fl := range f.Flows {
		fmt.Fprintf(&b, "\n\nFlow from `%s` (%s):\n", SafeText(fl.Source), fl.Class)
		for i, st := range fl.Steps {
			if fl.Omitted > 0 && i == len(fl.Steps)-1 {
				fmt.Fprintf(&b, "\n- %s", omittedMarker(fl.Omitted))
			}
			fmt.Fprintf(&b, "\n%d. %s:%d:%d %s", i+1, DisplayPath(in.Root, st.Path), st.Line, st.Col, SafeText(StepMessage(st)))
		}
	}
	return b.String()
}

// gitlabSeverity maps a rule's security severity (0.0-10.0, as GitHub
// reads it) to GitLab's words, with the CVSS v3 bands.
func gitlabSeverity(score string) string {
	s, err := strconv.ParseFloat(score, 64)
	switch {
	case err != nil:
		return "Unknown"
	case s >= 9:
		return "Critical"
	case s >= 7:
		return "High"
	case s >= 4:
		return "Medium"
	case s > 0:
		return "Low"
	}
	return "Info"
}

// uuidOf writes a 32-hex-digit fingerprint as a UUID, the form GitLab
// recommends for a vulnerability's id.
func uuidOf(fp string) string {
	if len(fp) != 32 {
		return fp
	}
	return fp[:8] + "-" + fp[8:12] + "-" + fp[12:16] + "-" + fp[16:20] + "-" + fp[20:]
}

// ReportTimeFromEnv is the time a GitLab report gives its scan:
// SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
// convention) when set and valid, else the Unix epoch.
func ReportTimeFromEnv(getenv func(string) string) time.Time {
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Unix(0, 0).UTC()
}
