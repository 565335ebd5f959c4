//go:build !unix

package output

import "os"

// canRecycle says whether a previous site may be written over (see
// Dir.recycle): not here, where a file's links cannot be counted.
const canRecycle = false

const noFollow = 0

func links(os.FileInfo) uint64 { return 0 }
