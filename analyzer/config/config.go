// Package config reads llmleak's project configuration: a `.llmleak.toml`
// file, or the `[tool.llmleak]` table of a `pyproject.toml`, found by
// walking up from the project root.
//
// A configuration is checked whole before anything runs: an unknown key,
// a value of the wrong type or a value out of range is an error that
// names the file, the line and the key, so that a typo never silently
// turns a rule off. The result is a File of plain values; the command
// line maps it into analyzer.Config.
//
// This package imports rules, analyzer/finding and analyzer/discover, but
// not package analyzer: the analyzer's own tests load fixture projects'
// configurations through it.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/llmleak/llmleak/analyzer/discover"
	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
)

// File names looked for in each directory, in this order.
const (
	// DedicatedName is llmleak's own configuration file; its keys are at
	// the top level.
	DedicatedName = ".llmleak.toml"
	// PyprojectName holds the configuration in its [tool.llmleak] table;
	// a pyproject.toml without that table is passed over.
	PyprojectName = "pyproject.toml"
)

// File is a project configuration. Unset keys are zero.
type File struct {
	// Path is the file the configuration was read from, as given to
	// LoadFile or found by Load.
	Path string
	// Select, Ignore and ExtendSelect choose rules by ID or prefix
	// ("LK101", "LK2", "ALL"). See Selectors.
	Select       []string
	Ignore       []string
	ExtendSelect []string
	// Exclude and Include are globs relative to the project root, with
	// the meaning of --exclude and --include.
	Exclude []string
	Include []string
	// SeverityThreshold is the lowest level that fails the run;
	// LevelNone when the file does not set it.
	SeverityThreshold finding.Level
	// PerFileIgnores turn rules off for the files a glob matches, in the
	// order of the file.
	PerFileIgnores []PerFileIgnore
	// Severity overrides the level of the rules a key (an ID or a prefix)
	// selects; the longest matching key wins.
	Severity map[string]finding.Level
	// Catalog holds the project's own sources, sinks, sanitizers and
	// payload decorators.
	Catalog rules.UserCatalog
	// IncludeTests analyzes test code too (include-tests).
	IncludeTests bool
	// PropagateUnknown lets library calls no model describes carry their
	// arguments (propagate-unknown).
	PropagateUnknown bool
	// NoRespectGitignore is respect-gitignore = false: walk what the
	// .gitignore files ignore too.
	NoRespectGitignore bool
}

// PerFileIgnore turns Rules off for the files Glob matches.
type PerFileIgnore struct {
	Glob  string
	Rules []string
}

// Selectors returns the rule selectors the file asks for, or nil when it
// keeps the default set. extend-select adds to select, or to the rules
// that are on by default when select is not set.
func (f *File) Selectors() []string {
	if len(f.ExtendSelect) == 0 {
		return f.Select
	}
	base := append([]string(nil), f.Select...)
	if len(base) == 0 {
		for _, r := range rules.All() {
			if r.DefaultOn {
				base = append(base, r.ID)
			}
		}
	}
	return append(base, f.ExtendSelect...)
}

// Error is a problem with a configuration file. Line is 0 when it is not
// known (the file could not be read at all).
type Error struct {
	Path string
	Line int
	// Key is the dotted key the problem is about, "" for a syntax error.
	Key string
	Msg string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one file, in line order.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Load looks for a configuration in dir and then in each parent
// directory: in each, `.llmleak.toml` first, then a `pyproject.toml` with
// a [tool.llmleak] table. It returns the first found and its path, or
// (nil, "", nil) when there is none.
func Load(dir string) (*File, string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", dir, err)
	}
	for d := abs; ; {
		p := filepath.Join(d, DedicatedName)
		if isFile(p) {
			f, err := LoadFile(p)
			return f, p, err
		}
		p = filepath.Join(d, PyprojectName)
		if isFile(p) {
			f, err := LoadFile(p)
			if err != nil {
				return nil, p, err
			}
			if f != nil {
				return f, p, nil
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, "", nil
		}
		d = parent
	}
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// LoadFile reads one configuration file. A file named pyproject.toml is
// read from its [tool.llmleak] table; LoadFile returns (nil, nil) when it
// has none. Any other file has llmleak's keys at the top level. The error
// is an *Error or an Errors naming the file, the line and the key.
func LoadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{Path: path, Msg: "cannot read the configuration: " + err.Error()}
	}
	return Parse(path, data)
}

// Parse reads a configuration from data; path names it in errors and
// decides, by its base name, whether data is a pyproject.toml.
func Parse(path string, data []byte) (*File, error) {
	p := &parser{path: path, lines: scanKeys(data)}
	var raw rawFile
	var md toml.MetaData
	var err error
	if filepath.Base(path) == PyprojectName {
		p.prefix = []string{"tool", "llmleak"}
		var py struct {
			Tool struct {
				Llmleak *rawFile `toml:"llmleak"`
			} `toml:"tool"`
		}
		md, err = toml.Decode(string(data), &py)
		if err == nil {
			if py.Tool.Llmleak == nil {
				return nil, nil
			}
			raw = *py.Tool.Llmleak
		}
	} else {
		md, err = toml.Decode(string(data), &raw)
	}
	if err != nil {
		return nil, p.syntaxError(err)
	}
	for _, k := range md.Undecoded() {
		if len(k) <= len(p.prefix) || !equalKeys(k[:len(p.prefix)], p.prefix) {
			continue // another tool's table in pyproject.toml
		}
		rel := k[len(p.prefix):]
		if len(rel) > 1 {
			continue // below an unknown key, which is reported itself
		}
		p.fail(rel, "unknown key%s", suggest(rel))
	}
	f := p.build(&raw)
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
		return nil, p.errs
	}
	f.Path = path
	return f, nil
}

// rawFile is the TOML shape. Values are decoded as `any` and checked by
// hand so that a wrong type gets a message that names the key and says
// what was expected, rather than the decoder's reflection types.
type rawFile struct {
	Select            any `toml:"select"`
	Ignore            any `toml:"ignore"`
	ExtendSelect      any `toml:"extend-select"`
	Exclude           any `toml:"exclude"`
	Include           any `toml:"include"`
	SeverityThreshold any `toml:"severity-threshold"`
	PerFileIgnores    any `toml:"per-file-ignores"`
	Severity          any `toml:"severity"`
	Sources           any `toml:"sources"`
	Sinks             any `toml:"sinks"`
	Sanitizers        any `toml:"sanitizers"`
	PayloadDecorators any `toml:"payload-decorators"`
	Models            any `toml:"models"`
	IncludeTests      any `toml:"include-tests"`
	PropagateUnknown  any `toml:"propagate-unknown"`
	RespectGitignore  any `toml:"respect-gitignore"`
}

// knownKeys are the top-level keys, for suggestions.
var knownKeys = []string{"select", "ignore", "extend-select", "exclude", "include", "severity-threshold",
	"per-file-ignores", "severity", "sources", "sinks", "sanitizers", "payload-decorators", "models", "include-tests", "propagate-unknown",
	"respect-gitignore"}

type parser struct {
	path   string
	prefix []string // ["tool", "llmleak"] in a pyproject.toml
	lines  []keyLine
	errs   Errors
}

// fail records a problem with key (relative to the llmleak table).
func (p *parser) fail(key []string, format string, a ...any) {
	full := append(append([]string(nil), p.prefix...), key...)
	p.errs = append(p.errs, &Error{Path: p.path, Line: p.line(full), Key: displayKey(full), Msg: fmt.Sprintf(format, a...)})
}

// syntaxError turns a decoder error into an *Error with its line.
func (p *parser) syntaxError(err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &Error{Path: p.path, Line: pe.Position.Line, Msg: "invalid TOML: " + pe.Message}
	}
	return &Error{Path: p.path, Msg: "invalid TOML: " + strings.TrimPrefix(err.Error(), "toml: ")}
}

func (p *parser) build(raw *rawFile) *File {
	f := &File{}
	f.Select = p.selectors([]string{"select"}, raw.Select)
	f.Ignore = p.selectors([]string{"ignore"}, raw.Ignore)
	f.ExtendSelect = p.selectors([]string{"extend-select"}, raw.ExtendSelect)
	f.Exclude = p.globs([]string{"exclude"}, raw.Exclude)
	f.Include = p.globs([]string{"include"}, raw.Include)
	if raw.SeverityThreshold != nil {
		f.SeverityThreshold = p.level([]string{"severity-threshold"}, raw.SeverityThreshold)
	}
	pfi := p.table([]string{"per-file-ignores"}, raw.PerFileIgnores, "a table of glob = [rules]")
	for _, glob := range sortedKeys(pfi) {
		key := []string{"per-file-ignores", glob}
		if err := discover.ValidatePatterns([]string{glob}); err != nil {
			p.fail(key, "%v", err)
			continue
		}
		if rs := p.selectors(key, pfi[glob]); len(rs) > 0 {
			f.PerFileIgnores = append(f.PerFileIgnores, PerFileIgnore{Glob: glob, Rules: rs})
		}
	}
	// Keep the order of the file, which is how its author reads it.
	sort.SliceStable(f.PerFileIgnores, func(i, j int) bool {
		return p.line(p.full("per-file-ignores", f.PerFileIgnores[i].Glob)) < p.line(p.full("per-file-ignores", f.PerFileIgnores[j].Glob))
	})
	sev := p.table([]string{"severity"}, raw.Severity, "a table of rule = level")
	for _, id := range sortedKeys(sev) {
		key := []string{"severity", id}
		if !rules.ValidSelector(id) || strings.EqualFold(id, "ALL") {
			p.fail(key, "%q is not a rule ID or prefix (see 'llmleak rules')", id)
			continue
		}
		if l := p.level(key, sev[id]); l != finding.LevelNone {
			if f.Severity == nil {
				f.Severity = map[string]finding.Level{}
			}
			f.Severity[strings.ToUpper(id)] = l
		}
	}
	for i, t := range p.tables([]string{"sources"}, raw.Sources) {
		at := func(k string) []string { return []string{"sources", index(i), k} }
		p.onlyKeys([]string{"sources", index(i)}, t, "name", "class")
		name := p.qualifiedName(at("name"), t["name"], true)
		var class rules.Class
		if cs, ok := p.str(at("class"), t["class"], true); ok {
			c, ok := rules.ParseClass(cs)
			if !ok {
				p.fail(at("class"), "unknown class %q: want one of %s", cs, classNames())
			}
			class = c
		}
		if name != "" && class != "" {
			f.Catalog.Sources = append(f.Catalog.Sources, rules.UserSource{Name: name, Class: class})
		}
	}
	for i, t := range p.tables([]string{"sinks"}, raw.Sinks) {
		at := func(k string) []string { return []string{"sinks", index(i), k} }
		p.onlyKeys([]string{"sinks", index(i)}, t, "name", "kind", "args", "keywords")
		sink := rules.UserSink{Name: p.qualifiedName(at("name"), t["name"], true)}
		kindOK := false
		if ks, ok := p.str(at("kind"), t["kind"], true); ok {
			sink.Kind, kindOK = rules.ParseSinkKind(ks)
			if !kindOK {
				p.fail(at("kind"), "unknown sink kind %q: want \"llm\" or \"log\"", ks)
			}
		}
		sink.Positions = p.positions(at("args"), t["args"])
		sink.Keywords = p.identifiers(at("keywords"), t["keywords"])
		if sink.Name != "" && kindOK {
			f.Catalog.Sinks = append(f.Catalog.Sinks, sink)
		}
	}
	f.Catalog.Sanitizers = p.qualifiedNames([]string{"sanitizers"}, raw.Sanitizers)
	f.Catalog.PayloadDecorators = p.qualifiedNames([]string{"payload-decorators"}, raw.PayloadDecorators)
	f.Catalog.Models = p.models(raw.Models)
	f.IncludeTests = p.boolean([]string{"include-tests"}, raw.IncludeTests)
	f.PropagateUnknown = p.boolean([]string{"propagate-unknown"}, raw.PropagateUnknown)
	if raw.RespectGitignore != nil {
		f.NoRespectGitignore = !p.boolean([]string{"respect-gitignore"}, raw.RespectGitignore)
	}
	return f
}

// models reads [[models]] rows: the schema of the built-in library
// models (package model), checked the same way.
func (p *parser) models(v any) []*model.Row {
	var patterns map[string]*regexp.Regexp
	if set, err := rules.Models(); err == nil {
		patterns = set.Patterns()
	}
	var out []*model.Row
	for i, t := range p.tables([]string{"models"}, v) {
		at := []string{"models", index(i)}
		r, errs := model.Decode(t, patterns)
		for _, fe := range errs {
			key := at
			if fe.Key != "" {
				key = append(append([]string(nil), at...), strings.SplitN(fe.Key, ".", 2)[0])
			}
			p.fail(key, "%s", fe.Msg)
		}
		if r != nil {
			r.User = true
			r.Pos = model.Pos{File: p.path, Line: p.line(p.full(at...))}
			out = append(out, r)
		}
	}
	return out
}

// boolean reads true or false; false when unset or wrong.
func (p *parser) boolean(key []string, v any) bool {
	if v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		p.fail(key, "want true or false, got %s", typeName(v))
	}
	return b
}

// index is the key component of the i-th table of an array of tables.
func index(i int) string { return fmt.Sprintf("#%d", i) }

// arrayIndex reads a component made by index.
func arrayIndex(k string) (int, bool) {
	var n int
	if _, err := fmt.Sscanf(k, "#%d", &n); err != nil || k != index(n) {
		return 0, false
	}
	return n, true
}

// table reads a TOML table; nil when v is unset or not a table.
func (p *parser) table(key []string, v any, want string) map[string]any {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		p.fail(key, "want %s, got %s", want, typeName(v))
		return nil
	}
	return m
}

// tables reads an array of tables ([[sinks]]).
func (p *parser) tables(key []string, v any) []map[string]any {
	if v == nil {
		return nil
	}
	switch ts := v.(type) {
	case []map[string]any:
		return ts
	case []any:
		out := make([]map[string]any, 0, len(ts))
		for _, e := range ts {
			m, ok := e.(map[string]any)
			if !ok {
				p.fail(key, "want an array of tables ([[%s]]), got an array holding %s", key[len(key)-1], typeName(e))
				return nil
			}
			out = append(out, m)
		}
		return out
	}
	p.fail(key, "want an array of tables ([[%s]]), got %s", key[len(key)-1], typeName(v))
	return nil
}

// onlyKeys reports the keys of table t that are not in known.
func (p *parser) onlyKeys(key []string, t map[string]any, known ...string) {
	for _, k := range sortedKeys(t) {
		ok := false
		for _, kn := range known {
			ok = ok || k == kn
		}
		if !ok {
			p.fail(append(append([]string(nil), key...), k), "unknown key (want %s)", strings.Join(known, ", "))
		}
	}
}

func (p *parser) full(key ...string) []string {
	return append(append([]string(nil), p.prefix...), key...)
}

// strings reads an array of strings; nil when v is unset or wrong.
func (p *parser) strings(key []string, v any) ([]string, bool) {
	if v == nil {
		return nil, true
	}
	arr, ok := v.([]any)
	if !ok {
		p.fail(key, "want an array of strings, got %s", typeName(v))
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok {
			p.fail(key, "want an array of strings, got an array holding %s", typeName(e))
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func (p *parser) str(key []string, v any, required bool) (string, bool) {
	if v == nil {
		if required {
			p.fail(key[:len(key)-1], "missing key %q", key[len(key)-1])
		}
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		p.fail(key, "want a string, got %s", typeName(v))
		return "", false
	}
	return s, true
}

func (p *parser) selectors(key []string, v any) []string {
	ss, ok := p.strings(key, v)
	if !ok {
		return nil
	}
	for _, s := range ss {
		if !rules.ValidSelector(s) {
			p.fail(key, "%q is not a rule ID or prefix (see 'llmleak rules')", s)
			return nil
		}
	}
	return ss
}

func (p *parser) globs(key []string, v any) []string {
	ss, ok := p.strings(key, v)
	if !ok {
		return nil
	}
	if err := discover.ValidatePatterns(ss); err != nil {
		p.fail(key, "%v", err)
		return nil
	}
	return ss
}

func (p *parser) level(key []string, v any) finding.Level {
	s, ok := p.str(key, v, false)
	if !ok {
		return finding.LevelNone
	}
	l, ok := finding.ParseLevel(s)
	if !ok {
		p.fail(key, "invalid level %q: want \"note\", \"warning\" or \"error\"", s)
	}
	return l
}

// qualifiedNameRe is a dotted Python name: "ai.gateway.send".
var qualifiedNameRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)

func (p *parser) qualifiedName(key []string, v any, required bool) string {
	s, ok := p.str(key, v, required)
	if !ok {
		return ""
	}
	if !qualifiedNameRe.MatchString(s) {
		p.fail(key, "%q is not a qualified Python name such as \"ai.gateway.send\"", s)
		return ""
	}
	return s
}

func (p *parser) qualifiedNames(key []string, v any) []string {
	ss, ok := p.strings(key, v)
	if !ok {
		return nil
	}
	for _, s := range ss {
		if !qualifiedNameRe.MatchString(s) {
			p.fail(key, "%q is not a qualified Python name such as \"privacy.scrub\"", s)
			return nil
		}
	}
	return ss
}

var identifierRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func (p *parser) identifiers(key []string, v any) []string {
	ss, ok := p.strings(key, v)
	if !ok {
		return nil
	}
	for _, s := range ss {
		if !identifierRe.MatchString(s) {
			p.fail(key, "%q is not a keyword argument name", s)
			return nil
		}
	}
	return ss
}

// positions reads an array of 0-based argument positions.
func (p *parser) positions(key []string, v any) []int {
	if v == nil {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		p.fail(key, "want an array of argument positions (0, 1, ...), got %s", typeName(v))
		return nil
	}
	out := make([]int, 0, len(arr))
	for _, e := range arr {
		n, ok := e.(int64)
		if !ok || n < 0 || n > 255 {
			p.fail(key, "want an array of argument positions (0, 1, ...), got %s", valueText(e))
			return nil
		}
		out = append(out, int(n))
	}
	return out
}

func typeName(v any) string { return model.TypeName(v) }

func valueText(v any) string {
	if n, ok := v.(int64); ok {
		return fmt.Sprint(n)
	}
	return typeName(v)
}

func classNames() string {
	var names []string
	for _, c := range []rules.Class{rules.ClassCert, rules.ClassPayload, rules.ClassCredential, rules.ClassPII,
		rules.ClassSecret, rules.ClassError, rules.ClassLog, rules.ClassInput, rules.ClassResponse} {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}

// suggest names the known key closest to an unknown one, for typos.
func suggest(key []string) string {
	if len(key) != 1 {
		return ""
	}
	k := strings.ReplaceAll(strings.ToLower(key[0]), "_", "-")
	for _, known := range knownKeys {
		if k == known || editDistance(k, known) <= 2 {
			return fmt.Sprintf(" (did you mean %q?)", known)
		}
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// displayKey writes a key as TOML would ("sinks[1].kind",
// "per-file-ignores.\"tests/**\""). Numeric components are array indexes
// of an array of tables and print 1-based, as people count them.
func displayKey(key []string) string {
	var b strings.Builder
	for i, k := range key {
		if n, ok := arrayIndex(k); ok {
			fmt.Fprintf(&b, "[%d]", n+1)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		if bareKeyRe.MatchString(k) {
			b.WriteString(k)
		} else {
			fmt.Fprintf(&b, "%q", k)
		}
	}
	return b.String()
}

var bareKeyRe = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
