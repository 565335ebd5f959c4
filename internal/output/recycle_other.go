//go:build !unix

package output

import (
	"errors"
	"os"
)

// canRecycle says whether a previous site may be written over (see
// Dir.recycle): not here, where a file's links cannot be counted.
const canRecycle = false

var errNoRecycling = errors.New("a site cannot be written over on this system")

// unchanged, touch and rewrite are never called where sites are not
// recycled.
func unchanged(p string, e entry) bool             { return false }
func touch(p string) (int64, error)                { return 0, errNoRecycling }
func rewrite(p string, data []byte) (int64, error) { return 0, errNoRecycling }
func dirMode(p string, st os.FileInfo) error       { return errNoRecycling }
