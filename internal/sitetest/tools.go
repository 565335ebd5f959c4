package sitetest

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run in CI, where nothing may be skipped:
// CI is set to anything but "false" or "0".
func InCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

// Missing stops a test that needs what, a program from outside Go that
// this machine lacks: outside CI it skips the test and says how to
// install it; in CI, which installs everything (.ci/run), it fails it.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	msg := "this test needs " + what + "; install with: " + install
	if InCI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// Node returns the path of the node command, or stops the test with
// Missing.
func Node(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("node")
	if err != nil {
		Missing(t, "Node.js (node)", "apt-get install nodejs")
	}
	return path
}
