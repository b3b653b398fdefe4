package report

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The text rules, applied to every string stored in a Report:
//
//   - NFC: input methods in "Unicode tổ hợp" mode send decomposed letters;
//     they are composed, since fonts and PDF line breaking need NFC;
//   - "\r\n" and "\r" become "\n"; single-line fields turn line breaks into
//     spaces;
//   - a tab becomes a space; other control characters, and the invisible
//     marks that reorder or join text (bidirectional overrides, zero-width
//     spaces and joiners), are removed: they cannot be typed on purpose, no
//     font draws them, and from a file they could change what a terminal
//     shows;
//   - runs of spaces (including no-break spaces) inside a line become one
//     space; spaces at both ends of a line are trimmed; in multi-line text
//     blank lines at the start and end are dropped and runs of blank lines
//     become one;
//   - characters beyond U+FFFF (emoji and rare scripts) are kept, so nothing
//     the official typed is lost, but [Check] reports each one and the
//     exporter draws a placeholder instead (see [Drawable]).

// CleanLine normalises a single-line field.
func CleanLine(s string) string {
	return cleanLine(lineBreaks.Replace(s))
}

// lineBreaks turns the line breaks of a single-line field into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// CleanText normalises a multi-line field.
func CleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true // drops leading blank lines and collapses runs
	for _, l := range lines {
		l = cleanLine(l)
		if l == "" {
			if blank {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// cleanLine applies the rules to one line. It composes (NFC) after removing
// characters: a mark separated from its letter by a removed character
// ("e\u200b\u0302") must still be composed with it.
func cleanLine(s string) string {
	if isClean(s) {
		return s // most fields of a saved draft: no copy
	}
	return cleanSlow(s)
}

// isClean reports whether cleanLine leaves s as it is: no space at either
// end nor two in a row, no other kind of space, no control or invisible
// character, valid UTF-8, already composed.
func isClean(s string) bool {
	space := true // a leading space is not clean
	composed, known := true, runeKinds()
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ':
				if space {
					return false
				}
				space = true
				continue
			case c < ' ' || c == 0x7f:
				return false
			}
			space = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r < stableBelow && known[r]&kept == 0:
			return false
		case r < stableBelow:
			composed = composed && known[r]&stable != 0
		case r == utf8.RuneError, unicode.IsSpace(r), unicode.IsControl(r), invisible(r), r == '\ufffe', r == '\uffff':
			return false
		default:
			composed = false
		}
		space = false
	}
	return (s == "" || !space) && (composed || norm.NFC.IsNormalString(s))
}

// stableBelow bounds the runes [runeKinds] knows: Latin, Vietnamese and
// general punctuation, the text of almost every report.
const stableBelow = 0x2100

// What [runeKinds] says of a rune.
const (
	// kept: no space, control or invisible character, which cleanLine
	// changes or removes.
	kept = 1 << iota
	// stable: composed and never combining with a neighbour (canonical
	// class 0, NFC quick check "yes"). A line made only of such runes is
	// in NFC, with no need to ask the normaliser, which costs more than
	// all the rest of loading a draft.
	stable
)

// runeKinds tells, for each rune below [stableBelow], whether it is kept
// and stable.
var runeKinds = sync.OnceValue(func() []uint8 {
	t := make([]uint8, stableBelow)
	for r := range rune(stableBelow) {
		if utf8.ValidRune(r) && !unicode.IsSpace(r) && !unicode.IsControl(r) && !invisible(r) {
			t[r] |= kept
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if utf8.ValidRune(r) && p.CCC() == 0 && p.BoundaryBefore() && norm.NFC.IsNormalString(s) && norm.NFC.String(s) == s {
			t[r] |= stable
		}
	}
	return t
})

// cleanSlow is cleanLine for a line that needs changing.
func cleanSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\t' || r == ' ' || r == '\u00a0' || r == '\u3000' || (unicode.IsSpace(r) && r != '\n'):
			space = true
			continue
		case unicode.IsControl(r) || invisible(r) || r == '\ufffe' || r == '\uffff':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// invisible reports the format characters removed from text: the byte
// order mark, zero-width space and joiners, and the marks that change the
// direction of text.
func invisible(r rune) bool {
	switch {
	case r == '\ufeff', r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060':
		return true
	case r == '\u061c', r == '\u200e', r == '\u200f':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// Printable returns s as it can safely be shown on a terminal: control
// characters (escape sequences among them), the invisible marks of
// [CleanText], line and paragraph separators and bytes that are not UTF-8
// are written as visible escapes — "\x1b", "\u202e", "\xff" — and
// everything else is kept. File names and the strings of a file that is
// not a draft can hold anything; whatever baocao prints from disk goes
// through Printable, so such a name cannot move the cursor, change colours
// or retitle the window.
func Printable(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case r < 0x80 && unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || unsafeRune(r) {
			return true
		}
	}
	return false
}

// unsafeRune reports the characters [Printable] escapes.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || invisible(r) || r == '\u2028' || r == '\u2029'
}

// Normalize applies the text rules to every string of r, in place.
func (r *Report) Normalize() {
	h := &r.Header
	h.ParentAgency = CleanLine(h.ParentAgency)
	h.Agency = cleanLines(h.Agency)
	h.ShortName = CleanLine(h.ShortName)
	h.Place = CleanLine(h.Place)
	h.Number = CleanLine(h.Number)
	h.Symbol = CleanLine(h.Symbol)
	q := &r.Request
	q.Kind = CleanLine(q.Kind)
	q.Number = CleanLine(q.Number)
	q.Issuer = CleanLine(q.Issuer)
	q.Subject = CleanLine(q.Subject)
	r.Addressees = cleanLines(r.Addressees)
	r.TitleText = CleanLine(r.TitleText)
	r.Opening = CleanText(r.Opening)
	r.Closing = CleanText(r.Closing)
	for i := range r.Sections {
		s := &r.Sections[i]
		s.ID = CleanLine(s.ID)
		s.Heading = CleanLine(s.Heading)
		s.Text = CleanText(s.Text)
		for j := range s.Items {
			it := &s.Items[j]
			it.Key = CleanLine(it.Key)
			it.Title = CleanLine(it.Title)
			it.Text = CleanText(it.Text)
		}
	}
	for i := range r.Indicators {
		in := &r.Indicators[i]
		in.Name = CleanLine(in.Name)
		in.Unit = CleanLine(in.Unit)
		in.Value = CleanLine(in.Value)
		in.LastYear = CleanLine(in.LastYear)
		in.Note = CleanLine(in.Note)
	}
	r.Recipients = cleanLines(r.Recipients)
	r.Archive = CleanLine(r.Archive)
	r.Signer.Authority = CleanLine(r.Signer.Authority)
	r.Signer.Title = CleanLine(r.Signer.Title)
	r.Signer.Name = CleanLine(r.Signer.Name)
}

// cleanLines cleans each line and drops the empty ones.
func cleanLines(in []string) []string {
	var out []string
	for _, l := range in {
		if l = CleanLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// BlockKind tells a paragraph from a dash line.
type BlockKind int

// The kinds of block in an item's text.
const (
	Paragraph BlockKind = iota
	Dash
)

// Block is one paragraph of an item's text as the document lays it out.
type Block struct {
	Kind BlockKind
	// Text is the paragraph; for a Dash block it starts with "- ".
	Text string
}

// Blocks splits multi-line text into paragraphs: each non-empty line is a
// paragraph, and a line starting with "-", "–", "•" or "+" is a dash line,
// written "- …".
func Blocks(text string) []Block {
	var out []Block
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if rest, ok := dashLine(l); ok {
			out = append(out, Block{Kind: Dash, Text: "- " + rest})
			continue
		}
		out = append(out, Block{Kind: Paragraph, Text: l})
	}
	return out
}

func dashLine(l string) (string, bool) {
	for _, p := range []string{"- ", "– ", "• ", "+ "} {
		if strings.HasPrefix(l, p) {
			return strings.TrimSpace(l[len(p):]), true
		}
	}
	return "", false
}

// Drawable reports whether the document font (Liberation Serif) has a glyph
// for r. It covers Latin with every Vietnamese letter, Greek, Cyrillic and
// common punctuation and symbols; the exporter's tests hold it to the font.
func Drawable(r rune) bool {
	if r == '\n' {
		return true
	}
	for _, rg := range drawableRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

var drawableRanges = [][2]rune{
	{0x0020, 0x007E}, // ASCII
	{0x00A0, 0x024F}, // Latin-1, Latin Extended-A and -B
	{0x0300, 0x0303}, // combining grave, acute, circumflex, tilde
	{0x0309, 0x0309}, // combining hook above
	{0x0323, 0x0323}, // combining dot below
	{0x0391, 0x03A1}, // Greek capitals (U+03A2 is unassigned)
	{0x03A3, 0x03A9},
	{0x03B1, 0x03C9}, // Greek small letters
	{0x0401, 0x045F}, // Cyrillic
	{0x1E80, 0x1E85}, // Welsh w
	{0x1EA0, 0x1EF9}, // Vietnamese
	{0x2013, 0x2014}, // dashes
	{0x2018, 0x201E}, // quotation marks
	{0x2020, 0x2022}, // daggers, bullet
	{0x2026, 0x2026}, // ellipsis
	{0x2030, 0x2030}, // per mille
	{0x2039, 0x203A}, // angle quotes
	{0x20AB, 0x20AC}, // đồng and euro signs
	{0x2116, 0x2116}, // numero
	{0x2122, 0x2122}, // trade mark
	{0x2190, 0x2193}, // arrows
	{0x2212, 0x2212}, // minus
	{0x2264, 0x2265}, // ≤ ≥
}

// Undrawable returns the characters of s that [Drawable] rejects, each once,
// in the order they first appear.
func Undrawable(s string) []rune {
	var out []rune
	var seen map[rune]bool
	for _, r := range s {
		if Drawable(r) || seen[r] {
			continue
		}
		if seen == nil {
			seen = map[rune]bool{}
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}
