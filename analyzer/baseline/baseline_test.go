package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/llmleak/llmleak/analyzer/finding"
)

func fnd(rule, path, fp string) *finding.Finding {
	return &finding.Finding{Rule: rule, Level: finding.LevelError, Message: rule + " in " + path, Location: finding.Location{Path: path, Line: 3}, Function: "m.f", Fingerprint: fp}
}

func TestNewIsSortedAndSkipsInline(t *testing.T) {
	inline := fnd("LK104", "a.py", "f3")
	inline.Suppressed, inline.SuppressionKind = true, "inSource"
	ext := fnd("LK105", "a.py", "f4")
	ext.Suppressed, ext.SuppressionKind = true, "external"
	b := New([]*finding.Finding{fnd("LK201", "b.py", "f1"), fnd("LK101", "b.py", "f2"), inline, ext, fnd("LK101", "a.py", "f0")})
	var got []string
	for _, e := range b.Entries {
		got = append(got, e.Path+":"+e.Rule+":"+e.Fingerprint)
	}
	if want := "a.py:LK101:f0 a.py:LK105:f4 b.py:LK101:f2 b.py:LK201:f1"; strings.Join(got, " ") != want {
		t.Errorf("entries %v, want %s", got, want)
	}
}

func TestMarshalRoundTripAndGolden(t *testing.T) {
	b := New([]*finding.Finding{fnd("LK101", "shop/views.py", "0123456789abcdef0123456789abcdef")})
	data := b.Marshal()
	want := `{
  "tool": "llmleak",
  "baseline_version": 1,
  "fingerprint_version": "llmleak/v1",
  "entries": [
    {
      "fingerprint": "0123456789abcdef0123456789abcdef",
      "rule": "LK101",
      "path": "shop/views.py",
      "function": "m.f",
      "message": "LK101 in shop/views.py"
    }
  ]
}
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
	back, err := Parse("b.json", data)
	if err != nil || len(back.Entries) != 1 || back.Entries[0] != b.Entries[0] {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	if !bytes.Equal(back.Marshal(), data) {
		t.Error("marshal is not deterministic")
	}
	if empty := (&Baseline{}).Marshal(); !bytes.Contains(empty, []byte(`"entries": []`)) {
		t.Errorf("empty baseline: %s", empty)
	}
}

func TestApply(t *testing.T) {
	b := &Baseline{Entries: []Entry{
		{Fingerprint: "dup", Path: "a.py"},
		{Fingerprint: "dup", Path: "a.py"},
		{Fingerprint: "kept", Path: "a.py"},
		{Fingerprint: "gone", Path: "a.py"},
		{Fingerprint: "elsewhere", Path: "other.py"},
	}}
	inline := fnd("LK101", "a.py", "kept")
	inline.Suppressed, inline.SuppressionKind, inline.SuppressionReason = true, "inSource", "why"
	fs := []*finding.Finding{fnd("LK101", "a.py", "dup"), fnd("LK101", "a.py", "dup"), fnd("LK101", "a.py", "dup"), inline, fnd("LK102", "a.py", "new")}
	stale := b.Apply(fs, func(p string) bool { return p == "a.py" })
	if stale != 1 {
		t.Errorf("stale %d, want 1 (gone; other.py is out of scope)", stale)
	}
	for i, want := range []bool{true, true, false, true, false} {
		if fs[i].Suppressed != want {
			t.Errorf("finding %d suppressed=%v, want %v", i, fs[i].Suppressed, want)
		}
	}
	if fs[0].SuppressionKind != "external" || fs[0].SuppressionReason != Reason {
		t.Errorf("baselined finding: %+v", fs[0])
	}
	if fs[3].SuppressionKind != "inSource" || fs[3].SuppressionReason != "why" {
		t.Errorf("inline suppression overwritten: %+v", fs[3])
	}
	if got := b.Apply(nil, nil); got != 5 {
		t.Errorf("no findings, no scope: stale %d, want 5", got)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"not json":     "{\n  \"tool\": \"llmleak\",\n  oops\n}",
		"other tool":   `{"tool": "semgrep", "baseline_version": 1, "fingerprint_version": "llmleak/v1", "entries": []}`,
		"version":      `{"tool": "llmleak", "baseline_version": 9, "fingerprint_version": "llmleak/v1", "entries": []}`,
		"fingerprints": `{"tool": "llmleak", "baseline_version": 1, "fingerprint_version": "llmleak/v0", "entries": []}`,
		"unknown key":  `{"tool": "llmleak", "baseline_version": 1, "fingerprint_version": "llmleak/v1", "entries": [], "extra": 1}`,
		"wrong type":   "{\"tool\": \"llmleak\",\n\"baseline_version\": \"1\"}",
		"empty entry":  `{"tool": "llmleak", "baseline_version": 1, "fingerprint_version": "llmleak/v1", "entries": [{"rule": "LK101"}]}`,
	}
	wants := map[string]string{
		"not json":     "base.json:3: not a baseline file: invalid character 'o'",
		"other tool":   `base.json: not an llmleak baseline (tool "semgrep")`,
		"version":      "base.json: baseline_version 9 is not supported",
		"fingerprints": `base.json: fingerprints are "llmleak/v0"`,
		"unknown key":  `base.json: not a baseline file: json: unknown field "extra"`,
		"wrong type":   "base.json:2: not a baseline file: baseline_version holds string, want int",
		"empty entry":  "base.json: entry 1 has no fingerprint",
	}
	for name, src := range cases {
		p := filepath.Join(dir, "base.json")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(p)
		if err == nil || !strings.Contains(err.Error(), strings.Replace(wants[name], "base.json", p, 1)) {
			t.Errorf("%s: error %v, want %q", name, err, wants[name])
		}
	}
	if _, err := Read(filepath.Join(dir, "none.json")); err == nil || !strings.Contains(err.Error(), "none.json: cannot read the baseline: ") {
		t.Errorf("missing file: %v", err)
	}
}
