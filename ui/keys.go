package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// KeyMap is every key of the interface with its Vietnamese help. Keys that
// reach a text field are never plain letters, Tab, Enter, Backspace or
// Ctrl+H: huh and the input methods need those.
type KeyMap struct {
	// Everywhere.
	Quit key.Binding
	Save key.Binding
	Help key.Binding // F1; "?" too where no text is typed

	// Lists (drafts, sidebar, review, rows).
	Up     key.Binding
	Down   key.Binding
	Open   key.Binding
	Back   key.Binding
	New    key.Binding
	Next   key.Binding // next period draft
	Export key.Binding
	Delete key.Binding
	Yes    key.Binding
	No     key.Binding

	// Wizard.
	NextPart   key.Binding
	PrevPart   key.Binding
	NextField  key.Binding // help only: huh handles it
	PrevField  key.Binding // help only
	NewLine    key.Binding // help only
	Sidebar    key.Binding
	Suggest    key.Binding
	Editor     key.Binding
	Review     key.Binding
	AddItem    key.Binding
	RemoveItem key.Binding
	MoveUp     key.Binding
	MoveDown   key.Binding

	// Review.
	NextProblem key.Binding
	PrevProblem key.Binding
	PageDown    key.Binding
	PageUp      key.Binding
}

// DefaultKeyMap returns the keys of baocao.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("Ctrl+C", "thoát")),
		Save: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("Ctrl+S", "lưu ngay")),
		Help: key.NewBinding(key.WithKeys("f1", "?"), key.WithHelp("F1", "phím tắt")),

		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "di chuyển")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "xuống")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "mở")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "quay lại")),
		New:    key.NewBinding(key.WithKeys("n", "insert"), key.WithHelp("n", "tạo mới")),
		Next:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "kỳ tiếp theo")),
		Export: key.NewBinding(key.WithKeys("x", "ctrl+x"), key.WithHelp("x", "xuất PDF")),
		Delete: key.NewBinding(key.WithKeys("delete", "d"), key.WithHelp("Del", "xóa")),
		Yes:    key.NewBinding(key.WithKeys("c", "C", "y", "Y"), key.WithHelp("c/y", "có")),
		No:     key.NewBinding(key.WithKeys("k", "K", "n", "N", "esc"), key.WithHelp("k/n", "không")),

		NextPart:   key.NewBinding(key.WithKeys("pgdown", "ctrl+right"), key.WithHelp("PgDn", "phần sau")),
		PrevPart:   key.NewBinding(key.WithKeys("pgup", "ctrl+left"), key.WithHelp("PgUp", "phần trước")),
		NextField:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("Tab", "ô sau")),
		PrevField:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("Shift+Tab", "ô trước")),
		NewLine:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "xuống dòng")),
		Sidebar:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "danh sách phần")),
		Suggest:    key.NewBinding(key.WithKeys("ctrl+y", "f2"), key.WithHelp("Ctrl+Y", "gợi ý")),
		Editor:     key.NewBinding(key.WithKeys("ctrl+o", "f4"), key.WithHelp("Ctrl+O", "trình soạn thảo")),
		Review:     key.NewBinding(key.WithKeys("ctrl+r", "f5"), key.WithHelp("Ctrl+R", "xem lại")),
		AddItem:    key.NewBinding(key.WithKeys("ctrl+n", "insert"), key.WithHelp("Ctrl+N", "thêm")),
		RemoveItem: key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("Ctrl+X", "xóa")),
		MoveUp:     key.NewBinding(key.WithKeys("alt+up"), key.WithHelp("Alt+↑", "chuyển lên")),
		MoveDown:   key.NewBinding(key.WithKeys("alt+down"), key.WithHelp("Alt+↓", "chuyển xuống")),

		NextProblem: key.NewBinding(key.WithKeys("tab", "n"), key.WithHelp("Tab", "lỗi sau")),
		PrevProblem: key.NewBinding(key.WithKeys("shift+tab", "p"), key.WithHelp("Shift+Tab", "lỗi trước")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("PgDn", "trang sau")),
		PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp("PgUp", "trang trước")),
	}
}

// confirmKeys is how every yes/no question ends.
const confirmKeys = "(c/y: có · k/n: không)"

// formKeyMap is huh's keymap remapped for baocao: in multi-line text Enter
// inserts a line, Tab and Shift+Tab move between fields; Ctrl+C belongs to
// the root; huh's own editor key is off (the root opens the editor); help
// strings are Vietnamese; a confirmation accepts c/k as well as y/n and
// ←/→ do not toggle it.
func formKeyMap() *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit = key.NewBinding(key.WithDisabled())

	k.Text.Next = key.NewBinding(key.WithKeys("tab"), key.WithHelp("Tab", "ô sau"))
	k.Text.Prev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("Shift+Tab", "ô trước"))
	k.Text.Submit = key.NewBinding(key.WithKeys("tab"), key.WithHelp("Tab", "phần sau"))
	k.Text.NewLine = key.NewBinding(key.WithKeys("enter", "ctrl+j"), key.WithHelp("Enter", "xuống dòng"))
	k.Text.Editor = key.NewBinding(key.WithDisabled())

	k.Input.Next = key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("Tab/Enter", "ô sau"))
	k.Input.Prev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("Shift+Tab", "ô trước"))
	k.Input.Submit = key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("Tab/Enter", "xong"))
	k.Input.AcceptSuggestion = key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("Ctrl+E", "nhận gợi ý"))

	k.Select.Next = key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("Tab/Enter", "chọn"))
	k.Select.Prev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("Shift+Tab", "ô trước"))
	k.Select.Submit = key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("Tab/Enter", "xong"))
	k.Select.Up.SetHelp("↑", "lên")
	k.Select.Down.SetHelp("↓", "xuống")
	k.Select.Left = key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "trước"), key.WithDisabled())
	k.Select.Right = key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "sau"), key.WithDisabled())
	k.Select.Filter = key.NewBinding(key.WithDisabled())
	k.Select.SetFilter = key.NewBinding(key.WithDisabled())
	k.Select.ClearFilter = key.NewBinding(key.WithDisabled())
	k.Select.GotoTop = key.NewBinding(key.WithKeys("home"), key.WithHelp("Home", "đầu"))
	k.Select.GotoBottom = key.NewBinding(key.WithKeys("end"), key.WithHelp("End", "cuối"))
	k.Select.HalfPageUp.SetHelp("Ctrl+U", "lên nửa trang")
	k.Select.HalfPageDown.SetHelp("Ctrl+D", "xuống nửa trang")

	k.Confirm.Next = key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("Enter", "chọn"))
	k.Confirm.Prev = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("Shift+Tab", "ô trước"))
	k.Confirm.Submit = key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "xong"))
	// ←/→ toggled huh's buttons whatever their direction (→ on the right
	// button chose the left one): off. baocao asks its yes/no questions
	// itself, with c/y and k/n.
	k.Confirm.Toggle = key.NewBinding(key.WithDisabled())
	k.Confirm.Accept = key.NewBinding(key.WithKeys("c", "C", "y", "Y"), key.WithHelp("c/y", "có"))
	k.Confirm.Reject = key.NewBinding(key.WithKeys("k", "K", "n", "N"), key.WithHelp("k/n", "không"))

	k.Note.Next.SetHelp("Enter", "tiếp")
	k.Note.Prev.SetHelp("Shift+Tab", "trước")
	k.Note.Submit.SetHelp("Enter", "xong")
	return k
}

// typed reports whether msg is a character being typed: a letter, digit,
// mark or space, without Ctrl or Alt.
func typed(msg tea.KeyPressMsg) bool {
	k := msg.Key()
	return k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModMeta|tea.ModSuper) == 0
}
