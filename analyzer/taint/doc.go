// Package taint is llmleak's taint engine. It works on the IR of a whole
// project, indexed by package resolve, and on the library models of
// rules/models: it computes function summaries to a fixpoint (which parameters reach the return
// value, which reach a sink, which sources are returned) and reports every
// flow of sensitive data into an LLM or log call at its join point.
//
// It must not import tree-sitter, the parser, or any output format.
package taint

import "github.com/llmleak/llmleak/analyzer/resolve"

// The project the engine analyzes is indexed by package resolve.
type (
	Project    = resolve.Project
	ModInfo    = resolve.ModInfo
	FuncInfo   = resolve.FuncInfo
	ClassInfo  = resolve.ClassInfo
	ModuleSpec = resolve.ModuleSpec
)

// NewProject indexes the modules. Modules must have Name set.
func NewProject(specs []ModuleSpec) *Project { return resolve.NewProject(specs) }
