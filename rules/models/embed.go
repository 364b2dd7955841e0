// Package models holds llmleak's built-in library models: one TOML file
// per library, embedded in the binary. The schema is package model's.
package models

import "embed"

// FS holds the model files (*.toml).
//
//go:embed *.toml
var FS embed.FS
