package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// The wizard's edits beyond typing: suggested wording, the external
// editor, adding, moving and removing items.

// item is the current part's item, or nil for a part that is not an item.
func (w *wizard) item() *report.Item {
	p := w.part()
	if p.Section < 0 || p.Item < 0 {
		return nil
	}
	return &w.d.r.Sections[p.Section].Items[p.Item]
}

// suggest inserts the template's wording into the focused field when it is
// empty, the cursor at its end.
func (w *wizard) suggest() tea.Cmd {
	af := w.active()
	key, fi := af.focused()
	if fi == nil || fi.suggest == nil || fi.text == nil {
		w.flash = "Ô này không có gợi ý."
		return nil
	}
	if strings.TrimSpace(*fi.text) != "" {
		w.flash = "Ô đang có nội dung: gợi ý chỉ chèn vào ô trống."
		return nil
	}
	text := fi.suggest()
	if text == "" {
		w.flash = "Chưa có gợi ý cho ô này: hãy nhập số liệu ở phần Chỉ tiêu trước."
		return nil
	}
	*fi.text = text
	af.reload(key)
	w.edited()
	w.flash = "Đã chèn gợi ý: hãy sửa cho đúng với đơn vị."
	return redraw(af)
}

// redraw makes pf's form draw its fields again after a text changed under
// it: huh draws a form's fields only when the form gets a message, so the
// new text would show only at the next key.
func redraw(pf *partForm) tea.Cmd {
	if pf == nil || pf.form == nil {
		return nil
	}
	var cmd tea.Cmd
	pf.form, cmd = updateForm(pf.form, redrawMsg{})
	return cmd
}

// editorDoneMsg brings back the text edited in the external editor.
type editorDoneMsg struct {
	key  string
	text string
	err  error
}

// editor opens the focused long text in the external editor.
func (w *wizard) editor() tea.Cmd {
	key, fi := w.active().focused()
	if fi == nil || !fi.multiline || fi.text == nil {
		w.flash = "Trình soạn thảo ngoài chỉ dùng cho ô nhiều dòng."
		return nil
	}
	fi.field.Flush()
	return openEditor(key, *fi.text)
}

func (w *wizard) editorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		w.flash = "Không mở được trình soạn thảo: " + msg.err.Error() + "."
		return nil
	}
	af := w.active()
	if af == nil {
		return nil
	}
	if fi := af.fields[msg.key]; fi != nil && fi.text != nil {
		*fi.text = strings.TrimRight(strings.ReplaceAll(msg.text, "\r\n", "\n"), "\n")
		af.reload(msg.key)
		w.edited()
		return redraw(af)
	}
	return nil
}

// addItem adds an item to the current section, after the current item, and
// shows it.
func (w *wizard) addItem() tea.Cmd {
	p := w.part()
	s := &w.d.r.Sections[p.Section]
	at := len(s.Items)
	if p.Item >= 0 {
		at = p.Item + 1
	}
	s.Items = insertAt(s.Items, at, []report.Item{{}})
	w.restructured(p.Section)
	for i, q := range w.parts {
		if q.Section == p.Section && q.Item == at {
			w.flash = "Đã thêm mục " + q.ID + "."
			return tea.Batch(w.open(i, ""), cmdOf(partLeftMsg{}))
		}
	}
	return nil
}

// askRemoveItem asks whether to remove the current item, if the official
// added it.
func (w *wizard) askRemoveItem() {
	it := w.item()
	switch {
	case it == nil:
		w.flash = "Chỉ xóa được các mục bạn đã thêm."
	case it.Key != "":
		w.flash = "Mục có sẵn theo mẫu không xóa được; có thể để trống nội dung."
	default:
		id := w.part().ID
		w.ask = &confirmation{question: "Xóa mục " + id + "?", yes: w.removeItem}
	}
}

func (w *wizard) removeItem() tea.Cmd {
	p := w.part()
	if p.Item < 0 {
		return nil
	}
	s := &w.d.r.Sections[p.Section]
	s.Items = append(s.Items[:p.Item], s.Items[p.Item+1:]...)
	at := w.cur
	w.restructured(p.Section)
	w.flash = "Đã xóa mục " + p.ID + "."
	// The part at the same place, the one after the removed item, is shown
	// as a part entered.
	w.cur = -1
	return w.open(min(at, len(w.parts)-1), "")
}

// moveItem swaps the current item with its neighbour by d and follows it.
func (w *wizard) moveItem(d int) tea.Cmd {
	p := w.part()
	s := &w.d.r.Sections[p.Section]
	j := p.Item + d
	if j < 0 || j >= len(s.Items) {
		return nil
	}
	// The item's form, with its cursor, moves with it.
	pf := w.forms[p.ID]
	s.Items[p.Item], s.Items[j] = s.Items[j], s.Items[p.Item]
	w.restructured(p.Section)
	for i, q := range w.parts {
		if q.Section == p.Section && q.Item == j {
			w.cur = i
			w.flash = "Đã chuyển thành mục " + q.ID + "."
			if pf != nil {
				w.forms[q.ID] = w.rebind(pf, q)
			}
			return cmdOf(partLeftMsg{})
		}
	}
	return nil
}

// rebind keeps a moved item's form, its fields bound to the item at its
// new place.
func (w *wizard) rebind(old *partForm, p report.Part) *partForm {
	pf := buildPart(&w.common, w.d.r, p, w.paneWidth(), 0)
	pf.setSize(w.paneWidth(), w.formHeight(pf))
	for k, fi := range old.fields {
		nk := strings.Replace(k, old.part.ID, p.ID, 1)
		if nfi := pf.fields[nk]; nfi != nil && fi.field != nil && nfi.field != nil {
			nfi.field.SetCursor(fi.field.Cursor())
		}
	}
	if k := old.focusedKey(); k != "" {
		pf.focus(strings.Replace(k, old.part.ID, p.ID, 1))
	}
	return pf
}
