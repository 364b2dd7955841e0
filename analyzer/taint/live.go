package taint

import (
	"strings"

	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/resolve"
)

// liveClasses are the project classes whose objects the project may make:
// a class is live when code that can run names it (a call, a registry
// entry, an argument, a dotted path in a string), when a decorator,
// metaclass or a base's __init_subclass__ may register it, or when one of
// its own subclasses is live. A class named only in its definition, its
// imports or under a constant false condition (if False:) is dead: a call
// on an object of its base type does not reach its overrides (rapid type
// analysis). When the project asks a class for its __subclasses__(),
// every class is live.
func liveClasses(p *resolve.Project) map[*resolve.ClassInfo]bool {
	named := map[string]bool{}
	note := func(e ir.Expr) {
		resolve.WalkExpr(e, func(x ir.Expr) {
			switch x := x.(type) {
			case *ir.Name:
				named[x.Id] = true
			case *ir.Attr:
				named[x.Name] = true
			case *ir.Const:
				if x.Kind == ir.ConstStr {
					for _, w := range strings.FieldsFunc(x.Value, notIdent) {
						named[w] = true
					}
				}
			}
		})
	}
	var walk func([]ir.Stmt)
	walk = func(body []ir.Stmt) {
		for _, st := range body {
			if s, ok := st.(*ir.If); ok {
				note(s.Cond)
				if truth, known := constTruth(s.Cond); known {
					if truth {
						walk(s.Body)
					} else {
						walk(s.Else)
					}
					continue
				}
			}
			resolve.WalkStmt(st, note, walk)
		}
	}
	for _, f := range p.Funcs {
		for _, d := range f.Fn.Decorators {
			note(d)
		}
		for _, prm := range f.Fn.Params {
			note(prm.Default)
			note(prm.Annotation)
		}
		note(f.Fn.Returns)
		walk(f.Fn.Body)
	}
	for _, c := range p.Classes {
		for _, b := range c.Cls.Bases {
			note(b)
		}
		for _, k := range c.Cls.Keywords {
			note(k.Value)
		}
		for _, d := range c.Cls.Decorators {
			note(d)
		}
		walk(c.Cls.Body)
	}
	live := make(map[*resolve.ClassInfo]bool, len(p.Classes))
	for _, c := range p.Classes {
		live[c] = named["__subclasses__"] || named[c.Cls.Name] || registered(c)
	}
	// A live class keeps its bases live.
	for _, c := range p.Classes {
		if live[c] {
			for _, b := range c.MRO {
				live[b] = true
			}
		}
	}
	return live
}

// registered reports whether defining c may itself put it somewhere code
// finds it: a class decorator, a metaclass or other class keyword, a
// project base's __init_subclass__, a library base, or a class defined
// inside a function (whose name we do not track).
func registered(c *resolve.ClassInfo) bool {
	if len(c.Cls.Decorators) > 0 || len(c.Cls.Keywords) > 0 || c.Cls.Outer != nil {
		return true
	}
	if len(libraryBases(c)) > 0 {
		// A framework may find it by itself (a management command, an
		// AppConfig, a model).
		return true
	}
	for _, b := range c.MRO[1:] {
		if b.Methods["__init_subclass__"] != nil || len(b.Cls.Keywords) > 0 {
			return true
		}
	}
	return false
}

func notIdent(r rune) bool {
	return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}

// liveSubs are the live project classes deriving from c.
func (e *Engine) liveSubs(c *ClassInfo) []*ClassInfo {
	subs := e.subclasses[c]
	for i, s := range subs {
		if !e.live[s] {
			out := append([]*ClassInfo(nil), subs[:i]...)
			for _, s := range subs[i+1:] {
				if e.live[s] {
					out = append(out, s)
				}
			}
			return out
		}
	}
	return subs
}

// inDeadClass reports whether f is a method of a class the project never
// makes objects of, or a function nested in one: it cannot run.
func (e *Engine) inDeadClass(f *FuncInfo) bool {
	for ; f != nil; f = f.Enclosing {
		if f.Class != nil {
			return !e.live[f.Class]
		}
	}
	return false
}
