//go:build !unix

package output

import "os"

// noFollow is 0 where the system has no O_NOFOLLOW: checkLock's Lstat
// is then the only guard.
const noFollow = 0

// lockFile does not lock where flock does not exist: there, two builds
// into one output at once are not excluded.
func lockFile(f *os.File, wait bool) (bool, error) { return true, nil }
