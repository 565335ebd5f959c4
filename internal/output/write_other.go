//go:build !unix

package output

import "os"

// writeFile creates (or truncates) the file p and writes data to it. It
// gives no stamp: sites are not recycled here (see canRecycle).
func writeFile(p string, data []byte) (int64, error) { return 0, os.WriteFile(p, data, 0o644) }
