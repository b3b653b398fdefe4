package ui

import (
	"baocao/report"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrokenRowKeys: x and t on an unreadable draft say why nothing
// happens.
func TestBrokenRowKeys(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hong.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("x")
	d.wantFlat("không đọc được nên không xuất được PDF")
	d.key("t")
	d.wantFlat("không đọc được nên không tạo được báo cáo kỳ tiếp theo")
}

// TestLockedDraft checks that a draft held by another baocao is not
// opened, with a Vietnamese explanation.
func TestLockedDraft(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := &report.Store{Dir: dir}
	path, err := s.Create(report.Sample())
	if err != nil {
		t.Fatal(err)
	}
	lock, err := report.Lock(path) // this process is alive: it holds it
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	d := newDriver(t, dir, 100, 30)
	d.key("enter")
	if d.screenKind() != screenDrafts {
		t.Fatal("a locked draft was opened")
	}
	d.wantScreen("đang được mở ở một cửa sổ baocao khác")
	if strings.Contains(d.screen(), "tiến trình") {
		t.Error("the process number is shown")
	}
}

// TestRestoreFromBackup opens a draft cut short by a power cut: the list
// says what is wrong, Enter makes a new draft from the .bak and opens it,
// and the broken file is left as it was.
func TestRestoreFromBackup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "duong-huu-2026-q1.json")
	r := report.Sample()
	if err := report.Save(path, r); err != nil {
		t.Fatal(err)
	}
	r.Section("VI").Text = "Kiến nghị mới, chưa kịp lưu trọn."
	if err := report.Save(path, r); err != nil { // the sample is now the .bak
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	cut := data[:len(data)/2]
	os.WriteFile(path, cut, 0o644)

	d := newDriver(t, dir, 100, 30)
	d.wantFlat("tệp bị cắt")
	d.wantFlat("chọn bản nháp này để")
	d.key("enter")
	if d.screenKind() != screenWizard {
		t.Fatalf("restored draft not opened:\n%s", d.screen())
	}
	restored := filepath.Join(dir, "duong-huu-2026-q1-2.json")
	got := loadDraft(t, restored)
	if got.Section("VI").Text != report.Sample().Section("VI").Text {
		t.Errorf("restored VI = %q", got.Section("VI").Text)
	}
	// The broken draft is kept unchanged in the trash, not offered again.
	trashed, _ := filepath.Glob(filepath.Join(dir, "trash", "duong-huu-2026-q1-*.json"))
	if len(trashed) != 1 {
		t.Fatalf("trash holds %v", trashed)
	}
	if now, _ := os.ReadFile(trashed[0]); !bytes.Equal(now, cut) {
		t.Error("the broken draft changed")
	}
}
