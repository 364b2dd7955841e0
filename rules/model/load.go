package model

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Error is a problem in a model file, at a line.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// file is the shape of a model file: named patterns, then rows.
type file struct {
	Patterns map[string]string `toml:"patterns"`
	Models   []map[string]any  `toml:"models"`
}

// Load reads every *.toml file of fsys (in name order) into one set. It
// rejects unknown keys, bad symbols, bad patterns and duplicate rows (one
// kind of fact stated twice for one symbol), each with its file and line.
func Load(fsys fs.FS) (*Set, error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	type parsed struct {
		name  string
		f     file
		lines []int
	}
	var files []parsed
	var errs []error
	patterns := map[string]*regexp.Regexp{}
	patternAt := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, &Error{File: name, Msg: err.Error()})
			continue
		}
		var f file
		md, err := toml.Decode(string(data), &f)
		if err != nil {
			line := 0
			var pe toml.ParseError
			if errors.As(err, &pe) {
				line = pe.Position.Line
			}
			errs = append(errs, &Error{File: name, Line: line, Msg: "invalid TOML: " + strings.TrimPrefix(err.Error(), "toml: ")})
			continue
		}
		for _, k := range md.Undecoded() {
			if len(k) == 1 {
				errs = append(errs, &Error{File: name, Line: headerLine(string(data), k[0]), Msg: fmt.Sprintf("unknown table %q (want patterns, models)", k[0])})
			}
		}
		for _, pn := range sortedKeys(f.Patterns) {
			line := keyLine(string(data), pn)
			re, err := regexp.Compile(f.Patterns[pn])
			switch {
			case err != nil:
				errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf("pattern %s: %v", pn, err)})
			case patternAt[pn] != "":
				errs = append(errs, &Error{File: name, Line: line, Msg: fmt.Sprintf("pattern %s is already defined in %s", pn, patternAt[pn])})
			default:
				patterns[pn], patternAt[pn] = re, name
			}
		}
		files = append(files, parsed{name, f, rowLines(string(data), "models")})
	}
	var rows []*Row
	seen := map[string]Pos{}
	for _, pf := range files {
		for i, t := range pf.f.Models {
			pos := Pos{File: pf.name, Line: lineAt(pf.lines, i)}
			r, ferrs := Decode(t, patterns)
			for _, fe := range ferrs {
				errs = append(errs, &Error{File: pos.File, Line: pos.Line, Msg: fe.Error()})
			}
			if r == nil {
				continue
			}
			r.Pos = pos
			for _, alt := range Expand(r.Sym) {
				k := string(r.Kind) + " " + r.Is + " " + string(r.On) + " " + alt
				if prev, dup := seen[k]; dup && !conditional(r) {
					errs = append(errs, &Error{File: pos.File, Line: pos.Line, Msg: fmt.Sprintf("duplicate %s row for %s (first at %s:%d)", r.Kind, alt, prev.File, prev.Line)})
					continue
				}
				if !conditional(r) {
					seen[k] = pos
				}
			}
			rows = append(rows, r)
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool {
			a, b := errs[i].(*Error), errs[j].(*Error)
			if a.File != b.File {
				return a.File < b.File
			}
			return a.Line < b.Line
		})
		return nil, errors.Join(errs...)
	}
	return NewSet(rows, patterns), nil
}

// conditional rows may share a symbol with a row of their kind: they
// apply only when their condition holds.
func conditional(r *Row) bool { return r.If != nil }

// rowLines returns the lines of the "[[name]]" headers of a TOML text, in
// order: the i-th row of the array starts at the i-th header.
func rowLines(text, name string) []int {
	var out []int
	for i, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(stripComment(l)) == "[["+name+"]]" {
			out = append(out, i+1)
		}
	}
	return out
}

func lineAt(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

// keyLine is the first line that defines key (in any table).
func keyLine(text, key string) int {
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, key) && strings.HasPrefix(strings.TrimSpace(l[len(key):]), "=") {
			return i + 1
		}
	}
	return 0
}

func headerLine(text, table string) int {
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(stripComment(l))
		if l == "["+table+"]" || l == "[["+table+"]]" || strings.HasPrefix(l, table+" ") || strings.HasPrefix(l, table+"=") {
			return i + 1
		}
	}
	return 0
}

func stripComment(l string) string {
	if i := strings.IndexByte(l, '#'); i >= 0 && !strings.ContainsAny(l[:i], `"'`) {
		return l[:i]
	}
	return l
}

// Name is the library a model file describes ("openai.toml" -> "openai").
func Name(file string) string { return strings.TrimSuffix(path.Base(file), ".toml") }
