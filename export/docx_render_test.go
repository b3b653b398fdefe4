package export

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"baocao/report"
)

// soffice converts Word files to PDF with LibreOffice, all in one run,
// with a profile of its own so that runs side by side do not clash. It
// returns the PDFs by the files' names.
func soffice(t *testing.T, docs map[string][]byte) map[string][]byte {
	t.Helper()
	bin := tool(t, "soffice")
	dir := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}
	for name, data := range docs {
		path := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdfs := map[string][]byte{}
	for name := range docs {
		pdf, err := os.ReadFile(filepath.Join(dir, name+".pdf"))
		if err != nil {
			t.Fatalf("LibreOffice made no PDF of %s: %v", name, err)
		}
		pdfs[name] = pdf
	}
	return pdfs
}

// noSpace drops all white space: LibreOffice may break lines after the
// hyphen of an ordinary word, where the PDF breaks only at spaces.
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestDocxRendersLikeThePDF converts Word files to PDF with LibreOffice
// and checks them as the PDF export is checked: the text in order, the
// header's columns, margins, page numbers, "Nơi nhận" level with the
// signer's authority, the room to sign, the blanks for the clerk, the
// appendix and its table.
func TestDocxRendersLikeThePDF(t *testing.T) {
	sample := report.Sample()
	blank := report.Sample()
	blank.Header.Date = report.Date{}
	tall := report.Sample()
	hostile[7].edit(tall) // a tall appendix
	symbols := symbolsAtLineEnds()
	pdfs := soffice(t, map[string][]byte{
		"sample":  renderDocx(t, sample),
		"blank":   renderDocx(t, blank),
		"tall":    renderDocx(t, tall),
		"symbols": renderDocx(t, symbols),
	})

	t.Run("text", func(t *testing.T) { checkTextInOrder(t, pdfs["sample"], sample, noSpace) })
	t.Run("geometry", func(t *testing.T) { checkGeometry(t, pdfs["sample"]) })
	t.Run("blanks", func(t *testing.T) {
		pages, ws := words(t, pdfs["blank"])
		checkBlanks(t, ws, pages, true, true)
	})
	t.Run("fonts", func(t *testing.T) {
		out := runTool(t, pdfs["sample"], "pdffonts")
		for _, ln := range strings.Split(out, "\n")[2:] {
			if ln != "" && !strings.Contains(ln, "+LiberationSerif") {
				t.Errorf("a font other than Liberation Serif (Times New Roman's stand-in): %s", ln)
			}
		}
	})
	t.Run("title centred", func(t *testing.T) {
		_, ws := words(t, pdfs["sample"])
		kind := find(t, ws, 1, "BÁO")
		cao := find(t, ws, 1, "CÁO")
		if c := (kind.xMin + cao.xMax) / 2; math.Abs(c-(marginLeft+textW/2)) > 1 {
			t.Errorf("BÁO CÁO centred at %.1f mm, want %.1f", c, marginLeft+textW/2)
		}
		// The trích yếu's lines are balanced and centred, as in the PDF.
		var lines [][]word
		for _, w := range ws {
			if w.page == 1 && w.yMin > kind.yMax && w.yMin < kind.yMax+4*stBodyBold.lead {
				if n := len(lines); n == 0 || math.Abs(lines[n-1][0].yMin-w.yMin) > 1 {
					lines = append(lines, nil)
				}
				lines[len(lines)-1] = append(lines[len(lines)-1], w)
			}
		}
		if len(lines) != 3 {
			t.Fatalf("trích yếu on %d lines, want 3 as in the PDF", len(lines))
		}
		for _, l := range lines {
			c := (l[0].xMin + l[len(l)-1].xMax) / 2
			if math.Abs(c-(marginLeft+textW/2)) > 1.5 {
				t.Errorf("a title line centred at %.1f mm", c)
			}
		}
	})
	t.Run("appendix table", func(t *testing.T) {
		pages, ws := words(t, pdfs["sample"])
		x := marginLeft
		bounds := make([][2]float64, len(columns))
		for i, c := range columns {
			bounds[i] = [2]float64{x, x + c.w}
			x += c.w
		}
		inside := func(w word, col int) {
			t.Helper()
			if w.xMin < bounds[col][0] || w.xMax > bounds[col][1] {
				t.Errorf("%q at %.1f–%.1f mm, outside column %d (%.1f–%.1f)", w.text, w.xMin, w.xMax, col+1, bounds[col][0], bounds[col][1])
			}
		}
		inside(find(t, ws, pages, "STT"), 0)
		inside(find(t, ws, pages, "Ghi"), 5)
		tren, v := find(t, ws, pages, "trên"), find(t, ws, pages, "95")
		inside(tren, 3)
		inside(v, 3)
		if c, got := (bounds[3][0]+bounds[3][1])/2, (tren.xMin+v.xMax)/2; math.Abs(got-c) > 1 {
			t.Errorf("«trên 95» centred at %.1f mm, its column at %.1f", got, c)
		}
		name := find(t, ws, pages, "Tỷ")
		if math.Abs(name.xMin-(bounds[1][0]+cellPad)) > 0.5 {
			t.Errorf("indicator name starts at %.1f mm, want %.1f", name.xMin, bounds[1][0]+cellPad)
		}
	})
	t.Run("symbols never split at a hyphen", func(t *testing.T) {
		checkSymbolsWhole(t, pdfs["symbols"], "57-NQ/TW", "45/KH-UBND")
	})
	t.Run("rules stand clear of the text as in the PDF", func(t *testing.T) {
		checkRuleGaps(t, render(t, sample), pdfs["sample"])
	})
	t.Run("tall appendix", func(t *testing.T) {
		pages, ws := words(t, pdfs["tall"])
		checkMargins(t, ws)
		first := 0
		for _, w := range ws {
			if w.text == "Phụ" && w.yMin < marginTop+6 {
				first = w.page
			}
		}
		if first == 0 || first+1 > pages {
			t.Fatalf("the appendix does not span two pages (%d pages, appendix from %d)", pages, first)
		}
		for _, w := range ws {
			if w.page == first && w.yMax < marginTop {
				t.Errorf("first appendix page has %q in the top margin", w.text)
			}
		}
		if n := find(t, ws, first+1, "2"); n.yMax > marginTop {
			t.Errorf("appendix page 2's number at %.1f mm", n.yMax)
		}
		find(t, ws, first+1, "STT") // the heading row, repeated
	})
}

// symbolsAtLineEnds is the sample with paragraphs that each carry the
// symbol «57-NQ/TW» or «45/KH-UBND» a little further along the first
// line than the one before, so that in some of them each symbol reaches
// the end of the line.
func symbolsAtLineEnds() *report.Report {
	r := report.Sample()
	var b strings.Builder
	for _, sym := range []string{"57-NQ/TW", "45/KH-UBND"} {
		for i := range 36 {
			fmt.Fprintf(&b, "%s%s văn bản số %s của cấp trên.\n", strings.Repeat("x", i%3), strings.Repeat(" và", 10+i/3), sym)
		}
	}
	r.Section("III").Text = b.String()
	return r
}

// checkSymbolsWhole checks, in a PDF LibreOffice rendered, that each
// symbol always stands whole on one line, and that it does reach the
// end of a line somewhere, where a renderer that breaks after a hyphen
// or a slash would split it.
func checkSymbolsWhole(t *testing.T, pdf []byte, symbols ...string) {
	t.Helper()
	_, ws := words(t, pdf)
	lastOnLine := func(i int) bool {
		for j, w := range ws {
			if j != i && w.page == ws[i].page && math.Abs(w.yMin-ws[i].yMin) < 1 && w.xMin > ws[i].xMax {
				return false
			}
		}
		return true
	}
	for _, sym := range symbols {
		whole, atEnd := 0, 0
		for i, w := range ws {
			text := strings.Trim(strings.ReplaceAll(w.text, "\u2011", "-"), ",.;()")
			switch {
			case text == sym:
				whole++
				if lastOnLine(i) {
					atEnd++
				}
			case text != "" && strings.HasPrefix(sym, text) && strings.ContainsAny(text[len(text)-1:], "-/"):
				t.Errorf("«%s» split: a line ends %q", sym, w.text)
			}
		}
		if whole == 0 || atEnd == 0 {
			t.Errorf("«%s» stands whole %d times, %d of them at the end of a line: the test needs it at a line end", sym, whole, atEnd)
		}
	}
}

// checkRuleGaps compares the short rules under the agency, the motto,
// the title and the appendix's reference line in the Word file as
// LibreOffice draws it with those of the PDF export: each stands as far
// below the ink of the text above it as in the PDF, so that none reads
// as underlining.
func checkRuleGaps(t *testing.T, pdf, docxPDF []byte) {
	t.Helper()
	pages, _ := words(t, pdf)
	dPages, _ := words(t, docxPDF)
	for _, pp := range [][2]int{{1, 1}, {pages, dPages}} {
		want := ruleGaps(t, pdf, pp[0])
		got := ruleGaps(t, docxPDF, pp[1])
		if len(want) == 0 || len(got) != len(want) {
			t.Fatalf("page %d: %d short rules in the Word file, %d in the PDF", pp[1], len(got), len(want))
		}
		for i := range want {
			t.Logf("page %d, rule %d: %.2f mm below the text, %.2f mm in the PDF", pp[1], i+1, got[i], want[i])
			if math.Abs(got[i]-want[i]) > 0.2 {
				t.Errorf("page %d, rule %d stands %.2f mm below the text, %.2f mm in the PDF", pp[1], i+1, got[i], want[i])
			}
		}
	}
}

// ruleGaps finds the short rules on a page of pdf, drawn at 300 dpi,
// left to right, and returns for each the blank height in
// millimetres between it and the lowest ink above it within its length.
func ruleGaps(t *testing.T, pdf []byte, page int) []float64 {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	const dpi = 300
	p := strconv.Itoa(page)
	if out, err := exec.Command(tool(t, "pdftoppm"), "-gray", "-r", strconv.Itoa(dpi), "-f", p, "-l", p, "-singlefile", in, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "page.pgm"))
	if err != nil {
		t.Fatal(err)
	}
	// A binary PGM: "P5", width, height, maximum, one byte a pixel.
	f := bytes.Fields(data[:min(len(data), 40)])
	w, _ := strconv.Atoi(string(f[1]))
	h, _ := strconv.Atoi(string(f[2]))
	pix := data[len(data)-w*h:]
	mm := func(px int) float64 { return float64(px) * 25.4 / dpi }
	dark := func(x, y int) bool { return pix[y*w+x] < 128 }
	// A short rule: a line of ink longer than any word, shorter than
	// the table's lines, its first row; the rows under it are the same
	// rule.
	type rule struct{ y, last, x0, x1 int }
	var rules []rule
	for y := range h {
		x0 := 0
		for x := 0; x <= w; x++ {
			if x < w && dark(x, y) {
				continue
			}
			if l := mm(x - x0); l > 10 && l < textW-10 {
				same := false
				for i := range rules {
					if r := &rules[i]; r.last >= y-3 && abs(r.x0-x0) <= 2 {
						r.last, same = y, true
					}
				}
				if !same {
					rules = append(rules, rule{y, y, x0, x})
				}
			}
			x0 = x + 1
		}
	}
	// Left to right: the agency's, the title's, the motto's.
	slices.SortFunc(rules, func(a, b rule) int { return cmp.Or(a.x0-b.x0, a.y-b.y) })
	var gaps []float64
	for _, r := range rules {
		y := r.y - 1
	up:
		for ; y > 0; y-- {
			for x := r.x0; x < r.x1; x++ {
				if dark(x, y) {
					break up
				}
			}
		}
		gaps = append(gaps, mm(r.y-y-1))
	}
	return gaps
}

func abs(n int) int { return max(n, -n) }
