package ui

import (
	"baocao/report"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
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
	d.wantFlat("không đọc được nên không xuất được.")
	d.key("t")
	d.wantFlat("không đọc được nên không tạo được báo cáo kỳ tiếp theo")
}

// TestRestoreFromBackup opens a draft cut short by a power cut: the list
// says what is wrong, Enter makes a new draft from the .bak and opens it,
// and the broken file is left as it was.
func TestRestoreFromBackup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, cut := draftCutShort(t, dir)

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

// TestDraftsListShowsControlCharactersOfNames: a file named with terminal
// escapes is listed with them made visible; none reaches the terminal.
func TestDraftsListShowsControlCharactersOfNames(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "\x1b]0;pwned\a.json"), []byte("{"), 0o644)
	sample, _ := report.Marshal(report.Sample())
	os.WriteFile(filepath.Join(dir, "\x1b[31mdo.json"), sample, 0o644)
	d := newDriver(t, dir, 100, 30)
	for range 2 {
		raw := d.m.render()
		for _, bad := range []string{"\x1b]0;", "\a", "\x1b[31mdo"} {
			if strings.Contains(raw, bad) {
				t.Errorf("%q reached the terminal", bad)
			}
		}
		d.key("down")
	}
	d.wantFlat(`\x1b]0;pwned\x07.json`)
	d.key("up")
	d.wantFlat(`\x1b[31mdo.json`)
}

// TestNextPeriodTwiceOffersTheExistingDraft: t on a draft whose next
// period already has a draft selects that one instead of making a copy.
func TestNextPeriodTwiceOffersTheExistingDraft(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := &report.Store{Dir: dir}
	q1, _ := s.Create(report.Sample())
	q2, _, err := s.NextDraft(q1)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 100, 30)
	for i, e := range d.m.list.entries {
		if e.Path == q1 {
			d.m.list.cursor = i
		}
	}
	d.key("t")
	d.wantFlat("Đã có bản nháp quý II năm 2026 của đơn vị này (đang được chọn): nhấn Enter để mở và làm tiếp.")
	if dup, _ := filepath.Glob(filepath.Join(dir, "duong-huu-2026-q2-*.json")); len(dup) > 0 {
		t.Fatalf("duplicate: %v", dup)
	}
	d.key("enter")
	if d.m.d == nil || d.m.d.path != q2 {
		t.Fatalf("Enter did not open the existing draft:\n%s", d.screen())
	}
}

// TestLockedDraftSaysTheWayOut: a draft another window has open is not
// opened, and the message says what to do.
func TestLockedDraftSaysTheWayOut(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path, _ := (&report.Store{Dir: dir}).Create(report.Sample())
	l, err := report.Lock(path) // the other window
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	d := newDriver(t, dir, 100, 30)
	d.key("enter")
	if d.screenKind() != screenDrafts {
		t.Fatal("a draft open elsewhere was opened")
	}
	d.wantFlat("đang được mở ở một cửa sổ baocao khác")
	d.wantFlat("Hãy đóng cửa sổ baocao đó rồi thử lại.")
	d.wantFlat("khóa tự được gỡ ngay khi chương trình kia tắt")
	if strings.Contains(d.screen(), "tiến trình") {
		t.Error("the process number is shown")
	}
}

// draftCutShort leaves in dir the example's draft cut in half, as a power
// cut during a save would, with the whole example as its .bak; it returns
// the draft's path and the bytes left in it.
func draftCutShort(t *testing.T, dir string) (path string, cut []byte) {
	t.Helper()
	path = filepath.Join(dir, "duong-huu-2026-q1.json")
	r := report.Sample()
	if err := report.Save(path, r); err != nil {
		t.Fatal(err)
	}
	r.Section("VI").Text = "Kiến nghị mới, chưa kịp lưu trọn."
	if err := report.Save(path, r); err != nil { // the sample is now the .bak
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut = data[:len(data)/2]
	if err := os.WriteFile(path, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, cut
}

// TestCloseAndTrashLeaveNothingOpen: a draft closed from the wizard is
// saved and lets go of every file (Windows cannot remove or move a file
// still open), so the trash then takes it without a word of error, and
// the folder can be removed.
func TestCloseAndTrashLeaveNothingOpen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path, _ := (&report.Store{Dir: dir}).Create(report.Sample())
	d := newDriver(t, dir, 100, 30)
	d.key("enter")
	d.gotoPart("VI")
	d.key("ctrl+end")
	d.typeText(" Thêm.")
	for i := 0; i < 3 && d.screenKind() != screenDrafts; i++ {
		d.key("esc")
	}
	if d.screenKind() != screenDrafts || d.m.d != nil {
		t.Fatalf("the draft was not closed:\n%s", d.screen())
	}
	if r := loadDraft(t, path); !strings.HasSuffix(r.Section("VI").Text, " Thêm.") {
		t.Errorf("VI on disk after closing: %q", r.Section("VI").Text)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock file left after closing: %v", err)
	}
	d.key("d")
	d.wantFlat("vào thùng rác?")
	d.key("c")
	d.wantFlat("Đã chuyển «")
	for _, bad := range []string{"hông chuyển được", "khóa", "chương trình khác"} {
		if strings.Contains(d.screen(), bad) {
			t.Errorf("an error after trashing (%q):\n%s", bad, d.screen())
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the draft is still there: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 1 || filepath.Base(left[0]) != "trash" {
		t.Errorf("left beside the trash: %v", left)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Errorf("the drafts folder cannot be removed: %v", err)
	}
}
