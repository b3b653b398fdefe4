package report

import (
	"errors"
	"os"
	"syscall"
)

// processAlive reports whether a process with this id runs: Windows refuses
// to open a process that has gone.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

func isNoSpace(err error) bool {
	const errorHandleDiskFull, errorDiskFull = syscall.Errno(39), syscall.Errno(112)
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}
