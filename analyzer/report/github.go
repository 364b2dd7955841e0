package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/suppression"
	"github.com/llmleak/llmleak/rules"
)

// GitHub writes one workflow command per unsuppressed finding and per
// suppression diagnostic (LK000, LK001), which
// GitHub Actions turns into an annotation on the pull request:
//
//	::error file=shop/views.py,line=12,col=5,endColumn=40,title=LK101 client-certificate identity reaches an LLM prompt::message
//
// note, warning and error map to ::notice, ::warning and ::error. The
// message names each flow's source and where it is read. Paths are
// relative to the scan root, which should be the repository root for the
// annotations to land on the right files.
func GitHub(w io.Writer, in *Input) error {
	bw := bufio.NewWriter(w)
	all := append(append([]*finding.Finding(nil), in.Findings...), in.SuppressionDiagnostics...)
	for _, f := range all {
		if f.Suppressed {
			continue
		}
		loc := f.Location
		props := []string{"file=" + escapeProperty(DisplayPath(in.Root, loc.Path)), fmt.Sprintf("line=%d", loc.Line)}
		if loc.EndLine > loc.Line {
			props = append(props, fmt.Sprintf("endLine=%d", loc.EndLine))
		}
		if loc.Col > 0 && (loc.EndLine == 0 || loc.EndLine == loc.Line) {
			props = append(props, fmt.Sprintf("col=%d", loc.Col))
			if loc.EndLine == loc.Line && loc.EndCol > loc.Col {
				props = append(props, fmt.Sprintf("endColumn=%d", loc.EndCol))
			}
		}
		props = append(props, "title="+escapeProperty(ruleTitle(f.Rule)))
		lines := []string{SafeText(f.Message)}
		for _, fl := range f.Flows {
			lines = append(lines, SafeText(flowLine(in.Root, fl)))
		}
		msg := strings.Join(lines, "\n")
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Level), strings.Join(props, ","), escapeData(msg))
	}
	return bw.Flush()
}

// GitHubSummary writes a Markdown report for $GITHUB_STEP_SUMMARY: the
// summary sentence and a table of the unsuppressed findings.
func GitHubSummary(w io.Writer, in *Input) error {
	bw := bufio.NewWriter(w)
	c := Count(in)
	fmt.Fprintf(bw, "## llmleak\n\n%s\n", c.Sentence(in.Files))
	if c.Findings > 0 {
		bw.WriteString("\n| Rule | Level | Location | Message |\n|---|---|---|---|\n")
		for _, f := range in.Findings {
			if f.Suppressed {
				continue
			}
			fmt.Fprintf(bw, "| %s | %s | `%s:%d:%d` | %s |\n",
				markdownCell(f.Rule), f.Level,
				strings.ReplaceAll(markdownCell(DisplayPath(in.Root, f.Location.Path)), "`", "'"),
				f.Location.Line, f.Location.Col, markdownCell(SafeText(f.Message)))
		}
	}
	return bw.Flush()
}

func githubCommand(l finding.Level) string {
	switch l {
	case finding.LevelError:
		return "error"
	case finding.LevelWarning:
		return "warning"
	}
	return "notice"
}

// ruleTitle is "LK101 client-certificate identity reaches an LLM prompt".
func ruleTitle(id string) string {
	if r := rules.ByID(id); r != nil {
		return r.ID + " " + r.Title
	}
	if c := suppression.ByID(id); c != nil {
		return c.ID + " " + c.Title
	}
	return id
}

// flowLine says where a flow starts: "Source: request.META['X'] (cert) at
// shop/views.py:8:12".
func flowLine(root string, fl finding.Flow) string {
	s := "Source: " + fl.Source
	if fl.Class != "" {
		s += " (" + fl.Class + ")"
	}
	if len(fl.Steps) > 0 {
		st := fl.Steps[0]
		s += fmt.Sprintf(" at %s:%d:%d", DisplayPath(root, st.Path), st.Line, st.Col)
	}
	return s
}

// escapeData escapes a workflow command's message the way the Actions
// toolkit does (@actions/core escapeData).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command property value (@actions/core
// escapeProperty).
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// markdownCell makes s safe inside a Markdown table cell: one line, no
// column breaks, no HTML.
func markdownCell(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\\", "\\\\", "|", "\\|",
		"&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
