//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package ui

import (
	"os"

	"golang.org/x/sys/unix"
)

// openRaw switches the terminal at in to reading key by key without the
// terminal's own echo: plain mode echoes each answer itself, as it will be
// saved. Ctrl+C stays with the system (SIGINT, which saves the draft) and
// output processing stays on, so "\n" still starts a new line.
func openRaw(in, out *os.File) (*rawTerm, error) {
	var old *unix.Termios
	err := withFd(in, func(fd int) error {
		t, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
		if err != nil {
			return err
		}
		saved := *t
		old = &saved
		t.Lflag &^= unix.ICANON | unix.ECHO | unix.IEXTEN
		// Enter arrives as CR, and Ctrl+S / Ctrl+Q do not freeze the screen.
		t.Iflag &^= unix.ICRNL | unix.INLCR | unix.IGNCR | unix.IXON
		t.Cc[unix.VMIN], t.Cc[unix.VTIME] = 1, 0
		return unix.IoctlSetTermios(fd, ioctlSetTermios, t)
	})
	if err != nil {
		return nil, err
	}
	// A terminal that declares itself dumb moves no cursor.
	vt := os.Getenv("TERM") != "dumb"
	return &rawTerm{
		restore: func() {
			withFd(in, func(fd int) error { return unix.IoctlSetTermios(fd, ioctlSetTermios, old) })
		},
		vt:    vt,
		paste: vt,
	}, nil
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	return withFd(f, func(fd int) error {
		_, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
		return err
	}) == nil
}

// termSize is the terminal's width and height in cells.
func termSize(f *os.File) (w, h int, ok bool) {
	withFd(f, func(fd int) error {
		ws, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
		if err == nil && ws.Col > 0 && ws.Row > 0 {
			w, h, ok = int(ws.Col), int(ws.Row), true
		}
		return err
	})
	return w, h, ok
}

// withFd runs f on the descriptor of file without switching it to
// blocking mode (as File.Fd would).
func withFd(file *os.File, f func(fd int) error) error {
	rc, err := file.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) { ferr = f(int(fd)) }); err != nil {
		return err
	}
	return ferr
}
