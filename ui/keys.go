package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"baocao/ui/textfield"
)

// keyMap is every key of the interface with its Vietnamese help; nothing
// else in the package defines a key. A screen that needs another label
// for a key copies the binding with relabel. Keys that reach a text field
// are never plain letters, Tab, Enter, Backspace or Ctrl+H: huh and the
// input methods need those.
type keyMap struct {
	// Everywhere.
	Quit     key.Binding
	Save     key.Binding
	Help     key.Binding // F1
	HelpMark key.Binding // "?", where no text is typed

	// Answers to a question.
	Yes key.Binding
	No  key.Binding

	// Moving in lists (drafts, parts, rows, review).
	Up     key.Binding
	Down   key.Binding
	Home   key.Binding
	End    key.Binding
	Open   key.Binding // Enter
	Back   key.Binding // Esc
	Choose key.Binding // ←/→ in a choice written on one line

	// The drafts list.
	New        key.Binding
	Example    key.Binding
	NextPeriod key.Binding
	Export     key.Binding
	Delete     key.Binding
	Leave      key.Binding
	Rollup     key.Binding

	// The wizard.
	NextPart   key.Binding
	PrevPart   key.Binding
	NextField  key.Binding
	PrevField  key.Binding
	Sidebar    key.Binding
	PartNumber key.Binding // digits in the list of parts
	EnterPart  key.Binding // from the list of parts into the part
	Suggest    key.Binding
	Editor     key.Binding
	Review     key.Binding
	AddItem    key.Binding
	RemoveItem key.Binding
	MoveUp     key.Binding
	MoveDown   key.Binding
	RemoveRow  key.Binding
	RowUp      key.Binding
	RowDown    key.Binding

	// The review.
	NextProblem key.Binding
	PrevProblem key.Binding
	PageDown    key.Binding
	PageUp      key.Binding

	// The export.
	OpenFile key.Binding

	// Editing a multi-line text. Backspace and Ctrl+H (the BS Vietnamese
	// input methods send) both delete the character before the cursor.
	Text textfield.Keys
}

// bind makes a binding of keys shown as label with the description desc.
func bind(label, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, desc))
}

// defaultKeyMap returns the keys of baocao.
func defaultKeyMap() keyMap {
	return keyMap{
		Quit:     bind("Ctrl+C", "thoát", "ctrl+c"),
		Save:     bind("Ctrl+S", "lưu ngay", "ctrl+s"),
		Help:     bind("F1", "phím tắt", "f1"),
		HelpMark: bind("?", "phím tắt", "?"),

		Yes: bind("c/y", "có", "c", "C", "y", "Y"),
		No:  bind("k/n", "không", "k", "K", "n", "N", "esc"),

		Up:     bind("↑/↓", "di chuyển", "up"),
		Down:   bind("↓", "xuống", "down"),
		Home:   bind("Home", "đầu", "home"),
		End:    bind("End", "cuối", "end"),
		Open:   bind("Enter", "mở", "enter"),
		Back:   bind("Esc", "quay lại", "esc"),
		Choose: bind("←/→", "chọn", "left", "right"),

		New:        bind("n", "tạo mới", "n", "insert"),
		Example:    bind("v", "mở báo cáo mẫu", "v", "e"),
		NextPeriod: bind("t", "kỳ tiếp theo", "t"),
		Export:     bind("x", "xuất tệp", "x", "ctrl+x"),
		Delete:     bind("Del", "xóa", "delete", "d"),
		Leave:      bind("Esc", "thoát", "esc", "q"),
		Rollup:     bind("h", "tổng hợp số liệu", "h"),

		NextPart:   bind("PgDn", "phần sau", "pgdown", "ctrl+right"),
		PrevPart:   bind("PgUp", "phần trước", "pgup", "ctrl+left"),
		NextField:  bind("Tab", "ô sau", "tab"),
		PrevField:  bind("Shift+Tab", "ô trước", "shift+tab"),
		Sidebar:    bind("Esc", "danh sách phần", "esc"),
		PartNumber: bind("1–9", "đến phần số", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		EnterPart:  bind("Enter", "mở phần", "enter", "right", "tab"),
		Suggest:    bind("Ctrl+Y", "gợi ý", "ctrl+y", "f2"),
		Editor:     bind("Ctrl+O", "trình soạn thảo", "ctrl+o", "f4"),
		Review:     bind("Ctrl+R", "xem lại", "ctrl+r", "f5"),
		AddItem:    bind("Ctrl+N", "thêm", "ctrl+n", "insert"),
		RemoveItem: bind("Ctrl+X", "xóa", "ctrl+x"),
		MoveUp:     bind("Alt+↑", "chuyển lên", "alt+up"),
		MoveDown:   bind("Alt+↓", "chuyển xuống", "alt+down"),
		RemoveRow:  bind("Ctrl+X", "xóa dòng", "ctrl+x", "delete"),
		RowUp:      bind("Alt+↑", "chuyển lên", "alt+up", "shift+up"),
		RowDown:    bind("Alt+↓", "chuyển xuống", "alt+down", "shift+down"),

		NextProblem: bind("Tab", "lỗi sau", "tab", "n"),
		PrevProblem: bind("Shift+Tab", "lỗi trước", "shift+tab", "p"),
		PageDown:    bind("PgDn", "trang sau", "pgdown", "space"),
		PageUp:      bind("PgUp", "trang trước", "pgup"),

		OpenFile: bind("Enter", "mở tệp", "enter", "o"),

		Text: textfield.Keys{
			NewLine:        bind("Enter", "xuống dòng", "enter", "ctrl+j"),
			DeleteBack:     bind("Backspace", "xóa chữ trước", "backspace", "ctrl+h"),
			DeleteForward:  bind("Del", "xóa chữ sau", "delete", "ctrl+d"),
			DeleteWordBack: bind("Ctrl+W", "xóa từ trước", "ctrl+w", "alt+backspace"),
			DeleteWordFwd:  bind("Alt+Del", "xóa từ sau", "alt+delete", "alt+d"),
			DeleteToEnd:    bind("Ctrl+K", "xóa đến cuối đoạn", "ctrl+k"),
			DeleteToStart:  bind("Ctrl+U", "xóa đến đầu đoạn", "ctrl+u"),
			Left:           bind("←", "lùi", "left", "ctrl+b"),
			Right:          bind("→", "tiến", "right", "ctrl+f"),
			WordLeft:       bind("Alt+←", "từ trước", "alt+left", "alt+b"),
			WordRight:      bind("Alt+→", "từ sau", "alt+right", "alt+f"),
			Up:             bind("↑", "dòng trên", "up"),
			Down:           bind("↓", "dòng dưới", "down"),
			LineStart:      bind("Home", "đầu đoạn", "home", "ctrl+a"),
			LineEnd:        bind("End", "cuối đoạn", "end", "ctrl+e"),
			Start:          bind("Ctrl+Home", "đầu ô", "ctrl+home"),
			End:            bind("Ctrl+End", "cuối ô", "ctrl+end"),
		},
	}
}

// relabel copies b with other help text; its keys stay.
func relabel(b key.Binding, label, desc string) key.Binding {
	if label == "" {
		label = b.Help().Key
	}
	b.SetHelp(label, desc)
	return b
}

// redescribe copies b with another description.
func redescribe(b key.Binding, desc string) key.Binding { return relabel(b, "", desc) }

// keyName is how a prompt names the key of b: "Ctrl+Y".
func keyName(b key.Binding) string { return b.Help().Key }

// answerKeys ends every yes/no question: "(c/y: có · k/n: không)".
func (k *keyMap) answerKeys() string {
	return "(" + keyName(k.Yes) + ": " + k.Yes.Help().Desc + " · " + keyName(k.No) + ": " + k.No.Help().Desc + ")"
}

// formKeyMap is huh's keymap for baocao's embedded forms, made from km: Tab
// and Shift+Tab move between fields (Enter too in one-line fields), Ctrl+C
// belongs to the root, huh's own editor key is off, help strings are
// Vietnamese, a confirmation accepts c/k as well as y/n and ←/→ do not
// toggle it.
func formKeyMap(km *keyMap) *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit = key.NewBinding(key.WithDisabled())
	nextOrEnter := key.NewBinding(key.WithKeys(append(km.NextField.Keys(), km.Open.Keys()...)...),
		key.WithHelp(keyName(km.NextField)+"/"+keyName(km.Open), km.NextField.Help().Desc))

	k.Text.Next = km.NextField
	k.Text.Prev = km.PrevField
	k.Text.Submit = redescribe(km.NextField, "phần sau")
	k.Text.NewLine = km.Text.NewLine
	k.Text.Editor = key.NewBinding(key.WithDisabled())

	k.Input.Next = nextOrEnter
	k.Input.Prev = km.PrevField
	k.Input.Submit = redescribe(nextOrEnter, "xong")
	k.Input.AcceptSuggestion = bind("Ctrl+E", "nhận gợi ý", "ctrl+e")

	k.Select.Next = redescribe(nextOrEnter, "chọn")
	k.Select.Prev = km.PrevField
	k.Select.Submit = redescribe(nextOrEnter, "xong")
	k.Select.Up = relabel(km.Up, "↑", "lên")
	k.Select.Down = relabel(km.Down, "↓", "xuống")
	k.Select.Left = relabel(km.Choose, "←", "trước")
	k.Select.Left.SetKeys(km.Choose.Keys()[0])
	k.Select.Right = relabel(km.Choose, "→", "sau")
	k.Select.Right.SetKeys(km.Choose.Keys()[1])
	k.Select.Left.SetEnabled(false)
	k.Select.Right.SetEnabled(false)
	k.Select.Filter = key.NewBinding(key.WithDisabled())
	k.Select.SetFilter = key.NewBinding(key.WithDisabled())
	k.Select.ClearFilter = key.NewBinding(key.WithDisabled())
	k.Select.GotoTop = km.Home
	k.Select.GotoBottom = km.End
	k.Select.HalfPageUp.SetHelp("Ctrl+U", "lên nửa trang")
	k.Select.HalfPageDown.SetHelp("Ctrl+D", "xuống nửa trang")

	k.Confirm.Next = redescribe(nextOrEnter, "chọn")
	k.Confirm.Prev = km.PrevField
	k.Confirm.Submit = redescribe(km.Open, "xong")
	// ←/→ toggled huh's buttons whatever their direction: off. baocao asks
	// its yes/no questions itself, with c/y and k/n.
	k.Confirm.Toggle = key.NewBinding(key.WithDisabled())
	k.Confirm.Accept = km.Yes
	k.Confirm.Reject = relabel(km.No, "", "không")
	k.Confirm.Reject.SetKeys("k", "K", "n", "N")

	k.Note.Next = redescribe(km.Open, "tiếp")
	k.Note.Prev = redescribe(km.PrevField, "trước")
	k.Note.Submit = redescribe(km.Open, "xong")
	return k
}

// typed reports whether msg is a character being typed: a letter, digit,
// mark or space, without Ctrl or Alt.
func typed(msg tea.KeyPressMsg) bool {
	k := msg.Key()
	return k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModMeta|tea.ModSuper) == 0
}
