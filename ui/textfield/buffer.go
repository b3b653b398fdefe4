package textfield

import (
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// buffer is a multi-line text being edited: its lines, the cursor, how
// each line wraps in the box and which wrapped lines the box shows.
//
// Typing costs in proportion to the line edited and to the lines shown,
// never to the whole text: a line is wrapped again only when it changes
// or the width does, and drawing walks only the lines shown. The cursor
// and the scroll belong to the buffer, so a new width keeps both.
type buffer struct {
	lines    [][]rune
	row, col int // the cursor: a line, and a rune index in it
	goal     int // the column ↑/↓ aim for; -1 when it follows the cursor

	width  int      // wrap width in cells
	height int      // wrapped lines shown
	wraps  [][]int  // per line, where its wrapped lines start; nil when not yet known
	utf8   [][]byte // per line, its text in UTF-8; nil when not yet known
	top    spot     // the first wrapped line shown

	// version counts the changes of the text.
	version int
}

// spot is a wrapped line: a line of the text and which of its wrapped
// lines.
type spot struct{ row, seg int }

func (a spot) before(b spot) bool { return a.row < b.row || a.row == b.row && a.seg < b.seg }

func newBuffer(text string, width, height int) buffer {
	b := buffer{goal: -1, width: max(width, 1), height: max(height, 1)}
	b.setText(text)
	return b
}

// setText replaces the text and puts the cursor at its end.
func (b *buffer) setText(text string) {
	parts := strings.Split(text, "\n")
	b.lines = make([][]rune, len(parts))
	for i, p := range parts {
		b.lines[i] = []rune(p)
	}
	b.wraps = make([][]int, len(b.lines))
	b.utf8 = make([][]byte, len(b.lines))
	b.top = spot{}
	b.version++
	b.moveToEnd()
}

// text is the whole text. Only the lines changed since the last call are
// encoded again; the rest is copied.
func (b *buffer) text() string {
	n := len(b.lines) - 1
	for i, l := range b.lines {
		if b.utf8[i] == nil {
			b.utf8[i] = []byte(string(l))
		}
		n += len(b.utf8[i])
	}
	out := make([]byte, 0, n)
	for i, enc := range b.utf8 {
		if i > 0 {
			out = append(out, '\n')
		}
		out = append(out, enc...)
	}
	return string(out)
}

// runes counts the characters of the text.
func (b *buffer) runes() int {
	n := len(b.lines) - 1
	for _, l := range b.lines {
		n += len(l)
	}
	return n
}

// setSize wraps the text to a new width and shows height lines, keeping
// the cursor where it is.
func (b *buffer) setSize(width, height int) {
	width, height = max(width, 1), max(height, 1)
	if width != b.width {
		b.width = width
		clear(b.wraps)
	}
	b.height = height
	b.scroll()
}

// Wrapping.

// segs returns where the wrapped lines of line row start.
func (b *buffer) segs(row int) []int {
	if b.wraps[row] == nil {
		b.wraps[row] = wrapRunes(b.lines[row], b.width)
	}
	return b.wraps[row]
}

// changed notes that line row changed.
func (b *buffer) changed(row int) {
	b.wraps[row] = nil
	b.utf8[row] = nil
	b.version++
}

// wrapRunes breaks a line into wrapped lines of at most width cells and
// returns where each starts. It breaks the way bubbles' textarea does (a
// word moves down with the spaces after it; a word wider than the box is
// cut), so texts look as they did, and the last wrapped line keeps a cell
// free for the cursor.
func wrapRunes(line []rune, width int) []int {
	starts := []int{0}
	lineW := 0               // cells used on the current wrapped line
	wordStart, wordW := 0, 0 // the word being read
	hasContent := false      // whether the current wrapped line holds something
	for i, r := range line {
		if r == ' ' || unicode.IsSpace(r) {
			if lineW+wordW+1 > width {
				starts = append(starts, wordStart)
				lineW = 0
			}
			lineW += wordW + 1
			hasContent = true
			wordStart, wordW = i+1, 0
			continue
		}
		rw := runeCells(r)
		wordW += rw
		if wordW+rw > width {
			if hasContent {
				starts = append(starts, wordStart)
				lineW = 0
			}
			lineW += wordW
			hasContent = true
			wordStart, wordW = i+1, 0
		}
	}
	if lineW+wordW+1 > width && (hasContent || wordW > 0) {
		starts = append(starts, wordStart)
	}
	return starts
}

// runeCells is the width of r on the screen; Vietnamese letters and their
// combining marks take the fast path.
func runeCells(r rune) int {
	switch {
	case r < 0x300, r >= 0x1E00 && r <= 0x1EFF:
		return 1
	case r <= 0x36F:
		return 0 // combining marks (typed decomposed)
	}
	return ansi.StringWidth(string(r))
}

func cells(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += runeCells(r)
	}
	return n
}

// segOf returns the wrapped line of row holding rune index col: at a
// boundary, the one the index starts.
func segOf(starts []int, col int) int {
	s := 0
	for s+1 < len(starts) && starts[s+1] <= col {
		s++
	}
	return s
}

// segEnd is where wrapped line s of row ends.
func (b *buffer) segEnd(row, s int) int {
	starts := b.segs(row)
	if s+1 < len(starts) {
		return starts[s+1]
	}
	return len(b.lines[row])
}

// cursorSpot is the wrapped line of the cursor.
func (b *buffer) cursorSpot() spot {
	return spot{b.row, segOf(b.segs(b.row), b.col)}
}

func (b *buffer) next(p spot) (spot, bool) {
	if p.seg+1 < len(b.segs(p.row)) {
		return spot{p.row, p.seg + 1}, true
	}
	if p.row+1 < len(b.lines) {
		return spot{p.row + 1, 0}, true
	}
	return p, false
}

func (b *buffer) prev(p spot) (spot, bool) {
	if p.seg > 0 {
		return spot{p.row, p.seg - 1}, true
	}
	if p.row > 0 {
		return spot{p.row - 1, len(b.segs(p.row-1)) - 1}, true
	}
	return p, false
}

// scroll moves the shown lines the least to show the cursor, and fills the
// box when lines above are hidden while room is left below.
func (b *buffer) scroll() {
	b.top.row = min(b.top.row, len(b.lines)-1)
	b.top.seg = min(b.top.seg, len(b.segs(b.top.row))-1)
	cur := b.cursorSpot()
	if cur.before(b.top) {
		b.top = cur
		return
	}
	// Where the cursor is from the top, and how many lines follow it.
	n, p := 0, b.top
	for p != cur && n < b.height {
		p, _ = b.next(p)
		n++
	}
	if n >= b.height {
		b.top = cur
		for range b.height - 1 {
			b.top, _ = b.prev(b.top)
		}
		return
	}
	shown := n + 1
	for shown < b.height {
		var ok bool
		if p, ok = b.next(p); !ok {
			break
		}
		shown++
	}
	for shown < b.height {
		t, ok := b.prev(b.top)
		if !ok {
			break
		}
		b.top = t
		shown++
	}
}

// Editing.

// insert types s at the cursor. Line breaks of any kind become "\n", a tab
// a space, other control characters are dropped.
func (b *buffer) insert(s string) {
	in := []rune(s)
	rs := make([]rune, 0, len(in))
	for i, r := range in {
		switch {
		case r == '\r':
			if i+1 < len(in) && in[i+1] == '\n' {
				continue
			}
			rs = append(rs, '\n')
		case r == '\t':
			rs = append(rs, ' ')
		case r == '\n' || r >= 0x20 && r != 0x7f && !(r >= 0x80 && r < 0xa0):
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return
	}
	b.goal = -1
	tail := append([]rune(nil), b.lines[b.row][b.col:]...)
	line := b.lines[b.row][:b.col]
	var added [][]rune
	start := 0
	for i, r := range rs {
		if r == '\n' {
			added = append(added, append([]rune(nil), rs[start:i]...))
			start = i + 1
		}
	}
	last := rs[start:]
	if len(added) == 0 {
		b.lines[b.row] = append(append(line, last...), tail...)
		b.col += len(last)
		b.changed(b.row)
		b.scroll()
		return
	}
	b.lines[b.row] = append(line, added[0]...)
	b.changed(b.row)
	newLines := append(added[1:], append(append([]rune(nil), last...), tail...))
	b.lines = slices.Insert(b.lines, b.row+1, newLines...)
	b.wraps = slices.Insert(b.wraps, b.row+1, make([][]int, len(newLines))...)
	b.utf8 = slices.Insert(b.utf8, b.row+1, make([][]byte, len(newLines))...)
	b.row += len(newLines)
	b.col = len(last)
	b.scroll()
}

// deleteBack deletes the character before the cursor, joining the line to
// the one above at its start.
func (b *buffer) deleteBack() {
	b.goal = -1
	switch {
	case b.col > 0:
		l := b.lines[b.row]
		b.lines[b.row] = append(l[:b.col-1], l[b.col:]...)
		b.col--
		b.changed(b.row)
	case b.row > 0:
		b.row--
		b.col = len(b.lines[b.row])
		b.joinNext()
	}
	b.scroll()
}

// deleteForward deletes the character after the cursor, joining the next
// line at the end of a line.
func (b *buffer) deleteForward() {
	b.goal = -1
	l := b.lines[b.row]
	switch {
	case b.col < len(l):
		b.lines[b.row] = append(l[:b.col], l[b.col+1:]...)
		b.changed(b.row)
	case b.row+1 < len(b.lines):
		b.joinNext()
	}
	b.scroll()
}

// joinNext appends the next line to the cursor's line.
func (b *buffer) joinNext() {
	b.lines[b.row] = append(b.lines[b.row], b.lines[b.row+1]...)
	b.lines = append(b.lines[:b.row+1], b.lines[b.row+2:]...)
	b.wraps = append(b.wraps[:b.row+1], b.wraps[b.row+2:]...)
	b.utf8 = append(b.utf8[:b.row+1], b.utf8[b.row+2:]...)
	b.changed(b.row)
}

// deleteTo deletes from the cursor to col of the same line.
func (b *buffer) deleteTo(col int) {
	b.goal = -1
	from, to := min(b.col, col), max(b.col, col)
	if from == to {
		return
	}
	l := b.lines[b.row]
	b.lines[b.row] = append(l[:from], l[to:]...)
	b.col = from
	b.changed(b.row)
	b.scroll()
}

// deleteWordBack deletes the word before the cursor, or joins the line to
// the one above at its start.
func (b *buffer) deleteWordBack() {
	if b.col == 0 {
		b.deleteBack()
		return
	}
	b.deleteTo(wordStart(b.lines[b.row], b.col))
}

func (b *buffer) deleteWordForward() {
	if b.col == len(b.lines[b.row]) {
		b.deleteForward()
		return
	}
	b.deleteTo(wordEnd(b.lines[b.row], b.col))
}

func wordStart(l []rune, col int) int {
	for col > 0 && unicode.IsSpace(l[col-1]) {
		col--
	}
	for col > 0 && !unicode.IsSpace(l[col-1]) {
		col--
	}
	return col
}

func wordEnd(l []rune, col int) int {
	for col < len(l) && unicode.IsSpace(l[col]) {
		col++
	}
	for col < len(l) && !unicode.IsSpace(l[col]) {
		col++
	}
	return col
}

// Moving.

func (b *buffer) moveTo(row, col int) {
	b.row = max(0, min(row, len(b.lines)-1))
	b.col = max(0, min(col, len(b.lines[b.row])))
	b.goal = -1
	b.scroll()
}

func (b *buffer) moveToStart() { b.moveTo(0, 0) }

func (b *buffer) moveToEnd() {
	last := len(b.lines) - 1
	b.moveTo(last, len(b.lines[last]))
}

func (b *buffer) left() {
	if b.col > 0 {
		b.moveTo(b.row, b.col-1)
	} else if b.row > 0 {
		b.moveTo(b.row-1, len(b.lines[b.row-1]))
	}
}

func (b *buffer) right() {
	if b.col < len(b.lines[b.row]) {
		b.moveTo(b.row, b.col+1)
	} else if b.row+1 < len(b.lines) {
		b.moveTo(b.row+1, 0)
	}
}

func (b *buffer) wordLeft() {
	if b.col == 0 {
		b.left()
		return
	}
	b.moveTo(b.row, wordStart(b.lines[b.row], b.col))
}

func (b *buffer) wordRight() {
	if b.col == len(b.lines[b.row]) {
		b.right()
		return
	}
	b.moveTo(b.row, wordEnd(b.lines[b.row], b.col))
}

// vertical moves the cursor to the wrapped line above (d < 0) or below,
// at the column it aimed for.
func (b *buffer) vertical(d int) {
	cur := b.cursorSpot()
	goal := b.goal
	if goal < 0 {
		goal = cells(b.lines[b.row][b.segs(b.row)[cur.seg]:b.col])
	}
	var to spot
	var ok bool
	if d < 0 {
		to, ok = b.prev(cur)
	} else {
		to, ok = b.next(cur)
	}
	if !ok {
		return
	}
	start, end := b.segs(to.row)[to.seg], b.segEnd(to.row, to.seg)
	if end > start && to.seg+1 < len(b.segs(to.row)) {
		end-- // not past the line's end onto the next wrapped line
	}
	col, x := start, 0
	l := b.lines[to.row]
	for col < end && x+runeCells(l[col]) <= goal {
		x += runeCells(l[col])
		col++
	}
	b.moveTo(to.row, col)
	b.goal = goal
}

// Drawing.

// view draws the shown lines; the cursor, when drawn, is the character
// under it in cursor. more reports whether lines are hidden above or below.
func (b *buffer) view(drawCursor bool, text, cursor func(string) string) (lines []string, more bool) {
	cur := b.cursorSpot()
	p, ok := b.top, true
	lines = make([]string, 0, b.height)
	for len(lines) < b.height && ok {
		l := b.lines[p.row]
		seg := l[b.segs(p.row)[p.seg]:b.segEnd(p.row, p.seg)]
		if drawCursor && p == cur {
			at := b.col - b.segs(p.row)[p.seg]
			under := " "
			after := ""
			if at < len(seg) {
				under = string(seg[at])
				after = string(seg[at+1:])
			}
			lines = append(lines, text(string(seg[:at]))+cursor(under)+text(after))
		} else {
			lines = append(lines, text(string(seg)))
		}
		p, ok = b.next(p)
	}
	more = b.top != (spot{}) || ok
	for len(lines) < b.height {
		lines = append(lines, "")
	}
	return lines, more
}
