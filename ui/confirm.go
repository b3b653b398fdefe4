package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// confirmation is a yes/no question being asked, and what "yes" does.
type confirmation struct {
	question string
	yes      func() tea.Cmd
}

// answer handles a key while the question is asked: done reports whether
// it was answered; cmd is what the answer does.
func (c *confirmation) answer(msg tea.KeyPressMsg, k *keyMap) (done bool, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, k.Yes):
		return true, c.yes()
	case key.Matches(msg, k.No):
		return true, nil
	}
	return false, nil
}

// line is the question followed by its keys.
func (c *confirmation) line(k *keyMap) string { return c.question + " " + k.answerKeys() }
