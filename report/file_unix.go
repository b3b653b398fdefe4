//go:build !windows

package report

import (
	"errors"
	"io/fs"
	"os"
)

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
