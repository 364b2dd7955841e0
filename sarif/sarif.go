// Package sarif writes llmleak's findings as SARIF 2.1.0 for GitHub code
// scanning and other SARIF viewers.
//
// The log has one run. tool.driver lists every rule of the catalog, not
// only those with results, then the suppression checks (LK000, LK001), with the documentation GitHub shows beside an
// alert (help text and Markdown, helpUri, CWE/OWASP tags,
// security-severity, precision). Each result carries its rule index, the
// join point as its location, one related location and one code flow per
// source, the finding's fingerprint as partialFingerprints["llmleak/v1"],
// and a suppression when an inline directive or a baseline hides it.
//
// URIs are relative to the scan root and based on %SRCROOT%, whose
// absolute URI is left out so that the log does not depend on the machine
// it was made on; GitHub resolves the URIs against the repository root.
// Columns are UTF-16 code units, as the engine counts them.
//
// Like every printer, this package must not import analyzer (the
// cgo-heavy engine): only analyzer/finding, analyzer/report,
// analyzer/suppression and rules.
package sarif

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/report"
	"github.com/llmleak/llmleak/analyzer/suppression"
	"github.com/llmleak/llmleak/rules"
)

const (
	// InformationURI is the tool's home page.
	InformationURI = "https://github.com/llmleak/llmleak"
	// helpBase is where each rule's documentation section lives; the
	// fragment is the lowercase rule ID.
	helpBase = "https://github.com/llmleak/llmleak/blob/main/README.md#"
	// srcRoot is the uriBaseId of every artifact location.
	srcRoot = "%SRCROOT%"
	// FingerprintKey names llmleak's fingerprint in partialFingerprints.
	// Bump its version if the fingerprint's recipe changes, so that code
	// scanning does not match old alerts against new fingerprints.
	FingerprintKey = "llmleak/v1"
	// maxFullDescription is the length GitHub shows of fullDescription.
	maxFullDescription = 1000
)

// Write writes in as a SARIF 2.1.0 log: two-space indented, keys in a
// fixed order, ending in a newline. The same input gives the same bytes.
func Write(w io.Writer, in *report.Input) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("llmleak", InformationURI)
	driver := run.Tool.Driver
	if in.Version != "" {
		v := in.Version
		sv := strings.TrimPrefix(v, "v")
		driver.Version = &v
		driver.SemanticVersion = &sv
	}
	index := map[string]int{}
	for i, r := range rules.All() {
		driver.Rules = append(driver.Rules, descriptor(r))
		index[r.ID] = i
	}
	for _, c := range suppression.All() {
		index[c.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, checkDescriptor(c))
	}
	run.OriginalUriBaseIDs = map[string]*sarif.ArtifactLocation{
		srcRoot: {Description: message("The root of the scanned project; every artifact URI is relative to it.")},
	}
	run.AutomationDetails = &sarif.RunAutomationDetails{ID: ptr("llmleak/")}
	run.ColumnKind = "utf16CodeUnits"
	run.Invocations = []*sarif.Invocation{invocation(in)}
	for _, f := range append(append([]*finding.Finding(nil), in.Findings...), in.SuppressionDiagnostics...) {
		res := result(in.Root, f)
		if i, ok := index[f.Rule]; ok {
			res.WithRuleIndex(i)
		}
		run.Results = append(run.Results, res)
	}
	log.AddRun(run)

	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// descriptor is a rule as SARIF reportingDescriptor.
func descriptor(r *rules.Rule) *sarif.ReportingDescriptor {
	full := strings.Join(strings.Fields(r.Doc.What), " ")
	if full == "" {
		full = r.Title
	}
	tags := []string{"security"}
	if r.CWE > 0 {
		tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", r.CWE))
	}
	if r.OWASP != "" {
		tags = append(tags, "owasp-"+strings.ToLower(r.OWASP))
	}
	props := sarif.Properties{"tags": tags}
	if r.SecuritySeverity != "" {
		props["security-severity"] = r.SecuritySeverity
	}
	if r.Precision != "" {
		props["precision"] = r.Precision
	}
	d := sarif.NewRule(r.ID).
		WithName(r.PascalName()).
		WithShortDescription(text(r.Title)).
		WithFullDescription(text(truncate(full, maxFullDescription))).
		WithHelpURI(helpBase + strings.ToLower(r.ID)).
		WithDefaultConfiguration(&sarif.ReportingConfiguration{Level: r.Level.String()}).
		WithProperties(props)
	if help := r.HelpText(); strings.TrimSpace(help) != "" {
		d.WithTextHelp(help)
	}
	if md := r.HelpMarkdown(); strings.TrimSpace(md) != "" {
		d.WithMarkdownHelp(md)
	}
	return d
}

// checkDescriptor is a suppression check (LK000, LK001) as a rule: not a
// security rule, so without the security tag and severity.
func checkDescriptor(c *suppression.Check) *sarif.ReportingDescriptor {
	return sarif.NewRule(c.ID).
		WithName(c.Name).
		WithShortDescription(text(c.Title)).
		WithFullDescription(text(truncate(c.Help, maxFullDescription))).
		WithHelpURI(helpBase + strings.ToLower(c.ID)).
		WithTextHelp(c.Help + "\n\nExample:\n\n    " + c.Example + "\n").
		WithMarkdownHelp(c.HelpMarkdown()).
		WithDefaultConfiguration(&sarif.ReportingConfiguration{Level: c.Level.String()}).
		WithProperties(sarif.Properties{"tags": []string{"maintainability", "suppression"}, "precision": "very-high"})
}

// invocation records that the run completed, with each diagnostic (a file
// that did not parse cleanly, say) as a tool execution notification.
func invocation(in *report.Input) *sarif.Invocation {
	inv := &sarif.Invocation{ExecutionSuccessful: ptr(true)}
	for _, d := range in.Diagnostics {
		n := &sarif.Notification{Level: "warning", Message: message(report.SafeText(d.Message))}
		if d.Path != "" {
			n.Locations = []*sarif.Location{{PhysicalLocation: physical(in.Root, finding.Location{Path: d.Path, Line: d.Line})}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}

func result(root string, f *finding.Finding) *sarif.Result {
	res := sarif.NewRuleResult(f.Rule).
		WithLevel(f.Level.String()).
		WithMessage(message(report.SafeText(resultMessage(f)))).
		WithLocations([]*sarif.Location{{PhysicalLocation: physical(root, f.Location)}})
	if f.Fingerprint != "" {
		res.WithPartialFingerPrints(map[string]interface{}{FingerprintKey: f.Fingerprint})
	}
	for i, fl := range f.Flows {
		if len(fl.Steps) == 0 {
			continue // a flow without steps has nothing to point at
		}
		res.AddRelatedLocation(&sarif.Location{
			Id:               ptr(uint(i + 1)),
			PhysicalLocation: physical(root, fl.Steps[0].Location),
			Message:          message(report.SafeText(sourceText(fl))),
		})
		tf := &sarif.ThreadFlow{}
		for _, s := range fl.Steps {
			tf.Locations = append(tf.Locations, &sarif.ThreadFlowLocation{
				Location: &sarif.Location{
					PhysicalLocation: physical(root, s.Location),
					Message:          message(report.SafeText(report.StepMessage(s))),
				},
				Kinds: []string{string(s.Kind)},
			})
		}
		cf := &sarif.CodeFlow{
			Message:     message(report.SafeText("from " + sourceText(fl))),
			ThreadFlows: []*sarif.ThreadFlow{tf},
		}
		if fl.Omitted > 0 {
			// A path too long to show whole: how many steps were left out
			// before its last one.
			cf.Properties = sarif.Properties{"omittedSteps": fl.Omitted}
		}
		res.AddCodeFlow(cf)
	}
	// Other join points of the same root cause, after the sources.
	for i, l := range f.AlsoAt {
		res.AddRelatedLocation(&sarif.Location{
			Id:               ptr(uint(len(f.Flows) + i + 1)),
			PhysicalLocation: physical(root, l),
			Message:          message("also reached from here (same root cause)"),
		})
	}
	if f.Suppressed {
		res.AddSuppression(suppressionOf(root, f))
	}
	return res
}

// resultMessage is the finding's message, naming every source: code
// scanning shows only this line in an alert list, and an alert that does
// not say what leaks cannot be triaged from there.
func resultMessage(f *finding.Finding) string {
	msg := f.Message
	var missing []string
	for _, fl := range f.Flows {
		if fl.Source != "" && !strings.Contains(msg, fl.Source) {
			missing = append(missing, fl.Source)
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		msg += " (source: " + missing[0] + ")"
	default:
		msg += " (sources: " + strings.Join(missing, ", ") + ")"
	}
	if msg == "" {
		msg = f.Rule
	}
	return msg
}

// sourceText is "request.META['SSL_CLIENT_S_DN_CN'] (cert)".
func sourceText(fl finding.Flow) string {
	s := fl.Source
	if s == "" {
		s = "source"
	}
	if fl.Class != "" {
		s += " (" + fl.Class + ")"
	}
	return s
}

// suppressionOf says why a result is hidden. SARIF wants a status, location
// and guid with it; the guid is derived from the fingerprint so that the
// log stays deterministic.
func suppressionOf(root string, f *finding.Finding) *sarif.Suppression {
	kind, why, loc := "inSource", "suppressed by an inline llmleak directive", &sarif.Location{PhysicalLocation: physical(root, finding.Location{Path: f.Location.Path, Line: f.Location.Line})}
	if f.SuppressionKind == "external" {
		kind, why, loc = "external", "listed in the baseline", &sarif.Location{Message: message("the llmleak baseline")}
	}
	if f.SuppressionReason != "" {
		why = f.SuppressionReason
	}
	return &sarif.Suppression{
		Kind:          kind,
		Status:        ptr("accepted"),
		Location:      loc,
		Guid:          ptr(guid("suppression", kind, f.Fingerprint, f.Rule, f.Location.Path, fmt.Sprint(f.Location.Line))),
		Justification: ptr(report.SafeText(why)),
	}
}

// physical is a location as SARIF physicalLocation. Unknown (zero)
// columns and end positions are left out.
func physical(root string, l finding.Location) *sarif.PhysicalLocation {
	pl := &sarif.PhysicalLocation{ArtifactLocation: &sarif.ArtifactLocation{
		URI:       ptr(artifactURI(report.DisplayPath(root, l.Path))),
		URIBaseId: ptr(srcRoot),
	}}
	if l.Line < 1 {
		return pl
	}
	r := &sarif.Region{StartLine: ptr(l.Line)}
	if l.Col > 0 {
		r.StartColumn = ptr(l.Col)
	}
	if l.EndLine >= l.Line {
		r.EndLine = ptr(l.EndLine)
		if l.EndCol > 0 && (l.EndLine > l.Line || l.EndCol > l.Col) {
			r.EndColumn = ptr(l.EndCol)
		}
	}
	pl.Region = r
	return pl
}

// artifactURI turns a relative slash path into a relative URI reference:
// each segment percent-encoded, so that a space or '#' in a file name
// does not break the URI, and a leading "./" when the first segment would
// otherwise read as a URI scheme ("a:b.py").
func artifactURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := strings.Join(segs, "/")
	if first, _, ok := strings.Cut(segs[0], ":"); ok && first != "" && !strings.Contains(first, "/") {
		u = "./" + u
	}
	return u
}

// guid is a version-5-style UUID derived from parts: stable across runs.
func guid(parts ...string) string {
	h := sha1.Sum([]byte("llmleak\x00" + strings.Join(parts, "\x00")))
	b := h[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	x := hex.EncodeToString(b)
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

// truncate shortens s to at most n runes, at a word boundary when it can,
// ending in "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

func text(s string) *sarif.MultiformatMessageString {
	return &sarif.MultiformatMessageString{Text: ptr(s)}
}

func message(s string) *sarif.Message { return &sarif.Message{Text: ptr(s)} }

func ptr[T any](v T) *T { return &v }
