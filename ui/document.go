package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"baocao/report"
)

// documentLines lays the report out as text w cells wide, as the PDF reads.
// It is the review's only view of the document: the review adds the
// problems under it.
func documentLines(st *styles, r *report.Report, w int) []string {
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
	// Nơi nhận and the signer side by side, each wrapped in its column as
	// the PDF does: a recipient's following lines under its text.
	recip := []string{st.DocHeading.Render("Nơi nhận:")}
	for _, l := range r.RecipientLines() {
		for j, part := range strings.Split(wrapText(l, colW-1), "\n") {
			if j > 0 {
				part = "  " + part
			}
			recip = append(recip, part)
		}
	}
	var sign []string
	if r.Signer.Authority != "" {
		sign = append(sign, r.Signer.Authority)
	}
	sign = append(sign, r.Signer.Title, "", "", r.Signer.Name)
	sign = wrapColumn(sign, w-colW)
	for i := 0; i < max(len(recip), len(sign)); i++ {
		var l, rt string
		if i < len(recip) {
			l = recip[i]
		}
		if i < len(sign) {
			rt = sign[i]
		}
		add(padRight(l, colW) + st.DocHeading.Render(lipgloss.PlaceHorizontal(w-colW, lipgloss.Center, rt)))
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
	return out
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
