package analyzer

// TestRealWorld scans the real-world regression set: public Django
// projects at pinned commits (testdata/realworld/repos.json), extracted
// into a corpus directory by testdata/realworld/extract.sh. It is skipped
// unless LLMLEAK_REALWORLD names that directory.
//
// Environment:
//
//	LLMLEAK_REALWORLD         corpus dir holding <owner>+<name>/ per repository
//	LLMLEAK_DEVLABELS         dev-labels.json (default ../../shared/realworld/dev-labels.json)
//	LLMLEAK_REALWORLD_OUT     write the current findings there as JSON
//	LLMLEAK_REALWORLD_TEXT    write one <owner>+<name>.txt per repository there, for triage
//	LLMLEAK_REALWORLD_ONLY    comma-separated owner/name list: scan only these
//	LLMLEAK_REALWORLD_STRICT  "1": fail on untriaged findings or a flagged negative label
//
// Without STRICT the test only logs: findings per repository and rule,
// precision over the triaged findings (testdata/realworld/triage.json),
// new and vanished findings, and recall on the dev labels.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/taint"
)

const rwDir = "../testdata/realworld"

// rwRepo is an entry of repos.json.
type rwRepo struct {
	Repo   string `json:"repo"`
	Commit string `json:"commit"`
	Kind   string `json:"kind"`
	Note   string `json:"note"`
}

// rwTriage is an entry of triage.json: a reviewer's verdict on a finding.
type rwTriage struct {
	Repo    string `json:"repo"`
	Rule    string `json:"rule"`
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Verdict string `json:"verdict"` // TP, FP or debatable
	Reason  string `json:"reason"`
}

// rwCallSite is an entry of callsites.json: a call that sends text to a
// model provider, found by grep over SDK imports and calls and read by
// hand (the project's own code; tests, migrations and vendored code left
// out).
type rwCallSite struct {
	Repo string `json:"repo"`
	Path string `json:"path"`
	Line int    `json:"line"`
	API  string `json:"api"`
	Note string `json:"note"`
}

type rwKey struct {
	Repo, Rule, Path string
	Line             int
}

// rwLabel is a label of dev-labels.json.
type rwLabel struct {
	ID              string   `json:"id"`
	Repo            string   `json:"repo"`
	Commit          string   `json:"commit"`
	Label           string   `json:"label"`
	Kind            string   `json:"kind"`
	SourceFile      string   `json:"source_file"`
	SourceLine      int      `json:"source_line"`
	SinkFile        string   `json:"sink_file"`
	SinkLine        int      `json:"sink_line"`
	InPolicyDefault bool     `json:"in_policy_default"`
	InPolicyAll     bool     `json:"in_policy_all"`
	PolicyReason    string   `json:"policy_reason"`
	Shapes          []string `json:"shapes"`
}

// rwScan is what the two runs found in one repository.
type rwScan struct {
	Repo       rwRepo
	Commit     string // the commit of the extracted tree (.llmleak-commit)
	Files      int
	Lines      int
	Elapsed    time.Duration
	Default    []*finding.Finding
	All        []*finding.Finding
	Diags      []finding.Diagnostic
	Suppressed int
	ModelCalls []finding.Location
}

// Output shapes for LLMLEAK_REALWORLD_OUT.
type rwOutFinding struct {
	Rule     string      `json:"rule"`
	Level    string      `json:"level"`
	Path     string      `json:"path"`
	Line     int         `json:"line"`
	EndLine  int         `json:"end_line,omitempty"`
	Message  string      `json:"message"`
	Function string      `json:"function,omitempty"`
	Sink     string      `json:"sink,omitempty"`
	Triage   string      `json:"triage"` // verdict, or "new"
	Flows    []rwOutFlow `json:"flows"`
}

type rwOutFlow struct {
	Source string   `json:"source"`
	Class  string   `json:"class"`
	Steps  []string `json:"steps"` // "path:line kind: message"
}

type rwOutRepo struct {
	Repo     string         `json:"repo"`
	Commit   string         `json:"commit"`
	Kind     string         `json:"kind"`
	Files    int            `json:"files"`
	Lines    int            `json:"lines"`
	Seconds  float64        `json:"seconds"`
	Findings []rwOutFinding `json:"findings"`
	// AllOnly are the findings of --select ALL that the default rules do
	// not report (LK109 and other off-by-default rules).
	AllOnly []rwOutFinding `json:"all_only"`
}

func TestRealWorld(t *testing.T) {
	corpusDir := os.Getenv("LLMLEAK_REALWORLD")
	if corpusDir == "" {
		t.Skip("set LLMLEAK_REALWORLD to the corpus directory (see testdata/realworld/README.md)")
	}
	var repos []rwRepo
	rwReadJSON(t, filepath.Join(rwDir, "repos.json"), &repos)
	var triage []rwTriage
	rwReadJSON(t, filepath.Join(rwDir, "triage.json"), &triage)
	labels := rwLoadLabels(t)
	only := map[string]bool{}
	for _, r := range strings.Split(os.Getenv("LLMLEAK_REALWORLD_ONLY"), ",") {
		if r = strings.TrimSpace(r); r != "" {
			only[r] = true
		}
	}

	start := time.Now()
	var scans []*rwScan
	for _, r := range repos {
		if len(only) > 0 && !only[r.Repo] {
			continue
		}
		if s := rwScanRepo(t, corpusDir, r); s != nil {
			scans = append(scans, s)
		}
	}
	t.Logf("scanned %d of %d repositories in %s", len(scans), len(repos), time.Since(start).Round(time.Millisecond))

	rwLogSummary(t, scans)
	verdicts := rwIndexTriage(t, triage)
	untriaged := rwLogTriage(t, scans, triage, verdicts)
	flagged := rwLogLabels(t, scans, labels)
	var sites []rwCallSite
	rwReadJSON(t, filepath.Join(rwDir, "callsites.json"), &sites)
	rwLogCallSites(t, scans, sites)

	if out := os.Getenv("LLMLEAK_REALWORLD_OUT"); out != "" {
		rwWriteJSON(t, out, scans, verdicts)
	}
	if dir := os.Getenv("LLMLEAK_REALWORLD_TEXT"); dir != "" {
		rwWriteText(t, dir, scans)
	}

	if os.Getenv("LLMLEAK_REALWORLD_STRICT") == "1" {
		if untriaged > 0 {
			t.Errorf("%d finding(s) are not in triage.json (listed above as NEW)", untriaged)
		}
		if flagged > 0 {
			t.Errorf("%d negative dev label(s) flagged (listed above)", flagged)
		}
	}
}

// rwScanRepo runs the analyzer twice on one extracted repository: the
// default rules, then --select ALL. It returns nil when the repository is
// not in the corpus.
func rwScanRepo(t *testing.T, corpusDir string, r rwRepo) *rwScan {
	t.Helper()
	dir := filepath.Join(corpusDir, strings.Replace(r.Repo, "/", "+", 1))
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		t.Logf("%-36s not in %s: skipped (run testdata/realworld/extract.sh)", r.Repo, corpusDir)
		return nil
	}
	s := &rwScan{Repo: r, Commit: r.Commit}
	if b, err := os.ReadFile(filepath.Join(dir, ".llmleak-commit")); err == nil {
		s.Commit = strings.TrimSpace(string(b))
		if s.Commit != r.Commit {
			t.Logf("%-36s WARNING: extracted at %s, repos.json pins %s", r.Repo, s.Commit, r.Commit)
		}
	}
	ctx := context.Background()
	begin := time.Now()
	def, err := Run(ctx, Config{Root: dir})
	if err != nil {
		t.Errorf("%s: default rules: %v", r.Repo, err)
		return nil
	}
	all, err := Run(ctx, Config{Root: dir, Select: []string{"ALL"}})
	if err != nil {
		t.Errorf("%s: --select ALL: %v", r.Repo, err)
		return nil
	}
	s.Elapsed = time.Since(begin)
	s.Files, s.Lines, s.Diags = def.Files, def.Lines, def.Diagnostics
	s.Default, s.Suppressed = rwUnsuppressed(def.Findings)
	s.All, _ = rwUnsuppressed(all.Findings)
	s.ModelCalls = all.ModelCalls
	return s
}

// rwUnsuppressed drops the findings an inline directive hides, as the
// reports do, and counts them.
func rwUnsuppressed(fs []*finding.Finding) (kept []*finding.Finding, suppressed int) {
	for _, f := range fs {
		if f.Suppressed {
			suppressed++
			continue
		}
		kept = append(kept, f)
	}
	return kept, suppressed
}

// rwLogSummary logs one line per repository and the findings per rule.
func rwLogSummary(t *testing.T, scans []*rwScan) {
	t.Helper()
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "repository\tkind\tfiles\tlines\tseconds\tdefault\tALL\tsuppressed\tdiagnostics\t")
	byRule := map[string][2]int{}
	var totDef, totAll int
	for _, s := range scans {
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%.1f\t%d\t%d\t%d\t%d\t\n", s.Repo.Repo, s.Repo.Kind, s.Files, s.Lines,
			s.Elapsed.Seconds(), len(s.Default), len(s.All), s.Suppressed, len(s.Diags))
		totDef += len(s.Default)
		totAll += len(s.All)
		for _, f := range s.Default {
			c := byRule[f.Rule]
			c[0]++
			byRule[f.Rule] = c
		}
		for _, f := range s.All {
			c := byRule[f.Rule]
			c[1]++
			byRule[f.Rule] = c
		}
	}
	fmt.Fprintf(w, "total\t\t\t\t\t%d\t%d\t\t\t\n", totDef, totAll)
	w.Flush()
	t.Logf("findings per repository (default rules, and --select ALL):\n%s", b.String())

	b.Reset()
	w = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "rule\tdefault\tALL\t")
	for _, rule := range rwSortedKeys(byRule) {
		fmt.Fprintf(w, "%s\t%d\t%d\t\n", rule, byRule[rule][0], byRule[rule][1])
	}
	w.Flush()
	t.Logf("findings per rule:\n%s", b.String())

	for _, s := range scans {
		var internal []string
		for _, d := range s.Diags {
			if strings.Contains(d.Message, "internal error") {
				internal = append(internal, fmt.Sprintf("  %s:%d %s", d.Path, d.Line, d.Message))
			}
		}
		if len(internal) > 0 {
			t.Logf("%s: %d engine failure(s):\n%s", s.Repo.Repo, len(internal), strings.Join(internal, "\n"))
		}
	}
}

// rwIndexTriage checks triage.json and indexes its verdicts by key.
func rwIndexTriage(t *testing.T, triage []rwTriage) map[rwKey]rwTriage {
	t.Helper()
	m := map[rwKey]rwTriage{}
	for _, e := range triage {
		switch e.Verdict {
		case "TP", "FP", "debatable":
		default:
			t.Errorf("triage.json: %s %s %s:%d: verdict %q is not TP, FP or debatable", e.Repo, e.Rule, e.Path, e.Line, e.Verdict)
		}
		k := rwKey{e.Repo, e.Rule, e.Path, e.Line}
		if _, dup := m[k]; dup {
			t.Errorf("triage.json: %s %s %s:%d listed twice", e.Repo, e.Rule, e.Path, e.Line)
		}
		m[k] = e
	}
	return m
}

// rwLogTriage compares the default-rule findings with triage.json: it logs
// precision per rule and per repository over the triaged findings, the
// new findings and the triaged ones that disappeared. It returns the
// number of new findings.
func rwLogTriage(t *testing.T, scans []*rwScan, triage []rwTriage, verdicts map[rwKey]rwTriage) int {
	t.Helper()
	type tally struct{ tp, fp, deb, untriaged int }
	byRule, byRepo := map[string]*tally{}, map[string]*tally{}
	get := func(m map[string]*tally, k string) *tally {
		if m[k] == nil {
			m[k] = &tally{}
		}
		return m[k]
	}
	seen := map[rwKey]bool{}
	scanned := map[string]bool{}
	var fresh []string
	for _, s := range scans {
		scanned[s.Repo.Repo] = true
		get(byRepo, s.Repo.Repo)
		for _, f := range s.Default {
			k := rwKey{s.Repo.Repo, f.Rule, f.Location.Path, f.Location.Line}
			seen[k] = true
			for _, tl := range []*tally{get(byRule, f.Rule), get(byRepo, s.Repo.Repo)} {
				switch verdicts[k].Verdict {
				case "TP":
					tl.tp++
				case "FP":
					tl.fp++
				case "debatable":
					tl.deb++
				default:
					tl.untriaged++
				}
			}
			if _, ok := verdicts[k]; !ok {
				fresh = append(fresh, fmt.Sprintf("  NEW  %s  %s  %s:%d  %s", s.Repo.Repo, f.Rule, f.Location.Path, f.Location.Line, f.Message))
			}
		}
	}
	var gone []string
	for _, e := range triage {
		k := rwKey{e.Repo, e.Rule, e.Path, e.Line}
		if scanned[e.Repo] && !seen[k] {
			gone = append(gone, fmt.Sprintf("  GONE %s  %s  %s:%d  (was %s: %s)", e.Repo, e.Rule, e.Path, e.Line, e.Verdict, e.Reason))
		}
	}

	table := func(title string, m map[string]*tally) {
		var b strings.Builder
		w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(w, "%s\tTP\tFP\tdebatable\tuntriaged\tprecision\t\n", title)
		var sum tally
		row := func(name string, c tally) {
			p := "-"
			if c.tp+c.fp > 0 {
				p = fmt.Sprintf("%.2f", float64(c.tp)/float64(c.tp+c.fp))
			}
			fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%s\t\n", name, c.tp, c.fp, c.deb, c.untriaged, p)
		}
		for _, k := range rwSortedKeys(m) {
			row(k, *m[k])
			sum.tp += m[k].tp
			sum.fp += m[k].fp
			sum.deb += m[k].deb
			sum.untriaged += m[k].untriaged
		}
		row("total", sum)
		w.Flush()
		t.Logf("precision TP/(TP+FP) by %s over triaged default-rule findings:\n%s", title, b.String())
	}
	table("rule", byRule)
	table("repository", byRepo)

	if len(fresh) > 0 {
		t.Logf("%d finding(s) not in triage.json:\n%s", len(fresh), strings.Join(fresh, "\n"))
	}
	if len(gone) > 0 {
		t.Logf("%d triaged finding(s) no longer reported:\n%s", len(gone), strings.Join(gone, "\n"))
	}
	return len(fresh)
}

// rwLoadLabels reads dev-labels.json from LLMLEAK_DEVLABELS or the shared
// directory beside the repository; nil when there is none.
func rwLoadLabels(t *testing.T) []rwLabel {
	t.Helper()
	p := os.Getenv("LLMLEAK_DEVLABELS")
	if p == "" {
		p = filepath.Join("..", "..", "shared", "realworld", "dev-labels.json")
		if _, err := os.Stat(p); err != nil {
			t.Logf("no dev labels at %s (set LLMLEAK_DEVLABELS): recall not measured", p)
			return nil
		}
	}
	var doc struct {
		Labels []rwLabel `json:"labels"`
	}
	rwReadJSON(t, p, &doc)
	return doc.Labels
}

// rwFamily is the rule prefix of a label kind.
var rwFamily = map[string]string{"prompt": "LK1", "log": "LK2", "output": "LK3"}

// rwOverlaps reports whether lines [a, b] meet [line-tol, line+tol].
func rwOverlaps(a, b, line, tol int) bool {
	if b < a {
		b = a
	}
	return a <= line+tol && b >= line-tol
}

// rwAtSink reports whether the finding's location or a flow step lies
// within tol lines of the label's sink.
func rwAtSink(f *finding.Finding, l rwLabel, tol int) bool {
	if f.Location.Path == l.SinkFile && rwOverlaps(f.Location.Line, f.Location.EndLine, l.SinkLine, tol) {
		return true
	}
	if f.Sink == taint.ToolResultSink && slices.Contains(l.Shapes, "tool-return-value-to-llm") {
		// A tool's result is reported where the tool returns it (SPEC:
		// what a tool returns is sent to the model that called it), not
		// at the agent's model call a label names for the same leak.
		return true
	}
	for _, fl := range f.Flows {
		for _, st := range fl.Steps {
			if st.Path == l.SinkFile && rwOverlaps(st.Line, st.EndLine, l.SinkLine, tol) {
				return true
			}
		}
	}
	return false
}

// rwFromSource returns the flow of the finding with a step within 2 lines
// of the label's source that counts for it, or nil: where labels of the
// repository have sources in the same file a line or two apart, a step
// counts for the nearest one (ties count for each). A negative label names
// a value that must not reach the sink, so only a flow that starts there
// (its source step near the line) or passes through that very line flags
// it; a flow of another source assigned on the next line does not.
func rwFromSource(f *finding.Finding, l rwLabel, labels []rwLabel) *finding.Flow {
	dist := func(st finding.Step, line int) int {
		end := st.EndLine
		if end < st.Line {
			end = st.Line
		}
		switch {
		case line < st.Line:
			return st.Line - line
		case line > end:
			return line - end
		}
		return 0
	}
	for i := range f.Flows {
		for j, st := range f.Flows[i].Steps {
			if st.Path != l.SourceFile {
				continue
			}
			d := dist(st, l.SourceLine)
			if d > 2 || (l.Label == "negative" && j > 0 && d > 0) {
				continue
			}
			nearest := true
			for _, o := range labels {
				if o.Repo == l.Repo && o.SourceFile == l.SourceFile && o.SourceLine != l.SourceLine && dist(st, o.SourceLine) < d {
					nearest = false
					break
				}
			}
			if nearest {
				return &f.Flows[i]
			}
		}
	}
	return nil
}

// rwMatch classifies a positive label against findings: "found", "sink
// only" or "missed". For a negative it returns "flagged" or "clean". It
// also returns the finding matched and, when the source matched, the flow
// whose step did.
func rwMatch(fs []*finding.Finding, l rwLabel, labels []rwLabel) (status string, by *finding.Finding, flow *finding.Flow) {
	fam := rwFamily[l.Kind]
	if l.Label == "negative" {
		for _, f := range fs {
			if fam == "" || !strings.HasPrefix(f.Rule, fam) || !rwAtSink(f, l, 1) {
				continue
			}
			if fl := rwFromSource(f, l, labels); fl != nil {
				return "flagged", f, fl
			}
		}
		return "clean", nil, nil
	}
	status = "missed"
	for _, f := range fs {
		if fam == "" || !strings.HasPrefix(f.Rule, fam) || !rwAtSink(f, l, 3) {
			continue
		}
		if fl := rwFromSource(f, l, labels); fl != nil {
			return "found", f, fl
		}
		status, by = "sink only", f
	}
	return status, by, nil
}

// rwLogLabels measures recall on the dev labels and lists flagged
// negatives; it returns the number of flagged negatives.
func rwLogLabels(t *testing.T, scans []*rwScan, labels []rwLabel) int {
	t.Helper()
	if len(labels) == 0 {
		return 0
	}
	byRepo := map[string]*rwScan{}
	for _, s := range scans {
		byRepo[s.Repo.Repo] = s
	}
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "label\trepository\tlabel\tkind\tpolicy\tdefault\tALL\tby (ALL, else default)\t")
	var inDef, foundDef, inAll, foundAll, flagged, skipped int
	var flaggedLines []string
	for _, l := range labels {
		s := byRepo[l.Repo]
		if s == nil || s.Commit != l.Commit {
			skipped++
			continue
		}
		sd, fd, wd := rwMatch(s.Default, l, labels)
		sa, fa, wa := rwMatch(s.All, l, labels)
		policy := "-"
		switch {
		case l.InPolicyDefault:
			policy = "default"
		case l.InPolicyAll:
			policy = "ALL"
		}
		if l.InPolicyDefault {
			inDef++
			if sd == "found" {
				foundDef++
			}
		}
		if l.InPolicyAll {
			inAll++
			if sa == "found" {
				foundAll++
			}
		}
		by := fa
		if by == nil {
			by = fd
		}
		where := ""
		if by != nil {
			where = fmt.Sprintf("%s %s:%d", by.Rule, by.Location.Path, by.Location.Line)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", l.ID, l.Repo, l.Label, l.Kind, policy, sd, sa, where)
		for _, m := range []struct {
			sel, status string
			f           *finding.Finding
			flow        *finding.Flow
		}{{"default", sd, fd, wd}, {"ALL", sa, fa, wa}} {
			if m.status == "flagged" {
				flagged++
				flaggedLines = append(flaggedLines, fmt.Sprintf("  %s (%s) flagged with %s rules by %s %s:%d, flow of %s (%s)\n      label: %s",
					l.ID, l.Repo, m.sel, m.f.Rule, m.f.Location.Path, m.f.Location.Line, m.flow.Source, m.flow.Class, l.PolicyReason))
			}
		}
	}
	w.Flush()
	t.Logf("dev labels (%d, %d skipped: repository not scanned or at another commit):\n%s", len(labels), skipped, b.String())
	t.Logf("dev-label recall: default rules %s, --select ALL %s", rwRatio(foundDef, inDef), rwRatio(foundAll, inAll))
	if flagged > 0 {
		t.Logf("flagged negative labels:\n%s", strings.Join(flaggedLines, "\n"))
	} else {
		t.Logf("no negative label flagged")
	}
	return flagged
}

// rwLogCallSites logs, per repository that calls a model, how many of
// its model call sites (callsites.json) the analysis recognises as model
// calls (Result.ModelCalls), and how many some flow reaches with --select
// ALL: the last step of a flow at the call's line (one line either side,
// for a call written over several lines). A site is reached only when
// some sensitive value or request input does reach it.
func rwLogCallSites(t *testing.T, scans []*rwScan, sites []rwCallSite) {
	t.Helper()
	byRepo := map[string][]rwCallSite{}
	for _, c := range sites {
		byRepo[c.Repo] = append(byRepo[c.Repo], c)
	}
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "repository\tcall sites\trecognised\treached\tLK109 findings\t")
	var totSites, totKnown, totReached, withLK109, llmRepos int
	var missed []string
	for _, s := range scans {
		if s.Repo.Kind != "llm" {
			continue
		}
		llmRepos++
		known, reached := 0, 0
		for _, c := range byRepo[s.Repo.Repo] {
			if rwRecognised(s.ModelCalls, c) {
				known++
			} else {
				missed = append(missed, fmt.Sprintf("%s %s:%d (%s; %s)", c.Repo, c.Path, c.Line, c.API, c.Note))
			}
			if rwReached(s.All, c) {
				reached++
			}
		}
		lk109 := 0
		for _, f := range s.All {
			if f.Rule == "LK109" {
				lk109++
			}
		}
		if lk109 > 0 {
			withLK109++
		}
		n := len(byRepo[s.Repo.Repo])
		totSites += n
		totKnown += known
		totReached += reached
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t\n", s.Repo.Repo, n, known, reached, lk109)
	}
	fmt.Fprintf(w, "total\t%d\t%d\t%d\t\t\n", totSites, totKnown, totReached)
	w.Flush()
	t.Logf("model call sites recognised as model calls, and reached by a flow (--select ALL):\n%s", b.String())
	if len(missed) > 0 {
		t.Logf("call sites not recognised:\n\t%s", strings.Join(missed, "\n\t"))
	}
	t.Logf("model call sites recognised: %s; reached by a flow: %s; apps with an LK109 finding: %d of %d",
		rwRatio(totKnown, totSites), rwRatio(totReached, totSites), withLK109, llmRepos)
}

// rwRecognised reports whether the analysis took call site c for a model
// call.
func rwRecognised(calls []finding.Location, c rwCallSite) bool {
	for _, l := range calls {
		if l.Path == c.Path && rwOverlaps(l.Line, l.EndLine, c.Line, 1) {
			return true
		}
	}
	return false
}

// rwReached reports whether a flow of fs ends at call site c.
func rwReached(fs []*finding.Finding, c rwCallSite) bool {
	for _, f := range fs {
		for _, fl := range f.Flows {
			if len(fl.Steps) == 0 {
				continue
			}
			last := fl.Steps[len(fl.Steps)-1]
			if last.Path == c.Path && rwOverlaps(last.Line, last.Line, c.Line, 1) {
				return true
			}
		}
	}
	return false
}

func rwRatio(n, d int) string {
	if d == 0 {
		return "0/0"
	}
	return fmt.Sprintf("%d/%d (%.0f%%)", n, d, 100*float64(n)/float64(d))
}

// rwOut converts findings for the JSON output.
func rwOut(repo string, fs []*finding.Finding, verdicts map[rwKey]rwTriage) []rwOutFinding {
	out := []rwOutFinding{}
	for _, f := range fs {
		o := rwOutFinding{Rule: f.Rule, Level: f.Level.String(), Path: f.Location.Path, Line: f.Location.Line,
			EndLine: f.Location.EndLine, Message: f.Message, Function: f.Function, Sink: f.Sink, Triage: "new"}
		if v, ok := verdicts[rwKey{repo, f.Rule, f.Location.Path, f.Location.Line}]; ok {
			o.Triage = v.Verdict
		}
		for _, fl := range f.Flows {
			of := rwOutFlow{Source: fl.Source, Class: fl.Class}
			for _, st := range fl.Steps {
				of.Steps = append(of.Steps, fmt.Sprintf("%s:%d %s: %s", st.Path, st.Line, st.Kind, st.Message))
			}
			o.Flows = append(o.Flows, of)
		}
		out = append(out, o)
	}
	return out
}

func rwWriteJSON(t *testing.T, path string, scans []*rwScan, verdicts map[rwKey]rwTriage) {
	t.Helper()
	var repos []rwOutRepo
	for _, s := range scans {
		inDefault := map[rwKey]bool{}
		for _, f := range s.Default {
			inDefault[rwKey{"", f.Rule, f.Location.Path, f.Location.Line}] = true
		}
		var allOnly []*finding.Finding
		for _, f := range s.All {
			if !inDefault[rwKey{"", f.Rule, f.Location.Path, f.Location.Line}] {
				allOnly = append(allOnly, f)
			}
		}
		repos = append(repos, rwOutRepo{Repo: s.Repo.Repo, Commit: s.Commit, Kind: s.Repo.Kind, Files: s.Files, Lines: s.Lines,
			Seconds: s.Elapsed.Seconds(), Findings: rwOut(s.Repo.Repo, s.Default, verdicts), AllOnly: rwOut(s.Repo.Repo, allOnly, verdicts)})
	}
	b, err := json.MarshalIndent(map[string]any{"repos": repos}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Errorf("LLMLEAK_REALWORLD_OUT: %v", err)
		return
	}
	t.Logf("findings written to %s", path)
}

// rwWriteText writes, per repository, the default-rule findings as
// numbered blocks for a reviewer to read next to the code. Triage
// verdicts are left out so the review stays blind.
func rwWriteText(t *testing.T, dir string, scans []*rwScan) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Errorf("LLMLEAK_REALWORLD_TEXT: %v", err)
		return
	}
	for _, s := range scans {
		var b strings.Builder
		fmt.Fprintf(&b, "%s @ %s\n%d finding(s), default rules; paths are relative to the repository root.\n", s.Repo.Repo, s.Commit, len(s.Default))
		for i, f := range s.Default {
			fmt.Fprintf(&b, "\n[%d] %s %s:%d\n    %s\n", i+1, f.Rule, f.Location.Path, f.Location.Line, f.Message)
			for _, fl := range f.Flows {
				fmt.Fprintf(&b, "    flow (%s) %s\n", fl.Class, fl.Source)
				for _, st := range fl.Steps {
					fmt.Fprintf(&b, "      %s:%d %s\n", st.Path, st.Line, st.Message)
				}
			}
		}
		name := filepath.Join(dir, strings.Replace(s.Repo.Repo, "/", "+", 1)+".txt")
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Errorf("LLMLEAK_REALWORLD_TEXT: %v", err)
		}
	}
	t.Logf("per-repository finding lists written to %s", dir)
}

func rwReadJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func rwSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestRealWorldLabelMatch checks the dev-label matcher on one shape: a
// positive and a negative label sharing a sink, the negative's value
// assigned a line below a step of the positive's flow.
func TestRealWorldLabelMatch(t *testing.T) {
	step := func(kind finding.StepKind, line int) finding.Step {
		return finding.Step{Location: finding.Location{Path: "app/views.py", Line: line, EndLine: line}, Kind: kind}
	}
	leak := &finding.Finding{
		Rule:     "LK102",
		Location: finding.Location{Path: "app/views.py", Line: 30, EndLine: 30},
		Flows: []finding.Flow{{Source: "request.data", Steps: []finding.Step{
			step(finding.StepSource, 10), step(finding.StepAssign, 21), step(finding.StepSink, 30),
		}}},
	}
	positive := rwLabel{ID: "P", Repo: "r", Label: "positive", Kind: "prompt", SourceFile: "app/views.py", SourceLine: 10, SinkFile: "app/views.py", SinkLine: 30}
	negative := rwLabel{ID: "N", Repo: "r", Label: "negative", Kind: "prompt", SourceFile: "app/views.py", SourceLine: 22, SinkFile: "app/views.py", SinkLine: 30}
	labels := []rwLabel{positive, negative}
	fs := []*finding.Finding{leak}
	if got, _, _ := rwMatch(fs, positive, labels); got != "found" {
		t.Errorf("positive: got %q, want found", got)
	}
	if got, _, _ := rwMatch(fs, negative, labels); got != "clean" {
		t.Errorf("negative a line below another flow's step: got %q, want clean", got)
	}
	// The same flow passing through the negative's very line flags it.
	leak.Flows[0].Steps[1] = step(finding.StepAssign, 22)
	if got, _, _ := rwMatch(fs, negative, labels); got != "flagged" {
		t.Errorf("negative on the flow's path: got %q, want flagged", got)
	}
}
