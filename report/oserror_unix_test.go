//go:build !windows

package report

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestExplainSaysOSErrorsInVietnamese(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x.pdf")
	missing := filepath.Join(dir, "chua-co", "x.pdf")
	tests := []struct {
		err  error
		want string
		kind error
	}{
		{&fs.PathError{Op: "open", Path: missing, Err: syscall.ENOENT}, "thư mục «" + filepath.Dir(missing) + "» không tồn tại", nil},
		{&fs.PathError{Op: "open", Path: file, Err: syscall.ENOENT}, "không tìm thấy «" + file + "»", nil},
		{&fs.PathError{Op: "open", Path: filepath.Join(dir, ".x.pdf.123.tmp"), Err: syscall.EACCES}, "không có quyền truy cập thư mục «" + dir + "»", nil},
		{&os.LinkError{Op: "rename", Old: "a", New: file, Err: syscall.EEXIST}, "«" + file + "» đã có", nil},
		{&os.LinkError{Op: "rename", Old: "a", New: file, Err: syscall.EISDIR}, "«" + file + "» là một thư mục, không phải tệp", nil},
		{&fs.PathError{Op: "write", Path: file, Err: syscall.ENOSPC}, "ổ đĩa đã đầy", ErrDiskFull},
		{&fs.PathError{Op: "open", Path: file, Err: syscall.EROFS}, "ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được", ErrReadOnly},
		{&fs.PathError{Op: "open", Path: file, Err: syscall.ETXTBSY}, "tệp đang được một chương trình khác mở", ErrInUse},
	}
	for _, tt := range tests {
		err := fmt.Errorf("xuất PDF ra %s: %w", file, tt.err)
		got := Explain(err)
		want := "xuất PDF ra " + file + ": " + tt.want
		if !strings.HasPrefix(got.Error(), want) {
			t.Errorf("Explain(%v) = %q, want %q", tt.err, got, want)
		}
		if !errors.Is(got, tt.err.(interface{ Unwrap() error }).Unwrap()) || tt.kind != nil && !errors.Is(got, tt.kind) {
			t.Errorf("Explain(%v) lost what it wraps", tt.err)
		}
		if r := Reason(err); !strings.HasPrefix(r, tt.want) {
			t.Errorf("Reason(%v) = %q", tt.err, r)
		}
	}
	// What it does not know is kept; control characters are shown.
	if got := Explain(errors.New("lỗi lạ \x1b[2J")).Error(); got != `lỗi lạ \x1b[2J` {
		t.Errorf("unknown error: %q", got)
	}
}
