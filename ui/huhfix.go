package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// This file holds every way baocao works around huh when embedding its
// forms; nothing else calls a huh form's Update.

// newForm builds an embedded huh form the way every screen uses it: one
// group, no help or errors of huh's own (the screens show them), baocao's
// keys and theme. c.keys may be nil (plain mode never types in it).
func newForm(c *common, width, height int, fields ...huh.Field) *huh.Form {
	km := c.keys
	if km == nil {
		d := defaultKeyMap()
		km = &d
	}
	f := huh.NewForm(huh.NewGroup(fields...)).
		WithShowHelp(false).
		WithShowErrors(false).
		WithKeyMap(formKeyMap(km)).
		WithTheme(c.st.formTheme()).
		WithWidth(max(width, 20))
	if height > 0 {
		f = f.WithHeight(height)
	}
	return f
}

// advance moves the focus of form f, whose fields are order, for a key
// that moves between fields, at once: huh's own Tab takes effect a message
// later, so keys typed right after landed in the field left, and a form
// completed stays completed for every message after (one confirmation made
// two drafts that way). done reports Tab or Enter on the last field: the
// screen acts on the answers then, once.
func advance(f *huh.Form, order []string, km tea.KeyPressMsg, k *keyMap) (handled, done bool, cmd tea.Cmd) {
	at := focusedIndex(f, order)
	switch {
	case key.Matches(km, k.NextField), key.Matches(km, k.Open):
		if at == len(order)-1 {
			return true, true, nil
		}
		return true, false, f.NextField()
	case key.Matches(km, k.PrevField):
		if at <= 0 {
			return true, false, nil
		}
		return true, false, f.PrevField()
	}
	return false, false, nil
}

// focusedIndex is the place in order, the keys of f's fields, of its
// focused field, or -1.
func focusedIndex(f *huh.Form, order []string) int {
	if ff := f.GetFocusedField(); ff != nil {
		return slices.Index(order, ff.GetKey())
	}
	return -1
}

// updateForm gives msg to a form and returns the form huh hands back, with
// its command. huh returns the form itself; should it not, the form kept
// is the one given.
func updateForm(f *huh.Form, msg tea.Msg) (*huh.Form, tea.Cmd) {
	m, cmd := f.Update(msg)
	if nf, ok := m.(*huh.Form); ok && nf != nil {
		return nf, cmd
	}
	return f, cmd
}

// focusKey moves the focus of form f, whose fields are order, to the
// field key, at once (huh's Tab moves it one message later, so a key typed
// right after would land in the field left). huh moves the focus only a
// field at a time: back to the first field, then on to key. (PrevField on
// the first field would ask for the previous group, and NextField on the
// last for the next, completing the form: their commands are dropped.)
func focusKey(f *huh.Form, order []string, key string) tea.Cmd {
	at := func() int { return focusedIndex(f, order) }
	for i := 0; i < len(order) && at() > 0; i++ {
		f.PrevField()
	}
	var cmds []tea.Cmd
	for i := 0; i < len(order) && at() >= 0 && order[at()] != key && at() < len(order)-1; i++ {
		cmds = append(cmds, f.NextField())
	}
	return tea.Batch(cmds...)
}

// homeInputs shows every one-line field of pf but the focused one from its
// start: huh's text input stays scrolled to where it was edited, hiding a
// long value's beginning ("> o cáo kết quả…"). The focused field, if it
// was shown from its start, gets its cursor back at the end.
func (pf *partForm) homeInputs() tea.Cmd {
	if pf == nil || pf.form == nil || len(pf.inputs) == 0 {
		return nil
	}
	changed := false
	focused := ""
	if f := pf.form.GetFocusedField(); f != nil {
		focused = f.GetKey()
	}
	if pf.homed == nil {
		pf.homed = map[string]bool{}
	}
	for k, in := range pf.inputs {
		switch {
		case k == focused:
			if pf.homed[k] {
				delete(pf.homed, k)
				in.Update(tea.KeyPressMsg{Code: tea.KeyEnd})
				changed = true
			}
		case !pf.homed[k]:
			// huh's text input moves only while focused.
			in.Focus()
			in.Update(tea.KeyPressMsg{Code: tea.KeyHome})
			in.Blur()
			pf.homed[k] = true
			changed = true
		}
	}
	if !changed {
		return nil
	}
	// The form draws its fields once per message: draw them again.
	var cmd tea.Cmd
	pf.form, cmd = updateForm(pf.form, redrawMsg{})
	return cmd
}

// redrawMsg makes a huh form draw its fields again.
type redrawMsg struct{}

// oneLinePaste joins the lines of a paste with sep, for forms whose fields
// are all one line (a textinput would keep only the first); other messages
// pass unchanged.
func oneLinePaste(msg tea.Msg, sep string) tea.Msg {
	if pm, ok := msg.(tea.PasteMsg); ok {
		pm.Content = strings.NewReplacer("\r\n", sep, "\r", sep, "\n", sep).Replace(pm.Content)
		return pm
	}
	return msg
}
