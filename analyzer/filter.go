package analyzer

import (
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/rules"
)

// applyFilters runs the steps that follow rule selection and the
// restriction to named files, in this order:
//
//  1. severity overrides set each finding's level;
//  2. inline suppressions mark findings, and the suppression checks
//     (LK000, LK001) look at every directive of the files in scope;
//  3. per-file ignores drop findings (after 2, so that a directive for
//     a rule ignored in that file is not called unused);
//  4. the baseline marks the findings it records and counts its stale
//     entries;
//  5. diff mode keeps the findings and diagnostics touching changed
//     lines.
//
// It returns the findings kept and sets the suppression diagnostics and
// the stale count on res.
func (res *Result) applyFilters(fs []*finding.Finding, cfg Config, mods map[string]*ir.Module, restrict []string) []*finding.Finding {
	inScope := func(p string) bool { return restrict == nil || underAny(p, restrict) }

	overrideSeverity(fs, cfg.Severity)

	used := applySuppressions(fs, mods)
	ran := func(rule, path string) bool {
		r := rules.ByID(rule)
		return r != nil && rules.Selected(r, cfg.Select, cfg.Ignore) && !fileIgnored(cfg.PerFileIgnores, path, rule)
	}
	diags := suppressionDiagnostics(mods, inScope, used, ran, cfg.StrictSuppressions)

	if len(cfg.PerFileIgnores) > 0 {
		kept := fs[:0]
		for _, f := range fs {
			if !fileIgnored(cfg.PerFileIgnores, f.Location.Path, f.Rule) {
				kept = append(kept, f)
			}
		}
		fs = kept
	}

	if cfg.Baseline != nil {
		res.BaselineStale = cfg.Baseline.Apply(fs, inScope)
	}

	if cfg.Changed != nil {
		fs = touchingChanges(fs, cfg)
		diags = touchingChanges(diags, cfg)
	}

	finding.Sort(diags)
	res.SuppressionDiagnostics = diags
	return fs
}

// overrideSeverity sets the level of each finding whose rule a key of
// levels selects; the longest (most specific) key wins.
func overrideSeverity(fs []*finding.Finding, levels map[string]finding.Level) {
	if len(levels) == 0 {
		return
	}
	for _, f := range fs {
		best := ""
		for k := range levels {
			k = strings.ToUpper(k)
			if (k == "ALL" || strings.HasPrefix(f.Rule, k)) && len(k) > len(best) {
				best = k
			}
		}
		if best != "" {
			if l := levels[best]; l != finding.LevelNone {
				f.Level = l
			}
		}
	}
}

// fileIgnored reports whether a per-file ignore turns rule off for p.
func fileIgnored(ignores []FileIgnore, p, rule string) bool {
	for _, ig := range ignores {
		if !matchFileGlob(ig.Glob, p) {
			continue
		}
		for _, r := range ig.Rules {
			r = strings.ToUpper(strings.TrimSpace(r))
			if r == "ALL" || (r != "" && strings.HasPrefix(rule, r)) {
				return true
			}
		}
	}
	return false
}

// matchFileGlob matches a Root-relative slash path, or one of its parent
// directories, against glob; a glob without "/" also matches any single
// path component ("tests", "*_test.py"). Invalid globs match nothing
// (the configuration loader rejects them first).
func matchFileGlob(glob, p string) bool {
	g := strings.TrimPrefix(strings.TrimSpace(strings.ReplaceAll(glob, "\\", "/")), "./")
	anywhere := !strings.Contains(strings.TrimRight(g, "/"), "/")
	g = strings.Trim(g, "/")
	if g == "" {
		return false
	}
	for q := p; q != "." && q != "/" && q != ""; q = path.Dir(q) {
		if ok, _ := doublestar.Match(g, q); ok {
			return true
		}
		if anywhere {
			if ok, _ := doublestar.Match(g, path.Base(q)); ok {
				return true
			}
		}
	}
	return false
}

// underAny reports whether p is one of paths or below one of them.
func underAny(p string, paths []string) bool {
	for _, r := range paths {
		if r == "." || p == r || strings.HasPrefix(p, strings.TrimSuffix(r, "/")+"/") {
			return true
		}
	}
	return false
}

// touchingChanges keeps the findings whose join point, or a step of one
// of their flows, is on a changed line.
func touchingChanges(fs []*finding.Finding, cfg Config) []*finding.Finding {
	kept := fs[:0]
	for _, f := range fs {
		if touches(cfg, f) {
			kept = append(kept, f)
		}
	}
	return kept
}

func touches(cfg Config, f *finding.Finding) bool {
	loc := f.Location
	from, to := loc.Line, max(loc.EndLine, loc.Line)
	if f.StmtLine > 0 {
		from, to = min(from, f.StmtLine), max(to, f.StmtEnd)
	}
	if cfg.Changed.Touches(loc.Path, from, to) {
		return true
	}
	for _, fl := range f.Flows {
		for _, s := range fl.Steps {
			if cfg.Changed.Touches(s.Path, s.Line, max(s.EndLine, s.Line)) {
				return true
			}
		}
	}
	return false
}
