//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd || windows)

package ui

import (
	"errors"
	"os"
)

// On other systems plain mode reads whole lines as the terminal delivers
// them.
func openRaw(in, out *os.File) (*rawTerm, error) {
	return nil, errors.New("raw input is not supported on this system")
}

func isTerminal(f *os.File) bool { return false }

func termSize(f *os.File) (w, h int, ok bool) { return 0, 0, false }
