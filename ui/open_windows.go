package ui

import (
	"errors"
	"os/exec"

	"golang.org/x/sys/windows"
)

// openFile opens path with the program Windows associates with it, without
// waiting. It asks the shell directly (ShellExecute): no command line is
// built, so no character of the path («&», «^», «%») is read as a command.
func openFile(path string) error {
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	verb, _ := windows.UTF16PtrFromString("open")
	err = windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL)
	if errors.Is(err, windows.ERROR_NO_ASSOCIATION) {
		return exec.ErrNotFound // no program opens files of this kind
	}
	return err
}
