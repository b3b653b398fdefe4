package report

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

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
