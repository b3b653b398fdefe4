package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screen is one full screen under the top bar: the drafts list, the new
// report form, the wizard, the review, the export. The root shows one at
// a time and knows them only through this interface; a screen speaks to
// the root with the messages declared beside it.
type screen interface {
	// Update handles a message; the root has taken the global keys.
	Update(msg tea.Msg) tea.Cmd
	// View draws the screen in its size.
	View() string
	// SetSize gives the screen its width and height.
	SetSize(width, height int)
	// ShortHelp is the key bar, most important first.
	ShortHelp() []key.Binding
	// FullHelp is the screen's part of the F1 list.
	FullHelp() []helpGroup
	// Typing reports whether keys go to a text field, where "?" is a
	// letter.
	Typing() bool
}

// helpGroup is a titled group of the F1 list. A row without keys is a
// legend (the marks of the parts).
type helpGroup struct {
	title string
	rows  []key.Binding
}

// common is what every screen is given: the styles (which follow the
// terminal's background), the keys, the clock, and the screen's size.
type common struct {
	st            *styles
	keys          *keyMap
	now           func() time.Time
	width, height int
}

// cmdOf is a command that sends msg.
func cmdOf(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
