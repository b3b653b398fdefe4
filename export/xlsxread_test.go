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

	"github.com/xuri/excelize/v2"

	"baocao/report"
)

// xlsxOf is r's workbook.
func xlsxOf(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readBack(t *testing.T, data []byte) *report.Report {
	t.Helper()
	r, err := ReadXLSX(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("ReadXLSX: %v", err)
	}
	return r
}

// figuresRead are the indicators of [figures] as read back: the rows of
// the appendix, values written as typed but for thousands' dots.
func figuresRead() []report.Indicator {
	r := figures()
	in := func(i int, value, lastYear string) report.Indicator {
		x := r.Indicators[i]
		x.Value, x.LastYear = value, lastYear
		return x
	}
	return []report.Indicator{
		in(0, "100", "92,5"),
		in(1, "100", ""),
		in(2, "trên 95", ""),
		in(3, "98,5", "dưới 90"),
		in(6, "12", "10"),
		in(7, "chưa thống kê", ""),
		in(8, "1250", "980"),
	}
}

// TestReadXLSX reads back what WriteXLSX wrote: the unit, the kind, the
// period, the number and date, and every indicator with its code, name,
// unit, kind, values and note.
func TestReadXLSX(t *testing.T) {
	t.Parallel()
	got := readBack(t, xlsxOf(t, figures()))
	if got.KindID != "nq57" || got.Period != (report.Period{Kind: report.Quarter, Quarter: 1, Year: 2026}) {
		t.Errorf("kind %q period %+v", got.KindID, got.Period)
	}
	want := report.Header{
		Agency: []string{"ỦY BAN NHÂN DÂN", "XÃ DƯƠNG HƯU"}, ShortName: "UBND xã Dương Hưu",
		Number: "15", Symbol: "BC-UBND", Date: report.Date{Day: 20, Month: 3, Year: 2026},
	}
	if !reflect.DeepEqual(got.Header, want) {
		t.Errorf("header %+v\nwant   %+v", got.Header, want)
	}
	if !reflect.DeepEqual(got.Indicators, figuresRead()) {
		t.Errorf("indicators\n%+v\nwant\n%+v", got.Indicators, figuresRead())
	}
	// A date and number left blank come back blank.
	got = readBack(t, xlsxOf(t, report.Sample()))
	if got.Header.Number != "" || got.Header.Date != (report.Date{Month: 3, Year: 2026}) {
		t.Errorf("blank number and day: %+v", got.Header)
	}
}

// TestReadXLSXEdited: a figure corrected in the workbook (as the
// Department would in Excel) is the one read, and so is a value typed as
// text; a row emptied is left out.
func TestReadXLSXEdited(t *testing.T) {
	t.Parallel()
	f, err := excelize.OpenReader(bytes.NewReader(xlsxOf(t, figures())))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetCellFloat(xlsxSheet, "E14", 13, -1, 64)    // the count
	f.SetCellFloat(xlsxSheet, "E13", 0.991, -1, 64) // 99,1% in a 0.0% cell
	f.SetCellStr(xlsxSheet, "F14", "khoảng 10")
	for _, col := range []string{"A", "B", "C", "D", "E", "F", "G"} {
		f.SetCellValue(xlsxSheet, col+"11", nil)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	got := readBack(t, buf.Bytes())
	want := figuresRead()
	want[3].Value = "99,1"
	want[4].Value, want[4].LastYear = "13", "khoảng 10"
	want = append(want[:1], want[2:]...)
	for i := range want {
		want[i].Kind = got.Indicators[i].Kind // the kinds' list no longer matches the rows
	}
	if !reflect.DeepEqual(got.Indicators, want) {
		t.Errorf("indicators\n%+v\nwant\n%+v", got.Indicators, want)
	}
	// Without the list, a percent cell still says percent.
	if got.Indicators[0].Kind != report.Percent || got.Indicators[3].Kind != report.Amount {
		t.Errorf("kinds read from the formats: %q %q", got.Indicators[0].Kind, got.Indicators[3].Kind)
	}
}

// TestReadXLSXSavedByLibreOffice: the workbook saved again by LibreOffice
// reads back the same.
func TestReadXLSXSavedByLibreOffice(t *testing.T) {
	t.Parallel()
	bin := tool(t, "soffice")
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "phu-luc.xlsx")
	os.Mkdir(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, xlsxOf(t, figures()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "xlsx", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "phu-luc.xlsx"))
	if err != nil {
		t.Fatalf("LibreOffice saved nothing: %v", err)
	}
	if bytes.Equal(data, xlsxOf(t, figures())) {
		t.Fatal("LibreOffice did not save the workbook again")
	}
	got := readBack(t, data)
	if got.KindID != "nq57" || got.Header.ShortName != "UBND xã Dương Hưu" || got.Period.Year != 2026 {
		t.Errorf("facts %q %+v %+v", got.KindID, got.Header, got.Period)
	}
	if !reflect.DeepEqual(got.Indicators, figuresRead()) {
		t.Errorf("indicators\n%+v\nwant\n%+v", got.Indicators, figuresRead())
	}
}

// TestReadXLSXNotBaocao: a workbook baocao did not write, a Word file, a
// file that is no workbook, and an empty one are refused in Vietnamese
// with ErrNotBaocaoXLSX; a workbook from a newer baocao says so.
func TestReadXLSXNotBaocao(t *testing.T) {
	t.Parallel()
	other := excelize.NewFile()
	other.SetCellStr("Sheet1", "A1", "Mã chỉ tiêu")
	otherBuf, err := other.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	var docx bytes.Buffer
	if err := WriteDocx(&docx, report.Sample(), Options{}); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"another workbook": otherBuf.Bytes(),
		"a Word file":      docx.Bytes(),
		"text":             []byte("STT,Mã chỉ tiêu\n1,NQ57-01\n"),
		"empty":            nil,
	} {
		r, err := ReadXLSX(bytes.NewReader(data), int64(len(data)))
		if r != nil || !errors.Is(err, ErrNotBaocaoXLSX) {
			t.Errorf("%s: %v, %v", name, r, err)
			continue
		}
		for _, english := range []string{"zip", "file", "not ", "invalid", "EOF"} {
			if strings.Contains(err.Error(), english) {
				t.Errorf("%s: in English: %v", name, err)
			}
		}
	}

	f, err := excelize.OpenReader(bytes.NewReader(xlsxOf(t, figures())))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetCustomProps(excelize.CustomProperty{Name: propFormat, Value: int32(2)})
	buf, _ := f.WriteToBuffer()
	if _, err := ReadXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err == nil || errors.Is(err, ErrNotBaocaoXLSX) || !strings.Contains(err.Error(), "phiên bản baocao mới hơn") {
		t.Errorf("a newer layout: %v", err)
	}
}

// TestNumberText: a number and its cell's format give the value as typed.
func TestNumberText(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		n       float64
		code    string
		want    string
		percent bool
	}{
		{0.985, "0.0%", "98,5", true},
		{0.1 + 0.2, "0%", "30", true},
		{1, "0.00%", "100,00", true},
		{0.95, `"trên "0%`, "trên 95", true},
		{1250, "#,##0", "1250", false},
		{12.5, "#,##0", "12,5", false}, // more decimals than shown: kept
		{3, "0.0;[Red]-0.0", "3,0", false},
		{7, "", "7", false},
		{0.5, `0.0"%"`, "0,5", false}, // a quoted % is text, no percent
	} {
		got, percent := numberText(tt.n, tt.code)
		if got != tt.want || percent != tt.percent {
			t.Errorf("%v %q: %q %v, want %q %v", tt.n, tt.code, got, percent, tt.want, tt.percent)
		}
	}
}
