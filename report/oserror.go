package report

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// The kinds of failure an official can do something about, matched with
// errors.Is on an error from this package or from [Explain].
var (
	// ErrReadOnly: the disk or folder only allows reading (a write-protected
	// USB stick, a read-only network share).
	ErrReadOnly = errors.New("ổ đĩa hoặc thư mục chỉ cho phép đọc")
	// ErrDiskFull: no space left on the disk.
	ErrDiskFull = errors.New("ổ đĩa đã đầy")
	// ErrInUse: another program holds the file open.
	ErrInUse = errors.New("tệp đang được một chương trình khác mở")
)

// osError is an error of the operating system said in Vietnamese: its
// message is the reason only, and the original error, and its kind, stay
// reachable through errors.Is and errors.As.
type osError struct {
	reason string
	kind   error
	err    error
}

func (e *osError) Error() string { return e.reason }

func (e *osError) Unwrap() []error {
	if e.kind != nil {
		return []error{e.err, e.kind}
	}
	return []error{e.err}
}

// explainOS says err, an error of the operating system about path, in
// Vietnamese; an error it does not know is returned as it is.
func explainOS(err error) error {
	reason, kind := osReason(err, errorPath(err))
	if reason == "" {
		return err
	}
	return &osError{reason: reason, kind: kind, err: err}
}

// errorPath is the file an OS error is about, or "".
func errorPath(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &le):
		return le.New
	case errors.As(err, &pe):
		return pe.Path
	}
	return ""
}

// osReason is the one place that says why the operating system refused,
// in Vietnamese, with the kind of failure when it is one of ErrReadOnly,
// ErrDiskFull or ErrInUse. It returns "" for an error it does not know.
func osReason(err error, path string) (string, error) {
	what, dir := "tệp hoặc thư mục", ""
	if path != "" {
		what, dir = "«"+path+"»", filepath.Dir(path)
		// A temporary file is an implementation detail: name its folder.
		if base := filepath.Base(path); strings.HasPrefix(base, ".") && strings.HasSuffix(base, ".tmp") {
			what = "thư mục «" + dir + "»"
		}
	}
	switch {
	case isReadOnlyFS(err):
		return "ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được", ErrReadOnly
	case isNoSpace(err):
		return "ổ đĩa đã đầy", ErrDiskFull
	case isInUse(err):
		return "tệp đang được một chương trình khác mở (ví dụ trình đọc PDF)", ErrInUse
	case errors.Is(err, fs.ErrNotExist):
		if dir != "" {
			if _, serr := os.Stat(dir); serr != nil {
				return "thư mục «" + dir + "» không tồn tại", nil
			}
		}
		return "không tìm thấy " + what, nil
	case errors.Is(err, fs.ErrPermission):
		return permissionReason(what), nil
	case errors.Is(err, fs.ErrExist):
		return what + " đã có", nil
	case isDirErr(err):
		return what + " là một thư mục, không phải tệp", nil
	case isNotDirErr(err):
		return "đường dẫn " + what + " đi qua một tệp như thể đó là thư mục", nil
	case isNameTooLong(err):
		return "tên tệp hoặc đường dẫn quá dài", nil
	case isIOErr(err):
		return "lỗi đọc ghi ổ đĩa (ổ đĩa hoặc USB có thể bị hỏng hoặc đã bị rút ra)", nil
	}
	return "", nil
}

// Explain returns err as an official should read it: every error of the
// operating system in it (the English "no such file or directory",
// "read-only file system"…) said in Vietnamese, and control characters
// made visible ([Printable]). The result still matches errors.Is and
// errors.As as err does, and also ErrReadOnly, ErrDiskFull and ErrInUse
// when that is the cause. Errors of this package are already said in
// Vietnamese; Explain is for those of others (the exporter, the standard
// library) and for printing.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*explained); ok {
		return err
	}
	msg := err.Error()
	var kind error
	walk(err, func(e error) {
		var text, path string
		var cause error
		switch e := e.(type) {
		case *osError:
			if kind == nil {
				kind = e.kind
			}
			return
		case *fs.PathError:
			text, path, cause = e.Error(), e.Path, e.Err
		case *os.LinkError:
			text, path, cause = e.Error(), e.New, e.Err
		case *os.SyscallError:
			text, cause = e.Error(), e.Err
		case syscall.Errno:
			text, cause = e.Error(), e
		default:
			return
		}
		if !strings.Contains(msg, text) {
			return
		}
		reason, k := osReason(cause, path)
		if reason == "" {
			return
		}
		msg = strings.Replace(msg, text, reason, 1)
		if kind == nil {
			kind = k
		}
	})
	return &explained{msg: Printable(msg), err: err, kind: kind}
}

// walk calls f on err and every error it wraps, outermost first.
func walk(err error, f func(error)) {
	for err != nil {
		f(err)
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e, f)
			}
			return
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		default:
			return
		}
	}
}

type explained struct {
	msg  string
	err  error
	kind error
}

func (e *explained) Error() string { return e.msg }

func (e *explained) Unwrap() []error {
	if e.kind != nil {
		return []error{e.err, e.kind}
	}
	return []error{e.err}
}

// Reason is why err happened, in Vietnamese, without what was being done:
// "ổ đĩa đã đầy", "thư mục «D:\baocao» không tồn tại". For an error this
// package does not know, it is the error's own message. The status line of
// a save that failed says it.
func Reason(err error) string {
	var lk *LockedError
	var le *LoadError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &lk):
		return lk.Error()
	case errors.As(err, &le):
		return le.Reason
	}
	var found string
	walk(err, func(e error) {
		if found != "" {
			return
		}
		if oe, ok := e.(*osError); ok {
			found = oe.reason
			return
		}
		switch e.(type) {
		case *fs.PathError, *os.LinkError, *os.SyscallError:
			found, _ = osReason(e, errorPath(e))
		}
	})
	if found == "" {
		found = Explain(err).Error()
	}
	return Printable(found)
}
