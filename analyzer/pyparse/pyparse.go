//go:build cgo

// Package pyparse turns a Python source file into llmleak's IR
// (analyzer/ir): it parses with tree-sitter, copies the tree out in one
// pass, closes the tree, and builds the IR in pure Go.
//
// It is the only package of the project that imports tree-sitter
// (github.com/smacker/go-tree-sitter and its python grammar); everything
// downstream works on ir.Module alone. It must not import other llmleak
// packages than analyzer/ir.
//
// Speed: walking a tree through the Go binding costs a cgo call per step
// and an allocation per node, about as much as the parse itself. So a small
// C function (tree.go) copies the whole tree into a flat Go slice in one
// call, and the conversion then runs on that slice without cgo. Building
// the IR costs roughly a quarter of the parse time (see the benchmarks).
//
// Conversion choices the IR leaves open:
//   - Function.Span is the def itself (from "def" or "async"); the FuncDef
//     statement's span also covers the decorators. The same holds for
//     classes.
//   - A def anywhere in a class body (also under if/try) is a method: it has
//     Class set and is listed in Class.Methods. Outer of a method is the
//     function enclosing the class, if any, as Python's scoping skips class
//     bodies. A lambda at class level has neither Class nor a method entry.
//   - A lambda's QualName is "<lambda>@LINE" prefixed by the enclosing
//     function or class qualified name ("f.<lambda>@3", "C.<lambda>@7"),
//     bare at module level.
//   - In an FString, Text has one "{}" per interpolation; the expressions
//     of a nested format spec ("{x:>{width}}") are Parts after the
//     interpolated one, without a "{}" of their own. "{x=}" keeps "x=" in
//     Text. Doubled braces are undoubled.
//   - Annotations of assignments ("a: T = v", "a: T") are the Assign's
//     Annotation.
//   - "print x" (Python 2) is a Call to print; "print >>f, x" passes f as
//     keyword "file". "exec code in g" is a Call to exec.
//   - Match patterns: captures and wildcards are Names, class patterns
//     Calls with keyword Args, "P as n" a NamedExpr, "A | B" a BinOp "|",
//     sequences Seq, mappings Dict (nil key for "**rest").
//   - Directives: "# noqa: X, Y" keeps every code, upper-cased (LK101 and
//     E501 alike); consumers filter on their own rule ids. A directive is
//     found after any "#" of a comment, so "# type: ignore  # noqa" counts.
package pyparse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/llmleak/llmleak/analyzer/ir"
)

// maxDepth bounds the converter's recursion; deeper subtrees become
// ir.Unknown holding the names found inside them.
const maxDepth = 400

// maxSyntaxErrors caps Module.SyntaxErrors.
const maxSyntaxErrors = 20

// Parser is one tree-sitter parser; not safe for concurrent use (one per
// worker goroutine).
type Parser struct {
	ts *sitter.Parser
	// Buffers reused from file to file.
	nodes []tnode
	ends  []int32
	kinds []kind
	stack []int32
}

// New returns a parser for Python.
func New() *Parser {
	ts := sitter.NewParser()
	ts.SetLanguage(language)
	return &Parser{ts: ts}
}

// Close releases the C parser.
func (p *Parser) Close() {
	if p.ts != nil {
		p.ts.Close()
		p.ts = nil
	}
}

// ParseOnly parses and closes the tree without building IR: the benchmark
// baseline.
func (p *Parser) ParseOnly(src []byte) error {
	if p.ts == nil {
		return errors.New("pyparse: parser is closed")
	}
	tree, err := p.ts.ParseCtx(context.Background(), nil, src)
	if err != nil {
		return fmt.Errorf("pyparse: %w", err)
	}
	if tree == nil {
		return errors.New("pyparse: tree-sitter built no tree")
	}
	tree.Close()
	return nil
}

// Parse builds the IR of one file. path is stored in Module.Path as given.
// It never panics: syntax errors are recovered as far as tree-sitter goes
// and listed in Module.SyntaxErrors; an error is returned only if no tree
// could be built at all.
func (p *Parser) Parse(filePath string, src []byte) (mod *ir.Module, err error) {
	defer func() {
		if r := recover(); r != nil {
			mod = nil
			err = fmt.Errorf("pyparse: %s: internal error while building the IR: %v", filePath, r)
		}
	}()
	if p.ts == nil {
		return nil, errors.New("pyparse: parser is closed")
	}
	tree, err := p.ts.ParseCtx(context.Background(), nil, src)
	if err != nil {
		return nil, fmt.Errorf("pyparse: %s: %w", filePath, err)
	}
	if tree == nil {
		return nil, fmt.Errorf("pyparse: %s: tree-sitter built no tree", filePath)
	}
	root := tree.RootNode()
	if root == nil {
		tree.Close()
		return nil, fmt.Errorf("pyparse: %s: tree-sitter built an empty tree", filePath)
	}
	p.nodes, err = flatten(root, p.nodes)
	tree.Close()
	if err != nil {
		return nil, err
	}
	p.index()

	mod = &ir.Module{
		Path:      filePath,
		IsPackage: path.Base(filePath) == "__init__.py",
		Lines:     countLines(src),
	}
	c := &conv{
		src:      src,
		text:     string(src),
		n:        p.nodes,
		end:      p.ends,
		k:        p.kinds,
		mod:      mod,
		nonASCII: hasNonASCII(src),
	}
	c.module()
	return mod, nil
}

// index computes, for the flat pre-order nodes, the kind of each node and
// the index just past its subtree (so children are i+1, ends[i+1], ...).
func (p *Parser) index() {
	n := len(p.nodes)
	if cap(p.ends) < n {
		p.ends = make([]int32, n+n/8)
		p.kinds = make([]kind, n+n/8)
	}
	p.ends = p.ends[:n]
	p.kinds = p.kinds[:n]
	st := p.stack[:0]
	for i := range p.nodes {
		nd := &p.nodes[i]
		p.kinds[i] = kindOf(nd.sym)
		for len(st) > 0 && p.nodes[st[len(st)-1]].depth >= nd.depth {
			p.ends[st[len(st)-1]] = int32(i)
			st = st[:len(st)-1]
		}
		st = append(st, int32(i))
	}
	for _, j := range st {
		p.ends[j] = int32(n)
	}
	p.stack = st[:0]
}

func countLines(src []byte) int {
	if len(src) == 0 {
		return 0
	}
	n := bytes.Count(src, []byte{'\n'})
	if src[len(src)-1] != '\n' {
		n++
	}
	return n
}

func hasNonASCII(src []byte) bool {
	for _, b := range src {
		if b >= 0x80 {
			return true
		}
	}
	return false
}
