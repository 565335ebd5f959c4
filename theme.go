// Package sitegen holds the default theme: the templates and assets that
// are built into the sitegen binary. Publishers override single files
// with `sitegen build -theme DIR`, where DIR has the same layout
// (templates/, assets/).
package sitegen

import "embed"

// Theme is the default theme.
//
//go:embed templates assets
var Theme embed.FS
