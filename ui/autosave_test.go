package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// TestAutosave checks that the debounce timer saves and the status line
// says when.
func TestAutosave(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v") // the built-in example
	if d.screenKind() != screenWizard {
		t.Fatalf("example not opened:\n%s", d.screen())
	}
	path := d.m.d.path
	d.gotoPart("VI")
	d.key("ctrl+end")
	d.typeText(" Thêm một ý.")
	if !d.m.d.pending {
		t.Fatal("no save scheduled")
	}
	d.wantScreen("Đang chờ lưu…")
	d.send(saveTickMsg{path: path}) // the timer fires
	d.wantScreen("Đã lưu lúc 09:31:05")
	if r := loadDraft(t, path); !strings.HasSuffix(r.Section("VI").Text, "Thêm một ý.") {
		t.Errorf("VI on disk %q", r.Section("VI").Text)
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Errorf("no .bak kept: %v", err)
	}

	// Ctrl+S saves at once.
	d.typeText("!")
	d.key("ctrl+s")
	if r := loadDraft(t, path); !strings.HasSuffix(r.Section("VI").Text, "Thêm một ý.!") {
		t.Errorf("Ctrl+S did not save: %q", r.Section("VI").Text)
	}

	// A failing save keeps the edit and says why; it is retried.
	if runtime.GOOS == "windows" {
		// Windows refuses to move a folder holding an open file (the
		// draft's lock); Wine allows it. Let go of the lock to move it.
		d.m.d.lock.Release()
	}
	if err := os.Rename(dir, dir+".moved"); err != nil {
		t.Fatal(err)
	}
	defer os.Rename(dir+".moved", dir)
	d.typeText("?")
	d.send(saveTickMsg{path: path})
	d.wantScreen("Chưa lưu được")
	if !strings.HasSuffix(d.m.d.r.Section("VI").Text, "ý.!?") {
		t.Error("edit lost after a failed save")
	}
	os.Rename(dir+".moved", dir)
	d.send(saveTickMsg{path: path})
	d.wantScreen("Đã lưu lúc")
	if r := loadDraft(t, path); !strings.HasSuffix(r.Section("VI").Text, "ý.!?") {
		t.Errorf("retry did not save: %q", r.Section("VI").Text)
	}
}

// TestTermSignal checks that the end signal saves before quitting.
func TestTermSignal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	path := d.m.d.path
	d.gotoPart("III")
	d.key("ctrl+end")
	d.typeText("Z")
	d.send(termMsg{})
	if !d.quit {
		t.Fatal("termMsg did not quit")
	}
	if r := loadDraft(t, path); !strings.HasSuffix(r.Section("III").Text, "Z") {
		t.Errorf("not saved on SIGTERM: %q", r.Section("III").Text)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Error("lock kept after SIGTERM")
	}
}

// tanChiDraft makes, in dir, the draft of «xã Tân Chi» for quý II with the
// year mistyped: 1999.
func tanChiDraft(t *testing.T, dir string) string {
	t.Helper()
	r := report.Sample()
	r.Header.ShortName = "UBND xã Tân Chi"
	r.Header.Agency = []string{"ỦY BAN NHÂN DÂN", "XÃ TÂN CHI"}
	r.Header.Place = "Tân Chi"
	r.Period = report.Period{Kind: report.Quarter, Quarter: 2, Year: 1999}
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "tan-chi-1999-q2.json" {
		t.Fatalf("created %s", path)
	}
	return path
}

// fixYear opens the general part and types year over the year of the
// period, then leaves the part.
func (d *driver) fixYear(year string) {
	d.t.Helper()
	d.gotoPart(report.PartGeneral)
	for range 30 {
		if d.focusedKey() == report.FieldPeriod+".year" {
			break
		}
		d.key("tab")
	}
	if d.focusedKey() != report.FieldPeriod+".year" {
		d.t.Fatalf("no year field:\n%s", d.screen())
	}
	d.key("end", "backspace", "backspace", "backspace", "backspace")
	d.typeText(year)
}

// TestDraftRenamedAfterPeriodChange: a draft made with a mistyped year takes
// the name of the period fixed, with its .bak, session and lock, once the
// official leaves the part, and the status line says so; the year being
// typed never names the file.
func TestDraftRenamedAfterPeriodChange(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := tanChiDraft(t, dir)
	d := newDriver(t, dir, 160, 30)
	d.key("enter")
	if d.screenKind() != screenWizard {
		t.Fatalf("draft not opened:\n%s", d.screen())
	}
	d.fixYear("20")
	d.send(saveTickMsg{path: old}) // saved while the year is typed
	if d.m.d.path != old || loadDraft(t, old).Period.Year != 20 {
		t.Fatalf("renamed while typing: %s", d.m.d.path)
	}
	d.typeText("26")
	d.key("pgdown") // the part is left
	want := filepath.Join(dir, "tan-chi-2026-q2.json")
	if d.m.d.path != want {
		t.Fatalf("the draft is %s, want %s", d.m.d.path, want)
	}
	if r := loadDraft(t, want); r.Period.Year != 2026 {
		t.Errorf("the renamed draft holds year %d", r.Period.Year)
	}
	for _, gone := range []string{old, old + ".bak", old + ".session", old + ".lock"} {
		if _, err := os.Lstat(gone); !os.IsNotExist(err) {
			t.Errorf("%s is still there", filepath.Base(gone))
		}
	}
	for _, there := range []string{want + ".bak", want + ".session", want + ".lock"} {
		if _, err := os.Lstat(there); err != nil {
			t.Errorf("%s: %v", filepath.Base(there), err)
		}
	}
	var le *report.LockedError
	if _, err := report.Lock(want); !errors.As(err, &le) {
		t.Errorf("the renamed draft is not locked: %v", err)
	}
	d.wantScreen("Đã đổi tên bản nháp thành tan-chi-2026-q2.json cho khớp với kỳ báo cáo mới (quý II năm 2026).")

	// Typing goes on under the new name; the note goes with the next change.
	d.key("ctrl+end")
	d.typeText(" Thêm.")
	d.send(saveTickMsg{path: want})
	if strings.Contains(d.screen(), "Đã đổi tên") {
		t.Error("the note stays after a change")
	}
	mem, _ := report.Marshal(d.m.d.r)
	if !strings.Contains(string(mem), " Thêm.") {
		t.Fatalf("nothing typed in %s:\n%s", d.partID(), d.screen())
	}
	d.send(closeDraftMsg{})
	if disk, _ := os.ReadFile(want); string(disk) != string(mem) {
		t.Error("the draft on disk is not what was typed after the renaming")
	}
	if locks, _ := filepath.Glob(filepath.Join(dir, "*.lock")); len(locks) > 0 {
		t.Errorf("locks left after closing: %v", locks)
	}
	if list, _ := filepath.Glob(filepath.Join(dir, "*.json")); len(list) != 1 {
		t.Errorf("drafts %v", list)
	}
}

// TestDraftKeepsItsNameWhenTheNewOneIsTaken: when a draft of the unit for
// the period fixed exists, the draft keeps its name and the status line
// says why, once; nothing of the other draft changes.
func TestDraftKeepsItsNameWhenTheNewOneIsTaken(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := tanChiDraft(t, dir)
	r := loadDraft(t, old)
	r.Period.Year = 2026
	other, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(other)
	d := newDriver(t, dir, 160, 30)
	// Enter opens the newest, the 2026 draft: closed, then the 1999 one.
	d.key("enter")
	d.send(closeDraftMsg{})
	d.send(openDraftMsg{path: old})
	d.fixYear("2026")
	d.key("pgdown")
	if d.m.d.path != old || loadDraft(t, old).Period.Year != 2026 {
		t.Fatalf("the draft is %s", d.m.d.path)
	}
	d.wantScreen("Bản nháp vẫn giữ tên tan-chi-1999-q2.json vì tên «tan-chi-2026-q2.json» đã là của một bản nháp khác.")
	if after, _ := os.ReadFile(other); string(after) != string(before) {
		t.Error("the other draft changed")
	}
	d.key("ctrl+end")
	d.typeText("x") // another change, not of the name
	d.key("pgup")   // left again: said once per change of the name
	if strings.Contains(d.screen(), "vẫn giữ tên") {
		t.Error("said again without a change")
	}
}

// TestReadOnlyDraftIsShownNeverWritten: a draft marked read-only (mode
// 0444, the read-only attribute on Windows) opens, says so, and whatever is
// typed, the file is not written and no .bak appears.
func TestReadOnlyDraftIsShownNeverWritten(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path, before := readOnlyDraft(t, dir)
	d := newDriver(t, dir, 100, 30)
	d.key("enter")
	if d.screenKind() != screenWizard {
		t.Fatalf("draft not opened:\n%s", d.screen())
	}
	d.wantFlat("Bản nháp chỉ đọc: xem, kiểm tra và xuất được, không sửa được.")
	d.wantFlat("Tệp được đặt thuộc tính chỉ đọc. Muốn sửa, hãy bỏ thuộc tính đó")
	d.gotoPart("VI")
	d.key("ctrl+end")
	d.typeText("Thêm")
	d.wantFlat("Không sửa được: bản nháp chỉ đọc.")
	d.key("backspace", "backspace", "ctrl+w", "ctrl+y")
	d.send(tea.PasteMsg{Content: "dán vào"})
	d.gotoPart(report.PartGeneral)
	for range 30 {
		if d.focusedKey() == report.FieldPeriod {
			break
		}
		d.key("tab")
	}
	d.key("right") // another period: undone
	d.gotoPart(report.PartIndicators)
	d.key("ctrl+n", "ctrl+x")
	d.key("ctrl+s")
	d.send(saveTickMsg{path: path})
	if got, _ := report.Marshal(d.m.d.r); string(got) != string(before) {
		t.Error("the report shown changed")
	}
	d.send(closeDraftMsg{})
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the read-only draft was written")
	}
	if _, err := os.Stat(path + ".bak"); !os.IsNotExist(err) {
		t.Errorf("a .bak appeared: %v", err)
	}
}

// TestDraftRenameThatFailsIsTriedAgain: a rename the system refuses for a
// moment (here the new name's lock file cannot be made) leaves the draft
// whole under its name, says so, and is done at the next part left.
func TestDraftRenameThatFailsIsTriedAgain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := tanChiDraft(t, dir)
	want := filepath.Join(dir, "tan-chi-2026-q2.json")
	if err := os.Mkdir(want+".lock", 0o755); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 160, 30)
	d.key("enter")
	d.fixYear("2026")
	d.key("pgdown")
	if d.m.d.path != old || loadDraft(t, old).Period.Year != 2026 {
		t.Fatalf("the draft is %s", d.m.d.path)
	}
	d.wantScreen("Bản nháp vẫn giữ tên tan-chi-1999-q2.json: chưa đổi được tên")
	os.Remove(want + ".lock")
	d.key("pgdown")
	if d.m.d.path != want {
		t.Fatalf("not tried again: the draft is %s", d.m.d.path)
	}
	d.wantScreen("Đã đổi tên bản nháp thành tan-chi-2026-q2.json")
}

// TestReadOnlyDraftCopiedToEdit: Ctrl+S on a read-only draft saves a copy
// that can be edited, opens it at the same part, and leaves the read-only
// draft as it was.
func TestReadOnlyDraftCopiedToEdit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path, before := readOnlyDraft(t, dir)
	d := newDriver(t, dir, 160, 30)
	d.key("enter")
	d.wantScreen("Ctrl+S: lưu một bản sao để sửa.")
	d.gotoPart("VI")
	d.key("ctrl+s")
	copied := filepath.Join(dir, "duong-huu-2026-q1-2.json")
	if d.m.d.path != copied || d.m.d.readOnly || d.partID() != "VI" {
		t.Fatalf("open: %s (read-only %v) at %s", d.m.d.path, d.m.d.readOnly, d.partID())
	}
	d.wantScreen("Đã lưu một bản sao để sửa: duong-huu-2026-q1-2.json; bản chỉ đọc vẫn giữ nguyên.")
	d.key("ctrl+end")
	d.typeText(" Sửa ở bản sao.")
	d.key("ctrl+s")
	if r := loadDraft(t, copied); !strings.HasSuffix(r.Section("VI").Text, " Sửa ở bản sao.") {
		t.Errorf("the copy holds %q", r.Section("VI").Text)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the read-only draft was written")
	}
}

// readOnlyDraft writes the sample draft in dir marked read-only (mode
// 0444, the read-only attribute on Windows) and returns its path and bytes.
func readOnlyDraft(t *testing.T, dir string) (path string, before []byte) {
	t.Helper()
	path = sampleDraft(t, dir)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o644) })
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, before
}
