package textfield

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// testKeys are the editing keys ui gives its fields, as far as these tests
// press them.
var testKeys = Keys{
	NewLine:    key.NewBinding(key.WithKeys("enter", "ctrl+j"), key.WithHelp("Enter", "xuống dòng")),
	DeleteBack: key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("Backspace", "xóa chữ trước")),
	Left:       key.NewBinding(key.WithKeys("left", "ctrl+b"), key.WithHelp("←", "lùi")),
	Up:         key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "dòng trên")),
	Start:      key.NewBinding(key.WithKeys("ctrl+home"), key.WithHelp("Ctrl+Home", "đầu ô")),
}

// newField is a focused field on *s, 5 lines tall, 40 cells wide.
func newField(s *string, o Options) *Field {
	o.Keys = &testKeys
	o.Editor = key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("Ctrl+O", "trình soạn thảo"))
	f := New("k", "Nội dung", "Nêu kết quả.", s, 5, o)
	f.WithWidth(40)
	f.Focus()
	return f
}

// press sends keys to f: a name with Ctrl ("ctrl+h"), Backspace, Enter,
// an arrow, or else text typed.
func press(f *Field, keys ...string) {
	for _, k := range keys {
		var msg tea.Key
		switch k {
		case "backspace":
			msg.Code = tea.KeyBackspace
		case "enter":
			msg.Code = tea.KeyEnter
		case "left":
			msg.Code = tea.KeyLeft
		case "up":
			msg.Code = tea.KeyUp
		case "ctrl+h":
			msg.Code, msg.Mod = 'h', tea.ModCtrl
		case "ctrl+home":
			msg.Code, msg.Mod = tea.KeyHome, tea.ModCtrl
		default:
			for _, r := range k {
				f.Update(tea.KeyPressMsg(tea.Key{Code: r, Text: string(r)}))
			}
			continue
		}
		f.Update(tea.KeyPressMsg(msg))
	}
}

// TestPasteTooLongRefused: a paste that would make a text too long is not
// inserted, not cut, and the refusal says so.
func TestPasteTooLongRefused(t *testing.T) {
	t.Parallel()
	s := ""
	f := newField(&s, Options{})
	f.Update(tea.PasteMsg{Content: strings.Repeat("x", MaxRunes+1)})
	if f.Text() != "" || s != "" {
		t.Error("part of the paste went in")
	}
	if r := f.Refusal(); !strings.HasPrefix(r, "Chưa dán gì: đoạn dán dài 500.001 ký tự") {
		t.Errorf("refusal %q", r)
	}
	press(f, "a")
	if f.Refusal() != "" {
		t.Error("the refusal stays after a key")
	}
}
