package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/llmleak/llmleak/analyzer"
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/report"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/sarif"
)

// printers maps --format values to their printer.
var printers = map[string]func(io.Writer, *report.Input) error{
	"text":   report.Text,
	"json":   report.JSON,
	"sarif":  sarif.Write,
	"github": report.GitHub,
}

const formatNames = "text, json, sarif or github"

// scanOptions are the flags of `llmleak scan`.
type scanOptions struct {
	format    string
	output    string
	exclude   []string
	include   []string
	selectors []string
	ignore    []string
	threshold string
	jobs      int
	noColor   bool
	quiet     bool
}

func scanFlags(o *scanOptions) *pflag.FlagSet {
	fs := pflag.NewFlagSet("scan", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringVar(&o.format, "format", "text", "report format: "+formatNames)
	fs.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` instead of stdout (replaced atomically)")
	fs.StringArrayVar(&o.exclude, "exclude", nil, "skip files matching `GLOB`, relative to the project root (repeatable)")
	fs.StringArrayVar(&o.include, "include", nil, "analyze only files matching `GLOB` (repeatable)")
	fs.StringSliceVar(&o.selectors, "select", nil, "run only these rules: IDs or prefixes, comma-separated or repeated (LK101,LK2; ALL)")
	fs.StringSliceVar(&o.ignore, "ignore", nil, "do not run these rules: IDs or prefixes")
	fs.StringVar(&o.threshold, "severity-threshold", "note", "lowest level that fails the run: note, warning or error")
	fs.IntVar(&o.jobs, "jobs", 0, "parse `N` files at once (0: all cores)")
	fs.BoolVar(&o.noColor, "no-color", false, "no colours in text output (also: NO_COLOR set)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "text: print only each finding's first line; all formats: no diagnostics on stderr")
	return fs
}

func scanUsage() string {
	var b strings.Builder
	b.WriteString("Usage: llmleak scan [flags] [PATH ...]\n\n" +
		"Analyzes the Python files of the project in the current directory. PATHs\n" +
		"(default .) restrict reporting to those files and directories; the whole\n" +
		"project is still analyzed so that flows across files are found.\n\nFlags:\n")
	b.WriteString(scanFlags(&scanOptions{}).FlagUsages())
	return b.String()
}

func scan(args []string, stdout, stderr io.Writer) int {
	var o scanOptions
	fs := scanFlags(&o)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(stdout, scanUsage())
			return exitClean
		}
		return usageError(stderr, "scan", "%v", err)
	}
	printReport, ok := printers[o.format]
	if !ok {
		return usageError(stderr, "scan", "invalid --format %q: want %s", o.format, formatNames)
	}
	threshold, ok := finding.ParseLevel(o.threshold)
	if !ok {
		return usageError(stderr, "scan", "invalid --severity-threshold %q: want note, warning or error", o.threshold)
	}
	for _, sel := range []struct {
		flag   string
		values []string
	}{{"select", o.selectors}, {"ignore", o.ignore}} {
		for _, v := range sel.values {
			if !rules.ValidSelector(v) {
				return usageError(stderr, "scan", "invalid --%s value %q: not a rule ID or prefix (see 'llmleak rules')", sel.flag, v)
			}
		}
	}
	if o.jobs < 0 {
		return usageError(stderr, "scan", "invalid --jobs %d: want 0 (all cores) or more", o.jobs)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := analyzer.Run(ctx, analyzer.Config{
		Paths:   fs.Args(),
		Exclude: o.exclude,
		Include: o.include,
		Jobs:    o.jobs,
		Select:  o.selectors,
		Ignore:  o.ignore,
	})
	if err != nil {
		fmt.Fprintf(stderr, "llmleak: %v\n", err)
		return exitError
	}

	if !o.quiet {
		for _, d := range res.Diagnostics {
			loc := report.DisplayPath(res.Root, d.Path)
			if d.Line > 0 {
				loc += fmt.Sprintf(":%d", d.Line)
			}
			fmt.Fprintf(stderr, "%s: warning: %s\n", loc, report.SafeText(d.Message))
		}
	}

	in := &report.Input{
		Findings:    res.Findings,
		Diagnostics: res.Diagnostics,
		Rules:       ranRules(o.selectors, o.ignore),
		Root:        res.Root,
		Files:       res.Files,
		Lines:       res.Lines,
		Version:     version,
		Color:       o.format == "text" && o.output == "" && !o.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(stdout),
		Quiet:       o.quiet,
	}
	var out bytes.Buffer
	if err := printReport(&out, in); err != nil {
		fmt.Fprintf(stderr, "llmleak: writing the %s report: %v\n", o.format, err)
		return exitError
	}
	if o.output != "" {
		if err := writeFileAtomic(o.output, out.Bytes()); err != nil {
			fmt.Fprintf(stderr, "llmleak: cannot write %s: %v\n", o.output, cause(err))
			return exitError
		}
	} else if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintf(stderr, "llmleak: cannot write the report to stdout: %v\n", err)
		return exitError
	}
	if o.format == "github" {
		if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
			if err := appendStepSummary(path, in); err != nil {
				fmt.Fprintf(stderr, "llmleak: cannot write the job summary to %s (GITHUB_STEP_SUMMARY): %v\n", path, cause(err))
				return exitError
			}
		}
	}

	return exitCode(res.Findings, threshold)
}

// exitCode is exitFindings when an unsuppressed finding is at or above
// the threshold, else exitClean.
func exitCode(findings []*finding.Finding, threshold finding.Level) int {
	for _, f := range findings {
		if !f.Suppressed && f.Level >= threshold {
			return exitFindings
		}
	}
	return exitClean
}

// ranRules lists the rules the selectors choose, for reports that name
// them.
func ranRules(selectors, ignore []string) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rules.All() {
		if rules.Selected(r, selectors, ignore) {
			out = append(out, r)
		}
	}
	return out
}

// isTerminal reports whether w is a character device: colours are for
// people, not for pipes and files.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// writeFileAtomic replaces path with data so that a reader never sees a
// half-written report: it writes a temporary file beside it and renames
// it into place.
func writeFileAtomic(path string, data []byte) (err error) {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		if !st.Mode().IsRegular() {
			return fmt.Errorf("not a regular file")
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// appendStepSummary adds the Markdown summary to the GitHub Actions job
// summary file, which other steps write to as well.
func appendStepSummary(path string, in *report.Input) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if err := report.GitHubSummary(f, in); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
