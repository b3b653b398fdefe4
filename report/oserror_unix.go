//go:build !windows

package report

import (
	"errors"
	"syscall"
)

func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

func isReadOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }

func isInUse(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.ETXTBSY)
}

func isDirErr(err error) bool      { return errors.Is(err, syscall.EISDIR) }
func isNotDirErr(err error) bool   { return errors.Is(err, syscall.ENOTDIR) }
func isNameTooLong(err error) bool { return errors.Is(err, syscall.ENAMETOOLONG) }
func isIOErr(err error) bool       { return errors.Is(err, syscall.EIO) }

// permissionReason says what an access error on what means here.
func permissionReason(what string) string { return "không có quyền truy cập " + what }
