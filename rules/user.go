package rules

import "github.com/llmleak/llmleak/rules/model"

// UserCatalog is what a project adds to the catalog in its configuration:
// its own sources, sinks (an LLM wrapper or a log helper) and sanitizers
// (a redaction helper), each named by its qualified name as the project
// imports it ("ai.gateway.send", "privacy.scrub").
type UserCatalog struct {
	Sources    []UserSource
	Sinks      []UserSink
	Sanitizers []string
	// PayloadDecorators name view decorators that fill parameters from the
	// request body; those parameters are request payload.
	PayloadDecorators []string
	// Models are rows of the model schema (package model) written in the
	// configuration's [[models]] tables.
	Models []*model.Row
}

// UserSource declares a function whose return value (or an attribute
// whose value) is sensitive data of a class.
type UserSource struct {
	Name  string
	Class Class
}

// UserSink declares a function that sends its arguments to a model
// (Kind SinkLLM) or a log (SinkLog). Positions (0-based) and Keywords
// select the arguments that carry data; both empty means every argument.
type UserSink struct {
	Name      string
	Kind      SinkKind
	Positions []int
	Keywords  []string
}

// ParseClass reads a class name as written in configuration.
func ParseClass(s string) (Class, bool) {
	switch c := Class(s); c {
	case ClassCert, ClassPayload, ClassCredential, ClassPII, ClassSecret, ClassError, ClassLog, ClassInput, ClassResponse:
		return c, true
	}
	return "", false
}

// ParseSinkKind reads "llm" or "log".
func ParseSinkKind(s string) (SinkKind, bool) {
	switch s {
	case "llm":
		return SinkLLM, true
	case "log":
		return SinkLog, true
	}
	return 0, false
}
