package analyzer

import (
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/ir"
)

// applySuppressions marks findings hidden by an inline directive on any
// line of the statement holding the join point, or alone on the line
// above it.
func applySuppressions(fs []*finding.Finding, mods map[string]*ir.Module) {
	for _, f := range fs {
		m := mods[f.Location.Path]
		if m == nil || len(m.Directives) == 0 {
			continue
		}
		first, last := f.StmtLine, f.StmtEnd
		if first == 0 {
			first, last = f.Location.Line, f.Location.Line
		}
		for _, d := range m.Directives {
			inStmt := d.Pos.Line >= first && d.Pos.Line <= last
			above := d.Own && d.Pos.Line == first-1
			if !inStmt && !above {
				continue
			}
			if !directiveCovers(d, f.Rule) {
				continue
			}
			f.Suppressed = true
			f.SuppressionKind = "inSource"
			f.SuppressionReason = d.Reason
			break
		}
	}
}

func directiveCovers(d *ir.Directive, rule string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r != "" && strings.HasPrefix(rule, strings.ToUpper(r)) {
			return true
		}
	}
	return false
}
