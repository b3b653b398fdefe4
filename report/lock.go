package report

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// LockedError is returned by [Lock] when another running baocao is editing
// the draft.
type LockedError struct {
	Path string
	PID  int
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("bản nháp %s đang được mở ở một cửa sổ baocao khác (tiến trình %d): hãy đóng cửa sổ đó trước", e.Path, e.PID)
}

// DraftLock marks a draft as being edited by this process.
type DraftLock struct {
	path string
}

// Lock marks the draft at path as edited by this process, with a lock file
// path+".lock" holding the process id. A lock left by a process that no
// longer runs is taken over; one held by a running process gives a
// [*LockedError].
func Lock(path string) (*DraftLock, error) {
	lockPath := path + ".lock"
	for attempt := 0; attempt < 3; attempt++ {
		f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(lockPath)
				return nil, fmt.Errorf("không tạo được tệp khóa %s: %w", lockPath, saveReason(werr))
			}
			return &DraftLock{path: lockPath}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("không tạo được tệp khóa %s: %w", lockPath, saveReason(err))
		}
		if pid := lockHolder(path); pid > 0 {
			return nil, &LockedError{Path: path, PID: pid}
		}
		// A dead holder (or a lock file cut short): take it over.
		if err := os.Remove(lockPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("không gỡ được tệp khóa cũ %s: %w", lockPath, err)
		}
	}
	return nil, fmt.Errorf("không khóa được bản nháp %s", path)
}

// lockHolder returns the id of the running process that holds the lock on
// the draft at path, or 0 when no running process does.
func lockHolder(path string) int {
	data, err := os.ReadFile(path + ".lock")
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid <= 0 || !processAlive(pid) {
		return 0
	}
	return pid
}

// Release removes the lock. It is safe to call more than once.
func (l *DraftLock) Release() error {
	if l == nil || l.path == "" {
		return nil
	}
	err := os.Remove(l.path)
	l.path = ""
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
