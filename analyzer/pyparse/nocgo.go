//go:build !cgo

package pyparse

// llmleak parses Python with tree-sitter, a C library, so it is built with
// cgo: install a C compiler (gcc or clang; Debian and Ubuntu: apt install
// gcc, macOS: xcode-select --install) and build with CGO_ENABLED=1 (the
// default when a compiler is found). This file only stops a build without
// cgo with an error that says so.
var _ = llmleak_needs_cgo__install_a_C_compiler_gcc_or_clang_and_build_with_CGO_ENABLED_1
