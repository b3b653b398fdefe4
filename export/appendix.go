package export

// column is a column of the table of indicators.
type column struct {
	w     float64 // millimetres
	align string
}

// columns are the widths and alignments of the outline's columns: STT,
// indicator, unit, this period, the same period last year, note.
var columns = []column{{11, "C"}, {59, "L"}, {17, "C"}, {25, "C"}, {24, "C"}, {29, "L"}}

// appendix draws the "Phụ lục" with the table of indicators on a page of
// its own; its pages are numbered on their own.
func (l *layout) appendix() {
	a := l.o.Appendix
	l.annexStart = l.pdf.PageNo() + 1
	l.newPage()
	l.centred(a.Label, marginLeft, textW, stBodyBold)
	w := l.centred(a.Title, marginLeft, textW, stBodyBold)
	l.centred(withBlanks(a.Reference, stReference), marginLeft, textW, stReference)
	l.rule(marginLeft+textW/2, ruleShare*w)
	l.y += blockGap

	l.row(columns, a.Columns, nil)
	for _, row := range a.Rows {
		l.row(columns, row, a.Columns)
	}
}

// wrapRow wraps each cell to its column and returns the lines and the
// number of lines of the tallest cell.
func (l *layout) wrapRow(cols []column, cells []string, st style) ([][]string, int) {
	l.use(st)
	out := make([][]string, len(cols))
	n := 1
	for i, c := range cols {
		out[i] = l.wrap(cleanWords(cells[i]), c.w-2*cellPad, c.w-2*cellPad)
		n = max(n, len(out[i]))
	}
	return out, n
}

// row draws one bordered row, every cell as tall as the tallest. A row is
// a header row when head is nil; otherwise a row that does not fit goes
// to a new page under a repeated header, and a row taller than a page is
// split across pages.
func (l *layout) row(cols []column, cells []string, head []string) {
	st := stTable
	if head == nil {
		st = stTableHead
	}
	lines, n := l.wrapRow(cols, cells, st)
	headH := 0.0
	if head != nil {
		_, hn := l.wrapRow(cols, head, stTableHead)
		headH = float64(hn)*stTableHead.lead + 2*cellPad
		l.use(st)
	}
	for start := 0; start < n; {
		rest := n - start
		avail := int((pageBottom - l.y - 2*cellPad) / st.lead)
		fresh := float64(rest)*st.lead+2*cellPad <= pageBottom-marginTop-headH
		if head != nil && (avail < 1 || avail < rest && start == 0 && fresh) {
			l.newPage()
			l.row(cols, head, nil)
			continue
		}
		k := min(rest, max(avail, 1))
		h := float64(k)*st.lead + 2*cellPad
		l.use(st)
		x := marginLeft
		for i, c := range cols {
			l.pdf.Rect(x, l.y, c.w, h, "D")
			part := lines[i][min(start, len(lines[i])):min(start+k, len(lines[i]))]
			off := 0.0
			if rest == k { // vertically centred when the row is whole
				off = float64(k-len(part)) * st.lead / 2
			}
			align := c.align
			if head == nil {
				align = "C" // column headings are centred
			}
			for j, ln := range part {
				l.pdf.SetXY(x+cellPad, l.y+cellPad+off+float64(j)*st.lead)
				l.pdf.CellFormat(c.w-2*cellPad, st.lead, ln, "", 0, align, false, 0, "")
			}
			x += c.w
		}
		l.y += h
		start += k
	}
}
