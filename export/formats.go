package export

import (
	"path/filepath"
	"slices"
	"strings"

	"baocao/report"
)

// Format is a kind of file an export writes: the command line's --format
// and -o, the export screen and plain mode all read [Formats], so that a
// new format is one entry there.
type Format struct {
	// Name is the format as --format names it: "pdf".
	Name string
	// Aliases are other names --format accepts for it: "word".
	Aliases []string
	// Ext is the extension of its files, with the dot: ".pdf".
	Ext string
	// Kind names its files in messages: "PDF", "Word", "Excel".
	Kind string
	// Label says what the file is for, as the export's choices list it:
	// "PDF (để trình ký)".
	Label string
	// Write writes r to path atomically, refusing to replace a file
	// unless force is set, as [WriteFile] does.
	Write func(path string, r *report.Report, opt Options, force bool) error
}

// formats are the formats in the order they are offered.
var formats = []Format{
	{Name: "pdf", Ext: ".pdf", Kind: "PDF", Label: "PDF (để trình ký)", Write: WriteFile},
	{Name: "docx", Aliases: []string{"word"}, Ext: ".docx", Kind: "Word", Label: "Word .docx (để chỉnh sửa)", Write: WriteDocxFile},
	{Name: "xlsx", Aliases: []string{"excel"}, Ext: ".xlsx", Kind: "Excel", Label: "Excel .xlsx (bảng chỉ tiêu)", Write: WriteXLSXFile},
}

// Formats returns the formats an export writes, in the order they are
// offered; the first, the PDF, is the default.
func Formats() []Format { return slices.Clone(formats) }

// FormatNamed returns the format --format names, in any case, by its
// name or an alias; false when there is none.
func FormatNamed(name string) (Format, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, f := range formats {
		if f.Name == name || slices.Contains(f.Aliases, name) {
			return f, true
		}
	}
	return Format{}, false
}

// FormatOf returns the format of the file at path by its extension, in
// any case; false when no format has it.
func FormatOf(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range formats {
		if f.Ext == ext {
			return f, true
		}
	}
	return Format{}, false
}

// FileName is the default name of r's file in this format:
// "BC-NQ57-quy-I-2026-Duong-Huu.xlsx"; see [report.ExportStem].
func (f Format) FileName(r *report.Report) string {
	return report.ExportStem(r) + f.Ext
}
