package export

import (
	"math"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"baocao/report"
)

// TestMetricsMatchThePDF: the widths the Word writer computes are the
// widths fpdf lays the PDF out with, character by character, in every face.
func TestMetricsMatchThePDF(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	for _, f := range loadFaces() {
		pdf.AddUTF8FontFromBytes(fontName, f.style, f.ttf)
	}
	for _, style := range []string{regular, bold, italic, boldItalic} {
		pdf.SetFont(fontName, style, 14)
		m := metricsOf(style)
		for r := rune(' '); r <= 0xFFFF; r++ {
			if r == '\n' || !report.Drawable(r) {
				continue
			}
			s := string(r)
			if got, want := m.width(s, 14), pdf.GetStringWidth(s); math.Abs(got-want) > 0.005 {
				t.Errorf("face %q, %q (U+%04X): %.3f mm, fpdf %.3f mm", style, s, r, got, want)
			}
		}
		line := "Độc lập - Tự do - Hạnh phúc"
		if got, want := m.width(line, 13), 13.0/14*pdf.GetStringWidth(line); math.Abs(got-want) > 0.05 {
			t.Errorf("face %q: motto %.2f mm, fpdf %.2f mm", style, got, want)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}
