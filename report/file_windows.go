package report

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// writable: on Windows the read-only attribute shows in the file's
// permissions, which [ReadOnly] reads.
func writable(string) bool { return true }

// linkNew gives the complete file tmp the name path, unless path exists
// (fs.ErrExist): a move that, unlike os.Rename, does not replace.
func linkNew(tmp, path string) error {
	from, err := windows.UTF16PtrFromString(longPath(tmp))
	if err != nil {
		return err
	}
	to, err := windows.UTF16PtrFromString(longPath(path))
	if err != nil {
		return err
	}
	if err := windows.MoveFileEx(from, to, windows.MOVEFILE_WRITE_THROUGH); err != nil {
		return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
	}
	return nil
}

// moveNew gives the file at old the name path instead, unless path exists
// (fs.ErrExist). The file must not be open, here or elsewhere: Windows
// does not move an open file.
func moveNew(old, path string) error { return linkNew(old, path) }

// longPath gives a path of 248 characters or more the \\?\ prefix, with
// which Windows takes paths beyond its old limit of 260 characters
// (MAX_PATH) where long paths are not turned on. The os package does this
// itself; system calls made directly need it.
func longPath(path string) string {
	if len(path) < 248 || strings.HasPrefix(path, `\\?\`) {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if unc, ok := strings.CutPrefix(abs, `\\`); ok {
		return `\\?\UNC\` + unc
	}
	return `\\?\` + abs
}
