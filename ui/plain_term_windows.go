package ui

import (
	"os"

	"golang.org/x/sys/windows"
)

// openRaw switches the console at in to reading key by key without the
// console's own echo or line editing: plain mode echoes each answer
// itself, as it will be saved. Ctrl+C stays with the system (processed
// input: Go delivers it as os.Interrupt, which saves the draft).
//
// Virtual-terminal input is asked for first: Windows Terminal then marks
// a paste (bracketed paste) and sends keys as sequences. Consoles before
// Windows 10, and conhost in its legacy mode, refuse it; they deliver
// characters only (arrows send nothing) and a paste as fast keystrokes,
// which the answer reader recognises by their speed. The output is asked
// for virtual-terminal processing, without which the echo moves the
// cursor with backspaces only.
func openRaw(in, out *os.File) (*rawTerm, error) {
	ih := windows.Handle(in.Fd())
	var inMode uint32
	if err := windows.GetConsoleMode(ih, &inMode); err != nil {
		return nil, err
	}
	raw := inMode&^(windows.ENABLE_LINE_INPUT|windows.ENABLE_ECHO_INPUT|windows.ENABLE_VIRTUAL_TERMINAL_INPUT) |
		windows.ENABLE_PROCESSED_INPUT
	vtIn := windows.SetConsoleMode(ih, raw|windows.ENABLE_VIRTUAL_TERMINAL_INPUT) == nil
	if !vtIn {
		if err := windows.SetConsoleMode(ih, raw); err != nil {
			return nil, err
		}
	}
	oh := windows.Handle(out.Fd())
	var outMode uint32
	vtOut, outChanged := false, false
	if windows.GetConsoleMode(oh, &outMode) == nil {
		switch {
		case outMode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0:
			vtOut = true
		case windows.SetConsoleMode(oh, outMode|windows.ENABLE_PROCESSED_OUTPUT|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil:
			vtOut, outChanged = true, true
		}
	}
	return &rawTerm{
		restore: func() {
			windows.SetConsoleMode(ih, inMode)
			if outChanged {
				windows.SetConsoleMode(oh, outMode)
			}
		},
		vt:    vtOut,
		paste: vtIn && vtOut,
	}, nil
}

// isTerminal reports whether f is a console.
func isTerminal(f *os.File) bool {
	var mode uint32
	return windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil
}

// termSize is the width at which the console wraps (its buffer's width)
// and the height of its window.
func termSize(f *os.File) (w, h int, ok bool) {
	var info windows.ConsoleScreenBufferInfo
	if err := windows.GetConsoleScreenBufferInfo(windows.Handle(f.Fd()), &info); err != nil {
		return 0, 0, false
	}
	w = int(info.Size.X)
	h = int(info.Window.Bottom - info.Window.Top + 1)
	return w, h, w > 0 && h > 0
}
