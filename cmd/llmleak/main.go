// Command llmleak finds sensitive data flowing into LLM calls and logs in
// Django code.
//
// This package only parses the command line, calls analyzer.Run and hands
// the result to a printer (analyzer/report, sarif). Everything a test or
// another program needs lives in those packages; os.Exit is called in
// main alone, and run holds the logic so that tests can call it.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/llmleak/llmleak/analyzer/suppression"
	"github.com/llmleak/llmleak/rules"
)

// version is the llmleak version; releases set it with
// -ldflags "-X main.version=1.2.3".
var version = "0.1.0-dev"

// Exit codes.
const (
	// exitClean: no unsuppressed finding at or above the threshold.
	exitClean = 0
	// exitFindings: at least one unsuppressed finding at or above the
	// severity threshold.
	exitFindings = 1
	// exitError: a usage or configuration error, or a file that could not
	// be read or written; a message on stderr names it and the cause.
	exitError = 2
	// exitInterrupted: stopped by Ctrl-C (SIGINT), as shells report it
	// (128 + 2).
	exitInterrupted = 130
)

// Memory tuning, used when neither GOGC nor GOMEMLIMIT is set. A scan
// holds the whole project's IR, a large pointer-rich heap every
// collection marks again, while the engine allocates fast: collecting
// seldom (GOGC 200) under a soft limit sized from the sources keeps the
// peak resident memory of a 427k-line scan under 300 MB and cut the
// engine's time by a quarter against GOGC 50 in our measurements. The
// limit grows with the project, so a large one is not starved.
const (
	scanGCPercent  = 200
	minMemoryLimit = 256 << 20
	// memoryPerSourceByte is the heap a scan needs per byte of source
	// at most, as measured (peak live heap about 10x the sources).
	memoryPerSourceByte = 16
)

func main() {
	os.Exit(runMain(os.Args[1:]))
}

// runMain runs the command line as the process does.
func runMain(args []string) int {
	// A closed standard output (llmleak scan | head -0) is a write error
	// the report code names, exit 2, rather than death by SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)
	return run(args, os.Stdout, os.Stderr)
}

// tuneMemory sets the collector for a scan of sourceBytes of Python,
// unless the user set GOGC or GOMEMLIMIT.
func tuneMemory(sourceBytes int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	limit := sourceBytes * memoryPerSourceByte
	if limit < minMemoryLimit {
		limit = minMemoryLimit
	}
	debug.SetMemoryLimit(limit)
	debug.SetGCPercent(scanGCPercent)
}

const usage = `llmleak finds sensitive data flowing into LLM calls and logs in Django code.

Usage:
  llmleak scan [flags] [PATH ...]   analyze a project (default PATH: .)
  llmleak rules                     list the rules
  llmleak explain RULE              show a rule's documentation
  llmleak version                   print the version
  llmleak help [scan]               show this help, or the flags of scan

Exit status: 0 when no finding is at or above the severity threshold,
1 when one is, 2 on a usage, configuration or I/O error.
`

// run executes the command line args (without the program name) and
// returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "scan":
		return scan(rest, stdout, stderr)
	case "rules":
		asJSON, rest, err := jsonFlag(rest)
		if err != nil {
			return usageError(stderr, "rules", "%v", err)
		}
		if len(rest) > 0 {
			return usageError(stderr, "rules", "takes no arguments, got %q", strings.Join(rest, " "))
		}
		if asJSON {
			return writeJSON(stdout, stderr, ruleDocs(rules.All()))
		}
		fmt.Fprint(stdout, rules.Table())
		fmt.Fprint(stdout, checksTable())
		return exitClean
	case "explain":
		asJSON, rest, err := jsonFlag(rest)
		if err != nil {
			return usageError(stderr, "explain", "%v", err)
		}
		if asJSON {
			if len(rest) != 1 {
				return usageError(stderr, "explain", "takes one rule ID, e.g. llmleak explain LK101")
			}
			r := ruleNamed(rest[0])
			if r == nil {
				fmt.Fprintf(stderr, "llmleak explain: unknown rule %q; 'llmleak rules' lists them\n", rest[0])
				return exitError
			}
			return writeJSON(stdout, stderr, ruleDocs([]*rules.Rule{r})[0])
		}
		return explain(rest, stdout, stderr)
	case "version", "--version":
		if len(rest) > 0 {
			return usageError(stderr, "version", "takes no arguments, got %q", strings.Join(rest, " "))
		}
		fmt.Fprintf(stdout, "llmleak %s\n", version)
		return exitClean
	case "help", "-h", "--help":
		switch {
		case len(rest) == 0:
			fmt.Fprint(stdout, usage)
		case len(rest) == 1 && rest[0] == "scan":
			fmt.Fprint(stdout, scanUsage())
		default:
			return usageError(stderr, "help", "no help for %q", strings.Join(rest, " "))
		}
		return exitClean
	}
	fmt.Fprintf(stderr, "llmleak: unknown command %q\nRun 'llmleak help' for usage.\n", cmd)
	return exitError
}

func explain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageError(stderr, "explain", "takes one rule ID, e.g. llmleak explain LK101")
	}
	if c := suppression.ByID(args[0]); c != nil {
		fmt.Fprint(stdout, c.Explain())
		return exitClean
	}
	r := ruleNamed(args[0])
	if r == nil {
		fmt.Fprintf(stderr, "llmleak explain: unknown rule %q; 'llmleak rules' lists them\n", args[0])
		return exitError
	}
	fmt.Fprint(stdout, r.Explain())
	return exitClean
}

// checksTable lists the suppression checks after the rules: they are
// reported like rules but are not data-flow rules.
func checksTable() string {
	var b strings.Builder
	b.WriteString("\nChecks of suppression comments (reported after the findings; fail the run only with --strict-suppressions):\n")
	for _, c := range suppression.All() {
		when := "on"
		if c == suppression.Bare {
			when = "with --strict-suppressions"
		}
		fmt.Fprintf(&b, "%s  %-7s  %s (%s)\n", c.ID, c.Level, c.Title, when)
	}
	return b.String()
}

// usageError reports a command line mistake and returns exitError.
func usageError(stderr io.Writer, cmd, format string, a ...any) int {
	fmt.Fprintf(stderr, "llmleak %s: %s\nRun 'llmleak help", cmd, fmt.Sprintf(format, a...))
	if cmd == "scan" {
		fmt.Fprint(stderr, " scan")
	}
	fmt.Fprint(stderr, "' for usage.\n")
	return exitError
}

// cause strips the operation and path from an *fs.PathError, for messages
// that name the file themselves.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ruleNamed is the rule with this ID or name (its slug), or nil.
func ruleNamed(s string) *rules.Rule {
	if r := rules.ByID(s); r != nil {
		return r
	}
	for _, r := range rules.All() {
		if r.Slug == s {
			return r
		}
	}
	return nil
}

// jsonFlag takes --format json (or text) out of args.
func jsonFlag(args []string) (bool, []string, error) {
	var rest []string
	asJSON := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		value, ok := strings.CutPrefix(a, "--format=")
		if !ok && a == "--format" {
			if i+1 >= len(args) {
				return false, nil, errors.New("--format needs a value: text or json")
			}
			value, ok = args[i+1], true
			i++
		}
		if !ok {
			rest = append(rest, a)
			continue
		}
		switch value {
		case "json":
			asJSON = true
		case "text":
			asJSON = false
		default:
			return false, nil, fmt.Errorf("invalid --format %q: want text or json", value)
		}
	}
	return asJSON, rest, nil
}

// ruleDoc is a rule as rules and explain print it in JSON.
type ruleDoc struct {
	ID               string `json:"id"`
	Name             string `json:"name"`
	Title            string `json:"title"`
	Level            string `json:"level"`
	DefaultOn        bool   `json:"default_on"`
	CWE              string `json:"cwe,omitempty"`
	OWASP            string `json:"owasp,omitempty"`
	SecuritySeverity string `json:"security_severity"`
	Precision        string `json:"precision"`
	What             string `json:"what"`
	Why              string `json:"why"`
	Bad              string `json:"example_reported"`
	Good             string `json:"example_not_reported"`
	Fix              string `json:"fix"`
}

func ruleDocs(rs []*rules.Rule) []ruleDoc {
	out := make([]ruleDoc, 0, len(rs))
	for _, r := range rs {
		out = append(out, ruleDoc{ID: r.ID, Name: r.Slug, Title: r.Title, Level: r.Level.String(), DefaultOn: r.DefaultOn,
			CWE: r.CWEID(), OWASP: r.OWASP, SecuritySeverity: r.SecuritySeverity, Precision: r.Precision,
			What: r.Doc.What, Why: r.Doc.Why, Bad: r.Doc.Bad, Good: r.Doc.Good, Fix: r.Doc.Fix})
	}
	return out
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "llmleak: %v\n", err)
		return exitError
	}
	if _, err := stdout.Write(append(b, '\n')); err != nil {
		fmt.Fprintf(stderr, "llmleak: cannot write to stdout: %v\n", err)
		return exitError
	}
	return exitClean
}
