package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/llmleak/llmleak/analyzer/discover"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/llmleak/llmleak/analyzer"
	"github.com/llmleak/llmleak/analyzer/baseline"
	"github.com/llmleak/llmleak/analyzer/config"
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/gitdiff"
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
	"junit":  report.JUnit,
	"gitlab": report.GitLab,
}

const formatNames = "text, json, sarif, github, junit or gitlab"

// scanOptions are the flags of `llmleak scan`.
type scanOptions struct {
	format        string
	output        string
	config        string
	exclude       []string
	include       []string
	selectors     []string
	ignore        []string
	threshold     string
	baseline      string
	writeBaseline string
	diff          string
	strict        bool
	includeTests  bool
	propagate     bool
	jobs          int
	noColor       bool
	quiet         bool
	exitZero      bool
	statistics    bool
	root          string
	noGitignore   bool
	showSource    bool
	noShowSource  bool
	verbose       bool
}

func scanFlags(o *scanOptions) *pflag.FlagSet {
	fs := pflag.NewFlagSet("scan", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringVar(&o.format, "format", "text", "report format: "+formatNames+"; several as a list of FORMAT[:FILE] (sarif:llmleak.sarif,github)")
	fs.StringVar(&o.format, "output-format", "text", "the same as --format (ruff's name for it)")
	fs.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even when findings are reported (errors still exit 2)")
	fs.BoolVar(&o.statistics, "statistics", false, "print the number of findings per rule on stderr, after the report")
	fs.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` instead of stdout (replaced atomically)")
	fs.StringVar(&o.root, "root", "", "use `DIR` as the project root (default: found from the scanned paths upward, as ruff does)")
	fs.StringVar(&o.config, "config", "", "read the configuration from `FILE` (default: .llmleak.toml or pyproject.toml [tool.llmleak], searched upward)")
	fs.StringArrayVar(&o.exclude, "exclude", nil, "skip files matching `GLOB`, relative to the project root (repeatable)")
	fs.StringArrayVar(&o.include, "include", nil, "analyze only files matching `GLOB` (repeatable)")
	fs.StringSliceVar(&o.selectors, "select", nil, "run only these rules: IDs or prefixes, comma-separated or repeated (LK101,LK2; ALL)")
	fs.StringSliceVar(&o.ignore, "ignore", nil, "do not run these rules: IDs or prefixes")
	fs.StringVar(&o.threshold, "severity-threshold", "note", "lowest level that fails the run: note, warning or error")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in the baseline `FILE`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in the baseline `FILE` (then reported as baselined)")
	fs.StringVar(&o.diff, "diff", "", "report only findings whose join point or flow touches lines changed since the git revision `BASE`")
	fs.BoolVar(&o.strict, "strict-suppressions", false, "report bare '# llmleak: ignore' (LK001); suppression diagnostics fail the run")
	fs.BoolVar(&o.noGitignore, "no-respect-gitignore", false, "analyze files .gitignore and .git/info/exclude ignore too (respected by default, as ruff does)")
	fs.BoolVar(&o.includeTests, "include-tests", false, "analyze and report test code too (tests/, test_*.py, conftest.py...; skipped by default)")
	fs.BoolVar(&o.propagate, "propagate-unknown", false, "let library calls no model describes carry their arguments' data (more reach, less precision)")
	fs.Var(countFlag{&o.jobs}, "jobs", "run `N` parse and analysis workers (0: all cores; at most one per file, and 64)")
	fs.BoolVar(&o.noColor, "no-color", false, "no colours in text output (also: NO_COLOR set)")
	fs.BoolVarP(&o.verbose, "verbose", "v", false, "print on stderr what was analyzed and how long each phase took")
	fs.BoolVar(&o.showSource, "show-source", true, "text: show the source line of each finding (the default)")
	fs.BoolVar(&o.noShowSource, "no-show-source", false, "text: leave the source lines out; flows and summary stay (--quiet: first lines only)")
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
	reports, err := parseFormats(o.format, o.output)
	if err != nil {
		return usageError(stderr, "scan", "%v", err)
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
	for _, g := range []struct {
		flag  string
		globs []string
	}{{"exclude", o.exclude}, {"include", o.include}} {
		if err := discover.ValidatePatterns(g.globs); err != nil {
			return usageError(stderr, "scan", "--%s: %v", g.flag, err)
		}
	}
	for _, r := range reports {
		// Before the analysis: a report that cannot be written is known now.
		if err := checkWritable(r.path); err != nil {
			fmt.Fprintf(stderr, "llmleak: cannot write %s: %v\n", r.path, cause(err))
			return exitError
		}
	}
	if o.writeBaseline != "" && o.diff != "" {
		return usageError(stderr, "scan", "--write-baseline records every finding; it cannot be combined with --diff")
	}

	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "llmleak: current directory: %v\n", err)
		return exitError
	}
	root := projectRoot(cwd, fs.Args())
	if o.root != "" {
		abs, err := filepath.Abs(o.root)
		if err == nil {
			var info os.FileInfo
			if info, err = os.Stat(abs); err == nil && !info.IsDir() {
				err = errors.New("not a directory")
			}
		}
		if err != nil {
			return usageError(stderr, "scan", "--root %s: %v", o.root, cause(err))
		}
		root = abs
	}
	file, err := loadConfig(root, o.config)
	if err != nil {
		fmt.Fprintf(stderr, "llmleak: %v\n", err)
		return exitError
	}
	cfg := analyzer.Config{
		Root:               root,
		Paths:              fs.Args(),
		Exclude:            o.exclude,
		Include:            o.include,
		Jobs:               o.jobs,
		Select:             o.selectors,
		Ignore:             o.ignore,
		StrictSuppressions: o.strict,
		IncludeTests:       o.includeTests,
		RespectGitignore:   !o.noGitignore,
		PropagateUnknown:   o.propagate,
		SizeHint:           tuneMemory,
	}
	if file != nil {
		applyConfig(&cfg, file, fs.Changed("select"), fs.Changed("include"))
		if !fs.Changed("severity-threshold") && file.SeverityThreshold != finding.LevelNone {
			threshold = file.SeverityThreshold
		}
	}
	if o.baseline != "" {
		b, err := baseline.Read(o.baseline)
		if err != nil {
			fmt.Fprintf(stderr, "llmleak: %v\n", err)
			return exitError
		}
		cfg.Baseline = b
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if o.diff != "" {
		changed, err := gitdiff.Compute(ctx, cwd, o.diff)
		if err != nil {
			fmt.Fprintf(stderr, "llmleak: --diff %s: %v\n", o.diff, err)
			return exitError
		}
		cfg.Changed = changed
	}
	stopProgress := startProgress(stderr, o.quiet)
	res, err := analyzer.Run(ctx, cfg)
	stopProgress()
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "llmleak: interrupted")
		return exitInterrupted
	}
	if err != nil {
		fmt.Fprintf(stderr, "llmleak: %v\n", err)
		return exitError
	}

	if o.verbose {
		fmt.Fprintf(stderr, "llmleak: %d files, %d lines; %d fixpoint rounds, %d function analyses\n", res.Files, res.Lines, res.Rounds, res.Analyses)
		for _, p := range res.Phases {
			fmt.Fprintf(stderr, "llmleak:   %-15s %8.3f s\n", p.Name, p.Duration.Seconds())
		}
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

	if o.writeBaseline != "" {
		b := baseline.New(res.Findings)
		if err := writeFileAtomic(o.writeBaseline, b.Marshal()); err != nil {
			fmt.Fprintf(stderr, "llmleak: cannot write the baseline %s: %v\n", o.writeBaseline, cause(err))
			return exitError
		}
		// What was just recorded is reported as baselined, as the next
		// run with --baseline will.
		b.Apply(res.Findings, nil)
		res.BaselineStale = 0
		if !o.quiet {
			noun := "findings"
			if len(b.Entries) == 1 {
				noun = "finding"
			}
			fmt.Fprintf(stderr, "llmleak: recorded %d %s in the baseline %s\n", len(b.Entries), noun, o.writeBaseline)
		}
	}

	in := &report.Input{
		Findings:               res.Findings,
		Diagnostics:            res.Diagnostics,
		Rules:                  ranRules(cfg.Select, cfg.Ignore),
		Root:                   res.Root,
		Files:                  res.Files,
		Lines:                  res.Lines,
		Version:                version,
		Quiet:                  o.quiet,
		NoSource:               !o.showSource || o.noShowSource,
		SuppressionDiagnostics: res.SuppressionDiagnostics,
		BaselineStale:          res.BaselineStale,
		ReportTime:             report.ReportTimeFromEnv(os.Getenv),
	}
	for _, r := range reports {
		in.Color = r.format == "text" && r.path == "" && !o.noColor && os.Getenv("NO_COLOR") == "" && isTerminal(stdout)
		var out bytes.Buffer
		if err := printers[r.format](&out, in); err != nil {
			fmt.Fprintf(stderr, "llmleak: writing the %s report: %v\n", r.format, err)
			return exitError
		}
		if r.path != "" {
			if err := writeFileAtomic(r.path, out.Bytes()); err != nil {
				fmt.Fprintf(stderr, "llmleak: cannot write %s: %v\n", r.path, cause(err))
				return exitError
			}
		} else if _, err := stdout.Write(out.Bytes()); err != nil {
			fmt.Fprintf(stderr, "llmleak: cannot write the report to stdout: %v\n", err)
			return exitError
		}
		if r.format == "github" {
			if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
				if err := appendStepSummary(path, in); err != nil {
					fmt.Fprintf(stderr, "llmleak: cannot write the job summary to %s (GITHUB_STEP_SUMMARY): %v\n", path, cause(err))
					return exitError
				}
			}
		}
	}

	if o.statistics {
		writeStatistics(stderr, res.Findings)
	}
	code := exitCode(res.Findings, threshold)
	if o.strict && code == exitClean {
		code = exitCode(res.SuppressionDiagnostics, threshold)
	}
	if o.exitZero {
		return exitClean
	}
	return code
}

// writeStatistics prints the number of unsuppressed findings per rule,
// most first, as ruff's --statistics does.
func writeStatistics(w io.Writer, findings []*finding.Finding) {
	count := map[string]int{}
	for _, f := range findings {
		if !f.Suppressed {
			count[f.Rule]++
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if count[ids[i]] != count[ids[j]] {
			return count[ids[i]] > count[ids[j]]
		}
		return ids[i] < ids[j]
	})
	for _, id := range ids {
		title := ""
		if r := rules.ByID(id); r != nil {
			title = r.Title
		}
		fmt.Fprintf(w, "%5d  %s  %s\n", count[id], id, title)
	}
}

// reportSpec is one report to write: a format and a file, or stdout when
// path is empty.
type reportSpec struct {
	format, path string
}

// parseFormats reads --format: one format, or a comma-separated list of
// FORMAT[:FILE], the way golangci-lint's --out-format reads. A format
// without a file goes to --output, or to stdout; two reports cannot share
// a destination.
func parseFormats(value, output string) ([]reportSpec, error) {
	var out []reportSpec
	seen := map[string]string{}
	for _, item := range strings.Split(value, ",") {
		item = strings.TrimSpace(item)
		name, path, hasPath := strings.Cut(item, ":")
		if _, ok := printers[name]; !ok {
			return nil, fmt.Errorf("invalid --format %q: want %s, or a list of FORMAT[:FILE]", item, formatNames)
		}
		if hasPath && path == "" {
			return nil, fmt.Errorf("invalid --format %q: no file after the colon", item)
		}
		if !hasPath {
			path = output
		}
		dest := path
		if dest == "" {
			dest = "standard output"
		}
		if prev, dup := seen[dest]; dup {
			return nil, fmt.Errorf("invalid --format %q: the %s and %s reports would both go to %s", value, prev, name, dest)
		}
		seen[dest] = name
		out = append(out, reportSpec{format: name, path: path})
	}
	if output != "" && !slices.ContainsFunc(out, func(r reportSpec) bool { return r.path == output }) {
		return nil, fmt.Errorf("--output %s is not used: every --format names its own file", output)
	}
	return out, nil
}

// checkWritable reports whether a report can be written at path (""
// is standard output): its directory exists and takes a new file.
func checkWritable(path string) error {
	if path == "" {
		return nil
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return errors.New("is a directory")
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".llmleak-check-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// countFlag is a non-negative count flag whose parse error says what is
// wrong ("--jobs: not a number").
type countFlag struct{ p *int }

func (c countFlag) String() string {
	if c.p == nil {
		return "0"
	}
	return strconv.Itoa(*c.p)
}

func (c countFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return errors.New("not a number")
	}
	*c.p = n
	return nil
}

func (countFlag) Type() string { return "int" }

// loadConfig reads the --config file, or looks for one from dir upward.
// Errors name the file relative to dir when it is below it.
// rootMarkers are the files that mark a project's root directory.
var rootMarkers = []string{config.PyprojectName, config.DedicatedName, "setup.cfg", "manage.py", ".git"}

// projectRoot is the root of the project the scanned paths belong to.
// When the current directory is a project root (it holds a root marker)
// and the paths are inside it, it stays the root (a repository checkout,
// as the Action and pre-commit run). Otherwise the paths are a project
// of their own, so that paths and fingerprints do not depend on where
// llmleak was started: from the first path (a directory, or a file's
// directory) upward, the nearest directory holding a root marker;
// without one, the named directory.
func projectRoot(cwd string, paths []string) string {
	if len(paths) == 0 {
		return cwd
	}
	start, err := filepath.Abs(paths[0])
	if err != nil {
		return cwd
	}
	if rel, err := filepath.Rel(cwd, start); (err == nil && filepath.IsLocal(rel) || start == cwd) && hasMarker(cwd) {
		return cwd
	}
	st, err := os.Stat(start)
	if err != nil {
		return cwd
	}
	dir := start
	if !st.IsDir() {
		dir = filepath.Dir(start)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if hasMarker(d) {
			return d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if st.IsDir() {
		return dir
	}
	return cwd
}

func hasMarker(dir string) bool {
	for _, m := range rootMarkers {
		if _, err := os.Stat(filepath.Join(dir, m)); err == nil {
			return true
		}
	}
	return false
}

func loadConfig(dir, path string) (*config.File, error) {
	var f *config.File
	var err error
	if path != "" {
		f, err = config.LoadFile(path)
		if err == nil && f == nil {
			err = &config.Error{Path: path, Msg: "no [tool.llmleak] table"}
		}
	} else {
		f, _, err = config.Load(dir)
	}
	if err != nil {
		relativize := func(e *config.Error) {
			if rel, rerr := filepath.Rel(dir, e.Path); rerr == nil && filepath.IsAbs(e.Path) && filepath.IsLocal(rel) {
				e.Path = rel
			}
		}
		var es config.Errors
		var e *config.Error
		switch {
		case errors.As(err, &es):
			for _, x := range es {
				relativize(x)
			}
		case errors.As(err, &e):
			relativize(e)
		}
		return nil, err
	}
	return f, nil
}

// applyConfig merges a configuration file under the command line: flags
// that choose (--select, --include) replace the file's value when given,
// flags that add (--ignore, --exclude) add to it.
func applyConfig(cfg *analyzer.Config, f *config.File, selectFlag, includeFlag bool) {
	if !selectFlag {
		cfg.Select = f.Selectors()
	}
	// Globs in a configuration are relative to its file's directory; the
	// analysis matches them against paths relative to the root.
	rebase := globRebaser(f.Path, cfg.Root)
	cfg.Ignore = append(append([]string(nil), f.Ignore...), cfg.Ignore...)
	cfg.Exclude = append(rebase(f.Exclude), cfg.Exclude...)
	if !includeFlag {
		cfg.Include = rebase(f.Include)
	}
	cfg.Severity = f.Severity
	for _, p := range f.PerFileIgnores {
		for _, g := range rebase([]string{p.Glob}) {
			cfg.PerFileIgnores = append(cfg.PerFileIgnores, analyzer.FileIgnore{Glob: g, Rules: p.Rules})
		}
	}
	cfg.Catalog = f.Catalog
	cfg.IncludeTests = cfg.IncludeTests || f.IncludeTests
	cfg.RespectGitignore = cfg.RespectGitignore && !f.NoRespectGitignore
	cfg.PropagateUnknown = cfg.PropagateUnknown || f.PropagateUnknown
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

// globRebaser turns globs written relative to the directory of the
// configuration file at path into globs relative to root. A file at the
// root (the usual case) or anywhere not above it leaves them as they are.
// Above the root (a monorepo's pyproject.toml, scanning backend/), a glob
// is cut to the part below the root: "backend/app/legacy/**" becomes
// "app/legacy/**"; one that names another part of the tree is dropped,
// and one without a "/" (a name at any depth) is kept.
func globRebaser(path, root string) func([]string) []string {
	keep := func(gs []string) []string { return gs }
	if path == "" || root == "" {
		return keep
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return keep
	}
	rel, err := filepath.Rel(dir, root)
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return keep
	}
	prefix := filepath.ToSlash(rel) + "/"
	return func(gs []string) []string {
		var out []string
		for _, g := range gs {
			trimmed := strings.TrimPrefix(g, "/")
			switch {
			case !strings.Contains(strings.TrimSuffix(trimmed, "/"), "/") || strings.HasPrefix(trimmed, "**/"):
				out = append(out, g)
			case strings.HasPrefix(trimmed, prefix):
				out = append(out, strings.TrimPrefix(trimmed, prefix))
			}
		}
		return out
	}
}

// Progress: a scan that runs longer than progressAfter, on a terminal,
// says on stderr that it is still working (cleared when it ends).
var (
	progressAfter  = 2 * time.Second
	stderrTerminal = isTerminal
)

// startProgress starts the progress line on stderr and returns what
// stops and clears it.
func startProgress(stderr io.Writer, quiet bool) func() {
	if quiet || !stderrTerminal(stderr) {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(finished)
		if progressAfter > 0 {
			// (With no delay the line is written at once, however short
			// the scan: what the test of the line relies on.)
			timer := time.NewTimer(progressAfter)
			defer timer.Stop()
			select {
			case <-done:
				return
			case <-timer.C:
			}
		}
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			fmt.Fprintf(stderr, "\rllmleak: analyzing… %ds", int(time.Since(start).Seconds()))
			select {
			case <-done:
				fmt.Fprint(stderr, "\r\x1b[K")
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
