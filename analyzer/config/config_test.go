package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer/finding"
	"github.com/llmleak/llmleak/rules"
	"github.com/llmleak/llmleak/rules/model"
)

const full = `# every key
select = ["LK1", "LK201"]
ignore = ["LK107"]
extend-select = ["LK109"]
exclude = ["legacy/**", "*_pb2.py"]
include = ["apps"]
severity-threshold = "warning"
sanitizers = ["privacy.scrub", "privacy.hash_email"]
payload-decorators = ["api.decorators.json_body"]
include-tests = true
propagate-unknown = true

[per-file-ignores]
"tests/**" = ["LK1"]
"scripts/*.py" = ["LK201", "LK202"]

[severity]
LK202 = "warning"
LK1 = "error"

[[sources]]
name = "accounts.partner.current_dn"
class = "cert"

[[sinks]]
name = "ai.gateway.send"
kind = "llm"
args = [0, 2]
keywords = ["prompt"]

[[sinks]]
name = "audit.write"
kind = "log"
`

func TestParseFull(t *testing.T) {
	f, err := Parse("/p/.llmleak.toml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	want := &File{
		Path:              "/p/.llmleak.toml",
		Select:            []string{"LK1", "LK201"},
		Ignore:            []string{"LK107"},
		ExtendSelect:      []string{"LK109"},
		Exclude:           []string{"legacy/**", "*_pb2.py"},
		Include:           []string{"apps"},
		SeverityThreshold: finding.LevelWarning,
		PerFileIgnores: []PerFileIgnore{
			{Glob: "tests/**", Rules: []string{"LK1"}},
			{Glob: "scripts/*.py", Rules: []string{"LK201", "LK202"}},
		},
		Severity: map[string]finding.Level{"LK202": finding.LevelWarning, "LK1": finding.LevelError},
		Catalog: rules.UserCatalog{
			Sources: []rules.UserSource{{Name: "accounts.partner.current_dn", Class: rules.ClassCert}},
			Sinks: []rules.UserSink{
				{Name: "ai.gateway.send", Kind: rules.SinkLLM, Positions: []int{0, 2}, Keywords: []string{"prompt"}},
				{Name: "audit.write", Kind: rules.SinkLog},
			},
			Sanitizers:        []string{"privacy.scrub", "privacy.hash_email"},
			PayloadDecorators: []string{"api.decorators.json_body"},
		},
		IncludeTests:     true,
		PropagateUnknown: true,
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("got  %+v\nwant %+v", f, want)
	}
	if got := strings.Join(f.Selectors(), ","); got != "LK1,LK201,LK109" {
		t.Errorf("Selectors() = %s", got)
	}
}

func TestParseModels(t *testing.T) {
	src := `[[tool.llmleak.models]]
sink = "ai.gateway.Client().send"
kind = "llm"
args = [{ pos = 0, kw = "prompt" }, { kw = "system", role = "system" }]

[[tool.llmleak.models]]
sanitizer = "presidio_anonymizer.AnonymizerEngine().anonymize"
removes = ["pii", "credential"]
args = [{ kw = "text" }]
`
	f, err := Parse("pyproject.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rows := f.Catalog.Models
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(rows))
	}
	sink, san := rows[0], rows[1]
	if sink.Kind != model.KindSink || sink.Sink != rules.SinkLLM || len(sink.Args) != 2 || sink.Args[1].Role != rules.RoleSystem || !sink.User {
		t.Errorf("sink row: %+v", sink)
	}
	if sink.Pos != (model.Pos{File: "pyproject.toml", Line: 1}) || san.Pos.Line != 6 {
		t.Errorf("rows placed at %v and %v, want lines 1 and 6", sink.Pos, san.Pos)
	}
	if san.Kind != model.KindSanitizer || !reflect.DeepEqual(san.Classes, []rules.Class{rules.ClassPII, rules.ClassCredential}) {
		t.Errorf("sanitizer row: %+v", san)
	}
}

func TestSelectorsExtendDefault(t *testing.T) {
	f := &File{ExtendSelect: []string{"LK109"}}
	sel := f.Selectors()
	for _, r := range rules.All() {
		if got := rules.Selected(r, sel, nil); got != (r.DefaultOn || r.ID == "LK109") {
			t.Errorf("%s selected=%v with extend-select LK109", r.ID, got)
		}
	}
	if (&File{}).Selectors() != nil {
		t.Error("an empty file should keep the default rules (nil selectors)")
	}
}

func TestParsePyproject(t *testing.T) {
	src := `[project]
name = "shop"

[tool.ruff]
select = ["E", "F"]

[tool.llmleak]
select = ["LK101"]
severity = { LK101 = "warning" }

[tool.llmleak.per-file-ignores]
"tests/**" = ["LK1"]

[[tool.llmleak.sinks]]
name = "ai.send"
kind = "llm"
`
	f, err := Parse("pyproject.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.Select, ",") != "LK101" || f.Severity["LK101"] != finding.LevelWarning ||
		len(f.PerFileIgnores) != 1 || len(f.Catalog.Sinks) != 1 {
		t.Errorf("got %+v", f)
	}
	f, err = Parse("pyproject.toml", []byte("[tool.ruff]\nselect = [\"E\"]\n"))
	if f != nil || err != nil {
		t.Errorf("pyproject without [tool.llmleak]: %+v, %v", f, err)
	}
}

// TestErrors checks that each mistake is an error naming the file, the
// line and the key.
func TestErrors(t *testing.T) {
	cases := []struct {
		name, path, src string
		want            []string // each an exact line of the error
	}{
		{"unknown key", ".llmleak.toml", "select = [\"LK1\"]\nselcet = [\"LK2\"]\n",
			[]string{`.llmleak.toml:2: selcet: unknown key (did you mean "select"?)`}},
		{"unknown table", ".llmleak.toml", "[rules]\nLK101 = true\n",
			[]string{`.llmleak.toml:1: rules: unknown key`}},
		{"bad selector", ".llmleak.toml", "\n\nignore = [\"LK9\"]\n",
			[]string{`.llmleak.toml:3: ignore: "LK9" is not a rule ID or prefix (see 'llmleak rules')`}},
		{"string for array", ".llmleak.toml", "select = \"LK101\"\n",
			[]string{`.llmleak.toml:1: select: want an array of strings, got a string`}},
		{"mixed array", ".llmleak.toml", "exclude = [\"a\", 1]\n",
			[]string{`.llmleak.toml:1: exclude: want an array of strings, got an array holding an integer`}},
		{"bad glob", ".llmleak.toml", "include = [\"a[\"]\n",
			[]string{`.llmleak.toml:1: include: invalid glob "a["`}},
		{"bad threshold", ".llmleak.toml", "severity-threshold = \"fatal\"\n",
			[]string{`.llmleak.toml:1: severity-threshold: invalid level "fatal": want "note", "warning" or "error"`}},
		{"bad severity", ".llmleak.toml", "[severity]\nLK101 = \"high\"\nXX1 = \"note\"\n",
			[]string{
				`.llmleak.toml:2: severity.LK101: invalid level "high": want "note", "warning" or "error"`,
				`.llmleak.toml:3: severity.XX1: "XX1" is not a rule ID or prefix (see 'llmleak rules')`,
			}},
		{"inline table value", ".llmleak.toml", "severity = { LK101 = 3 }\n",
			[]string{`.llmleak.toml:1: severity.LK101: want a string, got an integer`}},
		{"per-file-ignores not a table", ".llmleak.toml", "per-file-ignores = [\"tests\"]\n",
			[]string{`.llmleak.toml:1: per-file-ignores: want a table of glob = [rules], got an array`}},
		{"per-file-ignores bad rule", ".llmleak.toml", "[per-file-ignores]\n\"tests/**\" = [\"LK1\", \"nope\"]\n",
			[]string{`.llmleak.toml:2: per-file-ignores."tests/**": "nope" is not a rule ID or prefix (see 'llmleak rules')`}},
		{"source class", ".llmleak.toml", "[[sources]]\nname = \"a.b\"\nclass = \"secrets\"\n",
			[]string{`.llmleak.toml:3: sources[1].class: unknown class "secrets": want one of cert, payload, credential, pii, secret, error, log, input, response`}},
		{"sink problems", ".llmleak.toml", "[[sinks]]\nname = \"ok.sink\"\nkind = \"llm\"\n\n[[sinks]]\nname = \"not a name\"\nkind = \"db\"\nargs = [0, -1]\nkeywords = [\"a-b\"]\nwhen = 1\n",
			[]string{
				`.llmleak.toml:6: sinks[2].name: "not a name" is not a qualified Python name such as "ai.gateway.send"`,
				`.llmleak.toml:7: sinks[2].kind: unknown sink kind "db": want "llm" or "log"`,
				`.llmleak.toml:8: sinks[2].args: want an array of argument positions (0, 1, ...), got -1`,
				`.llmleak.toml:9: sinks[2].keywords: "a-b" is not a keyword argument name`,
				`.llmleak.toml:10: sinks[2].when: unknown key (want name, kind, args, keywords)`,
			}},
		{"missing sink name", ".llmleak.toml", "[[sinks]]\nkind = \"llm\"\n",
			[]string{`.llmleak.toml:1: sinks[1]: missing key "name"`}},
		{"sinks not tables", ".llmleak.toml", "sinks = [\"ai.send\"]\n",
			[]string{`.llmleak.toml:1: sinks: want an array of tables ([[sinks]]), got an array holding a string`}},
		{"sanitizer name", ".llmleak.toml", "sanitizers = [\"scrub()\"]\n",
			[]string{`.llmleak.toml:1: sanitizers: "scrub()" is not a qualified Python name such as "privacy.scrub"`}},
		{"syntax", ".llmleak.toml", "select = [\"LK1\"\nignore = 3\n",
			[]string{`.llmleak.toml:2: invalid TOML: `}},
		{"pyproject", "sub/pyproject.toml", "[tool.black]\nline-length = 100\n\n[tool.llmleak]\nselect = [\"LK1\"]\nsevrity = {}\n",
			[]string{`sub/pyproject.toml:6: tool.llmleak.sevrity: unknown key (did you mean "severity"?)`}},
		{"model rows", ".llmleak.toml", "[[models]]\nsink = \"ai.send\"\nkind = \"llm\"\n\n[[models]]\nsanitizer = \"scrub(\"\nremoves = [\"pii\", \"names\"]\n\n[[models]]\nlabel = \"x\"\n\n[[models]]\nsource = \"a.b\"\nclass = \"pii\"\nrole = \"user\"\n",
			[]string{
				`.llmleak.toml:6: models[2].sanitizer: "scrub(" is not a symbol: () stands for a call and holds nothing`,
				`.llmleak.toml:7: models[2].removes: unknown class "names" (want one of cert, payload, credential, pii, userid, secret, error, log, input, response, fwdcert, verify)`,
				`.llmleak.toml:9: models[3]: a row needs one of the keys sink, source, sanitizer, message, template, binds, calls, imports, signal, wraps, partial, type, lookup, propagator, alias, transparent, pipe, base, annotation, decorator`,
				`.llmleak.toml:15: models[4].role: unknown key for a source row (want source, class, result-type, on, if, shape, mapping, gathers)`,
			}},
		{"switch not a boolean", ".llmleak.toml", "include-tests = \"yes\"\n",
			[]string{`.llmleak.toml:1: include-tests: want true or false, got a string`}},
		{"pyproject nested", "pyproject.toml", "[tool.llmleak.severity]\nLK202 = \"loud\"\n",
			[]string{`pyproject.toml:2: tool.llmleak.severity.LK202: invalid level "loud": want "note", "warning" or "error"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Parse(c.path, []byte(c.src))
			if err == nil {
				t.Fatalf("no error; got %+v", f)
			}
			if f != nil {
				t.Errorf("a file came back with the error: %+v", f)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(c.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(lines), len(c.want), err)
			}
			for i, w := range c.want {
				if strings.HasSuffix(w, ": ") {
					if !strings.HasPrefix(lines[i], w) {
						t.Errorf("error %q does not start with %q", lines[i], w)
					}
				} else if lines[i] != w {
					t.Errorf("error\n got %q\nwant %q", lines[i], w)
				}
			}
		})
	}
}

func TestLoadDiscovery(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "repo", "backend", "apps")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(rel, s string) string {
		t.Helper()
		p := filepath.Join(root, rel)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	if f, p, err := Load(deep); f != nil || p != "" || err != nil {
		t.Fatalf("nothing to find: %+v %q %v", f, p, err)
	}

	// A pyproject.toml without [tool.llmleak] is passed over.
	write("repo/backend/pyproject.toml", "[tool.black]\nline-length = 99\n")
	top := write("repo/pyproject.toml", "[tool.llmleak]\nselect = [\"LK2\"]\n")
	f, p, err := Load(deep)
	if err != nil || p != top || strings.Join(f.Select, ",") != "LK2" {
		t.Fatalf("pyproject upward: %+v %q %v", f, p, err)
	}

	// .llmleak.toml wins over pyproject.toml in the same directory, and a
	// nearer file wins over a farther one.
	write("repo/.llmleak.toml", "select = [\"LK3\"]\n")
	near := write("repo/backend/.llmleak.toml", "select = [\"LK4\"]\n")
	if f, p, err := Load(deep); err != nil || p != near || strings.Join(f.Select, ",") != "LK4" {
		t.Fatalf("nearest: %+v %q %v", f, p, err)
	}
	os.Remove(near)
	if f, p, err := Load(deep); err != nil || p != filepath.Join(root, "repo", ".llmleak.toml") || strings.Join(f.Select, ",") != "LK3" {
		t.Fatalf(".llmleak.toml before pyproject.toml: %+v %q %v", f, p, err)
	}

	// A broken file stops the search with its error.
	write("repo/backend/.llmleak.toml", "select = 1\n")
	_, p, err = Load(deep)
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 || es[0].Line != 1 || es[0].Key != "select" || p != filepath.Join(root, "repo", "backend", ".llmleak.toml") {
		t.Fatalf("broken file: %q %v", p, err)
	}
}

func TestLoadFileErrors(t *testing.T) {
	_, err := LoadFile(filepath.Join(t.TempDir(), "missing.toml"))
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(err.Error(), "missing.toml: cannot read the configuration: ") {
		t.Errorf("missing file: %v", err)
	}
}

func TestScanKeys(t *testing.T) {
	src := "a = 1\n[t . \"x.y\"]\n'q' = \"\"\"\nb = 2\n\"\"\"\nc.d = 3\n[[s]]\ne = 4\n[[s]]\ne = 5\n"
	var got []string
	for _, kl := range scanKeys([]byte(src)) {
		got = append(got, strings.Join(kl.key, "/")+"@"+strings.Repeat("|", kl.line))
	}
	want := []string{"a@|", "t/x.y@||", "t/x.y/q@|||", "t/x.y/c/d@||||||", "s/#0@|||||||", "s/#0/e@||||||||", "s/#1@|||||||||", "s/#1/e@||||||||||"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

// TestReadmeExample keeps the configuration example in README.md valid.
func TestReadmeExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "```toml\n# .llmleak.toml\n")
	if !ok {
		t.Fatal("README.md has no ```toml block starting with # .llmleak.toml")
	}
	example, _, _ := strings.Cut(rest, "```")
	f, err := Parse(".llmleak.toml", []byte(example))
	if err != nil {
		t.Fatalf("the README example does not load:\n%v", err)
	}
	if len(f.Catalog.Sinks) != 2 || len(f.Catalog.Sources) != 1 || len(f.PerFileIgnores) != 2 || len(f.Severity) != 2 ||
		f.SeverityThreshold != finding.LevelWarning || len(f.Catalog.Sanitizers) != 2 || len(f.Catalog.PayloadDecorators) != 1 {
		t.Errorf("the README example lost keys: %+v", f)
	}
}
