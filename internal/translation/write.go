package translation

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
)

// Write replaces files under root. Each file is written in full beside
// its old version and renamed over it, so that a reader, or a build
// running meanwhile, sees the old file or the new one, never half of one;
// the renames happen only once every file is written, so that a failure
// (a full disk) leaves every file as it was.
func Write(root *os.Root, files []File) error {
	var temps []string
	defer func() {
		for _, t := range temps {
			if t != "" {
				root.Remove(t)
			}
		}
	}()
	for _, f := range files {
		t, err := writeTemp(root, f)
		if err != nil {
			return fmt.Errorf("writing %s: %w", f.Name, err)
		}
		temps = append(temps, t)
	}
	for i, f := range files {
		if err := root.Rename(temps[i], f.Name); err != nil {
			return fmt.Errorf("replacing %s: %w", f.Name, err)
		}
		temps[i] = "" // renamed: nothing left to remove
	}
	return nil
}

func writeTemp(root *os.Root, f File) (string, error) {
	perm := os.FileMode(0o644)
	if info, err := root.Stat(f.Name); err == nil {
		perm = info.Mode().Perm()
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	var suffix [6]byte
	rand.Read(suffix[:])
	name := path.Join(path.Dir(f.Name), "."+path.Base(f.Name)+".tmp-"+hex.EncodeToString(suffix[:]))
	w, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return "", err
	}
	_, err = w.Write(f.Data)
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		root.Remove(name)
		return "", err
	}
	return name, nil
}
