package export

import (
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"baocao/fonts"
	"baocao/report"
)

// fontName is the fpdf family name of the document font. fpdf calls the
// font "utf8" + the lower-cased family in the PDF ("utf8xxxliberationserif");
// [finish] renames it in place to a subset name ("BCAAAA+LiberationSerif"),
// which readers and pdffonts recognise. The "xxx" makes both names the same
// length, so that no byte offset in the file moves.
const fontName = "xxxLiberationSerif"

// The faces' fpdf style strings.
const (
	regular    = ""
	bold       = "B"
	italic     = "I"
	boldItalic = "BI"
)

// face is one registered face: its fpdf style and its reduced font file.
type face struct {
	style string
	ttf   []byte
}

var (
	facesOnce sync.Once
	faces     []face
)

// loadFaces returns the four faces cut down to the characters
// [report.Drawable] accepts, without hinting. fpdf parses every font it is
// given for every document, and then again to subset it: a quarter of the
// glyphs without their instructions (≈ 60 KB instead of ≈ 390 KB a face)
// is faster to parse, and the subsets fpdf embeds are a third smaller.
// The faces are prepared once per process.
func loadFaces() []face {
	facesOnce.Do(func() {
		var set strings.Builder
		for r := rune(' '); r <= 0xFFFF; r++ {
			if r != '\n' && report.Drawable(r) {
				set.WriteRune(r)
			}
		}
		for _, f := range []face{
			{regular, fonts.Regular},
			{bold, fonts.Bold},
			{italic, fonts.Italic},
			{boldItalic, fonts.BoldItalic},
		} {
			f.ttf = fpdf.UTF8CutFont(f.ttf, set.String())
			if stripped, err := stripHinting(f.ttf); err == nil {
				f.ttf = stripped
			}
			faces = append(faces, f)
		}
	})
	return faces
}
