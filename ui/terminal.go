package ui

import (
	"errors"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// ErrNoTerminal is returned by [Run] when the full screen cannot start:
// the program has no terminal to read keys from (its input is a file or
// a pipe, and no console is attached). Plain mode ([Options.Plain]) needs
// none.
var ErrNoTerminal = errors.New("không mở được giao diện toàn màn hình: chương trình đang không chạy trong một cửa sổ lệnh, nên không có bàn phím để gõ và màn hình để vẽ")

// needTerminal returns ErrNoTerminal when the full screen would have no
// terminal: stdin is not one and none can be opened, which is where
// bubbletea would fail with an English message.
func needTerminal() error {
	if term.IsTerminal(os.Stdin.Fd()) {
		return nil
	}
	in, out, err := tea.OpenTTY()
	if err != nil {
		return ErrNoTerminal
	}
	in.Close()
	if out != in {
		out.Close()
	}
	return nil
}
