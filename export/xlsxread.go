package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"baocao/report"
)

// ErrNotBaocaoXLSX is what the error of [ReadXLSX] is (errors.Is) when
// the file is not an Excel appendix exported by baocao: another
// workbook, or no workbook at all.
var ErrNotBaocaoXLSX = errors.New("tệp không phải bảng chỉ tiêu Excel do baocao xuất ra")

// notBaocao is an error that is [ErrNotBaocaoXLSX], in its own words.
type notBaocao struct{ msg string }

func (e *notBaocao) Error() string        { return e.msg }
func (e *notBaocao) Is(target error) bool { return target == ErrNotBaocaoXLSX }

// maxXLSX is the largest file [ReadXLSX] reads: an appendix is a few
// kilobytes; anything near this is not one.
const maxXLSX = 64 << 20

// ReadXLSX reads back an Excel appendix written by [WriteXLSX] (or that
// file saved again by Excel or LibreOffice): the unit (the header's
// short name and agency), the kind's id, the period, the report's number,
// symbol and date, and the indicators of the table — code, name, unit,
// kind, value, last year's value and note — with values written as an
// official types them («98,5», «trên 95», «1200»). The report has no
// sections: it carries figures only.
//
// The facts come from the workbook's custom properties; the table is
// read from its cells, so that a figure corrected in Excel is the one
// read. A file that is not such a workbook gives an error that is
// [ErrNotBaocaoXLSX].
func ReadXLSX(r io.ReaderAt, size int64) (rep *report.Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			rep, err = nil, fmt.Errorf("đọc bảng chỉ tiêu Excel: lỗi nội bộ: %v", p)
		}
	}()
	if size < 0 || size > maxXLSX {
		return nil, &notBaocao{fmt.Sprintf("tệp quá lớn (%d MB) để là một bảng chỉ tiêu Excel", size>>20)}
	}
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); n < len(data) {
		return nil, fmt.Errorf("đọc bảng chỉ tiêu Excel: %w", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 4 * maxXLSX, UnzipXMLSizeLimit: maxXLSX})
	if err != nil {
		return nil, &notBaocao{"tệp hỏng hoặc không phải bảng tính Excel .xlsx"}
	}
	defer f.Close()
	props, err := f.GetCustomProps()
	if err != nil {
		return nil, &notBaocao{"bảng tính có phần thông tin (custom properties) hỏng"}
	}
	m := map[string]any{}
	for _, p := range props {
		m[p.Name] = p.Value
	}
	version, ok := propInt(m[propFormat])
	switch {
	case !ok:
		return nil, &notBaocao{"bảng tính không do baocao xuất ra: không có thông tin về đơn vị, loại báo cáo và kỳ báo cáo"}
	case version > xlsxVersion:
		return nil, fmt.Errorf("bảng chỉ tiêu do một phiên bản baocao mới hơn xuất ra (dạng %d): hãy cập nhật baocao", version)
	}
	str := func(name string) string { s, _ := m[name].(string); return strings.TrimSpace(s) }
	out := &report.Report{Version: report.FormatVersion, KindID: str(propKind)}
	if out.Period, err = report.ParsePeriod(str(propPeriod)); err != nil {
		return nil, &notBaocao{fmt.Sprintf("bảng tính ghi kỳ báo cáo «%s» không đọc được", str(propPeriod))}
	}
	out.Header = report.Header{
		ShortName: str(propUnit),
		Number:    str(propNumber),
		Symbol:    str(propSymbol),
		Date:      parsePropDate(str(propDate)),
	}
	for _, a := range strings.Split(str(propAgency), "\n") {
		if a = strings.TrimSpace(a); a != "" {
			out.Header.Agency = append(out.Header.Agency, a)
		}
	}
	kinds := strings.Fields(str(propKinds))
	x := &xlsxReader{f: f, sheet: xlsxSheet, fmts: map[int]string{}}
	if idx, err := f.GetSheetIndex(xlsxSheet); err != nil || idx < 0 {
		list := f.GetSheetList()
		if len(list) == 0 {
			return nil, &notBaocao{"bảng tính không có trang nào"}
		}
		x.sheet = list[0] // renamed in Excel: the first sheet
	}
	ins, err := x.indicators(out.Period, len(kinds) > 0)
	if err != nil {
		return nil, err
	}
	for i := range ins {
		if len(ins) == len(kinds) {
			ins[i].Kind = report.IndicatorKind(kinds[i])
		}
		ins[i].Kind = indicatorKind(ins[i].Kind)
	}
	out.Indicators = ins
	return out, nil
}

// propInt is a custom property's whole number, however the program that
// saved the file last typed it.
func propInt(v any) (int, bool) {
	switch v := v.(type) {
	case int32:
		return int(v), true
	case float64:
		return int(v), v == math.Trunc(v)
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		return n, err == nil
	}
	return 0, false
}

// parsePropDate reads [propDate]: "2026-03-15", a blank part 00.
func parsePropDate(s string) report.Date {
	var d report.Date
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return d
	}
	d.Year, _ = strconv.Atoi(parts[0])
	d.Month, _ = strconv.Atoi(parts[1])
	d.Day, _ = strconv.Atoi(parts[2])
	return d
}

// xlsxReader reads the table of one sheet.
type xlsxReader struct {
	f     *excelize.File
	sheet string
	fmts  map[int]string // number formats by style
}

// The table's columns, found by their headings.
type xlsxColumns struct{ code, name, unit, value, lastYear, note int }

// indicators reads the table's rows. want says the file was written with
// a table: its heading row must then be found.
func (x *xlsxReader) indicators(p report.Period, want bool) ([]report.Indicator, error) {
	rows, err := x.f.GetRows(x.sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &notBaocao{"không đọc được trang «" + x.sheet + "» của bảng tính"}
	}
	head, cols := -1, xlsxColumns{-1, -1, -1, -1, -1, -1}
	for i, row := range rows {
		for j, c := range row {
			if strings.TrimSpace(c) == codeColumn {
				head = i
				cols = headings(row, j, p)
				break
			}
		}
		if head >= 0 {
			break
		}
	}
	switch {
	case head < 0 && want:
		return nil, &notBaocao{"bảng tính không có hàng tiêu đề «" + codeColumn + "» của bảng chỉ tiêu"}
	case head < 0:
		return nil, nil
	case cols.name < 0 || cols.value < 0:
		return nil, &notBaocao{"bảng chỉ tiêu thiếu cột «Chỉ tiêu» hoặc cột số liệu của kỳ"}
	}
	var out []report.Indicator
	for i := head + 1; i < len(rows); i++ {
		cell := func(col int) string {
			if col < 0 || col >= len(rows[i]) {
				return ""
			}
			return strings.TrimSpace(rows[i][col])
		}
		in := report.Indicator{Code: cell(cols.code), Name: cell(cols.name), Unit: cell(cols.unit), Note: cell(cols.note)}
		in.Value, in.Kind = x.value(cols.value, i)
		var k report.IndicatorKind
		in.LastYear, k = x.value(cols.lastYear, i)
		if in.Kind == "" {
			in.Kind = k
		}
		if in == (report.Indicator{}) {
			continue // a blank row
		}
		out = append(out, in)
	}
	return out, nil
}

// headings finds the columns by the heading row, whose codes' column is
// at code; the value's column is headed by the period, or stands after
// the unit's.
func headings(row []string, code int, p report.Period) xlsxColumns {
	cols := xlsxColumns{code, -1, -1, -1, -1, -1}
	for j, c := range row {
		switch strings.TrimSpace(c) {
		case "Chỉ tiêu":
			cols.name = j
		case "Đơn vị tính":
			cols.unit = j
		case p.Label():
			cols.value = j
		case "Cùng kỳ năm trước":
			cols.lastYear = j
		case "Ghi chú":
			cols.note = j
		}
	}
	if cols.value < 0 && cols.unit >= 0 {
		cols.value = cols.unit + 1
	}
	return cols
}

// value reads the value in column col of row (0-based) as an official
// types it, and the kind of indicator its format says: percent for a
// percent format, else none.
func (x *xlsxReader) value(col, row int) (string, report.IndicatorKind) {
	if col < 0 {
		return "", ""
	}
	cell := cellName(col+1, row+1)
	raw, err := x.f.GetCellValue(x.sheet, cell, excelize.Options{RawCellValue: true})
	if raw = strings.TrimSpace(raw); err != nil || raw == "" {
		return "", ""
	}
	if t, _ := x.f.GetCellType(x.sheet, cell); t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString {
		return raw, ""
	}
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		return raw, ""
	}
	s, percent := numberText(n, x.numFmt(cell))
	if percent {
		return s, report.Percent
	}
	return s, ""
}

// numFmt is the number format of cell: its code, or that of a built-in
// format by its id.
func (x *xlsxReader) numFmt(cell string) string {
	idx, err := x.f.GetCellStyle(x.sheet, cell)
	if err != nil {
		return ""
	}
	if code, ok := x.fmts[idx]; ok {
		return code
	}
	code := ""
	if st, err := x.f.GetStyle(idx); err == nil {
		switch {
		case st.CustomNumFmt != nil:
			code = *st.CustomNumFmt
		default:
			code = builtinFormats[st.NumFmt]
		}
	}
	x.fmts[idx] = code
	return code
}

// builtinFormats are the built-in number formats that say how many
// decimals a value has, or that it is a percent.
var builtinFormats = map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%"}

// numberText writes n, shown with the number format code, as an official
// types a value: the words the format puts before the number, then the
// number with a decimal comma and as many decimals as the format shows
// (more when n has them); a percent format's fraction is written as the
// percent. It reports whether the format is a percent.
func numberText(n float64, code string) (string, bool) {
	var qualifier, digits strings.Builder
	quoted, percent := false, false
	for _, r := range firstSection(code) {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted && digits.Len() == 0:
			qualifier.WriteRune(r)
		case quoted:
		case r == '%':
			percent = true
		case r == '0' || r == '#' || r == '.' || r == '?':
			digits.WriteRune(r)
		}
	}
	decimals := 0
	if _, frac, ok := strings.Cut(digits.String(), "."); ok {
		decimals = len(frac)
	}
	if percent {
		n *= 100
	}
	n = math.Round(n*1e9) / 1e9
	s := strconv.FormatFloat(n, 'f', -1, 64)
	if decimals > 0 {
		whole, frac, _ := strings.Cut(s, ".")
		if len(frac) < decimals {
			frac += strings.Repeat("0", decimals-len(frac))
		}
		s = whole + "." + frac
	}
	s = strings.Replace(s, ".", ",", 1)
	if q := strings.TrimSpace(qualifier.String()); q != "" {
		s = q + " " + s
	}
	return s, percent
}

// firstSection is the part of a number format for positive numbers:
// the code up to its first ";" outside quotes.
func firstSection(code string) string {
	quoted := false
	for i, r := range code {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ';' && !quoted:
			return code[:i]
		}
	}
	return code
}
