package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
)

// JUnit writes a JUnit XML report, as CI systems show test results: one
// test suite per rule that ran, a failing test case per unsuppressed
// finding (its location, message and flows), and a passing case for a rule
// with none, so that a clean run shows what was checked.
func JUnit(w io.Writer, in *Input) error {
	type failure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		File      string   `xml:"file,attr,omitempty"`
		Line      int      `xml:"line,attr,omitempty"`
		Failure   *failure `xml:"failure,omitempty"`
	}
	type testsuite struct {
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	type testsuites struct {
		XMLName  xml.Name    `xml:"testsuites"`
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Suites   []testsuite `xml:"testsuite"`
	}
	byRule := map[string][]*finding.Finding{}
	for _, f := range append(append([]*finding.Finding(nil), in.Findings...), in.SuppressionDiagnostics...) {
		if !f.Suppressed {
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
	}
	doc := testsuites{Name: "llmleak"}
	var ids []string
	for _, r := range in.Rules {
		ids = append(ids, r.ID)
	}
	for id := range byRule {
		if !slices.Contains(ids, id) {
			ids = append(ids, id) // suppression checks (LK000, LK001)
		}
	}
	for _, id := range ids {
		title := id
		for _, r := range in.Rules {
			if r.ID == id {
				title = id + " " + r.Title
			}
		}
		s := testsuite{Name: title}
		for _, f := range byRule[id] {
			path := DisplayPath(in.Root, f.Location.Path)
			var text strings.Builder
			fmt.Fprintf(&text, "%s:%d:%d: %s %s [%s]\n", path, f.Location.Line, f.Location.Col, f.Rule, f.Message, f.Level)
			for _, fl := range f.Flows {
				fmt.Fprintf(&text, "flow from %s (%s):\n", fl.Source, fl.Class)
				for i, st := range fl.Steps {
					if fl.Omitted > 0 && i == len(fl.Steps)-1 {
						fmt.Fprintf(&text, "  %s\n", omittedMarker(fl.Omitted))
					}
					fmt.Fprintf(&text, "  %d. %s:%d:%d  %s\n", i+1, DisplayPath(in.Root, st.Path), st.Line, st.Col, StepMessage(st))
				}
			}
			s.Cases = append(s.Cases, testcase{
				Name:      fmt.Sprintf("%s:%d:%d", path, f.Location.Line, f.Location.Col),
				Classname: id,
				File:      path,
				Line:      f.Location.Line,
				Failure:   &failure{Message: SafeText(f.Message), Type: f.Level.String(), Text: safeLines(text.String())},
			})
			s.Failures++
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, testcase{Name: "no finding", Classname: id})
		}
		s.Tests = len(s.Cases)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Suites = append(doc.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// safeLines is SafeText for text of several lines: line breaks stay.
func safeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = SafeText(l)
	}
	return strings.Join(lines, "\n")
}
