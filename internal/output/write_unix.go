//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeFile creates (or truncates) the file p, writes data to it, as
// os.WriteFile does with mode 0644, and returns its stamp (see
// inventory), in four system calls. os.WriteFile also offers each file
// to the network poller, which refuses regular files, and sets and
// clears its non-blocking flag: five more calls a file, a third of the
// calls of writing a site.
func writeFile(p string, data []byte) (int64, error) {
	fd, err := open(p, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return 0, &os.PathError{Op: "open", Path: p, Err: err}
	}
	op := "write"
	for len(data) > 0 && err == nil {
		var n int
		n, err = unix.Write(fd, data)
		if err == unix.EINTR {
			err = nil
			continue
		}
		if n == 0 && err == nil {
			err = unix.EIO // a regular file takes at least one byte or fails
		}
		data = data[max(n, 0):]
	}
	var st unix.Stat_t
	if err == nil {
		op, err = "stat", unix.Fstat(fd, &st)
	}
	if cerr := unix.Close(fd); err == nil && cerr != nil {
		op, err = "close", cerr
	}
	if err != nil {
		return 0, &os.PathError{Op: op, Path: p, Err: err}
	}
	return st.Ctim.Nano(), nil
}

// open opens p, again if a signal interrupts it.
func open(p string, flags int, mode uint32) (int, error) {
	for {
		fd, err := unix.Open(p, flags, mode)
		if err != unix.EINTR {
			return fd, err
		}
	}
}
