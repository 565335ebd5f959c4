//go:build !linux

package e2e

import "os/exec"

// dieWithParent does nothing where the kernel cannot kill a child with
// its parent; stopNginx ends it at the end of the run.
func dieWithParent(cmd *exec.Cmd) {}
