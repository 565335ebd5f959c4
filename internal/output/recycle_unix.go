//go:build unix

package output

import (
	"os"
	"syscall"
)

// canRecycle says whether a previous site may be written over (see
// Dir.recycle): only where a file's links can be counted and a symbolic
// link refused when opening.
const canRecycle = true

const noFollow = syscall.O_NOFOLLOW

// links is how many names the file has.
func links(st os.FileInfo) uint64 {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(sys.Nlink)
	}
	return 0
}
