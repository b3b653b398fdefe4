package report

import "os"

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
