package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"baocao/export"
	"baocao/report"
)

// What the export screen and plain mode write, and how: the choice of
// files, their paths, the question before overwriting, the writing.

// exportFormat is what an export writes.
type exportFormat int

const (
	exportPDF  exportFormat = iota + 1 // the PDF, to sign
	exportWord                         // the Word file, to edit
	exportBoth                         // both, side by side (the default)
)

// exportFormats are the choices in the order both modes offer them,
// numbered from 1 in plain mode.
var exportFormats = []struct {
	format exportFormat
	label  string
}{
	{exportPDF, "PDF (để trình ký)"},
	{exportWord, "Word .docx (để chỉnh sửa)"},
	{exportBoth, "Cả hai (PDF và Word)"},
}

// exportFile is one file an export writes.
type exportFile struct {
	word bool // the Word file; else the PDF
	path string
}

// kind names the file as the screens do: "PDF", "Word".
func (f exportFile) kind() string {
	if f.word {
		return "Word"
	}
	return "PDF"
}

// label is the kind with what the file is for.
func (f exportFile) label() string {
	if f.word {
		return "Word (để chỉnh sửa)"
	}
	return "PDF (để trình ký)"
}

// defaultExportPath is the path first offered for format in dir: the
// PDF's default name, or the Word file's when only that is written.
func defaultExportPath(format exportFormat, dir string, r *report.Report) string {
	if format == exportWord {
		return filepath.Join(dir, export.DocxFileName(r))
	}
	return filepath.Join(dir, export.FileName(r))
}

// exportFiles are the files format writes for the path typed: "~" is the
// home folder; the extension is the format's, replacing a typed .pdf or
// .docx, added otherwise. Both formats write the PDF at path and the Word
// file beside it with the same name.
func exportFiles(format exportFormat, path string) []exportFile {
	path = strings.TrimSpace(path)
	if strings.HasPrefix(path, "~"+string(filepath.Separator)) || path == "~" {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[1:])
		}
	}
	stem := path
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".pdf" || ext == ".docx" {
		stem = strings.TrimSuffix(path, filepath.Ext(path))
	}
	pdf, word := exportFile{path: stem + ".pdf"}, exportFile{word: true, path: stem + ".docx"}
	switch format {
	case exportPDF:
		return []exportFile{pdf}
	case exportWord:
		return []exportFile{word}
	}
	return []exportFile{pdf, word}
}

// existingFiles are those of files already on disk.
func existingFiles(files []exportFile) []exportFile {
	var out []exportFile
	for _, f := range files {
		if _, err := os.Lstat(f.path); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// writeExportFiles writes the files of r, each atomically. Unless force
// is set, an existing file is not replaced and the error wraps
// [export.ErrExists]; the caller asks before overwriting by checking
// [existingFiles] first, for all the files before writing any. A folder
// that does not exist is not made, as on the command line: the error is an
// [*export.FolderError], and nothing is written. It returns the files
// written before an error.
func writeExportFiles(files []exportFile, r *report.Report, opt export.Options, force bool) (written []exportFile, err error) {
	for _, f := range files {
		if err := export.CheckFolder(f.path); err != nil {
			return nil, fmt.Errorf("không ghi được tệp %s %s: %w", f.kind(), f.path, err)
		}
	}
	for _, f := range files {
		write := export.WriteFile
		if f.word {
			write = export.WriteDocxFile
		}
		if err := write(f.path, r, opt, force); err != nil {
			return written, err
		}
		written = append(written, f)
	}
	return written, nil
}
