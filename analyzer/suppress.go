package analyzer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/suppression"
	"github.com/llmleak/llmleak/rules"
)

// directiveUse records which codes of a directive suppressed something.
type directiveUse struct {
	any   bool
	codes map[string]bool
}

// applySuppressions marks findings hidden by an inline directive on any
// line of the statement holding the join point, or alone on the line
// above it, and returns what each directive was used for. Every
// directive that covers a finding counts as used, not only the first.
func applySuppressions(fs []*finding.Finding, mods map[string]*ir.Module) map[*ir.Directive]*directiveUse {
	used := map[*ir.Directive]*directiveUse{}
	for _, f := range fs {
		m := mods[f.Location.Path]
		if m == nil || len(m.Directives) == 0 {
			continue
		}
		first, last := f.StmtLine, f.StmtEnd
		if first == 0 {
			first, last = f.Location.Line, f.Location.Line
		}
		if last < first {
			last = first
		}
		for _, d := range m.Directives {
			line := int(d.Pos.Line)
			inStmt := line >= first && line <= last
			above := d.Own && line == first-1
			if !inStmt && !above {
				continue
			}
			codes, ok := directiveCovers(d, f.Rule)
			if !ok {
				continue
			}
			u := used[d]
			if u == nil {
				u = &directiveUse{codes: map[string]bool{}}
				used[d] = u
			}
			u.any = true
			for _, c := range codes {
				u.codes[c] = true
			}
			if !f.Suppressed {
				f.Suppressed = true
				f.SuppressionKind = "inSource"
				f.SuppressionReason = d.Reason
			}
		}
	}
	return used
}

// directiveCovers reports whether d suppresses rule, and by which of its
// codes (none for a bare directive). A code is a rule ID or a prefix.
func directiveCovers(d *ir.Directive, rule string) ([]string, bool) {
	if len(d.Rules) == 0 {
		return nil, true
	}
	var codes []string
	for _, r := range d.Rules {
		if r != "" && strings.HasPrefix(rule, strings.ToUpper(r)) {
			codes = append(codes, strings.ToUpper(r))
		}
	}
	return codes, len(codes) > 0
}

// suppressionDiagnostics checks the directives of the files in scope:
// LK000 for codes that suppressed nothing although their rule ran (or
// that name no rule), LK001 for bare `# llmleak: ignore` when strict.
// ran tells whether a rule ran on a file (selected and not ignored for
// it). Directives without an llmleak code (`# noqa`, `# noqa: E501`)
// belong to other tools and are not checked.
func suppressionDiagnostics(mods map[string]*ir.Module, inScope func(string) bool, used map[*ir.Directive]*directiveUse,
	ran func(rule, path string) bool, strict bool) []*finding.Finding {
	var out []*finding.Finding
	paths := make([]string, 0, len(mods))
	for p := range mods {
		if inScope(p) {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, path := range paths {
		for _, d := range mods[path].Directives {
			u := used[d]
			loc := finding.Location{Path: path, Line: int(d.Pos.Line), Col: int(d.Pos.Col)}
			codes := llmleakCodes(d)
			if d.Kind == ir.DirectiveIgnore && len(d.Rules) == 0 {
				if strict {
					out = append(out, diagnostic(suppression.Bare, loc,
						"bare `# llmleak: ignore` suppresses every rule here; name the rules, e.g. `# llmleak: ignore[LK101]`", "bare"))
				}
				if u == nil && anyRuleRan(ran, path) {
					out = append(out, diagnostic(suppression.Unused, loc,
						"unused suppression: `# llmleak: ignore` suppressed no finding on this statement", "unused:*"))
				}
				continue
			}
			var unknown, unused []string
			for _, c := range codes {
				switch {
				case !knownCode(c):
					unknown = append(unknown, c)
				case u != nil && u.codes[c]:
				case codeRan(ran, c, path):
					unused = append(unused, c)
				}
			}
			if len(unknown) > 0 {
				out = append(out, diagnostic(suppression.Unused, loc,
					"suppression names no llmleak rule: "+strings.Join(unknown, ", ")+" (see 'llmleak rules')", "unknown:"+strings.Join(unknown, ",")))
			}
			if len(unused) > 0 {
				out = append(out, diagnostic(suppression.Unused, loc,
					"unused suppression: no "+strings.Join(unused, ", ")+" finding on this statement", "unused:"+strings.Join(unused, ",")))
			}
		}
	}
	return out
}

// llmleakCodes are the codes of d that are llmleak's: every code of a
// `# llmleak: ignore[...]`, the LK codes of a noqa.
func llmleakCodes(d *ir.Directive) []string {
	var out []string
	for _, r := range d.Rules {
		r = strings.ToUpper(r)
		if d.Kind == ir.DirectiveIgnore || strings.HasPrefix(r, "LK") {
			out = append(out, r)
		}
	}
	return out
}

// knownCode reports whether c selects a rule of the catalog or a
// suppression check.
func knownCode(c string) bool {
	if rules.ValidSelector(c) {
		return true
	}
	for _, chk := range suppression.All() {
		if strings.HasPrefix(chk.ID, c) {
			return true
		}
	}
	return false
}

// codeRan reports whether a rule that code c selects ran on path: only
// then can c be called unused.
func codeRan(ran func(rule, path string) bool, c, path string) bool {
	for _, r := range rules.All() {
		if (c == "ALL" || strings.HasPrefix(r.ID, c)) && ran(r.ID, path) {
			return true
		}
	}
	return false
}

func anyRuleRan(ran func(rule, path string) bool, path string) bool {
	return codeRan(ran, "ALL", path)
}

func diagnostic(c *suppression.Check, loc finding.Location, msg, key string) *finding.Finding {
	f := &finding.Finding{Rule: c.ID, Level: c.Level, Message: msg, Location: loc, StmtLine: loc.Line, StmtEnd: loc.Line}
	// Unlike a finding's, this fingerprint holds the line: two stale
	// comments alike in one file are two diagnostics.
	f.Fingerprint = finding.ComputeFingerprint(f, fmt.Sprintf("%s@%d:%d", key, loc.Line, loc.Col))
	return f
}
