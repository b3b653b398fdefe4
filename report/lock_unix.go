//go:build !windows

package report

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// removeWhileHeld: Unix removes an open file, so the lock file is removed
// while still locked.
const removeWhileHeld = true

func lockFile(f *os.File) error {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case errors.Is(err, unix.EINTR):
			continue
		case errors.Is(err, unix.EWOULDBLOCK):
			return errLocked
		}
		return err
	}
}

func unlockFile(f *os.File) { unix.Flock(int(f.Fd()), unix.LOCK_UN) }
