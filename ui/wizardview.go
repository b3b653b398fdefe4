package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"baocao/report"
)

// Layout.

// minWidth and minHeight are the smallest window drawn in full.
const minWidth, minHeight = 80, 24

// problemLines is the room kept under the form for the focused field's
// problems; empty lines at the bottom of the form lend more.
const problemLines = 3

// compact reports whether the window is too narrow for the sidebar: the
// part's pane takes the width, the sidebar shows instead of it when it has
// the keys.
func (w *wizard) compact() bool { return w.width < 70 }

func (w *wizard) sidebarWidth() int { return sidebarWidth(w.parts, w.width) }

// paneWidth is the width of the part's pane, right of the sidebar.
func (w *wizard) paneWidth() int {
	if w.compact() {
		return max(w.width-1, 20)
	}
	return max(w.width-w.sidebarWidth()-3, 20)
}

// previewLines is the height of the derived text shown above pf's form.
func (w *wizard) previewLines(pf *partForm) int {
	if pf == nil || pf.preview == nil {
		return 0
	}
	if w.height >= 27 {
		return 5
	}
	return 3
}

// formHeight is the height left for pf's form (nil: a row's form).
func (w *wizard) formHeight(pf *partForm) int {
	return max(w.height-2-problemLines-w.previewLines(pf), 3)
}

// View draws the sidebar and the pane.
func (w *wizard) View() string {
	st := w.d.status(w.nowYear)
	if w.compact() {
		if w.focus == focusSidebar {
			return strings.Join(w.side.lines(w.st, w.parts, st.marks, w.cur, true, w.width-2, w.height), "\n")
		}
		return strings.Join(w.paneLines(st), "\n")
	}
	side := w.side.lines(w.st, w.parts, st.marks, w.cur, w.focus == focusSidebar, w.sidebarWidth(), w.height)
	pane := w.paneLines(st)
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

// paneLines are the lines of the current part's pane.
func (w *wizard) paneLines(st *draftStatus) []string {
	pw := w.paneWidth()
	p := w.part()
	pf := w.form()
	title := p.Title
	if p.Section >= 0 && p.Item < 0 {
		title = w.d.r.SectionHeading(w.d.r.Sections[p.Section].ID)
	}
	if w.compact() {
		title = fmt.Sprintf("%d/%d · %s", w.cur+1, len(w.parts), title)
	}
	out := []string{w.st.Title.Render(truncate(title, pw))}
	if n := w.previewLines(pf); n > 0 {
		label, text := pf.preview()
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
	fh := w.formHeight(pf)
	var body string
	switch l := pf.list; {
	case l != nil && l.editing != nil:
		head := "Sửa dòng " + fmt.Sprint(l.cursor+1)
		if l.rows.fixed(l.cursor) {
			head = "Sửa dòng " + l.rows.name(l.cursor)
		}
		body = w.st.Strong.Render(head) + w.st.Dim.Render("  ("+keyName(w.keys.Back)+": về danh sách)") + "\n" + l.editing.form.View()
	case l != nil:
		empty := "Chưa có dòng nào. Nhấn " + keyName(w.keys.AddItem) + " để thêm."
		body = l.view(w.st, st.problems, pw, fh, empty)
	case pf.form != nil:
		body = pf.form.View()
	}
	bodyLines := strings.Split(fitHeight(body, fh), "\n")
	// Empty lines at the bottom of the form make room for long problems.
	spare := 0
	for i := len(bodyLines) - 1; i >= 0 && strings.TrimSpace(stripANSI(bodyLines[i])) == ""; i-- {
		spare++
	}
	if w.lent == pf {
		spare -= w.lentLines // lent below: not the form's own
	}
	spare = min(max(spare, 0), 4)
	// Messages are wrapped, never cut, while the form keeps minFormLines:
	// lines beyond the spare ones come from the filling text's box when it
	// has the focus (its cursor stays in sight), else from the form's end.
	probs := w.fieldProblems(st.problems, pw, max(problemLines+fh-minFormLines, problemLines+spare))
	need := max(len(probs)-problemLines-spare, 0)
	if fill := pf.fill; pf.list == nil && fill != nil && (need > 0 || w.lent == pf) && fill.Focused() {
		if w.lent != pf || w.lentLines != need {
			w.lend(pf, need)
			bodyLines = strings.Split(fitHeight(pf.form.View(), fh), "\n")
		}
	} else if w.lent != nil {
		w.lend(nil, 0)
	}
	if extra := len(probs) - problemLines; extra > 0 {
		bodyLines = bodyLines[:len(bodyLines)-extra]
	}
	out = append(out, bodyLines...)
	return append(out, probs...)
}

// minFormLines is the least of a form left in sight by long messages.
const minFormLines = 5

// lend makes pf's form n lines shorter than its room, its filling text
// giving them, for the messages under it; the form that lent before gets
// its lines back.
func (w *wizard) lend(pf *partForm, n int) {
	if w.lent != nil && w.lent != pf {
		w.lent.setSize(w.paneWidth(), w.formHeight(w.lent))
	}
	w.lent, w.lentLines = pf, n
	if pf == nil {
		return
	}
	pf.setSize(w.paneWidth(), w.formHeight(pf)-n)
	if n == 0 {
		w.lent = nil
	}
}

// fieldProblems are the lines under the form, at least problemLines and at
// most most: a question or message, then the focused field's problems, each
// wrapped to width.
func (w *wizard) fieldProblems(problems report.Problems, width, most int) []string {
	var lines []string
	switch {
	case w.ask != nil:
		lines = append(lines, wrapStyled(w.st.Warning.Bold(true), w.ask.line(w.keys), width)...)
	case w.flash != "":
		lines = append(lines, wrapStyled(w.st.Dim, w.flash, width)...)
	}
	if w.notice != "" {
		lines = append(lines, wrapStyled(w.st.Warning, "△ "+w.notice, width)...)
	}
	if w.dupWarn != "" && w.part().ID == report.PartGeneral {
		lines = append(lines, wrapStyled(w.st.Warning, "△ "+w.dupWarn, width)...)
	}
	pf := w.form()
	if l := pf.list; l != nil && l.editing == nil {
		// On the list: the problems of the row under the cursor.
		for _, p := range problems.ForPart(w.part().ID) {
			if row := l.rows.row(p.Field); row == l.cursor || row < 0 && p.Field == report.FieldRecipients {
				lines = append(lines, w.problemLine(p, width)...)
			}
		}
	} else if key, fi := w.active().focused(); key != "" {
		if fi != nil && fi.parseErr != nil {
			if e := fi.parseErr(); e != "" {
				lines = append(lines, wrapStyled(w.st.Error, "✗ "+e, width)...)
			}
		}
		if fi != nil && fi.field != nil {
			if e := fi.field.Refusal(); e != "" {
				lines = append(lines, wrapStyled(w.st.Error, "✗ "+e, width)...)
			}
		}
		field := key
		if field == report.FieldPeriod+".year" {
			field = report.FieldPeriod
		}
		for _, p := range problems.ForField(field) {
			lines = append(lines, w.problemLine(p, width)...)
		}
		if l := pf.list; l != nil {
			// Editing a row: its other fields' problems too, so that a
			// value's error stays in sight while the note is typed.
			for _, p := range problems.ForPart(w.part().ID) {
				if p.Field != field && l.rows.row(p.Field) == l.cursor {
					lines = append(lines, w.problemLine(p, width)...)
				}
			}
		}
		if fi != nil && fi.field != nil && len(lines) < most && fi.field.Overflows() {
			lines = append(lines, wrapStyled(w.st.Dim, "↕ Nội dung dài hơn khung: dùng "+keyName(w.keys.Up)+" để cuộn, "+
				keyName(w.keys.Text.Start)+"/"+strings.TrimPrefix(keyName(w.keys.Text.End), "Ctrl+")+" về đầu/cuối.", width)...)
		}
	}
	if len(lines) > most {
		lines = lines[:most]
		lines[most-1] = w.st.Dim.Render(ellipsis(stripANSI(lines[most-1]), width))
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

// Help.

// ShortHelp is the wizard's key bar, most important first.
func (w *wizard) ShortHelp() []key.Binding {
	k := w.keys
	if w.ask != nil {
		return []key.Binding{k.Yes, k.No}
	}
	parts := relabel(k.NextPart, keyName(k.NextPart)+"/"+keyName(k.PrevPart), "đổi phần")
	if w.focus == focusSidebar {
		return []key.Binding{relabel(k.Up, "", "chọn phần"), k.EnterPart, relabel(k.Back, "", "về danh sách"), k.Review}
	}
	pf := w.form()
	if l := pf.list; l != nil && l.editing == nil {
		return []key.Binding{
			relabel(k.Open, "", "sửa"), k.AddItem, relabel(k.RemoveRow, "", "xóa"), k.Sidebar, k.Review, parts,
			relabel(pair(k.RowUp, k.RowDown, ""), "", "chuyển"),
		}
	}
	_, fi := w.active().focused()
	b := []key.Binding{k.NextField}
	if fi != nil && fi.suggest != nil && fi.text != nil && strings.TrimSpace(*fi.text) == "" {
		b = append(b, k.Suggest)
	}
	back := k.Sidebar
	if pf.list != nil {
		back = relabel(k.Back, "", "về danh sách dòng")
	}
	b = append(b, k.Review, parts, back)
	if fi != nil && fi.multiline {
		b = append(b, k.Text.NewLine, k.Editor)
	}
	return append(b, k.Save)
}

// FullHelp is the wizard's part of the F1 list.
func (w *wizard) FullHelp() []helpGroup {
	k := w.keys
	return []helpGroup{
		{"Soạn báo cáo", []key.Binding{
			pair(k.NextField, k.PrevField, "ô sau / ô trước (ô cuối: sang phần sau)"),
			full(k.Text.NewLine, "xuống dòng trong ô nhiều dòng; ô một dòng: sang ô sau"),
			pair(k.NextPart, k.PrevPart, "phần sau / phần trước"),
			pair(k.Text.Start, k.Text.End, "đầu / cuối ô ("+keyLabel(k.Text.LineStart)+" / "+keyLabel(k.Text.LineEnd)+": đầu / cuối đoạn)"),
			pair(k.Text.DeleteWordBack, k.Text.DeleteWordFwd, "xóa từ trước / từ sau con trỏ"),
			pair(k.Text.DeleteToStart, k.Text.DeleteToEnd, "xóa đến đầu / cuối đoạn"),
			full(k.Sidebar, "sang danh sách phần: "+keyName(k.Up)+" hoặc gõ số để nhảy, "+keyName(k.EnterPart)+" để vào"),
			full(k.Suggest, "chèn lời văn gợi ý vào ô đang trống"),
			full(k.Editor, "mở ô nhiều dòng bằng trình soạn thảo ngoài"),
			full(k.AddItem, "thêm mục vào phần (hoặc thêm dòng vào danh sách)"),
			full(k.RemoveItem, "xóa mục do bạn thêm; trong danh sách: xóa dòng (cả "+humanKey(k.RemoveRow.Keys()[1])+")"),
			pair(k.MoveUp, k.MoveDown, "chuyển mục, dòng lên / xuống"),
			full(k.Review, "xem lại toàn văn và các lỗi"),
		}},
		{"Dấu ở danh sách phần", []key.Binding{
			legend(markEmpty+" "+markPartial+" "+markDone+" "+markError+" "+markWarning, "chưa nhập / đang nhập / đã xong / có lỗi / có lưu ý"),
		}},
	}
}
