package taint

import (
	"sort"
	"strings"

	"github.com/llmleak/llmleak/analyzer/ir"
	"github.com/llmleak/llmleak/analyzer/resolve"
)

// Registries as module-level objects: a module makes one object of a
// registry class (`kinds = KindRegistry()`), code anywhere registers
// objects in it through a method that puts its argument in a container
// attribute (`self.items[key] = item`, `self.items.append(item)`), and a
// lookup method returns one of that container's items (`return
// self.items[name]`). What the lookup returns is one of the objects
// registered in that very object, not in every object of the class (a
// project often has dozens of registries of one base class): a call of a
// registry-lookup method on a module-level object reaches the classes of
// what was registered there.

// containerRoles are what a method does with its object's container
// attributes: the attribute it puts parameter Param in, or the one whose
// item it returns.
type containerRoles struct {
	puts map[string]int // attribute -> parameter index
	gets string         // attribute whose item the method returns
}

// containerMethod finds the container roles of method f, nil when it has
// none.
func containerMethod(f *FuncInfo) *containerRoles {
	if f.Class == nil || f.Static || f.ClassMethod || len(f.Fn.Params) < 1 {
		return nil
	}
	self := f.Fn.Params[0].Name
	param := func(e ir.Expr) int {
		n, ok := e.(*ir.Name)
		if !ok {
			return -1
		}
		for i, p := range f.Fn.Params[1:] {
			if p.Name == n.Id && p.Kind == ir.ParamPositional {
				return i + 1
			}
		}
		return -1
	}
	selfAttr := func(e ir.Expr) string {
		if a, ok := e.(*ir.Attr); ok {
			if n, ok := a.X.(*ir.Name); ok && n.Id == self {
				return a.Name
			}
		}
		return ""
	}
	r := &containerRoles{}
	// put notes that the method puts parameter item in container.
	put := func(container, item ir.Expr) {
		a, i := selfAttr(container), param(item)
		if a == "" || i <= 0 {
			return
		}
		if r.puts == nil {
			r.puts = map[string]int{}
		}
		r.puts[a] = i
	}
	var block func([]ir.Stmt)
	block = func(b []ir.Stmt) {
		for _, st := range b {
			switch s := st.(type) {
			case *ir.Assign:
				// self.items[key] = item
				if len(s.Targets) == 1 {
					if sub, ok := s.Targets[0].(*ir.Subscript); ok {
						put(sub.X, s.Value)
					}
				}
			case *ir.ExprStmt:
				// self.items.append(item), self.items.add(item)
				if c, ok := s.X.(*ir.Call); ok && len(c.Args) == 1 {
					if m, ok := c.Func.(*ir.Attr); ok && (m.Name == "append" || m.Name == "add") {
						put(m.X, c.Args[0].Value)
					}
				}
			case *ir.Return:
				// return self.items[name], return self.items.get(name)
				switch v := s.Value.(type) {
				case *ir.Subscript:
					if a := selfAttr(v.X); a != "" {
						r.gets = a
					}
				case *ir.Call:
					if m, ok := v.Func.(*ir.Attr); ok && m.Name == "get" {
						if a := selfAttr(m.X); a != "" {
							r.gets = a
						}
					}
				}
			}
			resolve.WalkStmt(st, func(ir.Expr) {}, block)
		}
	}
	block(f.Fn.Body)
	if r.puts == nil && r.gets == "" {
		return nil
	}
	return r
}

// moduleObject is the module and name of the module-level variable e
// names (REGISTRY, or an imported one: from app.kinds import REGISTRY,
// kinds.REGISTRY), or nil.
func (in *interp) moduleObject(e ir.Expr) (*ModInfo, string) {
	full := ""
	if n, ok := e.(*ir.Name); ok && in.fi.Fn != in.fi.Mod.Mod.Body {
		if _, local := in.env[n.Id]; local {
			// A local name: one the function imported itself, or none.
			full = in.localImports[n.Id]
			if full == "" {
				return nil, ""
			}
		}
	}
	if full == "" {
		full = in.e.proj.StaticName(e, in.fi.Mod)
	}
	for depth := 0; depth < 8; depth++ {
		i := strings.LastIndexByte(full, '.')
		if i < 0 {
			return nil, ""
		}
		m := in.e.proj.Module(full[:i], in.fi.Mod)
		if m == nil {
			return nil, ""
		}
		b := m.Top[full[i+1:]]
		switch {
		case b == nil:
			return nil, ""
		case b.Kind == resolve.BindGlobal:
			return m, full[i+1:]
		case b.Kind == resolve.BindImport:
			// Re-exported (a package's __init__): where it is defined.
			full = b.Target
		default:
			return nil, ""
		}
	}
	return nil, ""
}

// registerIn records what a call of a registering method on a
// module-level object puts in it.
func (in *interp) registerIn(c *ir.Call, f *FuncInfo, byParam []*Value) {
	roles := in.e.containers[f.ID]
	if c == nil || roles == nil || len(roles.puts) == 0 {
		return
	}
	call, ok := c.Func.(*ir.Attr)
	if !ok {
		return
	}
	m, name := in.moduleObject(call.X)
	if m == nil {
		return
	}
	attrs := make([]string, 0, len(roles.puts))
	for a := range roles.puts {
		attrs = append(attrs, a)
	}
	sort.Strings(attrs)
	for _, a := range attrs {
		i := roles.puts[a]
		if i >= len(byParam) || byParam[i] == nil || byParam[i].Ref == nil {
			continue
		}
		// One of several objects: registered items join as a union
		// (not as two objects met where paths join, which conflict).
		ref := byParam[i].Ref
		if ref.Kind != RefUnion && ref != conflictRef {
			ref = &Ref{Kind: RefUnion, Alts: []*Ref{ref}}
		}
		item := &Value{Ref: ref, Sym: byParam[i].Sym}
		v := &Value{Fields: map[string]*Value{a: {Elems: []*Value{item}, Many: true}}}
		in.res.attrWrites = append(in.res.attrWrites, attrWrite{mod: m, name: name, v: v})
	}
}

// lookupIn is what a call of a lookup method on a module-level object
// returns: v, the method's result, as one of the objects registered in
// that object (when any are known).
func (in *interp) lookupIn(c *ir.Call, f *FuncInfo, args []argVal, v *Value) *Value {
	roles := in.e.containers[f.ID]
	if c == nil || roles == nil || roles.gets == "" {
		return v
	}
	call, ok := c.Func.(*ir.Attr)
	if !ok {
		return v
	}
	m, name := in.moduleObject(call.X)
	if m == nil {
		return v
	}
	held := in.global(m, name).Fields[roles.gets]
	if held == nil || len(held.Elems) == 0 || held.Elems[0].Ref == nil || held.Elems[0].Ref == conflictRef {
		// Nothing known registered there, or too many to follow.
		return v
	}
	ref := held.Elems[0].Ref
	if k := in.keyClass(args); k != nil {
		// Keyed by a class's own constant: that class's object.
		if r := objectsOfClass(held.Elems[0], k); r != nil {
			ref = r
		}
	}
	n := &Value{Ref: ref, Sym: held.Elems[0].Sym}
	if v != nil {
		n.Taint, n.Fields = v.Taint, v.Fields
	}
	return n
}
