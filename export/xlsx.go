package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/report"
)

// The Excel appendix (.xlsx) is the table of indicators as figures the
// Department can add up: one sheet, [xlsxSheet], with a header block
// naming the unit, the kind of report, the period and the report's
// number and date (a cell left blank where the report leaves them
// blank), then the appendix's columns with the indicator codes beside
// the row numbers:
//
//	STT | Mã chỉ tiêu | Chỉ tiêu | Đơn vị tính | Quý I/2026 | Cùng kỳ năm trước | Ghi chú
//
// and the same rows as the PDF's appendix. A value is a number, never
// text: a percent is stored as a fraction (98,5 as 0.985) with a percent
// format, as Excel users expect of a percent cell; a count is a whole
// number; decimals are shown as the official typed them. A word before a
// value («trên 95») stays in the cell's number format ("trên "0%), so the
// cell shows «trên 95%» and still holds 0.95. A value that is not a
// number stays text, as the PDF prints it.
//
// What a program needs to read the file back ([ReadXLSX]) is stored as
// the workbook's custom properties (File › Properties › Custom in Excel),
// which LibreOffice and Excel keep when the file is saved again: see the
// prop… constants. The figures themselves are read from the cells, so
// that a figure corrected in Excel is the one read.
//
// The same report and [Options] give the same bytes: the dates inside
// come from the report or the options, the zip entries have a fixed time.

// xlsxSheet is the name of the workbook's one sheet.
const xlsxSheet = "Phụ lục chỉ tiêu"

// The workbook's custom properties.
const (
	// propFormat is the version of the workbook's layout, 1; its
	// presence marks a workbook exported by baocao.
	propFormat = "baocao.format"
	// propKind is the report kind's id: "nq57".
	propKind = "baocao.kind"
	// propPeriod is the period as the command line writes it: "2026-Q2",
	// "2026-H1", "2026".
	propPeriod = "baocao.period"
	// propUnit is the unit's short name: "UBND xã Dương Hưu"; propAgency
	// the issuing agency's lines, one per line.
	propUnit   = "baocao.unit"
	propAgency = "baocao.agency"
	// propNumber and propSymbol are the report's number ("" when left
	// blank) and symbol; propDate its date as "2026-03-15", a blank day
	// or month written 00.
	propNumber = "baocao.number"
	propSymbol = "baocao.symbol"
	propDate   = "baocao.date"
	// propKinds are the table rows' indicator kinds, in order, separated
	// by spaces: "percent percent count".
	propKinds = "baocao.kinds"
)

// xlsxVersion is the layout written, in [propFormat].
const xlsxVersion = 1

// The header block's labels, and the heading of the codes' column.
const (
	labelUnit   = "Đơn vị:"
	labelKind   = "Loại báo cáo:"
	labelPeriod = "Kỳ báo cáo:"
	labelNumber = "Số báo cáo:"
	labelDate   = "Ngày báo cáo:"
	codeColumn  = "Mã chỉ tiêu"
	// noFigures stands where the table would when no indicator has a
	// value, as the PDF then has no appendix.
	noFigures = "Báo cáo chưa có số liệu chỉ tiêu nào."
)

// The columns of the table, and the widths of the sheet's columns in
// characters.
var xlsxWidths = []float64{6, 12, 52, 11, 14, 14, 26}

// The value columns: this period's and last year's.
const (
	colValue    = 5
	colLastYear = 6
	nColumns    = 7
)

// WriteXLSX writes r's table of indicators as an Excel workbook to w.
// Whatever the report holds, it does not panic.
func WriteXLSX(w io.Writer, r *report.Report, opt Options) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("tạo tệp Excel: lỗi nội bộ: %v", p)
		}
	}()
	if r == nil {
		return errors.New("tạo tệp Excel: không có báo cáo")
	}
	b, err := xlsxBytes(r, opt)
	if err != nil {
		return fmt.Errorf("tạo tệp Excel: %w", err)
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("ghi tệp Excel: %w", err)
	}
	return nil
}

// WriteXLSXFile writes r's table of indicators as an Excel workbook to
// path, atomically, like [WriteFile].
func WriteXLSXFile(path string, r *report.Report, opt Options, force bool) error {
	var buf bytes.Buffer
	return writeAtomic(path, "Excel", force, func() ([]byte, error) {
		err := WriteXLSX(&buf, r, opt)
		return buf.Bytes(), err
	})
}

// XLSXFileName is the default name of the Excel appendix: [FileName]
// ending in .xlsx.
func XLSXFileName(r *report.Report) string {
	return report.ExportStem(r) + ".xlsx"
}

// xlsxWriter fills the sheet of one workbook.
type xlsxWriter struct {
	f      *excelize.File
	styles map[xlsxStyle]int
	err    error
}

// xlsxStyle is a cell's style, as far as the sheet varies it.
type xlsxStyle struct {
	bold, italic, wrap, border, centre bool
	size                               float64
	numFmt                             string
}

// xlsxBytes makes the workbook.
func xlsxBytes(r *report.Report, opt Options) ([]byte, error) {
	o := r.Outline()
	date := opt.Date
	if date.IsZero() {
		date = reportDate(o.Info.Date)
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return fixedZip{zip.NewWriter(w)} })
	x := &xlsxWriter{f: f, styles: map[xlsxStyle]int{}}
	x.check(f.SetSheetName("Sheet1", xlsxSheet))
	x.check(f.SetDefaultFont("Times New Roman"))
	for i, w := range xlsxWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		x.check(f.SetColWidth(xlsxSheet, col, col, w))
	}
	x.properties(r, o, date)
	row := x.header(r, o)
	x.table(o.Appendix, row+1)
	x.check(f.SetPageLayout(xlsxSheet, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}))
	x.check(f.SetSheetProps(xlsxSheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
	if x.err != nil {
		return nil, x.err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func ptr[T any](v T) *T { return &v }

// check keeps the first error.
func (x *xlsxWriter) check(err error) {
	if x.err == nil {
		x.err = err
	}
}

// properties sets the document's properties and the custom ones a
// program reads back.
func (x *xlsxWriter) properties(r *report.Report, o *report.Outline, date time.Time) {
	d := date.UTC().Format("2006-01-02T15:04:05Z")
	x.check(x.f.SetDocProps(&excelize.DocProperties{
		Title:          docxText(o.Info.Title),
		Subject:        docxText(o.Info.Subject),
		Creator:        docxText(o.Info.Author),
		LastModifiedBy: docxText(o.Info.Author),
		Language:       "vi-VN",
		Created:        d,
		Modified:       d,
	}))
	x.check(x.f.SetAppProps(&excelize.AppProperties{Application: "baocao"}))
	var kinds []string
	if o.Appendix != nil {
		for _, in := range o.Appendix.Indicators {
			kinds = append(kinds, string(indicatorKind(in.Kind)))
		}
	}
	var agency []string
	for _, a := range r.Header.Agency {
		agency = append(agency, docxText(a))
	}
	h := r.Header
	props := []excelize.CustomProperty{
		{Name: propFormat, Value: int32(xlsxVersion)},
		{Name: propKind, Value: docxText(r.Kind().ID)},
		{Name: propPeriod, Value: periodCode(r.Period)},
		{Name: propUnit, Value: docxText(h.ShortName)},
		{Name: propAgency, Value: strings.Join(agency, "\n")},
		{Name: propNumber, Value: docxText(h.Number)},
		{Name: propSymbol, Value: docxText(h.Symbol)},
		{Name: propDate, Value: fmt.Sprintf("%04d-%02d-%02d", clampInt(h.Date.Year, 0, 9999), clampInt(h.Date.Month, 0, 99), clampInt(h.Date.Day, 0, 99))},
		{Name: propKinds, Value: strings.Join(kinds, " ")},
	}
	for _, p := range props {
		x.check(x.f.SetCustomProps(p))
	}
}

func clampInt(n, lo, hi int) int { return min(max(n, lo), hi) }

// indicatorKind is k, or [report.Amount] when it is none of the kinds.
func indicatorKind(k report.IndicatorKind) report.IndicatorKind {
	switch k {
	case report.Percent, report.Count:
		return k
	}
	return report.Amount
}

// periodCode writes p as the command line does: "2026-Q2", "2026-H1",
// "2026"; see [report.ParsePeriod].
func periodCode(p report.Period) string {
	switch p.Kind {
	case report.Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, p.Quarter)
	case report.HalfYear:
		return fmt.Sprintf("%d-H1", p.Year)
	}
	return strconv.Itoa(p.Year)
}

// headingRowHeight is the height of the table's heading row, in points:
// two lines of its 11-point text.
const headingRowHeight = 30

// header writes the title and the header block and returns the last row
// written.
func (x *xlsxWriter) header(r *report.Report, o *report.Outline) int {
	title := o.Title
	if o.Appendix != nil {
		title = o.Appendix.Title
	}
	x.text("A1", title, xlsxStyle{bold: true, size: 13, centre: true, wrap: true})
	x.check(x.f.MergeCell(xlsxSheet, "A1", "G1"))
	if n := len([]rune(title)); n > 110 {
		x.check(x.f.SetRowHeight(xlsxSheet, 1, 18*math.Ceil(float64(n)/110)))
	}
	h := r.Header
	unit := h.ShortName
	if strings.TrimSpace(unit) == "" {
		unit = strings.Join(h.Agency, " ")
	}
	number := ""
	if n := strings.TrimSpace(h.Number); n != "" {
		number = n + "/" + strings.TrimSpace(h.Symbol)
	}
	lines := [][2]string{
		{labelUnit, unit},
		{labelKind, r.Kind().Name},
		{labelPeriod, r.Period.Label()},
		{labelNumber, number},
	}
	row := 3
	for _, l := range lines {
		x.text(cellName(1, row), l[0], xlsxStyle{bold: true})
		x.text(cellName(3, row), l[1], xlsxStyle{})
		row++
	}
	x.text(cellName(1, row), labelDate, xlsxStyle{bold: true})
	if d := h.Date; d.Day >= 1 && d.Month >= 1 && d.Month <= 12 && d.Year >= 1900 && d.Year <= 9999 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() == d.Day { // 31/2 is no date
			serial := t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
			x.number(cellName(3, row), serial, xlsxStyle{numFmt: "dd/mm/yyyy", centre: false})
		}
	}
	return row + 1
}

// table writes the appendix's table from row on, or says there are no
// figures.
func (x *xlsxWriter) table(a *report.Appendix, row int) {
	if a == nil || len(a.Columns) < 6 {
		x.text(cellName(1, row), noFigures, xlsxStyle{italic: true})
		return
	}
	head := append([]string{a.Columns[0], codeColumn}, a.Columns[1:6]...)
	for i, h := range head {
		x.text(cellName(i+1, row), h, xlsxStyle{bold: true, centre: true, wrap: true, border: true})
	}
	// Room for headings wrapped on two lines («Cùng kỳ / năm trước»):
	// spreadsheet programs do not grow a row for wrapped text by
	// themselves when they open a file.
	x.check(x.f.SetRowHeight(xlsxSheet, row, headingRowHeight))
	x.check(x.f.SetPanes(xlsxSheet, &excelize.Panes{Freeze: true, YSplit: row, TopLeftCell: cellName(1, row+1), ActivePane: "bottomLeft"}))
	// Printed, the heading row stands on every page.
	x.check(x.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: xlsxSheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", xlsxSheet, row, row),
	}))
	for i, in := range a.Indicators {
		row++
		kind := indicatorKind(in.Kind)
		x.number(cellName(1, row), float64(i+1), xlsxStyle{border: true, centre: true, numFmt: "0"})
		x.text(cellName(2, row), in.Code, xlsxStyle{border: true, centre: true})
		x.text(cellName(3, row), in.Name, xlsxStyle{border: true, wrap: true})
		x.text(cellName(4, row), in.Unit, xlsxStyle{border: true, centre: true})
		x.value(cellName(colValue, row), in.Value, kind)
		x.value(cellName(colLastYear, row), in.LastYear, kind)
		x.text(cellName(nColumns, row), in.Note, xlsxStyle{border: true, wrap: true})
	}
}

// value writes an indicator's value: a number with its format, or the
// text typed when it is no number; nothing but the border when empty.
func (x *xlsxWriter) value(cell, s string, kind report.IndicatorKind) {
	st := xlsxStyle{border: true, centre: true}
	if strings.TrimSpace(s) == "" {
		x.style(cell, st)
		return
	}
	n, format, ok := valueCell(s, kind)
	if !ok {
		st.wrap = true
		x.text(cell, s, st)
		return
	}
	st.numFmt = format
	x.number(cell, n, st)
}

// valueCell is the number a value cell holds and its number format; false
// when s is not a number. A percent is stored as a fraction.
func valueCell(s string, kind report.IndicatorKind) (float64, string, bool) {
	v, err := report.ParseValue(s)
	if err != nil || math.IsInf(v.Number, 0) || math.IsNaN(v.Number) {
		return 0, "", false
	}
	decimals := 0
	if _, frac, ok := strings.Cut(report.FormatValue(s), ","); ok {
		decimals = len(frac)
	}
	format := "#,##0"
	if kind == report.Percent {
		format = "0"
	}
	if decimals > 0 {
		format += "." + strings.Repeat("0", min(decimals, 15))
	}
	n := v.Number
	if kind == report.Percent {
		format += "%"
		n /= 100
	}
	if q := strings.TrimSpace(v.Qualifier); q != "" {
		format = `"` + strings.ReplaceAll(docxText(q), `"`, "") + ` "` + format
	}
	return n, format, true
}

// text writes s, made fit for XML, in cell.
func (x *xlsxWriter) text(cell, s string, st xlsxStyle) {
	if s = docxText(s); s != "" {
		x.check(x.f.SetCellStr(xlsxSheet, cell, s))
	}
	x.style(cell, st)
}

// number writes n in cell.
func (x *xlsxWriter) number(cell string, n float64, st xlsxStyle) {
	x.check(x.f.SetCellFloat(xlsxSheet, cell, n, -1, 64))
	x.style(cell, st)
}

// style gives cell the style st, made once per workbook.
func (x *xlsxWriter) style(cell string, st xlsxStyle) {
	if st == (xlsxStyle{}) {
		return
	}
	id, ok := x.styles[st]
	if !ok {
		s := &excelize.Style{
			Font:      &excelize.Font{Bold: st.bold, Italic: st.italic, Size: st.size},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: st.wrap},
		}
		if st.centre {
			s.Alignment.Horizontal = "center"
		}
		if st.border {
			for _, side := range []string{"left", "top", "right", "bottom"} {
				s.Border = append(s.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
			}
		}
		if st.numFmt != "" {
			s.CustomNumFmt = ptr(st.numFmt)
		}
		var err error
		if id, err = x.f.NewStyle(s); err != nil {
			x.check(err)
			return
		}
		x.styles[st] = id
	}
	x.check(x.f.SetCellStyle(xlsxSheet, cell, cell, id))
}

// cellName is "C4" for column 3, row 4.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// fixedZip gives every entry of the workbook the same time, as the Word
// file's, so that the bytes depend on nothing but the report.
type fixedZip struct{ *zip.Writer }

func (z fixedZip) Create(name string) (io.Writer, error) {
	return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
}
