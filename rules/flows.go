package rules

import (
	"fmt"
	"strings"
)

// FlowRule says which rule a flow breaks: data of Class reaching a sink
// of kind Sink (in the part of a prompt Role names, when Roles is set).
// Message is the finding's message: {What} is the class described,
// {Src} the source (with a count of further sources), {Sink} the sink.
type FlowRule struct {
	Sink    SinkKind
	Class   Class
	Roles   []ArgRole // nil: any role
	Rule    string
	Message string
}

// flowRules is the one table of which rule a flow breaks (like a Pysa
// taint.config's rules): sink kind × class × role → rule and message.
var flowRules = []FlowRule{
	{Sink: SinkLLM, Class: ClassCert, Rule: "LK101", Message: "{What} {Src} reaches the prompt of {Sink}"},
	{Sink: SinkLLM, Class: ClassPayload, Rule: "LK102", Message: "{What} {Src} reaches the prompt of {Sink}"},
	{Sink: SinkLLM, Class: ClassCredential, Rule: "LK103", Message: "{What} {Src} reaches the prompt of {Sink}"},
	{Sink: SinkLLM, Class: ClassPII, Rule: "LK104", Message: "{What} {Src} reaches the prompt of {Sink}"},
	{Sink: SinkLLM, Class: ClassUserID, Rule: "LK104", Message: "{What} {Src} reaches the prompt of {Sink}"},
	{Sink: SinkLLM, Class: ClassSecret, Rule: "LK105", Message: "{What} {Src} reaches the prompt of {Sink}"},
	{Sink: SinkLLM, Class: ClassError, Rule: "LK106", Message: "{What} {Src} reaches the prompt of {Sink}"},
	{Sink: SinkLLM, Class: ClassLog, Rule: "LK107", Message: "{What} {Src} reach the prompt of {Sink}"},
	{Sink: SinkLLM, Class: ClassInput, Roles: []ArgRole{RoleSystem}, Rule: "LK108", Message: "request input {Src} is placed in the system role of {Sink}"},
	{Sink: SinkLLM, Class: ClassInput, Rule: "LK109", Message: "request content {Src} is sent to {Sink}"},
	{Sink: SinkLog, Class: ClassCert, Rule: "LK201", Message: "{What} {Src} is written to a log by {Sink}"},
	{Sink: SinkLog, Class: ClassPayload, Rule: "LK201", Message: "{What} {Src} is written to a log by {Sink}"},
	{Sink: SinkLog, Class: ClassCredential, Rule: "LK201", Message: "{What} {Src} is written to a log by {Sink}"},
	{Sink: SinkLog, Class: ClassSecret, Rule: "LK201", Message: "{What} {Src} is written to a log by {Sink}"},
	// Personal data in a log is a note, off by default; the acting user's
	// own identifier (ClassUserID) is never a log finding: audit lines
	// need it.
	{Sink: SinkLog, Class: ClassPII, Rule: "LK203", Message: "{What} {Src} is written to a log by {Sink}"},
	{Sink: SinkLog, Class: ClassResponse, Rule: "LK202", Message: "model response {Src} is written to a log by {Sink}"},
	{Sink: SinkLog, Class: ClassPrompt, Rule: "LK202", Message: "prompt {Src} is written to a log by {Sink}"},
	{Sink: SinkOutput, Class: ClassResponse, Rule: "LK301", Message: "model output {Src} reaches {Sink} unescaped"},
	// One argument of a tool call is model output where code runs it, but
	// a part of the response, not the response, in a log.
	{Sink: SinkOutput, Class: ClassToolArg, Rule: "LK301", Message: "model output {Src} reaches {Sink} unescaped"},
	{Sink: SinkDecision, Class: ClassFwdCert, Rule: "LK401", Message: "forwarded client-certificate header {Src} decides access ({Sink}) with no check of the proxy's verification result before it"},
}

// FlowRules returns the table.
func FlowRules() []FlowRule { return flowRules }

// RulesFor returns the rules that data of class c breaks when it reaches
// a sink of kind k in role r, in table order.
func RulesFor(k SinkKind, c Class, r ArgRole) []string {
	var out []string
	for _, fr := range flowRules {
		if fr.Sink == k && fr.Class == c && fr.matchesRole(r) {
			out = append(out, fr.Rule)
		}
	}
	return out
}

func (fr FlowRule) matchesRole(r ArgRole) bool {
	if fr.Roles == nil {
		return true
	}
	for _, x := range fr.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// FlowMessage is the message of a finding of rule whose first flow is of
// class c from source src, reaching sink; more counts the other sources.
func FlowMessage(rule string, c Class, src string, more int, sink string) string {
	msg := ""
	for _, fr := range flowRules {
		if fr.Rule == rule && (msg == "" || fr.Class == c) {
			msg = fr.Message
			if fr.Class == c {
				break
			}
		}
	}
	if msg == "" {
		msg = "{What} {Src} reaches {Sink}"
	}
	s := "`" + src + "`"
	if more > 0 {
		s += fmt.Sprintf(" (and %d more source", more)
		if more > 1 {
			s += "s"
		}
		s += ")"
	}
	// Every message starts with a capital, in every format.
	return upperFirst(strings.NewReplacer("{What}", c.Describe(), "{Src}", s, "{Sink}", sink).Replace(msg))
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
