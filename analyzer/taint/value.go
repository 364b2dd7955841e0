package taint

import (
	"github.com/llmleak/llmleak/rules/model"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/rules"
)

// Bounds keep abstract values finite so the fixpoints terminate.
const (
	maxFields    = 24 // fields per value; beyond, new fields fold into the whole
	maxDepth     = 4  // nesting of fields and elements
	maxElems     = 12 // tracked elements of a list or tuple
	maxFacts     = 24 // facts per taint set
	maxTraceLen  = 48 // steps per trace
	maxConsts    = 16 // possible constant strings
	paramClass   = rules.Class("param")
	noParam      = -1
	selfParamIdx = 0
)

// Origin is where a source was read.
type Origin struct {
	Path  string
	Pos   Pos
	End   Pos
	Desc  string
	Class rules.Class
	key   string
	// Mapping is set for a request mapping read whole (request.META,
	// request.headers, request.COOKIES, request.session): it is a
	// credential as a whole, not what a library extracts from it.
	Mapping bool
}

// Pos is a 1-based line and column.
type Pos struct{ Line, Col int }

func newOrigin(path string, sp spanLike, desc string, c rules.Class) *Origin {
	o := &Origin{Path: path, Pos: sp.start(), End: sp.end(), Desc: desc, Class: c}
	o.key = string(c) + "@" + path + ":" + strconv.Itoa(o.Pos.Line) + ":" + strconv.Itoa(o.Pos.Col)
	return o
}

// Trace is an immutable linked list of flow steps, newest first.
type Trace struct {
	Step finding.Step
	Prev *Trace
	Len  int
	// Omitted counts the steps dropped to keep the trace within
	// maxTraceLen (always before its newest step).
	Omitted int
}

func (t *Trace) push(s finding.Step) *Trace {
	n := 1
	if t != nil {
		// Do not repeat the same step (loops re-visit statements).
		if t.Step.Line == s.Line && t.Step.Col == s.Col && t.Step.Path == s.Path && t.Step.Kind == s.Kind {
			return t
		}
		if t.Len >= maxTraceLen {
			// A path too long to show whole keeps its start and its newest
			// step: it still ends where the data arrives.
			return &Trace{Step: s, Prev: t.Prev, Len: t.Len, Omitted: t.Omitted + 1}
		}
		n = t.Len + 1
		return &Trace{Step: s, Prev: t, Len: n, Omitted: t.Omitted}
	}
	return &Trace{Step: s, Prev: t, Len: n}
}

// omitted is the number of steps the trace left out (Trace.Omitted).
func (t *Trace) omitted() int {
	if t == nil {
		return 0
	}
	return t.Omitted
}

// Steps returns the steps oldest first.
func (t *Trace) Steps() []finding.Step {
	if t == nil {
		return nil
	}
	out := make([]finding.Step, t.Len)
	i := t.Len - 1
	for c := t; c != nil && i >= 0; c = c.Prev {
		out[i] = c.Step
		i--
	}
	return out
}

// appendTrace returns the steps of inner appended after outer.
func appendTrace(outer, inner *Trace) *Trace {
	if inner == nil {
		return outer
	}
	t := appendSteps(outer, inner)
	if inner.Omitted > 0 && t != nil {
		// The steps inner had already left out are left out here too.
		n := *t
		n.Omitted += inner.Omitted
		return &n
	}
	return t
}

func appendSteps(outer, inner *Trace) *Trace {
	if inner == nil {
		return outer
	}
	return appendSteps(outer, inner.Prev).push(inner.Step)
}

// Fact says that a value holds data of a class from an origin (a source),
// or data of a parameter of the function under analysis (Class "param").
type Fact struct {
	Class  rules.Class
	Origin *Origin // for sources
	Param  int     // for parameter facts
	// Path is the attribute of the parameter the data is ("" for the
	// parameter itself): self.prompt is param 0, path "prompt".
	Path  string
	Trace *Trace
	pk    string // the key of a parameter fact, built once
	// InUser is set once the data was placed as the content of a user
	// message: taken out of the message list again (msgs[0]["content"]),
	// it is still the user's turn, not the system's.
	InUser bool
	// Drop, for a parameter fact, lists the classes a sanitizer removed
	// from the parameter's data on the way ("response,pii", sorted): the
	// caller's value comes in without them.
	Drop string
}

func (f Fact) key() string {
	if f.Class == paramClass {
		if f.pk != "" {
			return f.pk
		}
		return paramFactKey(f)
	}
	return f.Origin.key
}

// paramFactKey is the key of a parameter fact: its parameter, path and
// removed classes.
func paramFactKey(f Fact) string {
	k := paramKey(f.Param, f.Path)
	if f.Drop != "" {
		k += "!" + f.Drop
	}
	return k
}

// dropped is a parameter fact with the classes cs removed as well.
func (f Fact) dropped(cs []rules.Class) Fact {
	all := strings.Split(f.Drop, ",")
	if f.Drop == "" {
		all = nil
	}
	for _, c := range cs {
		all = append(all, string(c))
	}
	slices.Sort(all)
	f.Drop = strings.Join(slices.Compact(all), ",")
	f.pk = paramFactKey(f)
	return f
}

// dropClasses are the classes of a Drop list.
func dropClasses(drop string) []rules.Class {
	var out []rules.Class
	for _, c := range strings.Split(drop, ",") {
		out = append(out, rules.Class(c))
	}
	return out
}

// paramKeys are the keys of the first parameters, built once.
var paramKeys = func() []string {
	ks := make([]string, 64)
	for i := range ks {
		ks[i] = "param#" + strconv.Itoa(i)
	}
	return ks
}()

func paramKey(i int, path string) string {
	k := ""
	if i < len(paramKeys) {
		k = paramKeys[i]
	} else {
		k = "param#" + strconv.Itoa(i)
	}
	if path != "" {
		k += "." + path
	}
	return k
}

// fieldFacts turns the parameter facts of an object into facts of its
// attribute name (up to maxPath names deep; deeper reads keep the path).
func fieldFacts(t Taint, name string, st finding.Step) Taint {
	var out Taint
	for _, f := range t {
		if f.Class != paramClass || f.Path == partPath {
			continue
		}
		if n := pathLen(f.Path); n == 0 {
			f.Path = name
		} else if n < maxPath && !strings.Contains(name, ".") {
			f.Path += "." + name
		}
		f.pk = paramFactKey(f)
		f.Trace = f.Trace.push(st)
		out = union(out, Taint{f})
	}
	return out
}

// fieldOf is what a callee reading attribute name of its parameter gets
// from the caller's argument v.
func fieldOf(v *Value, name string) *Value {
	if v == nil {
		return nil
	}
	if name == partPath {
		return taintOnly(reclassed(v.deep(), rules.ClassResponse, rules.ClassToolArg))
	}
	if f, ok := v.Fields[name]; ok {
		return f
	}
	t := v.Taint
	for _, el := range v.Elems {
		// A path through a sequence (a loop variable's attribute) reads
		// its elements' attribute.
		t = union(t, fieldOf(el, name).deep())
	}
	return taintOnly(attrFacts(t, name))
}

// maxPath bounds the access paths of parameter facts (param.a.b).
const maxPath = 2

// attrFacts is the data of attribute or key name of a value of data t:
// a parameter's facts become those of its path extended by name (up to
// maxPath names), the rest stays as it is.
func attrFacts(t Taint, name string) Taint {
	var out Taint
	for _, f := range t {
		if f.Class == paramClass && f.Path != partPath {
			switch n := pathLen(f.Path); {
			case n == 0:
				f.Path = name
				f.pk = paramFactKey(f)
			case n < maxPath && !strings.Contains(name, "."):
				f.Path += "." + name
				f.pk = paramFactKey(f)
			}
		}
		out = union(out, Taint{f})
	}
	return out
}

// pathLen counts the names of an access path.
func pathLen(p string) int {
	if p == "" {
		return 0
	}
	return strings.Count(p, ".") + 1
}

// Taint is a set of facts, sorted by key, immutable once built.
type Taint []Fact

// union returns t ∪ u; for a key in both, t's fact (and trace) wins.
func union(t, u Taint) Taint {
	if len(u) == 0 {
		return t
	}
	if len(t) == 0 {
		return u
	}
	out := make(Taint, 0, len(t)+len(u))
	i, j := 0, 0
	for i < len(t) && j < len(u) {
		ki, kj := t[i].key(), u[j].key()
		switch {
		case ki < kj:
			out = append(out, t[i])
			i++
		case ki > kj:
			out = append(out, u[j])
			j++
		default:
			out = append(out, t[i])
			i++
			j++
		}
	}
	out = append(out, t[i:]...)
	out = append(out, u[j:]...)
	if len(out) > maxFacts {
		out = bounded(out)
	}
	return out
}

// bounded keeps maxFacts facts of a sorted taint: first one of each
// sensitivity class and of each parameter, so every kind of data that
// reaches here still does, then the others in key order. The result stays
// sorted.
func bounded(t Taint) Taint {
	keep := make([]bool, len(t))
	seen := map[string]bool{}
	n := 0
	for i, f := range t {
		kind := string(f.Class)
		if f.Class == paramClass {
			kind += strconv.Itoa(f.Param)
		}
		if !seen[kind] && n < maxFacts {
			seen[kind] = true
			keep[i] = true
			n++
		}
	}
	for i := range t {
		if n == maxFacts {
			break
		}
		if !keep[i] {
			keep[i] = true
			n++
		}
	}
	out := make(Taint, 0, maxFacts)
	for i, f := range t {
		if keep[i] {
			out = append(out, f)
		}
	}
	return out
}

// sameKeys reports whether two taints hold the same facts (traces aside).
func sameKeys(t, u Taint) bool {
	if len(t) != len(u) {
		return false
	}
	for i := range t {
		if t[i].key() != u[i].key() {
			return false
		}
	}
	return true
}

// inUser returns the taint with every fact marked as user-message
// content.
func (t Taint) inUser() Taint {
	if len(t) == 0 {
		return t
	}
	out := make(Taint, len(t))
	for i, f := range t {
		f.InUser = true
		out[i] = f
	}
	return out
}

// asUserContent marks all the data of v as user-message content.
func asUserContent(v *Value) *Value {
	return asUserContentDepth(v, 0)
}

func asUserContentDepth(v *Value, depth int) *Value {
	if v == nil || v.isEmpty() || depth > maxDepth+1 {
		return v
	}
	n := v.withParts(func(p *Value) *Value { return asUserContentDepth(p, depth+1) })
	n.Taint = v.Taint.inUser()
	return n
}

// userRole reports whether a role name is the user's turn.
func userRole(cs []string) bool {
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		if c != "user" && c != "human" {
			return false
		}
	}
	return true
}

// withStep returns the taint with s pushed on every fact's trace.
func (t Taint) withStep(s finding.Step) Taint {
	if len(t) == 0 {
		return t
	}
	out := make(Taint, len(t))
	for i, f := range t {
		f.Trace = f.Trace.push(s)
		out[i] = f
	}
	return out
}

// without returns t minus parameter facts (for what a caller sees).
func (t Taint) sources() Taint {
	n := 0
	for _, f := range t {
		if f.Class != paramClass {
			n++
		}
	}
	if n == len(t) {
		return t
	}
	out := make(Taint, 0, n)
	for _, f := range t {
		if f.Class != paramClass {
			out = append(out, f)
		}
	}
	return out
}

// Value is the abstract value of an expression: its symbolic identity,
// the project entity it names, its taint as a whole, and what is known of
// its parts. Values are immutable: every update builds a new one.
type Value struct {
	// Sym is the canonical symbol of an external object ("openai.OpenAI()",
	// "django.conf.settings") or a catalog type ("@request", "@payload").
	Sym string
	// Ref is a project function, class, instance, module or bound method.
	Ref *Ref
	// Taint is the taint of the value itself (not of its known parts).
	Taint Taint
	// Fields are parts with constant names: dict keys and attributes.
	Fields map[string]*Value
	// Elems are the known elements of a list or tuple display.
	Elems []*Value
	// Many says Elems holds one element that stands for any number of
	// elements at any position: a list built in a loop or a comprehension.
	// Its elements keep their fields, though not their order.
	Many bool
	// Consts are the constant strings the value may be (nil: unknown).
	Consts []string
}

var empty = &Value{}

func (v *Value) isEmpty() bool {
	return v == nil || (v.Sym == "" && v.Ref == nil && len(v.Taint) == 0 && len(v.Fields) == 0 && len(v.Elems) == 0 && len(v.Consts) == 0)
}

// deep is the taint of the value rendered whole: itself and all its parts.
func (v *Value) deep() Taint {
	if v == nil {
		return nil
	}
	t := v.Taint
	if len(v.Fields) > 0 {
		for _, k := range sortedKeys(v.Fields) {
			t = union(t, v.Fields[k].deep())
		}
	}
	for _, e := range v.Elems {
		t = union(t, e.deep())
	}
	return t
}

func sortedKeys(m map[string]*Value) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func taintOnly(t Taint) *Value {
	if len(t) == 0 {
		return empty
	}
	return &Value{Taint: t}
}

// withStep pushes s on every trace inside v.
func (v *Value) withStep(s finding.Step) *Value {
	if v == nil || v.noData() {
		return v
	}
	n := v.withParts(func(p *Value) *Value { return p.withStep(s) })
	n.Taint = v.Taint.withStep(s)
	return n
}

// withParts returns a copy of v whose fields and elements are fn of v's.
func (v *Value) withParts(fn func(*Value) *Value) *Value {
	n := *v
	if len(v.Fields) > 0 {
		n.Fields = make(map[string]*Value, len(v.Fields))
		for k, f := range v.Fields {
			n.Fields[k] = fn(f)
		}
	}
	if len(v.Elems) > 0 {
		n.Elems = make([]*Value, len(v.Elems))
		for i, e := range v.Elems {
			n.Elems[i] = fn(e)
		}
	}
	return &n
}

// withField returns v with field k set to f (a strong update).
func (v *Value) withField(k string, f *Value) *Value {
	n := *v
	n.Fields = make(map[string]*Value, len(v.Fields)+1)
	for kk, vv := range v.Fields {
		n.Fields[kk] = vv
	}
	if len(n.Fields) >= maxFields {
		if _, ok := n.Fields[k]; !ok {
			n.Taint = union(n.Taint, f.deep())
			return &n
		}
	}
	n.Fields[k] = f
	return &n
}

// withTaint returns v with t added to its own taint.
func (v *Value) withTaint(t Taint) *Value {
	if len(t) == 0 {
		return v
	}
	n := *v
	n.Taint = union(v.Taint, t)
	return &n
}

// join is the least upper bound of two values, for merging branches.
func join(a, b *Value) *Value {
	if a == b || b == nil {
		return a
	}
	if a == nil {
		return b
	}
	return joinDepth(a, b, 0)
}

func joinDepth(a, b *Value, depth int) *Value {
	if a == b {
		return a
	}
	n := &Value{Taint: union(a.Taint, b.Taint), Sym: joinSym(a.Sym, b.Sym), Ref: joinRef(a.Ref, b.Ref)}
	if depth >= maxDepth {
		n.Taint = union(n.Taint, union(a.deepParts(), b.deepParts()))
		return n
	}
	if len(a.Fields) > 0 || len(b.Fields) > 0 {
		n.Fields = make(map[string]*Value, len(a.Fields)+len(b.Fields))
		for k, f := range a.Fields {
			if g, ok := b.Fields[k]; ok {
				n.Fields[k] = joinDepth(f, g, depth+1)
			} else {
				n.Fields[k] = f
			}
		}
		for k, g := range b.Fields {
			if _, ok := a.Fields[k]; !ok {
				n.Fields[k] = g
			}
		}
	}
	if len(a.Elems) > 0 || len(b.Elems) > 0 {
		switch {
		case len(a.Elems) == len(b.Elems) && a.Many == b.Many:
			n.Elems = make([]*Value, len(a.Elems))
			n.Many = a.Many
			for i := range a.Elems {
				n.Elems[i] = joinDepth(a.Elems[i], b.Elems[i], depth+1)
			}
		case a.noData():
			// A value with no data (nothing yet, None) joined with a
			// sequence keeps the sequence's elements: unpacking it still
			// gives each target its own element.
			n.Elems = append([]*Value(nil), b.Elems...)
			n.Many = b.Many
		case b.noData():
			n.Elems = append([]*Value(nil), a.Elems...)
			n.Many = a.Many
		default:
			// Sequences of different lengths: one element that may be any
			// of theirs.
			el, other := joinAll(a.Elems), joinAll(b.Elems)
			switch {
			case el == nil:
				el = other
			case other != nil:
				el = joinDepth(el, other, depth+1)
			}
			n.Elems = []*Value{el}
			n.Many = true
		}
	}
	if a.Consts != nil && b.Consts != nil {
		n.Consts = mergeConsts(a.Consts, b.Consts)
	}
	return n
}

// symConflict is the join of two different symbols, and conflictRef of
// two different references: a value that may be either is neither. Both
// absorb everything joined with them, which keeps joins monotone (a
// conflict never turns back into a symbol) and the fixpoints finite.
const symConflict = "?"

// symOpaque stands for an external object of no interest to the catalog.
const symOpaque = "~"

var conflictRef = &Ref{}

func joinSym(a, b string) string {
	switch {
	case a == b || b == "":
		return a
	case a == "":
		return b
	case a == symConflict || b == symConflict:
		return symConflict
	}
	// A catalog type (a request part, a payload) joined with a library
	// object that is none (request.GET if request else QueryDict()):
	// the catalog type decides how its keys are read. It ranks above
	// library symbols, so the join stays monotone.
	ca, cb := strings.HasPrefix(a, "@"), strings.HasPrefix(b, "@")
	switch {
	case ca && !cb:
		return a
	case cb && !ca:
		return b
	}
	// Two kinds of one family (a chat model, a runnable, a graph: each
	// a runnable) join into the family's kind, which ranks above them.
	if ka := families()[a]; ka != "" && ka == families()[b] {
		return ka
	}
	// A chain's stage (a prompt template, an output parser: LangChain
	// components, each a runnable) joined with a model or chain: a
	// runnable, one of the stages.
	if ka := families()[a]; ka != "" && langchainPart(b) {
		return ka
	}
	if kb := families()[b]; kb != "" && langchainPart(a) {
		return kb
	}
	return symConflict
}

// families maps each symbol of a pipe row (the kinds that make a chain
// when piped) to the row's kind: the symbols of one family join into it.
// Built once from the built-in models.
var families = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	set, err := rules.Models()
	if err != nil {
		return out
	}
	for _, r := range set.All() {
		if r.Kind != model.KindPipe || r.Returns == "" || strings.Contains(r.Sym, "*") {
			continue
		}
		for _, sym := range expandBraces(r.Sym) {
			out[sym] = r.Returns
		}
		out[r.Returns] = r.Returns
	}
	return out
})

// expandBraces lists the symbols a pattern with one "{a,b}" group names.
func expandBraces(p string) []string {
	i, j := strings.IndexByte(p, '{'), strings.IndexByte(p, '}')
	if i < 0 || j < i {
		return []string{p}
	}
	var out []string
	for _, alt := range strings.Split(p[i+1:j], ",") {
		out = append(out, p[:i]+alt+p[j+1:])
	}
	return out
}

func joinRef(a, b *Ref) *Ref {
	return joinRefs(a, b, false)
}

// joinRefOpen is joinRef where one of several objects is chosen: two
// objects make a union.
func joinRefOpen(a, b *Ref) *Ref {
	return joinRefs(a, b, true)
}

// joinRefs joins two references. Two objects met where paths join
// (x = A() if c else B()) stay unresolved unless open: what one method
// call returns would flow into the other object's methods. Unions of
// objects come from where one of several is chosen: a registry, a class
// picked by name, a declared base class.
func joinRefs(a, b *Ref, open bool) *Ref {
	switch {
	case a == b || b == nil:
		return a
	case a == nil:
		return b
	case a == conflictRef || b == conflictRef:
		return conflictRef
	case a.equal(b):
		return a
	case !open && a.Kind != RefUnion && b.Kind != RefUnion && (objectRef(a) || objectRef(b)):
		return conflictRef
	}
	return unionRef(a, b)
}

// objectRef reports whether r is an object or a method bound to one.
func objectRef(r *Ref) bool {
	return r.Kind == RefInstance || r.Kind == RefMethod
}

// joinOpen joins values of which one is chosen (joinRefOpen).
func joinOpen(a, b *Value) *Value {
	if a == nil || b == nil {
		return join(a, b)
	}
	n := join(a, b)
	if r := joinRefOpen(a.Ref, b.Ref); r != n.Ref {
		c := *n
		c.Ref = r
		return &c
	}
	return n
}

// plain reports whether v is plain data: no known symbol or reference.
func (v *Value) plain() bool {
	return (v.Sym == "" || v.Sym == symConflict) && (v.Ref == nil || v.Ref == conflictRef)
}

// noData reports whether v carries no data of its own: no taint and no
// fields (a constant, None, or nothing yet).
func (v *Value) noData() bool {
	return len(v.Taint) == 0 && len(v.Fields) == 0 && len(v.Elems) == 0
}

func (v *Value) deepParts() Taint {
	var t Taint
	for _, k := range sortedKeys(v.Fields) {
		t = union(t, v.Fields[k].deep())
	}
	return union(t, elemsDeep(v.Elems))
}

// joinAll is the join of values (nil for none).
func joinAll(vs []*Value) *Value {
	var out *Value
	for _, v := range vs {
		// Each element is held: the one that stands for all may be any
		// of them (a graph's nodes, a list of handlers).
		out = joinOpen(out, v)
	}
	return out
}

// collapsed is seq with its elements folded into one that stands for any
// of them (Many).
func collapsed(seq *Value) *Value {
	n := *seq
	if len(seq.Elems) > 0 {
		n.Elems = []*Value{joinAll(seq.Elems)}
		n.Many = true
	}
	return &n
}

// concat is the sequence l followed by r: their elements in order while
// both are known and few, else one element that may be any of them (the
// data of a sequence whose elements are unknown stays its own taint).
func concat(l, r *Value) *Value {
	unknown := func(v *Value) bool { return v.Many || (len(v.Elems) == 0 && !v.noData()) }
	n := &Value{Taint: union(l.Taint, r.Taint)}
	n.Elems = append(append([]*Value{}, l.Elems...), r.Elems...)
	if len(n.Elems) > 0 && (unknown(l) || unknown(r) || len(n.Elems) > maxElems) {
		n.Elems = []*Value{joinAll(n.Elems)}
		n.Many = true
	}
	return n
}

func elemsDeep(es []*Value) Taint {
	var t Taint
	for _, e := range es {
		t = union(t, e.deep())
	}
	return t
}

func mergeConsts(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	if len(out) > maxConsts*8 {
		return nil
	}
	sort.Strings(out)
	return out
}

// sameShape reports whether two values are equal for the fixpoint: the
// same symbols, references, fact keys and parts (traces aside).
func sameShape(a, b *Value) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil {
		return a.isEmpty() && b.isEmpty()
	}
	if a.Sym != b.Sym || !sameKeys(a.Taint, b.Taint) || len(a.Fields) != len(b.Fields) || len(a.Elems) != len(b.Elems) || a.Many != b.Many || len(a.Consts) != len(b.Consts) {
		return false
	}
	if (a.Ref == nil) != (b.Ref == nil) || (a.Ref != nil && !a.Ref.equal(b.Ref)) {
		return false
	}
	for k, f := range a.Fields {
		g, ok := b.Fields[k]
		if !ok || !sameShape(f, g) {
			return false
		}
	}
	for i := range a.Elems {
		if !sameShape(a.Elems[i], b.Elems[i]) {
			return false
		}
	}
	for i := range a.Consts {
		if a.Consts[i] != b.Consts[i] {
			return false
		}
	}
	return true
}

// truncate folds parts deeper than maxDepth into the owner's taint, so
// values stored in summaries stay bounded.
func truncate(v *Value, depth int) *Value {
	if v == nil {
		return nil
	}
	if depth >= maxDepth && (len(v.Fields) > 0 || len(v.Elems) > 0) {
		return &Value{Sym: v.Sym, Ref: v.Ref, Taint: v.deep(), Consts: v.Consts}
	}
	if len(v.Fields) == 0 && len(v.Elems) == 0 {
		return v
	}
	return v.withParts(func(p *Value) *Value { return truncate(p, depth+1) })
}

// RefKind says what project entity a Ref names.
type RefKind int

const (
	RefFunc     RefKind = iota + 1 // a function (or a Celery task)
	RefClass                       // a class
	RefInstance                    // an instance of a project class
	RefModule                      // a module or package
	RefMethod                      // a method bound to an instance
	RefPartial                     // functools.partial of a callable
	// RefUnion is one of several functions, classes, instances or bound
	// methods (Alts): what a registry or a dispatch table hands out, a
	// value of a base class with project subclasses. A call or an
	// attribute reaches each.
	RefUnion
)

// Ref is a reference to a project entity.
type Ref struct {
	Kind   RefKind
	Func   *FuncInfo
	Class  *ClassInfo
	Module *ModInfo
	Self   *Value // for RefMethod: the bound instance
	// For RefPartial: the wrapped callable and the arguments bound to it.
	Target *Value
	Bound  []argVal
	// For RefUnion: the alternatives, none a union, in a fixed order.
	Alts []*Ref
	// Open marks an instance of Class or of any project class deriving
	// from it, too many to list (a declared base class).
	Open bool
}

func (r *Ref) equal(o *Ref) bool {
	if r == o {
		return true
	}
	if r == nil || o == nil {
		return false
	}
	if r.Kind == RefUnion || o.Kind == RefUnion {
		return r.Kind == o.Kind && slices.EqualFunc(r.Alts, o.Alts, (*Ref).equal)
	}
	return r.Kind == o.Kind && r.Func == o.Func && r.Class == o.Class && r.Module == o.Module && r.Open == o.Open
}

// maxAlts bounds a union; one more alternative makes it a conflict.
const maxAlts = 16

// unionRef is the union of two references of the kinds a union holds,
// or conflictRef.
func unionRef(a, b *Ref) *Ref {
	var alts []*Ref
	for _, r := range []*Ref{a, b} {
		switch r.Kind {
		case RefUnion:
			alts = append(alts, r.Alts...)
		case RefFunc, RefClass, RefInstance, RefMethod:
			alts = append(alts, r)
		default:
			return conflictRef
		}
	}
	sort.SliceStable(alts, func(i, j int) bool { return altKey(alts[i]) < altKey(alts[j]) })
	alts = slices.CompactFunc(alts, (*Ref).equal)
	if len(alts) > maxAlts {
		return conflictRef
	}
	return &Ref{Kind: RefUnion, Alts: alts}
}

// altKey orders the alternatives of a union.
func altKey(r *Ref) string {
	switch {
	case r.Func != nil:
		return strconv.Itoa(int(r.Kind)) + "f" + r.Func.Mod.Mod.Path + ":" + r.Func.QualName
	case r.Class != nil:
		return strconv.Itoa(int(r.Kind)) + "c" + r.Class.Mod.Mod.Path + ":" + r.Class.QualName
	}
	return strconv.Itoa(int(r.Kind))
}

// alternatives are the values v may be, one per alternative of its union
// reference, each with v's data; nil when v's reference is no union.
func (v *Value) alternatives() []*Value {
	if v.Ref == nil || v.Ref.Kind != RefUnion {
		return nil
	}
	out := make([]*Value, len(v.Ref.Alts))
	for i, r := range v.Ref.Alts {
		n := *v
		n.Ref = r
		out[i] = &n
	}
	return out
}

// stored normalizes a value kept in shared state: bounded depth, only
// symbols the engine can use, and, for values shared beyond one function
// (class attributes, globals), no parameter facts, which would name
// another function's parameters.
func stored(v *Value, keepParams bool, known func(string) bool) *Value {
	v = truncate(v, 0)
	return storedRec(v, keepParams, known, 0)
}

func storedRec(v *Value, keepParams bool, known func(string) bool, depth int) *Value {
	if v == nil || depth > maxDepth+1 {
		return v
	}
	n := v.withParts(func(p *Value) *Value { return storedRec(p, keepParams, known, depth+1) })
	if n.Sym != "" && n.Sym != symConflict && !known(n.Sym) {
		// An external object the catalog knows nothing of: keep that it
		// is one (its methods derive results from their arguments), not
		// which, so unrelated library symbols do not churn the fixpoint.
		n.Sym = symOpaque
	}
	if !keepParams {
		n.Taint = n.Taint.sources()
	}
	if n.isEmpty() {
		return empty
	}
	return n
}

// shiftParams is v as a closure sees it: the facts of the enclosing
// function's first own parameters move after the closure's shift
// parameters (parameter i becomes shift+i); other parameter facts, of
// functions further out, are dropped.
func shiftParams(v *Value, own, shift int) *Value {
	if v == nil {
		return nil
	}
	n := v.withParts(func(p *Value) *Value { return shiftParams(p, own, shift) })
	if !slices.ContainsFunc(n.Taint, func(f Fact) bool { return f.Class == paramClass }) {
		return n
	}
	var t Taint
	for _, f := range n.Taint {
		if f.Class == paramClass {
			if f.Param >= own {
				continue
			}
			f.Param += shift
			f.pk = paramFactKey(f)
		}
		t = union(t, Taint{f})
	}
	c := *n
	c.Taint = t
	return &c
}

// langchainPart reports whether sym is an object of a LangChain package.
func langchainPart(sym string) bool {
	return strings.HasPrefix(sym, "langchain") && strings.HasSuffix(sym, ")")
}
