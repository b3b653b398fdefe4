package export

import (
	"encoding/binary"
	"testing"

	"baocao/fonts"
	"baocao/report"
)

// cmap returns the characters a TrueType font maps to a glyph other than
// .notdef, read from its Unicode BMP (3,1 or 0,x) format 4 subtable.
func cmap(t *testing.T, ttf []byte) map[rune]bool {
	t.Helper()
	be := binary.BigEndian
	var table []byte
	for i := range int(be.Uint16(ttf[4:])) {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == "cmap" {
			off, n := be.Uint32(rec[8:]), be.Uint32(rec[12:])
			table = ttf[off : off+n]
		}
	}
	if table == nil {
		t.Fatal("no cmap table")
	}
	for i := range int(be.Uint16(table[2:])) {
		rec := table[4+8*i:]
		platform, encoding, off := be.Uint16(rec), be.Uint16(rec[2:]), be.Uint32(rec[4:])
		sub := table[off:]
		if (platform == 3 && encoding == 1 || platform == 0) && be.Uint16(sub) == 4 {
			return cmap4(sub)
		}
	}
	t.Fatal("no format 4 Unicode cmap")
	return nil
}

func cmap4(sub []byte) map[rune]bool {
	be := binary.BigEndian
	segs := int(be.Uint16(sub[6:])) / 2
	ends, starts := sub[14:], sub[16+2*segs:]
	deltas, ranges := sub[16+4*segs:], sub[16+6*segs:]
	out := map[rune]bool{}
	for s := range segs {
		start, end := int(be.Uint16(starts[2*s:])), int(be.Uint16(ends[2*s:]))
		delta, ro := int(be.Uint16(deltas[2*s:])), int(be.Uint16(ranges[2*s:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if p := 2*s + ro + 2*(c-start); p+2 <= len(ranges) {
				if g = int(be.Uint16(ranges[p:])); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				out[rune(c)] = true
			}
		}
	}
	return out
}

// vietnamese is every letter of Vietnamese, both cases.
const vietnamese = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ" +
	"AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ"

// TestDrawableMatchesFont holds report.Drawable to the font: every
// character it accepts has a glyph in each face, before and after the
// faces are cut down, and every Vietnamese letter is accepted.
func TestDrawableMatchesFont(t *testing.T) {
	for _, c := range vietnamese + "0123456789.,;:!?()[]/-–—“”‘’…%₫" {
		if !report.Drawable(c) {
			t.Errorf("Drawable(%q) = false", c)
		}
	}
	full := map[string][]byte{regular: fonts.Regular, bold: fonts.Bold, italic: fonts.Italic, boldItalic: fonts.BoldItalic}
	for _, f := range cutFaces() {
		for name, ttf := range map[string][]byte{"full": full[f.style], "cut": f.ttf} {
			glyphs := cmap(t, ttf)
			missing := 0
			for c := rune(' '); c <= 0xFFFF; c++ {
				if report.Drawable(c) && !glyphs[c] {
					if missing++; missing <= 10 {
						t.Errorf("%s face %q: Drawable(%U %q) but the font has no glyph", name, f.style, c, c)
					}
				}
			}
		}
	}
}

func TestStripHintingRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("not a font at all"), fonts.Regular[:100]} {
		if _, err := stripHinting(b); err == nil {
			t.Errorf("stripHinting(%d bytes) succeeded", len(b))
		}
	}
}
