package export

import (
	"math"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"baocao/report"
)

// Placeholder is drawn in place of a character the document font has no
// glyph for (an emoji, a rare script); see [Missing].
const Placeholder = '?'

// clean makes s safe to hand to fpdf: NFC, every space or control
// character a plain space, invisible format characters dropped, and every
// character the font cannot draw (runes above U+FFFF among them, which
// panic fpdf) replaced by [Placeholder]. Runs of spaces are kept: the
// header's blank number and day are made of them.
func clean(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Cf, r):
			// zero-width spaces, soft hyphens, BOMs: nothing to draw
		case r == utf8.RuneError || !report.Drawable(r):
			b.WriteRune(Placeholder)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Blanks left for the records clerk, in millimetres. The clerk's signing
// tool stamps the number and the date into them ("Thêm số", "Thêm ngày"):
// a number or a year takes 3–4 digits at 13–14 pt, a day or a month two.
const (
	blankNumberW = 12.0
	blankDayW    = 8.0
)

// blankSpaces is the number of spaces of face at size points that make
// blank b at least its width. Both the PDF and the Word file draw blanks
// as runs of spaces: the clerk can type into them in Word, and nothing
// changes the spacing of a centred line.
func blankSpaces(b report.Blank, face string, size float64) int {
	w := blankDayW
	if b == report.BlankNumber || b == report.BlankYear {
		w = blankNumberW
	}
	return int(math.Ceil(w / metricsOf(face).width(" ", size)))
}

// withBlanks writes l for text in style st, each blank as its run of spaces.
func withBlanks(l report.Line, st style) string {
	return l.Format(func(b report.Blank) string {
		return strings.Repeat(" ", blankSpaces(b, st.face, st.size))
	})
}

// cleanWords is clean with runs of spaces collapsed and the ends trimmed,
// for running text.
func cleanWords(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// Missing returns the characters of r's text that the document font has no
// glyph for, each once, in the order they first appear. The exported PDF
// shows [Placeholder] in their place; callers should tell the user.
// Spaces, control and invisible format characters are not reported: they
// are laid out as spaces or dropped.
func Missing(r *report.Report) []rune {
	var out []rune
	seen := map[rune]bool{}
	eachString(reflect.ValueOf(r), func(s string) {
		for _, c := range norm.NFC.String(s) {
			if unicode.IsSpace(c) || unicode.IsControl(c) || unicode.Is(unicode.Cf, c) {
				continue
			}
			if (c == utf8.RuneError || !report.Drawable(c)) && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	})
	return out
}

// eachString calls fn with every string reachable from v, in field order,
// so that a field added to the report later is covered too.
func eachString(v reflect.Value, fn func(string)) {
	switch v.Kind() {
	case reflect.String:
		fn(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachString(v.Field(i), fn)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachString(v.Index(i), fn)
		}
	}
}

// placeAddressees places the "Kính gửi" block, centred in the text
// width: x is where the label starts, labelW how far right of it the names
// start, hang how far further a wrapped name's next lines start. One name
// follows the label on its line; several stand under it, their dashes
// under its colon, wrapped lines under their text.
func placeAddressees(label string, names []string, measure func(string) float64) (x, labelW, hang float64) {
	labelW = measure(label + " ")
	if len(names) > 1 {
		labelW, hang = measure(strings.TrimSuffix(label, ":")), measure("- ")
	}
	widest := 0.0
	for _, n := range names {
		widest = max(widest, measure(n))
	}
	return max(0, (textW-labelW-widest)/2), labelW, hang
}

// balance wraps s to the narrowest width that needs no more lines than w
// does, so that the lines of a centred block are about as long as each
// other, and returns the lines and the width of the widest.
func balance(s string, w float64, measure func(string) float64) ([]string, float64) {
	lines := wrap(s, w, w, measure)
	if n := len(lines); n > 1 && n < 10 {
		lo, hi := w/float64(n), w // hi always gives n lines
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if len(wrap(s, mid, mid, measure)) > n {
				lo = mid
			} else {
				hi = mid
			}
		}
		lines = wrap(s, hi, hi, measure)
	}
	widest := 0.0
	for _, ln := range lines {
		widest = max(widest, measure(ln))
	}
	return lines, widest
}

// wrap breaks s into lines no wider than width, the first no wider than
// first, as measured by measure. It breaks at spaces; a word wider than a
// whole line is broken between characters, so nothing overflows the
// margin. A run of several spaces (a blank left for the clerk, as in
// "ngày      tháng") is kept and never broken, so the blank cannot vanish
// at a line end.
func wrap(s string, first, width float64, measure func(string) float64) []string {
	var lines []string
	var line strings.Builder
	lineW, limit := 0.0, first
	space := measure(" ")
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW, limit = 0, width
	}
	var units []string
	tokens := strings.Split(s, " ")
	for i, t := range tokens {
		if n := len(units); n > 0 && (t == "" || tokens[i-1] == "") {
			units[n-1] += " " + t
		} else {
			units = append(units, t)
		}
	}
	for i, word := range units {
		if i > 0 && line.Len() > 0 && lineW+space <= limit {
			line.WriteByte(' ')
			lineW += space
		}
		if word == "" {
			continue
		}
		w := measure(word)
		// A word that fits a line starts a new one; a word longer than
		// any line (a web address) starts right here, so that the line
		// before it is not left with a few words stretched across it.
		if line.Len() > 0 && lineW+w > limit && w <= width {
			flush()
		}
		if lineW+w <= limit {
			line.WriteString(word)
			lineW += w
			continue
		}
		// A word longer than a line: fill lines with its characters.
		for _, c := range word {
			cw := measure(string(c))
			if line.Len() > 0 && lineW+cw > limit {
				flush()
			}
			line.WriteRune(c)
			lineW += cw
		}
	}
	if line.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}
