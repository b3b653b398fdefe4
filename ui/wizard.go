package ui

import (
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// Messages the wizard sends up to the root.
type (
	// openReviewMsg asks for the review screen, scrolled to the list of
	// problems if problems is set.
	openReviewMsg struct{ problems bool }
	// closeDraftMsg asks to close the draft and show the drafts list.
	closeDraftMsg struct{}
	// partLeftMsg says the official left a part or a row: a moment to
	// save.
	partLeftMsg struct{}
)

// focusArea is where the wizard's keys go.
type focusArea int

const (
	focusPane focusArea = iota
	focusSidebar
)

// wizard is the screen where the report is filled in: the sidebar of parts
// and the current part's form. Each part's form is built the first time
// the part is shown and kept, with its fields' cursors, until the part's
// place in the report changes (an item added, moved or removed).
type wizard struct {
	common
	d       *draft
	nowYear int

	parts []report.Part
	cur   int
	focus focusArea
	forms map[string]*partForm
	side  sidebar

	ask    *confirmation
	flash  string
	notice string // said until the part is left

	// drafts lists the drafts of the folder, to warn when the period is
	// changed to one that already has a draft of the unit.
	drafts  func() []report.Entry
	period  report.Period
	dupWarn string

	// lent is the form whose filling text gave lines to long messages
	// under it, and lentLines how many (see paneLines).
	lent      *partForm
	lentLines int
}

func newWizard(c common, d *draft, drafts func() []report.Entry) *wizard {
	w := &wizard{common: c, d: d, nowYear: c.now().Year(), forms: map[string]*partForm{}, drafts: drafts, period: d.r.Period}
	w.parts = d.status(w.nowYear).parts
	return w
}

// start shows the part the draft opens at: where its last session was
// editing, with the cursor at the end of that field's text (the nearest
// part left, when that one is gone); else the first part not done. A session that ended without closing the draft is
// said once.
func (w *wizard) start(fresh bool) tea.Cmd {
	i, field := 0, ""
	if !fresh {
		i = w.firstNotDone()
		if at := resumeIndex(w.parts, w.d.resume.part); at >= 0 {
			i = at
			if w.parts[at].ID == w.d.resume.part {
				field = w.d.resume.field
			}
		}
	}
	cmd := w.open(i, field)
	if !fresh && !w.d.crashed.IsZero() {
		w.notice = "Lần làm việc trước với bản nháp này đã kết thúc đột ngột (chưa đóng bản nháp), lần lưu cuối lúc " +
			w.d.crashed.Format("15:04 ngày 02/01/2006") + ": bản nháp mở lại ở chỗ đang soạn."
	}
	if w.d.readOnly {
		w.notice = readOnlyHint
	}
	return cmd
}

func (w *wizard) partIndex(id string) int {
	for i, p := range w.parts {
		if p.ID == id {
			return i
		}
	}
	return -1
}

func (w *wizard) firstNotDone() int {
	for i, p := range w.parts {
		if w.d.r.State(p) != report.Done {
			return i
		}
	}
	return 0
}

func (w *wizard) part() report.Part { return w.parts[w.cur] }

// form is the current part's form, built the first time it is needed.
func (w *wizard) form() *partForm {
	p := w.part()
	pf := w.forms[p.ID]
	if pf == nil || pf.part != p {
		pf = buildPart(&w.common, w.d.r, p, w.paneWidth(), 0)
		pf.setSize(w.paneWidth(), w.formHeight(pf))
		pf.focus("")
		w.forms[p.ID] = pf
	}
	return pf
}

// active is the form keys go to: a row's while it is edited, else the
// part's; nil on a list of rows.
func (w *wizard) active() *partForm {
	pf := w.form()
	if pf.list != nil {
		return pf.list.editing
	}
	return pf
}

// open shows part i. field, when given, gets the focus ("$last": the last
// field); otherwise the part shows as it was left, its cursors where they
// were.
func (w *wizard) open(i int, field string) tea.Cmd {
	i = max(0, min(i, len(w.parts)-1))
	w.d.release()
	left := i != w.cur
	w.cur = i
	w.ask = nil
	if left {
		w.notice = ""
	}
	pf := w.form()
	var cmd tea.Cmd
	switch {
	case pf.list != nil:
		cmd = w.openRow(pf.list, field)
	case field != "":
		cmd = pf.focus(field)
	}
	if left {
		cmd = tea.Batch(cmd, cmdOf(partLeftMsg{}))
	}
	return cmd
}

// openRow puts a list's cursor on the row of field and edits it; for ""
// the list shows as it was left.
func (w *wizard) openRow(l *rowList, field string) tea.Cmd {
	if field == "" || field == "$last" {
		return nil
	}
	row := l.rows.row(field)
	if row < 0 {
		return nil
	}
	l.cursor = row
	l.clamp()
	return w.editRow(field)
}

// editRow opens the form of the row under the list's cursor, focused on
// field.
func (w *wizard) editRow(field string) tea.Cmd {
	l := w.form().list
	if l.rows.count() == 0 {
		return nil
	}
	l.editing = l.rows.form(&w.common, l.cursor, w.paneWidth(), w.formHeight(nil)-2)
	return l.editing.focus(field)
}

// closeRow goes back from a row's form to the list.
func (w *wizard) closeRow() tea.Cmd {
	l := w.form().list
	l.editing.flush()
	l.editing = nil
	return cmdOf(partLeftMsg{})
}

// restructured drops the forms bound into section si's items, whose places
// changed, and reads the parts again.
func (w *wizard) restructured(si int) {
	for id, pf := range w.forms {
		if pf.part.Section == si {
			delete(w.forms, id)
		}
	}
	w.d.edited(w.part().ID, "")
	w.d.release()
	w.parts = w.d.status(w.nowYear).parts
	w.cur = min(w.cur, len(w.parts)-1)
}

// edited notes a change of the report.
func (w *wizard) edited() {
	field := ""
	if af := w.active(); af != nil {
		field = af.focusedKey()
	}
	w.d.edited(w.part().ID, field)
	if w.d.r.Period != w.period {
		w.period = w.d.r.Period
		w.dupWarn = w.otherDraft()
		w.d.findLastYear()
	}
	w.followDerived()
}

// followDerived shows, in every form kept, the new text of the fields
// holding derived text that the edit changed (a trích yếu taken with Ctrl+Y
// and a period changed, say): such a field shows what the document says.
func (w *wizard) followDerived() {
	changed := w.d.r.FollowDerived()
	if len(changed) == 0 {
		return
	}
	for _, pf := range w.forms {
		loaded := false
		for _, key := range changed {
			if fi := pf.fields[key]; fi != nil && fi.field != nil {
				fi.field.Load()
				loaded = true
			}
		}
		if loaded && pf.form != nil {
			// The form draws its fields once per message: draw them again.
			pf.form, _ = updateForm(pf.form, redrawMsg{})
		}
	}
}

// otherDraft says which other draft of the unit covers the report's period,
// or "" when there is none.
func (w *wizard) otherDraft() string {
	if w.drafts == nil {
		return ""
	}
	r := w.d.r
	for _, e := range w.drafts() {
		if e.Report == nil || filepath.Clean(e.Path) == filepath.Clean(w.d.path) {
			continue
		}
		if report.SameUnit(e.Report, r) && e.Report.Period == r.Period {
			return "Đã có bản nháp khác của " + r.Locality() + " cho " + r.Period.Phrase() + ": " + e.Name + "."
		}
	}
	return ""
}

// Update handles a message; the root has taken the global keys.
func (w *wizard) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		w.flash = ""
		if w.ask != nil {
			done, cmd := w.ask.answer(msg, w.keys)
			if done {
				w.ask = nil
			}
			return cmd
		}
		if w.focus == focusSidebar {
			return w.updateSidebar(msg)
		}
		return w.updatePane(msg)
	case tea.PasteMsg:
		if w.focus != focusPane || w.active() == nil || w.refused() {
			return nil
		}
		return w.toForm(msg)
	case tea.MouseClickMsg:
		return w.click(msg.Mouse())
	case editorDoneMsg:
		return w.editorDone(msg)
	case jumpMsg:
		return w.jump(msg.p)
	}
	// Anything else (cursor blinks, huh's own messages) goes to the form.
	if w.active() == nil {
		return nil
	}
	return w.toForm(msg)
}

// toForm gives msg to the active form and notes an edit.
func (w *wizard) toForm(msg tea.Msg) tea.Cmd {
	af := w.active()
	if af == nil || af.form == nil {
		return nil
	}
	cmd, changed := af.update(msg)
	if !changed {
		return cmd
	}
	if w.refused() {
		return w.undo()
	}
	w.edited()
	if _, fi := af.focused(); fi != nil && fi.field != nil {
		return tea.Batch(cmd, w.d.typed(time.Now()))
	}
	w.d.release()
	return cmd
}

// refused reports whether the draft is read-only, and then says that it
// cannot be changed.
func (w *wizard) refused() bool {
	if !w.d.readOnly {
		return false
	}
	w.flash = readOnlyRefusal
	return true
}

// undo takes back a change a form made to a read-only draft (a choice
// moved with an arrow, a character deleted): the report is as read, and
// the forms, bound to it, are built again, the focus where it was.
func (w *wizard) undo() tea.Cmd {
	field := ""
	if af := w.active(); af != nil {
		field = af.focusedKey()
	}
	w.d.revert()
	w.forms = map[string]*partForm{}
	w.d.release()
	w.parts = w.d.status(w.nowYear).parts
	return w.open(w.cur, field)
}

// jump shows the part and field a problem belongs to.
func (w *wizard) jump(p report.Problem) tea.Cmd {
	i := w.partIndex(p.Part)
	if i < 0 {
		return nil
	}
	w.focus = focusPane
	if l := w.forms[p.Part]; l != nil && l.list != nil {
		l.list.editing = nil
	}
	return w.open(i, p.Field)
}

func (w *wizard) updateSidebar(msg tea.KeyPressMsg) tea.Cmd {
	k := w.keys
	switch {
	case key.Matches(msg, k.PartNumber):
		if i := w.side.number(msg.String(), w.now(), len(w.parts)); i >= 0 {
			return w.open(i, "")
		}
		return nil
	case typed(msg):
		// A letter: nothing is typed from the list of parts (it went to
		// the start of the field), only say how to write.
		w.flash = "Nhấn " + keyName(k.EnterPart) + " để vào phần này rồi gõ nội dung."
		return nil
	case key.Matches(msg, k.Up):
		return w.open(w.cur-1, "")
	case key.Matches(msg, k.Down):
		return w.open(w.cur+1, "")
	case key.Matches(msg, k.Home):
		return w.open(0, "")
	case key.Matches(msg, k.End):
		return w.open(len(w.parts)-1, "")
	case key.Matches(msg, k.NextPart):
		return w.open(w.cur+1, "")
	case key.Matches(msg, k.PrevPart):
		return w.open(w.cur-1, "")
	case key.Matches(msg, k.EnterPart):
		w.focus = focusPane
	case key.Matches(msg, k.Review):
		return cmdOf(openReviewMsg{})
	case key.Matches(msg, k.Back):
		return cmdOf(closeDraftMsg{})
	}
	return nil
}

func (w *wizard) updatePane(msg tea.KeyPressMsg) tea.Cmd {
	k := w.keys
	switch {
	case key.Matches(msg, k.NextPart):
		if w.cur < len(w.parts)-1 {
			return w.open(w.cur+1, "")
		}
		return nil
	case key.Matches(msg, k.PrevPart):
		if w.cur > 0 {
			return w.open(w.cur-1, "")
		}
		return nil
	case key.Matches(msg, k.Review):
		return cmdOf(openReviewMsg{})
	}
	pf := w.form()
	if pf.list != nil && pf.list.editing == nil {
		return w.updateRows(pf.list, msg)
	}
	af := w.active()
	_, fi := af.focused()
	if (typed(msg) || key.Matches(msg, k.Suggest, k.Editor, k.AddItem, k.RemoveItem, k.MoveUp, k.MoveDown)) && w.refused() {
		return nil
	}
	switch {
	case key.Matches(msg, k.Sidebar):
		if pf.list != nil {
			return w.closeRow()
		}
		w.focus = focusSidebar
		return nil
	case key.Matches(msg, k.Suggest):
		return w.suggest()
	case key.Matches(msg, k.Editor):
		return w.editor()
	case key.Matches(msg, k.AddItem) && w.part().Section >= 0:
		return w.addItem()
	case key.Matches(msg, k.RemoveItem) && w.part().Section >= 0:
		w.askRemoveItem()
		return nil
	case key.Matches(msg, k.MoveUp) && w.item() != nil:
		return w.moveItem(-1)
	case key.Matches(msg, k.MoveDown) && w.item() != nil:
		return w.moveItem(1)
	case key.Matches(msg, k.NextField), key.Matches(msg, k.Open) && (fi == nil || !fi.multiline):
		return w.nextField(af)
	case key.Matches(msg, k.PrevField):
		return w.prevField(af)
	}
	return w.toForm(msg)
}

// nextField moves to the next field at once; from the last field, to the
// next part (from a row's last field, back to the list; from the last
// part's, to the review).
func (w *wizard) nextField(af *partForm) tea.Cmd {
	w.d.release()
	if i := af.index(); i >= 0 && i < len(af.order)-1 {
		return tea.Batch(af.form.NextField(), af.homeInputs())
	}
	switch {
	case af != w.form():
		return w.closeRow()
	case w.cur < len(w.parts)-1:
		return w.open(w.cur+1, "")
	}
	return cmdOf(openReviewMsg{})
}

// prevField moves to the previous field at once; from the first, to the
// previous part's last field.
func (w *wizard) prevField(af *partForm) tea.Cmd {
	w.d.release()
	if af.index() > 0 {
		return tea.Batch(af.form.PrevField(), af.homeInputs())
	}
	if af == w.form() && w.cur > 0 {
		return w.open(w.cur-1, "$last")
	}
	return nil
}

func (w *wizard) updateRows(l *rowList, msg tea.KeyPressMsg) tea.Cmd {
	k := w.keys
	if key.Matches(msg, k.RowUp, k.RowDown, k.AddItem, k.RemoveRow) && w.refused() {
		return nil
	}
	switch {
	case key.Matches(msg, k.Sidebar):
		w.focus = focusSidebar
	case key.Matches(msg, k.RowUp):
		if l.shift(-1) {
			w.edited()
		}
	case key.Matches(msg, k.RowDown):
		if l.shift(1) {
			w.edited()
		}
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.Down):
		l.move(1)
	case key.Matches(msg, k.Home):
		l.cursor = 0
	case key.Matches(msg, k.End):
		l.cursor = l.rows.count() - 1
	case key.Matches(msg, k.Open):
		return w.editRow("")
	case key.Matches(msg, k.NextField):
		if w.cur < len(w.parts)-1 {
			return w.open(w.cur+1, "")
		}
	case key.Matches(msg, k.PrevField):
		if w.cur > 0 {
			return w.open(w.cur-1, "$last")
		}
	case key.Matches(msg, k.AddItem):
		l.add()
		w.edited()
		return w.editRow("")
	case key.Matches(msg, k.RemoveRow):
		if l.rows.fixed(l.cursor) {
			w.flash = "Dòng " + l.rows.name(l.cursor) + " không xóa được; có thể sửa nội dung."
			return nil
		}
		if l.rows.count() > 0 {
			w.ask = &confirmation{question: "Xóa dòng " + l.rows.name(l.cursor) + "?", yes: func() tea.Cmd {
				l.remove()
				w.edited()
				return cmdOf(partLeftMsg{})
			}}
		}
	}
	return nil
}

// click handles a mouse click: on the sidebar, it opens the part.
func (w *wizard) click(m tea.Mouse) tea.Cmd {
	if w.compact() || m.X >= w.sidebarWidth()+1 || m.Y < 1 || m.Y > w.height {
		return nil
	}
	if i := w.side.at(m.Y-1, len(w.parts)); i >= 0 {
		w.focus = focusPane
		return w.open(i, "")
	}
	return nil
}

// SetSize fits the wizard in width×height cells. The forms are resized,
// never rebuilt: cursors, scrolls and focus stay.
func (w *wizard) SetSize(width, height int) {
	if width == w.width && height == w.height {
		return
	}
	w.width, w.height = width, height
	w.lent, w.lentLines = nil, 0 // every form gets its room back
	for _, pf := range w.forms {
		pf.setSize(w.paneWidth(), w.formHeight(pf))
		if pf.list != nil && pf.list.editing != nil {
			pf.list.editing.setSize(w.paneWidth(), w.formHeight(nil)-2)
		}
	}
}

// Typing reports whether keys go to a field.
func (w *wizard) Typing() bool {
	if w.focus == focusSidebar || w.ask != nil {
		return false
	}
	return w.active() != nil
}
