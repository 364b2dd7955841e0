// Package report prints llmleak's findings for people and machines: the
// terminal (Text), a stable JSON document (JSON), GitHub workflow commands
// (GitHub) and a Markdown job summary (GitHubSummary). The SARIF writer
// lives in package sarif; rule documentation is rendered by package rules.
//
// Printers only format: the findings they get are already filtered,
// suppressed and sorted. This package must import nothing of the project
// but analyzer/finding, analyzer/suppression and rules — in particular
// not analyzer, the cgo-heavy engine — so that printers build and test
// without it.
//
// No printer writes an absolute path or the clock's time: output depends
// only on the findings and the scanned tree (GitLab's required scan times
// are Input.ReportTime, from SOURCE_DATE_EPOCH), so it can be committed,
// diffed and cached. Secret-looking string literals in source excerpts
// are cut to a short prefix and "…".
//
// # JSON schema
//
// JSON writes one object, two-space indented, keys in the order below,
// ending in a newline. Paths are slash-separated and relative to the scan
// root; lines and columns are 1-based, columns counted in UTF-16 code
// units; an end position is exclusive and 0 when unknown. New keys may be
// added; existing keys keep their meaning while schema_version is 1.
//
//	{
//	  "tool": "llmleak",
//	  "version": string,             // llmleak version
//	  "schema_version": 1,
//	  "findings": [                  // report order: path, line, column, rule
//	    {
//	      "rule": "LK101",
//	      "level": "error" | "warning" | "note",
//	      "message": string,
//	      "path": string,            // the join point: the sink call, or the
//	      "line": int,               // call of a project function that leads
//	      "column": int,             // to one
//	      "end_line": int,
//	      "end_column": int,
//	      "function": string,        // "shop.views.ask"
//	      "sink": string,            // "OpenAI chat.completions.create"
//	      "fingerprint": string,     // stable across runs and line shifts
//	      "suppressed": bool,        // by a comment or the baseline
//	      "suppression": {           // only when suppressed
//	        "kind": "inSource" | "external",   // external: the baseline
//	        "reason": string
//	      },
//	      "flows": [                 // one per source, at least one
//	        {
//	          "source": string,      // "request.META['SSL_CLIENT_S_DN_CN']", secrets redacted
//	          "class": string,       // cert, payload, credential, pii, userid, secret, error, log, input, response
//	          "steps": [             // source first, sink last
//	            {"path": string, "line": int, "column": int,
//	             "kind": "source" | "assign" | "call" | "param" | "return" | "sink",
//	             "message": string}
//	          ]
//	        }
//	      ],
//	      "also_at": [               // only when other join points of the same root cause
//	        {"path": string, "line": int, "column": int}   // (same function, sources and sink) were merged here
//	      ]
//	    }
//	  ],
//	  "diagnostics": [               // input problems that are not findings
//	    {"path": string, "line": int, "message": string}   // line 0: whole file
//	  ],
//	  "suppression_diagnostics": [   // checks of suppression comments:
//	    {"rule": "LK000" | "LK001",  // unused, bare (--strict-suppressions)
//	     "level": string, "message": string,
//	     "path": string, "line": int, "column": int, "fingerprint": string}
//	  ],
//	  "summary": {
//	    "files": int, "lines": int,  // what was analyzed
//	    "findings": int,             // unsuppressed findings
//	    "by_level": {"error": int, "warning": int, "note": int},  // unsuppressed
//	    "suppressed": int,           // by a comment or the baseline
//	    "rules": [string],           // IDs of the rules that ran
//	    "baselined": int,            // suppressed by the baseline
//	    "baseline_stale": int,       // baseline entries that matched nothing
//	    "suppression_diagnostics": int
//	  }
//	}
package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/rules"
)

// Input is everything a printer needs.
type Input struct {
	// Findings are already filtered and sorted; suppressed ones are kept so
	// that machine formats can say so, and are counted by Text.
	Findings    []*finding.Finding
	Diagnostics []finding.Diagnostic
	// Rules are the rules that ran, listed in the JSON summary. (SARIF
	// lists every rule of the catalog.)
	Rules []*rules.Rule
	// Root is the absolute project root. Text reads source excerpts below
	// it; no printer writes it out.
	Root         string
	Files, Lines int
	Version      string
	// Color turns on ANSI colours in Text. The caller decides (a terminal,
	// NO_COLOR unset, no --no-color).
	Color bool
	// Quiet makes Text print only each finding's header line: no excerpt,
	// no flow, no summary. Other formats ignore it.
	Quiet bool
	// NoSource leaves the source excerpt out of Text (--no-show-source);
	// the flows and the summary stay.
	NoSource bool
	// SuppressionDiagnostics are the findings of the suppression checks
	// (LK000, LK001), sorted; printers list them after the findings.
	SuppressionDiagnostics []*finding.Finding
	// BaselineStale counts baseline entries that matched no finding.
	BaselineStale int
	// ReportTime is the scan time formats that must carry one write
	// (GitLab's start_time and end_time): a fixed input, not the clock,
	// so that the same input gives the same bytes (ReportTimeFromEnv).
	ReportTime time.Time
}

// Counts tallies findings for summaries.
type Counts struct {
	Findings   int // unsuppressed
	Errors     int // unsuppressed, by level
	Warnings   int
	Notes      int
	Suppressed int // inline and by the baseline
	Baselined  int // suppressed by the baseline
	Stale      int // baseline entries that matched nothing
	// SuppressionDiagnostics counts the suppression checks' findings.
	SuppressionDiagnostics int
}

// Count tallies the findings of in.
func Count(in *Input) Counts {
	c := Counts{Stale: in.BaselineStale, SuppressionDiagnostics: len(in.SuppressionDiagnostics)}
	for _, f := range in.Findings {
		if f.Suppressed {
			c.Suppressed++
			if f.SuppressionKind == "external" {
				c.Baselined++
			}
			continue
		}
		c.Findings++
		switch f.Level {
		case finding.LevelError:
			c.Errors++
		case finding.LevelWarning:
			c.Warnings++
		case finding.LevelNote:
			c.Notes++
		}
	}
	return c
}

// Sentence is the one-line summary of a run, e.g. "Found 3 findings (2
// errors, 1 warning) in 12 files." or "No findings in 12 files (3
// suppressed, 2 of them by the baseline; 1 stale baseline entry). 1
// suppression comment to review."
func (c Counts) Sentence(files int) string {
	var b strings.Builder
	if c.Findings == 0 {
		b.WriteString("No findings")
	} else {
		fmt.Fprintf(&b, "Found %s", plural(c.Findings, "finding"))
		var parts []string
		for _, p := range []struct {
			n    int
			word string
		}{{c.Errors, "error"}, {c.Warnings, "warning"}, {c.Notes, "note"}} {
			if p.n > 0 {
				parts = append(parts, plural(p.n, p.word))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(parts, ", "))
		}
	}
	fmt.Fprintf(&b, " in %s", plural(files, "file"))
	var notes []string
	if c.Suppressed > 0 {
		s := fmt.Sprintf("%d suppressed", c.Suppressed)
		if c.Baselined > 0 {
			s += fmt.Sprintf(", %d of them by the baseline", c.Baselined)
		}
		notes = append(notes, s)
	}
	if c.Stale > 0 {
		stale := fmt.Sprintf("%d stale baseline entries", c.Stale)
		if c.Stale == 1 {
			stale = "1 stale baseline entry"
		}
		notes = append(notes, stale)
	}
	if len(notes) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(notes, "; "))
	}
	b.WriteString(".")
	if c.SuppressionDiagnostics > 0 {
		fmt.Fprintf(&b, " %s to review.", plural(c.SuppressionDiagnostics, "suppression comment"))
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// DisplayPath returns p as printers write it: slash-separated and relative
// to root. Findings carry relative paths already; this guards against an
// absolute path (a diagnostic about a file outside the tree, say) leaking
// the machine's layout into a report. A path outside root keeps only its
// base name.
func DisplayPath(root, p string) string {
	if p == "" || !filepath.IsAbs(p) {
		return filepath.ToSlash(p)
	}
	if root != "" {
		if rel, err := filepath.Rel(root, p); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(p)
}
