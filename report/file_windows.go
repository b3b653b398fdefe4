package report

import (
	"os"

	"golang.org/x/sys/windows"
)

// linkNew gives the complete file tmp the name path, unless path exists
// (fs.ErrExist): a move that, unlike os.Rename, does not replace.
func linkNew(tmp, path string) error {
	from, err := windows.UTF16PtrFromString(tmp)
	if err != nil {
		return err
	}
	to, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	if err := windows.MoveFileEx(from, to, windows.MOVEFILE_WRITE_THROUGH); err != nil {
		return &os.LinkError{Op: "rename", Old: tmp, New: path, Err: err}
	}
	return nil
}
