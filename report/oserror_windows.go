package report

import (
	"errors"

	"golang.org/x/sys/windows"
)

func isNoSpace(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}

func isReadOnlyFS(err error) bool { return errors.Is(err, windows.ERROR_WRITE_PROTECT) }

func isInUse(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}

func isDirErr(err error) bool      { return errors.Is(err, windows.ERROR_DIRECTORY_NOT_SUPPORTED) }
func isNotDirErr(err error) bool   { return errors.Is(err, windows.ERROR_DIRECTORY) }
func isNameTooLong(err error) bool { return errors.Is(err, windows.ERROR_FILENAME_EXCED_RANGE) }
func isIOErr(err error) bool {
	return errors.Is(err, windows.ERROR_CRC) || errors.Is(err, windows.ERROR_IO_DEVICE)
}

// permissionReason says what an access error on what means here: Windows
// also refuses to replace or remove a file that another program holds open.
func permissionReason(what string) string {
	return "không có quyền truy cập " + what + ", hoặc tệp đang được một chương trình khác mở"
}
