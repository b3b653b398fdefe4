package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"baocao/report"

	"github.com/xuri/excelize/v2"
)

// RollupInputs expands the inputs of a roll-up: a file is itself; a
// folder gives its drafts (.json), PDFs and Excel files, in name order —
// not its sub-folders (a drafts folder's "trash"), not hidden or
// temporary files, not the roll-ups written there before
// ("tong-hop….xlsx"), and not skip, the roll-up being written.
func RollupInputs(paths []string, skip string) []string {
	skipAbs := ""
	if skip != "" {
		skipAbs, _ = filepath.Abs(skip)
	}
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			out = append(out, p) // its reader says what is wrong
			continue
		}
		des, err := os.ReadDir(p)
		if err != nil {
			out = append(out, p)
			continue
		}
		var names []string
		for _, de := range des {
			name := de.Name()
			if de.IsDir() || strings.HasPrefix(name, ".") || rollupFormat(name) == report.FromOther || isRollupName(name) {
				continue
			}
			path := filepath.Join(p, name)
			if abs, _ := filepath.Abs(path); skipAbs != "" && abs == skipAbs {
				continue
			}
			names = append(names, path)
		}
		sort.Strings(names)
		out = append(out, names...)
	}
	return out
}

// isRollupName reports whether a file is named as roll-ups are
// ([RollupFileName]): a roll-up written into a folder earlier is no input
// of the next.
func isRollupName(name string) bool {
	return strings.HasPrefix(strings.ToLower(name), rollupPrefix) && rollupFormat(name) == report.FromXLSX
}

const rollupPrefix = "tong-hop"

// rollupFormat is the format of a file, from its name.
func rollupFormat(name string) report.SourceFormat {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return report.FromDraft
	case ".pdf":
		return report.FromPDF
	case ".xlsx":
		return report.FromXLSX
	}
	return report.FromOther
}

// errNotRollupInput is the error of a file the roll-up does not read.
var errNotRollupInput = errors.New("không phải bản nháp (.json), tệp PDF hay phụ lục Excel (.xlsx) do baocao xuất")

// ReadRollupInput reads one input of a roll-up: a draft, a PDF or an
// Excel appendix exported by baocao. It returns the report, or nil, and
// what was learnt of the file; src.Err says why there is no report.
func ReadRollupInput(path string) (*report.Report, report.Source) {
	src := report.Source{Path: path, Format: rollupFormat(path)}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		src.Format = report.FromOther
		src.Err = errors.New("thư mục không đọc được")
		return nil, src
	}
	var r *report.Report
	switch src.Format {
	case report.FromDraft:
		r, src.Err = report.Load(path)
	case report.FromPDF:
		r, src.Err = readPDFInput(path, &src)
	case report.FromXLSX:
		r, src.Err = readXLSXInput(path)
	default:
		if _, err := os.Stat(path); err != nil {
			src.Err = err
		} else {
			src.Err = errNotRollupInput
		}
	}
	if src.Err != nil {
		return nil, src
	}
	return r, src
}

// readFile opens the file at path for read, which reads it knowing its
// size.
func readFile[T any](path string, read func(io.ReaderAt, int64) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return zero, err
	}
	return read(f, info.Size())
}

// readPDFInput reads a PDF's draft and notes its signatures in src.
func readPDFInput(path string, src *report.Source) (*report.Report, error) {
	var sigs []SignatureInfo
	r, err := readFile(path, func(f io.ReaderAt, size int64) (*report.Report, error) {
		r, s, err := ReadPDF(f, size)
		sigs = s
		return r, err
	})
	for _, sig := range sigs {
		name := sig.Name
		if name == "" {
			name = "(không đọc được tên)"
		}
		src.Signers = append(src.Signers, name)
	}
	src.Signed = len(sigs) > 0
	src.ChangedAfterSigning = src.Signed && !sigs[len(sigs)-1].WholeFile
	return r, err
}

// readXLSXInput reads an Excel appendix.
func readXLSXInput(path string) (*report.Report, error) {
	return readFile(path, ReadXLSX)
}

// ReadRollup reads every input into ru, in order, several at a time but
// never more than a few reports held at once: only their figures stay.
func ReadRollup(ru *report.Rollup, files []string) {
	type result struct {
		r   *report.Report
		src report.Source
	}
	ahead := 2 * runtime.GOMAXPROCS(0)
	slots := make(chan struct{}, ahead)
	results := make([]chan result, len(files))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	go func() {
		for i, f := range files {
			slots <- struct{}{}
			go func() {
				r, src := ReadRollupInput(f)
				results[i] <- result{r, src}
			}()
		}
	}()
	for i := range files {
		res := <-results[i]
		results[i] = nil
		ru.Add(res.src, res.r)
		<-slots
	}
}

// The sheets of a roll-up.
const (
	SheetRollup   = "Tổng hợp"
	SheetSources  = "Nguồn"
	SheetProblems = "Vấn đề"
)

// WriteRollup writes a finished roll-up as an Excel workbook: the sheet
// «Tổng hợp» with one row per unit and one column per indicator (its
// code, name and unit in the header; figures as numbers, percents with a
// percent format), «Nguồn» listing every input, and «Vấn đề» what does
// not fit.
func WriteRollup(w io.Writer, ru *report.Rollup) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetRollup); err != nil {
		return err
	}
	for _, s := range []string{SheetSources, SheetProblems} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	// A percent shows as typed: 100%, 95.5% — a whole one without a
	// decimal point, which a format of optional decimals would leave.
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 9}) // 0%
	if err != nil {
		return err
	}
	pct := "0.0##%"
	percentFrac, err := f.NewStyle(&excelize.Style{CustomNumFmt: &pct})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	// The title stands on one line, running over the empty cells beside it.
	titleStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	sw := &sheetWriter{f: f}

	// Tổng hợp: a title, three header rows (code, name, unit), the units.
	sw.sheet = SheetRollup
	title := "Tổng hợp " + ru.KindName()
	if ru.Period.Valid() {
		title += ", " + ru.Period.Phrase()
	}
	sw.set(1, 1, title)
	sw.set(2, 1, "Mã chỉ tiêu")
	sw.set(3, 1, "Chỉ tiêu")
	sw.set(4, 1, "Đơn vị tính")
	last := len(ru.Columns) + 2
	for i, c := range ru.Columns {
		sw.set(2, i+2, c.Code)
		sw.set(3, i+2, c.Name)
		sw.set(4, i+2, c.Unit)
	}
	sw.set(2, last, "Nguồn")
	sw.style(2, 1, 4, last, bold)
	sw.style(1, 1, 1, 1, titleStyle)
	if sw.err == nil {
		// The indicators' names wrap over up to five lines; printed, the
		// page is landscape, the headings and the units on every page.
		sw.err = errors.Join(
			f.SetRowHeight(SheetRollup, 3, 75),
			f.SetPageLayout(SheetRollup, &excelize.PageLayoutOptions{Orientation: ptr("landscape")}),
			f.SetDefinedName(&excelize.DefinedName{
				Name: "_xlnm.Print_Titles", Scope: SheetRollup,
				RefersTo: fmt.Sprintf("'%s'!$A:$A,'%s'!$2:$4", SheetRollup, SheetRollup),
			}),
		)
	}
	for n, row := range ru.Rows {
		y := 5 + n
		sw.set(y, 1, row.Unit)
		for i, c := range ru.Columns {
			cell, ok := row.Cells[c.Code]
			if !ok {
				continue
			}
			if cell.Percent {
				sw.set(y, i+2, hundredth(cell.Number))
				if cell.Number == math.Trunc(cell.Number) {
					sw.style(y, i+2, y, i+2, percent)
				} else {
					sw.style(y, i+2, y, i+2, percentFrac)
				}
			} else {
				sw.set(y, i+2, cell.Number)
			}
		}
		sw.set(y, last, row.Path)
	}
	sw.width(1, 1, 28)
	if len(ru.Columns) > 0 {
		sw.width(2, last-1, 16)
	}
	sw.width(last, last, 40)
	if sw.err == nil {
		sw.err = f.SetPanes(SheetRollup, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 4, TopLeftCell: "B5", ActivePane: "bottomRight"})
	}

	// Nguồn: every input.
	sw.sheet = SheetSources
	for i, h := range []string{"Tệp", "Dạng tệp", "Đơn vị", "Loại báo cáo", "Kỳ báo cáo", "Đã ký số", "Người ký", "Kết quả"} {
		sw.set(1, i+1, h)
	}
	sw.style(1, 1, 1, 8, bold)
	for n, s := range ru.Sources {
		y := 2 + n
		sw.set(y, 1, s.Path)
		sw.set(y, 2, s.Format.Label())
		sw.set(y, 3, s.Unit)
		sw.set(y, 4, s.KindName)
		if s.Period.Valid() {
			sw.set(y, 5, s.Period.Label())
		}
		if s.Format == report.FromPDF && s.Err == nil {
			sw.set(y, 6, yesNo(s.Signed))
		}
		sw.set(y, 7, strings.Join(s.Signers, "; "))
		sw.set(y, 8, s.Status)
	}
	sw.width(1, 1, 40)
	sw.width(2, 2, 20)
	sw.width(3, 5, 22)
	sw.width(6, 6, 10)
	sw.width(7, 8, 30)

	// Vấn đề: what does not fit.
	sw.sheet = SheetProblems
	for i, h := range []string{"Tệp", "Đơn vị", "Mã chỉ tiêu", "Mức", "Vấn đề"} {
		sw.set(1, i+1, h)
	}
	sw.style(1, 1, 1, 5, bold)
	for n, p := range ru.Problems {
		y := 2 + n
		sw.set(y, 1, p.Path)
		sw.set(y, 2, p.Unit)
		sw.set(y, 3, p.Code)
		level := "Lỗi"
		if p.Note {
			level = "Ghi chú"
		}
		sw.set(y, 4, level)
		sw.set(y, 5, p.Text)
	}
	if len(ru.Problems) > 0 {
		sw.style(2, 5, len(ru.Problems)+1, 5, wrap)
	}
	sw.width(1, 1, 40)
	sw.width(2, 2, 22)
	sw.width(3, 4, 12)
	sw.width(5, 5, 80)
	if sw.err != nil {
		return sw.err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// hundredth is n/100 as the decimal number written: 66.6 gives 0.666,
// where the division gives 0.6659999999999999.
func hundredth(n float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(n, 'g', -1, 64)+"e-2", 64)
	if err != nil {
		return n / 100
	}
	return v
}

func yesNo(b bool) string {
	if b {
		return "Có"
	}
	return "Không"
}

// sheetWriter writes cells of one sheet, keeping the first error.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

func (sw *sheetWriter) set(row, col int, v any) {
	if sw.err != nil {
		return
	}
	if s, ok := v.(string); ok {
		if s == "" {
			return
		}
		v = report.Printable(s)
	}
	var cell string
	if cell, sw.err = excelize.CoordinatesToCellName(col, row); sw.err == nil {
		sw.err = sw.f.SetCellValue(sw.sheet, cell, v)
	}
}

func (sw *sheetWriter) style(row1, col1, row2, col2, style int) {
	if sw.err != nil {
		return
	}
	a, _ := excelize.CoordinatesToCellName(col1, row1)
	b, _ := excelize.CoordinatesToCellName(col2, row2)
	sw.err = sw.f.SetCellStyle(sw.sheet, a, b, style)
}

func (sw *sheetWriter) width(col1, col2 int, w float64) {
	if sw.err != nil {
		return
	}
	a, _ := excelize.ColumnNumberToName(col1)
	b, _ := excelize.ColumnNumberToName(col2)
	sw.err = sw.f.SetColWidth(sw.sheet, a, b, w)
}

// WriteRollupFile writes the roll-up to path as [WriteRollup] does,
// atomically; an existing file is replaced only when force is set (else
// the error wraps [ErrExists]), and a missing folder is a
// [*FolderError].
func WriteRollupFile(path string, ru *report.Rollup, force bool) error {
	return writeAtomic(path, "Excel", force, func() ([]byte, error) {
		var b bytes.Buffer
		if err := WriteRollup(&b, ru); err != nil {
			return nil, fmt.Errorf("không tạo được bảng tổng hợp: %w", err)
		}
		return b.Bytes(), nil
	})
}

// RollupFileName is the default name of a roll-up's file:
// "tong-hop-nq57-2026-q2.xlsx".
func RollupFileName(ru *report.Rollup) string {
	name := rollupPrefix
	if id := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, strings.ToLower(ru.KindID)); id != "" {
		name += "-" + id
	}
	if ru.Period.Valid() {
		name += "-" + ru.Period.Slug()
	}
	return name + ".xlsx"
}
