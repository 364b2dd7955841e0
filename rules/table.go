package rules

import (
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
)

// table is the rule catalog, in ID order. Documentation text lives in
// docs.go and is attached by All.
var table = []*Rule{
	{ID: "LK101", Slug: "cert-identity-in-prompt", Title: "client-certificate identity reaches an LLM prompt", Level: finding.LevelError, CWE: 359, OWASP: "LLM02", DefaultOn: true, SecuritySeverity: "7.5", Precision: "high"},
	{ID: "LK102", Slug: "request-payload-in-prompt", Title: "whole request payload reaches an LLM prompt", Level: finding.LevelWarning, CWE: 201, OWASP: "LLM02", DefaultOn: true, SecuritySeverity: "6.5", Precision: "high"},
	{ID: "LK103", Slug: "credential-in-prompt", Title: "request credentials or metadata reach an LLM prompt", Level: finding.LevelError, CWE: 522, OWASP: "LLM02", DefaultOn: true, SecuritySeverity: "8.1", Precision: "high"},
	{ID: "LK104", Slug: "user-pii-in-prompt", Title: "user PII reaches an LLM prompt", Level: finding.LevelWarning, CWE: 359, OWASP: "LLM02", DefaultOn: true, SecuritySeverity: "6.5", Precision: "high"},
	{ID: "LK105", Slug: "secret-in-prompt", Title: "secret reaches an LLM prompt", Level: finding.LevelError, CWE: 798, OWASP: "LLM07", DefaultOn: true, SecuritySeverity: "9.1", Precision: "high"},
	{ID: "LK106", Slug: "exception-text-in-prompt", Title: "exception or traceback text reaches an LLM prompt", Level: finding.LevelWarning, CWE: 209, OWASP: "LLM02", DefaultOn: true, SecuritySeverity: "5.3", Precision: "high"},
	{ID: "LK107", Slug: "log-contents-in-prompt", Title: "log contents reach an LLM prompt", Level: finding.LevelWarning, CWE: 532, OWASP: "LLM02", DefaultOn: true, SecuritySeverity: "5.5", Precision: "medium"},
	{ID: "LK108", Slug: "request-input-in-system-role", Title: "request input placed in the system role / instructions", Level: finding.LevelWarning, CWE: 1427, OWASP: "LLM01", DefaultOn: true, SecuritySeverity: "6.1", Precision: "medium"},
	{ID: "LK109", Slug: "request-content-egress", Title: "request content sent to an LLM provider (inventory; off by default)", Level: finding.LevelNote, CWE: 201, OWASP: "LLM02", DefaultOn: false, SecuritySeverity: "2.0", Precision: "medium"},
	{ID: "LK201", Slug: "sensitive-data-in-log", Title: "sensitive request data written to a log", Level: finding.LevelWarning, CWE: 532, DefaultOn: true, SecuritySeverity: "5.5", Precision: "high"},
	{ID: "LK202", Slug: "prompt-or-response-in-log", Title: "prompt or model response written to a log", Level: finding.LevelNote, CWE: 532, DefaultOn: true, SecuritySeverity: "3.1", Precision: "medium"},
	{ID: "LK203", Slug: "personal-data-in-log", Title: "personal data written to a log (off by default)", Level: finding.LevelNote, CWE: 532, DefaultOn: false, SecuritySeverity: "3.1", Precision: "medium"},
	{ID: "LK301", Slug: "model-output-to-dangerous-sink", Title: "model output reaches code, shell, SQL or unescaped HTML", Level: finding.LevelError, CWE: 94, OWASP: "LLM05", DefaultOn: true, SecuritySeverity: "8.8", Precision: "high"},
	{ID: "LK401", Slug: "unverified-forwarded-client-cert", Title: "forwarded client-cert header trusted without verification", Level: finding.LevelError, CWE: 290, DefaultOn: true, SecuritySeverity: "8.1", Precision: "medium"},
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *Rule {
	for _, r := range All() {
		if r.ID == strings.ToUpper(id) {
			return r
		}
	}
	return nil
}

// Selected reports whether rule id is chosen by the selectors: a selector
// is a full ID ("LK101"), a prefix ("LK1"), or "ALL". With no select
// selectors, the rules that are on by default are chosen.
func Selected(r *Rule, selectors, ignores []string) bool {
	on := r.DefaultOn
	if len(selectors) > 0 {
		on = matchAny(r.ID, selectors)
	}
	if matchAny(r.ID, ignores) {
		on = false
	}
	return on
}

func matchAny(id string, selectors []string) bool {
	for _, s := range selectors {
		s = strings.ToUpper(strings.TrimSpace(s))
		if s == "ALL" || (s != "" && strings.HasPrefix(id, s)) {
			return true
		}
	}
	return false
}

// ValidSelector reports whether s names at least one rule (a full ID or a
// prefix of one) or is "ALL".
func ValidSelector(s string) bool {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "ALL" {
		return true
	}
	if len(s) < 2 {
		return false
	}
	for _, r := range table {
		if strings.HasPrefix(r.ID, s) {
			return true
		}
	}
	return false
}
