//go:build unix

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// noFollow makes opening the lock fail on a symbolic link.
const noFollow = unix.O_NOFOLLOW

// lockFile takes an exclusive lock on f, waiting for it when wait is
// set; ok is false when another process holds it and wait is not set.
// flock locks belong to the open file, so two builds in one process
// exclude each other too.
func lockFile(f *os.File, wait bool) (ok bool, err error) {
	how := unix.LOCK_EX
	if !wait {
		how |= unix.LOCK_NB
	}
	for {
		err := unix.Flock(int(f.Fd()), how)
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case errors.Is(err, unix.EWOULDBLOCK):
			return false, nil
		case err != nil:
			return false, err
		}
		return true, nil
	}
}
