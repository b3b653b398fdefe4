package export

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pdfsign/sign"
	"github.com/xuri/excelize/v2"

	"baocao/report"
)

// rollupFolder writes n drafts of different units, each padded with
// extra bytes of text, into a new folder.
func rollupFolder(tb testing.TB, n, extra int) string {
	tb.Helper()
	s := &report.Store{Dir: tb.TempDir()}
	for i := range n {
		r := report.Sample()
		r.SetUnit(fmt.Sprintf("xã Số %d", i))
		r.Indicators[0].Value = fmt.Sprint(i % 100)
		if extra > 0 {
			const phrase = "Đề nghị hỗ trợ kinh phí. "
			r.Section("VI").Text = strings.Repeat(phrase, extra/len(phrase))
		}
		if _, err := s.Create(r); err != nil {
			tb.Fatal(err)
		}
	}
	return s.Dir
}

// BenchmarkRollup1000Drafts rolls up a folder of 1,000 drafts, as
// «baocao tonghop» does: read, keep the figures, write the workbook.
func BenchmarkRollup1000Drafts(b *testing.B) {
	dir := rollupFolder(b, 1000, 0)
	b.ReportAllocs()
	for b.Loop() {
		ru := &report.Rollup{}
		ReadRollup(ru, RollupInputs([]string{dir}, ""))
		ru.Finish()
		if len(ru.Rows) != 1000 {
			b.Fatalf("%d rows", len(ru.Rows))
		}
		if err := WriteRollup(io.Discard, ru); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRollupMemoryFollowsUnitsNotFileSizes reads the same number of
// units from drafts of 10 KB and from drafts of 3 MB: the memory in use
// after reading is about the same, for only the figures are kept.
func TestRollupMemoryFollowsUnitsNotFileSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 36 MB of drafts")
	}
	inUse := func(dir string) (uint64, *report.Rollup) {
		ru := &report.Rollup{}
		ReadRollup(ru, RollupInputs([]string{dir}, ""))
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc, ru
	}
	small := rollupFolder(t, 12, 0)
	big := rollupFolder(t, 12, 3<<20)
	var sizes int64
	filepath.Walk(big, func(_ string, info os.FileInfo, _ error) error { sizes += info.Size(); return nil })
	runtime.GC()
	base, _ := inUse(t.TempDir())
	s, ru1 := inUse(small)
	g, ru2 := inUse(big)
	ru1.Finish()
	ru2.Finish()
	if len(ru1.Rows) != 12 || len(ru2.Rows) != 12 {
		t.Fatalf("rows %d, %d", len(ru1.Rows), len(ru2.Rows))
	}
	grew := int64(g) - int64(s)
	t.Logf("heap: empty %d KB, 12 small drafts %d KB, 12 drafts of %d MB in all %d KB", base>>10, s>>10, sizes>>20, g>>10)
	if grew > 1<<20 {
		t.Errorf("the heap grew by %d KB with the drafts' size (%d MB read)", grew>>10, sizes>>20)
	}
}

// unitSample is the sample report of another unit and period, with its
// first two figures.
func unitSample(unit string, p report.Period, v1, v2 string) *report.Report {
	r := report.Sample()
	r.SetUnit(unit)
	r.Header.Place = strings.TrimPrefix(strings.TrimPrefix(unit, "xã "), "phường ")
	r.Period = p
	r.Indicators[0].Value, r.Indicators[1].Value = v1, v2
	return r
}

// readRollupBack reads a roll-up workbook: each sheet's rows, and the raw
// value and type of a cell of the table.
func readRollupBack(t *testing.T, path string) (rows map[string][][]string, cell func(unit, code string) (string, excelize.CellType)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rows = map[string][][]string{}
	for _, s := range []string{SheetRollup, SheetSources, SheetProblems} {
		if rows[s], err = f.GetRows(s); err != nil {
			t.Fatal(err)
		}
	}
	cell = func(unit, code string) (string, excelize.CellType) {
		table := rows[SheetRollup]
		for y, row := range table {
			for x, c := range table[1] {
				if len(row) > 0 && row[0] == unit && c == code {
					name, _ := excelize.CoordinatesToCellName(x+1, y+1)
					v, _ := f.GetCellValue(SheetRollup, name, excelize.Options{RawCellValue: true})
					typ, _ := f.GetCellType(SheetRollup, name)
					return v, typ
				}
			}
		}
		return "", excelize.CellTypeUnset
	}
	return rows, cell
}

// rowOf is the row of a sheet whose first cell is first, joined by " | ".
func rowOf(rows [][]string, first string) string {
	var out []string
	for _, r := range rows {
		if len(r) > 0 && r[0] == first {
			out = append(out, strings.Join(r, " | "))
		}
	}
	return strings.Join(out, "\n")
}

// TestRollupReadsSignedPDFsAndDrafts is issue 17's roll-up end to end,
// below the command line: «cùng kỳ» filled from last year's draft; PDFs
// exported and signed twice, unsigned, and
// changed after signing; drafts, one of last year; a PDF without data;
// an Excel appendix and a workbook that is not one.
// The workbook read back holds every figure as a number in its cell,
// every input among the sources with its signers, and every planted
// problem.
func TestRollupReadsSignedPDFsAndDrafts(t *testing.T) {
	q2 := report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}

	ca, caKey := newCert(t, "Cơ quan chứng thực thử", nil, nil)
	chair := newSigner(t, "Khúc Văn Sinh", ca, caKey)
	seal := newSigner(t, "UBND xã Tân Chi", ca, caKey)
	invisible := func(s signer, reason string) sign.SignData {
		d := s.approve(reason, time.Now(), 1, [4]float64{}, nil)
		d.Appearance.Visible = false
		return d
	}
	// Last year's draft of Tân Chi fills this year's «cùng kỳ», as a new
	// draft's is filled.
	lastYear := write("tan-chi-2025.json", marshal(t, unitSample("xã Tân Chi", q2.LastYear(), "90", "90")))
	tc := unitSample("xã Tân Chi", q2, "95,5", "100")
	for i := range tc.Indicators {
		tc.Indicators[i].LastYear = ""
	}
	last, err := (&report.Store{Dir: dir}).LastYear(tc)
	if err != nil {
		t.Fatal(err)
	}
	if note := report.FillLastYear(tc, last); tc.Indicators[0].LastYear != "90" || tc.Indicators[1].LastYear != "90" || !strings.Contains(note, "tan-chi-2025.json") {
		t.Fatalf("«cùng kỳ» of Tân Chi: %q, %q; said %q", tc.Indicators[0].LastYear, tc.Indicators[1].LastYear, note)
	}
	tanChi := render(t, tc)
	twice := signPDF(t, signPDF(t, tanChi, invisible(chair, "Phê duyệt")), invisible(seal, "Đóng dấu"))
	if got, _, err := ReadPDF(bytes.NewReader(twice), int64(len(twice))); err != nil || got.Indicators[0].LastYear != "90" {
		t.Fatalf("the signed PDF carries %v, %v", got, err)
	}
	signedPath := write("tan-chi.pdf", twice)
	unsignedPath := write("vo-cuong.pdf", render(t, unitSample("phường Võ Cường", q2, "80", "70")))
	// The same unit's draft with other figures: the PDF wins.
	draftOfPDF := write("vo-cuong.json", marshal(t, unitSample("phường Võ Cường", q2, "81", "70")))
	draftPath := write("dong-tien.json", marshal(t, unitSample("xã Đông Tiến", q2, "60", "khoảng một nửa")))
	noData := write("cong-van.pdf", plainPDF(t, nil))
	lacVe := signPDF(t, render(t, unitSample("xã Lạc Vệ", q2, "50", "50")), invisible(chair, "Phê duyệt"))
	altered := write("lac-ve.pdf", replaceAttachment(t, lacVe, marshal(t, unitSample("xã Lạc Vệ", q2, "99", "99"))))

	var appendix bytes.Buffer
	hienVan := unitSample("xã Hiên Vân", q2, "77,25", "88")
	hienVan.Indicators[6].Value = "5"
	if err := WriteXLSX(&appendix, hienVan, Options{}); err != nil {
		t.Fatal(err)
	}
	xlsxPath := write("hien-van.xlsx", appendix.Bytes())
	// Another workbook, not an appendix of baocao.
	other := excelize.NewFile()
	other.SetCellValue("Sheet1", "A1", "Danh sách")
	var otherBytes bytes.Buffer
	if _, err := other.WriteTo(&otherBytes); err != nil {
		t.Fatal(err)
	}
	notAppendix := write("danh-sach.xlsx", otherBytes.Bytes())

	ru := &report.Rollup{}
	ReadRollup(ru, RollupInputs([]string{dir}, ""))
	ru.Finish()
	out := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	if err := WriteRollupFile(out, ru, false); err != nil {
		t.Fatal(err)
	}
	rows, cell := readRollupBack(t, out)

	for _, c := range []struct{ unit, code, want string }{
		{"xã Tân Chi", "NQ57-01", "0.955"},
		{"xã Tân Chi", "NQ57-02", "1"},
		{"phường Võ Cường", "NQ57-01", "0.8"},
		{"xã Đông Tiến", "NQ57-01", "0.6"},
		{"xã Lạc Vệ", "NQ57-01", "0.99"},
		{"xã Hiên Vân", "NQ57-01", "0.7725"},
		{"xã Hiên Vân", "NQ57-02", "0.88"},
		{"xã Hiên Vân", "NQ57-03", "0.95"},
		{"xã Hiên Vân", "NQ57-07", "5"},
	} {
		v, typ := cell(c.unit, c.code)
		if v != c.want || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s %s = %q (type %v), want the number %s", c.unit, c.code, v, typ, c.want)
		}
	}
	if v, _ := cell("xã Đông Tiến", "NQ57-02"); v != "" {
		t.Errorf("«khoảng một nửa» is in the table as %q", v)
	}

	sources := rows[SheetSources]
	if got := rowOf(sources, signedPath); !strings.Contains(got, "| Có | Khúc Văn Sinh; UBND xã Tân Chi |") || !strings.Contains(got, "Đã tổng hợp") {
		t.Errorf("the PDF signed twice is listed as %q", got)
	}
	if got := rowOf(sources, unsignedPath); !strings.Contains(got, "| Không |") {
		t.Errorf("the unsigned PDF is listed as %q", got)
	}
	if got := rowOf(sources, xlsxPath); !strings.Contains(got, "| Phụ lục Excel (.xlsx) | xã Hiên Vân |") || !strings.Contains(got, "Đã tổng hợp") {
		t.Errorf("the Excel appendix is listed as %q", got)
	}
	for _, p := range []string{signedPath, unsignedPath, draftOfPDF, draftPath, lastYear, noData, altered, xlsxPath, notAppendix} {
		if strings.Count(rowOf(sources, p), "\n") != 0 || rowOf(sources, p) == "" {
			t.Errorf("%s is not listed once among the sources", filepath.Base(p))
		}
	}
	if len(sources) != 1+9 {
		t.Errorf("%d sources listed, want 9:\n%q", len(sources)-1, sources)
	}

	problems := rows[SheetProblems]
	for path, want := range map[string]string{
		draftOfPDF:  "khác số liệu: NQ57-01: 80 / 81",
		draftPath:   "ghi «khoảng một nửa», không phải là một con số",
		lastYear:    "quý II năm 2025",
		noData:      "không mang số liệu của baocao",
		altered:     "sau lần ký cuối",
		notAppendix: "không do baocao xuất ra",
	} {
		if got := rowOf(problems, path); !strings.Contains(got, want) {
			t.Errorf("problems of %s lack %q: %q", filepath.Base(path), want, got)
		}
	}
	if got := rowOf(problems, signedPath) + rowOf(problems, unsignedPath); strings.Contains(got, "Lỗi") {
		t.Errorf("the good PDFs have problems: %q", got)
	}
}

// BenchmarkRollup100SignedPDFs rolls up 100 PDFs of different units, each
// signed twice, as «baocao tonghop» does.
func BenchmarkRollup100SignedPDFs(b *testing.B) {
	dir := b.TempDir()
	ca, caKey := newCert(b, "Cơ quan chứng thực thử", nil, nil)
	chair := newSigner(b, "Khúc Văn Sinh", ca, caKey)
	seal := newSigner(b, "UBND xã", ca, caKey)
	invisible := func(s signer) sign.SignData {
		d := s.approve("Phê duyệt", time.Now(), 1, [4]float64{}, nil)
		d.Appearance.Visible = false
		return d
	}
	q2 := report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	for i := range 100 {
		pdf := render(b, unitSample(fmt.Sprintf("xã Số %d", i), q2, fmt.Sprint(i), "100"))
		pdf = signPDF(b, signPDF(b, pdf, invisible(chair)), invisible(seal))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("x%d.pdf", i)), pdf, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		ru := &report.Rollup{}
		ReadRollup(ru, RollupInputs([]string{dir}, ""))
		ru.Finish()
		if len(ru.Rows) != 100 || !ru.Sources[0].Signed {
			b.Fatalf("%d rows, %+v", len(ru.Rows), ru.Sources[0])
		}
		if err := WriteRollup(io.Discard, ru); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRollupOpensInLibreOffice converts a roll-up's table to CSV with
// LibreOffice: the units, the codes and the figures come out as written,
// percents shown as percents.
func TestRollupOpensInLibreOffice(t *testing.T) {
	bin := tool(t, "soffice")
	q2 := report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	ru := &report.Rollup{}
	a := unitSample("xã Tân Chi", q2, "95,5", "100")
	a.Indicators[6].Value = "1.250"
	ru.Add(report.Source{Path: "a.json", Format: report.FromDraft}, a)
	ru.Add(report.Source{Path: "b.json", Format: report.FromDraft}, unitSample("phường Võ Cường", q2, "80", ""))
	ru.Finish()
	dir := t.TempDir()
	path := filepath.Join(dir, "tong-hop.xlsx")
	if err := WriteRollupFile(path, ru, false); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1`, "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "tong-hop.csv"))
	if err != nil {
		t.Fatalf("LibreOffice made no CSV: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want a title, three header rows and two units:\n%s", len(lines), csv)
	}
	for i, want := range []string{
		"Mã chỉ tiêu,NQ57-01,NQ57-02,NQ57-03,",
		"Chỉ tiêu,Tỷ lệ cán bộ, công chức",
		"Đơn vị tính,%,%,%,%,%,%,tổ,người,người",
		"phường Võ Cường,80%,,95%,",
		"xã Tân Chi,95.5%,100%,95%,",
	} {
		if got := lines[i+1]; !strings.HasPrefix(strings.ReplaceAll(got, `"`, ""), want) {
			t.Errorf("line %d = %q, want it to start %q", i+2, got, want)
		}
	}
	if !strings.Contains(lines[5], ",1250,") {
		t.Errorf("the count 1.250 is not the number 1250: %q", lines[5])
	}
}

// TestRollupTablePrintsReadably: the names of the indicators have rows
// enough to wrap in, the title is not squeezed into the first column, and
// the table prints landscape with its headings on every page.
func TestRollupTablePrintsReadably(t *testing.T) {
	ru := &report.Rollup{}
	ReadRollup(ru, RollupInputs([]string{rollupFolder(t, 2, 0)}, ""))
	ru.Finish()
	var b bytes.Buffer
	if err := WriteRollup(&b, ru); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if h, _ := f.GetRowHeight(SheetRollup, 3); h < 60 {
		t.Errorf("the names' row is %v pt high", h)
	}
	if id, _ := f.GetCellStyle(SheetRollup, "A1"); id != 0 {
		if st, _ := f.GetStyle(id); st.Alignment != nil && st.Alignment.WrapText {
			t.Error("the title wraps inside the first column")
		}
	}
	if pl, err := f.GetPageLayout(SheetRollup); err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("page layout %+v, %v", pl, err)
	}
	if names, _ := f.GetDefinedName(), 0; !strings.Contains(fmt.Sprint(names), "$2:$4") {
		t.Errorf("no print titles: %v", names)
	}
}
