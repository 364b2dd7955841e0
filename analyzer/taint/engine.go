package taint

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/modules"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
)

// maxRounds bounds the whole-project fixpoint. Summaries only grow, so it
// converges; the bound is a guard against pathological programs.
const maxRounds = 40

// Summary is what callers need to know of a function.
type Summary struct {
	// Ret is the return value: its symbol or project reference (a client
	// factory), the sources it carries, and parameter facts for the
	// parameters that reach it.
	Ret *Value
	// Sinks lists, per parameter, the sinks the parameter reaches.
	Sinks []ParamSink
	// Verifies is set when the function checks a client certificate's
	// verification result: its callers count as checked after the call.
	Verifies bool
	// CallsModel is set when the function, or a function it calls, calls
	// a model provider.
	CallsModel bool
	// Raises is the taint of exceptions the function raises and does not
	// catch: data put into an exception message reaches whoever catches it.
	Raises Taint
	// Init is, for an __init__, the attributes it sets on its object
	// from its other parameters (self.note = note): the object a
	// constructor call builds holds the arguments' data in them.
	Init *Value
}

// ParamSink says that parameter Param reaches a sink, with the path inside
// the function (starting at the parameter, ending at the sink).
type ParamSink struct {
	Param int
	Path  string // attribute of the parameter, "" for itself
	Drop  string // classes removed from the parameter's data on the way (Fact.Drop)
	Kind  rules.SinkKind
	Role  rules.ArgRole
	Label string
	Trace *Trace
	key   string
}

func paramSinkKey(ps ParamSink, sinkAt finding.Step) string {
	return strconv.Itoa(ps.Param) + "." + ps.Path + "!" + ps.Drop + "|" + strconv.Itoa(int(ps.Kind)) + "|" + strconv.Itoa(int(ps.Role)) + "|" + ps.Label + "|" + sinkAt.Path + ":" + strconv.Itoa(sinkAt.Line) + ":" + strconv.Itoa(sinkAt.Col)
}

func sameSummary(a, b *Summary) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Verifies != b.Verifies || a.CallsModel != b.CallsModel || !sameKeys(a.Raises, b.Raises) || !sameShape(a.Ret, b.Ret) || !sameShape(a.Init, b.Init) || len(a.Sinks) != len(b.Sinks) {
		return false
	}
	for i := range a.Sinks {
		if a.Sinks[i].key != b.Sinks[i].key {
			return false
		}
	}
	return true
}

func joinSummary(old, n *Summary, known func(string) bool) *Summary {
	if old == nil {
		return n
	}
	out := &Summary{Ret: stored(join(old.Ret, n.Ret), true, known), Verifies: old.Verifies || n.Verifies, CallsModel: old.CallsModel || n.CallsModel, Raises: union(old.Raises, n.Raises)}
	if old.Init != nil || n.Init != nil {
		out.Init = stored(join(old.Init, n.Init), true, known)
	}
	seen := map[string]bool{}
	for _, s := range append(append([]ParamSink{}, old.Sinks...), n.Sinks...) {
		if !seen[s.key] {
			seen[s.key] = true
			out.Sinks = append(out.Sinks, s)
		}
	}
	sort.SliceStable(out.Sinks, func(i, j int) bool { return out.Sinks[i].key < out.Sinks[j].key })
	return out
}

// depKey names a piece of state a function analysis read.
type depKey struct {
	kind byte // 'F' summary, 'C' class attribute, 'M' module global, 'P' own parameter types
	id   int
	name string // the attribute or global, for 'C' and 'M'
}

// state is the whole-project knowledge one round reads and the merge
// after it writes.
type state struct {
	sums []*Summary
	// paramTypes are, by function and parameter, the join of the symbols and
	// references callers pass (either may be a conflict).
	paramTypes [][]*Value
	classAttrs []map[string]*Value
	globals    []map[string]*Value
	// mutated are, by module, the globals that functions change in place
	// (a registry a decorator fills): the join of every such write.
	mutated []map[string]*Value
	// captures are the variables of an enclosing function that a nested
	// function (a closure) may read, by nested function.
	captures []map[string]*Value
	// prompts are, by function, the local variables it sends to a model
	// (from its latest analysis).
	prompts []map[string]bool
}

// Engine runs the taint analysis over a project.
type Engine struct {
	proj *Project
	jobs int
	st   state
	// users maps a piece of state to the functions that read it (IDs,
	// possibly repeated; compacted as they grow).
	users map[depKey][]int32
	// guards are each function's opening type guards (typeGuards).
	guards []map[int][]string
	// containers are each method's container roles (containerMethod).
	containers []*containerRoles
	// latest holds each function's findings from its latest analysis.
	latest [][]*rawFinding
	// changes counts summary changes per function, attrChanges and
	// varChanges those of class attributes and globals/captures: past
	// widenAfter they are joined, not replaced.
	changes     []int
	attrChanges map[attrKey]int
	varChanges  map[depKey]int
	// attrWriters holds each function's latest writes of a class
	// attribute; writtenBy the attributes a function wrote last time.
	attrWriters map[attrKey]map[int]*Value
	// modelCalls are, by function, the model calls its latest analysis saw.
	modelCalls [][]finding.Location
	// silentKinds caches, by object symbol, the row that says its objects
	// render none of what they hold (nil: no such row).
	silentKinds sync.Map
	// receivers are, by a signal's defining name, the project functions
	// connected to it.
	receivers map[string][]*FuncInfo
	// tasks are a task queue's tasks by the names they are registered
	// under: name= of the decorator, and module.function.
	tasks map[string][]*FuncInfo
	// senders are, by receiver and signal, the sender it was connected
	// for (sender=Model), by its defining name.
	senders map[*FuncInfo]map[string]string
	// subclasses are, by project class, the project classes deriving from
	// it at any depth, in the project's order.
	subclasses map[*ClassInfo][]*ClassInfo
	// live are the classes the project may make objects of (liveClasses).
	live map[*ClassInfo]bool
	// classNamed are the project classes by name, nil for a name two
	// classes share.
	classNamed map[string]*ClassInfo
	writtenBy  [][]attrKey
	// prevDeps is what each function read in its latest analysis.
	prevDeps [][]depKey
	// failed holds, by function, an internal error its analysis hit.
	failed map[int]string
	// cat is the project's own catalog additions.
	cat rules.UserCatalog
	// models are the library models, the project's own rows first.
	models *model.Set
	// modelErr is set when the built-in models could not be loaded.
	modelErr error
	// anyObjectNames are the attributes rows describe on any object;
	// transparentNames the attribute names of transparent rows.
	anyObjectNames, transparentNames map[string]bool
	// readPrefixes are the literal prefixes of the read rows of library
	// symbols: an attribute read under none of them has no row.
	readPrefixes []string
	// userRows is set when the project has rows of its own.
	userRows bool
	// dataRows caches, by method name, the call rows of plain data.
	dataRows sync.Map
	// rowsUsed records the rows that took effect (*model.Row -> true),
	// when tracked (see TrackRows).
	rowsUsed *sync.Map
	// PropagateUnknown makes a library call no model row describes carry
	// its arguments' data (the broad, pre-policy behaviour).
	PropagateUnknown bool
	// Rounds is how many rounds the fixpoint took.
	Rounds int
	// Analyses counts function analyses over all rounds.
	Analyses int
}

// NewEngine prepares an engine over the project.
func NewEngine(p *Project, jobs int) *Engine {
	if jobs < 1 {
		jobs = 1
	}
	e := &Engine{proj: p, jobs: jobs, users: map[depKey][]int32{}}
	e.models, e.modelErr = rules.Models()
	e.indexModels()
	e.st.sums = make([]*Summary, len(p.Funcs))
	e.st.paramTypes = make([][]*Value, len(p.Funcs))
	e.st.classAttrs = make([]map[string]*Value, len(p.Classes))
	e.st.mutated = make([]map[string]*Value, len(p.Mods))
	e.st.globals = make([]map[string]*Value, len(p.Mods))
	e.st.captures = make([]map[string]*Value, len(p.Funcs))
	e.st.prompts = make([]map[string]bool, len(p.Funcs))
	e.latest = make([][]*rawFinding, len(p.Funcs))
	e.modelCalls = make([][]finding.Location, len(p.Funcs))
	e.changes = make([]int, len(p.Funcs))
	e.failed = map[int]string{}
	e.prevDeps = make([][]depKey, len(p.Funcs))
	e.attrChanges = map[attrKey]int{}
	e.varChanges = map[depKey]int{}
	e.attrWriters = map[attrKey]map[int]*Value{}
	e.writtenBy = make([][]attrKey, len(p.Funcs))
	e.subclasses = map[*ClassInfo][]*ClassInfo{}
	e.classNamed = map[string]*ClassInfo{}
	for _, c := range p.Classes {
		for _, b := range c.MRO[1:] {
			e.subclasses[b] = append(e.subclasses[b], c)
		}
		if _, dup := e.classNamed[c.Cls.Name]; dup {
			e.classNamed[c.Cls.Name] = nil
		} else {
			e.classNamed[c.Cls.Name] = c
		}
	}
	e.live = liveClasses(p)
	e.guards = make([]map[int][]string, len(p.Funcs))
	e.containers = make([]*containerRoles, len(p.Funcs))
	for _, f := range p.Funcs {
		e.guards[f.ID] = typeGuards(f)
		e.containers[f.ID] = containerMethod(f)
	}
	return e
}

// indexModels notes which names the rows give meaning to, so lookups
// for the others are skipped on hot paths.
func (e *Engine) indexModels() {
	if e.models == nil {
		return
	}
	e.anyObjectNames = e.models.Names(anyObject)
	e.transparentNames = map[string]bool{}
	e.readPrefixes = nil
	for _, r := range e.models.All() {
		if r.On == model.OnRead && !strings.HasPrefix(r.Sym, "@") {
			for _, alt := range model.Expand(r.Sym) {
				if i := strings.IndexAny(alt, "*["); i >= 0 {
					alt = alt[:i]
				}
				e.readPrefixes = append(e.readPrefixes, alt)
			}
		}
		if r.Kind == model.KindTransparent {
			for _, alt := range model.Expand(r.Sym) {
				e.transparentNames[alt[strings.LastIndexByte(alt, '.')+1:]] = true
			}
		}
	}
}

// mayRead reports whether some read row may describe sym.
func (e *Engine) mayRead(sym string) bool {
	for _, p := range e.readPrefixes {
		if strings.HasPrefix(sym, p) {
			return true
		}
	}
	return false
}

// known reports whether the engine can do anything with a symbol: a
// catalog type, or a symbol a model row (the project's included) can say
// something of. Values stored in summaries keep only known symbols, so
// unrelated library calls do not churn the fixpoint.
func (e *Engine) known(sym string) bool {
	if sym == "" || sym == symOpaque || strings.HasPrefix(sym, "@") || strings.HasPrefix(sym, rules.TypeSettings) {
		return true
	}
	return e.models != nil && e.models.Known(sym)
}

// ModelCalls lists the calls to a model provider the analysis
// recognised, wherever they are and whatever reaches them, sorted and
// without duplicates.
func (e *Engine) ModelCalls() []finding.Location {
	var out []finding.Location
	for _, ls := range e.modelCalls {
		out = append(out, ls...)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return slices.Compact(out)
}

// Failure is an internal error the engine recovered from while
// analyzing one function: that function's flows are missing.
type Failure struct {
	Path     string
	Line     int
	Function string
	Cause    string
}

// Failures lists the functions whose analysis failed, in project order.
func (e *Engine) Failures() []Failure {
	ids := make([]int, 0, len(e.failed))
	for id := range e.failed {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	out := make([]Failure, 0, len(ids))
	for _, id := range ids {
		f := e.proj.Funcs[id]
		out = append(out, Failure{Path: f.Mod.Mod.Path, Line: int(f.Fn.Span.Start.Line), Function: f.QualName, Cause: e.failed[id]})
	}
	return out
}

// SetCatalog adds a project's own sources, sinks, sanitizers and model
// rows.
func (e *Engine) SetCatalog(c rules.UserCatalog) {
	e.cat = c
	if e.models != nil {
		rows := c.Rows()
		e.models = e.models.With(rows)
		e.userRows = len(rows) > 0
		e.indexModels()
	}
}

// Run computes summaries to a fixpoint and returns the raw findings.
func (e *Engine) Run(ctx context.Context) ([]*finding.Finding, error) {
	if e.modelErr != nil {
		return nil, fmt.Errorf("built-in library models: %w", e.modelErr)
	}
	e.classifyFuncs()
	dirty := make([]int, len(e.proj.Funcs))
	for i := range dirty {
		dirty[i] = i
	}
	byRank := func(ids []int) {
		sort.Slice(ids, func(i, j int) bool { return e.proj.Rank[ids[i]] < e.proj.Rank[ids[j]] })
	}
	byRank(dirty)
	pending := make([]bool, len(e.proj.Funcs))
	for round := 0; len(dirty) > 0 && round < maxRounds; round++ {
		e.Rounds = round + 1
		e.Analyses += len(dirty)
		for _, id := range dirty {
			pending[id] = true
		}
		next := map[int]bool{}
		// A round goes in fixed-size chunks, each analyzed in parallel
		// and merged in order: later chunks read what earlier ones found
		// (fewer rounds), fewer results are held at once, and the chunk
		// boundaries do not depend on the number of workers, so the
		// outcome is the same for any --jobs.
		for lo := 0; lo < len(dirty); lo += chunkSize {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			hi := lo + chunkSize
			if hi > len(dirty) {
				hi = len(dirty)
			}
			chunk := dirty[lo:hi]
			results := e.analyzeAll(chunk)
			for _, id := range chunk {
				pending[id] = false
			}
			e.merge(results, next, pending)
		}
		dirty = dirty[:0]
		for id := range next {
			dirty = append(dirty, id)
		}
		byRank(dirty)
	}
	return e.findings(), nil
}

// chunkSize is the number of functions analyzed between merges.
const chunkSize = 256

// safeAnalyze analyzes one function; an internal error (a bug of ours
// on input we did not foresee) costs that function's flows, not the run.
func (e *Engine) safeAnalyze(fi *FuncInfo) (r *fnResult) {
	defer func() {
		if p := recover(); p != nil {
			r = &fnResult{fn: fi, summary: &Summary{Ret: empty}, failed: fmt.Sprint(p)}
		}
	}()
	return e.analyze(fi)
}

func (e *Engine) analyzeAll(ids []int) []*fnResult {
	results := make([]*fnResult, len(ids))
	if e.jobs == 1 || len(ids) < 8 {
		for i, id := range ids {
			results[i] = e.safeAnalyze(e.proj.Funcs[id])
		}
		return results
	}
	var wg sync.WaitGroup
	next := make(chan int, len(ids))
	for i := range ids {
		next <- i
	}
	close(next)
	for w := 0; w < e.jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = e.safeAnalyze(e.proj.Funcs[ids[i]])
			}
		}()
	}
	wg.Wait()
	return results
}

// merge folds a chunk's results into the state, in function order, and
// adds the functions to analyze again to next.
func (e *Engine) merge(results []*fnResult, next map[int]bool, pending []bool) {
	touch := func(k depKey) {
		for _, id := range e.users[k] {
			// A reader still to be analyzed this round will see the change.
			if !pending[id] {
				next[int(id)] = true
			}
		}
	}
	// Register every reader first, so a change merged below reaches
	// readers analyzed in this same round.
	for _, r := range results {
		id := r.fn.ID
		e.latest[id] = r.findings
		e.modelCalls[id] = r.modelCalls
		if r.failed != "" {
			e.failed[id] = r.failed
		} else {
			delete(e.failed, id)
		}
		// A re-analysis usually reads what it read before: register only
		// when the set changed.
		if sameDeps(e.prevDeps[id], r.deps) {
			continue
		}
		e.prevDeps[id] = r.deps
		for _, k := range r.deps {
			u := e.users[k]
			if n := len(u); n > 0 && u[n-1] == int32(id) {
				continue
			}
			u = append(u, int32(id))
			if n := len(u); n >= 16 && n&(n-1) == 0 {
				u = compactIDs(u)
			}
			e.users[k] = u
		}
	}
	for _, r := range results {
		id := r.fn.ID
		// A function that learned which variables it sends to a model is
		// analyzed again, so its log lines before the model call see them.
		if !samePromptSet(e.st.prompts[id], r.prompts) {
			e.st.prompts[id] = r.prompts
			if !pending[id] {
				next[id] = true
			}
		}
		// A missing summary reads as an empty one, so a function whose
		// first summary is empty does not wake its callers.
		old := e.st.sums[id]
		if old == nil {
			old = &Summary{Ret: empty}
		}
		// The latest analysis replaces the summary, so what an early
		// round concluded with less knowledge (a type not yet known) does
		// not stay; after widenAfter changes it is joined instead, which
		// guarantees the fixpoint ends.
		nsum := r.summary
		if e.changes[id] >= widenAfter {
			nsum = joinSummary(old, r.summary, e.known)
		} else {
			nsum = joinSummary(&Summary{Ret: empty}, r.summary, e.known)
		}
		if !sameSummary(old, nsum) {
			e.st.sums[id] = nsum
			e.changes[id]++
			touch(depKey{'F', id, ""})
		} else if e.st.sums[id] == nil {
			e.st.sums[id] = old
		}
		for _, obs := range r.paramObs {
			if e.observeParam(obs) && !pending[obs.fn.ID] {
				next[obs.fn.ID] = true
			}
		}
		e.mergeAttrs(r, touch)
		e.mergeVars(r, touch)
	}
}

// mergeAttrs folds a function's writes of class attributes into the
// state: an attribute is the join of every function's latest writes.
func (e *Engine) mergeAttrs(r *fnResult, touch func(depKey)) {
	id := r.fn.ID
	mine := map[attrKey]*Value{}
	for _, w := range r.attrWrites {
		k := attrKey{w.owner(), w.name}
		mine[k] = join(mine[k], w.v)
	}
	for _, k := range e.writtenBy[id] {
		if _, ok := mine[k]; !ok {
			delete(e.attrWriters[k], id)
			e.refreshAttr(k, touch)
		}
	}
	e.writtenBy[id] = e.writtenBy[id][:0]
	for _, k := range sortedAttrKeys(mine) {
		w := e.attrWriters[k]
		if w == nil {
			w = map[int]*Value{}
			e.attrWriters[k] = w
		}
		nv := stored(mine[k], false, e.known)
		e.writtenBy[id] = append(e.writtenBy[id], k)
		if prev, ok := w[id]; ok && sameShape(prev, nv) {
			continue
		}
		w[id] = nv
		e.refreshAttr(k, touch)
	}
}

// mergeVars folds a function's captured variables (for its closures) and,
// for a module body, its globals into the state.
func (e *Engine) mergeVars(r *fnResult, touch func(depKey)) {
	// A closure's captures come from its enclosing function alone.
	caps := map[*FuncInfo]map[string]*Value{}
	for _, cp := range r.captures {
		m := caps[cp.fn]
		if m == nil {
			m = map[string]*Value{}
			caps[cp.fn] = m
		}
		for k, v := range cp.vars {
			m[k] = join(m[k], v)
		}
	}
	for fn, vars := range caps {
		e.replaceVars(&e.st.captures[fn.ID], vars, true, 'K', fn.ID, touch)
	}
	if r.globals != nil {
		// Globals come from the module body alone.
		e.replaceVars(&e.st.globals[r.fn.Mod.ID], r.globals, false, 'M', r.fn.Mod.ID, touch)
	}
}

// observeParam records the type a caller passes; it reports whether the
// callee's parameter types changed. The symbol and the project reference
// are joined separately, each absorbing into a conflict when callers
// disagree, so callers that agree on a logger but not on its wrapper
// still give the parameter its logger symbol.
func (e *Engine) observeParam(o paramObs) bool {
	pts := e.st.paramTypes[o.fn.ID]
	if pts == nil {
		pts = make([]*Value, len(o.fn.Fn.Params))
		e.st.paramTypes[o.fn.ID] = pts
	}
	if o.param >= len(pts) {
		return false
	}
	if o.fn.Fn.Params[o.param].Kind == ir.ParamVarArgs {
		return e.observeVarArgs(pts, o)
	}
	sym := o.v.Sym
	if !e.known(sym) {
		sym = ""
	}
	if sym == "" && o.v.Ref == nil {
		return false
	}
	cur := pts[o.param]
	obs := &Value{Sym: sym, Ref: o.v.Ref}
	if sym == rules.TypeQuerySet {
		// A query keeps the objects it holds: their class.
		obs.Elems, obs.Many = objectsOf(o.v.Elems), o.v.Many
	}
	if cur == nil {
		pts[o.param] = obs
		return true
	}
	n := &Value{Sym: joinSym(cur.Sym, sym), Ref: joinRefOpen(cur.Ref, o.v.Ref)}
	if n.Sym == rules.TypeQuerySet {
		if el := joinAll(append(objectsOf(cur.Elems), obs.Elems...)); el != nil {
			n.Elems, n.Many = []*Value{{Ref: el.Ref}}, true
		}
	}
	if sameShape(n, cur) {
		return false
	}
	pts[o.param] = n
	return true
}

// observeVarArgs records what a caller passes to *args: one element
// standing for each argument's type (the stages of a chain).
func (e *Engine) observeVarArgs(pts []*Value, o paramObs) bool {
	var el *Value
	for _, a := range o.v.Elems {
		t := &Value{Ref: a.Ref}
		if a.Sym != symOpaque && a.Sym != symConflict && (e.known(a.Sym) || langchainPart(a.Sym)) {
			t.Sym = a.Sym
		}
		if t.Sym != "" || t.Ref != nil {
			el = joinOpen(el, t)
		}
	}
	if el == nil {
		return false
	}
	cur := pts[o.param]
	n := &Value{Elems: []*Value{el}, Many: true}
	if cur != nil && len(cur.Elems) == 1 {
		n.Elems[0] = joinOpen(cur.Elems[0], el)
	}
	if sameShape(n, cur) {
		return false
	}
	pts[o.param] = n
	return true
}

// objectsOf are the references of values, nothing of their data.
func objectsOf(vs []*Value) []*Value {
	var out []*Value
	for _, v := range vs {
		if v.Ref != nil {
			out = append(out, &Value{Ref: v.Ref})
		}
	}
	return out
}

// findings turns the latest raw findings of every function into findings.
func (e *Engine) findings() []*finding.Finding {
	type at struct {
		rule string
		loc  finding.Location
	}
	own := map[at]*rawFinding{}
	for _, fs := range e.latest {
		for _, rf := range fs {
			if !rf.origin {
				own[at{rf.rule, rf.loc}] = rf
			}
		}
	}
	// Flows that callers found for a finding made elsewhere join it; with
	// no such finding (its function reports nothing) they are dropped.
	for _, fs := range e.latest {
		for _, rf := range fs {
			if !rf.origin {
				continue
			}
			if g := own[at{rf.rule, rf.loc}]; g != nil {
				if g.extra == nil {
					g.extra = map[string]finding.Flow{}
				}
				for k, fl := range rf.flows {
					g.extra[k] = fl
				}
			}
		}
	}
	var out []*finding.Finding
	for _, fs := range e.latest {
		for _, rf := range fs {
			if !rf.origin {
				out = append(out, rf.build())
			}
		}
	}
	finding.Sort(out)
	return mergeRootCauses(out)
}

// mergeRootCauses makes the findings of one root cause one finding: join
// points in one function that bring the same sources to the same sink
// (several calls of one logging helper) are reported at the first, with
// the others as AlsoAt. Findings must be sorted.
func mergeRootCauses(fs []*finding.Finding) []*finding.Finding {
	first := map[string]*finding.Finding{}
	out := fs[:0]
	for _, f := range fs {
		k := rootCause(f)
		if k == "" {
			out = append(out, f)
			continue
		}
		if g := first[k]; g != nil {
			g.AlsoAt = append(g.AlsoAt, f.Location)
			continue
		}
		first[k] = f
		out = append(out, f)
	}
	return out
}

// rootCause is the key a finding shares with the others of its root
// cause: rule, function, the sinks its flows end at, and their sources.
func rootCause(f *finding.Finding) string {
	var sinks, srcs []string
	for _, fl := range f.Flows {
		if len(fl.Steps) == 0 {
			return ""
		}
		last, first := fl.Steps[len(fl.Steps)-1].Location, fl.Steps[0].Location
		sinks = append(sinks, last.Path+":"+strconv.Itoa(last.Line)+":"+strconv.Itoa(last.Col))
		srcs = append(srcs, fl.Class+"@"+first.Path+":"+strconv.Itoa(first.Line)+":"+strconv.Itoa(first.Col))
	}
	sort.Strings(sinks)
	sort.Strings(srcs)
	return f.Rule + "|" + f.Function + "|" + strings.Join(slices.Compact(sinks), ",") + "|" + strings.Join(srcs, ",")
}

// absolute returns the resolver of relative imports for a module.
func (e *Engine) absolute(m *ModInfo) func(level int, module string) (string, bool) {
	return func(level int, module string) (string, bool) {
		return modules.Absolute(m.Name, m.Mod.IsPackage, level, module)
	}
}

// compactIDs sorts and deduplicates a list of function IDs.
func compactIDs(ids []int32) []int32 {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// widenAfter is how many times a summary or shared value may change by
// replacement before further changes are joined.
const widenAfter = 6

// attrKey names a class attribute.
type attrKey struct {
	cls  int
	name string
}

func sortedAttrKeys(m map[attrKey]*Value) []attrKey {
	out := make([]attrKey, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].cls != out[j].cls {
			return out[i].cls < out[j].cls
		}
		return out[i].name < out[j].name
	})
	return out
}

// refreshAttr recomputes a class attribute from its writers' latest
// values.
func (e *Engine) refreshAttr(k attrKey, touch func(depKey)) {
	ids := make([]int, 0, len(e.attrWriters[k]))
	for id := range e.attrWriters[k] {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var nv *Value
	for _, id := range ids {
		nv = join(nv, e.attrWriters[k][id])
	}
	slot, dep := &e.st.classAttrs, depKey{'C', k.cls, k.name}
	idx := k.cls
	if k.cls < 0 {
		// A module's global changed in place by functions.
		idx = -1 - k.cls
		slot, dep = &e.st.mutated, depKey{'M', idx, k.name}
	}
	m := (*slot)[idx]
	if m == nil {
		m = map[string]*Value{}
		(*slot)[idx] = m
	}
	old := m[k.name]
	if e.attrChanges[k] >= widenAfter {
		nv = join(old, nv)
	}
	if nv != nil {
		nv = stored(nv, false, e.known)
	}
	if !sameShape(old, nv) {
		if nv == nil {
			delete(m, k.name)
		} else {
			m[k.name] = nv
		}
		e.attrChanges[k]++
		touch(dep)
	}
}

// replaceVars replaces a single writer's variables (module globals, a
// closure's captures), waking the readers of each that changed.
func (e *Engine) replaceVars(slot *map[string]*Value, vars map[string]*Value, keepParams bool, kind byte, id int, touch func(depKey)) {
	m := *slot
	if m == nil {
		m = map[string]*Value{}
		*slot = m
	}
	for _, k := range sortedKeys(m) {
		if _, ok := vars[k]; !ok {
			delete(m, k)
			touch(depKey{kind, id, k})
		}
	}
	for _, k := range sortedKeys(vars) {
		old := m[k]
		nv := stored(vars[k], keepParams, e.known)
		ck := depKey{kind, id, k}
		if e.varChanges[ck] >= widenAfter {
			nv = stored(join(old, nv), keepParams, e.known)
		}
		if !sameShape(old, nv) {
			m[k] = nv
			e.varChanges[ck]++
			touch(ck)
		}
	}
}

func sameDeps(a, b []depKey) bool {
	if len(a) != len(b) || a == nil {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func samePromptSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// modelNamed is the one project class of that name (a model a string
// names: ForeignKey("app.Model")), or nil.
func (e *Engine) modelNamed(name string) *ClassInfo {
	return e.classNamed[name]
}
