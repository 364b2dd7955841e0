// Package reporttest holds the synthetic findings that the golden tests of
// every printer (analyzer/report, sarif) share, so that all formats are
// checked over the same input. The findings point into the small source
// tree in analyzer/report/testdata/src, and the golden-file check every
// package's tests use. Only tests import this package; it
// imports nothing of the project but analyzer/finding, rules and report.
package reporttest

import (
	"path/filepath"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/report"
	"github.com/llmleak/llmleak/rules"
)

// Version is the tool version the fixture reports.
const Version = "1.2.3-test"

// Input returns the fixture with Root set to root, which should be
// analyzer/report/testdata/src for excerpts to be found. It covers every
// level, a finding with two flows, a cross-file flow, a finding
// suppressed inline and one by the baseline, two stale baseline entries,
// the two suppression checks (LK000, LK001), a secret literal on the reported line, non-ASCII and tab
// indented lines, a file that does not exist, and diagnostics with a
// relative and an absolute path.
func Input(root string) *report.Input {
	step := func(path string, line, col int, kind finding.StepKind, msg string) finding.Step {
		return finding.Step{Location: finding.Location{Path: path, Line: line, Col: col}, Kind: kind, Message: msg}
	}
	fs := []*finding.Finding{
		{
			Rule:     "LK101",
			Level:    finding.LevelError,
			Message:  "client-certificate identity from request.META['SSL_CLIENT_S_DN_CN'] and 1 more source reaches OpenAI chat.completions.create",
			Location: finding.Location{Path: "shop/views.py", Line: 13, Col: 13, EndLine: 13, EndCol: 107},
			Function: "shop.views.whoami",
			Sink:     "OpenAI chat.completions.create",
			Flows: []finding.Flow{
				{
					Source: "request.META['SSL_CLIENT_S_DN_CN']",
					Class:  "cert",
					Steps: []finding.Step{
						step("shop/views.py", 10, 15, finding.StepSource, "client-certificate subject CN read"),
						step("shop/views.py", 10, 5, finding.StepAssign, "stored in subject"),
						step("shop/views.py", 12, 5, finding.StepAssign, "formatted into prompt"),
						step("shop/views.py", 13, 98, finding.StepSink, "passed as messages to OpenAI chat.completions.create"),
					},
				},
				{
					Source: "request.META['HTTP_X_SSL_CLIENT_I_DN']",
					Class:  "cert",
					Steps: []finding.Step{
						step("shop/views.py", 11, 14, finding.StepSource, "forwarded client-certificate issuer read"),
						step("shop/views.py", 12, 5, finding.StepAssign, ""),
						step("shop/views.py", 13, 98, finding.StepSink, "passed as messages to OpenAI chat.completions.create"),
					},
				},
			},
		},
		{
			Rule:     "LK102",
			Level:    finding.LevelWarning,
			Message:  "whole request payload request.body reaches OpenAI responses.create through shop.llm.ask_llm",
			Location: finding.Location{Path: "shop/views.py", Line: 19, Col: 37, EndLine: 19, EndCol: 50},
			Function: "shop.views.summarize",
			Sink:     "OpenAI responses.create",
			Flows: []finding.Flow{{
				Source: "request.body",
				Class:  "payload",
				Steps: []finding.Step{
					step("shop/views.py", 18, 12, finding.StepSource, "request body read"),
					step("shop/views.py", 19, 37, finding.StepCall, "passed to shop.llm.ask_llm"),
					step("shop/llm.py", 9, 13, finding.StepParam, "received as prompt"),
					step("shop/llm.py", 11, 12, finding.StepSink, "passed as input to OpenAI responses.create"),
				},
			}},
			AlsoAt:            []finding.Location{{Path: "shop/views.py", Line: 20, Col: 5}},
			Suppressed:        true,
			SuppressionKind:   "inSource",
			SuppressionReason: "reviewed: body is public",
		},
		{
			Rule:     "LK105",
			Level:    finding.LevelError,
			Message:  "secret literal \"sk-pro…\" reaches OpenAI responses.create through shop.llm.ask_llm",
			Location: finding.Location{Path: "shop/views.py", Line: 23, Col: 14, EndLine: 23, EndCol: 78},
			Function: "shop.views.debug",
			Sink:     "OpenAI responses.create",
			Flows: []finding.Flow{{
				Source: "\"sk-pro…\"",
				Class:  "secret",
				Steps: []finding.Step{
					step("shop/views.py", 23, 36, finding.StepSource, "provider key literal"),
					step("shop/views.py", 23, 14, finding.StepCall, "passed to shop.llm.ask_llm"),
					step("shop/llm.py", 9, 13, finding.StepParam, "received as prompt"),
					step("shop/llm.py", 11, 12, finding.StepSink, "passed as input to OpenAI responses.create"),
				},
			}},
		},
		{
			Rule:     "LK202",
			Level:    finding.LevelNote,
			Message:  "prompt written to the log by log.info",
			Location: finding.Location{Path: "shop/llm.py", Line: 10, Col: 29, EndLine: 10, EndCol: 68},
			Function: "shop.llm.ask_llm",
			Sink:     "logging info",
			Flows: []finding.Flow{{
				Source: "prompt",
				Class:  "log",
				Steps: []finding.Step{
					step("shop/llm.py", 9, 13, finding.StepSource, "prompt received"),
					step("shop/llm.py", 10, 29, finding.StepSink, "logged by log.info"),
				},
			}},
		},
		{
			Rule:     "LK104",
			Level:    finding.LevelWarning,
			Message:  "user PII request.user.email reaches OpenAI responses.create through shop.llm.ask_llm",
			Location: finding.Location{Path: "shop/legacy.py", Line: 4, Col: 10, EndLine: 5, EndCol: 1},
			Function: "shop.legacy.legacy",
			Sink:     "OpenAI responses.create",
			Flows: []finding.Flow{{
				Source: "request.user.email",
				Class:  "pii",
				Steps: []finding.Step{
					step("shop/legacy.py", 3, 11, finding.StepSource, "user e-mail read"),
					step("shop/legacy.py", 4, 10, finding.StepCall, "passed to shop.llm.ask_llm"),
					step("shop/llm.py", 9, 13, finding.StepParam, "received as prompt"),
					step("shop/llm.py", 11, 12, finding.StepSink, "passed as input to OpenAI responses.create"),
				},
			}},
		},
		{
			Rule:     "LK301",
			Level:    finding.LevelError,
			Message:  "model output reaches eval\x1b[2J",
			Location: finding.Location{Path: "shop/gone.py", Line: 3, Col: 5},
			Function: "shop.gone.run",
			Sink:     "eval",
			Flows: []finding.Flow{{
				Source: "resp.output_text",
				Class:  "response",
				Steps: []finding.Step{
					step("shop/gone.py", 2, 5, finding.StepSource, "model output"),
					step("shop/gone.py", 3, 5, finding.StepSink, "evaluated"),
				},
			}},
		},
		{
			Rule:     "LK201",
			Level:    finding.LevelWarning,
			Message:  "request credentials request.COOKIES written to the log by print",
			Location: finding.Location{Path: "shop/views.py", Line: 28, Col: 5, EndLine: 28, EndCol: 39},
			Function: "shop.views.audit",
			Sink:     "print",
			Flows: []finding.Flow{{
				Source: "request.COOKIES",
				Class:  "credential",
				Steps: []finding.Step{
					step("shop/views.py", 28, 23, finding.StepSource, "reads request.COOKIES"),
					step("shop/views.py", 28, 5, finding.StepSink, "printed"),
				},
			}},
			Suppressed:        true,
			SuppressionKind:   "external",
			SuppressionReason: "recorded in the baseline",
		},
	}
	for _, f := range fs {
		f.Fingerprint = finding.ComputeFingerprint(f, f.Message)
	}
	finding.Sort(fs)
	diags := []*finding.Finding{
		{Rule: "LK001", Level: finding.LevelWarning, Message: "bare `# llmleak: ignore` suppresses every rule here; name the rules, e.g. `# llmleak: ignore[LK101]`",
			Location: finding.Location{Path: "shop/views.py", Line: 28, Col: 41}},
		{Rule: "LK000", Level: finding.LevelNote, Message: "unused suppression: no LK104 finding on this statement",
			Location: finding.Location{Path: "shop/views.py", Line: 29, Col: 30}},
	}
	for _, d := range diags {
		d.Fingerprint = finding.ComputeFingerprint(d, d.Message)
	}
	var rs []*rules.Rule
	for _, r := range rules.All() {
		if rules.Selected(r, nil, nil) {
			rs = append(rs, r)
		}
	}
	return &report.Input{
		Findings: fs,
		Diagnostics: []finding.Diagnostic{
			{Path: "shop/broken.py", Line: 7, Message: "syntax error; analyzed as far as the parser recovered"},
			{Path: filepath.Join(root, "shop", "latin1.py"), Message: "not UTF-8; skipped"},
		},
		Rules:   rs,
		Root:    root,
		Files:   12,
		Lines:   340,
		Version: Version,

		SuppressionDiagnostics: diags,
		BaselineStale:          2,
	}
}
