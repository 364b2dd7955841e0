// Package finding defines what the analyzer reports: a rule hit at a join
// point with the flows that led there. A Finding knows nothing about any
// output format; printers (analyzer/report, sarif) turn findings into
// text, JSON or SARIF. This package imports nothing of the project.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// Level is a finding's severity, ordered note < warning < error.
type Level int

const (
	LevelNone Level = iota
	LevelNote
	LevelWarning
	LevelError
)

// String returns the SARIF spelling of the level.
func (l Level) String() string {
	switch l {
	case LevelNote:
		return "note"
	case LevelWarning:
		return "warning"
	case LevelError:
		return "error"
	}
	return "none"
}

// ParseLevel reads "note", "warning" or "error".
func ParseLevel(s string) (Level, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "note":
		return LevelNote, true
	case "warning":
		return LevelWarning, true
	case "error":
		return LevelError, true
	}
	return LevelNone, false
}

// Location is a region of a file. Path is slash-separated and relative to
// the scan root. Line and Col are 1-based; EndLine/EndCol point just past
// the region (EndCol 1-based, exclusive), or are zero when unknown.
type Location struct {
	Path    string
	Line    int
	Col     int
	EndLine int
	EndCol  int
}

// StepKind says what happened to the data at a flow step.
type StepKind string

const (
	StepSource StepKind = "source" // sensitive data is read
	StepAssign StepKind = "assign" // stored in a variable, field or container
	StepCall   StepKind = "call"   // passed as an argument to a project function
	StepParam  StepKind = "param"  // received as a parameter
	StepReturn StepKind = "return" // returned to a caller
	StepSink   StepKind = "sink"   // reaches the LLM or log call
)

// Step is one location of a flow, with what happened there.
type Step struct {
	Location
	Kind    StepKind
	Message string
}

// Flow is the path of one source to the sink. Steps[0] is the source and
// the last step the sink.
type Flow struct {
	// Source describes the source expression, e.g.
	// "request.META['SSL_CLIENT_S_DN_CN']"; secret literals are redacted.
	Source string
	// Class is the sensitivity class: cert, payload, credential, pii,
	// secret, error, log, input, response.
	Class string
	Steps []Step
	// Omitted is the number of steps left out of a path too long to show
	// whole, between the last two steps; the source and the sink stay.
	Omitted int
}

// Finding is one rule hit at a join point.
type Finding struct {
	Rule    string
	Level   Level
	Message string
	// Location is the join point: the sink call, or the call of a project
	// function that leads to one.
	Location Location
	// Function is the qualified name of the function holding the join
	// point ("shop.views.ask" or "shop.views.<module>").
	Function string
	// Sink describes the sink reached, e.g. "OpenAI chat.completions.create".
	Sink  string
	Flows []Flow
	// AlsoAt are the other join points of the same root cause: calls in
	// the same function that lead the same sources to the same sink,
	// merged into this finding (at the first of them).
	AlsoAt []Location
	// StmtLine and StmtEnd are the lines of the statement holding the join
	// point: a suppression comment on any of them applies.
	StmtLine int
	StmtEnd  int
	// Fingerprint identifies the finding across runs and line shifts.
	Fingerprint string
	// Suppressed is set when an inline directive or a baseline hides it.
	Suppressed        bool
	SuppressionKind   string // "inSource" or "external"
	SuppressionReason string
}

// ComputeFingerprint derives a finding's fingerprint from what does not
// move when lines are added above it: rule, file, function, sink, the
// normalized text of the join point, and the sources.
func ComputeFingerprint(f *Finding, joinText string) string {
	srcs := make([]string, 0, len(f.Flows))
	for _, fl := range f.Flows {
		srcs = append(srcs, fl.Class+":"+fl.Source)
	}
	sort.Strings(srcs)
	h := sha256.New()
	for _, part := range []string{f.Rule, f.Location.Path, f.Function, f.Sink, strings.Join(strings.Fields(joinText), " "), strings.Join(srcs, "\x1f")} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Less orders findings by path, line, column, then rule: the order of
// every report.
func Less(a, b *Finding) bool {
	if a.Location.Path != b.Location.Path {
		return a.Location.Path < b.Location.Path
	}
	if a.Location.Line != b.Location.Line {
		return a.Location.Line < b.Location.Line
	}
	if a.Location.Col != b.Location.Col {
		return a.Location.Col < b.Location.Col
	}
	return a.Rule < b.Rule
}

// Sort sorts findings into report order.
func Sort(fs []*Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return Less(fs[i], fs[j]) })
}

// Diagnostic is a problem with the input that is not a finding: a file
// that could not be read or parsed cleanly. The run goes on.
type Diagnostic struct {
	Path    string
	Line    int
	Message string
}
