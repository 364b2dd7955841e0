// Package suppression describes llmleak's checks of its own suppression
// comments: LK000 reports a `# llmleak: ignore[...]` or `# noqa: LK...`
// that suppressed nothing, LK001 (with --strict-suppressions) a bare
// `# llmleak: ignore` that names no rule.
//
// They are tool diagnostics, not rules of the catalog: they say nothing
// about data flows, they are kept out of analyzer.Result.Findings (so a
// fixture harness comparing rule findings never sees them), and they fail
// a run only under --strict-suppressions. Printers list them after the
// findings; SARIF lists them as rules after the catalog's.
//
// This package imports analyzer/finding only.
package suppression

import (
	"fmt"
	"strings"

	"github.com/llmleak/llmleak/analyzer/finding"
)

// Check is one suppression check.
type Check struct {
	ID    string // "LK000"
	Name  string // PascalCase, for SARIF
	Title string
	Level finding.Level
	// Help explains the check: what it reports and how to fix it.
	Help string
	// Example is a Python snippet that triggers it.
	Example string
}

// Unused is LK000.
var Unused = &Check{
	ID:    "LK000",
	Name:  "UnusedSuppression",
	Title: "unused suppression comment",
	Level: finding.LevelNote,
	Help: "A `# llmleak: ignore[...]` or `# noqa: LK...` comment suppressed no finding: the flow it " +
		"was written for is gone, or the comment sits on the wrong line. A stale suppression hides " +
		"the next real finding on that statement, so remove it, or name the rule that is reported " +
		"there. A code is checked only when its rule ran: `# llmleak: ignore[LK109]` is not reported " +
		"unless LK109 is selected. A code that names no llmleak rule is reported too. Comments " +
		"without an llmleak code (`# noqa`, `# noqa: E501`) belong to other tools and are left alone. " +
		"Reported as a note; fails the run only with --strict-suppressions.",
	Example: "answer = ask_llm(question)  # llmleak: ignore[LK101] nothing flows here any more",
}

// Bare is LK001.
var Bare = &Check{
	ID:    "LK001",
	Name:  "BareSuppression",
	Title: "suppression comment without a rule",
	Level: finding.LevelWarning,
	Help: "With --strict-suppressions, a bare `# llmleak: ignore` is reported: it hides every rule " +
		"on the statement, including findings nobody has reviewed yet. Name the rules it is meant " +
		"for, and say why in the comment: `# llmleak: ignore[LK104] the name is the user's own`.",
	Example: "answer = ask_llm(prompt)  # llmleak: ignore",
}

// All returns the checks in ID order.
func All() []*Check { return []*Check{Unused, Bare} }

// ByID returns the check with the given ID, or nil.
func ByID(id string) *Check {
	for _, c := range All() {
		if strings.EqualFold(c.ID, id) {
			return c
		}
	}
	return nil
}

// Explain is the check's documentation for `llmleak explain`.
func (c *Check) Explain() string {
	return fmt.Sprintf("%s: %s\n\nlevel %s · a check of suppression comments, not a data-flow rule\n\n%s\n\nExample:\n\n    %s\n",
		c.ID, c.Title, c.Level, c.Help, c.Example)
}

// HelpMarkdown is the check's documentation for SARIF help.markdown.
func (c *Check) HelpMarkdown() string {
	return fmt.Sprintf("**%s: %s**\n\n%s\n\n```python\n%s\n```\n", c.ID, c.Title, c.Help, c.Example)
}
