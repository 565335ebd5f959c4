package output

import (
	"bufio"
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// An inventory lists the files of a site, each with its size, a checksum
// of its bytes and its stamp: the time its inode last changed (ctime),
// which the system sets on every write, truncation, change of links or
// of times, and which no one can set back. A complete site carries its
// inventory in its marker file.
//
// The build that writes over that site (see Dir.recycle) learns from it
// which files already hold the bytes it is about to write, by looking at
// each file's size and stamp instead of reading it back: a file whose
// stamp is the one listed was not changed since. Reading back a site of
// some 25,000 files whose pages had left the memory took longer than
// writing a new site.
type inventory map[string]entry

// entry is what an inventory says of one file.
type entry struct {
	size  int64
	sum   uint64 // see checksum
	stamp int64  // nanoseconds; 0 where a system has no stamp to give
}

// holds reports whether a file listed as e holds data, of checksum sum.
func (e entry) holds(data []byte, sum uint64) bool {
	return e.size == int64(len(data)) && e.sum == sum
}

// castagnoli is made when first used: making it took 0.17 ms of every
// command's start.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// checksum is two CRC-32s of data, with different polynomials, both
// computed by the processor's own instructions where it has them (a
// megabyte in about 0.1 ms): 64 bits tell a changed page from the one it
// replaces but for a chance in 2^64. It is no defence against forgery,
// nor needs to be: whoever could forge a page could write the site.
func checksum(data []byte) uint64 {
	return uint64(crc32.Checksum(data, castagnoli()))<<32 | uint64(crc32.ChecksumIEEE(data))
}

// inventoryHead separates the marker's words from the inventory, and
// inventoryEnd ends it, followed by the count of files: a list cut short
// is no list.
const (
	inventoryHead = "\nfiles:\n"
	inventoryEnd  = "end "
)

// appendInventory appends the marker file's text with inv to b, a file a
// line: size, checksum in hexadecimal, stamp, and the path quoted as in
// Go, so that no name can break a line.
func appendInventory(b []byte, inv inventory) []byte {
	b = append(b, marker...)
	b = append(b, inventoryHead...)
	for p, e := range inv {
		b = strconv.AppendInt(b, e.size, 10)
		b = append(b, ' ')
		b = strconv.AppendUint(b, e.sum, 16)
		b = append(b, ' ')
		b = strconv.AppendInt(b, e.stamp, 10)
		b = append(b, ' ')
		b = strconv.AppendQuote(b, p)
		b = append(b, '\n')
	}
	b = append(b, inventoryEnd...)
	b = strconv.AppendInt(b, int64(len(inv)), 10)
	return append(b, '\n')
}

// MaxFiles is the most files a site may hold, and so the most an
// inventory may list. The national site holds some 50,000; a marker
// listing more than this was not written by a build, and reading a
// hand-made list of millions cost every build seconds and hundreds of
// megabytes.
const MaxFiles = 500_000

// parseInventory reads the inventory of a marker file's text. A marker
// without one (a site being written, or written by an older version), or
// with one that does not read whole, or lists more than MaxFiles files,
// gives false: then no file of the site is taken to hold anything.
func parseInventory(text []byte) (inventory, bool) {
	return readInventoryFrom(bufio.NewReader(bytes.NewReader(text)))
}

// readInventoryFrom reads an inventory a line at a time, so that a
// list beyond MaxFiles is given up as soon as it passes the bound,
// never read whole.
func readInventoryFrom(r *bufio.Reader) (inventory, bool) {
	// the marker's words take two lines; the list starts after them
	for words := 0; ; words++ {
		line, err := r.ReadSlice('\n')
		if err != nil || words > 8 {
			return nil, false
		}
		if string(line) == inventoryHead[1:] {
			break
		}
	}
	inv := inventory{}
	for {
		// a line longer than the reader's buffer (4 KB) holds no path
		// a build writes
		line, err := r.ReadSlice('\n')
		if err != nil {
			return nil, false
		}
		line = line[:len(line)-1]
		if n, ok := bytes.CutPrefix(line, []byte(inventoryEnd)); ok {
			count, err := strconv.Atoi(string(n))
			_, after := r.Peek(1) // nothing may follow the end
			return inv, err == nil && count == len(inv) && errors.Is(after, io.EOF)
		}
		if len(inv) == MaxFiles {
			return nil, false
		}
		fields := strings.SplitN(string(line), " ", 4)
		if len(fields) != 4 {
			return nil, false
		}
		size, err1 := strconv.ParseInt(fields[0], 10, 64)
		sum, err2 := strconv.ParseUint(fields[1], 16, 64)
		stamp, err3 := strconv.ParseInt(fields[2], 10, 64)
		p, err4 := strconv.Unquote(fields[3])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || size < 0 {
			return nil, false
		}
		inv[p] = entry{size: size, sum: sum, stamp: stamp}
	}
}

// readInventory reads the inventory of the site at dir, or nil.
func readInventory(dir string) inventory {
	f, err := os.Open(filepath.Join(dir, MarkerFile))
	if err != nil {
		return nil
	}
	defer f.Close()
	inv, _ := readInventoryFrom(bufio.NewReader(f))
	return inv
}

// listsTooMany reports whether the marker file at p has more lines than
// the inventory of MaxFiles files and the marker's words: it was not
// written by a build. It reads no further than that.
func listsTooMany(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	lines := 0
	for {
		n, err := f.Read(buf)
		if lines += bytes.Count(buf[:n], []byte{'\n'}); lines > MaxFiles+8 {
			return true
		}
		if err != nil {
			return false
		}
	}
}
