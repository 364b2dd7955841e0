// Package analyzer is llmleak as a library: it discovers the Python files of
// a project, parses each once into the IR, resolves modules and imports,
// runs the taint engine over the whole project and returns findings.
//
// cmd/llmleak only parses flags and prints; anything a test or another
// program needs is here. Findings are returned; engine failures are
// errors. This package must not print, exit or import an output format.
package analyzer

import (
	"github.com/llmleak/llmleak/analyzer/baseline"
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/gitdiff"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
	"time"
)

// Config says what to scan and how.
type Config struct {
	// Root is the project root: file paths in findings are relative to it
	// and module names are computed below it. Empty means the current
	// directory.
	Root string
	// Paths are the files and directories to scan, relative to the current
	// directory or absolute. Empty means Root. Directories are analyzed;
	// when a file is named, the whole Root is analyzed (so cross-file flows
	// are found) and reporting is restricted to the named files and
	// directories.
	Paths []string
	// Exclude and Include are doublestar globs matched against paths
	// relative to Root. Include, when set, keeps only matching files.
	Exclude []string
	Include []string
	// RespectGitignore skips what .gitignore files (and
	// .git/info/exclude) ignore, as git does.
	RespectGitignore bool
	// Jobs is the number of parse workers; 0 means all cores.
	Jobs int
	// Select and Ignore choose rules by ID or prefix ("LK1", "LK101").
	// Empty Select means every rule that is on by default.
	Select []string
	Ignore []string
	// Catalog adds the project's own sources, sinks and sanitizers.
	Catalog rules.UserCatalog
	// SizeHint, when set, is called once the files are discovered, with
	// the total size of the sources about to be parsed: a program can size
	// its memory settings by it (the analyzer itself changes none).
	SizeHint func(sourceBytes int64)

	// Severity overrides the level of findings: a key is a rule ID or
	// prefix ("LK202", "LK2"), the longest matching key wins.
	Severity map[string]finding.Level
	// PerFileIgnores turn rules off for the files a glob matches.
	PerFileIgnores []FileIgnore
	// StrictSuppressions reports bare `# llmleak: ignore` comments (LK001)
	// and lets suppression diagnostics fail the run.
	StrictSuppressions bool
	// Baseline, when set, suppresses the findings it records (kind
	// "external") and Result.BaselineStale counts its unmatched entries.
	Baseline *baseline.Baseline
	// IncludeTests analyzes and reports test code too (TestPatterns); by
	// default it is skipped, as production code does not import it.
	IncludeTests bool
	// PropagateUnknown makes a library call no model row describes carry
	// its arguments' data into its result (the broad behaviour, for audits
	// that want reach over precision); by default its result is fresh.
	PropagateUnknown bool
	// TrackModelRows records which library model rows took effect in the
	// analysis (Result.ModelRowsUsed), for tests that every row is proven.
	TrackModelRows bool
	// Changed, when not nil, keeps only the findings whose join point or
	// flow touches a changed line (--diff). Its paths are relative to
	// Root.
	Changed gitdiff.Changes
}

// TestPatterns are the globs of test code, left out unless IncludeTests:
// test directories, test modules and pytest's conftest.
var TestPatterns = []string{"tests/", "test/", "test_*.py", "*_test.py", "tests.py", "conftest.py"}

// FileIgnore turns Rules (IDs or prefixes) off for the files Glob
// matches. Glob is relative to Root; without a "/" it matches a file or
// directory name at any depth, like --exclude.
type FileIgnore struct {
	Glob  string
	Rules []string
}

// Result is what a run found.
type Result struct {
	// Root is the absolute project root.
	Root string
	// Findings are sorted in report order, fingerprinted, and carry their
	// suppression state.
	Findings []*finding.Finding
	// Diagnostics are input problems (unreadable, binary or non-UTF-8
	// files, syntax errors), sorted by path.
	Diagnostics []finding.Diagnostic
	// Files and Lines count what was analyzed.
	Files int
	Lines int
	// SuppressionDiagnostics are the findings of the suppression checks
	// (package suppression: LK000 unused, LK001 bare), sorted. They are
	// kept apart from Findings, which holds only the rules' findings.
	SuppressionDiagnostics []*finding.Finding
	// BaselineStale counts the baseline entries, among the files reported
	// on, that matched no finding.
	BaselineStale int
	// ModelCalls are the calls to a model provider the analysis
	// recognised, reached by data or not, sorted.
	ModelCalls []finding.Location
	// ModelRowsUsed are the model rows that took effect, with
	// Config.TrackModelRows.
	ModelRowsUsed []*model.Row
	// Phases are the wall-clock times of the analysis' phases, in order
	// (for --verbose; they vary from run to run).
	Phases []Phase
	// Rounds and Analyses are how many fixpoint rounds and function
	// analyses the engine took.
	Rounds, Analyses int
}

// Phase is one step of a run and how long it took.
type Phase struct {
	Name     string
	Duration time.Duration
}
