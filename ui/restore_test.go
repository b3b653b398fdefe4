package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"baocao/report"
)

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
	if d.m.screen != screenWizard {
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
