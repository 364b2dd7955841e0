package rules

import (
	"strings"
	"testing"
)

func TestSecrets(t *testing.T) {
	for _, s := range []string{"sk-proj-9fK2mQ7xLp3vRt8wZy1B", "AKIAIOSFODNN7EXAMPLE"} {
		if !IsSecretLiteral(s) {
			t.Errorf("IsSecretLiteral(%q) = false", s)
		}
	}
	for _, s := range []string{"sk-xxxxxxxxxxxxxxxxxxxxxxxx", "sk-your-key-goes-here-please", "sk-short", "not a key at all, just text"} {
		if IsSecretLiteral(s) {
			t.Errorf("IsSecretLiteral(%q) = true", s)
		}
	}
	if got := Redact("sk-proj-9fK2mQ7xLp3vRt8wZy1B"); got != "sk-pro…" {
		t.Errorf("Redact = %q", got)
	}
}

func TestRulesFor(t *testing.T) {
	cases := []struct {
		kind  SinkKind
		class Class
		role  ArgRole
		want  string
	}{
		{SinkLLM, ClassCert, RolePrompt, "LK101"},
		{SinkLLM, ClassInput, RolePrompt, "LK109"},
		{SinkLLM, ClassInput, RoleSystem, "LK108,LK109"},
		{SinkLLM, ClassResponse, RolePrompt, ""},
		{SinkLog, ClassPII, RolePrompt, "LK203"},
		{SinkLog, ClassUserID, RolePrompt, ""},
		{SinkLLM, ClassUserID, RolePrompt, "LK104"},
		{SinkLog, ClassError, RolePrompt, ""},
		{SinkLog, ClassResponse, RolePrompt, "LK202"},
		{SinkOutput, ClassResponse, RolePrompt, "LK301"},
		{SinkOutput, ClassPayload, RolePrompt, ""},
		{SinkDecision, ClassFwdCert, RolePrompt, "LK401"},
		{SinkDecision, ClassCert, RolePrompt, ""},
	}
	for _, c := range cases {
		if got := strings.Join(RulesFor(c.kind, c.class, c.role), ","); got != c.want {
			t.Errorf("RulesFor(%d, %s, %d) = %q, want %q", c.kind, c.class, c.role, got, c.want)
		}
	}
}

func TestFlowMessage(t *testing.T) {
	cases := []struct {
		rule  string
		class Class
		more  int
		want  string
	}{
		{"LK101", ClassCert, 0, "Client-certificate identity `x` reaches the prompt of S"},
		{"LK107", ClassLog, 2, "Log contents `x` (and 2 more sources) reach the prompt of S"},
		{"LK108", ClassInput, 1, "Request input `x` (and 1 more source) is placed in the system role of S"},
		{"LK202", ClassPrompt, 0, "Prompt `x` is written to a log by S"},
		{"LK202", ClassResponse, 0, "Model response `x` is written to a log by S"},
	}
	for _, c := range cases {
		if got := FlowMessage(c.rule, c.class, "x", c.more, "S"); got != c.want {
			t.Errorf("FlowMessage(%s, %s) = %q, want %q", c.rule, c.class, got, c.want)
		}
	}
}
