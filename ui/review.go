package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"baocao/report"
)

// Messages of the review screen.
type (
	// jumpMsg asks the wizard to show a problem's part and field.
	jumpMsg struct{ p report.Problem }
	// backToWizardMsg leaves the review for the wizard.
	backToWizardMsg struct{}
	// exportOpenMsg asks for the export screen of the open draft.
	exportOpenMsg struct{}
)

// reviewScreen shows the whole report as the PDF will read, then every
// problem Check finds, each a link to its field.
type reviewScreen struct {
	st   *Styles
	keys *KeyMap

	r        *report.Report
	problems report.Problems
	lines    []string
	probLine []int // the line of each problem
	sel      int   // selected problem, -1 for none
	top      int

	width, height int
}

func newReviewScreen(st *Styles, keys *KeyMap, r *report.Report, nowYear, width, height int) *reviewScreen {
	s := &reviewScreen{st: st, keys: keys, r: r, sel: -1, width: width, height: height}
	s.problems = report.Check(r, nowYear)
	s.render()
	return s
}

func (s *reviewScreen) SetSize(w, h int) {
	if w != s.width {
		s.width, s.height = w, h
		s.render()
		return
	}
	s.height = h
}

// viewHeight is the number of lines of text shown.
func (s *reviewScreen) viewHeight() int { return max(s.height-4, 5) }

func (s *reviewScreen) render() {
	w := min(s.width-2, 90)
	s.lines, s.probLine = renderDocument(s.st, s.r, s.problems, w)
}

// renderDocument lays the report out as text w cells wide, followed by its
// problems; it returns the lines and the line of each problem.
func renderDocument(st *Styles, r *report.Report, problems report.Problems, w int) ([]string, []int) {
	var out []string
	add := func(s ...string) { out = append(out, s...) }
	para := func(text string, style lipgloss.Style) {
		for _, l := range strings.Split(wrapText(text, w), "\n") {
			add(style.Render(l))
		}
	}
	center := func(text string, style lipgloss.Style) {
		for _, l := range strings.Split(wrapText(text, w), "\n") {
			add(style.Render(padLeft(l, (w+lipgloss.Width(l))/2)))
		}
	}
	plain := lipgloss.NewStyle()

	// Header: two columns.
	colW := w / 2
	var left, right []string
	if r.Header.ParentAgency != "" {
		left = append(left, r.Header.ParentAgency)
	}
	left = append(left, r.Header.Agency...)
	left = append(left, r.NumberLine())
	right = append(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", r.DateLine())
	// Each column's lines wrapped to it, not cut ("năm 2…").
	left, right = wrapColumn(left, colW), wrapColumn(right, w-colW)
	for i := 0; i < max(len(left), len(right)); i++ {
		var l, rt string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			rt = right[i]
		}
		lc := lipgloss.PlaceHorizontal(colW, lipgloss.Center, l)
		rc := lipgloss.PlaceHorizontal(w-colW, lipgloss.Center, rt)
		add(st.DocHeading.Render(lc) + rc)
	}
	add("")
	center("BÁO CÁO", st.DocHeading)
	center(r.Title(), st.DocHeading)
	add("")
	if to := addresseeLines(r.Addressees, w); len(to) > 0 {
		add(to...)
		add("")
	}
	para(r.OpeningSentence(), plain)
	for _, p := range r.Parts() {
		if p.Section < 0 {
			continue
		}
		sec := r.Sections[p.Section]
		if p.Item < 0 || p.Item == 0 && !hasOwnPart(r, p.Section) {
			para(r.SectionHeading(sec.ID), st.DocHeading)
		}
		if p.Item < 0 {
			for _, b := range report.Blocks(sec.Text) {
				para(b.Text, plain)
			}
			continue
		}
		it := sec.Items[p.Item]
		blocks := report.Blocks(it.Text)
		num := fmt.Sprintf("%d. ", p.Item+1)
		if it.Title != "" {
			para(num+it.Title, st.DocHeading)
		} else if len(blocks) > 0 {
			blocks[0].Text = num + blocks[0].Text
		} else {
			para(num, plain)
		}
		for _, b := range blocks {
			para(b.Text, plain)
		}
		if ti := report.TemplateItemByKey(it.Key); ti != nil && ti.Indicators && r.HasIndicatorValues() {
			para(report.AppendixMention, plain)
		}
	}
	para(r.ClosingSentence(), plain)
	add("")
	var recip []string
	recip = append(recip, st.DocHeading.Render("Nơi nhận:"))
	recip = append(recip, r.RecipientLines()...)
	var sign []string
	if r.Signer.Authority != "" {
		sign = append(sign, r.Signer.Authority)
	}
	sign = append(sign, r.Signer.Title, "", "", r.Signer.Name)
	for i := 0; i < max(len(recip), len(sign)); i++ {
		var l, rt string
		if i < len(recip) {
			l = recip[i]
		}
		if i < len(sign) {
			rt = sign[i]
		}
		add(padRight(truncate(l, colW), colW) + st.DocHeading.Render(lipgloss.PlaceHorizontal(w-colW, lipgloss.Center, truncate(rt, w-colW))))
	}
	if rows := r.ReportedIndicators(); len(rows) > 0 {
		add("", strings.Repeat("─", w), "")
		center("Phụ lục", st.DocHeading)
		center(r.AppendixTitle(), st.DocHeading)
		center(r.AppendixReference(), st.DocItalic)
		add("")
		// The PDF's columns, in the same order.
		widths := []int{3, 0, 7, 11, 10, 12}
		widths[1] = max(w-3-7-11-10-12-5, 10)
		for _, l := range tableRow(widths, []string{"STT", "Chỉ tiêu", "Đơn vị tính", r.Period.Label(), "Cùng kỳ năm trước", "Ghi chú"}) {
			add(st.ListHeader.Render(l))
		}
		for i, in := range rows {
			add(tableRow(widths, []string{fmt.Sprint(i + 1), in.Name, in.Unit, report.FormatValue(in.Value), report.FormatValue(in.LastYear), in.Note})...)
		}
	}
	// Problems.
	add("", strings.Repeat("─", w))
	errs, warns := 0, 0
	for _, p := range problems {
		if p.Severity == report.Error {
			errs++
		} else {
			warns++
		}
	}
	var lines []int
	switch {
	case len(problems) == 0:
		add(st.OK.Render("Kiểm tra: không có lỗi hay lưu ý nào. Có thể xuất PDF."))
	default:
		head := fmt.Sprintf("Kiểm tra: %d lỗi, %d lưu ý.", errs, warns)
		if errs > 0 {
			head += " Cần sửa hết lỗi trước khi xuất PDF."
		}
		add(st.Strong.Render(head), st.Dim.Render("Tab/Shift+Tab chọn, Enter để đến chỗ cần sửa."))
		for _, p := range problems {
			lines = append(lines, len(out))
			mark, style := "✗ ", st.Error
			if p.Severity == report.Warning {
				mark, style = "△ ", st.Warning
			}
			text := wrapText(mark+p.Message, w-2)
			for j, l := range strings.Split(text, "\n") {
				if j > 0 {
					l = "  " + l
				}
				add(style.Render(l))
			}
		}
	}
	return out, lines
}

// wrapColumn wraps each line of a header column to w cells.
func wrapColumn(lines []string, w int) []string {
	var out []string
	for _, l := range lines {
		if l == "" {
			out = append(out, l)
			continue
		}
		out = append(out, strings.Split(wrapText(l, w), "\n")...)
	}
	return out
}

// addresseeLines lays out "Kính gửi" as the PDF does: one addressee on the
// label's line; several on the lines below as "- name;", the last ending
// ".", their dashes under the label's colon, the block centred in w cells.
func addresseeLines(addressees []string, w int) []string {
	var names []string
	for _, a := range addressees {
		if a = strings.TrimSpace(a); a != "" {
			names = append(names, a)
		}
	}
	const label = "Kính gửi:"
	switch len(names) {
	case 0:
		return nil
	case 1:
		var out []string
		for _, l := range strings.Split(wrapText(label+" "+names[0], w), "\n") {
			out = append(out, padLeft(l, (w+lipgloss.Width(l))/2))
		}
		return out
	}
	for i, n := range names {
		n = "- " + strings.TrimRight(strings.TrimLeft(n, "-–• "), ";.,") + ";"
		if i == len(names)-1 {
			n = strings.TrimSuffix(n, ";") + "."
		}
		names[i] = n
	}
	labelW := lipgloss.Width(label) - 1 // the dashes stand under the colon
	widest := 0
	for _, n := range names {
		widest = max(widest, lipgloss.Width(n))
	}
	x := max(0, (w-labelW-widest)/2)
	indent := strings.Repeat(" ", x+labelW)
	out := []string{strings.Repeat(" ", x) + label}
	for _, n := range names {
		for j, l := range strings.Split(wrapText(n, max(w-x-labelW-2, 10)), "\n") {
			if j > 0 {
				l = "  " + l
			}
			out = append(out, indent+l)
		}
	}
	return out
}

// tableRow lays out one row of the appendix's table: each cell wrapped to
// its column's width, the row as tall as its tallest cell.
func tableRow(widths []int, cells []string) []string {
	cols := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		cols[i] = strings.Split(wrapText(strings.TrimSpace(c), widths[i]), "\n")
		for j, l := range cols[i] {
			cols[i][j] = truncate(l, widths[i]) // a word wider than the column
		}
		n = max(n, len(cols[i]))
	}
	out := make([]string, n)
	for j := range n {
		var b strings.Builder
		for i := range cells {
			var l string
			if j < len(cols[i]) {
				l = cols[i][j]
			}
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(padRight(l, widths[i]))
		}
		out[j] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// hasOwnPart reports whether section si has a part for its own text.
func hasOwnPart(r *report.Report, si int) bool {
	for _, p := range r.Parts() {
		if p.Section == si && p.Item < 0 {
			return true
		}
	}
	return false
}

// showProblems scrolls to the list of problems and selects the first.
func (s *reviewScreen) showProblems() {
	if len(s.probLine) == 0 {
		s.top = s.maxTop()
		return
	}
	s.sel = 0
	s.top = min(max(0, s.probLine[0]-3), s.maxTop())
}

func (s *reviewScreen) maxTop() int { return max(0, len(s.lines)-s.viewHeight()) }

func (s *reviewScreen) selectProblem(i int) {
	if len(s.problems) == 0 {
		return
	}
	s.sel = (i + len(s.problems)) % len(s.problems)
	line := s.probLine[s.sel]
	if line < s.top || line >= s.top+s.viewHeight()-1 {
		s.top = min(max(0, line-s.viewHeight()/2), s.maxTop())
	}
}

func (s *reviewScreen) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if mm, ok := msg.(tea.MouseWheelMsg); ok {
			if mm.Button == tea.MouseWheelUp {
				s.top = max(0, s.top-3)
			} else if mm.Button == tea.MouseWheelDown {
				s.top = min(s.maxTop(), s.top+3)
			}
		}
		return nil
	}
	k := s.keys
	switch {
	case km.String() == "up" || km.String() == "k":
		s.top = max(0, s.top-1)
	case km.String() == "down" || km.String() == "j":
		s.top = min(s.maxTop(), s.top+1)
	case key.Matches(km, k.PageDown):
		s.top = min(s.maxTop(), s.top+s.viewHeight()-1)
	case key.Matches(km, k.PageUp):
		s.top = max(0, s.top-s.viewHeight()+1)
	case km.String() == "home":
		s.top = 0
	case km.String() == "end":
		s.top = s.maxTop()
	case key.Matches(km, k.NextProblem):
		s.selectProblem(s.sel + 1)
	case key.Matches(km, k.PrevProblem):
		if s.sel < 0 {
			s.sel = 0
		}
		s.selectProblem(s.sel - 1)
	case km.String() == "enter":
		if s.sel >= 0 && s.sel < len(s.problems) {
			return cmdOf(jumpMsg{p: s.problems[s.sel]})
		}
		if len(s.problems) > 0 {
			s.selectProblem(0)
		}
	case key.Matches(km, k.Export):
		return cmdOf(exportOpenMsg{})
	case key.Matches(km, k.Back):
		return cmdOf(backToWizardMsg{})
	}
	return nil
}

func (s *reviewScreen) View() string {
	h := s.viewHeight()
	s.top = min(s.top, s.maxTop())
	var out []string
	title := "Xem lại báo cáo"
	if n := len(s.lines); n > h {
		title += fmt.Sprintf("  (dòng %d–%d / %d)", s.top+1, min(s.top+h, n), n)
	}
	out = append(out, s.st.Title.Render(title))
	selStart, selEnd := -1, -1
	if s.sel >= 0 && s.sel < len(s.probLine) {
		selStart = s.probLine[s.sel]
		selEnd = len(s.lines)
		if s.sel+1 < len(s.probLine) {
			selEnd = s.probLine[s.sel+1]
		}
	}
	for i := s.top; i < len(s.lines) && i < s.top+h; i++ {
		l := s.lines[i]
		if i >= selStart && i < selEnd {
			l = s.st.ProblemCurrent.Render("›" + stripANSI(l))
		} else {
			l = " " + l
		}
		out = append(out, l)
	}
	return fitHeight(strings.Join(out, "\n"), h+1)
}

func (s *reviewScreen) Help() []key.Binding {
	k := s.keys
	return []key.Binding{
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "về soạn thảo")),
		k.NextProblem,
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "đến chỗ sửa")),
		k.Export,
		key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓ PgUp/PgDn", "cuộn")),
		k.Help,
	}
}
