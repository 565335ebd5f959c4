//go:build unix

package output

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// canRecycle says whether a previous site may be written over (see
// Dir.recycle): only where a file's links can be counted and a symbolic
// link refused when opening.
const canRecycle = true

// unchanged reports whether the file at p of a recycled site is still
// the one its inventory lists as e: a plain file of one link, of e's
// size and stamp. Anything that wrote to it, replaced it or linked it
// since changed its stamp.
func unchanged(p string, e entry) bool {
	var st unix.Stat_t
	if err := unix.Lstat(p, &st); err != nil {
		return false
	}
	return st.Mode&unix.S_IFMT == unix.S_IFREG && st.Nlink == 1 && st.Size == e.size && st.Ctim.Nano() == e.stamp
}

// modes are the modes a clean build gives the files and directories it
// creates: 0644 and 0755, less the process's umask. A rebuild sets them
// on what it keeps from the site it writes over, so that it equals a
// clean build in mode as in bytes.
var modes = sync.OnceValue(func() struct{ file, dir uint32 } {
	mask := umask()
	return struct{ file, dir uint32 }{0o644 &^ mask, 0o755 &^ mask}
})

// umask is the process's file mode creation mask. Linux says it in
// /proc; elsewhere it is read by setting it, and set back at once.
func umask() uint32 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "Umask:"); ok {
				if m, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return uint32(m)
				}
			}
		}
	}
	m := unix.Umask(0o022)
	unix.Umask(m)
	return uint32(m)
}

// dirMode makes the existing directory p of a recycled site have the
// mode a clean build gives it, when st says it has another.
func dirMode(p string, st os.FileInfo) error {
	if uint32(st.Mode().Perm()) == modes().dir && st.Mode()&(os.ModeSetuid|os.ModeSetgid|os.ModeSticky) == 0 {
		return nil
	}
	return os.Chmod(p, os.FileMode(modes().dir))
}

// touch gives the file at p, found unchanged, this moment's time, and
// returns its new stamp.
func touch(p string) (int64, error) {
	now := time.Now()
	if err := os.Chtimes(p, now, now); err != nil {
		return 0, err
	}
	var st unix.Stat_t
	if err := unix.Lstat(p, &st); err != nil {
		return 0, &os.PathError{Op: "lstat", Path: p, Err: err}
	}
	return st.Ctim.Nano(), nil
}

// rewrite makes the file at p of a recycled site hold data, writing it
// in place and returning its stamp. A file linked from elsewhere (a
// snapshot made with cp -l, say) is replaced, never written through, and
// so is anything that is not a plain file. As writeFile does, it calls
// the system directly: through os.OpenFile, a rebuild made five more
// calls for every file.
func rewrite(p string, data []byte) (int64, error) {
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
	op := "write"
	if mode := modes().file; st.Mode&0o7777 != mode {
		// chmod by hand, which changed its stamp: a clean build
		// would create it with this mode
		op, err = "chmod", unix.Fchmod(fd, mode)
	}
	if err == nil {
		op = "write"
		err = pwrite(fd, data)
	}
	if err == nil {
		op = "truncate"
		err = unix.Ftruncate(fd, int64(len(data)))
	}
	if err == nil {
		op = "stat"
		err = unix.Fstat(fd, &st)
	}
	if cerr := unix.Close(fd); err == nil && cerr != nil {
		op, err = "close", cerr
	}
	if err != nil {
		return 0, &os.PathError{Op: op, Path: p, Err: err}
	}
	return st.Ctim.Nano(), nil
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
