//go:build !windows

package report

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// writable reports whether this process may write the file at path, as
// the system says from its owner, permissions and disk (a read-only
// file system is not).
func writable(path string) bool { return unix.Access(path, unix.W_OK) == nil }

// linkNew gives the complete file tmp the name path, unless path exists
// (fs.ErrExist): a hard link, then tmp's own name is removed. On a file
// system without hard links (FAT on a USB stick) the name is reserved by
// creating it empty, then replaced; only there can a crash between the two
// leave an empty draft.
func linkNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	f, rerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, newDraftMode)
	if rerr != nil {
		return rerr
	}
	f.Close()
	if err := renameFile(tmp, path); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// moveNew gives the file at old the name path instead, unless path exists
// (fs.ErrExist): a hard link, then the old name is removed; until then
// the file is whole under both. Without hard links (FAT) the new name is
// reserved by creating it empty, then the file is renamed over it.
func moveNew(old, path string) error {
	err := os.Link(old, path)
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if err != nil {
		f, rerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, newDraftMode)
		if rerr != nil {
			return rerr
		}
		f.Close()
		if err := renameFile(old, path); err != nil {
			os.Remove(path)
			return err
		}
		return nil
	}
	if err := os.Remove(old); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}
