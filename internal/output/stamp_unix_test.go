//go:build unix

package output

import (
	"testing"

	"golang.org/x/sys/unix"
)

// stamp is the file's stamp, as an inventory lists it.
func stamp(t *testing.T, p string) int64 {
	t.Helper()
	var st unix.Stat_t
	if err := unix.Lstat(p, &st); err != nil {
		t.Fatal(err)
	}
	return st.Ctim.Nano()
}
