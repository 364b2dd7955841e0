package taint

import (
	"fmt"
	"testing"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/rules"
)

func stepAt(line int) finding.Step {
	return finding.Step{Location: finding.Location{Path: "a.py", Line: line, Col: 1}, Kind: finding.StepAssign}
}

func fact(c rules.Class, line int) Fact {
	return Fact{Class: c, Origin: newOrigin("a.py", exprSpanAt(line), "src", c)}
}

type fixedSpan struct{ line int }

func (s fixedSpan) start() Pos { return Pos{s.line, 1} }
func (s fixedSpan) end() Pos   { return Pos{s.line, 2} }

func exprSpanAt(line int) spanLike { return fixedSpan{line} }

// TestJoinSymLattice checks the symbol join is a least upper bound that
// never comes back down: what makes the whole-project fixpoint finite.
func TestJoinSymLattice(t *testing.T) {
	syms := []string{"", "openai.OpenAI()", "~", "@payload", "@request.META", symConflict}
	rank := func(s string) int {
		switch {
		case s == "":
			return 0
		case s == symConflict:
			return 3
		case s[0] == '@':
			return 2
		}
		return 1
	}
	for _, a := range syms {
		for _, b := range syms {
			j := joinSym(a, b)
			if j != joinSym(b, a) {
				t.Errorf("joinSym(%q,%q) not symmetric", a, b)
			}
			if rank(j) < rank(a) || rank(j) < rank(b) {
				t.Errorf("joinSym(%q,%q) = %q goes down", a, b, j)
			}
			if joinSym(j, a) != j || joinSym(j, b) != j {
				t.Errorf("joinSym(%q,%q) = %q is not an upper bound", a, b, j)
			}
		}
	}
	if joinSym("openai.OpenAI()", "~") != symConflict {
		t.Error("two library symbols must conflict")
	}
	if joinSym("@payload", "~") != "@payload" {
		t.Error("a catalog type must win over a library object")
	}
}

func TestUnionKeepsFirstTraceAndSorts(t *testing.T) {
	a, b, c := fact(rules.ClassPII, 3), fact(rules.ClassCert, 1), fact(rules.ClassPII, 3)
	c.Trace = (*Trace)(nil).push(stepAt(9))
	u := union(Taint{a}, union(Taint{b}, Taint{c}))
	if len(u) != 2 {
		t.Fatalf("union has %d facts, want 2", len(u))
	}
	for i := 1; i < len(u); i++ {
		if u[i-1].key() >= u[i].key() {
			t.Errorf("union not sorted: %q before %q", u[i-1].key(), u[i].key())
		}
	}
	for _, f := range u {
		if f.Class == rules.ClassPII && f.Trace != nil {
			t.Error("union replaced the first fact's trace")
		}
	}
}

// TestFieldSensitivity: a strong update of one key leaves the others; the
// whole value renders every part.
func TestFieldSensitivity(t *testing.T) {
	ctx := (&Value{}).withField("role_hash", empty).withField("dn", &Value{Taint: Taint{fact(rules.ClassCert, 1)}})
	if len(ctx.Fields["role_hash"].deep()) != 0 {
		t.Error("role_hash should be clean")
	}
	if len(ctx.Fields["dn"].deep()) != 1 || len(ctx.deep()) != 1 {
		t.Error("dn and the whole dict should carry the cert fact")
	}
	j := join(ctx, (&Value{}).withField("role_hash", &Value{Taint: Taint{fact(rules.ClassPII, 2)}}))
	if len(j.Fields["role_hash"].deep()) != 1 || len(j.Fields["dn"].deep()) != 1 {
		t.Errorf("join lost a field: %+v", j.Fields)
	}
}

func TestTraceAppendAndBound(t *testing.T) {
	var outer, inner *Trace
	for i := 1; i <= 3; i++ {
		outer = outer.push(stepAt(i))
	}
	for i := 10; i <= 12; i++ {
		inner = inner.push(stepAt(i))
	}
	steps := appendTrace(outer, inner).Steps()
	want := []int{1, 2, 3, 10, 11, 12}
	if len(steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(steps), len(want))
	}
	for i, s := range steps {
		if s.Line != want[i] {
			t.Errorf("step %d at line %d, want %d", i, s.Line, want[i])
		}
	}
	var long *Trace
	for i := 1; i <= maxTraceLen*2; i++ {
		long = long.push(stepAt(i))
	}
	if long.Len != maxTraceLen {
		t.Errorf("trace grew to %d steps, bound is %d", long.Len, maxTraceLen)
	}
	if long.Omitted != maxTraceLen {
		t.Errorf("trace says %d steps omitted, want %d", long.Omitted, maxTraceLen)
	}
	// Appended to a path of its own, a cut trace still counts what it cut.
	if joined := appendTrace((*Trace)(nil).push(stepAt(1000)), long); joined.Omitted < maxTraceLen {
		t.Errorf("appended trace says %d steps omitted, want at least %d", joined.Omitted, maxTraceLen)
	}
	// A bounded trace keeps its start and ends at the newest step (where
	// the data arrives), so a sink reached by a long path is still named.
	if steps := long.Steps(); steps[0].Line != 1 || steps[len(steps)-1].Line != maxTraceLen*2 || steps[len(steps)-2].Line != maxTraceLen-1 {
		t.Errorf("bounded trace runs %d..%d..%d, want 1..%d..%d", steps[0].Line, steps[len(steps)-2].Line, steps[len(steps)-1].Line, maxTraceLen-1, maxTraceLen*2)
	}
}

func TestStoredDropsUnknownSymbolsAndParams(t *testing.T) {
	v := &Value{Sym: "somelib.Thing()", Taint: Taint{{Class: paramClass, Param: 1, pk: paramKey(1, "")}, fact(rules.ClassPII, 4)}}
	s := stored(v, false, testEngine(t).known)
	if s.Sym != symOpaque {
		t.Errorf("stored symbol %q, want the opaque marker", s.Sym)
	}
	if len(s.Taint) != 1 || s.Taint[0].Class != rules.ClassPII {
		t.Errorf("stored taint %v, want only the source fact", s.Taint)
	}
	if k := stored(&Value{Sym: "openai.OpenAI()"}, true, testEngine(t).known).Sym; k != "openai.OpenAI()" {
		t.Errorf("a catalog symbol must be kept, got %q", k)
	}
}

// testEngine is an engine over no project with the built-in models.
func testEngine(t *testing.T) *Engine {
	t.Helper()
	set, err := rules.Models()
	if err != nil {
		t.Fatal(err)
	}
	return &Engine{models: set}
}

// TestJoinSequencesOfOtherLengths checks that lists of different lengths
// join into one element that stands for any of theirs, so an element's
// fields stay apart, and that the join is stable once collapsed.
func TestJoinSequencesOfOtherLengths(t *testing.T) {
	secret := &Value{Taint: Taint{fact(rules.ClassSecret, 1)}}
	obj := (&Value{}).withField("note", empty).withField("key", secret)
	one := &Value{Elems: []*Value{obj}}
	two := &Value{Elems: []*Value{obj, obj}}
	j := join(one, two)
	if !j.Many || len(j.Elems) != 1 {
		t.Fatalf("join of lengths 1 and 2: Many=%v, %d elements; want one element standing for many", j.Many, len(j.Elems))
	}
	if len(j.Taint) != 0 {
		t.Errorf("the list itself carries %v; want its elements alone to", j.Taint)
	}
	el := j.Elems[0]
	if len(el.Fields["note"].deep()) != 0 || len(el.Fields["key"].deep()) != 1 {
		t.Errorf("element fields not kept apart: note %v, key %v", el.Fields["note"].deep(), el.Fields["key"].deep())
	}
	if again := join(j, withElement(j, obj)); !sameShape(again, j) {
		t.Errorf("appending to a collapsed list changed its shape")
	}
	c := concat(one, &Value{Taint: secret.Taint})
	if !c.Many || len(c.Taint) != 1 {
		t.Errorf("a list plus one of unknown elements: Many=%v taint %v; want many elements and the other's data", c.Many, c.Taint)
	}
}

func TestMasksByName(t *testing.T) {
	for name, want := range map[string]bool{
		"mask_string": true, "_redact": true, "maskToken": true, "get_masked_email": true, "anonymize": true,
		"unmask_token": false, "masking": false, "task": false, "ask_llm": false, "MaskedValue": true, "": false,
	} {
		if got := masksByName(name); got != want {
			t.Errorf("masksByName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestBoundedTaintKeepsEveryKind(t *testing.T) {
	// Many facts of one parameter's paths, then a model response and a
	// second parameter whose keys sort after them: over the bound, each
	// kind keeps a fact.
	var many Taint
	for i := 0; i < maxFacts+8; i++ {
		p := fmt.Sprintf("f%02d", i)
		many = union(many, Taint{{Class: paramClass, Param: 0, Path: p, pk: paramKey(0, p)}})
	}
	late := union(Taint{fact(rules.ClassResponse, 7)}, Taint{{Class: paramClass, Param: 3, pk: paramKey(3, "")}})
	got := union(many, late)
	if len(got) != maxFacts {
		t.Fatalf("%d facts, bound is %d", len(got), maxFacts)
	}
	var response, third bool
	for i, f := range got {
		if i > 0 && got[i-1].key() >= f.key() {
			t.Errorf("facts out of order at %d", i)
		}
		response = response || f.Class == rules.ClassResponse
		third = third || (f.Class == paramClass && f.Param == 3)
	}
	if !response || !third {
		t.Errorf("bounded taint dropped a kind: response %v, parameter 3 %v", response, third)
	}
}
