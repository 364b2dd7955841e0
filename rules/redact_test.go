package rules

import (
	"strings"
	"testing"
)

// TestRedactTokens: a key is cut wherever it stands in printed text.
func TestRedactTokens(t *testing.T) {
	key := "sk-proj-Q7vN2mLp9XcR4tYb8WzK1sDf6GhJ3aEu"
	for _, text := range []string{
		`f"Authorization: Bearer {x} {'` + key + `'}"`,
		`log.info("using key ` + key + ` for %s", user)`,
		`Authorization: Bearer ` + key,
		`x = 1  # old key: ` + key,
		`llmleak: ignore[LK105] rotated, was ` + key,
	} {
		got := RedactTokens(text)
		if strings.Contains(got, key[8:]) {
			t.Errorf("%q: key printed whole: %q", text, got)
		}
		if !strings.Contains(got, key[:6]+"…") {
			t.Errorf("%q: want the key's prefix %q…, got %q", text, key[:6], got)
		}
	}
	bearer := "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123"
	if got := RedactTokens(bearer); strings.Contains(got, "eyJzdWIiOiIxIn0") {
		t.Errorf("bearer token printed whole: %q", got)
	}
	for _, keep := range []string{
		"sk-xxxxxxxxxxxxxxxxxxxxxxxx",
		"the task-name callee of a calls row",
		"Bearer token expected",
		"AKIAIOSFODNN7EXAMPL",
	} {
		if got := RedactTokens(keep); got != keep {
			t.Errorf("%q changed to %q", keep, got)
		}
	}
}
