package textfield

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
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

// TestInputMethodBackspaces: Unikey and EVKey take a letter back with BS
// (Ctrl+H) or Backspace, then send the letter with its mark; the field
// ends with the word, flushed to the bound string.
func TestInputMethodBackspaces(t *testing.T) {
	t.Parallel()
	s := "Báo cáo"
	f := newField(&s, Options{})
	press(f, " Tie", "ctrl+h", "ếng Vie", "backspace", "ệt")
	if s != "Báo cáo Tiếng Việt" {
		t.Errorf("bound text %q", s)
	}
}

// TestResizeKeepsCursor: a new width wraps the text again, the cursor
// where it was.
func TestResizeKeepsCursor(t *testing.T) {
	t.Parallel()
	s := manyLines(50)
	f := newField(&s, Options{})
	f.SetCursor(20, 3)
	for _, w := range []int{12, 120, 30} {
		f.WithWidth(w)
		press(f, "-")
	}
	if row, col := f.Cursor(); row != 20 || col != 6 {
		t.Errorf("cursor at %d:%d, want 20:6", row, col)
	}
	if got := strings.Split(s, "\n")[20]; got != "Dòn---g 21 của phần đánh giá." {
		t.Errorf("line 21 = %q", got)
	}
	if !strings.Contains(ansi.Strip(f.View()), "Dòn---g 21") {
		t.Errorf("the cursor's line not shown:\n%s", ansi.Strip(f.View()))
	}
}

// TestTooLongTextReadOnly: a text longer than MaxRunes is shown and can be
// moved in, but keys and pastes do not change it, and it is never written
// back.
func TestTooLongTextReadOnly(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("Một câu dài. ", MaxRunes/13+1)
	s := text
	f := newField(&s, Options{})
	press(f, "x", "backspace", "enter")
	f.Update(tea.PasteMsg{Content: "dán"})
	press(f, "ctrl+home")
	if row, col := f.Cursor(); row != 0 || col != 0 {
		t.Errorf("Ctrl+Home moved to %d:%d", row, col)
	}
	f.Blur()
	if s != text || f.Text() != text {
		t.Error("a text too long to edit changed")
	}
	if r := f.Refusal(); !strings.Contains(r, "không bị cắt") || !strings.HasSuffix(r, "(Ctrl+O).") {
		t.Errorf("refusal %q", r)
	}
}

// TestFlushOnlyEdited: a text not edited since it was loaded is not written
// back over the bound string; Load reads a changed string.
func TestFlushOnlyEdited(t *testing.T) {
	t.Parallel()
	s := "cũ"
	f := newField(&s, Options{})
	s = "đổi từ ngoài"
	f.Flush()
	f.Blur()
	if s != "đổi từ ngoài" {
		t.Fatalf("a text not edited written back: %q", s)
	}
	v := f.Version()
	f.Load()
	if f.Text() != s || f.Version() == v {
		t.Errorf("after Load: %q, version %d (was %d)", f.Text(), f.Version(), v)
	}
}

// TestFillDropsDescription: a field given too few lines shows its text
// without the description, and keeps at least two lines of text.
func TestFillDropsDescription(t *testing.T) {
	t.Parallel()
	s := manyLines(10)
	f := newField(&s, Options{Suggest: key.NewBinding(key.WithHelp("Ctrl+Y", "gợi ý")), Hint: "chép câu gợi ý"})
	f.Fill(10)
	view := ansi.Strip(f.View())
	if !strings.Contains(view, "Nêu kết quả; Ctrl+Y chép câu gợi ý.") || strings.Count(view, "\n")+1 != 10 {
		t.Errorf("in 10 lines:\n%s", view)
	}
	f.Fill(3)
	view = ansi.Strip(f.View())
	if strings.Contains(view, "Nêu kết quả") || strings.Count(view, "\n")+1 != 3 {
		t.Errorf("in 3 lines:\n%s", view)
	}
}
