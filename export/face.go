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

// originalFaces are the embedded font files, in the order every list of
// faces keeps.
var originalFaces = []face{
	{regular, fonts.Regular},
	{bold, fonts.Bold},
	{italic, fonts.Italic},
	{boldItalic, fonts.BoldItalic},
}

var (
	facesOnce sync.Once
	faces     []face
)

// loadFaces returns the four faces prepared for fpdf, once per process:
// from the user's cache when it holds them, otherwise cut from the
// embedded files (and then stored in the cache for the next process).
func loadFaces() []face {
	facesOnce.Do(func() { faces = prepareFaces(faceCachePath()) })
	return faces
}

// cutFaces returns the four faces cut down to the characters
// [report.Drawable] accepts, without hinting. fpdf parses every font it is
// given for every document, and then again to subset it: only the glyphs
// of those characters, without their instructions (≈ 62 KB instead of
// ≈ 390 KB a face), is faster to parse, and the subsets fpdf embeds are a third smaller.
// The faces are cut at the same time, each on its own goroutine.
func cutFaces() []face {
	var set strings.Builder
	for r := rune(' '); r <= 0xFFFF; r++ {
		if r != '\n' && report.Drawable(r) {
			set.WriteRune(r)
		}
	}
	cutset := set.String()
	out := make([]face, len(originalFaces))
	var wg sync.WaitGroup
	for i, f := range originalFaces {
		wg.Go(func() {
			f.ttf = fpdf.UTF8CutFont(f.ttf, cutset)
			if stripped, err := stripHinting(f.ttf); err == nil {
				f.ttf = stripped
			}
			out[i] = f
		})
	}
	wg.Wait()
	return out
}
