package ui

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// inKind is what one key (or one paste) of a raw terminal does to the
// answer being typed.
type inKind uint8

const (
	inRune      inKind = iota // a character typed
	inEnter                   // CR, LF or CR LF
	inErase                   // BS (0x08, sent by Vietnamese input methods) or DEL (0x7F)
	inEraseLine               // Ctrl+U
	inPaste                   // the text between ESC[200~ and ESC[201~
	inEOF                     // Ctrl+D
	inInterrupt               // Ctrl+C, when the terminal hands it over as a byte
)

type inKey struct {
	kind inKind
	r    rune
	text string
	// at is when the bytes of the key were read.
	at time.Time
}

// pasteStart and pasteEnd bracket a paste once the terminal is told
// ESC[?2004h.
const (
	pasteStart = "200~"
	pasteEnd   = "\x1b[201~"
)

// keyDecoder turns the bytes of a raw terminal into keys. It keeps what
// it has not finished (a character split between two reads, an escape
// sequence, a paste) for the next bytes.
type keyDecoder struct {
	keys []inKey
	head int

	utf     []byte // an incomplete UTF-8 character
	esc     int    // 0: text; 1: after ESC; 2: in a CSI sequence; 3: after ESC O
	csi     []byte
	pasting bool
	paste   []byte
	cr      bool // the last byte was CR: an LF right after it is the same Enter
}

func (d *keyDecoder) push(k inKey) { d.keys = append(d.keys, k) }

// pending reports whether a decoded key is waiting.
func (d *keyDecoder) pending() bool { return d.head < len(d.keys) }

// peek returns the next key without taking it.
func (d *keyDecoder) peek() inKey { return d.keys[d.head] }

// next takes the next key.
func (d *keyDecoder) next() (inKey, bool) {
	if d.head >= len(d.keys) {
		return inKey{}, false
	}
	k := d.keys[d.head]
	d.head++
	if d.head == len(d.keys) {
		d.keys, d.head = d.keys[:0], 0
	}
	return k, true
}

// feed decodes bytes read at time at.
func (d *keyDecoder) feed(b []byte, at time.Time) {
	for _, c := range b {
		if d.pasting {
			d.paste = append(d.paste, c)
			if bytes.HasSuffix(d.paste, []byte(pasteEnd)) {
				d.push(inKey{kind: inPaste, text: cleanPaste(d.paste[:len(d.paste)-len(pasteEnd)]), at: at})
				d.paste, d.pasting = d.paste[:0], false
			}
			continue
		}
		switch d.esc {
		case 1:
			switch c {
			case '[':
				d.esc, d.csi = 2, d.csi[:0]
				continue
			case 'O':
				d.esc = 3
				continue
			}
			// A lone Escape, or Alt with a key: the key counts alone.
			d.esc = 0
		case 2:
			if c >= 0x40 && c <= 0x7e {
				d.esc = 0
				if c == '~' && string(d.csi) == pasteStart[:3] {
					d.pasting = true
				}
			} else if len(d.csi) < 16 {
				d.csi = append(d.csi, c)
			}
			// Arrows, function keys and the like are not part of an
			// answer.
			continue
		case 3:
			d.esc = 0
			continue
		}
		cr := d.cr
		d.cr = false
		if c >= 0x80 || len(d.utf) > 0 {
			if c < 0x80 {
				d.utf = d.utf[:0] // a character cut short: dropped
			} else {
				d.utf = append(d.utf, c)
				if utf8.FullRune(d.utf) {
					r, n := utf8.DecodeRune(d.utf)
					if r != utf8.RuneError || n > 1 {
						d.push(inKey{kind: inRune, r: r, at: at})
					}
					d.utf = d.utf[:0]
				}
				continue
			}
		}
		switch c {
		case '\r':
			d.push(inKey{kind: inEnter, at: at})
			d.cr = true
		case '\n':
			if !cr {
				d.push(inKey{kind: inEnter, at: at})
			}
		case 0x08, 0x7f:
			d.push(inKey{kind: inErase, at: at})
		case 0x15:
			d.push(inKey{kind: inEraseLine, at: at})
		case 0x03:
			d.push(inKey{kind: inInterrupt, at: at})
		case 0x04:
			d.push(inKey{kind: inEOF, at: at})
		case '\t':
			d.push(inKey{kind: inRune, r: ' ', at: at})
		case 0x1b:
			d.esc = 1
		default:
			if c >= 0x20 {
				d.push(inKey{kind: inRune, r: rune(c), at: at})
			}
		}
	}
}

// cleanPaste keeps the lines of a paste as "\n"-separated text: line
// ends of any system become "\n", a tab a space; other control
// characters and broken UTF-8 are dropped.
func cleanPaste(b []byte) string {
	s := strings.ToValidUTF8(string(b), "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
}

// screenPos is a position on the screen relative to the line the answer
// starts on. edge marks a row filled to its last column: the terminal
// puts the next character at the start of the next row, but whether the
// cursor is already there differs between terminals.
type screenPos struct {
	row, col int
	edge     bool
}

// lineEditor holds the answer being typed and keeps the screen showing it
// exactly as it will be saved: an erased character disappears, whatever
// erased it. Characters are only added or erased at the end, as in a
// terminal's own line editing; every key costs time in proportion to the
// key, not to the answer.
type lineEditor struct {
	out    *bytes.Buffer
	width  int
	height int
	// vt: the terminal moves the cursor on escape sequences. Without
	// them (old Windows consoles) the echo erases with backspaces, and
	// starts a new row when an erase reaches back past the cursor's row.
	vt bool

	buf  []rune
	ends []screenPos // the cursor after each rune of buf
	// Runes before low are no longer on the screen where ends says
	// (scrolled away, or written again lower down); lowAt is the cursor
	// before rune low.
	low   int
	lowAt screenPos
	cur   screenPos
}

func newLineEditor(out *bytes.Buffer, width, height, col int, vt bool) *lineEditor {
	width, height = max(width, 10), max(height, 2)
	start := screenPos{col: min(col, width-1)}
	return &lineEditor{out: out, width: width, height: height, vt: vt, lowAt: start, cur: start}
}

// runeWidth is how many cells a rune takes: 0 for combining marks.
func runeWidth(r rune) int {
	switch {
	case r < 0x20:
		return 0
	case r < 0x300:
		return 1
	}
	return ansi.StringWidthWc(string(r))
}

// put adds r at the end and shows it.
func (e *lineEditor) put(r rune) {
	if r == '\n' {
		e.settle()
		e.out.WriteString("\r\n")
		e.cur = screenPos{row: e.cur.row + 1}
	} else {
		switch w := runeWidth(r); {
		case w == 0:
			// A combining mark joins the character before it.
		case e.cur.edge || e.cur.col+w > e.width:
			e.cur = screenPos{row: e.cur.row + 1, col: w}
		default:
			e.cur.col += w
		}
		if e.cur.col >= e.width {
			e.cur.edge = true
		}
		e.out.WriteString(string(r))
	}
	e.buf = append(e.buf, r)
	e.ends = append(e.ends, e.cur)
}

// insert adds a pasted text. Its last line break is left out: the answer
// ends with Enter.
func (e *lineEditor) insert(s string) {
	for _, r := range strings.TrimRight(s, "\n") {
		e.put(r)
	}
}

// settle takes the cursor off a filled row's edge so that its position
// is the same on every terminal: at the start of the next row.
func (e *lineEditor) settle() {
	if !e.cur.edge {
		return
	}
	if e.vt {
		// A terminal that waits to wrap (xterm) wraps on the space; one
		// that has wrapped already (conhost) writes it at the start of
		// the new row. Both end there after the CR.
		e.out.WriteString(" \r")
	}
	// Consoles without escape sequences wrap at once.
	e.cur = screenPos{row: e.cur.row + 1}
}

// before is the cursor before rune i; false when that is off the screen.
func (e *lineEditor) before(i int) (screenPos, bool) {
	switch {
	case i < e.low:
		return screenPos{}, false
	case i == e.low:
		return e.lowAt, true
	}
	return e.ends[i-1], true
}

// erase removes the last rune. A combining mark is taken off by writing
// its base character again without it.
func (e *lineEditor) erase() {
	i := len(e.buf) - 1
	if i < 0 {
		return
	}
	b := i
	for b > 0 && e.buf[b] != '\n' && e.buf[b-1] != '\n' && runeWidth(e.buf[b]) == 0 {
		b--
	}
	again := append([]rune(nil), e.buf[b:i]...)
	e.truncate(b)
	for _, r := range again {
		e.put(r)
	}
}

// truncate removes the runes from i on, from the buffer and the screen.
func (e *lineEditor) truncate(i int) {
	if i >= len(e.buf) {
		return
	}
	to, ok := e.before(i)
	e.buf, e.ends = e.buf[:i], e.ends[:i]
	if ok && e.moveBack(to) {
		return
	}
	e.redraw()
}

// moveBack moves the cursor back to the position to and clears what was
// written after it; false when the terminal cannot get there.
func (e *lineEditor) moveBack(to screenPos) bool {
	if to.edge {
		to = screenPos{row: to.row + 1}
	}
	if !e.vt {
		at := e.cur
		if at.edge {
			at = screenPos{row: at.row + 1}
		}
		if at.row != to.row {
			return false
		}
		n := at.col - to.col
		e.out.WriteString(strings.Repeat("\b", n) + strings.Repeat(" ", n) + strings.Repeat("\b", n))
		e.cur = to
		return true
	}
	e.settle()
	up := e.cur.row - to.row
	if up >= e.height {
		return false
	}
	if up > 0 {
		fmt.Fprintf(e.out, "\x1b[%dA", up)
	}
	e.out.WriteString("\r")
	if to.col > 0 {
		fmt.Fprintf(e.out, "\x1b[%dC", to.col)
	}
	e.out.WriteString("\x1b[J")
	e.cur = to
	return true
}

// redraw writes the end of the answer again on a new row: the screen
// cannot go back to where it was written. The rows above still show the
// old text; the new row, after "…" when it does not start a line of the
// answer, shows the answer as it is now.
func (e *lineEditor) redraw() {
	e.settle()
	if e.cur.col > 0 {
		// The cursor ends the text: at the start of a row, that row is
		// empty.
		e.out.WriteString("\r\n")
		e.cur = screenPos{row: e.cur.row + 1}
	}
	s, w := len(e.buf), 0
	for s > 0 && e.buf[s-1] != '\n' {
		w += runeWidth(e.buf[s-1])
		if w > e.width-2 {
			break
		}
		s--
	}
	for s < len(e.buf) && runeWidth(e.buf[s]) == 0 {
		s++
	}
	if s > 0 && e.buf[s-1] != '\n' {
		e.out.WriteString("…")
		e.cur.col = 1
	}
	tail := append([]rune(nil), e.buf[s:]...)
	e.buf, e.ends = e.buf[:s], e.ends[:s]
	e.low, e.lowAt = s, e.cur
	for _, r := range tail {
		e.put(r)
	}
}

// finish ends the answer: the cursor goes to the start of the next row.
func (e *lineEditor) finish() string {
	e.settle()
	e.out.WriteString("\r\n")
	return string(e.buf)
}
