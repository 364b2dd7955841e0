package model

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Set is an indexed collection of rows: the built-in models, with a
// project's own rows in front of them.
type Set struct {
	rows  []*Row
	exact map[string][]entry
	globs []globEntry
	// byLast indexes the wildcard rows whose symbol ends in a literal name
	// by that name; anyLast are the others. Only these are matched
	// against a symbol: most rows name the method they are about.
	byLast   map[string][]int
	anyLast  []int
	patterns map[string]*regexp.Regexp
	// known holds every dotted prefix of an exact symbol the rows name;
	// families the literal prefixes of wildcard symbols.
	known    map[string]bool
	families []string
	cache    sync.Map // symbol -> []*Row
	onCache  sync.Map // onKey -> []*Row
}

type onKey struct {
	sym string
	on  On
}

// RowsOn returns the rows for sym that apply at one place (a call, a
// read, an item, an iteration), in the order they are tried.
func (s *Set) RowsOn(sym string, on On) []*Row {
	k := onKey{sym, on}
	if v, ok := s.onCache.Load(k); ok {
		return v.([]*Row)
	}
	var out []*Row
	for _, r := range s.Rows(sym) {
		if r.On == on || r.On == "" && on == OnCall {
			out = append(out, r)
		}
	}
	s.onCache.Store(k, out)
	return out
}

// Names returns the last names of the exact symbols under prefix (those
// that start with prefix + "."): which attributes rows describe on a kind
// of object, to skip a lookup for the others.
func (s *Set) Names(prefix string) map[string]bool {
	out := map[string]bool{}
	for sym := range s.exact {
		if strings.HasPrefix(sym, prefix+".") {
			out[sym[len(prefix)+1:]] = true
		}
	}
	return out
}

type entry struct {
	row  *Row
	rank int // the order rows are tried in, for one symbol
}

type globEntry struct {
	re     *regexp.Regexp
	prefix string
	// lit is the longest literal run of the pattern: a symbol without it
	// cannot match, which is cheaper to test than the expression.
	lit string
	entry
}

// NewSet indexes rows; earlier rows win over later ones of the same kind.
func NewSet(rows []*Row, patterns map[string]*regexp.Regexp) *Set {
	s := &Set{rows: rows, exact: map[string][]entry{}, patterns: patterns, known: map[string]bool{}, byLast: map[string][]int{}}
	addKnown := func(sym string) {
		for i := 0; i < len(sym); i++ {
			if sym[i] == '.' || sym[i] == '(' || sym[i] == '[' {
				s.known[sym[:i]] = true
			}
		}
		s.known[sym] = true
	}
	families := map[string]bool{}
	for i, r := range rows {
		// Exact symbols before wildcards, then kind, then row order.
		base := i
		for _, alt := range Expand(r.Sym) {
			if !wildcard(alt) {
				s.exact[alt] = append(s.exact[alt], entry{r, base})
				addKnown(alt)
				continue
			}
			re, err := compileGlob(alt)
			if err != nil {
				continue // rejected by Decode already
			}
			p := literalPrefix(alt)
			if last := literalLast(alt); last != "" {
				s.byLast[last] = append(s.byLast[last], len(s.globs))
			} else {
				s.anyLast = append(s.anyLast, len(s.globs))
			}
			s.globs = append(s.globs, globEntry{re, p, longestLiteral(alt), entry{r, base + len(rows)}})
			// A wildcard row names a family of objects, unless it only says
			// how data flows through calls (propagators) or that a call
			// returns something unrelated (lookups).
			if p != "" && p != "~" && p != "~." && r.Kind != KindPropagator && r.Kind != KindLookup {
				families[p] = true
			}
		}
		for _, sym := range []string{r.Returns, r.To} {
			if sym != "" {
				addKnown(sym)
			}
		}
		for _, sym := range r.Cases {
			addKnown(sym)
		}
		if r.Kind == KindAlias {
			for _, a := range r.Attrs {
				addKnown(r.To + "." + a)
			}
		}
	}
	for p := range families {
		s.families = append(s.families, p)
	}
	sort.Strings(s.families)
	return s
}

// Rows returns the rows that describe sym, in the order they are tried.
func (s *Set) Rows(sym string) []*Row {
	if v, ok := s.cache.Load(sym); ok {
		return v.([]*Row)
	}
	var es []entry
	es = append(es, s.exact[sym]...)
	last := sym[strings.LastIndexAny(sym, ".)]")+1:]
	for _, idx := range [][]int{s.byLast[last], s.anyLast} {
		for _, i := range idx {
			g := &s.globs[i]
			if strings.HasPrefix(sym, g.prefix) && strings.Contains(sym, g.lit) && g.re.MatchString(sym) {
				es = append(es, g.entry)
			}
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		// A project's own rows win over the built-in ones; a row that
		// names the symbol exactly wins over a wildcard.
		if ui, uj := es[i].row.User, es[j].row.User; ui != uj {
			return ui
		}
		if ei, ej := es[i].rank < len(s.rows), es[j].rank < len(s.rows); ei != ej {
			return ei
		}
		ki, kj := kindIndex(es[i].row.Kind), kindIndex(es[j].row.Kind)
		if ki != kj {
			return ki < kj
		}
		return es[i].rank < es[j].rank
	})
	out := make([]*Row, len(es))
	for i, e := range es {
		out[i] = e.row
	}
	s.cache.Store(sym, out)
	return out
}

// Of returns the rows of one kind that describe sym.
func (s *Set) Of(kind Kind, sym string) []*Row {
	var out []*Row
	for _, r := range s.Rows(sym) {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	return out
}

// First returns the first row of a kind that describes sym, or nil.
func (s *Set) First(kind Kind, sym string) *Row {
	for _, r := range s.Rows(sym) {
		if r.Kind == kind {
			return r
		}
	}
	return nil
}

func kindIndex(k Kind) int {
	for i, x := range kinds {
		if x == k {
			return i
		}
	}
	return len(kinds)
}

// Known reports whether some row can say something of sym or of what is
// built from it: sym is a prefix of a symbol the rows name, or falls in
// a family a wildcard row covers.
func (s *Set) Known(sym string) bool {
	if s.known[sym] {
		return true
	}
	for _, f := range s.families {
		if strings.HasPrefix(sym, f) {
			return true
		}
	}
	return false
}

// KnownExact reports whether sym is a symbol an exact row names, or a
// prefix of one (no wildcard family counts).
func (s *Set) KnownExact(sym string) bool { return s.known[sym] }

// Families lists the literal prefixes of wildcard rows that name
// families of objects.
func (s *Set) Families() []string { return s.families }

// Patterns returns the named patterns rows may use.
func (s *Set) Patterns() map[string]*regexp.Regexp { return s.patterns }

// Pattern returns the named pattern, or nil.
func (s *Set) Pattern(name string) *regexp.Regexp { return s.patterns[name] }

// All returns the rows in order.
func (s *Set) All() []*Row { return s.rows }

// With returns a set with extra rows in front of s's own.
func (s *Set) With(rows []*Row) *Set {
	if len(rows) == 0 {
		return s
	}
	return NewSet(append(append([]*Row{}, rows...), s.rows...), s.patterns)
}
