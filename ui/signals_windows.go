package ui

import (
	"os"
	"syscall"
)

// endSignals end the program after saving. Go delivers the console window
// closing, logoff and shutdown as SIGTERM, and holds the process until the
// program has had its chance to save.
var endSignals = []os.Signal{syscall.SIGTERM, os.Interrupt}
