package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// How drafts are read and written on disk.

// newDraftMode is the permission of a new draft: readable by all, written
// by its owner, as files made by other programs usually are. A draft
// that exists keeps its own.
const newDraftMode fs.FileMode = 0o644

// ErrReadOnlyDraft is returned by [Save] for a draft marked read-only (see
// [ReadOnly]): such a draft is never written, nor its .bak.
var ErrReadOnlyDraft = errors.New("bản nháp chỉ đọc: tệp được đặt thuộc tính chỉ đọc nên không ghi vào")

// ReadOnly reports whether the draft at path is marked read-only: its
// owner's write permission is off (on Windows, the read-only attribute,
// which is what os.Chmod(path, 0o444) sets), or the system says this
// process may not write it. It is told from the file's marks, not from a
// write that fails: an administrator can write any file, and a draft
// someone made read-only must stay as it is. A missing file is not
// read-only.
func ReadOnly(path string) bool {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	return info.Mode().Perm()&0o200 == 0 || !writable(path)
}

// errNotRegular refuses a "draft" that is a folder, a device or a pipe:
// reading one could block or never end.
var errNotRegular = errors.New("đây không phải là một tệp thông thường")

// tooLargeError refuses a file over MaxDraftSize.
type tooLargeError struct{ size int64 }

func (e *tooLargeError) Error() string {
	return "tệp quá lớn để là một bản nháp (" + sizeText(e.size) + "; bản nháp tối đa " + sizeText(MaxDraftSize) + ")"
}

// readDraft reads the file at path when it is a regular file of at most
// MaxDraftSize bytes. A larger file is refused from its size, before any
// of it is read, and the reading itself stops past the limit, should the
// file grow meanwhile: memory stays bounded whatever the folder holds.
func readDraft(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errFolder
	}
	if !info.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if info.Size() > MaxDraftSize {
		return nil, &tooLargeError{size: info.Size()}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + 1)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxDraftSize+1)); err != nil {
		return nil, err
	}
	if buf.Len() > MaxDraftSize {
		return nil, &tooLargeError{size: int64(buf.Len())}
	}
	return buf.Bytes(), nil
}

// sizeText writes a file size as an official reads it: "12 KB",
// "4 MB", "1,5 GB".
func sizeText(n int64) string {
	const kb, mb, gb = 1 << 10, 1 << 20, 1 << 30
	unit, div := "byte", int64(1)
	switch {
	case n >= gb:
		unit, div = "GB", gb
	case n >= mb:
		unit, div = "MB", mb
	case n >= kb:
		unit, div = "KB", kb
	}
	whole, tenth := n/div, (n%div)*10/div
	if tenth == 0 || whole >= 100 {
		return strconv.FormatInt(whole, 10) + " " + unit
	}
	return strconv.FormatInt(whole, 10) + "," + strconv.FormatInt(tenth, 10) + " " + unit
}

// resolve follows symbolic links to the file a path names, so that saving
// through a link writes the file and keeps the link. A path that cannot be
// resolved (a link to nothing) is kept as it is.
func resolve(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return path
}

// StaleTempAge is how old a temporary file of a save must be for [Store.List]
// to remove it as the leftover of a save cut short. A save takes
// milliseconds, so no running save is that old; a save hung for so long
// loses nothing either: on Linux its file is gone and the save fails and is
// tried again, and Windows does not remove a file still open.
const StaleTempAge = 10 * time.Minute

// tempSuffix ends the names of the temporary files of saves:
// ".duong-huu-2026-q1.json.123456.tmp".
const tempSuffix = ".tmp"

// isSaveTemp reports whether name is a temporary file of a draft's save:
// of the draft, its .bak, or of a file kept beside it under its name (the
// wizard's "<draft>.json.session" is written through
// ".<draft>.json.*.session.tmp").
func isSaveTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, tempSuffix) && strings.Contains(name, ".json")
}

// removeStaleTemp removes the temporary file at path when it is older than
// StaleTempAge.
func removeStaleTemp(path string, de fs.DirEntry, now time.Time) {
	if !de.Type().IsRegular() {
		return
	}
	info, err := de.Info()
	if err != nil || now.Sub(info.ModTime()) < StaleTempAge {
		return
	}
	os.Remove(path)
}

// writeTemp writes data to a new temporary file in dir named after name,
// synced to disk, with the given permissions, and returns its path.
func writeTemp(dir, name string, data []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".*"+tempSuffix)
	if err != nil {
		return "", explainOS(err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil && runtime.GOOS != "windows" {
		// CreateTemp makes the file private (0600); Windows has no such bits.
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", explainOS(err)
	}
	return tmp, nil
}

// renameFile is os.Rename; tests replace it to fail between write and rename.
var renameFile = os.Rename

// writeAtomic is [ReplaceFile] whose error names path.
func writeAtomic(dir, path string, data []byte, mode fs.FileMode) error {
	if err := replaceFile(dir, path, data, mode); err != nil {
		return fmt.Errorf("không lưu được %s: %w", Printable(path), err)
	}
	return nil
}

// ReplaceFile gives path the content data, all of it or none: it writes a
// temporary file beside path (".<name>.*.tmp", which [Store.List] removes
// when a crash leaves it), syncs it, renames it over path and syncs the
// folder. Drafts, their .bak, the session file, template files and the
// exported files are all written through it. Its error says the reason in
// Vietnamese, without naming path.
func ReplaceFile(path string, data []byte, mode fs.FileMode) error {
	return replaceFile(filepath.Dir(path), path, data, mode)
}

func replaceFile(dir, path string, data []byte, mode fs.FileMode) error {
	tmp, err := writeTemp(dir, filepath.Base(path), data, mode)
	if err != nil {
		return err
	}
	if err := renameFile(tmp, path); err != nil {
		os.Remove(tmp)
		return explainOS(err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable on Linux; elsewhere it does nothing harmful.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
