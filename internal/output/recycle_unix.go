//go:build unix

package output

import (
	"bytes"
	"os"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// canRecycle says whether a previous site may be written over (see
// Dir.recycle): only where a file's links can be counted and a symbolic
// link refused when opening.
const canRecycle = true

// rewrite makes the file at p of a recycled site hold data, only
// touching its time when it already does. A file linked from elsewhere (a
// snapshot made with cp -l, say) is replaced, never written through, and
// so is anything that is not a plain file. As writeFile does, it calls
// the system directly: through os.OpenFile, a rebuild made five more
// calls for every file it kept (see writeFile).
func rewrite(p string, data []byte) error {
	fd, err := open(p, unix.O_RDWR|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		if err != unix.ENOENT {
			os.RemoveAll(p)
		}
		return writeFile(p, data)
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Nlink != 1 {
		unix.Close(fd)
		os.RemoveAll(p)
		return writeFile(p, data)
	}
	if st.Size == int64(len(data)) && holds(fd, data) {
		if err := unix.Close(fd); err != nil {
			return &os.PathError{Op: "close", Path: p, Err: err}
		}
		// the time it was written two builds ago could be older than
		// the time of the page it replaces, which a cache asking "modified
		// since?" would take for no change
		now := time.Now()
		return os.Chtimes(p, now, now)
	}
	op := "write"
	err = pwrite(fd, data)
	if err == nil {
		op = "truncate"
		err = unix.Ftruncate(fd, int64(len(data)))
	}
	if cerr := unix.Close(fd); err == nil && cerr != nil {
		op, err = "close", cerr
	}
	if err != nil {
		return &os.PathError{Op: op, Path: p, Err: err}
	}
	return nil
}

// chunks are the buffers rewrite reads files into.
var chunks = sync.Pool{New: func() any { return new([64 << 10]byte) }}

// holds reports whether the file fd, of len(data) bytes, holds data.
func holds(fd int, data []byte) bool {
	buf := chunks.Get().(*[64 << 10]byte)
	defer chunks.Put(buf)
	for off := 0; off < len(data); {
		n, err := unix.Pread(fd, buf[:min(len(buf), len(data)-off)], int64(off))
		if err == unix.EINTR {
			continue
		}
		if err != nil || n <= 0 || !bytes.Equal(buf[:n], data[off:off+n]) {
			return false
		}
		off += n
	}
	return true
}

// pwrite writes data at the start of the file fd.
func pwrite(fd int, data []byte) error {
	for off := 0; off < len(data); {
		n, err := unix.Pwrite(fd, data[off:], int64(off))
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		if n <= 0 {
			return unix.EIO // a regular file takes at least one byte or fails
		}
		off += n
	}
	return nil
}
