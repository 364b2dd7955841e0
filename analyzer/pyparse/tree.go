//go:build cgo

package pyparse

/*
#include <stdint.h>
#include <stdbool.h>

// These declarations mirror tree-sitter's api.h (the copy compiled into
// github.com/smacker/go-tree-sitter); the functions are linked from that
// package's C objects. Only the handful used by llmleak_flatten is declared.
typedef struct llmleak_TSTree llmleak_TSTree;
typedef struct {
	uint32_t context[4];
	const void *id;
	const llmleak_TSTree *tree;
} llmleak_TSNode;
typedef struct {
	const void *tree;
	const void *id;
	uint32_t context[3];
} llmleak_TSTreeCursor;
typedef struct {
	uint32_t row;
	uint32_t column;
} llmleak_TSPoint;

extern llmleak_TSTreeCursor ts_tree_cursor_new(llmleak_TSNode);
extern void ts_tree_cursor_delete(llmleak_TSTreeCursor *);
extern llmleak_TSNode ts_tree_cursor_current_node(const llmleak_TSTreeCursor *);
extern uint16_t ts_tree_cursor_current_field_id(const llmleak_TSTreeCursor *);
extern bool ts_tree_cursor_goto_first_child(llmleak_TSTreeCursor *);
extern bool ts_tree_cursor_goto_next_sibling(llmleak_TSTreeCursor *);
extern bool ts_tree_cursor_goto_parent(llmleak_TSTreeCursor *);
extern uint16_t ts_node_symbol(llmleak_TSNode);
extern uint32_t ts_node_start_byte(llmleak_TSNode);
extern uint32_t ts_node_end_byte(llmleak_TSNode);
extern llmleak_TSPoint ts_node_start_point(llmleak_TSNode);
extern llmleak_TSPoint ts_node_end_point(llmleak_TSNode);
extern bool ts_node_is_named(llmleak_TSNode);
extern bool ts_node_is_missing(llmleak_TSNode);
extern bool ts_node_is_extra(llmleak_TSNode);

enum {
	LLMLEAK_NAMED = 1,
	LLMLEAK_MISSING = 2,
	LLMLEAK_EXTRA = 4,
};

// llmleak_node is one syntax node in pre-order; the Go side rebuilds the
// tree shape from depth.
typedef struct {
	uint32_t start, end;
	uint32_t srow, scol, erow, ecol;
	uint32_t depth;
	uint16_t sym, field;
	uint32_t flags;
} llmleak_node;

// llmleak_flatten writes the whole tree under root into out (at most cap
// nodes) and returns the number of nodes, so that a short buffer can be
// grown and the call repeated. It walks with a cursor, without recursion.
static uint32_t llmleak_flatten(llmleak_TSNode root, llmleak_node *out, uint32_t cap) {
	llmleak_TSTreeCursor c = ts_tree_cursor_new(root);
	uint32_t n = 0, depth = 0;
	for (;;) {
		if (n < cap) {
			llmleak_TSNode node = ts_tree_cursor_current_node(&c);
			llmleak_node *o = &out[n];
			llmleak_TSPoint sp = ts_node_start_point(node);
			llmleak_TSPoint ep = ts_node_end_point(node);
			o->start = ts_node_start_byte(node);
			o->end = ts_node_end_byte(node);
			o->srow = sp.row;
			o->scol = sp.column;
			o->erow = ep.row;
			o->ecol = ep.column;
			o->depth = depth;
			o->sym = ts_node_symbol(node);
			o->field = ts_tree_cursor_current_field_id(&c);
			o->flags = (ts_node_is_named(node) ? LLMLEAK_NAMED : 0) |
				(ts_node_is_missing(node) ? LLMLEAK_MISSING : 0) |
				(ts_node_is_extra(node) ? LLMLEAK_EXTRA : 0);
		}
		n++;
		if (ts_tree_cursor_goto_first_child(&c)) {
			depth++;
			continue;
		}
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (depth == 0 || !ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				return n;
			}
			depth--;
		}
	}
}

static uint16_t llmleak_root_symbol(llmleak_TSNode root) { return ts_node_symbol(root); }
static uint32_t llmleak_root_end(llmleak_TSNode root) { return ts_node_end_byte(root); }
*/
import "C"

import (
	"errors"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// Node flags, as written by llmleak_flatten.
const (
	flagNamed   = 1
	flagMissing = 2
	flagExtra   = 4
)

// symError is tree-sitter's builtin symbol for ERROR nodes.
const symError = 0xFFFF

// tnode is the Go twin of the C llmleak_node: one syntax node of the flat
// pre-order tree. Byte offsets index the source; rows and columns are
// tree-sitter's (0-based, columns in bytes).
type tnode struct {
	start, end             uint32
	srow, scol, erow, ecol uint32
	depth                  uint32
	sym, field             uint16
	flags                  uint32
}

func init() {
	if unsafe.Sizeof(tnode{}) != C.sizeof_llmleak_node {
		panic("pyparse: tnode does not match llmleak_node")
	}
	if unsafe.Sizeof(sitter.Node{}) < C.sizeof_llmleak_TSNode {
		panic("pyparse: sitter.Node is smaller than TSNode")
	}
}

var errLayout = errors.New("pyparse: go-tree-sitter node layout is not the expected one (TSNode first)")

// flatten copies the tree under root into buf (grown as needed) with a
// single cgo call per attempt: walking the tree node by node through the Go
// binding costs as much as parsing, because each step is a cgo call plus an
// allocation in the binding's node cache.
//
// It relies on sitter.Node starting with the C TSNode value, which holds
// for the pinned go-tree-sitter version; the root symbol and end byte are
// cross-checked through the binding's own API so that a layout change is
// reported as an error instead of read as garbage.
func flatten(root *sitter.Node, buf []tnode) ([]tnode, error) {
	cn := *(*C.llmleak_TSNode)(unsafe.Pointer(root))
	if uint16(C.llmleak_root_symbol(cn)) != uint16(root.Symbol()) ||
		uint32(C.llmleak_root_end(cn)) != root.EndByte() {
		return buf, errLayout
	}
	if cap(buf) < 64 {
		buf = make([]tnode, 1024)
	}
	buf = buf[:cap(buf)]
	for {
		n := int(C.llmleak_flatten(cn, (*C.llmleak_node)(unsafe.Pointer(&buf[0])), C.uint32_t(len(buf))))
		if n <= len(buf) {
			return buf[:n], nil
		}
		buf = make([]tnode, n+n/8)
	}
}
