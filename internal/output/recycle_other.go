//go:build !unix

package output

import "errors"

// canRecycle says whether a previous site may be written over (see
// Dir.recycle): not here, where a file's links cannot be counted.
const canRecycle = false

// rewrite is never called where sites are not recycled.
func rewrite(p string, data []byte) error {
	return errors.New("a site cannot be written over on this system")
}
