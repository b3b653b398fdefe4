package report

import (
	"bytes"
	"errors"
)

// ErrNotDraft is wrapped by the [*LoadError] of a file that is no draft of
// baocao at all, rather than a draft that is damaged: a folder, a PDF, a
// Word file, some other JSON. Its .bak, if any, is of no help then.
var ErrNotDraft = errors.New("tệp không phải bản nháp của baocao")

// notDraftError says what a file given as a draft really is.
type notDraftError struct{ reason string }

func (e *notDraftError) Error() string { return e.reason }

// Is makes a folder match errNotRegular as well as ErrNotDraft, so that
// [Save] still refuses to replace it.
func (e *notDraftError) Is(target error) bool {
	return target == ErrNotDraft || target == errNotRegular && e == errFolder
}

// errFolder is what a folder named as a draft is.
var errFolder = &notDraftError{"đây là một thư mục, không phải tệp bản nháp"}

// signatures are the beginnings of the files an official may name instead
// of a draft, with what they are.
var signatures = []struct {
	magic, what string
}{
	{"%PDF-", "tệp PDF"},
	{"PK\x03\x04", "tệp Word (.docx) hoặc tệp nén"},
	{"\xd0\xcf\x11\xe0", "tệp Word hoặc Excel kiểu cũ (.doc, .xls)"},
	{"{\\rtf", "tệp văn bản RTF"},
	{"\x89PNG", "tệp ảnh"},
	{"\xff\xd8\xff", "tệp ảnh"},
}

// notDraft returns why data, which is not valid JSON, is no draft at all,
// or nil when it looks like a draft that is damaged. A draft begins with
// "{" (after the mark some editors put before UTF-8); a file cut or zeroed
// by a power cut keeps that "{" or is all zero bytes, and stays a damaged
// draft.
func notDraft(data []byte) error {
	for _, s := range signatures {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return &notDraftError{"đây là " + s.what + ", không phải bản nháp của baocao (bản nháp là tệp .json)"}
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Notepad's mark of UTF-8
	if len(data) == 0 || data[0] == '{' || data[0] == 0 {
		return nil
	}
	return &notDraftError{"tệp không phải bản nháp của baocao (nội dung không phải dữ liệu JSON)"}
}

// notObject is the error of JSON whose top level is not an object: an
// array, a string, a number.
var notObject = &notDraftError{"tệp không phải bản nháp của baocao (là dữ liệu JSON nhưng không có cấu trúc của bản nháp)"}
