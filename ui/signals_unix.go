//go:build !windows

package ui

import (
	"os"
	"syscall"
)

// endSignals end the program after saving: kill, the terminal hanging up,
// and Ctrl+C when the input is not a terminal.
var endSignals = []os.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT}
