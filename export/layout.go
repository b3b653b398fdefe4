package export

import (
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"baocao/report"
)

// Page geometry in millimetres (Decree 30/2020, Appendix I; the margins
// are the common practice values within the decree's ranges).
const (
	pageH        = 297.0
	marginTop    = 20.0
	marginBottom = 20.0
	marginLeft   = 30.0
	marginRight  = 15.0
	textW        = 210.0 - marginLeft - marginRight // 165 mm
	pageBottom   = pageH - marginBottom

	headerLeftW = 0.4 * textW // the agency column; the rest is the motto's
	indent      = 12.7        // first-line indent, 1.27 cm
	paraGap     = 6.5 * pt    // space after a paragraph, ≥ 6 pt
	headerGap   = 2.5         // between the header columns and "Số:"
	blockGap    = 7.0         // between the header, the title and the body
	signGap     = 28.0        // room for the signature and seal
	recipientsW = 53.0        // the "Nơi nhận" column
	ruleShare   = 0.4         // short rules: ⅓–½ of the line above
	ruleWidth   = 0.25
	ruleDrop    = 1.2 // from the bottom of a line to the rule under it
	pageNoY     = 7.0 // page numbers, centred in the top margin
	cellPad     = 1.2 // table cell padding

	pt = 25.4 / 72 // one point in millimetres
)

// style is a face, a size in points and a line height in millimetres.
type style struct {
	face string
	size float64
	lead float64
}

// The document's text styles.
var (
	stBody      = style{regular, 14, 6.5} // ≈ 1.3 lines
	stBodyBold  = style{bold, 14, 6.5}
	stReference = style{italic, 14, 6.5}
	stHeader    = style{regular, 12, 5.2}
	stAgency    = style{bold, 12, 5.2}
	stNation    = style{bold, 12, 5.2}
	stMotto     = style{bold, 13, 5.6}
	stNumber    = style{regular, 13, 6}
	stDate      = style{italic, 13, 6}
	stPageNo    = style{regular, 13, 6}
	stRecHead   = style{boldItalic, 12, 5.2}
	stRecipient = style{regular, 11, 4.8}
	stTable     = style{regular, 12, 5.2}
	stTableHead = style{bold, 12, 5.2}
)

// layout draws one report into one document, top to bottom, breaking
// pages itself so that it knows every height before drawing.
type layout struct {
	pdf *fpdf.Fpdf
	o   *report.Outline
	y   float64 // top of the next line
	cur style   // the style last set

	annexStart int // first page of the appendix; 0 before it

	// body records, for each line of a body paragraph, its paragraph
	// and page, so tests can check how paragraphs break across pages.
	placed []bodyLine
}

// bodyLine is one line of a body paragraph as laid out.
type bodyLine struct {
	para, page int
	heading    bool
}

func (l *layout) document() {
	l.newPage()
	l.header()
	l.title()
	l.addressees()
	l.body()
	l.closing()
	if l.o.Appendix != nil {
		l.appendix()
	}
}

// use sets the style of the following text.
func (l *layout) use(st style) {
	if st != l.cur {
		l.pdf.SetFont(fontName, st.face, st.size)
		l.cur = st
	}
}

func (l *layout) width(s string) float64 { return l.pdf.GetStringWidth(s) }

// wrap breaks s in the current style.
func (l *layout) wrap(s string, first, w float64) []string {
	return wrap(s, first, w, l.width)
}

// newPage starts a page with its number: pages are numbered from 2 on,
// the appendix's on their own.
func (l *layout) newPage() {
	l.pdf.AddPage()
	n := l.pdf.PageNo()
	if l.annexStart > 0 {
		n -= l.annexStart - 1
	}
	if n > 1 {
		st := l.cur
		l.use(stPageNo)
		l.pdf.SetXY(marginLeft, pageNoY)
		l.pdf.CellFormat(textW, stPageNo.lead, strconv.Itoa(n), "", 0, "C", false, 0, "")
		l.use(st)
	}
	l.y = marginTop
}

// room starts a new page unless h more millimetres fit on this one.
func (l *layout) room(h float64) {
	if l.y+h > pageBottom {
		l.newPage()
	}
}

// line draws one line of text in the column [x, x+w] at l.y and moves
// down; align is fpdf's "L", "C" or "J".
func (l *layout) line(s string, x, w float64, st style, align string) {
	l.use(st)
	l.room(st.lead)
	l.pdf.SetXY(x, l.y)
	l.pdf.CellFormat(w, st.lead, s, "", 0, align, false, 0, "")
	l.y += st.lead
}

// centred draws s wrapped in the column [x, x+w], each line centred, and
// returns the width of its widest line. Lines are balanced (see
// [balance]), so a two-line title does not end in a short second line.
func (l *layout) centred(s string, x, w float64, st style) float64 {
	l.use(st)
	lines, widest := balance(clean(s), w, l.width)
	for _, ln := range lines {
		l.line(ln, x, w, st, "C")
	}
	return widest
}

// rule draws a horizontal rule of the given length centred on cx, just
// below the line above.
func (l *layout) rule(cx, length float64) {
	if length <= 0 {
		return
	}
	y := l.y + ruleDrop
	l.pdf.Line(cx-length/2, y, cx+length/2, y)
	l.y = y + ruleWidth
}

// header draws the two columns of the first page: the agency and number
// on the left; the national name, motto, place and date on the right.
func (l *layout) header() {
	h := l.o.Header
	top := l.y
	lx, lw := marginLeft, headerLeftW
	rx, rw := marginLeft+headerLeftW, textW-headerLeftW

	if strings.TrimSpace(h.Parent) != "" {
		l.centred(h.Parent, lx, lw, stHeader)
	}
	widest := 0.0
	for _, a := range h.Agency {
		widest = max(widest, l.centred(a, lx, lw, stAgency))
	}
	l.rule(lx+lw/2, ruleShare*widest)
	leftEnd := l.y

	l.y = top
	l.centred(h.Nation, rx, rw, stNation)
	l.rule(rx+rw/2, l.centred(h.Motto, rx, rw, stMotto))

	// "Số:" and the date share a baseline: same top, same size.
	l.y = max(leftEnd, l.y) + headerGap
	top = l.y
	l.centred(withBlanks(h.Number, stNumber), lx, lw, stNumber)
	leftEnd = l.y
	l.y = top
	l.centred(withBlanks(h.PlaceDate, stDate), rx, rw, stDate)
	l.y = max(leftEnd, l.y) + blockGap
}

// title draws "BÁO CÁO", the trích yếu and the rule under it.
func (l *layout) title() {
	l.centred(l.o.Kind, marginLeft, textW, stBodyBold)
	w := l.centred(l.o.Title, marginLeft, textW, stBodyBold)
	l.rule(marginLeft+textW/2, ruleShare*w)
	l.y += blockGap
}

// addressees draws the optional "Kính gửi:" block, centred: one recipient
// on the label's line; several on the lines below, their dashes under the
// label's colon.
func (l *layout) addressees() {
	a := l.o.Addressees
	var names []string
	for _, n := range a.Names {
		if n = cleanWords(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return
	}
	l.use(stBody)
	x, labelW, hang := placeAddressees(a.Label, names, l.width)
	x += marginLeft
	w := marginLeft + textW - x - labelW
	l.room(2 * stBody.lead)
	if len(names) > 1 {
		l.line(a.Label, x, textW, stBody, "L")
	} else {
		l.pdf.SetXY(x, l.y)
		l.pdf.CellFormat(labelW, stBody.lead, a.Label, "", 0, "L", false, 0, "")
	}
	for _, n := range names {
		for i, ln := range l.wrap(n, w, w-hang) {
			if i == 0 {
				l.line(ln, x+labelW, w, stBody, "L")
			} else {
				l.line(ln, x+labelW+hang, w-hang, stBody, "L")
			}
		}
	}
	l.y += blockGap - paraGap
}

// body draws the opening paragraph and the sections.
func (l *layout) body() {
	ps := l.o.Body
	for i, p := range ps {
		if !p.IsHeading() {
			l.paragraph(p.Text, stBody, 0)
			continue
		}
		// What must follow the heading on its page: the first lines of
		// the paragraph under it, or a sub-heading and its first lines.
		next := 0.0
		if i+1 < len(ps) {
			switch n := ps[i+1]; {
			case !n.IsHeading():
				next = l.leadIn(n.Text)
			case n.Kind > p.Kind: // an item heading under a section heading
				next = stBodyBold.lead + paraGap
				if i+2 < len(ps) && !ps[i+2].IsHeading() {
					next += l.leadIn(ps[i+2].Text)
				}
			}
		}
		l.heading(p.Text, next)
	}
}

// leadIn is the height of the lines of a paragraph that must stand on the
// page of the heading above it: all of a paragraph of up to three lines,
// else two (see [layout.paragraph]).
func (l *layout) leadIn(text string) float64 {
	l.use(stBody)
	n := len(l.wrap(cleanWords(text), textW-indent, textW))
	if n > 3 {
		n = 2
	}
	return float64(n) * stBody.lead
}

// heading draws a bold heading, kept on one page with the next
// millimetres that follow it.
func (l *layout) heading(s string, next float64) {
	l.paragraph(s, stBodyBold, paraGap+max(next, stBody.lead))
}

// paragraph draws s justified with a first-line indent. A paragraph that
// does not fit on the page is broken so that neither page holds a single
// line of it. When keep > 0, its last two lines stay on one page with the
// keep millimetres that follow; the whole paragraph moves to the next page
// if it fits there.
func (l *layout) paragraph(s string, st style, keep float64) {
	l.use(st)
	lines := l.wrap(cleanWords(s), textW-indent, textW)
	n := len(lines)
	h := float64(n) * st.lead
	if keep > 0 && l.y+h+keep > pageBottom && marginTop+h+keep <= pageBottom {
		l.newPage()
	}
	// brk is the first line to go on the next page; n when none does.
	brk := min(n, int((pageBottom-l.y)/st.lead+1e-9))
	if keep > 0 && brk == n && l.y+h+keep > pageBottom {
		brk = n - min(2, n) // the last two lines go over with what follows
	}
	if brk < n && n-brk < 2 {
		brk = n - 2 // no single last line at the top of the next page
	}
	if brk < n && brk < 2 {
		brk = 0 // no single first line at the foot of this one
	}
	para := len(l.placed)
	if para > 0 {
		para = l.placed[para-1].para + 1
	}
	for i, ln := range lines {
		if i == brk && brk < n {
			l.newPage()
		}
		x, w := marginLeft, textW
		if i == 0 {
			x, w = x+indent, w-indent
		}
		align := "J"
		if i == len(lines)-1 || !strings.Contains(ln, " ") {
			align = "L"
		}
		l.line(ln, x, w, st, align)
		l.placed = append(l.placed, bodyLine{para: para, page: l.pdf.PageNo(), heading: st == stBodyBold})
	}
	l.y += paraGap
}
