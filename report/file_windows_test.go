package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCreateInFolderBeyondMaxPath: a draft is made in a folder whose path
// is longer than Windows' old limit of 260 characters. The move that puts
// a new draft in place is a direct system call, which takes such a path
// only with the \\?\ prefix where long paths are not turned on. (Wine has
// no such limit: this shows the prefix is given and the draft made.)
func TestCreateInFolderBeyondMaxPath(t *testing.T) {
	dir := t.TempDir()
	for len(dir) < 300 {
		dir = filepath.Join(dir, "Thư mục lưu báo cáo quý năm hai nghìn không trăm hai mươi sáu")
	}
	s := &Store{Dir: dir}
	path, err := s.Create(Sample())
	if err != nil {
		t.Fatal(err)
	}
	if r, err := Load(path); err != nil || r.Header.ShortName != Sample().Header.ShortName {
		t.Fatalf("Load = %v, %v", r, err)
	}
	if got := longPath(path); got != `\\?\`+path {
		t.Errorf("longPath(%q) = %q", path, got)
	}
	if got := longPath(`\\may-chu\chia-se\` + strings.Repeat("a", 260)); got != `\\?\UNC\may-chu\chia-se\`+strings.Repeat("a", 260) {
		t.Errorf("longPath of a network path = %q", got)
	}
	if got := longPath(`C:\ngan.json`); got != `C:\ngan.json` {
		t.Errorf("longPath of a short path = %q", got)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock file left: %v", err)
	}
}
