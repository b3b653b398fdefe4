// Package export lays a [report.Report] out as the documents the commune
// sends: the PDF the leader signs, following Decree 30/2020/NĐ-CP
// (Appendix I): A4 portrait, the two-column header with the national
// motto, the title block, the justified body, the recipients beside the
// signature block, and an appendix with the table of indicators when any
// indicator has a value; and the Word file (.docx) that says the same,
// laid out the same way, for officials to edit (see docx.go). Both walk
// the report's [report.Outline] and word nothing themselves.
//
// # Use
//
// [Write] writes the PDF to any writer and [WriteDocx] the Word file;
// [WriteFile] and [WriteDocxFile] write a file atomically and refuse to
// overwrite one unless told to; [FileName] and [DocxFileName] are the
// default file names. The same report with the same [Options] always
// gives the same bytes: the dates inside the files come from the report or
// from the options, never from the clock.
//
// # Data
//
// Both files carry the draft they were made from, as [report.Marshal]
// writes it: the PDF as an attached file ([DataFileName]), the Word file
// as a custom XML part (see docx_data.go). [ReadPDF] reads it back from a
// PDF, signed or not, with the signers' names.
//
// # Text
//
// Every string is normalised to NFC before it is laid out. In the PDF,
// characters the embedded font cannot draw, emoji among them, are drawn as
// [Placeholder] ([report.Check] warns about each); the Word file keeps
// them, for Word draws them with another font. Words too long for a line
// are broken between characters rather than running into the margin.
//
// The PDF's font is Liberation Serif from package [baocao/fonts], cut down
// to the characters [report.Drawable] accepts (the cut copy is kept in the
// user's cache directory for the next export, see facecache.go) and
// embedded as a subset: only the glyphs the document uses.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"baocao/report"
)

// Options are the choices a caller makes about the file, apart from the
// report itself.
type Options struct {
	// Date is the creation and modification date recorded in the PDF and
	// the Word file.
	// Zero means the report's own date: its header date (a blank day or
	// month counting as 1), or 1 January of its period's year.
	Date time.Time
}

// producer is the PDF's Producer entry: the library that wrote the file,
// as go.mod requires it (a test holds the two together).
const producer = "codeberg.org/go-pdf/fpdf v0.12.0"

// ErrExists is returned by [WriteFile] when the file already exists and
// overwriting was not asked for.
var ErrExists = errors.New("tệp đã tồn tại")

// Write lays r out and writes the PDF to w. It returns fpdf's first error,
// or the writer's. Whatever the report holds, Write does not panic.
func Write(w io.Writer, r *report.Report, opt Options) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("tạo PDF: lỗi nội bộ: %v", p)
		}
	}()
	if r == nil {
		return errors.New("tạo PDF: không có báo cáo")
	}
	return write(w, r, opt, loadFaces())
}

// write is [Write] with the faces given: what an export does once the
// faces are ready.
func write(w io.Writer, r *report.Report, opt Options, fs []face) error {
	o := r.Outline()
	pdf := newPDF(o, opt, fs)
	if err := attachData(pdf, r); err != nil {
		return err
	}
	layOut(pdf, o)
	b, err := output(pdf)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("ghi PDF: %w", err)
	}
	return nil
}

// layOut draws the document o on the pages of pdf.
func layOut(pdf *fpdf.Fpdf, o *report.Outline) {
	l := &layout{pdf: pdf, o: o}
	l.document()
}

// output closes pdf and returns the finished file.
func output(pdf *fpdf.Fpdf) ([]byte, error) {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("tạo PDF: %w", err)
	}
	return finish(buf.Bytes()), nil
}

// newPDF returns a document with the faces fs, the page geometry and the
// document information set.
func newPDF(o *report.Outline, opt Options, fs []face) *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	for _, f := range fs {
		pdf.AddUTF8FontFromBytes(fontName, f.style, f.ttf)
	}
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetAutoPageBreak(false, marginBottom) // layout breaks pages itself
	pdf.SetCellMargin(0)
	pdf.SetLineWidth(ruleWidth)

	date := opt.Date
	if date.IsZero() {
		date = reportDate(o.Info.Date)
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetCatalogSort(true)
	pdf.SetLang("vi-VN")
	pdf.SetTitle(cleanWords(o.Info.Title), true)
	pdf.SetSubject(cleanWords(o.Info.Subject), true)
	pdf.SetAuthor(cleanWords(o.Info.Author), true)
	pdf.SetCreator("baocao", false)
	pdf.SetProducer(producer, false)
	return pdf
}

// reportDate is the date recorded in the files when the options give
// none: the document's date, made a valid calendar date.
func reportDate(d report.Date) time.Time {
	year, month, day := d.Year, d.Month, d.Day
	if year < 1 || year > 9999 {
		year = 2000
	}
	if month < 1 || month > 12 {
		month = 1
	}
	if day < 1 || day > 31 {
		day = 1
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// WriteFile writes r as a PDF to path. It writes a temporary file in the
// same directory, syncs it and renames it over path, so that a failed
// export never leaves half a PDF. An existing file is replaced only when
// force is set; otherwise the error wraps [ErrExists]. The directory is
// not created: when it is missing, the error is a [*FolderError].
func WriteFile(path string, r *report.Report, opt Options, force bool) error {
	var buf bytes.Buffer
	return writeAtomic(path, "PDF", force, func() ([]byte, error) {
		err := Write(&buf, r, opt)
		return buf.Bytes(), err
	})
}

// FolderError is returned by [WriteFile] and [WriteDocxFile], and by
// [CheckFolder], when the folder to write in does not exist: an export
// never creates a folder, for a mistyped name would then hide the file
// where nobody looks.
type FolderError struct {
	// Dir is the folder, as given.
	Dir string
	Err error
}

func (e *FolderError) Error() string { return "thư mục «" + e.Dir + "» không tồn tại" }
func (e *FolderError) Unwrap() error { return e.Err }

// CheckFolder returns a [*FolderError] when the folder that would hold
// the file at path does not exist, and nil otherwise.
func CheckFolder(path string) error {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return &FolderError{Dir: dir, Err: err}
	}
	return nil
}

// writeAtomic writes the bytes make returns to path with
// [report.ReplaceFile]; what names the kind of file in errors, which say
// what went wrong with the file the official asked for, never with the
// temporary one.
func writeAtomic(path, what string, force bool, make func() ([]byte, error)) error {
	failed := func(err error) error {
		return fmt.Errorf("không ghi được tệp %s %s: %w", what, path, err)
	}
	if err := CheckFolder(path); err != nil {
		return failed(err)
	}
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("xuất %s ra %s: %w", what, path, ErrExists)
		}
	}
	data, err := make()
	if err != nil {
		return err
	}
	if err := report.ReplaceFile(path, data, 0o644); err != nil {
		return failed(err)
	}
	dir := filepath.Dir(path)
	removeStaleTemps(dir, filepath.Base(path))
	return nil
}

// removeStaleTemps removes the temporary files that earlier exports to the
// same name left when they were cut short (a crash, a power cut between
// writing and renaming), once they are older than [report.StaleTempAge]:
// a younger one may belong to an export still running in another window.
func removeStaleTemps(dir, name string) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + name + "."
	for _, de := range des {
		n := de.Name()
		if !de.Type().IsRegular() || !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, ".tmp") {
			continue
		}
		if info, err := de.Info(); err == nil && time.Since(info.ModTime()) >= report.StaleTempAge {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// FileName is the default name of the exported PDF:
// "BC-NQ57-quy-I-2026-Duong-Huu.pdf"; see [report.ExportStem].
func FileName(r *report.Report) string {
	return report.ExportStem(r) + ".pdf"
}
