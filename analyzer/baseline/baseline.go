// Package baseline records a project's accepted findings so that a scan
// reports only new ones: `llmleak scan --write-baseline FILE` writes the
// current findings, `--baseline FILE` hides them again.
//
// A finding is matched by its fingerprint, which leaves out line numbers
// (see finding.ComputeFingerprint), so a baselined finding stays hidden
// when code above it moves. Entries are a multiset: two identical
// findings need two entries, and a third copy of the same code is new.
//
// # File format
//
// JSON, two-space indented, entries sorted by path, rule, function and
// fingerprint, so that the file diffs cleanly in review and the same
// findings always give the same bytes:
//
//	{
//	  "tool": "llmleak",
//	  "baseline_version": 1,
//	  "fingerprint_version": "llmleak/v1",
//	  "entries": [
//	    {
//	      "fingerprint": "3f2a…",          // finding.Fingerprint
//	      "rule": "LK101",
//	      "path": "shop/views.py",         // relative to the project root
//	      "function": "shop.views.whoami",
//	      "message": "…"                   // for people reviewing the file
//	    }
//	  ]
//	}
//
// Only fingerprint is used for matching; rule and path also place an
// entry, so that a scan restricted to some files does not call the
// entries of the other files stale.
//
// This package imports analyzer/finding only.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"

	"github.com/llmleak/llmleak/analyzer/finding"
)

const (
	// Version is the baseline_version this package reads and writes.
	Version = 1
	// FingerprintVersion names the fingerprint recipe; a baseline made
	// with another recipe would match nothing, so it is refused. It is
	// the key of llmleak's fingerprint in SARIF partialFingerprints.
	FingerprintVersion = "llmleak/v1"
	// Reason is the suppression reason of a baselined finding.
	Reason = "recorded in the baseline"
)

// Entry is one accepted finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Function    string `json:"function"`
	Message     string `json:"message"`
}

// Baseline is a set of accepted findings.
type Baseline struct {
	Entries []Entry
}

type document struct {
	Tool               string  `json:"tool"`
	BaselineVersion    int     `json:"baseline_version"`
	FingerprintVersion string  `json:"fingerprint_version"`
	Entries            []Entry `json:"entries"`
}

// New records findings that no inline directive suppresses.
func New(fs []*finding.Finding) *Baseline {
	b := &Baseline{Entries: []Entry{}}
	for _, f := range fs {
		if f.Suppressed && f.SuppressionKind != "external" {
			continue
		}
		b.Entries = append(b.Entries, Entry{Fingerprint: f.Fingerprint, Rule: f.Rule, Path: f.Location.Path, Function: f.Function, Message: f.Message})
	}
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Function != y.Function {
			return x.Function < y.Function
		}
		if x.Fingerprint != y.Fingerprint {
			return x.Fingerprint < y.Fingerprint
		}
		return x.Message < y.Message
	})
	return b
}

// Marshal returns the baseline file's bytes.
func (b *Baseline) Marshal() []byte {
	entries := b.Entries
	if entries == nil {
		entries = []Entry{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	// Encoding a struct of strings cannot fail.
	_ = enc.Encode(document{Tool: "llmleak", BaselineVersion: Version, FingerprintVersion: FingerprintVersion, Entries: entries})
	return buf.Bytes()
}

// Read loads a baseline file. Errors name the file and the cause.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: cannot read the baseline: %w", path, err)
	}
	return Parse(path, data)
}

// Parse reads a baseline from data; path names it in errors.
func Parse(path string, data []byte) (*Baseline, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: not a baseline file: the file is empty", path)
	}
	var doc document
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s:%d: not a baseline file: %v", path, lineOf(data, se.Offset), err)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("%s:%d: not a baseline file: %s holds %s, want %s", path, lineOf(data, te.Offset), te.Field, te.Value, te.Type)
		}
		return nil, fmt.Errorf("%s: not a baseline file: %v", path, err)
	}
	switch {
	case doc.Tool != "llmleak":
		return nil, fmt.Errorf("%s: not an llmleak baseline (tool %q); write one with llmleak scan --write-baseline", path, doc.Tool)
	case doc.BaselineVersion != Version:
		return nil, fmt.Errorf("%s: baseline_version %d is not supported (this llmleak reads %d); rewrite it with --write-baseline", path, doc.BaselineVersion, Version)
	case doc.FingerprintVersion != FingerprintVersion:
		return nil, fmt.Errorf("%s: fingerprints are %q, this llmleak computes %q; rewrite the baseline with --write-baseline", path, doc.FingerprintVersion, FingerprintVersion)
	}
	for i, e := range doc.Entries {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: entry %d has no fingerprint", path, i+1)
		}
	}
	return &Baseline{Entries: doc.Entries}, nil
}

func lineOf(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// Apply marks the findings the baseline records as suppressed (kind
// external) and returns how many entries matched nothing. An entry only
// counts as stale when inScope accepts its path: a scan that reports on
// some files cannot tell whether the entries of the others still apply.
// Findings already suppressed inline use up their entry but stay as
// they are.
func (b *Baseline) Apply(fs []*finding.Finding, inScope func(path string) bool) (stale int) {
	left := map[string]int{}
	for _, e := range b.Entries {
		left[e.Fingerprint]++
	}
	for _, f := range fs {
		if left[f.Fingerprint] == 0 {
			continue
		}
		left[f.Fingerprint]--
		if !f.Suppressed {
			f.Suppressed = true
			f.SuppressionKind = "external"
			f.SuppressionReason = Reason
		}
	}
	for _, e := range b.Entries {
		if left[e.Fingerprint] > 0 && (inScope == nil || inScope(e.Path)) {
			left[e.Fingerprint]--
			stale++
		}
	}
	return stale
}
