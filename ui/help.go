package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// The F1 list is made from the bindings of the keyMap: each row names every
// key of its binding, so it cannot drift from what the keys do.

// keyWords are the names of keys as the F1 list writes them.
var keyWords = map[string]string{
	"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift",
	"pgdown": "PgDn", "pgup": "PgUp", "enter": "Enter", "esc": "Esc", "tab": "Tab",
	"delete": "Del", "insert": "Insert", "backspace": "Backspace", "home": "Home", "end": "End",
	"up": "↑", "down": "↓", "left": "←", "right": "→", "space": "Space",
}

// humanKey writes a key as people read it: "ctrl+y" is "Ctrl+Y".
func humanKey(k string) string {
	parts := strings.Split(k, "+")
	for i, p := range parts {
		switch {
		case keyWords[p] != "":
			parts[i] = keyWords[p]
		case len(p) > 1 && p[0] == 'f' && strings.Trim(p[1:], "0123456789") == "":
			parts[i] = "F" + p[1:]
		case i > 0:
			parts[i] = strings.ToUpper(p)
		}
	}
	return strings.Join(parts, "+")
}

// keyLabel names every key of b: "Ctrl+Y, F2". A letter and its capital
// are named once.
func keyLabel(b key.Binding) string {
	var names []string
	seen := map[string]bool{}
	for _, k := range b.Keys() {
		if seen[strings.ToLower(k)] {
			continue
		}
		seen[strings.ToLower(k)] = true
		names = append(names, humanKey(k))
	}
	return strings.Join(names, ", ")
}

// full is b as a row of the F1 list: all its keys, and desc.
func full(b key.Binding, desc string) key.Binding { return relabel(b, keyLabel(b), desc) }

// pair is a row of the F1 list for two bindings that go together
// ("Tab/Shift+Tab"); their other keys are named after desc.
func pair(a, b key.Binding, desc string) key.Binding {
	row := key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...))
	if len(a.Keys()) > 1 || len(b.Keys()) > 1 {
		rest := func(b key.Binding) string { return keyLabel(key.NewBinding(key.WithKeys(b.Keys()[1:]...))) }
		desc += " (cả " + rest(a) + " / " + rest(b) + ")"
	}
	first, second := humanKey(a.Keys()[0]), humanKey(b.Keys()[0])
	// "Alt+↑/↓": a modifier both share is written once.
	if i := strings.LastIndex(first, "+"); i > 0 && strings.HasPrefix(second, first[:i+1]) {
		second = second[i+1:]
	}
	row.SetHelp(first+"/"+second, desc)
	return row
}

// legend is a row of the F1 list that explains signs, not keys.
func legend(signs, desc string) key.Binding {
	return key.NewBinding(key.WithHelp(signs, desc))
}

// helpView draws the F1 list: the keys that work everywhere, then those of
// the current screen.
func (m *model) helpView() string {
	k := m.keys
	groups := append([]helpGroup{{"Mọi nơi", []key.Binding{
		full(k.Quit, "thoát (luôn lưu bản nháp trước, rồi hỏi lại)"),
		full(k.Save, "lưu ngay (bản nháp cũng tự lưu sau mỗi thay đổi)"),
		full(k.Help, "bảng phím tắt này (cả "+keyName(k.HelpMark)+" khi không gõ chữ)"),
	}}}, m.cur.FullHelp()...)
	keyW := 16
	for _, g := range groups {
		for _, r := range g.rows {
			keyW = max(keyW, lipgloss.Width(r.Help().Key))
		}
	}
	keyW = min(keyW, m.width/3)
	descW := max(m.width-keyW-5, 10)
	out := []string{m.st.Title.Render("Phím tắt")}
	for _, g := range groups {
		out = append(out, m.st.Strong.Render(g.title))
		for _, r := range g.rows {
			h := r.Help()
			for i, l := range strings.Split(wrapText(h.Desc, descW), "\n") {
				label := ""
				if i == 0 {
					label = h.Key
				}
				out = append(out, "  "+m.st.HelpKey.Render(padRight(label, keyW))+" "+l)
			}
		}
	}
	return strings.Join(out, "\n")
}
