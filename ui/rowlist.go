package ui

import (
	"fmt"
	"strings"

	"charm.land/huh/v2"

	"baocao/report"
)

// rows are the entries of a part kept as a list: the indicators, or the
// recipients followed by the archive line.
type rows interface {
	// count is the number of rows.
	count() int
	// fixed reports whether row i can be neither removed nor moved.
	fixed(i int) bool
	// insert adds an empty row at i.
	insert(i int)
	remove(i int)
	swap(i, j int)
	// header is the line above the rows, or "".
	header(width int) string
	// line draws row i in width cells.
	line(i, width int) string
	// name names row i in a question: "3: «Thôn 3»".
	name(i int) string
	// form builds the form that edits row i.
	form(c *common, i, width, height int) *partForm
	// row is the row a problem's field belongs to, or -1.
	row(field string) int
}

// rowList edits the rows of a part: a cursor over them, and the form of the
// row being edited.
type rowList struct {
	rows    rows
	cursor  int
	top     int
	editing *partForm
}

func (l *rowList) clamp() { l.cursor = max(0, min(l.cursor, l.rows.count()-1)) }

// move moves the cursor by d rows.
func (l *rowList) move(d int) {
	l.cursor += d
	l.clamp()
}

// add inserts an empty row after the cursor and puts the cursor on it.
func (l *rowList) add() {
	at := l.cursor + 1
	if l.rows.count() == 0 {
		at = 0
	}
	// Never after the fixed last row.
	if n := l.rows.count(); n > 0 && l.rows.fixed(n-1) {
		at = min(at, n-1)
	}
	l.rows.insert(at)
	l.cursor = at
}

// remove deletes the row under the cursor.
func (l *rowList) remove() {
	if i := l.cursor; i >= 0 && i < l.rows.count() && !l.rows.fixed(i) {
		l.rows.remove(i)
	}
	l.clamp()
}

// shift swaps the row under the cursor with its neighbour by d (±1).
func (l *rowList) shift(d int) bool {
	i, j := l.cursor, l.cursor+d
	if j < 0 || j >= l.rows.count() || l.rows.fixed(i) || l.rows.fixed(j) {
		return false
	}
	l.rows.swap(i, j)
	l.cursor = j
	return true
}

// marks says whether row i has errors or warnings: "!", "?" or " ".
func (l *rowList) mark(st *styles, ps report.Problems, i int) string {
	errs, warns := 0, 0
	for _, p := range ps {
		if l.rows.row(p.Field) != i {
			continue
		}
		if p.Severity == report.Error {
			errs++
		} else {
			warns++
		}
	}
	switch {
	case errs > 0:
		return st.Error.Render("!")
	case warns > 0:
		return st.Warning.Render("?")
	}
	return " "
}

// view draws the rows in width×height cells; empty says what to do when
// there are none.
func (l *rowList) view(st *styles, ps report.Problems, width, height int, empty string) string {
	var b strings.Builder
	if h := l.rows.header(width); h != "" {
		b.WriteString(st.ListHeader.Render(truncate(h, width)) + "\n")
		height--
	}
	n := l.rows.count()
	if n == 0 {
		b.WriteString(st.Dim.Render(empty))
		return b.String()
	}
	height = max(height, 1)
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+height {
		l.top = l.cursor - height + 1
	}
	for i := l.top; i < n && i < l.top+height; i++ {
		// The cursor and the row's mark side by side: "›!", "› ", " !".
		mark := " "
		if i == l.cursor {
			mark = "›"
		}
		mark += l.mark(st, ps, i) + " "
		line := truncate(l.rows.line(i, width-3), width-3)
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

// indicatorRows are the report's indicators.
type indicatorRows struct{ r *report.Report }

func (x indicatorRows) count() int     { return len(x.r.Indicators) }
func (x indicatorRows) fixed(int) bool { return false }

func (x indicatorRows) insert(i int) {
	x.r.Indicators = insertAt(x.r.Indicators, i, []report.Indicator{{Kind: report.Count}})
}

func (x indicatorRows) remove(i int) {
	x.r.Indicators = append(x.r.Indicators[:i], x.r.Indicators[i+1:]...)
}

func (x indicatorRows) swap(i, j int) {
	x.r.Indicators[i], x.r.Indicators[j] = x.r.Indicators[j], x.r.Indicators[i]
}

// The columns of the list of indicators.
const valueW, lastW = 9, 9

func nameWidth(width int) int { return max(width-5-valueW-lastW-2, 10) }

func (x indicatorRows) header(width int) string {
	return fmt.Sprintf("   %s %s %s", padRight("Chỉ tiêu", nameWidth(width)), padLeft("Kỳ này", valueW), padLeft("Cùng kỳ", lastW))
}

func (x indicatorRows) line(i, width int) string {
	in := x.r.Indicators[i]
	nameW := nameWidth(width + 3)
	name := in.Name
	if name == "" {
		name = "(chưa có tên)"
	}
	return padRight(truncate(name, nameW), nameW) + " " +
		padLeft(truncate(valueWithUnit(in.Value, in.Unit), valueW), valueW) + " " +
		padLeft(truncate(valueWithUnit(in.LastYear, in.Unit), lastW), lastW)
}

// valueWithUnit is a value as the list shows it: formatted as the document
// prints it, with "%" when that is the unit (never twice).
func valueWithUnit(v, unit string) string {
	if strings.TrimSpace(v) == "" {
		return "—"
	}
	s := report.FormatValue(v)
	if strings.TrimSpace(unit) == "%" && !strings.HasSuffix(s, "%") {
		s += "%"
	}
	return s
}

func (x indicatorRows) name(i int) string {
	name := ""
	if i < len(x.r.Indicators) {
		name = x.r.Indicators[i].Name
	}
	return rowName(i, name)
}

func rowName(i int, name string) string {
	if name = strings.TrimSpace(name); name == "" {
		return fmt.Sprintf("%d (dòng trống)", i+1)
	}
	return fmt.Sprintf("%d: «%s»", i+1, truncate(name, 40))
}

var kindOptions = []huh.Option[report.IndicatorKind]{
	huh.NewOption("Tỷ lệ (%)", report.Percent),
	huh.NewOption("Số lượng", report.Count),
	huh.NewOption("Số liệu khác", report.Amount),
}

func (x indicatorRows) form(c *common, i, width, height int) *partForm {
	b := newBuilder(c, report.Part{ID: report.PartIndicators, Section: -1, Item: -1}, width, height)
	in := &x.r.Indicators[i]
	if in.Kind == "" {
		in.Kind = report.Count
	}
	b.input(report.FieldIndicator(i, "name"), "Tên chỉ tiêu", "", &in.Name)
	kindKey := fmt.Sprintf("indicators.%d.kind", i)
	kind := huh.NewSelect[report.IndicatorKind]().Key(kindKey).
		Title("Loại số liệu").Options(kindOptions...).Value(&in.Kind).Inline(true)
	b.add(kindKey, kind, &fieldInfo{title: "Loại số liệu"})
	b.input(report.FieldIndicator(i, "unit"), "Đơn vị tính", "Ví dụ: %, người, tổ, hồ sơ.", &in.Unit)
	b.input(report.FieldIndicator(i, "value"), "Kết quả kỳ này", valueHint(in.Kind), &in.Value).
		DescriptionFunc(func() string { return valueHint(in.Kind) }, &in.Kind)
	b.input(report.FieldIndicator(i, "lastYear"), "Cùng kỳ năm trước", "Có thể để trống.", &in.LastYear)
	b.input(report.FieldIndicator(i, "note"), "Ghi chú", "", &in.Note)
	return b.finish()
}

// valueHint says what a value of an indicator of kind k looks like.
func valueHint(k report.IndicatorKind) string {
	switch k {
	case report.Percent:
		return "Tỷ lệ từ 0 đến 100, ví dụ: 100, trên 95, 12,5 (có thể gõ cả dấu %). Để trống nếu không báo cáo."
	case report.Count:
		return "Số nguyên, ví dụ: 12. Để trống nếu không báo cáo."
	}
	return "Ví dụ: 12,5 hoặc 1.200. Để trống nếu không báo cáo."
}

func (x indicatorRows) row(field string) int {
	var i int
	var col string
	if _, err := fmt.Sscanf(strings.ReplaceAll(field, ".", " "), "indicators %d %s", &i, &col); err == nil {
		return i
	}
	return -1
}

// recipientRows are the report's recipients, then the archive line.
type recipientRows struct{ r *report.Report }

func (x recipientRows) count() int       { return len(x.r.Recipients) + 1 }
func (x recipientRows) fixed(i int) bool { return i == len(x.r.Recipients) }

func (x recipientRows) insert(i int) {
	x.r.Recipients = insertAt(x.r.Recipients, min(i, len(x.r.Recipients)), []string{""})
}

func (x recipientRows) remove(i int) {
	x.r.Recipients = append(x.r.Recipients[:i], x.r.Recipients[i+1:]...)
}

func (x recipientRows) swap(i, j int) {
	x.r.Recipients[i], x.r.Recipients[j] = x.r.Recipients[j], x.r.Recipients[i]
}

func (x recipientRows) header(int) string { return "" }

func (x recipientRows) line(i, width int) string {
	if x.fixed(i) {
		return "Lưu: " + x.r.Archive
	}
	if strings.TrimSpace(x.r.Recipients[i]) == "" {
		return "- (dòng trống)"
	}
	return "- " + x.r.Recipients[i]
}

func (x recipientRows) name(i int) string {
	if x.fixed(i) {
		return "«Lưu»"
	}
	return rowName(i, x.r.Recipients[i])
}

func (x recipientRows) form(c *common, i, width, height int) *partForm {
	b := newBuilder(c, report.Part{ID: report.PartRecipients, Section: -1, Item: -1}, width, height)
	if x.fixed(i) {
		b.input(report.FieldArchive, "Lưu", "Nơi lưu văn bản, ví dụ: VT, VH-XH.", &x.r.Archive)
	} else {
		b.input(report.FieldRecipients, "Nơi nhận", "Ví dụ: Sở KH-CN tỉnh (b/c). Không cần gạch đầu dòng và dấu chấm phẩy.", &x.r.Recipients[i])
	}
	return b.finish()
}

func (x recipientRows) row(field string) int {
	if field == report.FieldArchive {
		return len(x.r.Recipients)
	}
	return -1
}

// insertAt inserts add into s at index at.
func insertAt[T any](s []T, at int, add []T) []T {
	return append(s[:at], append(add, s[at:]...)...)
}
