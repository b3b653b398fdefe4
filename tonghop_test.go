package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/export"
	"baocao/report"
)

// rollupDraft saves a draft of unit for period with the first indicators'
// values, and returns its path.
func rollupDraft(t *testing.T, dir, unit string, p report.Period, values ...string) string {
	t.Helper()
	return saveRollupDraft(t, dir, report.NewReport(report.BuiltinKind(report.DefaultKindID), p), unit, values...)
}

func saveRollupDraft(t *testing.T, dir string, r *report.Report, unit string, values ...string) string {
	t.Helper()
	r.SetUnit(unit)
	r.Header.Place = strings.TrimPrefix(strings.TrimPrefix(unit, "xã "), "phường ")
	for i, v := range values {
		r.Indicators[i].Value = v
	}
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// workbook is a roll-up read back: each sheet's rows as text, and the
// file to ask about cells.
type workbook struct {
	f    *excelize.File
	rows map[string][][]string
}

func readWorkbook(t *testing.T, path string) *workbook {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { f.Close() })
	wb := &workbook{f: f, rows: map[string][][]string{}}
	for _, s := range []string{export.SheetRollup, export.SheetSources, export.SheetProblems} {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatalf("sheet %s: %v", s, err)
		}
		wb.rows[s] = rows
	}
	return wb
}

// number returns the number stored in a cell of the roll-up's table, at
// the row of unit and the column of code, failing when it is text.
func (wb *workbook) number(t *testing.T, unit, code string) (float64, bool) {
	t.Helper()
	rows := wb.rows[export.SheetRollup]
	col := -1
	for i, c := range rows[1] {
		if c == code {
			col = i
		}
	}
	for y, row := range rows {
		if len(row) == 0 || row[0] != unit || col < 0 {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(col+1, y+1)
		typ, err := wb.f.GetCellType(export.SheetRollup, cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := wb.f.GetCellValue(export.SheetRollup, cell, excelize.Options{RawCellValue: true})
		if err != nil || raw == "" {
			return 0, false
		}
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s %s (%s) is text %q, not a number", unit, code, cell, raw)
		}
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Errorf("%s %s (%s) = %q", unit, code, cell, raw)
		}
		return v, true
	}
	t.Errorf("no cell for %s %s in %q", unit, code, rows)
	return 0, false
}

// sheetText is a sheet's cells, a row a line, cells split by " | ".
func (wb *workbook) sheetText(sheet string) string {
	var b strings.Builder
	for _, row := range wb.rows[sheet] {
		b.WriteString(strings.Join(row, " | ") + "\n")
	}
	return b.String()
}

// rowsWith returns the rows of a sheet whose first cell is s, as lines.
func (wb *workbook) rowsWith(sheet, s string) []string {
	var out []string
	for _, row := range wb.rows[sheet] {
		if len(row) > 0 && row[0] == s {
			out = append(out, strings.Join(row, " | "))
		}
	}
	return out
}

func TestTonghopRollsUpDraftsAndListsEveryProblem(t *testing.T) {
	q2 := report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	dir := t.TempDir()
	tanChi := rollupDraft(t, dir, "xã Tân Chi", q2, "95,5", "100", "", "", "", "", "12")
	voCuong := rollupDraft(t, dir, "phường Võ Cường", q2, "80", "khoảng chín mươi")
	dongTien := rollupDraft(t, dir, "xã Đông Tiến", q2, "70", "60")
	lastYear := rollupDraft(t, dir, "xã Tân Chi", q2.LastYear(), "90")

	// Planted: the same unit twice with the same figures, and again with
	// others; a code no template knows; a draft of another kind; a
	// corrupt draft; a file of no format read.
	other := t.TempDir()
	same := filepath.Join(other, "tan-chi-ban-sao.json")
	data, _ := os.ReadFile(tanChi)
	os.WriteFile(same, data, 0o644)
	differs := rollupDraft(t, other, "xã Đông Tiến", q2, "75", "60")
	r := report.NewReport(report.BuiltinKind(report.DefaultKindID), q2)
	r.Indicators = append(r.Indicators, report.Indicator{Code: "XYZ-99", Name: "Chỉ tiêu lạ", Kind: report.Count, Unit: "cái", Value: "7"})
	unknown := saveRollupDraft(t, other, r, "xã Lạc Vệ", "50")
	k, err := report.ParseKind("cchc.yaml", bytes.Replace(bytes.Replace(report.BuiltinKind("nq57").Text, []byte("id: nq57"), []byte("id: cchc"), 1), []byte("\nname: "), []byte("\nname: Cải cách hành chính, "), 1))
	if err != nil {
		t.Fatal(err)
	}
	k.Source = "cchc.yaml"
	otherKind := saveRollupDraft(t, other, report.NewReport(k, q2), "xã Hiên Vân", "10")
	corrupt := filepath.Join(other, "hong.json")
	os.WriteFile(corrupt, []byte(`{"version": 1, "header": {`), 0o644)
	text := filepath.Join(other, "ghi-chu.txt")
	os.WriteFile(text, []byte("không phải báo cáo"), 0o644)

	// A PDF exported by baocao, read back from its attachment.
	hoanSon := report.Sample()
	hoanSon.SetUnit("xã Hoàn Sơn")
	hoanSon.Header.Place = "Hoàn Sơn"
	hoanSon.Period = q2
	hoanSon.Header.Date = report.Date{Day: 5, Month: 7, Year: 2026}
	hoanSon.Indicators[0].Value = "66,6"
	hoanSonDraft := filepath.Join(t.TempDir(), "hoan-son.json")
	if err := report.Save(hoanSonDraft, hoanSon); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(other, "hoan-son.pdf")
	if code, _, stderr := cli(t, "export", hoanSonDraft, "-o", pdf); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	// Its Excel appendix too: the same unit with the same figures.
	appendix := filepath.Join(other, "hoan-son.xlsx")
	if code, _, stderr := cli(t, "export", hoanSonDraft, "-o", appendix); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}

	out := filepath.Join(t.TempDir(), "tonghop.xlsx")
	code, stdout, stderr := cli(t, "tonghop", dir, same, differs, unknown, otherKind, corrupt, text, pdf, appendix, "-o", out)
	if code != 0 || strings.TrimSpace(stdout) != out {
		t.Fatalf("tonghop: %d %q %q", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "Đã tổng hợp 5 đơn vị") || !strings.Contains(stderr, "quý II năm 2026") {
		t.Errorf("summary: %q", stderr)
	}
	wb := readWorkbook(t, out)

	table := wb.sheetText(export.SheetRollup)
	for _, want := range []string{"NQ57-01", "Tỷ lệ cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành", "%", "NQ57-07", "tổ"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table's header lacks %q:\n%s", want, table)
		}
	}
	for _, c := range []struct {
		unit, code string
		want       float64
	}{
		{"xã Tân Chi", "NQ57-01", 0.955},
		{"xã Tân Chi", "NQ57-02", 1},
		{"xã Tân Chi", "NQ57-07", 12},
		{"phường Võ Cường", "NQ57-01", 0.8},
		{"xã Đông Tiến", "NQ57-01", 0.7},
		{"xã Đông Tiến", "NQ57-02", 0.6},
		{"xã Lạc Vệ", "NQ57-01", 0.5},
		{"xã Hoàn Sơn", "NQ57-01", 0.666},
		{"xã Hoàn Sơn", "NQ57-02", 1},
	} {
		if got, ok := wb.number(t, c.unit, c.code); !ok || got != c.want {
			t.Errorf("%s %s = %v (%v), want %v", c.unit, c.code, got, ok, c.want)
		}
	}
	if _, ok := wb.number(t, "phường Võ Cường", "NQ57-02"); ok {
		t.Error("a value that is not a number has a cell")
	}
	if n := len(wb.rowsWith(export.SheetRollup, "xã Tân Chi")); n != 1 {
		t.Errorf("Tân Chi has %d rows", n)
	}
	if strings.Contains(table, "Hiên Vân") {
		t.Error("the draft of another kind is in the table")
	}

	// Every input is on the sheet of sources.
	for _, p := range []string{tanChi, voCuong, dongTien, lastYear, same, differs, unknown, otherKind, corrupt, text, pdf, appendix} {
		if len(wb.rowsWith(export.SheetSources, p)) != 1 {
			t.Errorf("%s is not listed once among the sources:\n%s", p, wb.sheetText(export.SheetSources))
		}
	}
	if got := wb.rowsWith(export.SheetSources, pdf); len(got) != 1 || !strings.Contains(got[0], "| PDF | xã Hoàn Sơn |") || !strings.Contains(got[0], "| Không |") {
		t.Errorf("the unsigned PDF is listed as %q", got)
	}
	if got := wb.rowsWith(export.SheetSources, lastYear); len(got) == 1 && !strings.Contains(got[0], "Quý II/2025") {
		t.Errorf("last year's draft: %s", got[0])
	}

	// Every planted problem is on the problems sheet, at its file.
	for path, want := range map[string]string{
		lastYear:  "quý II năm 2025, không phải kỳ đang tổng hợp",
		same:      "cùng số liệu",
		differs:   "khác số liệu: NQ57-01: 70 / 75",
		voCuong:   "ghi «khoảng chín mươi», không phải là một con số",
		unknown:   "Mã chỉ tiêu «XYZ-99»",
		otherKind: "Báo cáo loại «Cải cách hành chính, ",
		corrupt:   "cắt cụt",
		text:      "không phải bản nháp (.json), tệp PDF hay phụ lục Excel (.xlsx)",
		appendix:  "hai báo cáo cùng số liệu (tệp này và " + pdf + " (PDF))",
	} {
		rows := wb.rowsWith(export.SheetProblems, path)
		if !strings.Contains(strings.Join(rows, "\n"), want) {
			t.Errorf("problems of %s lack %q: %q", filepath.Base(path), want, rows)
		}
	}
	if got := wb.rowsWith(export.SheetProblems, tanChi); len(got) != 0 {
		t.Errorf("the good draft has problems: %q", got)
	}
}

func TestTonghopRefusesToOverwriteAndAsksForXlsx(t *testing.T) {
	dir := t.TempDir()
	rollupDraft(t, dir, "xã Tân Chi", report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}, "90")
	out := filepath.Join(t.TempDir(), "th.xlsx")
	os.WriteFile(out, []byte("cũ"), 0o644)
	code, _, stderr := cli(t, "tonghop", dir, "-o", out)
	if code != 1 || !strings.Contains(stderr, "tệp đã tồn tại") || !strings.Contains(stderr, "--force") {
		t.Errorf("existing file: %d %q", code, stderr)
	}
	if data, _ := os.ReadFile(out); string(data) != "cũ" {
		t.Error("the existing file was overwritten")
	}
	if code, _, stderr := cli(t, "tonghop", dir, "-o", out, "--force"); code != 0 {
		t.Errorf("--force: %d %q", code, stderr)
	}
	if code, _, stderr := cli(t, "tonghop", dir, "-o", filepath.Join(t.TempDir(), "th.csv")); code != 2 || !strings.Contains(stderr, "đuôi .xlsx") {
		t.Errorf("-o th.csv: %d %q", code, stderr)
	}
	if code, _, stderr := cli(t, "tonghop", dir, "--period", "2026-Q5"); code != 2 || !strings.Contains(stderr, "2026-Q2") {
		t.Errorf("--period 2026-Q5: %d %q", code, stderr)
	}
	// -o a folder: the default name, in it; the folder's own roll-up is
	// not read back as an input.
	folder := t.TempDir()
	if code, stdout, stderr := cli(t, "tonghop", dir, "-o", folder); code != 0 || filepath.Base(strings.TrimSpace(stdout)) != "tong-hop-nq57-2026-q2.xlsx" {
		t.Errorf("-o folder: %d %q %q", code, stdout, stderr)
	}
	if code, stdout, stderr := cli(t, "tonghop", dir, "-o", dir); code != 0 || !strings.Contains(stderr, "từ 1 tệp") {
		t.Errorf("-o the drafts folder: %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := cli(t, "tonghop", dir, "-o", dir, "--force"); code != 0 || !strings.Contains(stderr, "từ 1 tệp") {
		t.Errorf("again into the drafts folder: %d %q", code, stderr)
	}
}
