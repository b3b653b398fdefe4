package report

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// removeWhileHeld: Windows cannot remove a file that is open, so the lock
// file is removed after it is closed.
const removeWhileHeld = false

// lockRegion is the byte locked: far beyond the process id the file holds,
// since Windows locks are mandatory and other windows read the id.
func lockRegion() *windows.Overlapped {
	return &windows.Overlapped{OffsetHigh: 0x40000000}
}

func lockFile(f *os.File) error {
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, lockRegion())
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return errLocked
	}
	return err
}

func unlockFile(f *os.File) { windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, lockRegion()) }
