package model

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// FieldError is a problem with one key of a row.
type FieldError struct {
	Key string // the key, "" for the row as a whole
	Msg string
}

func (e FieldError) Error() string {
	if e.Key == "" {
		return e.Msg
	}
	return e.Key + ": " + e.Msg
}

// keysOf are the keys each kind of row accepts besides its own.
var keysOf = map[Kind][]string{
	KindSink:        {"kind", "label", "args", "if", "result"},
	KindSource:      {"class", "result-type", "on", "if", "shape", "mapping", "gathers"},
	KindSanitizer:   {"removes", "args", "on", "if"},
	KindPropagator:  {"args", "result", "secrets", "into", "on", "if", "returns"},
	KindType:        {"returns", "by", "cases", "carries", "holds", "if", "result", "on"},
	KindCalls:       {"callee", "args-from", "kwargs-from", "result"},
	KindImports:     {"args", "names"},
	KindSignal:      {"sends"},
	KindWraps:       nil,
	KindPartial:     nil,
	KindLookup:      {"chained", "result"},
	KindMessage:     {"role", "content", "role-arg"},
	KindTemplate:    nil,
	KindBinds:       {"args", "result-type", "needs"},
	KindAlias:       {"to", "attrs"},
	KindTransparent: nil,
	KindPipe:        {"returns"},
	KindBase:        {"is"},
	KindAnnotation:  {"is"},
	KindDecorator:   {"is"},
}

// KindNames lists the row kinds, for messages.
func KindNames() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// Decode reads one row from a TOML table. patterns are the names a
// condition may use. Every problem is returned, each naming its key.
func Decode(t map[string]any, patterns map[string]*regexp.Regexp) (*Row, []FieldError) {
	d := &decoder{t: t, patterns: patterns}
	r := &Row{}
	for _, k := range kinds {
		if v, ok := t[string(k)]; ok {
			if r.Kind != "" {
				d.fail("", "a row states one fact: both %q and %q are set", r.Kind, k)
				continue
			}
			r.Kind = k
			r.Sym = d.str(string(k), v)
		}
	}
	if r.Kind == "" {
		d.fail("", "a row needs one of the keys %s", strings.Join(KindNames(), ", "))
		return nil, d.errs
	}
	if err := CheckPattern(r.Sym); err != nil {
		d.fail(string(r.Kind), "%v", err)
	}
	allowed := map[string]bool{string(r.Kind): true}
	for _, k := range keysOf[r.Kind] {
		allowed[k] = true
	}
	for _, k := range sortedKeys(t) {
		if !allowed[k] {
			want := append([]string{string(r.Kind)}, keysOf[r.Kind]...)
			d.fail(k, "unknown key for a %s row (want %s)", r.Kind, strings.Join(want, ", "))
		}
	}
	d.fields(r)
	if len(d.errs) > 0 {
		return nil, d.errs
	}
	return r, nil
}

type decoder struct {
	t        map[string]any
	patterns map[string]*regexp.Regexp
	errs     []FieldError
}

func (d *decoder) fail(key, format string, a ...any) {
	d.errs = append(d.errs, FieldError{Key: key, Msg: fmt.Sprintf(format, a...)})
}

func (d *decoder) fields(r *Row) {
	t := d.t
	switch r.Kind {
	case KindSink:
		r.Label = d.str("label", t["label"])
		if r.Label == "" {
			r.Label = r.Sym
		}
		ks := d.str("kind", t["kind"])
		if k, ok := sinkKinds[ks]; ok {
			r.Sink = k
		} else {
			d.fail("kind", "unknown sink kind %q (want llm, log, output or decision)", ks)
		}
	case KindSource:
		r.Classes = d.classes("class", t["class"])
		if len(r.Classes) == 0 && t["result-type"] == nil {
			d.fail("class", "a source needs a class or a result-type")
		}
		r.Mapping = d.boolean("mapping", t["mapping"])
		if r.Shape = d.str("shape", t["shape"]); r.Shape != "" && r.Shape != "list" && r.Shape != "pairs" && r.Shape != "pair" {
			d.fail("shape", "want \"list\", \"pairs\" or \"pair\"")
		}
		r.Gathers = d.boolean("gathers", t["gathers"])
	case KindSanitizer:
		if v, ok := t["removes"]; ok {
			if s, ok := v.(string); !ok || s != "all" {
				r.Classes = d.classes("removes", v)
			}
		}
	case KindPropagator:
		r.Secrets = d.boolean("secrets", t["secrets"])
		r.Returns = d.str("returns", t["returns"])
		switch r.Into = d.str("into", t["into"]); r.Into {
		case "", "receiver", "element", "elements", "fields", "field":
		default:
			d.fail("into", "unknown place %q (want receiver, element, elements, fields or field)", r.Into)
		}
	case KindType:
		r.Returns = d.str("returns", t["returns"])
		if v, ok := t["by"]; ok {
			a := d.arg("by", v)
			r.By = &a
		}
		if v, ok := t["cases"]; ok {
			m, ok := v.(map[string]any)
			if !ok {
				d.fail("cases", "want a table of constant = symbol")
			}
			r.Cases = map[string]string{}
			for _, k := range sortedKeys(m) {
				r.Cases[k] = d.str("cases."+k, m[k])
			}
		}
		r.Carries = d.boolean("carries", t["carries"])
		if v, ok := t["holds"]; ok {
			r.Holds = d.args("holds", v)
		}
	case KindCalls:
		r.Callee = -1
		switch v := t["callee"].(type) {
		case int64:
			r.Callee = int(v)
		case string:
			switch v {
			case "receiver":
			case "elements":
				r.Callee = CalleeElements
			case "task-name":
				r.Callee = CalleeTaskName
			default:
				d.fail("callee", "want a position, \"receiver\", \"elements\" or \"task-name\"")
			}
		case nil:
			d.fail("callee", "a calls row needs callee")
		default:
			d.fail("callee", "want a position, \"receiver\", \"elements\" or \"task-name\"")
		}
		r.Star = d.str("args-from", t["args-from"])
		r.StarKw = d.str("kwargs-from", t["kwargs-from"])
	case KindImports:
		switch r.Names = d.str("names", t["names"]); r.Names {
		case "":
			r.Names = "object"
		case "object", "module":
		default:
			d.fail("names", "want \"object\" or \"module\"")
		}
	case KindSignal:
		if v, ok := t["sends"]; ok {
			r.Sends = d.strs("sends", v)
			if len(r.Sends) == 0 {
				d.fail("sends", "want the signals the call sends")
			}
		}
	case KindLookup:
		r.Chained = d.boolean("chained", t["chained"])
	case KindMessage:
		r.Role = d.str("role", t["role"])
		r.RoleArg = d.str("role-arg", t["role-arg"])
		r.Content = d.args("content", t["content"])
	case KindBinds:
		if t["result-type"] == nil {
			d.fail("result-type", "a binds row needs the type of what it builds")
		}
		r.Classes = d.classes("needs", t["needs"])
	case KindAlias:
		r.To = d.str("to", t["to"])
		r.Attrs = d.strs("attrs", t["attrs"])
		if r.To == "" || len(r.Attrs) == 0 {
			d.fail("", "an alias row needs to and attrs")
		}
	case KindPipe:
		r.Returns = d.str("returns", t["returns"])
	case KindBase, KindAnnotation, KindDecorator:
		r.Is = d.str("is", t["is"])
		ok := false
		for _, x := range roles[r.Kind] {
			ok = ok || x == r.Is
		}
		if !ok {
			d.fail("is", "unknown role %q for a %s row (want one of %s)", r.Is, r.Kind, strings.Join(roles[r.Kind], ", "))
		}
	}
	if r.Kind == KindSource || r.Kind == KindBinds {
		if v, ok := t["result-type"]; ok {
			r.Type = d.str("result-type", v)
		}
	}
	if v, ok := t["args"]; ok {
		r.Args = d.args("args", v)
	}
	r.On = OnCall
	if v, ok := t["on"]; ok {
		switch s := On(d.str("on", v)); s {
		case OnCall, OnRead, OnItem, OnIter:
			r.On = s
		default:
			d.fail("on", "unknown place %q (want call, read, item or iter)", s)
		}
	}
	if v, ok := t["if"]; ok {
		r.If = d.cond("if", v)
	}
	if v, ok := t["result"]; ok {
		s := d.str("result", v)
		res, ok := results[s]
		if !ok {
			d.fail("result", "unknown result %q (want one of %s)", s, strings.Join(sortedKeys(results), ", "))
		}
		r.Result = res
	}
}

func (d *decoder) str(key string, v any) string {
	if v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		d.fail(key, "want a string, got %s", TypeName(v))
	}
	return s
}

func (d *decoder) strs(key string, v any) []string {
	if v == nil {
		return nil
	}
	if s, ok := v.(string); ok {
		return []string{s}
	}
	arr, ok := v.([]any)
	if !ok {
		d.fail(key, "want a string or an array of strings, got %s", TypeName(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok {
			d.fail(key, "want strings, got %s", TypeName(e))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) boolean(key string, v any) bool {
	if v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		d.fail(key, "want true or false, got %s", TypeName(v))
	}
	return b
}

func (d *decoder) classes(key string, v any) []Class {
	var out []Class
	for _, s := range d.strs(key, v) {
		ok := false
		for _, c := range rowClasses {
			if string(c) == s {
				out = append(out, c)
				ok = true
			}
		}
		if !ok {
			names := make([]string, len(rowClasses))
			for i, c := range rowClasses {
				names[i] = string(c)
			}
			d.fail(key, "unknown class %q (want one of %s)", s, strings.Join(names, ", "))
		}
	}
	return out
}

// args reads an array of argument tables ({ pos = 0, kw = "prompt",
// role = "user" }, { all = true }).
func (d *decoder) args(key string, v any) []ArgSpec {
	arr, ok := v.([]any)
	if !ok {
		if m, isMap := v.([]map[string]any); isMap {
			for _, e := range m {
				arr = append(arr, e)
			}
		} else {
			d.fail(key, "want an array of argument tables, got %s", TypeName(v))
			return nil
		}
	}
	out := make([]ArgSpec, 0, len(arr))
	for _, e := range arr {
		out = append(out, d.arg(key, e))
	}
	return out
}

func (d *decoder) arg(key string, v any) ArgSpec {
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(key, "want an argument table ({ pos = 0, kw = \"name\" }), got %s", TypeName(v))
		return ArgSpec{Pos: -1}
	}
	a := ArgSpec{Pos: -1}
	for _, k := range sortedKeys(m) {
		switch k {
		case "pos":
			n, ok := m[k].(int64)
			if !ok || n < 0 || n > 64 {
				d.fail(key, "pos: want a position from 0 to 64")
			}
			a.Pos = int(n)
		case "kw":
			a.Kw = d.str(key+".kw", m[k])
		case "all":
			a.All = d.boolean(key+".all", m[k])
		case "receiver":
			a.Recv = d.boolean(key+".receiver", m[k])
		case "role":
			s := d.str(key+".role", m[k])
			r, ok := argRoles[s]
			if !ok {
				d.fail(key, "role: unknown role %q (want user, system or messages)", s)
			}
			a.Role = r
		default:
			d.fail(key, "unknown key %q in an argument (want pos, kw, role, all, receiver)", k)
		}
	}
	if a.Pos < 0 && a.Kw == "" && !a.All && !a.Recv {
		d.fail(key, "an argument needs pos, kw, all or receiver")
	}
	return a
}

func (d *decoder) cond(key string, v any) *Cond {
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(key, "want a condition table, got %s", TypeName(v))
		return nil
	}
	c := &Cond{Arg: ArgSpec{Pos: -1}}
	for _, k := range sortedKeys(m) {
		switch k {
		case "pos":
			n, ok := m[k].(int64)
			if !ok || n < 0 || n > 64 {
				d.fail(key, "pos: want a position from 0 to 64")
			}
			c.Arg.Pos = int(n)
		case "kw":
			c.Arg.Kw = d.str(key+".kw", m[k])
		case "any":
			c.Any = d.boolean(key+".any", m[k])
		case "matches":
			c.Matches = d.str(key+".matches", m[k])
			c.Re = d.regexp(key, "matches", c.Matches)
		case "type":
			c.Type = d.str(key+".type", m[k])
		case "absent":
			c.Absent = d.boolean(key+".absent", m[k])
		case "name":
			c.Name = d.str(key+".name", m[k])
			c.NameRe = d.regexp(key, "name", c.Name)
		case "key":
			c.Key = d.str(key+".key", m[k])
			c.KeyRe = d.regexp(key, "key", c.Key)
		case "key-type":
			c.KeyType = d.str(key+".key-type", m[k])
		default:
			d.fail(key, "unknown key %q in a condition (want pos, kw, any, matches, type, absent, name, key, key-type)", k)
		}
	}
	if c.Arg.Pos < 0 && c.Arg.Kw == "" && !c.Any && c.Name == "" && c.Key == "" && c.KeyType == "" {
		d.fail(key, "a condition needs pos, kw, any, name, key or key-type")
	}
	return c
}

// regexp is a named pattern, or s compiled as a regular expression.
func (d *decoder) regexp(key, field, s string) *regexp.Regexp {
	if re := d.patterns[s]; re != nil {
		return re
	}
	re, err := regexp.Compile(s)
	if err != nil {
		d.fail(key, "%s: %q is neither a pattern's name nor a regular expression: %v", field, s, err)
	}
	return re
}

// TypeName names the kind of a decoded TOML value for messages ("a
// string", "an array").
func TypeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
