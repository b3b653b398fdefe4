package export

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/report"
)

// figures is the example with figures of every kind: percents with
// decimals and a qualifier, counts with thousands, last year's values, a
// value that is no number, a note; numbered and dated.
func figures() *report.Report {
	r := report.Sample()
	r.Header.Number = "15"
	r.Header.Date = report.Date{Day: 20, Month: 3, Year: 2026}
	r.Indicators[0].LastYear = "92,5"
	r.Indicators[3].Value = "98,5"
	r.Indicators[3].LastYear = "dưới 90"
	r.Indicators[6].Value = "12"
	r.Indicators[6].LastYear = "10"
	r.Indicators[8].Value = "1.250"
	r.Indicators[8].LastYear = "980"
	r.Indicators[8].Note = "Cả 8 thôn"
	r.Indicators[7].Value = "chưa thống kê"
	return r
}

// openXLSX writes r and opens the workbook with excelize.
func openXLSX(t *testing.T, r *report.Report, opt Options) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellOf is a cell's type, raw value and number format.
type cellOf struct {
	typ    excelize.CellType
	raw    string
	numFmt string
}

func readCell(t *testing.T, f *excelize.File, cell string) cellOf {
	t.Helper()
	var c cellOf
	var err error
	if c.typ, err = f.GetCellType(xlsxSheet, cell); err != nil {
		t.Fatal(err)
	}
	if c.raw, err = f.GetCellValue(xlsxSheet, cell, excelize.Options{RawCellValue: true}); err != nil {
		t.Fatal(err)
	}
	idx, err := f.GetCellStyle(xlsxSheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(idx)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		c.numFmt = *st.CustomNumFmt
	}
	return c
}

// TestXLSXCells reads the workbook's cells with excelize: one sheet named
// in Vietnamese; the header block naming the unit, the kind, the period,
// the number and the date (a date cell); the appendix's columns with the
// codes; percents stored as fractions with a percent format, the
// qualifier in the format; counts as whole numbers; text left text.
func TestXLSXCells(t *testing.T) {
	t.Parallel()
	f := openXLSX(t, figures(), Options{})
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Phụ lục chỉ tiêu"}) {
		t.Errorf("sheets %q", got)
	}
	text := map[string]string{
		"A1": "MỘT SỐ CHỈ TIÊU VỀ KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUÝ I NĂM 2026",
		"A3": "Đơn vị:", "C3": "UBND xã Dương Hưu",
		"A4": "Loại báo cáo:", "C4": "Báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW (khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số)",
		"A5": "Kỳ báo cáo:", "C5": "Quý I/2026",
		"A6": "Số báo cáo:", "C6": "15/BC-UBND",
		"A7": "Ngày báo cáo:",
		"A9": "STT", "B9": "Mã chỉ tiêu", "C9": "Chỉ tiêu", "D9": "Đơn vị tính", "E9": "Quý I/2026", "F9": "Cùng kỳ năm trước", "G9": "Ghi chú",
		"B10": "NQ57-01", "C10": "Tỷ lệ cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành", "D10": "%",
		"B14": "NQ57-07", "D14": "tổ",
		"B16": "NQ57-09", "G16": "Cả 8 thôn",
		"E15": "chưa thống kê",
	}
	for cell, want := range text {
		if c := readCell(t, f, cell); c.typ != excelize.CellTypeSharedString || c.raw != want {
			t.Errorf("%s: %v %q, want the text %q", cell, c.typ, c.raw, want)
		}
	}
	// The heading row holds its headings wrapped on two lines: LibreOffice
	// drew «Cùng kỳ / năm trước» cut by a row of one line.
	if h, err := f.GetRowHeight("Phụ lục chỉ tiêu", 9); err != nil || h < 28 {
		t.Errorf("heading row height %v pt (%v), want two lines", h, err)
	}
	numbers := []struct {
		cell, raw, numFmt string
	}{
		{"C7", "46101", "dd/mm/yyyy"}, // 20/3/2026
		{"A10", "1", "0"},
		{"E10", "1", "0%"},
		{"F10", "0.925", "0.0%"},
		{"E12", "0.95", `"trên "0%`},
		{"E13", "0.985", "0.0%"},
		{"F13", "0.9", `"dưới "0%`},
		{"E14", "12", "#,##0"},
		{"F14", "10", "#,##0"},
		{"E16", "1250", "#,##0"},
		{"F16", "980", "#,##0"},
	}
	for _, n := range numbers {
		c := readCell(t, f, n.cell)
		if c.typ != excelize.CellTypeUnset && c.typ != excelize.CellTypeNumber || c.raw != n.raw || c.numFmt != n.numFmt {
			t.Errorf("%s: %v %q format %q, want the number %s with format %q", n.cell, c.typ, c.raw, c.numFmt, n.raw, n.numFmt)
		}
	}
	// What is not reported stays empty; nothing stands under the table.
	for _, cell := range []string{"F12", "G10", "A17", "B17"} {
		if c := readCell(t, f, cell); c.raw != "" {
			t.Errorf("%s holds %q", cell, c.raw)
		}
	}
	// The displayed values, as Excel shows them.
	for cell, want := range map[string]string{"E12": "trên 95%", "E13": "98.5%", "F13": "dưới 90%", "C7": "20/03/2026"} {
		if got, _ := f.GetCellValue(xlsxSheet, cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
}

// TestXLSXBlankNumberAndDate: a number or a day left blank for the clerk
// leaves its cell blank.
func TestXLSXBlankNumberAndDate(t *testing.T) {
	t.Parallel()
	f := openXLSX(t, report.Sample(), Options{}) // no number, no day
	for _, cell := range []string{"C6", "C7"} {
		if c := readCell(t, f, cell); c.raw != "" {
			t.Errorf("%s holds %q, want it blank", cell, c.raw)
		}
	}
	if c := readCell(t, f, "A6"); c.raw != "Số báo cáo:" {
		t.Errorf("A6 %q", c.raw)
	}
}

// TestXLSXWithoutFigures: a report with no figures has no table, and says
// so.
func TestXLSXWithoutFigures(t *testing.T) {
	t.Parallel()
	r := report.Sample()
	for i := range r.Indicators {
		r.Indicators[i].Value = ""
	}
	f := openXLSX(t, r, Options{})
	if c := readCell(t, f, "A9"); c.raw != "Báo cáo chưa có số liệu chỉ tiêu nào." {
		t.Errorf("A9 %q", c.raw)
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(got.Indicators) != 0 || got.Header.ShortName != "UBND xã Dương Hưu" {
		t.Errorf("read back: %v %+v", err, got)
	}
}

// TestXLSXSameBytes: the same report and options give the same bytes; the
// date given in the options is the workbook's.
func TestXLSXSameBytes(t *testing.T) {
	t.Parallel()
	write := func(opt Options) []byte {
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, figures(), opt); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := write(Options{}), write(Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two exports of the same report differ")
	}
	date := time.Date(2026, 4, 2, 8, 30, 0, 0, time.UTC)
	f, err := excelize.OpenReader(bytes.NewReader(write(Options{Date: date})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != "2026-04-02T08:30:00Z" || p.Modified != p.Created || p.Creator != "ỦY BAN NHÂN DÂN XÃ DƯƠNG HƯU" || p.Language != "vi-VN" {
		t.Errorf("properties %+v", p)
	}
}

// TestWriteXLSXFile writes atomically: an existing file is kept unless
// forced, and no temporary file is left.
func TestWriteXLSXFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, XLSXFileName(report.Sample()))
	if filepath.Base(path) != "BC-NQ57-quy-I-2026-Duong-Huu.xlsx" {
		t.Errorf("name %q", path)
	}
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteXLSXFile(path, figures(), Options{}, false)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "xuất Excel ra") {
		t.Errorf("over an existing file: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Error("the file was replaced")
	}
	if err := WriteXLSXFile(path, figures(), Options{}, true); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !bytes.HasPrefix(data, []byte("PK")) {
		t.Error("not replaced with a workbook")
	}
	if des, _ := os.ReadDir(dir); len(des) != 1 {
		t.Errorf("left behind: %v", des)
	}
	err = WriteXLSXFile(filepath.Join(dir, "khongco", "x.xlsx"), figures(), Options{}, false)
	var fe *FolderError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "không ghi được tệp Excel") {
		t.Errorf("into a missing folder: %v", err)
	}
}

// TestXLSXHostile: whatever the report holds, the workbook is written
// and reads back (but for a report of no valid period, which says so).
func TestXLSXHostile(t *testing.T) {
	t.Parallel()
	for _, h := range hostile {
		r := figures()
		h.edit(r)
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, r, Options{}); err != nil {
			t.Errorf("%s: %v", h.name, err)
			continue
		}
		_, err := ReadXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		switch {
		case r.Period.Valid() && err != nil:
			t.Errorf("%s: read back: %v", h.name, err)
		case !r.Period.Valid() && (err == nil || !strings.Contains(err.Error(), "kỳ báo cáo")):
			t.Errorf("%s: a workbook of no period read back: %v", h.name, err)
		}
	}
}

// TestXLSXInLibreOffice converts the workbook to CSV with LibreOffice:
// it opens, and shows what the PDF's appendix says, with the codes, the
// header block, and the percents and the qualifier as formatted.
func TestXLSXInLibreOffice(t *testing.T) {
	t.Parallel()
	bin := tool(t, "soffice")
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, figures(), Options{}); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "phu-luc.xlsx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// 44,34,76: comma-separated, quoted with ", UTF-8.
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "LANG=C.UTF-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "phu-luc.csv"))
	if err != nil {
		t.Fatalf("LibreOffice made no CSV (is libreoffice-calc installed?): %v", err)
	}
	want := `"MỘT SỐ CHỈ TIÊU VỀ KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUÝ I NĂM 2026",,,,,,
,,,,,,
Đơn vị:,,UBND xã Dương Hưu,,,,
Loại báo cáo:,,"Báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW (khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số)",,,,
Kỳ báo cáo:,,Quý I/2026,,,,
Số báo cáo:,,15/BC-UBND,,,,
Ngày báo cáo:,,20/03/2026,,,,
,,,,,,
STT,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Quý I/2026,Cùng kỳ năm trước,Ghi chú
1,NQ57-01,"Tỷ lệ cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành",%,100%,92.5%,
2,NQ57-02,Tỷ lệ văn bản trao đổi dưới dạng điện tử,%,100%,,
3,NQ57-03,Tỷ lệ văn bản điện tử được ký số,%,trên 95%,,
4,NQ57-04,Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến,%,98.5%,dưới 90%,
5,NQ57-07,Số Tổ công nghệ số cộng đồng,tổ,12,10,
6,NQ57-08,Số thành viên Tổ công nghệ số cộng đồng,người,chưa thống kê,,
7,NQ57-09,Số người dân được hướng dẫn kỹ năng số cơ bản,người,"1,250",980,Cả 8 thôn
`
	if got := strings.ReplaceAll(string(data), "\r\n", "\n"); got != want {
		t.Errorf("LibreOffice's CSV:\n%s\nwant:\n%s", got, want)
	}
}
