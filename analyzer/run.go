package analyzer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/llmleak/llmleak/analyzer/discover"
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/modules"
	"github.com/llmleak/llmleak/analyzer/pyparse"
	"github.com/llmleak/llmleak/analyzer/taint"
	"github.com/llmleak/llmleak/rules"
)

// Run scans a project and returns its findings. An error means the run
// could not be done at all (a bad root, a cancelled context); problems
// with single files are Diagnostics and the run goes on.
func Run(ctx context.Context, cfg Config) (res *Result, err error) {
	// Stages that handle bad input recover on their own (a file's parse,
	// a function's analysis). Anything else is a bug of ours: report it as
	// an error, not a crash.
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	root, targets, restrict, err := resolvePaths(cfg)
	if err != nil {
		return nil, err
	}
	jobs := cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	exclude := cfg.Exclude
	if !cfg.IncludeTests {
		exclude = append(append([]string(nil), exclude...), TestPatterns...)
	}
	var phases []Phase
	mark := time.Now()
	phase := func(name string) {
		now := time.Now()
		phases = append(phases, Phase{name, now.Sub(mark)})
		mark = now
	}
	files, diags := discover.Walk(discover.Options{Root: root, Paths: targets, Exclude: exclude, Include: cfg.Include, RespectGitignore: cfg.RespectGitignore})
	phase("discover")
	jobs = capJobs(jobs, len(files))
	if len(files) == 0 {
		// Nothing to analyze is worth saying: a wrong path or an exclude
		// that swallowed the project must not read as a clean scan.
		diags = append(diags, finding.Diagnostic{Path: ".", Message: "no Python files to analyze under the given paths (check them, and --exclude/--include)"})
	}
	if cfg.SizeHint != nil {
		var total int64
		for _, f := range files {
			total += f.Size
		}
		cfg.SizeHint(total)
	}
	parsed, pdiags := parseAll(ctx, files, jobs)
	diags = append(diags, pdiags...)
	phase("read and parse")
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res = &Result{Root: root}
	var specs []taint.ModuleSpec
	byPath := map[string]*ir.Module{}
	for _, m := range parsed {
		if m == nil {
			continue
		}
		res.Files++
		res.Lines += m.Lines
		byPath[m.Path] = m
	}
	specs = moduleSpecs(root, parsed)
	proj := taint.NewProject(specs)
	eng := taint.NewEngine(proj, jobs)
	eng.SetCatalog(cfg.Catalog)
	eng.PropagateUnknown = cfg.PropagateUnknown
	if cfg.TrackModelRows {
		eng.TrackRows()
	}
	phase("resolve")
	fs, err := eng.Run(ctx)
	if err != nil {
		return nil, err
	}
	phase("analyze")
	res.Rounds, res.Analyses = eng.Rounds, eng.Analyses
	res.ModelRowsUsed = eng.RowsUsed()
	res.ModelCalls = eng.ModelCalls()
	for _, f := range eng.Failures() {
		diags = append(diags, finding.Diagnostic{Path: f.Path, Line: f.Line, Message: fmt.Sprintf("internal error analyzing %s (%s); its flows are not reported", f.Function, f.Cause)})
	}
	fs = selectRules(fs, cfg.Select, cfg.Ignore)
	if restrict != nil {
		fs = restrictTo(fs, restrict)
	}
	fs = res.applyFilters(fs, cfg, byPath, restrict)
	finding.Sort(fs)
	sortDiagnostics(diags)
	redactFindings(fs)
	redactFindings(res.SuppressionDiagnostics)
	phase("filter")
	res.Phases = phases
	for i := range diags {
		diags[i].Message = rules.RedactTokens(diags[i].Message)
	}
	res.Findings = fs
	res.Diagnostics = diags
	return res, nil
}

// redactFindings cuts keys and bearer tokens in every text a report
// prints of fs (messages, sources, steps, suppression reasons), wherever
// they stand in it: a key in an f-string or a comment is printed by its
// prefix only.
func redactFindings(fs []*finding.Finding) {
	for _, f := range fs {
		f.Message = rules.RedactTokens(f.Message)
		f.Sink = rules.RedactTokens(f.Sink)
		f.SuppressionReason = rules.RedactTokens(f.SuppressionReason)
		for i := range f.Flows {
			f.Flows[i].Source = rules.RedactTokens(f.Flows[i].Source)
			for j := range f.Flows[i].Steps {
				f.Flows[i].Steps[j].Message = rules.RedactTokens(f.Flows[i].Steps[j].Message)
			}
		}
	}
}

// resolvePaths works out the project root, what to walk, and, when files
// were named, which paths reporting is restricted to.
func resolvePaths(cfg Config) (root string, targets []string, restrict []string, err error) {
	root = cfg.Root
	if root == "" {
		if root, err = os.Getwd(); err != nil {
			return "", nil, nil, fmt.Errorf("current directory: %w", err)
		}
	}
	if root, err = filepath.Abs(root); err != nil {
		return "", nil, nil, fmt.Errorf("%s: %w", cfg.Root, err)
	}
	if st, e := os.Stat(root); e != nil {
		return "", nil, nil, fmt.Errorf("%s: %w", root, e)
	} else if !st.IsDir() {
		return "", nil, nil, fmt.Errorf("%s: project root is not a directory", root)
	}
	if len(cfg.Paths) == 0 {
		return root, []string{root}, nil, nil
	}
	namedFile := false
	for _, p := range cfg.Paths {
		abs, e := filepath.Abs(p)
		if e != nil {
			return "", nil, nil, fmt.Errorf("%s: %w", p, e)
		}
		st, e := os.Stat(abs)
		if e != nil {
			return "", nil, nil, fmt.Errorf("%s: %w", p, e)
		}
		if !st.IsDir() {
			namedFile = true
		}
		targets = append(targets, abs)
	}
	if !namedFile {
		return root, targets, nil, nil
	}
	// A named file: analyze the whole project so cross-file flows are
	// found, report only on what was named.
	for _, t := range targets {
		rel, e := filepath.Rel(root, t)
		if e != nil {
			rel = t
		}
		restrict = append(restrict, filepath.ToSlash(rel))
	}
	return root, append([]string{root}, targets...), restrict, nil
}

// parseAll reads and parses files over jobs workers, one parser each.
func parseAll(ctx context.Context, files []discover.File, jobs int) ([]*ir.Module, []finding.Diagnostic) {
	mods := make([]*ir.Module, len(files))
	diags := make([][]finding.Diagnostic, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := pyparse.New()
			defer p.Close()
			for i := range next {
				mods[i], diags[i] = parseOne(p, files[i])
			}
		}()
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	var out []finding.Diagnostic
	for _, d := range diags {
		out = append(out, d...)
	}
	return mods, out
}

func parseOne(p *pyparse.Parser, f discover.File) (*ir.Module, []finding.Diagnostic) {
	src, err := discover.ReadSource(f.Abs)
	if err != nil {
		return nil, []finding.Diagnostic{discover.DiagnosticFor(f, err)}
	}
	m, err := p.Parse(f.Path, src)
	if err != nil {
		return nil, []finding.Diagnostic{{Path: f.Path, Message: "not analyzed: " + err.Error()}}
	}
	if len(m.SyntaxErrors) > 0 {
		e := m.SyntaxErrors[0]
		return m, []finding.Diagnostic{{Path: f.Path, Line: int(e.Line), Message: fmt.Sprintf("syntax error at line %d, column %d; analyzed as far as the parser recovered", e.Line, e.Col)}}
	}
	return m, nil
}

// moduleSpecs names every module and prepares its relative-import
// resolver.
func moduleSpecs(root string, mods []*ir.Module) []taint.ModuleSpec {
	var paths []string
	have := map[string]bool{}
	for _, m := range mods {
		if m != nil {
			paths = append(paths, m.Path)
			have[m.Path] = true
		}
	}
	statCache := map[string]bool{}
	exists := func(rel string) bool {
		if have[rel] {
			return true
		}
		if v, ok := statCache[rel]; ok {
			return v
		}
		_, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
		statCache[rel] = err == nil
		return err == nil
	}
	heads := map[string]bool{}
	for _, m := range mods {
		if m == nil {
			continue
		}
		for _, im := range m.Imports {
			if im.Level == 0 && im.Module != "" {
				head, _, _ := strings.Cut(im.Module, ".")
				heads[head] = true
			}
		}
	}
	roots := modules.RootsImporting(paths, exists, heads)
	var specs []taint.ModuleSpec
	for _, m := range mods {
		if m == nil {
			continue
		}
		e := modules.EntryFor(m.Path, roots, exists)
		m.Name = e.Name
		if m.Name == "" {
			m.Name = strings.TrimSuffix(filepath.Base(m.Path), ".py")
		}
		m.IsPackage = e.IsPackage
		mm := m
		specs = append(specs, taint.ModuleSpec{Mod: m, Root: e.Root, Absolute: func(level int, module string) (string, bool) {
			return modules.Absolute(mm.Name, mm.IsPackage, level, module)
		}})
	}
	return specs
}

func selectRules(fs []*finding.Finding, sel, ign []string) []*finding.Finding {
	out := fs[:0]
	for _, f := range fs {
		r := rules.ByID(f.Rule)
		if r != nil && rules.Selected(r, sel, ign) {
			out = append(out, f)
		}
	}
	return out
}

func restrictTo(fs []*finding.Finding, paths []string) []*finding.Finding {
	out := fs[:0]
	for _, f := range fs {
		for _, p := range paths {
			if p == "." || f.Location.Path == p || strings.HasPrefix(f.Location.Path, strings.TrimSuffix(p, "/")+"/") {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

func sortDiagnostics(ds []finding.Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].Path != ds[j].Path {
			return ds[i].Path < ds[j].Path
		}
		if ds[i].Line != ds[j].Line {
			return ds[i].Line < ds[j].Line
		}
		return ds[i].Message < ds[j].Message
	})
}

// maxJobs bounds the workers: each holds a parser and its share of the
// analysis, and past a few per core they only cost memory.
const maxJobs = 64

// capJobs is the number of workers asked for, at most one per file and
// maxJobs, at least one.
func capJobs(jobs, files int) int {
	return max(1, min(jobs, files, maxJobs))
}
