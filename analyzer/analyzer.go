// Package analyzer is llmleak as a library: it discovers the Python files of
// a project, parses each once into the IR, resolves modules and imports,
// runs the taint engine over the whole project and returns findings.
//
// cmd/llmleak only parses flags and prints; anything a test or another
// program needs is here. Findings are returned; engine failures are
// errors. This package must not print, exit or import an output format.
package analyzer

import (
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/rules"
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
	// Jobs is the number of parse workers; 0 means all cores.
	Jobs int
	// Select and Ignore choose rules by ID or prefix ("LK1", "LK101").
	// Empty Select means every rule that is on by default.
	Select []string
	Ignore []string
	// Catalog adds the project's own sources, sinks and sanitizers.
	Catalog rules.UserCatalog
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
}
