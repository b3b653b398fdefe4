package ui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"baocao/report"
)

// blankFill is how the review shows a blank left for the records clerk
// (the number, the day): visibly, so that the official sees a gap to be
// filled in by hand, not a missing word.
func blankFill(report.Blank) string { return "……" }

// documentLines lays the outline out as text w cells wide, as the PDF
// reads: it walks the outline in order and writes its words, adding none
// of its own. It is the review's only view of the document: the review
// adds the problems under it.
func documentLines(st *styles, o *report.Outline, w int) []string {
	d := &docLines{st: st, w: w}
	d.header(o.Header)
	d.blank()
	d.centred(o.Kind, st.DocHeading)
	d.centred(o.Title, st.DocHeading)
	d.blank()
	if d.addressees(o.Addressees) {
		d.blank()
	}
	d.paras(o.Body)
	d.paras(o.Closing)
	d.blank()
	d.signature(o.Recipients, o.Signature)
	if o.Appendix != nil {
		d.appendix(o.Appendix)
	}
	return d.out
}

// docWrap wraps a piece of the document to w cells as [wrapText] does,
// but never inside a document number or symbol: "45/KH-UBND" stays on one
// line, where wrapText would break it after its hyphen. The rule of what
// is a symbol is the report's, shared with the Word file.
func docWrap(text string, w int) string {
	const nb = string(report.NoBreakHyphen)
	return strings.ReplaceAll(wrapText(report.KeepSymbolsWhole(text), w), nb, "-")
}

// docLines collects the lines of the document w cells wide.
type docLines struct {
	st  *styles
	w   int
	out []string
}

func (d *docLines) add(s ...string) { d.out = append(d.out, s...) }
func (d *docLines) blank()          { d.add("") }

// colW is the width of the left column of the header and of the
// recipients; the right column has the rest.
func (d *docLines) colW() int { return d.w / 2 }

// para writes text wrapped to the width, each line in style.
func (d *docLines) para(text string, style lipgloss.Style) {
	for _, l := range strings.Split(docWrap(text, d.w), "\n") {
		d.add(style.Render(l))
	}
}

// centred writes text wrapped to the width, each line centred. The lines
// are balanced, as the PDF's are: a title of two lines does not end in a
// word alone.
func (d *docLines) centred(text string, style lipgloss.Style) {
	for _, l := range balanced(text, d.w) {
		d.add(style.Render(padLeft(l, (d.w+lipgloss.Width(l))/2)))
	}
}

// balanced wraps text to the narrowest width, at most w, that takes no
// more lines than w does.
func balanced(text string, w int) []string {
	lines := strings.Split(docWrap(text, w), "\n")
	n := len(lines)
	if n < 2 {
		return lines
	}
	lo, hi := w/n, w // hi gives n lines
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if strings.Count(docWrap(text, mid), "\n")+1 > n {
			lo = mid
		} else {
			hi = mid
		}
	}
	return strings.Split(docWrap(text, hi), "\n")
}

// paras writes paragraphs, headings in bold.
func (d *docLines) paras(ps []report.Para) {
	plain := lipgloss.NewStyle()
	for _, p := range ps {
		style := plain
		if p.IsHeading() {
			style = d.st.DocHeading
		}
		d.para(p.Text, style)
	}
}

// styledLine is a line of a column with its style.
type styledLine struct {
	text  string
	style lipgloss.Style
}

// column wraps each line to w cells, centred, in its style.
func column(w int, lines ...styledLine) []string {
	var out []string
	for _, l := range lines {
		if l.text == "" {
			out = append(out, "")
			continue
		}
		for _, part := range strings.Split(docWrap(l.text, w), "\n") {
			out = append(out, l.style.Render(lipgloss.PlaceHorizontal(w, lipgloss.Center, part)))
		}
	}
	return out
}

// sideBySide writes two columns, the left colW cells wide.
func (d *docLines) sideBySide(left, right []string) {
	for i := range max(len(left), len(right)) {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		d.add(padRight(l, d.colW()) + r)
	}
}

// header writes the two columns of the first page: the agency on the
// left, the national name and motto on the right, then the number and the
// place and date on one row, as the PDF sets them on one baseline.
func (d *docLines) header(h report.OutlineHeader) {
	lw, rw := d.colW(), d.w-d.colW()
	plain, bold := lipgloss.NewStyle(), d.st.DocHeading
	var left []styledLine
	if h.Parent != "" {
		left = append(left, styledLine{h.Parent, plain})
	}
	for _, a := range h.Agency {
		left = append(left, styledLine{a, bold})
	}
	d.sideBySide(column(lw, left...), column(rw, styledLine{h.Nation, bold}, styledLine{h.Motto, bold}))
	d.sideBySide(column(lw, styledLine{h.Number.Format(blankFill), plain}),
		column(rw, styledLine{h.PlaceDate.Format(blankFill), d.st.DocItalic}))
}

// addressees writes "Kính gửi" as the PDF lays it out: one addressee on
// the label's line; several on the lines below, their dashes under the
// label's colon, the block centred. It reports whether there was any.
func (d *docLines) addressees(a report.Addressees) bool {
	switch {
	case len(a.Names) == 0:
		return false
	case !a.List():
		d.centred(a.Label+" "+a.Names[0], lipgloss.NewStyle())
		return true
	}
	labelW := lipgloss.Width(a.Label) - 1 // the dashes stand under the colon
	widest := 0
	for _, n := range a.Names {
		widest = max(widest, lipgloss.Width(n))
	}
	x := max(0, (d.w-labelW-widest)/2)
	indent := strings.Repeat(" ", x+labelW)
	d.add(strings.Repeat(" ", x) + a.Label)
	for _, n := range a.Names {
		for j, l := range strings.Split(docWrap(n, max(d.w-x-labelW-2, 10)), "\n") {
			if j > 0 {
				l = "  " + l
			}
			d.add(indent + l)
		}
	}
	return true
}

// signature writes "Nơi nhận" beside the signature block, each wrapped in
// its column as the PDF does: a recipient's following lines under its
// text, room for the signature before the name.
func (d *docLines) signature(rc report.Recipients, s report.Signature) {
	lw := d.colW() - 1
	recip := []string{d.st.DocHeading.Render(rc.Label)}
	for _, l := range rc.Lines {
		for j, part := range strings.Split(docWrap(l, lw), "\n") {
			if j > 0 {
				part = "  " + part
			}
			recip = append(recip, part)
		}
	}
	bold := d.st.DocHeading
	var sign []styledLine
	if s.Authority != "" {
		sign = append(sign, styledLine{s.Authority, bold})
	}
	sign = append(sign, styledLine{s.Title, bold}, styledLine{}, styledLine{}, styledLine{s.Name, bold})
	d.sideBySide(recip, column(d.w-d.colW(), sign...))
}

// appendix writes the "Phụ lục" under a rule: its label, title and
// reference centred, then the table of indicators.
func (d *docLines) appendix(a *report.Appendix) {
	d.add("", strings.Repeat("─", d.w), "")
	d.centred(a.Label, d.st.DocHeading)
	d.centred(a.Title, d.st.DocHeading)
	d.centred(a.Reference.Format(blankFill), d.st.DocItalic)
	d.blank()
	widths := tableWidths(d.w)
	for _, l := range tableRow(widths, a.Columns) {
		d.add(d.st.ListHeader.Render(l))
	}
	for _, row := range a.Rows {
		d.add(tableRow(widths, row)...)
	}
}

// tableWidths are the widths of the appendix table's columns in w cells,
// in the PDF's order: STT, indicator, unit, this period, last year, note.
func tableWidths(w int) []int {
	widths := []int{3, 0, 7, 11, 10, 12}
	widths[1] = max(w-3-7-11-10-12-5, 10)
	return widths
}

// tableRow lays out one row of the appendix's table: each cell wrapped to
// its column's width, the row as tall as its tallest cell.
func tableRow(widths []int, cells []string) []string {
	cols := make([][]string, len(widths))
	n := 1
	for i := range widths {
		var c string
		if i < len(cells) {
			c = cells[i]
		}
		cols[i] = strings.Split(docWrap(strings.TrimSpace(c), widths[i]), "\n")
		n = max(n, len(cols[i]))
	}
	out := make([]string, n)
	for j := range n {
		var b strings.Builder
		for i := range widths {
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
