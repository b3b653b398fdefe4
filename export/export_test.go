package export

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"baocao/report"
)

// expectedText lists what the example's PDF must say, in reading order
// (content-stream order, which pdftotext -raw keeps): the outline's text,
// in groups. Each group comes after the one before it; within a group
// the order is free (the PDF draws the signature block before the
// recipients beside it, Word's table the other way round). The outline's
// own wording is tested in package report.
func expectedText(r *report.Report) [][]string {
	o := r.Outline()
	h := o.Header
	var want [][]string
	add := func(ss ...string) {
		for _, s := range ss {
			want = append(want, []string{s})
		}
	}
	add(h.Agency...)
	add(h.Nation, h.Motto, h.Number.String(), h.PlaceDate.String(), o.Kind, o.Title)
	for _, p := range append(o.Body, o.Closing...) {
		add(p.Text)
	}
	s := o.Signature
	want = append(want, append([]string{s.Authority, s.Title, s.Name, o.Recipients.Label}, o.Recipients.Lines...))
	if a := o.Appendix; a != nil {
		add(a.Label, a.Title, a.Reference.String())
		add(a.Columns[:2]...)
		for _, row := range a.Rows {
			add(row[1], row[3], row[4], row[5])
		}
	}
	return want
}

func TestTextInOrder(t *testing.T) {
	overridden := report.Sample()
	overridden.TitleText = "Kết quả triển khai Nghị quyết số 57-NQ/TW quý I năm 2026 trên địa bàn xã"
	overridden.Section("V").Heading = "Nhiệm vụ trọng tâm quý II năm 2026"
	overridden.Opening = "Thực hiện chỉ đạo của cấp trên, UBND xã Dương Hưu báo cáo như sau:"
	overridden.Closing = "Trên đây là báo cáo của UBND xã Dương Hưu"
	overridden.Indicators[5].Note = "Chưa triển khai thu phí trực tuyến" // a row with only a note
	overridden.Indicators[8].Value = "1200"                              // printed «1.200»
	for name, r := range map[string]*report.Report{"sample": report.Sample(), "overridden": overridden} {
		t.Run(name, func(t *testing.T) { textInOrder(t, r) })
	}
}

func textInOrder(t *testing.T, r *report.Report) {
	checkTextInOrder(t, render(t, r), r, squash)
}

// checkTextInOrder checks that pdf says what r's outline says, in order,
// comparing text and expectations after norm.
func checkTextInOrder(t *testing.T, pdf []byte, r *report.Report, norm func(string) string) {
	t.Helper()
	out := runTool(t, pdf, "pdftotext", "-raw", "-enc", "UTF-8")
	// Page numbers stand on lines of their own; drop them so that a
	// paragraph broken across pages reads as one.
	var lines []string
	for _, ln := range strings.Split(out, "\n") {
		if !isNumber(strings.TrimSpace(strings.Trim(ln, "\f"))) {
			lines = append(lines, ln)
		}
	}
	text := norm(strings.Join(lines, " "))
	pos := 0
	for _, group := range expectedText(r) {
		end := pos
		for _, w := range group {
			w = norm(w)
			i := strings.Index(text[pos:], w)
			if i < 0 {
				t.Fatalf("missing or out of order: %q\nafter: %.200q", w, text[pos:])
			}
			end = max(end, pos+i+len(w))
		}
		pos = end
	}
	if !strings.Contains(text, norm("Bộ phận Một cửa")) || !strings.HasSuffix(norm(r.ClosingSentence()), "./.") {
		t.Error("quotation marks or the closing ./. lost")
	}
}

func TestGeometry(t *testing.T) {
	checkGeometry(t, render(t, report.Sample()))
}

// checkGeometry checks the example's layout from its PDF's word boxes:
// margins, the header's columns, page numbers, the signature block beside
// "Nơi nhận" with room to sign, the appendix on a page of its own.
func checkGeometry(t *testing.T, pdf []byte) {
	t.Helper()
	pages, ws := words(t, pdf)
	if pages < 3 {
		t.Fatalf("%d pages, want at least 3", pages)
	}
	checkMargins(t, ws)

	near := func(what string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s: %.1f mm, want %.1f ± %.1f", what, got, want, tol)
		}
	}
	leftCentre := marginLeft + headerLeftW/2
	rightCentre := marginLeft + headerLeftW + (textW-headerLeftW)/2
	u, dan := find(t, ws, 1, "ỦY"), find(t, ws, 1, "DÂN")
	near("agency centre", (u.xMin+dan.xMax)/2, leftCentre, 1)
	cong, nam := find(t, ws, 1, "CỘNG"), find(t, ws, 1, "NAM")
	near("national name centre", (cong.xMin+nam.xMax)/2, rightCentre, 1)
	near("agency and national name top", u.yMin, cong.yMin, 0.5)
	so, place := find(t, ws, 1, "Số:"), find(t, ws, 1, "Dương")
	near("Số: and date line baseline", so.yMax, place.yMax, 0.2)
	if place.xMin < marginLeft+headerLeftW {
		t.Errorf("date line starts at %.1f mm, inside the left column", place.xMin)
	}

	// Page numbers: none on page 1, a centred "2" in the top margin of page 2.
	for _, w := range ws {
		if w.page == 1 && w.yMax < marginTop {
			t.Errorf("page 1 has %q in the top margin", w.text)
		}
	}
	two := find(t, ws, 2, "2")
	if two.yMax > marginTop || two.yMin < 5 {
		t.Errorf("page number at y %.1f–%.1f mm, want inside the top margin", two.yMin, two.yMax)
	}
	near("page number centre", two.cx(), marginLeft+textW/2, 1)

	// Signature block: right half, level with "Nơi nhận:", room to sign.
	noi := find(t, ws, 0, "Nơi")
	kt := find(t, ws, noi.page, "KT.")
	name := find(t, ws, noi.page, "Khúc")
	title := find(t, ws, noi.page, "PHÓ")
	near("signature block top", kt.yMin, noi.yMin, 1.5)
	if kt.xMin < marginLeft+recipientsW || name.cx() < marginLeft+textW/2 {
		t.Errorf("signature block at x %.1f (name centre %.1f), want in the right half", kt.xMin, name.cx())
	}
	if gap := name.yMin - title.yMax; gap < 25 || gap > 32 {
		t.Errorf("room for the signature %.1f mm, want 25–32", gap)
	}
	if noi.xMin > marginLeft+0.5 {
		t.Errorf("Nơi nhận at %.1f mm, want flush left", noi.xMin)
	}

	// The appendix starts a page, numbered on its own: no number there.
	pl := find(t, ws, pages, "Phụ")
	for _, w := range ws {
		if w.page == pl.page && w.yMax < marginTop {
			t.Errorf("first appendix page has %q in the top margin", w.text)
		}
	}
	if pl.page != noi.page+1 || pl.yMin > marginTop+6 {
		t.Errorf("appendix title on page %d at %.1f mm, signature on page %d; want the appendix at the top of the next page", pl.page, pl.yMin, noi.page)
	}
}

// TestBodyStyle checks the paragraph geometry: first-line indent,
// justified lines ending at the right margin, spacing within the rules.
func TestBodyStyle(t *testing.T) {
	_, ws := words(t, render(t, report.Sample()))
	first := find(t, ws, 1, "Thực")
	near := math.Abs(first.xMin - (marginLeft + indent))
	if near > 0.3 {
		t.Errorf("first line starts at %.1f mm, want %.1f", first.xMin, marginLeft+indent)
	}
	// The opening paragraph's second line is justified: it starts at the
	// margin and ends at the right margin.
	var line []word
	for _, w := range ws {
		if w.page == 1 && math.Abs(w.yMin-(first.yMin+stBody.lead)) < 0.5 {
			line = append(line, w)
		}
	}
	if len(line) < 5 {
		t.Fatalf("second line has %d words", len(line))
	}
	if l, r := line[0].xMin, line[len(line)-1].xMax; math.Abs(l-marginLeft) > 0.3 || math.Abs(r-(marginLeft+textW)) > 0.3 {
		t.Errorf("justified line spans %.1f–%.1f mm, want %.1f–%.1f", l, r, marginLeft, marginLeft+textW)
	}
	lead := stBody.lead / pt / stBody.size // in lines of the font size
	if lead < 1.15 || lead > 1.5 {
		t.Errorf("line spacing %.2f × size, want single (1.15) to 1.5", lead)
	}
	if paraGap < 6*pt {
		t.Errorf("paragraph spacing %.1f pt, want ≥ 6", paraGap/pt)
	}
}

func TestFontsEmbeddedAsSubsets(t *testing.T) {
	out := runTool(t, render(t, report.Sample()), "pdffonts")
	n := 0
	for _, ln := range strings.Split(out, "\n") {
		if strings.Contains(ln, "LiberationSerif") {
			n++
			f := strings.Fields(ln)
			if !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(f[0]) || !strings.Contains(ln, "yes yes yes") {
				t.Errorf("font not an embedded subset with a ToUnicode map: %s", ln)
			}
		}
	}
	if n != 4 {
		t.Errorf("%d faces, want 4:\n%s", n, out)
	}
}

func TestDocumentInfo(t *testing.T) {
	r := report.Sample()
	pdf := render(t, r)
	out := runTool(t, pdf, "pdfinfo")
	for _, want := range []string{
		"Title:           " + r.Title(),
		"Author:          ỦY BAN NHÂN DÂN XÃ DƯƠNG HƯU",
		"Subject:         Báo cáo",
		"Creator:         baocao",
		"Page size:       595.28 x 841.89 pts (A4)",
		"CreationDate:    Wed Mar 25 00:00:00 2026",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	m := regexp.MustCompile(`PDF version:\s+1\.(\d)`).FindStringSubmatch(out)
	if m == nil || m[1] < "4" {
		t.Errorf("PDF version: %v, want ≥ 1.4", m)
	}
	if !bytes.Contains(pdf, []byte("/Lang (vi-VN)")) {
		t.Error("no /Lang (vi-VN) in the catalog")
	}
}

func TestDeterministic(t *testing.T) {
	var a, b, c bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := Write(buf, report.Sample(), Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two exports of the same report differ")
	}
	if !bytes.Contains(a.Bytes(), []byte("D:20260301000000")) {
		t.Error("zero Options: creation date not taken from the header date (March 2026)")
	}
	if err := Write(&c, report.Sample(), Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("Options.Date ignored")
	}
}

func TestSampleSize(t *testing.T) {
	if n := len(render(t, report.Sample())); n > 50<<10 {
		t.Errorf("example PDF is %d bytes, want ≤ 50 KB", n)
	}
}

func TestReportDate(t *testing.T) {
	r := report.New(report.Period{Kind: report.Quarter, Quarter: 2, Year: 2027})
	if got := reportDate(r.Outline().Info.Date); !got.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("no header date: %v, want 1 Jan of the period's year", got)
	}
	r.Header.Date = report.Date{Day: 5, Month: 7, Year: 2027}
	if got := reportDate(r.Outline().Info.Date); !got.Equal(time.Date(2027, 7, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("header date: %v", got)
	}
}

func TestFileName(t *testing.T) {
	r := report.Sample()
	tests := []struct {
		period report.Period
		short  string
		place  string
		want   string
	}{
		{report.Period{Kind: report.Quarter, Quarter: 1, Year: 2026}, "UBND xã Dương Hưu", "", "BC-NQ57-quy-I-2026-Duong-Huu.pdf"},
		{report.Period{Kind: report.Quarter, Quarter: 4, Year: 2026}, "UBND phường Đồng Kỵ", "", "BC-NQ57-quy-IV-2026-Dong-Ky.pdf"},
		{report.Period{Kind: report.HalfYear, Year: 2026}, "UBND thị trấn Chờ", "", "BC-NQ57-6-thang-2026-Cho.pdf"},
		{report.Period{Kind: report.Year, Year: 2025}, "Ủy ban nhân dân xã Tam Sơn", "", "BC-NQ57-nam-2025-Tam-Son.pdf"},
		{report.Period{Kind: report.Year, Year: 2025}, "", "Hương Mạc", "BC-NQ57-nam-2025-Huong-Mac.pdf"},
		{report.Period{Kind: report.Year, Year: 2025}, "", "", "BC-NQ57-nam-2025.pdf"},
		{report.Period{}, "UBND xã A/B:C*?", "", "BC-NQ57-A-B-C.pdf"},
	}
	for _, tt := range tests {
		r.Period, r.Header.ShortName, r.Header.Place = tt.period, tt.short, tt.place
		if got := FileName(r); got != tt.want {
			t.Errorf("FileName(%v, %q, %q) = %q, want %q", tt.period, tt.short, tt.place, got, tt.want)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName(report.Sample()))
	if err := WriteFile(path, report.Sample(), Options{}, false); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	if !bytes.HasPrefix(first, []byte("%PDF-1.7")) {
		t.Fatalf("file starts %q", first[:min(len(first), 8)])
	}
	err := WriteFile(path, report.Sample(), Options{Date: testDate}, false)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "tồn tại") {
		t.Fatalf("second write without force: %v, want ErrExists", err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, first) {
		t.Fatal("refused write changed the file")
	}
	if err := WriteFile(path, report.Sample(), Options{Date: testDate}, true); err != nil {
		t.Fatalf("forced write: %v", err)
	}
	if again, _ := os.ReadFile(path); bytes.Equal(again, first) {
		t.Fatal("forced write left the old file")
	}
	if err := WriteFile(filepath.Join(dir, "khong-co", "x.pdf"), report.Sample(), Options{}, false); err == nil {
		t.Fatal("write into a missing directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the PDF (no temporary files)", len(entries))
	}
}

// TestWriteErrorsNameTheFileAskedFor: a write that fails says which file
// was not written and why, in words about that file and its folder, never
// about the temporary file the write goes through.
func TestWriteErrorsNameTheFileAskedFor(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "khong-co")
	for _, w := range []struct {
		what  string
		write func(string, *report.Report, Options, bool) error
	}{{"PDF", WriteFile}, {"Word", WriteDocxFile}} {
		path := filepath.Join(missing, "x.pdf")
		err := w.write(path, report.Sample(), Options{}, false)
		var fe *FolderError
		if !errors.As(err, &fe) || fe.Dir != missing ||
			err.Error() != "không ghi được tệp "+w.what+" "+path+": thư mục «"+missing+"» không tồn tại" {
			t.Errorf("%s into a missing folder: %v", w.what, err)
		}
		// A "folder" that is a file: the system refuses the temporary file.
		notDir := filepath.Join(dir, "ghi-chu.txt")
		os.WriteFile(notDir, []byte("x"), 0o644)
		path = filepath.Join(notDir, "x.pdf")
		err = report.Explain(w.write(path, report.Sample(), Options{}, false))
		if err == nil || !strings.HasPrefix(err.Error(), "không ghi được tệp "+w.what+" "+path+": ") || strings.Contains(err.Error(), "tạm") || strings.Contains(err.Error(), ".tmp") {
			t.Errorf("%s under a file: %v", w.what, err)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("the missing folder was made")
	}
}

func TestConcurrentWrites(t *testing.T) {
	want := render(t, report.Sample())
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var b bytes.Buffer
			err := Write(&b, report.Sample(), Options{Date: testDate})
			if err == nil && !bytes.Equal(b.Bytes(), want) {
				err = errors.New("concurrent export differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestExportRemovesLeftoversOfCutShortExports: the temporary files an
// export cut short left beside its target (a crash between writing and
// renaming) are removed by the next export to that name once they are
// old, in the PDF and the Word writer alike; a young one, which may
// belong to an export running in another window, is kept.
func TestExportRemovesLeftoversOfCutShortExports(t *testing.T) {
	dir := t.TempDir()
	r := report.Sample()
	for _, c := range []struct {
		name  string
		write func(string, *report.Report, Options, bool) error
	}{{FileName(r), WriteFile}, {DocxFileName(r), WriteDocxFile}} {
		old := filepath.Join(dir, "."+c.name+".123456.tmp")
		young := filepath.Join(dir, "."+c.name+".654321.tmp")
		other := filepath.Join(dir, ".khac.pdf.111.tmp")
		for _, p := range []string{old, young, other} {
			if err := os.WriteFile(p, []byte("cut short"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		long := time.Now().Add(-report.StaleTempAge - time.Minute)
		for _, p := range []string{old, other} {
			if err := os.Chtimes(p, long, long); err != nil {
				t.Fatal(err)
			}
		}
		if err := c.write(filepath.Join(dir, c.name), r, Options{}, true); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: the old leftover is still there (%v)", c.name, err)
		}
		for _, p := range []string{young, other} {
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s: %s was removed: %v", c.name, filepath.Base(p), err)
			}
		}
	}
}
