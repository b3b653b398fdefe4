package ui

import (
	"fmt"
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"baocao/report"
)

// listEditor edits the rows of a part kept as a list: the indicators, or
// the recipients followed by the archive line. Rows are added, edited,
// removed and moved; a row is edited in a small form of its own.
type listEditor struct {
	r    *report.Report
	kind string // report.PartIndicators or report.PartRecipients

	cursor  int
	top     int
	editing *partForm // the row's form while a row is edited
	confirm bool      // asking whether to remove the row
}

func newIndicatorList(r *report.Report) *listEditor {
	return &listEditor{r: r, kind: report.PartIndicators}
}

func newRecipientList(r *report.Report) *listEditor {
	return &listEditor{r: r, kind: report.PartRecipients}
}

// n is the number of rows.
func (l *listEditor) n() int {
	if l.kind == report.PartIndicators {
		return len(l.r.Indicators)
	}
	return len(l.r.Recipients) + 1 // the archive line
}

// fixed reports whether row i can be neither removed nor moved.
func (l *listEditor) fixed(i int) bool {
	return l.kind == report.PartRecipients && i == len(l.r.Recipients)
}

func (l *listEditor) clamp() {
	l.cursor = max(0, min(l.cursor, l.n()-1))
}

// add inserts an empty row after the cursor and returns its index.
func (l *listEditor) add() int {
	at := l.cursor + 1
	if l.n() == 0 {
		at = 0
	}
	switch l.kind {
	case report.PartIndicators:
		at = min(at, len(l.r.Indicators))
		l.r.Indicators = append(l.r.Indicators[:at], append([]report.Indicator{{Kind: report.Count}}, l.r.Indicators[at:]...)...)
	default:
		at = min(at, len(l.r.Recipients))
		l.r.Recipients = append(l.r.Recipients[:at], append([]string{""}, l.r.Recipients[at:]...)...)
	}
	l.cursor = at
	return at
}

// remove deletes the row under the cursor.
func (l *listEditor) remove() {
	i := l.cursor
	if l.fixed(i) || i < 0 || i >= l.n() {
		return
	}
	switch l.kind {
	case report.PartIndicators:
		l.r.Indicators = append(l.r.Indicators[:i], l.r.Indicators[i+1:]...)
	default:
		l.r.Recipients = append(l.r.Recipients[:i], l.r.Recipients[i+1:]...)
	}
	l.clamp()
}

// move swaps the row under the cursor with its neighbour by d (±1).
func (l *listEditor) move(d int) {
	i, j := l.cursor, l.cursor+d
	if l.fixed(i) || l.fixed(j) || j < 0 || j >= l.n() {
		return
	}
	switch l.kind {
	case report.PartIndicators:
		l.r.Indicators[i], l.r.Indicators[j] = l.r.Indicators[j], l.r.Indicators[i]
	default:
		l.r.Recipients[i], l.r.Recipients[j] = l.r.Recipients[j], l.r.Recipients[i]
	}
	l.cursor = j
}

var kindOptions = []huh.Option[report.IndicatorKind]{
	huh.NewOption("Tỷ lệ (%)", report.Percent),
	huh.NewOption("Số lượng", report.Count),
	huh.NewOption("Số liệu khác", report.Amount),
}

// edit builds the form of the row under the cursor.
func (l *listEditor) edit(st *Styles, width, height int) {
	i := l.cursor
	b := newBuilder(report.Part{ID: l.kind, Section: -1, Item: -1}, width, height)
	switch {
	case l.kind == report.PartIndicators:
		in := &l.r.Indicators[i]
		if in.Kind == "" {
			in.Kind = report.Count
		}
		b.input(report.FieldIndicator(i, "name"), "Tên chỉ tiêu", "", &in.Name)
		kind := huh.NewSelect[report.IndicatorKind]().Key(fmt.Sprintf("indicators.%d.kind", i)).
			Title("Loại số liệu").Options(kindOptions...).Value(&in.Kind).Inline(true)
		b.fields = append(b.fields, kind)
		b.pf.fields[fmt.Sprintf("indicators.%d.kind", i)] = &fieldInfo{title: "Loại số liệu"}
		b.pf.order = append(b.pf.order, fmt.Sprintf("indicators.%d.kind", i))
		b.input(report.FieldIndicator(i, "unit"), "Đơn vị tính", "Ví dụ: %, người, tổ, hồ sơ.", &in.Unit)
		b.input(report.FieldIndicator(i, "value"), "Kết quả kỳ này", valueHint(in.Kind), &in.Value).
			DescriptionFunc(func() string { return valueHint(in.Kind) }, &in.Kind)
		b.input(report.FieldIndicator(i, "lastYear"), "Cùng kỳ năm trước", "Có thể để trống.", &in.LastYear)
		b.input(report.FieldIndicator(i, "note"), "Ghi chú", "", &in.Note)
	case l.fixed(i):
		b.input(report.FieldArchive, "Lưu", "Nơi lưu văn bản, ví dụ: VT, VH-XH.", &l.r.Archive)
	default:
		b.input(report.FieldRecipients, "Nơi nhận", "Ví dụ: Sở KH-CN tỉnh (b/c). Không cần gạch đầu dòng và dấu chấm phẩy.", &l.r.Recipients[i])
	}
	l.editing = b.finish(st)
}

// rowName names row i for a question: "3: Thôn 3", "2 (chưa có tên)".
func (l *listEditor) rowName(i int) string {
	name := ""
	switch {
	case l.kind == report.PartIndicators && i < len(l.r.Indicators):
		name = l.r.Indicators[i].Name
	case l.kind == report.PartRecipients && i < len(l.r.Recipients):
		name = l.r.Recipients[i]
	}
	if name = strings.TrimSpace(name); name == "" {
		return fmt.Sprintf("%d (dòng trống)", i+1)
	}
	return fmt.Sprintf("%d: «%s»", i+1, truncate(name, 40))
}

// valueHint says what a value of an indicator of kind k looks like.
func valueHint(k report.IndicatorKind) string {
	switch k {
	case report.Percent:
		return "Tỷ lệ từ 0 đến 100, ví dụ: 100, trên 95, 12,5. Để trống nếu không báo cáo."
	case report.Count:
		return "Số nguyên, ví dụ: 12. Để trống nếu không báo cáo."
	}
	return "Ví dụ: 12,5 hoặc 1.200. Để trống nếu không báo cáo."
}

// fieldRow returns the row a problem's field belongs to, or -1.
func (l *listEditor) fieldRow(field string) int {
	if l.kind == report.PartIndicators {
		var i int
		var col string
		if _, err := fmt.Sscanf(strings.ReplaceAll(field, ".", " "), "indicators %d %s", &i, &col); err == nil {
			return i
		}
		return -1
	}
	if field == report.FieldArchive {
		return len(l.r.Recipients)
	}
	return -1
}

// rowProblems says whether row i has errors or warnings.
func (l *listEditor) rowProblems(ps report.Problems, i int) (errs, warns int) {
	for _, p := range ps {
		if l.fieldRow(p.Field) != i {
			continue
		}
		if p.Severity == report.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// view draws the rows, height lines at most.
func (l *listEditor) view(st *Styles, ps report.Problems, width, height int) string {
	var b strings.Builder
	n := l.n()
	if l.kind == report.PartIndicators {
		valW, lastW := 9, 9
		nameW := max(width-5-valW-lastW-2, 10)
		head := fmt.Sprintf("   %-*s %*s %*s", nameW, "Chỉ tiêu", valW, "Kỳ này", lastW, "Cùng kỳ")
		b.WriteString(st.ListHeader.Render(truncate(head, width)) + "\n")
		height--
	}
	if n == 0 {
		b.WriteString(st.Dim.Render("Chưa có dòng nào. Nhấn Ctrl+N để thêm."))
		return b.String()
	}
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if height > 0 && l.cursor >= l.top+height {
		l.top = l.cursor - height + 1
	}
	for i := l.top; i < n && i < l.top+max(height, 1); i++ {
		// The cursor and the row's mark side by side: "›!", "› ", " !".
		mark := " "
		if i == l.cursor {
			mark = "›"
		}
		if e, w := l.rowProblems(ps, i); e > 0 {
			mark += st.Error.Render("!")
		} else if w > 0 {
			mark += st.Warning.Render("?")
		} else {
			mark += " "
		}
		mark += " "
		var line string
		if l.kind == report.PartIndicators {
			in := l.r.Indicators[i]
			valW, lastW := 9, 9
			nameW := max(width-5-valW-lastW-2, 10)
			name := in.Name
			if name == "" {
				name = "(chưa có tên)"
			}
			line = fmt.Sprintf("%s %s %s", padRight(truncate(name, nameW), nameW),
				padLeft(truncate(withUnit(in.Value, in.Unit), valW), valW),
				padLeft(truncate(withUnit(in.LastYear, in.Unit), lastW), lastW))
		} else if l.fixed(i) {
			line = "Lưu: " + l.r.Archive
		} else {
			line = "- " + l.r.Recipients[i]
			if strings.TrimSpace(l.r.Recipients[i]) == "" {
				line = "- (dòng trống)"
			}
		}
		line = truncate(line, width-3)
		if i == l.cursor {
			line = st.ListCurrent.Render(padRight(line, width-3))
		}
		b.WriteString(mark + line)
		if i < n-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func withUnit(v, unit string) string {
	if v == "" {
		return "—"
	}
	if unit == "%" {
		return v + "%"
	}
	return v
}

func padRight(s string, w int) string {
	if d := w - lipgloss.Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

func padLeft(s string, w int) string {
	if d := w - lipgloss.Width(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// truncate cuts s to w cells, ending with "…" when cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(s) <= w {
		return s
	}
	var b strings.Builder
	cur := 0
	for _, r := range s {
		rw := lipgloss.Width(string(r))
		if cur+rw > w-1 {
			break
		}
		b.WriteRune(r)
		cur += rw
	}
	return b.String() + "…"
}

// wrapText wraps s at spaces to lines of at most w cells.
func wrapText(s string, w int) string {
	return lipgloss.Wrap(s, max(w, 1), " ")
}
