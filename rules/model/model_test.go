package model

import (
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T, files map[string]string) (*Set, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return Load(fsys)
}

func TestLoadErrors(t *testing.T) {
	_, err := load(t, map[string]string{
		"a.toml": `[patterns]
url = '(bad'

[[models]]
sink = "x.Client().send"
kind = "llm"
colour = "red"

[[models]]
sink = "x.Client().send"
kind = "llm"

[[models]]
source = "x..y"
class = "pii"

[[models]]
type = "x.make"
if = { pos = 0, matches = "nope(" }
`,
		"b.toml": `[[models]]
sanitizer = "x.Client().{send,scrub}"

[[models]]
sanitizer = "x.Client().scrub"

[rows]
x = 1
`,
	})
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`a.toml:2: pattern url: error parsing regexp: missing closing ): ` + "`(bad`",
		`a.toml:4: colour: unknown key for a sink row (want sink, kind, label, args, if, result)`,
		`a.toml:13: source: "x..y" has an empty name between dots`,
		`a.toml:17: if: matches: "nope(" is neither a pattern's name nor a regular expression: error parsing regexp: missing closing ): ` + "`nope(`",
		`b.toml:4: duplicate sanitizer row for x.Client().scrub (first at b.toml:1)`,
		`b.toml:7: unknown table "rows" (want patterns, models)`,
	}
	got := strings.Split(err.Error(), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(want, "\n"))
	}
}

func TestExpandAndMatch(t *testing.T) {
	if got := strings.Join(Expand("a.{b,c}.{d,}"), " "); got != "a.b.d a.b. a.c.d a.c." {
		t.Errorf("Expand = %q", got)
	}
	set, err := load(t, map[string]string{"m.toml": `
[[models]]
type = "lib**.[A-Z]*Model"
returns = "lib.Model()"

[[models]]
lookup = "lib.*.get"

[[models]]
sink = "lib.Model().{ask,tell}"
kind = "llm"
`})
	if err != nil {
		t.Fatal(err)
	}
	for sym, want := range map[string]Kind{
		"lib.chat.ChatModel":   KindType,
		"lib.x.y.AModel":       KindType,
		"lib.chat.Model":       "", // one letter or more before "Model"
		"lib.chat.model":       "",
		"lib.chat.get":         KindLookup,
		"lib.chat.sub.get":     "", // "*" stays within one name
		"lib.Model().ask":      KindSink,
		"lib.Model().ask.more": "",
		"other.ChatModel":      "",
	} {
		var got Kind
		if rows := set.Rows(sym); len(rows) > 0 {
			got = rows[0].Kind
		}
		if got != want {
			t.Errorf("%s: got %q, want %q", sym, got, want)
		}
	}
	if !set.Known("lib.Model()") || !set.Known("lib.anything.at.all") || set.Known("other") {
		t.Error("Known: want the rows' symbols, their prefixes and wildcard families")
	}
}

// A project's own rows are tried before the built-in ones, whatever
// their kind.
func TestUserRowsFirst(t *testing.T) {
	set, err := load(t, map[string]string{"m.toml": `
[[models]]
sink = "lib.send"
kind = "log"
`})
	if err != nil {
		t.Fatal(err)
	}
	user := &Row{Kind: KindSanitizer, Sym: "lib.send", User: true}
	rows := set.With([]*Row{user}).Rows("lib.send")
	if len(rows) != 2 || rows[0] != user {
		t.Errorf("rows: %+v", rows)
	}
	if len(set.Rows("lib.send")) != 1 {
		t.Error("With changed the set it was called on")
	}
}

func TestDecodeKinds(t *testing.T) {
	for _, c := range []struct {
		row  map[string]any
		want string
	}{
		{map[string]any{"sink": "a.b", "kind": "llm", "source": "a.b"}, `a row states one fact: both "sink" and "source" are set`},
		{map[string]any{"sink": "a.b", "kind": "db"}, `kind: unknown sink kind "db" (want llm, log, output or decision)`},
		{map[string]any{"calls": "a.b"}, `callee: a calls row needs callee`},
		{map[string]any{"binds": "a.b"}, `result-type: a binds row needs the type of what it builds`},
		{map[string]any{"sink": "a.b", "kind": "llm", "args": []any{map[string]any{"role": "system"}}}, `args: an argument needs pos, kw, all or receiver`},
		{map[string]any{"propagator": "a.b", "result": "all"}, `result: unknown result "all" (want one of derived, element, element-pair, generic, item, none, object, part, response, same, self, taint, text, whole)`},
	} {
		_, errs := Decode(c.row, nil)
		if len(errs) == 0 || errs[0].Error() != c.want {
			t.Errorf("Decode(%v) = %v, want %q", c.row, errs, c.want)
		}
	}
}
