package export

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"baocao/report"
)

// Word's page: A4 with the PDF's margins, in twentieths of a point.
var (
	pageTwipsW = twips(210)
	textTwipsW = pageTwipsW - twips(marginLeft) - twips(marginRight)
)

// twips converts millimetres to twentieths of a point, Word's unit of
// length.
func twips(mm float64) int { return int(math.Round(mm / pt * 20)) }

// borderSize is the PDF's rule width in eighths of a point, the unit of
// Word's borders: the short rules and the table's lines.
var borderSize = int(math.Round(ruleWidth / pt * 8))

// docxWriter writes the body of word/document.xml.
type docxWriter struct {
	b strings.Builder
}

// documentXML is word/document.xml: the outline laid out as the PDF is.
func documentXML(o *report.Outline) string {
	d := &docxWriter{}
	d.b.WriteString(xmlHead + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	d.header(o.Header)
	d.title(o)
	d.addressees(o.Addressees)
	for _, p := range o.Body {
		switch p.Kind {
		case report.SectionHeading:
			d.p(pPr{style: "Heading1"}, run(p.Text))
		case report.ItemHeading:
			d.p(pPr{style: "Heading2"}, run(p.Text))
		default:
			d.p(pPr{style: "BodyText"}, run(p.Text))
		}
	}
	d.closing(o)
	if a := o.Appendix; a != nil {
		d.end(sectPr(false)) // the report's section ends; the appendix has its own
		d.appendix(a)
		d.end("")
		d.b.WriteString(sectPr(true))
	} else {
		d.end("")
		d.b.WriteString(sectPr(false))
	}
	d.b.WriteString(`</w:body></w:document>`)
	return d.b.String()
}

// sectPr is a section's page: A4 portrait with the PDF's margins, the page
// number in the header, none on the first page. The appendix's section
// starts a page and counts its pages from 1.
func sectPr(appendix bool) string {
	s := `<w:sectPr><w:headerReference w:type="default" r:id="rIdPageNo"/><w:headerReference w:type="first" r:id="rIdNoPageNo"/>`
	if appendix {
		s += `<w:type w:val="nextPage"/>`
	}
	s += fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		pageTwipsW, twips(pageH), twips(marginTop), twips(marginRight), twips(marginBottom), twips(marginLeft), twips(pageNoY), twips(pageNoY))
	if appendix {
		s += `<w:pgNumType w:start="1"/>`
	}
	return s + `<w:titlePg/></w:sectPr>`
}

// pPr are a paragraph's properties, written in the schema's order.
type pPr struct {
	style    string
	keepNext bool
	rule     bool   // a bottom border: the short rules under headings
	spacing  string // see spacing
	ind      string // see indent
	jc       string // "center", "left", "both"; "" for the style's
	mark     float64
	sect     string // the sectPr of the section ending here
}

func (p pPr) String() string {
	var b strings.Builder
	if p.style != "" {
		b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.rule {
		fmt.Fprintf(&b, `<w:pBdr><w:bottom w:val="single" w:sz="%d" w:space="0" w:color="000000"/></w:pBdr>`, borderSize)
	}
	b.WriteString(p.spacing)
	b.WriteString(p.ind)
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	if p.mark > 0 {
		b.WriteString(rPr(false, false, p.mark))
	}
	b.WriteString(p.sect)
	return b.String()
}

// spacing is the space before and after a paragraph and its line height,
// in millimetres: at least lead, which the fonts' own line height never
// exceeds, so lines stand as far apart as in the PDF.
func spacing(before, after, lead float64) string {
	return fmt.Sprintf(`<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="atLeast"/>`, twips(before), twips(after), twips(lead))
}

// indentXML is a paragraph's indents in millimetres; hanging > 0 starts the
// first line that much left of the others.
func indentXML(left, right, hanging float64) string {
	s := fmt.Sprintf(`<w:ind w:left="%d" w:right="%d"`, twips(left), twips(right))
	if hanging > 0 {
		s += fmt.Sprintf(` w:hanging="%d"`, twips(hanging))
	}
	return s + `/>`
}

// rPr is a run's properties: bold, italic, and a size in points (0: the
// paragraph style's).
func rPr(bold, italic bool, size float64) string {
	var b strings.Builder
	if bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if italic {
		b.WriteString(`<w:i/><w:iCs/>`)
	}
	if size > 0 {
		hp := int(math.Round(size * 2))
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp)
	}
	if b.Len() == 0 {
		return ""
	}
	return `<w:rPr>` + b.String() + `</w:rPr>`
}

// run is a run of text as the paragraph's style sets it.
func run(text string) string { return runStyled(text, style{regular, 0, 0}) }

// runStyled is text in the face and size of st. In an italic line the
// blanks' no-break spaces are upright: LibreOffice draws an italic
// no-break space a third wider than the font says, Word does not.
func runStyled(text string, st style) string {
	bold := st.face == bold || st.face == boldItalic
	it := st.face == italic || st.face == boldItalic
	text = report.KeepSymbolsWhole(docxText(text))
	var b strings.Builder
	for text != "" {
		n := strings.Index(text, nbsp)
		upright := n == 0 && it
		switch {
		case n < 0 || !it:
			n = len(text)
		case n == 0:
			n = len(text) - len(strings.TrimLeft(text, nbsp))
		}
		b.WriteString(`<w:r>` + rPr(bold, it && !upright, st.size) + runText(text[:n]) + `</w:r>`)
		text = text[n:]
	}
	return b.String()
}

// runText is the content of a run: its text, each no-break hyphen (see
// [report.KeepSymbolsWhole]) as Word's own no-break hyphen element, which
// Word and LibreOffice draw as a hyphen and never break a line after.
func runText(s string) string {
	var b strings.Builder
	for i, part := range strings.Split(s, string(report.NoBreakHyphen)) {
		if i > 0 {
			b.WriteString(`<w:noBreakHyphen/>`)
		}
		if part != "" {
			b.WriteString(`<w:t xml:space="preserve">` + xmlEscape(part) + `</w:t>`)
		}
	}
	return b.String()
}

// p writes a paragraph.
func (d *docxWriter) p(pp pPr, runs ...string) {
	d.b.WriteString(`<w:p>`)
	if s := pp.String(); s != "" {
		d.b.WriteString(`<w:pPr>` + s + `</w:pPr>`)
	}
	for _, r := range runs {
		d.b.WriteString(r)
	}
	d.b.WriteString(`</w:p>`)
}

// centred writes text as centred lines in style st, in a column w mm wide:
// its own paragraph, narrowed to the width that balances its lines as the
// PDF does. It returns the width of the widest line.
func (d *docxWriter) centred(text string, w float64, st style, pp pPr) float64 {
	text = docxText(text)
	m := metricsOf(st.face)
	measure := func(s string) float64 { return m.width(s, st.size) }
	lines, widest := balance(text, w, measure)
	side := 0.0
	if len(lines) > 1 {
		// A little slack for rounding, so that Word's own wrapping
		// gives the same lines: more would let it pull a word up.
		side = max(0, (w-widest)/2-0.25)
	}
	pp.jc = "center"
	if pp.spacing == "" {
		pp.spacing = spacing(0, 0, st.lead)
	}
	pp.ind = indentXML(side, side, 0)
	d.p(pp, runStyled(text, st))
	return widest
}

// rule writes a short rule of the given length, centred in a column w mm
// wide, under a line in style above, then after millimetres of space. The
// rule stands as far below the line's baseline as in the PDF, so that it
// does not read as underlining: fpdf sets a line's baseline 0.3 font
// sizes below its middle, Word and LibreOffice set it lineDescent font
// sizes above its bottom; the rule's paragraph makes up the difference.
func (d *docxWriter) rule(length, w, after float64, above style) {
	side := max(0, (w-length)/2)
	size := above.size * pt
	drop := ruleDrop + above.lead/2 - 0.3*size - lineDescent*size
	d.p(pPr{
		rule:    true,
		spacing: fmt.Sprintf(`<w:spacing w:before="0" w:after="%d" w:line="%d" w:lineRule="exact"/>`, twips(after), twips(drop)),
		ind:     indentXML(side, side, 0),
		mark:    1,
	})
}

// lineDescent is where Word and LibreOffice end a line of text below its
// baseline, in font sizes, when the line is taller than the font: Times
// New Roman's (and Liberation Serif's) descent, 0.216, and half its line
// gap, 0.021. Measured on LibreOffice's rendering.
const lineDescent = 0.237

// end writes the tiny paragraph Word needs after a table at the end of a
// section; it carries the section's properties when a section ends there.
func (d *docxWriter) end(sect string) {
	d.p(pPr{spacing: `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`, mark: 1, sect: sect})
}

// cell is one table cell: its width in twips and its paragraphs.
type cell struct {
	w      int
	center bool // centred vertically
	body   string
}

// table writes a table of one or more rows, each a list of cells. A
// bordered table has thin rules round every cell and cellPad of padding.
func (d *docxWriter) table(bordered bool, rows []string) {
	d.b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(&d.b, `<w:tblW w:w="%d" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>`, textTwipsW)
	if bordered {
		d.b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(&d.b, `<w:%s w:val="single" w:sz="%d" w:space="0" w:color="000000"/>`, side, borderSize)
		}
		d.b.WriteString(`</w:tblBorders>`)
	}
	d.b.WriteString(`<w:tblLayout w:type="fixed"/>`)
	// Cells are padded in bordered tables only; the others line their
	// text up with the margins, as the PDF's columns do.
	m := 0
	if bordered {
		m = twips(cellPad)
	}
	fmt.Fprintf(&d.b, `<w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`, m, m, m, m)
	d.b.WriteString(`</w:tblPr>`)
	for _, r := range rows {
		d.b.WriteString(r)
	}
	d.b.WriteString(`</w:tbl>`)
}

// grid is a table's column widths, written before its rows.
func grid(ws ...int) string {
	var b strings.Builder
	b.WriteString(`<w:tblGrid>`)
	for _, w := range ws {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	return b.String() + `</w:tblGrid>`
}

// row is a table row; cantSplit keeps it on one page, header repeats it
// at the top of every page.
func row(cantSplit, header bool, cells ...cell) string {
	var b strings.Builder
	b.WriteString(`<w:tr>`)
	if cantSplit || header {
		b.WriteString(`<w:trPr>`)
		if cantSplit {
			b.WriteString(`<w:cantSplit/>`)
		}
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
	}
	for _, c := range cells {
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, c.w)
		if c.center {
			b.WriteString(`<w:vAlign w:val="center"/>`)
		}
		b.WriteString(`</w:tcPr>`)
		if c.body == "" {
			c.body = `<w:p/>`
		}
		b.WriteString(c.body + `</w:tc>`)
	}
	return b.String() + `</w:tr>`
}

// cellWriter collects the paragraphs of one cell.
func cellWriter(fill func(d *docxWriter)) string {
	d := &docxWriter{}
	fill(d)
	return d.b.String()
}

// header writes the two columns of the first page as a borderless table:
// the agency and the national name and motto with their rules; then
// "Số:" and the place and date on one baseline.
func (d *docxWriter) header(h report.OutlineHeader) {
	lw, rw := twips(headerLeftW), textTwipsW-twips(headerLeftW)
	left := cellWriter(func(c *docxWriter) {
		if strings.TrimSpace(h.Parent) != "" {
			c.centred(h.Parent, headerLeftW, stHeader, pPr{})
		}
		widest := 0.0
		for _, a := range h.Agency {
			widest = max(widest, c.centred(a, headerLeftW, stAgency, pPr{}))
		}
		if widest > 0 {
			c.rule(ruleShare*widest, headerLeftW, 0, stAgency)
		}
	})
	right := cellWriter(func(c *docxWriter) {
		rightW := textW - headerLeftW
		c.centred(h.Nation, rightW, stNation, pPr{})
		c.rule(c.centred(h.Motto, rightW, stMotto, pPr{}), rightW, 0, stMotto)
	})
	number := cellWriter(func(c *docxWriter) {
		c.centred(docxBlanks(h.Number, stNumber), headerLeftW, stNumber, pPr{spacing: spacing(headerGap, 0, stNumber.lead)})
	})
	date := cellWriter(func(c *docxWriter) {
		c.centred(docxBlanks(h.PlaceDate, stDate), textW-headerLeftW, stDate, pPr{spacing: spacing(headerGap, 0, stDate.lead)})
	})
	d.table(false, []string{
		grid(lw, rw),
		row(true, false, cell{w: lw, body: left}, cell{w: rw, body: right}),
		row(true, false, cell{w: lw, body: number}, cell{w: rw, body: date}),
	})
}

// title writes "BÁO CÁO", the trích yếu and the rule under it.
func (d *docxWriter) title(o *report.Outline) {
	d.centred(o.Kind, textW, stBodyBold, pPr{keepNext: true, spacing: spacing(blockGap, 0, stBodyBold.lead)})
	w := d.centred(o.Title, textW, stBodyBold, pPr{keepNext: true})
	d.rule(ruleShare*w, textW, blockGap, stBodyBold)
}

// addressees writes the "Kính gửi:" block centred as the PDF draws it: one
// name on the label's line, several under it with their dashes under the
// colon; wrapped lines under the name's text.
func (d *docxWriter) addressees(a report.Addressees) {
	var names []string
	for _, n := range a.Names {
		if n = docxText(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return
	}
	m := metricsOf(regular)
	x, labelW, hang := placeAddressees(a.Label, names, func(s string) float64 { return m.width(s, stBody.size) })
	line := spacing(0, 0, stBody.lead)
	last := spacing(0, blockGap-paraGap, stBody.lead)
	if len(names) == 1 {
		d.p(pPr{spacing: last, ind: indentXML(x+labelW, 0, labelW), jc: "left"}, run(a.Label+" "+names[0]))
		return
	}
	d.p(pPr{keepNext: true, spacing: line, ind: indentXML(x, 0, 0), jc: "left"}, run(a.Label))
	for i, n := range names {
		sp := line
		if i == len(names)-1 {
			sp = last
		}
		d.p(pPr{spacing: sp, ind: indentXML(x+labelW+hang, 0, hang), jc: "left"}, run(n))
	}
}

// closing writes the closing paragraphs and, beside each other in a
// borderless table that stays on one page with the closing's last
// paragraph, "Nơi nhận" and the signature block.
func (d *docxWriter) closing(o *report.Outline) {
	for i, p := range o.Closing {
		if i == len(o.Closing)-1 {
			d.p(pPr{style: "BodyText", keepNext: true, spacing: fmt.Sprintf(`<w:spacing w:after="%d"/>`, twips(signTop))}, run(p.Text))
		} else {
			d.p(pPr{style: "BodyText"}, run(p.Text))
		}
	}
	hang := metricsOf(regular).width("- ", stRecipient.size)
	left := cellWriter(func(c *docxWriter) {
		c.p(pPr{spacing: spacing(0, 0, stRecHead.lead), jc: "left"}, runStyled(o.Recipients.Label, stRecHead))
		for _, l := range o.Recipients.Lines {
			c.p(pPr{spacing: spacing(0, 0, stRecipient.lead), ind: indentXML(hang, 0, hang), jc: "left"}, runStyled(l, stRecipient))
		}
	})
	right := cellWriter(func(c *docxWriter) {
		s := o.Signature
		line := pPr{spacing: spacing(0, 0, stBodyBold.lead), jc: "center"}
		if strings.TrimSpace(s.Authority) != "" {
			c.p(line, runStyled(s.Authority, stBodyBold))
		}
		c.p(line, runStyled(s.Title, stBodyBold))
		line.spacing = spacing(signGap, 0, stBodyBold.lead)
		c.p(line, runStyled(s.Name, stBodyBold))
	})
	lw, rw := twips(recipientsW), textTwipsW-twips(recipientsW)
	// A list of recipients longer than a page cannot be kept whole.
	fits := float64(len(o.Recipients.Lines))*stRecipient.lead < pageBottom-marginTop-2*stRecHead.lead
	d.table(false, []string{grid(lw, rw), row(fits, false, cell{w: lw, body: left}, cell{w: rw, body: right})})
}

// appendix writes the "Phụ lục": its label, title, reference line and
// rule, and the bordered table of indicators.
func (d *docxWriter) appendix(a *report.Appendix) {
	d.centred(a.Label, textW, stBodyBold, pPr{keepNext: true})
	w := d.centred(a.Title, textW, stBodyBold, pPr{keepNext: true})
	d.centred(docxBlanks(a.Reference, stReference), textW, stReference, pPr{keepNext: true})
	d.rule(ruleShare*w, textW, blockGap, stReference)

	ws := make([]int, len(columns))
	total := 0
	for i, c := range columns {
		ws[i] = twips(c.w)
		total += ws[i]
	}
	ws[len(ws)-1] += textTwipsW - total
	rows := []string{grid(ws...)}
	cells := func(texts []string, st style, head bool) []cell {
		out := make([]cell, len(columns))
		for i, c := range columns {
			jc := "center"
			if c.align == "L" && !head {
				jc = "left"
			}
			var t string
			if i < len(texts) {
				t = texts[i]
			}
			out[i] = cell{w: ws[i], center: true, body: cellWriter(func(d *docxWriter) {
				d.p(pPr{spacing: spacing(0, 0, st.lead), jc: jc}, runStyled(t, st))
			})}
		}
		return out
	}
	rows = append(rows, row(true, true, cells(a.Columns, stTableHead, true)...))
	for _, r := range a.Rows {
		rows = append(rows, row(rowFits(r), false, cells(r, stTable, false)...))
	}
	d.table(true, rows)
}

// rowFits reports whether a row of the table of indicators fits on a
// page, so that Word can keep it whole.
func rowFits(cells []string) bool {
	m := metricsOf(regular)
	n := 1
	for i, c := range columns {
		if i < len(cells) {
			w := c.w - 2*cellPad
			n = max(n, len(wrap(docxText(cells[i]), w, w, func(s string) float64 { return m.width(s, stTable.size) })))
		}
	}
	return float64(n)*stTable.lead+2*cellPad < (pageBottom-marginTop)/2
}

// docxBlanks writes l for text in style st, each blank a run of no-break
// spaces as wide as the PDF's blank, the spaces on either side of it
// no-break too: the clerk types over them, and, as in the PDF, a line
// never breaks inside or beside a blank ("ngày      tháng" stays whole).
func docxBlanks(l report.Line, st style) string {
	var b strings.Builder
	for i, s := range l {
		if s.Blank != report.NoBlank {
			b.WriteString(strings.Repeat(nbsp, blankSpaces(s.Blank, st.face, st.size)))
			continue
		}
		t := s.Text
		if i > 0 && l[i-1].Blank != report.NoBlank && strings.HasPrefix(t, " ") {
			t = nbsp + t[1:]
		}
		if i+1 < len(l) && l[i+1].Blank != report.NoBlank && strings.HasSuffix(t, " ") {
			t = t[:len(t)-1] + nbsp
		}
		b.WriteString(t)
	}
	return b.String()
}

const nbsp = "\u00a0"

// docxText makes s fit for the Word file: NFC; every space or control
// character a plain space, runs of them one space, the ends trimmed; no-
// break spaces (the blanks) kept; invisible format characters and what
// XML 1.0 cannot hold dropped. Characters the PDF's font lacks, emoji
// among them, are kept: Word draws them with another font.
func docxText(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00a0':
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
			continue
		case unicode.Is(unicode.Cf, r) || !xmlChar(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// xmlChar reports whether XML 1.0 allows r in text (its Char production,
// less the controls, which docxText makes spaces).
func xmlChar(r rune) bool {
	return r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD && r != utf8.RuneError || r >= 0x10000 && r <= 0x10FFFF
}

// xmlEscaper escapes text for an XML element or a double-quoted attribute.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// xmlEscape escapes text for an XML element or a double-quoted attribute.
func xmlEscape(s string) string { return xmlEscaper.Replace(s) }

// xmlText is s made fit for the Word file and escaped.
func xmlText(s string) string { return xmlEscape(docxText(s)) }
