package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"baocao/export"
	"baocao/report"
)

// What the export screen and plain mode write, and how: the choice of
// files, their paths, the question before overwriting, the writing. The
// formats are [export.Formats]: a new one is offered here by itself.

// exportChoice is one answer to "which files?": one format, or all.
type exportChoice struct {
	label   string
	formats []export.Format
}

// exportChoices are the choices in the order both modes offer them,
// numbered from 1 in plain mode: each format, then all of them (the
// default, [defaultChoice]).
func exportChoices() []exportChoice {
	formats := export.Formats()
	var out []exportChoice
	var kinds []string
	for _, f := range formats {
		out = append(out, exportChoice{f.Label, []export.Format{f}})
		kinds = append(kinds, f.Kind)
	}
	all := "Tất cả (" + joinAnd(kinds) + ")"
	if len(formats) == 2 {
		all = "Cả hai (" + joinAnd(kinds) + ")"
	}
	return append(out, exportChoice{all, formats})
}

// defaultChoice is the index of the choice first offered: all formats.
func defaultChoice() int { return len(exportChoices()) - 1 }

// joinAnd joins words as a sentence lists them: "PDF, Word và Excel".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " và " + words[len(words)-1]
}

// countWord is n in words, for "hai tệp", "ba tệp".
func countWord(n int) string {
	if words := []string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"}; n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}

// exportFile is one file an export writes.
type exportFile struct {
	format export.Format
	path   string
}

// kind names the file as the screens do: "PDF", "Word", "Excel".
func (f exportFile) kind() string { return f.format.Kind }

// label is the kind with what the file is for: "PDF (để trình ký)".
func (f exportFile) label() string { return f.format.Label }

// defaultExportPath is the path first offered for the formats in dir: the
// first one's default name.
func defaultExportPath(formats []export.Format, dir string, r *report.Report) string {
	return filepath.Join(dir, formats[0].FileName(r))
}

// besideNote says where the files after the first are written, with the
// same name: "Tệp Word được ghi cạnh tệp PDF, cùng tên, đuôi .docx."; ""
// for one file.
func besideNote(formats []export.Format) string {
	if len(formats) < 2 {
		return ""
	}
	var files, exts []string
	for i, f := range formats[1:] {
		file := "tệp " + f.Kind
		if i == 0 {
			file = "Tệp " + f.Kind
		}
		files = append(files, file)
		exts = append(exts, f.Ext)
	}
	return joinAnd(files) + " được ghi cạnh tệp " + formats[0].Kind + ", cùng tên, đuôi " + joinAnd(exts) + "."
}

// exportFiles are the files the formats write for the path typed: "~" is
// the home folder; the extension is the first format's, replacing a typed
// extension of any format, added otherwise. The other formats' files are
// written beside it with the same name.
func exportFiles(formats []export.Format, path string) []exportFile {
	path = strings.TrimSpace(path)
	if strings.HasPrefix(path, "~"+string(filepath.Separator)) || path == "~" {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[1:])
		}
	}
	stem := path
	if _, ok := export.FormatOf(path); ok {
		stem = strings.TrimSuffix(path, filepath.Ext(path))
	}
	var out []exportFile
	for _, f := range formats {
		out = append(out, exportFile{f, stem + f.Ext})
	}
	return out
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

// overwriteWords are the words of the question whether to overwrite
// there, files already on disk of the all written: "Tệp đã có" and
// "ghi đè" for one, "Cả hai tệp đã có" and "ghi đè cả hai" when all are
// there, "Hai tệp đã có" and "ghi đè cả hai" for some of them.
func overwriteWords(there, all []exportFile) (have, overwrite string) {
	n := len(there)
	switch {
	case n == 1:
		return "Tệp đã có", "ghi đè"
	case n == len(all):
		return "Cả " + countWord(n) + " tệp đã có", "ghi đè cả " + countWord(n)
	}
	w := countWord(n)
	return strings.ToUpper(w[:1]) + w[1:] + " tệp đã có", "ghi đè cả " + w
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
		if err := f.format.Write(f.path, r, opt, force); err != nil {
			return written, err
		}
		written = append(written, f)
	}
	return written, nil
}
