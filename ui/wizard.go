package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"baocao/report"
)

// focusArea is where the wizard's keys go.
type focusArea int

const (
	focusForm focusArea = iota
	focusSidebar
)

// Messages the wizard sends up to the root.
type (
	// openReviewMsg asks for the review screen, scrolled to the list of
	// problems if problems is set.
	openReviewMsg struct{ problems bool }
	// closeDraftMsg asks to close the draft and show the drafts list.
	closeDraftMsg struct{}
	// partLeftMsg says the official left a part: a moment to save.
	partLeftMsg struct{}
	// editorDoneMsg brings back the text edited in the external editor.
	editorDoneMsg struct {
		key  string
		text string
		err  error
	}
)

func cmdOf(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// wizard is the screen where the report is filled in: the sidebar of parts
// and the current part's form.
type wizard struct {
	st      *Styles
	keys    *KeyMap
	now     func() time.Time
	nowYear int

	d     *draft
	parts []report.Part
	cur   int
	focus focusArea
	pf    *partForm

	width, height int

	problems report.Problems
	probGen  int

	numBuf  string
	numAt   time.Time
	confirm string // "remove-item" while asking
	flash   string
	sideTop int

	markCache []string
	markGen   int

	// drafts lists the drafts of the folder (nil: none), to warn when the
	// period is changed to one that already has a draft of the unit.
	drafts func() []report.Entry
	// period is the report's period as last seen; dupWarn the warning
	// about another draft of the unit for it, or "".
	period  report.Period
	dupWarn string
}

func newWizard(st *Styles, keys *KeyMap, now func() time.Time, d *draft, width, height int) *wizard {
	w := &wizard{st: st, keys: keys, now: now, nowYear: now().Year(), d: d, width: width, height: height, probGen: -1, markGen: -2}
	w.period = d.r.Period
	w.parts = d.r.Parts()
	w.refreshProblems()
	return w
}

// Layout.

const minWidth, minHeight = 80, 24

// problemLines is the room kept under the form for the focused field's
// problems; empty lines at the bottom of the form lend more.
const problemLines = 3

func (w *wizard) sidebarWidth() int {
	if w.width >= 110 {
		return 34
	}
	if w.width >= 96 {
		return 30
	}
	return 26
}

// paneWidth is the width of the part's pane right of the sidebar.
func (w *wizard) paneWidth() int { return max(w.width-w.sidebarWidth()-3, 30) }

// bodyHeight is the height between the top bar and the two bottom lines.
func (w *wizard) bodyHeight() int { return max(w.height-3, 10) }

func (w *wizard) previewLines() int {
	if w.pf == nil || w.pf.preview == nil {
		return 0
	}
	if w.height >= 30 {
		return 5
	}
	return 3
}

// formHeight is the height left for the form.
func (w *wizard) formHeight() int {
	h := w.bodyHeight() - 2 - problemLines // part title and blank line; field problems
	if n := w.previewLines(); n > 0 {
		h -= n
	}
	return max(h, 5)
}

// SetSize sets the terminal size and rebuilds the form to fit.
func (w *wizard) SetSize(width, height int) tea.Cmd {
	if width == w.width && height == w.height && w.pf != nil {
		return nil
	}
	w.width, w.height = width, height
	if w.pf == nil {
		return nil
	}
	return w.rebuild(w.focusedKey())
}

// Parts and forms.

func (w *wizard) part() report.Part { return w.parts[w.cur] }

// open shows part i with its first field focused (or the field named key).
func (w *wizard) open(i int, key string) tea.Cmd {
	i = max(0, min(i, len(w.parts)-1))
	left := w.pf != nil && i != w.cur
	if w.pf != nil {
		w.syncForm()
	}
	w.cur = i
	w.confirm = ""
	cmd := w.rebuild(key)
	if left {
		cmd = tea.Batch(cmd, cmdOf(partLeftMsg{}))
	}
	return cmd
}

// rebuild builds the current part's form again, focusing the field key
// ("" for the first, "$last" for the last).
func (w *wizard) rebuild(key string) tea.Cmd {
	var oldList *listEditor
	if w.pf != nil && w.pf.part.ID == w.part().ID {
		oldList = w.pf.list
	}
	// The height depends on whether the part has a preview: build once
	// to learn it.
	w.pf = &partForm{}
	w.pf = buildPart(w.st, w.d.r, w.part(), w.paneWidth(), 0)
	w.pf = buildPart(w.st, w.d.r, w.part(), w.paneWidth(), w.formHeight())
	if w.pf.list != nil && oldList != nil {
		w.pf.list.cursor, w.pf.list.top = oldList.cursor, oldList.top
		w.pf.list.clamp()
	}
	if w.pf.list != nil {
		if key != "" && key != "$last" {
			if row := w.pf.list.fieldRow(key); row >= 0 || key == report.FieldRecipients {
				if row >= 0 {
					w.pf.list.cursor = row
				}
				w.pf.list.clamp()
				if w.pf.list.n() > 0 && row >= 0 {
					return w.editRow(key)
				}
			}
		}
		return nil
	}
	cmd := tea.Batch(startForm(w.pf.form, w.pf.order, key), w.showTop(w.pf))
	return tea.Batch(cmd, w.pf.homeInputs())
}

// showTop moves the cursor of the focused long text to its start the first
// time it is focused: huh's textarea starts at the end of its text, scrolled
// to the bottom, hiding the first lines.
func (w *wizard) showTop(pf *partForm) tea.Cmd {
	if pf == nil || pf.form == nil {
		return nil
	}
	f := pf.form.GetFocusedField()
	if f == nil {
		return nil
	}
	k := f.GetKey()
	if fi := pf.fields[k]; fi == nil || !fi.multiline || pf.topped[k] {
		return nil
	}
	if pf.topped == nil {
		pf.topped = map[string]bool{}
	}
	pf.topped[k] = true
	m, cmd := pf.form.Update(tea.KeyPressMsg{Code: tea.KeyHome, Mod: tea.ModCtrl})
	pf.form = m.(*huh.Form)
	return cmd
}

// startForm starts an embedded form and moves its focus to the field key.
func startForm(f *huh.Form, order []string, key string) tea.Cmd {
	if f == nil {
		return nil
	}
	cmds := []tea.Cmd{f.Init()}
	if key == "$last" && len(order) > 0 {
		key = order[len(order)-1]
	}
	if key == report.FieldPeriod+".kind" {
		key = report.FieldPeriod
	}
	found := false
	for _, k := range order {
		if k == key {
			found = true
		}
	}
	if found {
		for range order {
			if f.GetFocusedField().GetKey() == key {
				break
			}
			cmds = append(cmds, f.NextField())
		}
	}
	return tea.Batch(cmds...)
}

// editRow opens the form of the list row under the cursor.
func (w *wizard) editRow(key string) tea.Cmd {
	l := w.pf.list
	if l.n() == 0 {
		return nil
	}
	l.edit(w.st, w.paneWidth(), w.formHeight()-2)
	cmd := startForm(l.editing.form, l.editing.order, key)
	return tea.Batch(cmd, l.editing.homeInputs())
}

// activeForm is the form keys go to: a row's while it is edited, else the
// part's.
func (w *wizard) activeForm() *partForm {
	if w.pf == nil {
		return nil
	}
	if w.pf.list != nil {
		return w.pf.list.editing
	}
	return w.pf
}

func (w *wizard) focusedKey() string {
	pf := w.activeForm()
	if pf == nil || pf.form == nil {
		return ""
	}
	if f := pf.form.GetFocusedField(); f != nil {
		return f.GetKey()
	}
	return ""
}

func (w *wizard) focusedIndex() int {
	pf := w.activeForm()
	k := w.focusedKey()
	for i, o := range pf.order {
		if o == k {
			return i
		}
	}
	return -1
}

// syncForm copies the values that need it into the report.
func (w *wizard) syncForm() {
	if w.pf == nil {
		return
	}
	if w.pf.sync != nil {
		w.pf.sync()
	}
	if w.pf.list != nil && w.pf.list.editing != nil && w.pf.list.editing.sync != nil {
		w.pf.list.editing.sync()
	}
}

// afterEdit brings the list of parts and the problems up to date.
func (w *wizard) afterEdit() {
	w.syncForm()
	if w.d.r.Period != w.period {
		w.period = w.d.r.Period
		w.dupWarn = w.otherDraft()
	}
	if w.d.changed() || w.probGen != w.d.gen {
		w.parts = w.d.r.Parts()
		if w.cur >= len(w.parts) {
			w.cur = len(w.parts) - 1
		}
		w.refreshProblems()
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
		if strings.EqualFold(e.Report.Locality(), r.Locality()) && e.Report.Period == r.Period {
			return "Đã có bản nháp khác của " + r.Locality() + " cho " + r.Period.Phrase() + ": " + e.Name + "."
		}
	}
	return ""
}

func (w *wizard) refreshProblems() {
	w.problems = report.Check(w.d.r, w.nowYear)
	w.probGen = w.d.gen
}

// jump shows the part and field a problem belongs to.
func (w *wizard) jump(p report.Problem) tea.Cmd {
	for i, part := range w.parts {
		if part.ID == p.Part {
			w.focus = focusForm
			return w.open(i, p.Field)
		}
	}
	return nil
}

// Update handles a message; the root has already taken the global keys.
func (w *wizard) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		w.flash = ""
		if w.confirm != "" {
			return w.updateConfirm(msg)
		}
		if w.focus == focusSidebar {
			return w.updateSidebar(msg)
		}
		return w.updateForm(msg)
	case editorDoneMsg:
		if msg.err != nil {
			w.flash = "Không mở được trình soạn thảo: " + msg.err.Error()
			return nil
		}
		pf := w.activeForm()
		if pf == nil {
			return nil
		}
		if fi := pf.fields[msg.key]; fi != nil && fi.text != nil {
			*fi.text = strings.TrimRight(strings.ReplaceAll(msg.text, "\r\n", "\n"), "\n")
			w.syncForm()
			cmd := w.refocus(msg.key)
			w.afterEdit()
			return cmd
		}
		return nil
	}
	// Anything else (cursor blinks, huh's own messages) goes to the form.
	return w.sendToForm(msg)
}

// refocus rebuilds the active form (after its values changed under it) and
// focuses key.
func (w *wizard) refocus(key string) tea.Cmd {
	if w.pf.list != nil && w.pf.list.editing != nil {
		return w.editRow(key)
	}
	return w.rebuild(key)
}

func (w *wizard) checkCompleted() tea.Cmd {
	pf := w.activeForm()
	if pf == nil || pf.form == nil || pf.form.State != huh.StateCompleted {
		return nil
	}
	if w.pf.list != nil {
		// The row is done: back to the list.
		w.pf.list.editing = nil
		return cmdOf(partLeftMsg{})
	}
	if w.cur < len(w.parts)-1 {
		return w.open(w.cur+1, "")
	}
	// The last part: start it again rather than leave a dead form.
	return tea.Batch(w.rebuild(""), cmdOf(openReviewMsg{}))
}

func (w *wizard) updateConfirm(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, w.keys.Yes):
		what := w.confirm
		w.confirm = ""
		switch what {
		case "remove-item":
			return w.removeItem()
		case "remove-row":
			w.pf.list.remove()
			w.afterEdit()
			return cmdOf(partLeftMsg{})
		}
	case key.Matches(msg, w.keys.No):
		w.confirm = ""
	}
	return nil
}

func (w *wizard) updateSidebar(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	if typed(msg) && !(len(k) == 1 && k[0] >= '0' && k[0] <= '9') {
		// A letter: nothing is typed from the list of parts (it went to
		// the start of the field), only say how to write.
		w.numBuf = ""
		w.flash = "Nhấn Enter để vào phần này rồi gõ nội dung."
		return nil
	}
	if len(k) == 1 && k[0] >= '0' && k[0] <= '9' {
		if w.now().Sub(w.numAt) > 1500*time.Millisecond {
			w.numBuf = ""
		}
		w.numBuf += k
		w.numAt = w.now()
		n := 0
		fmt.Sscan(w.numBuf, &n)
		if n < 1 || n > len(w.parts) {
			w.numBuf = k
			fmt.Sscan(k, &n)
		}
		if n >= 1 && n <= len(w.parts) {
			return w.open(n-1, "")
		}
		return nil
	}
	w.numBuf = ""
	switch {
	case k == "up":
		if w.cur > 0 {
			return w.open(w.cur-1, "")
		}
	case k == "down":
		if w.cur < len(w.parts)-1 {
			return w.open(w.cur+1, "")
		}
	case k == "home":
		return w.open(0, "")
	case k == "end":
		return w.open(len(w.parts)-1, "")
	case key.Matches(msg, w.keys.NextPart):
		return w.open(w.cur+1, "")
	case key.Matches(msg, w.keys.PrevPart):
		return w.open(w.cur-1, "")
	case k == "enter" || k == "right" || k == "tab":
		w.focus = focusForm
	case key.Matches(msg, w.keys.Review):
		return cmdOf(openReviewMsg{})
	case key.Matches(msg, w.keys.Back):
		return cmdOf(closeDraftMsg{})
	}
	return nil
}

func (w *wizard) updateForm(msg tea.KeyPressMsg) tea.Cmd {
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
		w.syncForm()
		return cmdOf(openReviewMsg{})
	}
	if l := w.pf.list; l != nil && l.editing == nil {
		return w.updateList(msg)
	}
	switch {
	case key.Matches(msg, k.Sidebar):
		if l := w.pf.list; l != nil && l.editing != nil {
			w.syncForm()
			l.editing = nil
			w.afterEdit()
			return cmdOf(partLeftMsg{})
		}
		w.syncForm()
		w.focus = focusSidebar
		return nil
	case key.Matches(msg, k.Suggest):
		return w.suggest()
	case key.Matches(msg, k.Editor):
		return w.editor()
	case key.Matches(msg, k.AddItem) && w.part().Section >= 0:
		return w.addItem()
	case key.Matches(msg, k.RemoveItem) && w.part().Section >= 0:
		if it := w.item(); it != nil {
			if it.Key != "" {
				w.flash = "Mục có sẵn theo mẫu không xóa được; có thể để trống nội dung."
				return nil
			}
			w.confirm = "remove-item"
		} else {
			w.flash = "Chỉ xóa được các mục bạn đã thêm."
		}
		return nil
	case key.Matches(msg, k.MoveUp) && w.item() != nil:
		return w.moveItem(-1)
	case key.Matches(msg, k.MoveDown) && w.item() != nil:
		return w.moveItem(1)
	case msg.String() == "shift+tab" && w.focusedIndex() == 0:
		if w.pf.list != nil {
			return nil
		}
		if w.cur > 0 {
			return w.open(w.cur-1, "$last")
		}
		return nil
	}
	return w.sendToForm(msg)
}

// sendToForm gives msg to the active form and notes the edit.
func (w *wizard) sendToForm(msg tea.Msg) tea.Cmd {
	pf := w.activeForm()
	if pf == nil || pf.form == nil {
		return nil
	}
	m, cmd := pf.form.Update(msg)
	pf.form = m.(*huh.Form)
	cmd = tea.Batch(cmd, pf.homeInputs())
	w.afterEdit()
	if done := w.checkCompleted(); done != nil {
		return tea.Batch(cmd, done)
	}
	return tea.Batch(cmd, w.showTop(pf))
}

// Paste forwards pasted text to the focused field with its line breaks
// made "\n" (a textarea would double "\r\n").
func (w *wizard) Paste(msg tea.PasteMsg) tea.Cmd {
	msg.Content = strings.ReplaceAll(msg.Content, "\r\n", "\n")
	msg.Content = strings.ReplaceAll(msg.Content, "\r", "\n")
	if w.focus != focusForm {
		return nil
	}
	pf := w.activeForm()
	if pf == nil || pf.form == nil {
		return nil
	}
	m, cmd := pf.form.Update(msg)
	pf.form = m.(*huh.Form)
	w.afterEdit()
	return cmd
}

func (w *wizard) updateList(msg tea.KeyPressMsg) tea.Cmd {
	l := w.pf.list
	k := w.keys
	s := msg.String()
	switch {
	case key.Matches(msg, k.Sidebar):
		w.focus = focusSidebar
	case s == "up":
		if l.cursor > 0 {
			l.cursor--
		}
	case s == "down":
		if l.cursor < l.n()-1 {
			l.cursor++
		}
	case s == "home":
		l.cursor = 0
	case s == "end":
		l.cursor = l.n() - 1
	case s == "enter":
		return w.editRow("")
	case s == "tab":
		if w.cur < len(w.parts)-1 {
			return w.open(w.cur+1, "")
		}
	case s == "shift+tab":
		if w.cur > 0 {
			return w.open(w.cur-1, "$last")
		}
	case key.Matches(msg, k.AddItem):
		l.add()
		w.afterEdit()
		return w.editRow("")
	case key.Matches(msg, k.RemoveItem) || s == "delete":
		if l.fixed(l.cursor) {
			w.flash = "Dòng «Lưu» không xóa được; có thể sửa nội dung."
			return nil
		}
		if l.n() > 0 {
			w.confirm = "remove-row"
		}
	case key.Matches(msg, k.MoveUp) || s == "shift+up":
		l.move(-1)
		w.afterEdit()
	case key.Matches(msg, k.MoveDown) || s == "shift+down":
		l.move(1)
		w.afterEdit()
	}
	return nil
}

// item is the current part's item, or nil for a part that is not an item.
func (w *wizard) item() *report.Item {
	p := w.part()
	if p.Section < 0 || p.Item < 0 {
		return nil
	}
	return &w.d.r.Sections[p.Section].Items[p.Item]
}

// addItem adds an item to the current section, after the current item.
func (w *wizard) addItem() tea.Cmd {
	w.syncForm()
	p := w.part()
	s := &w.d.r.Sections[p.Section]
	at := len(s.Items)
	if p.Item >= 0 {
		at = p.Item + 1
	}
	s.Items = append(s.Items[:at], append([]report.Item{{}}, s.Items[at:]...)...)
	w.afterEdit()
	for i, q := range w.parts {
		if q.Section == p.Section && q.Item == at {
			w.flash = "Đã thêm mục " + q.ID + "."
			return w.open(i, "")
		}
	}
	return nil
}

func (w *wizard) removeItem() tea.Cmd {
	p := w.part()
	if p.Item < 0 {
		return nil
	}
	s := &w.d.r.Sections[p.Section]
	s.Items = append(s.Items[:p.Item], s.Items[p.Item+1:]...)
	w.flash = "Đã xóa mục " + p.ID + "."
	w.pf = nil
	w.afterEdit()
	w.parts = w.d.r.Parts()
	return tea.Batch(w.open(min(w.cur, len(w.parts)-1), ""), cmdOf(partLeftMsg{}))
}

func (w *wizard) moveItem(d int) tea.Cmd {
	w.syncForm()
	p := w.part()
	s := &w.d.r.Sections[p.Section]
	j := p.Item + d
	if j < 0 || j >= len(s.Items) {
		return nil
	}
	s.Items[p.Item], s.Items[j] = s.Items[j], s.Items[p.Item]
	w.pf = nil
	w.afterEdit()
	w.parts = w.d.r.Parts()
	for i, q := range w.parts {
		if q.Section == p.Section && q.Item == j {
			w.cur = i
			w.flash = "Đã chuyển thành mục " + q.ID + "."
			return w.rebuild(report.FieldText(q.ID))
		}
	}
	return nil
}

// focusedField returns the key and description of the focused field of
// the active form; fi is nil when there is none.
func (w *wizard) focusedField() (key string, fi *fieldInfo) {
	pf := w.activeForm()
	if pf == nil {
		return "", nil
	}
	key = w.focusedKey()
	return key, pf.fields[key]
}

// suggest inserts the template's wording into the focused field when empty.
func (w *wizard) suggest() tea.Cmd {
	key, fi := w.focusedField()
	if fi == nil || fi.suggest == nil || fi.text == nil {
		w.flash = "Ô này không có gợi ý."
		return nil
	}
	if strings.TrimSpace(*fi.text) != "" {
		w.flash = "Ô đang có nội dung: gợi ý chỉ chèn vào ô trống."
		return nil
	}
	*fi.text = fi.suggest()
	w.syncForm()
	cmd := w.refocus(key)
	// The official goes on typing after the suggestion: cursor at its end.
	if pf := w.activeForm(); pf != nil && pf.form != nil {
		m, end := pf.form.Update(tea.KeyPressMsg{Code: tea.KeyEnd, Mod: tea.ModCtrl})
		pf.form = m.(*huh.Form)
		cmd = tea.Batch(cmd, end)
	}
	w.afterEdit()
	w.flash = "Đã chèn gợi ý: hãy sửa cho đúng với đơn vị."
	return cmd
}

// editor opens the focused long text in the external editor.
func (w *wizard) editor() tea.Cmd {
	key, fi := w.focusedField()
	if fi == nil || !fi.multiline || fi.text == nil {
		w.flash = "Trình soạn thảo ngoài chỉ dùng cho ô nhiều dòng."
		return nil
	}
	w.syncForm()
	return openEditor(key, *fi.text)
}

// Click handles a mouse click at x, y of the screen.
func (w *wizard) Click(x, y int) tea.Cmd {
	if x >= w.sidebarWidth()+1 || y < 1 || y > w.bodyHeight() {
		return nil
	}
	i := w.sideTop + y - 1
	if i >= 0 && i < len(w.parts) {
		w.focus = focusForm
		return w.open(i, "")
	}
	return nil
}

// View.

// marks are the sidebar marks of the parts, computed once per change.
func (w *wizard) marks() []string {
	if w.markGen == w.probGen && len(w.markCache) == len(w.parts) {
		return w.markCache
	}
	errs, warns := map[string]int{}, map[string]int{}
	for _, p := range w.problems {
		if p.Severity == report.Error {
			errs[p.Part]++
		} else {
			warns[p.Part]++
		}
	}
	out := make([]string, len(w.parts))
	for i, p := range w.parts {
		state := w.d.r.State(p)
		switch {
		case errs[p.ID] > 0:
			out[i] = "!"
		case state == report.Empty:
			out[i] = "○"
		case warns[p.ID] > 0:
			out[i] = "?"
		case state == report.Partial:
			out[i] = "◐"
		default:
			out[i] = "●"
		}
	}
	w.markCache, w.markGen = out, w.probGen
	return out
}

func (w *wizard) styleMark(m string) string {
	switch m {
	case "!":
		return w.st.Error.Render(m)
	case "○":
		return w.st.MarkEmpty.Render(m)
	case "?":
		return w.st.Warning.Render(m)
	case "◐":
		return w.st.MarkPartial.Render(m)
	}
	return w.st.MarkDone.Render(m)
}

// sidebarLines are the sidebar's lines, each sidebarWidth+2 cells wide with
// its border.
func (w *wizard) sidebarLines() []string {
	sw := w.sidebarWidth()
	h := w.bodyHeight()
	if w.cur < w.sideTop {
		w.sideTop = w.cur
	}
	if w.cur >= w.sideTop+h {
		w.sideTop = w.cur - h + 1
	}
	w.sideTop = max(0, min(w.sideTop, len(w.parts)-h))
	marks := w.marks()
	border := w.st.SideBorder.Render("│")
	lines := make([]string, 0, h)
	for i := w.sideTop; i < len(w.parts) && len(lines) < h; i++ {
		p := w.parts[i]
		num := fmt.Sprintf("%2d", i+1)
		title := truncate(p.Title, sw-6)
		pad := strings.Repeat(" ", max(sw-6-lipgloss.Width(title), 0))
		var line string
		switch {
		case i == w.cur && w.focus == focusSidebar:
			line = w.st.SideCurrent.Render("›" + num + " " + marks[i] + " " + title + pad)
		case i == w.cur:
			line = w.st.Strong.Render("›"+num) + " " + w.styleMark(marks[i]) + " " + w.st.Strong.Render(title) + pad
		default:
			line = " " + w.st.SideNumber.Render(num) + " " + w.styleMark(marks[i]) + " " + title + pad
		}
		lines = append(lines, line+" "+border)
	}
	blank := strings.Repeat(" ", sw) + " " + border
	for len(lines) < h {
		lines = append(lines, blank)
	}
	return lines
}

// paneLines are the lines of the current part's pane.
func (w *wizard) paneLines() []string {
	pw := w.paneWidth()
	p := w.part()
	title := p.Title
	if p.Section >= 0 && p.Item < 0 {
		title = w.d.r.SectionHeading(w.d.r.Sections[p.Section].ID)
	}
	out := []string{w.st.Title.Render(truncate(title, pw))}
	if n := w.previewLines(); n > 0 {
		label, text := w.pf.preview()
		lines := strings.Split(wrapText(label+": "+text, pw-3), "\n")
		if len(lines) > n {
			lines = lines[:n]
			lines[n-1] = ellipsis(lines[n-1], pw-3)
		}
		for len(lines) < n {
			lines = append(lines, "")
		}
		out = append(out, strings.Split(w.st.Preview.Render(strings.Join(lines, "\n")), "\n")...)
	}
	out = append(out, "")
	fh := w.formHeight()
	var body string
	if l := w.pf.list; l != nil {
		if l.editing != nil {
			head := "Sửa dòng " + fmt.Sprint(l.cursor+1)
			if l.fixed(l.cursor) {
				head = "Sửa dòng «Lưu»"
			}
			body = w.st.Strong.Render(head) + w.st.Dim.Render("  (Esc: về danh sách)") + "\n" + l.editing.form.View()
		} else {
			body = l.view(w.st, w.problems, pw, fh)
		}
	} else if w.pf.form != nil {
		body = w.pf.form.View()
	}
	bodyLines := strings.Split(fitHeight(body, fh), "\n")
	// Empty lines at the bottom of the form make room for long problems.
	spare := 0
	for i := len(bodyLines) - 1; i >= 0 && spare < 4 && strings.TrimSpace(stripANSI(bodyLines[i])) == ""; i-- {
		spare++
	}
	probs := w.fieldProblems(pw, problemLines+spare)
	if extra := len(probs) - problemLines; extra > 0 {
		bodyLines = bodyLines[:len(bodyLines)-extra]
	}
	out = append(out, bodyLines...)
	out = append(out, probs...)
	return out
}

// fieldProblems are the lines under the form, at least problemLines and at
// most max: the focused field's problems, or a message, each wrapped to the
// pane.
func (w *wizard) fieldProblems(width, max int) []string {
	var lines []string
	if w.confirm != "" {
		q := "Xóa mục " + w.part().ID + "?"
		if w.confirm == "remove-row" {
			q = "Xóa dòng " + w.pf.list.rowName(w.pf.list.cursor) + "?"
		}
		lines = append(lines, wrapStyled(w.st.Warning.Bold(true), q+" "+confirmKeys, width)...)
	} else if w.flash != "" {
		lines = append(lines, wrapStyled(w.st.Dim, w.flash, width)...)
	}
	if w.dupWarn != "" && w.part().ID == report.PartGeneral {
		lines = append(lines, wrapStyled(w.st.Warning, "△ "+w.dupWarn, width)...)
	}
	key := w.focusedKey()
	if w.pf.list != nil && w.pf.list.editing == nil {
		// On the list: the problems of the row under the cursor.
		for _, p := range w.problems.ForPart(w.part().ID) {
			if row := w.pf.list.fieldRow(p.Field); row == w.pf.list.cursor || row < 0 && p.Field == report.FieldRecipients {
				lines = append(lines, w.problemLine(p, width)...)
			}
		}
	} else if key != "" {
		pf := w.activeForm()
		fi := pf.fields[key]
		if fi != nil && fi.parseErr != nil {
			if e := fi.parseErr(); e != "" {
				lines = append(lines, wrapStyled(w.st.Error, "✗ "+e, width)...)
			}
		}
		field := key
		if field == report.FieldPeriod+".year" {
			field = report.FieldPeriod
		}
		for _, p := range w.problems.ForField(field) {
			lines = append(lines, w.problemLine(p, width)...)
		}
		if l := w.pf.list; l != nil && l.editing != nil {
			// Editing a row: its other fields' problems too, so that a
			// value's error stays in sight while the note is typed.
			for _, p := range w.problems.ForPart(w.part().ID) {
				if p.Field != field && l.fieldRow(p.Field) == l.cursor {
					lines = append(lines, w.problemLine(p, width)...)
				}
			}
		}
		if fi != nil && fi.multiline && fi.text != nil && len(lines) < max {
			if n := len(strings.Split(wrapText(*fi.text, width-3), "\n")); n > fi.lines {
				lines = append(lines, w.st.Dim.Render("↕ Nội dung dài hơn khung: dùng ↑/↓ để cuộn xem hết."))
			}
		}
	}
	if len(lines) > max {
		lines = lines[:max]
		last := stripANSI(lines[max-1])
		lines[max-1] = w.st.Dim.Render(truncate(last, width-1) + "…")
	}
	for len(lines) < problemLines {
		lines = append(lines, "")
	}
	return lines
}

// problemLine is a problem wrapped to width, its following lines indented.
func (w *wizard) problemLine(p report.Problem, width int) []string {
	if p.Severity == report.Error {
		return wrapStyled(w.st.Error, "✗ "+p.Message, width)
	}
	return wrapStyled(w.st.Warning, "△ "+p.Message, width)
}

// wrapStyled wraps text to width, indents the lines after the first by two
// cells and styles each line.
func wrapStyled(st lipgloss.Style, text string, width int) []string {
	var out []string
	for i, l := range strings.Split(wrapText(text, width-2), "\n") {
		if i > 0 {
			l = "  " + l
		}
		out = append(out, st.Render(l))
	}
	return out
}

// View draws the sidebar and the pane, bodyHeight lines.
func (w *wizard) View() string {
	if w.pf == nil {
		return ""
	}
	side, pane := w.sidebarLines(), w.paneLines()
	var b strings.Builder
	for i, l := range side {
		b.WriteString(l)
		if i < len(pane) {
			b.WriteString(" ")
			b.WriteString(pane[i])
		}
		if i < len(side)-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Help is the wizard's line of key help, most important first.
func (w *wizard) Help() []key.Binding {
	k := w.keys
	if w.confirm != "" {
		return []key.Binding{k.Yes, k.No, k.Help}
	}
	parts := key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("PgDn/PgUp", "đổi phần"))
	if w.focus == focusSidebar {
		return []key.Binding{
			key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "chọn phần")),
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "mở phần")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "về danh sách")),
			k.Review,
			k.Help,
		}
	}
	if l := w.pf.list; l != nil && l.editing == nil {
		return []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "sửa")),
			k.AddItem,
			k.RemoveItem,
			k.Sidebar,
			k.Review,
			parts,
			key.NewBinding(key.WithKeys("alt+up"), key.WithHelp("Alt+↑/↓", "chuyển")),
			k.Help,
		}
	}
	pf := w.activeForm()
	var fi *fieldInfo
	if pf != nil {
		fi = pf.fields[w.focusedKey()]
	}
	b := []key.Binding{k.NextField}
	if fi != nil && fi.suggest != nil && fi.text != nil && strings.TrimSpace(*fi.text) == "" {
		b = append(b, k.Suggest)
	}
	b = append(b, k.Review, parts, k.Sidebar)
	if fi != nil && fi.multiline {
		b = append(b, k.NewLine, k.Editor)
	}
	return append(b, k.Save, k.Help)
}

// ellipsis ends s, a line followed by more text, with one "…", within w
// cells.
func ellipsis(s string, w int) string {
	s = strings.TrimRight(s, " …")
	if lipgloss.Width(s)+1 <= w {
		return s + "…"
	}
	return strings.TrimRight(truncate(s, w), " …") + "…"
}

// fitHeight pads or cuts s to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
