// Package output writes a rendered site to disk all at once, and only
// where a site belongs.
//
// Begin opens a new directory beside the output directory, Dir.Write puts
// every file there, and Dir.Commit, called only when all of them are
// written, swaps it with the output directory in one rename. A build that
// fails or is killed part-way leaves the previous site exactly as it was;
// the next build removes the half-written directory it left behind.
//
// An output directory is only ever a previous build or nothing: every
// site written carries a marker file (MarkerFile), and Begin (and Check,
// which writes nothing) refuses an output that exists without it, that
// is a file, or that is, holds or lies inside the content directory.
//
// One build writes an output at a time: Begin takes an exclusive lock on
// a file beside the output (".NAME.lock") and Commit or Abort releases
// it. The lock is opened without following a link, and an output whose
// lock is a link is refused: a link there would have every build create
// or open the file it points to, wherever that is. A second build waits
// for it, or fails at once with NoWait; only the
// holder of the lock removes what killed builds left. The kernel releases
// the lock of a process that dies, so nothing is left to block the next
// build.
//
// The previous site, once swapped out, is renamed aside (".NAME.old-*")
// and left there: removing some 50,000 files takes as long as writing
// them. The next build writes its site over that one instead of into a
// new directory, and what the new site no longer has is removed before
// the swap. So only the one site a build replaced is ever left beside
// the output directory, and a rebuild creates and removes only what
// changed.
//
// A site holds at most MaxFiles files: a marker listing more was not
// written by a build, and the output it is in is refused before any of
// it is read past that bound (the site set aside is removed instead of
// written over).
//
// Each complete site lists its files in its marker file (see inventory),
// so that a build writing over it need not read a file back to know it
// already holds the bytes to write: a file listed with those bytes, and
// whose inode no one changed since, is left as it is. A file whose bytes
// changed is written in place; one with another link (a cp -l snapshot),
// a symbolic link, or a file or directory where the other belongs is
// replaced, never written through.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// File is one output file, its path relative to the output root.
type File struct {
	Path string
	Data []byte
	// Scratch says that Data belongs to this file alone, so that once
	// it is written its memory may hold another file (see
	// render.Renderer.Reuse); bytes shared with anything else, a theme's
	// stylesheet say, never are.
	Scratch bool
}

const (
	tmpPrefix  = ".tmp-"
	oldPrefix  = ".old-"
	lockSuffix = ".lock"
)

// MarkerFile is written at the root of every site, so that a later build
// knows the directory is a site it may replace whole.
const MarkerFile = ".sitegen-output"

const marker = "This directory is a site written by sitegen. The next build replaces it\n" +
	"whole: keep nothing else in it.\n"

// Options say what the output must stay clear of, and what to do when
// another build is writing it.
type Options struct {
	// Content is the content directory: the output may not be it, hold
	// it or be inside it.
	Content string
	// Theme is the theme directory: the output may not be it or hold it.
	// (The output may be inside it: the theme may be the project.)
	Theme string
	// NoWait makes Begin fail at once when another build holds the lock.
	NoWait bool
	// Waiting, if set, is called before Begin waits for another build.
	Waiting func()
}

// RefusedError says why an output directory was refused and what to
// pass instead. Nothing was written.
type RefusedError struct {
	Out string
	Why string
	Fix string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refusing to write the site into %q: %s (%s)", e.Out, e.Why, e.Fix)
}

// BusyError says that another build holds the output's lock.
type BusyError struct{ Out string }

func (e *BusyError) Error() string {
	return fmt.Sprintf("another build is writing %q now; run again when it has finished, or without -no-wait to wait for it", e.Out)
}

// RollbackError says that the output could not be put back as it was:
// the message names where the previous site is.
type RollbackError struct{ Msg string }

func (e *RollbackError) Error() string { return e.Msg }

// Check reports, without writing anything, whether out may receive a
// site: it is a new or empty directory, or a site written before.
func Check(out string, opts Options) error {
	refuse := func(why, fix string) error { return &RefusedError{Out: out, Why: why, Fix: fix} }
	if strings.TrimSpace(out) == "" {
		return refuse("the name is empty", "pass -out DIR, such as -out public")
	}
	clean := filepath.Clean(out)
	if base := filepath.Base(clean); base == "." || base == ".." || base == string(filepath.Separator) {
		return refuse("it is not the name of a directory of its own", "pass a directory for the site alone, such as -out public")
	}
	abs, err := RealPath(clean)
	if err != nil {
		return err
	}
	for _, guard := range []struct {
		dir, name string
		inside    bool // whether out may not be inside it either
	}{{opts.Content, "content", true}, {opts.Theme, "theme", false}} {
		if guard.dir == "" {
			continue
		}
		dir, err := RealPath(guard.dir)
		if err != nil {
			return err
		}
		fix := fmt.Sprintf("pass a directory for the site alone, outside %q, such as -out public", guard.dir)
		switch {
		case abs == dir:
			return refuse(fmt.Sprintf("it is the %s directory", guard.name), fix)
		case within(dir, abs):
			return refuse(fmt.Sprintf("it holds the %s directory %q", guard.name, guard.dir), fix)
		case guard.inside && within(abs, dir):
			return refuse(fmt.Sprintf("it is inside the %s directory %q", guard.name, guard.dir), fix)
		}
	}
	if err := checkLock(out, clean); err != nil {
		return err
	}
	info, err := os.Lstat(clean)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&os.ModeSymlink != 0:
		return refuse("it is a symbolic link", "pass the directory it points to, or another")
	case !info.IsDir():
		return refuse("it is a file, not a directory", "pass a directory for the site alone, such as -out public")
	}
	entries, err := os.ReadDir(clean)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if m, err := os.Lstat(filepath.Join(clean, MarkerFile)); err == nil && m.Mode().IsRegular() {
		if listsTooMany(filepath.Join(clean, MarkerFile)) {
			return refuse(fmt.Sprintf("its %s lists more than %d files, the most a site holds, so no build wrote it", MarkerFile, MaxFiles),
				"delete the directory, or pass another -out")
		}
		return nil
	}
	return refuse(fmt.Sprintf("it holds files no build wrote (a site has a %s file)", MarkerFile),
		"pass a new or empty directory; if it holds an old site, delete it first")
}

// lockPath is the lock of the output base in parent.
func lockPath(parent, base string) string { return filepath.Join(parent, "."+base+lockSuffix) }

// checkLock refuses an output whose lock is anything but a plain file,
// or nothing yet: a link there would make every build create or open
// the file it points to, wherever that is.
func checkLock(out, clean string) error {
	parent, base := filepath.Split(clean)
	if parent == "" {
		parent = "."
	}
	p := lockPath(parent, base)
	info, err := os.Lstat(p)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&os.ModeSymlink != 0:
		return &RefusedError{Out: out, Why: fmt.Sprintf("its lock %q is a symbolic link, which a build would follow", p),
			Fix: "remove the link; a build makes the lock itself"}
	case !info.Mode().IsRegular():
		return &RefusedError{Out: out, Why: fmt.Sprintf("its lock %q is not a plain file", p),
			Fix: "remove it; a build makes the lock itself"}
	}
	return nil
}

// openLock opens (or creates) the lock at p of the output out without
// following a link, so that a link put there after checkLock still
// creates nothing elsewhere.
func openLock(out, p string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|noFollow, 0o644)
	if err != nil {
		// a link (ELOOP) or a directory (EISDIR) in the lock's place
		if refused := checkLock(out, out); refused != nil {
			return nil, refused
		}
		return nil, fmt.Errorf("opening the lock beside %q: %w", out, err)
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, &RefusedError{Out: out, Why: fmt.Sprintf("its lock %q is not a plain file", p),
			Fix: "remove it; a build makes the lock itself"}
	}
	return f, nil
}

// RealPath is p made absolute, with the symbolic links of its existing
// part followed, so that two names of one directory compare equal.
func RealPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	dir, rest := abs, ""
	for {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Dir is a site being written beside its output directory. Write may be
// called from several goroutines; Commit swaps the site in, Abort throws
// it away. Until Commit, the output directory is untouched.
type Dir struct {
	out, parent, base, tmp string
	lock                   *os.File
	mu                     sync.Mutex
	made                   map[string]bool
	leftovers              sync.WaitGroup // removing what earlier builds left beside out
	// written is the inventory of the files this build wrote, for the
	// marker file and, in a recycled site, for Commit to remove the rest
	written inventory
	// recycled says the site is written over a previous one (see
	// recycle). Once listed is closed, prior is the inventory that site
	// carried and current the one of the site in the output directory
	// now, either nil if it had none; before is what the recycled site
	// held, listed while the pages are written.
	recycled       bool
	listed         chan struct{}
	prior, current inventory
	before         chan listing
}

// Begin starts writing a site that will replace out, once out has passed
// Check and the lock is held.
func Begin(out string, opts Options) (*Dir, error) {
	if err := Check(out, opts); err != nil {
		return nil, err
	}
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %q: %w", parent, err)
	}
	lock, err := openLock(out, lockPath(parent, base))
	if err != nil {
		return nil, err
	}
	d := &Dir{out: out, parent: parent, base: base, lock: lock, made: map[string]bool{}, written: inventory{}}
	if err := d.acquire(opts); err != nil {
		lock.Close()
		return nil, err
	}
	// out may have changed while another build held the lock
	if err := Check(out, opts); err != nil {
		d.release()
		return nil, err
	}
	// listed before this build's own directory exists, so that it is
	// never among them; one previous site is written over, the rest
	// removed while the site is written, and waited for before the lock
	// is released
	left := leftovers(parent, base)
	d.tmp, left, err = d.recycle(left)
	if err == nil && d.tmp == "" {
		d.tmp, err = os.MkdirTemp(parent, "."+base+tmpPrefix)
	}
	if err == nil { // a recycled site's too, whatever hands made it
		err = os.Chmod(d.tmp, 0o755)
	}
	d.leftovers.Add(1)
	go func() {
		defer d.leftovers.Done()
		for _, dir := range left {
			removeAll(dir)
		}
	}()
	// a recycled site keeps the marker it has, and its inventory, until
	// Commit: it is read while the first pages render
	if err == nil && !d.recycled {
		err = os.WriteFile(filepath.Join(d.tmp, MarkerFile), []byte(marker), 0o644)
	}
	if err != nil {
		d.Abort()
		return nil, fmt.Errorf("creating a directory beside %q: %w", out, err)
	}
	return d, nil
}

// recycle takes a previous site set aside by an earlier build, if there
// is one among left, as the directory to write this one in: rewriting
// the few files that changed costs far less than creating some 50,000
// files and directories again and removing as many. It returns that
// directory, or "" for none, and the leftovers still to remove.
func (d *Dir) recycle(left []string) (string, []string, error) {
	if !canRecycle {
		return "", left, nil
	}
	for i, dir := range left {
		if !strings.HasPrefix(filepath.Base(dir), "."+d.base+oldPrefix) {
			continue
		}
		if m, err := os.Lstat(filepath.Join(dir, MarkerFile)); err != nil || !m.Mode().IsRegular() || listsTooMany(filepath.Join(dir, MarkerFile)) {
			continue // removed, as any leftover
		}
		tmp, err := os.MkdirTemp(d.parent, "."+d.base+tmpPrefix)
		if err != nil {
			return "", left, err
		}
		os.Remove(tmp) // only its unique name is wanted
		if err := rename(dir, tmp); err != nil {
			continue
		}
		d.recycled = true
		// the inventories are read, and the site listed, while the
		// pages render: the first file written waits for the one, only
		// Commit for the other
		d.listed, d.before = make(chan struct{}), make(chan listing, 1)
		go func() {
			d.prior = readInventory(tmp)
			d.current = readInventory(d.out)
			close(d.listed)
		}()
		go func() { d.before <- list(tmp) }()
		return tmp, append(left[:i:i], left[i+1:]...), nil
	}
	return "", left, nil
}

// acquire takes the lock, waiting for another build unless NoWait.
func (d *Dir) acquire(opts Options) error {
	ok, err := lockFile(d.lock, false)
	if err != nil || ok {
		return err
	}
	if opts.NoWait {
		return &BusyError{Out: d.out}
	}
	if opts.Waiting != nil {
		opts.Waiting()
	}
	_, err = lockFile(d.lock, true)
	return err
}

// release lets the next build write. Closing the file releases its lock.
func (d *Dir) release() {
	if d.lock != nil {
		d.lock.Close()
		d.lock = nil
	}
}

// MakeDirs creates, once each, the directories that will hold files at
// paths (relative to the output root, as in File.Path), so that Write
// need not create them one system call at a time while pages stream in.
func (d *Dir) MakeDirs(paths []string) error {
	want := map[string]bool{}
	for _, p := range paths {
		if !filepath.IsLocal(p) {
			return fmt.Errorf("refusing to write %q outside the output directory", p)
		}
		for dir := filepath.Dir(filepath.FromSlash(p)); dir != "." && !want[dir]; dir = filepath.Dir(dir) {
			want[dir] = true
		}
	}
	dirs := make([]string, 0, len(want))
	for dir := range want {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs) // parents sort before their children
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, dir := range dirs {
		p := filepath.Join(d.tmp, dir)
		if err := d.mkdir(p); err != nil {
			return err
		}
		d.made[p] = true
	}
	return nil
}

// mkdir makes the directory p, whose parent exists. In a recycled site
// it may exist already, or something else may have its name.
func (d *Dir) mkdir(p string) error {
	err := os.Mkdir(p, 0o755)
	if err == nil || !errors.Is(err, os.ErrExist) || !d.recycled {
		return err
	}
	if st, lerr := os.Lstat(p); lerr == nil && st.IsDir() {
		return dirMode(p, st) // as a clean build would make it
	}
	if err := os.RemoveAll(p); err != nil {
		return err
	}
	return os.Mkdir(p, 0o755)
}

// Write writes one file of the site.
func (d *Dir) Write(f File) error {
	if !filepath.IsLocal(f.Path) {
		return fmt.Errorf("refusing to write %q outside the output directory", f.Path)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(f.Path))
	dir := filepath.Dir(p)
	d.mu.Lock()
	known := d.made[dir]
	d.mu.Unlock()
	if !known {
		if err := d.mkdirAll(dir); err != nil {
			return err
		}
		d.mu.Lock()
		d.made[dir] = true
		d.mu.Unlock()
	}
	rel := filepath.FromSlash(f.Path)
	e := entry{size: int64(len(f.Data)), sum: checksum(f.Data)}
	var err error
	if d.recycled {
		e.stamp, err = d.update(p, rel, f.Data, e.sum)
	} else {
		e.stamp, err = writeFile(p, f.Data)
	}
	if err != nil {
		return err
	}
	d.mu.Lock()
	d.written[rel] = e
	n := len(d.written)
	d.mu.Unlock()
	if n > MaxFiles {
		// its inventory would be refused as no build's
		return fmt.Errorf("the site has more than %d files, the most a site may hold", MaxFiles)
	}
	return nil
}

// update makes the file p (rel in the site) of a recycled site hold
// data, of checksum sum, and returns its stamp. A file the site's
// inventory lists with those bytes, and which no one changed since, is
// left as it is. If the site in the output directory now has other
// bytes at rel, or none, or a file changed since it was listed, the file
// is given this moment's time: a cache asking whether the page changed
// since the one it holds must not be told no on the strength of the
// older time.
func (d *Dir) update(p, rel string, data []byte, sum uint64) (int64, error) {
	<-d.listed
	if was, ok := d.prior[rel]; ok && was.holds(data, sum) && unchanged(p, was) {
		if now, ok := d.current[rel]; ok && now.holds(data, sum) && unchanged(filepath.Join(d.out, rel), now) {
			return was.stamp, nil
		}
		return touch(p)
	}
	return rewrite(p, data)
}

// mkdirAll makes dir and its missing parents inside the site.
func (d *Dir) mkdirAll(dir string) error {
	if !d.recycled {
		return os.MkdirAll(dir, 0o755)
	}
	rel, err := filepath.Rel(d.tmp, dir)
	if err != nil || !filepath.IsLocal(rel) {
		return fmt.Errorf("refusing to make %q outside the output directory", dir)
	}
	p := d.tmp
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		if err := d.mkdir(p); err != nil {
			return err
		}
	}
	return nil
}

// removeStale removes from a recycled site what this build did not
// write: files and directories of the previous site that are no more.
func (d *Dir) removeStale() error {
	before := <-d.before
	if before.err != nil {
		return before.err
	}
	keep := map[string]bool{".": true, MarkerFile: true}
	for p := range d.written {
		keep[p] = true
		for dir := filepath.Dir(p); dir != "." && !keep[dir]; dir = filepath.Dir(dir) {
			keep[dir] = true
		}
	}
	gone := "" // the last path removed, with all beneath it
	for _, p := range before.paths {
		if keep[p] || gone != "" && strings.HasPrefix(p, gone+string(filepath.Separator)) || d.underFile(p) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(d.tmp, p)); err != nil {
			return err
		}
		gone = p
	}
	return nil
}

// underFile reports whether a directory above p is now a file this
// build wrote, which took its place and everything that was beneath it.
func (d *Dir) underFile(p string) bool {
	for dir := filepath.Dir(p); dir != "."; dir = filepath.Dir(dir) {
		if _, ok := d.written[dir]; ok {
			return true
		}
	}
	return false
}

// listing is what a recycled site held when a build took it: the path
// of every file and directory below its root, each directory before
// what it holds.
type listing struct {
	paths []string
	err   error
}

// list lists the tree at root. The build writes into it meanwhile: what
// it removes is passed over, and what it adds is its own, which Commit
// keeps.
func list(root string) listing {
	var paths []string
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if st, lerr := os.Lstat(p); lerr != nil || !st.IsDir() {
				return nil // removed, or made a file, by the build meanwhile
			}
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err == nil && rel != "." {
			paths = append(paths, rel)
		}
		return err
	})
	return listing{paths, err}
}

// Commit puts the written site in place of the output directory and
// leaves the previous one aside for the next build to remove. An error
// means the output directory is as it was, except a *RollbackError,
// which says where the previous site was left. It returns once the
// leftovers of earlier builds are gone.
func (d *Dir) Commit() error {
	defer d.release()
	if d.recycled {
		if err := d.removeStale(); err != nil {
			os.RemoveAll(d.tmp)
			d.leftovers.Wait()
			return fmt.Errorf("removing what the previous site had and this one has not: %w", err)
		}
	}
	if d.recycled {
		// made anew, with the mode of a clean build's, not the one
		// hands may have given the old
		os.Remove(filepath.Join(d.tmp, MarkerFile))
	}
	err := os.WriteFile(filepath.Join(d.tmp, MarkerFile), appendInventory(nil, d.written), 0o644)
	if err == nil {
		err = swap(d.tmp, d.out, d.parent, d.base)
	}
	var rollback *RollbackError
	if err != nil && !errors.As(err, &rollback) {
		os.RemoveAll(d.tmp)
	}
	d.leftovers.Wait()
	return err
}

// Abort removes what was written; the output directory stays as it was.
func (d *Dir) Abort() {
	if d.tmp != "" {
		os.RemoveAll(d.tmp)
	}
	d.leftovers.Wait()
	d.release()
}

// swap puts tmp in place of out and the previous site, if any, aside for
// the next build to remove. Where the system can exchange two directories
// in one step, out is never missing. Once the new site is in place the
// swap has succeeded.
func swap(tmp, out, parent, base string) error {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return rename(tmp, out)
	}
	old, err := os.MkdirTemp(parent, "."+base+oldPrefix)
	if err != nil {
		return err
	}
	os.Remove(old) // only its unique name is wanted
	if err := exchangeDirs(tmp, out); err == nil {
		// tmp now holds the previous site; if this rename fails, tmp's
		// name marks it as a leftover all the same
		rename(tmp, old)
		return nil
	}
	if err := rename(out, old); err != nil {
		return fmt.Errorf("moving the previous %q aside: %w", out, err)
	}
	if err := rename(tmp, out); err != nil {
		if rerr := rename(old, out); rerr != nil {
			return &RollbackError{Msg: fmt.Sprintf("moving the new site into %q failed (%v), and so did moving the previous site back (%v): "+
				"the previous site is in %q and the new one in %q; rename one of them to %q (the next build removes both)",
				out, err, rerr, old, tmp, out)}
		}
		return fmt.Errorf("moving the new site into %q: %w", out, err)
	}
	return nil
}

// removeTree removes dir and everything in it, several directories at a
// time: removing a previous site of some 50,000 files and directories
// one at a time took longer than building the new one.
func removeTree(dir string) error {
	sem := make(chan struct{}, 8) // directories being emptied at once
	var rm func(dir string) error
	rm = func(dir string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return os.RemoveAll(dir)
		}
		var (
			wg     sync.WaitGroup
			mu     sync.Mutex
			failed bool
		)
		keep := func(err error) {
			if err != nil {
				mu.Lock()
				failed = true
				mu.Unlock()
			}
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if !e.IsDir() {
				keep(os.Remove(p))
				continue
			}
			select {
			case sem <- struct{}{}:
				wg.Add(1)
				go func() {
					defer wg.Done()
					keep(rm(p))
					<-sem
				}()
			default: // every worker is busy: empty it here
				keep(rm(p))
			}
		}
		wg.Wait()
		if failed { // let RemoveAll retry and report what stands in the way
			return os.RemoveAll(dir)
		}
		return os.Remove(dir)
	}
	return rm(dir)
}

// The file system calls of swap, replaced in tests to make them fail.
var (
	rename       = os.Rename
	removeAll    = removeTree
	exchangeDirs = exchange
)

// leftovers lists the directories beside out that earlier builds left:
// the previous site set aside, and what killed builds half wrote. Only
// the holder of the lock calls it.
func leftovers(parent, base string) []string {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var dirs []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() && (strings.HasPrefix(n, "."+base+tmpPrefix) || strings.HasPrefix(n, "."+base+oldPrefix)) {
			dirs = append(dirs, filepath.Join(parent, n))
		}
	}
	return dirs
}
