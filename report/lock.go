package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// LockedError is returned by [Lock] and [Store.Trash] when another running
// baocao has the draft open.
type LockedError struct {
	Path string
	// PID is the process id the other baocao wrote into the lock file, or
	// 0 when it could not be read. It is information for the official,
	// never used to decide anything.
	PID int
}

func (e *LockedError) Error() string {
	msg := "bản nháp «" + Printable(filepath.Base(e.Path)) + "» đang được mở ở một cửa sổ baocao khác"
	if e.PID > 0 {
		msg += " (tiến trình số " + strconv.Itoa(e.PID) + ")"
	}
	return msg
}

// Hint says what the official can do about the lock, as full sentences.
func (e *LockedError) Hint() string {
	hint := "Hãy đóng cửa sổ baocao đó rồi thử lại. Nếu không còn cửa sổ baocao nào mở bản nháp này, chỉ cần thử lại: khóa tự được gỡ ngay khi chương trình kia tắt, kể cả khi máy tắt đột ngột hay mất điện, nên không cần xóa tệp nào."
	if e.PID > 0 {
		hint += " Nếu chương trình kia bị treo, hãy tắt hẳn nó (trên Windows: mở Trình quản lý tác vụ, kết thúc tiến trình số " + strconv.Itoa(e.PID) + ")."
	}
	return hint
}

// DraftLock is this process's claim on a draft, held from [Lock] until
// [DraftLock.Release] or until the process ends, however it ends.
type DraftLock struct {
	f    *os.File
	path string
}

// errLocked is what lockFile returns when another open file holds the lock.
var errLocked = errors.New("locked")

// Lock claims the draft at path for this process. The claim is an
// operating-system lock (flock on Linux and macOS, LockFileEx on Windows)
// on the file path+".lock": the system releases it when the process ends,
// even when it is killed or the power fails, so a lock file left behind
// never blocks, whatever process id it names, and two processes can never
// both hold it. The file also holds this process's id, for the message
// another window shows. A draft another process holds gives a
// [*LockedError].
func Lock(path string) (*DraftLock, error) {
	lockPath := resolve(path) + ".lock"
	for attempt := 0; attempt < 100; attempt++ {
		f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("không tạo được tệp khóa %s: %w", Printable(lockPath), explainOS(err))
		}
		if err := lockFile(f); err != nil {
			f.Close()
			if errors.Is(err, errLocked) {
				return nil, &LockedError{Path: path, PID: lockPID(lockPath)}
			}
			return nil, fmt.Errorf("không khóa được bản nháp %s: %w", Printable(path), explainOS(err))
		}
		// The holder before us removes the file as it releases it. If it
		// did so between our open and our lock, we hold a file nobody
		// else will open: try again with the one at the path.
		if !sameFile(f, lockPath) {
			unlockFile(f)
			f.Close()
			continue
		}
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0) // information only
		}
		return &DraftLock{f: f, path: lockPath}, nil
	}
	return nil, fmt.Errorf("không khóa được bản nháp %s", Printable(path))
}

// sameFile reports whether f is still the file at path.
func sameFile(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// lockPID reads the process id from a lock file, or 0.
func lockPID(lockPath string) int {
	f, err := os.Open(lockPath)
	if err != nil {
		return 0
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, 32))
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// Release gives the draft up and removes the lock file. It is safe to call
// more than once.
func (l *DraftLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	f := l.f
	l.f = nil
	var err error
	if removeWhileHeld {
		// Removed before unlocking: whoever opened the file meanwhile
		// finds, once it gets the lock, that the file is gone (see Lock).
		err = os.Remove(l.path)
	}
	unlockFile(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if !removeWhileHeld {
		// Windows cannot remove a file that is open: this fails, harmlessly,
		// when another baocao has just opened it to take the lock.
		os.Remove(l.path)
	}
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
