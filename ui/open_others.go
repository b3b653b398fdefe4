//go:build !windows

package ui

import (
	"os/exec"
	"runtime"
)

// openFile opens path with the system's viewer, without waiting. The path
// is one argument of the viewer: no shell reads it.
func openFile(path string) error {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	cmd := exec.Command(name, path)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
