package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/report"
)

// crash leaves the draft open in d as a killed process would: saved up to
// its last autosave, its lock gone, its session not closed.
func crash(d *driver) {
	d.send(saveTickMsg{path: d.m.d.path})
	d.m.d.lock.Release()
}

// TestCrashReopensWhereEditing: a draft whose last session ended without
// closing it opens at the part and field being edited, the cursor at the
// end of its text, with one line saying so and when.
func TestCrashReopensWhereEditing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	path := d.m.d.path
	d.gotoPart(report.PartSigner)
	for range 3 {
		d.key("tab") // the closing sentence
	}
	d.typeText("Trân trọng")
	d.gotoPart("IV")
	d.key("ctrl+home")
	d.typeText("Trước hết: ")
	crash(d)

	d2 := newDriver(t, dir, 80, 24)
	d2.key("enter")
	if d2.m.d == nil || d2.m.d.path != path {
		t.Fatalf("draft not opened:\n%s", d2.screen())
	}
	if d2.partID() != "IV" || d2.focusedKey() != report.FieldText("IV") {
		t.Fatalf("opened at %s / %s, not where the official was typing", d2.partID(), d2.focusedKey())
	}
	saved, _ := os.Stat(path)
	d2.wantFlat("Lần làm việc trước với bản nháp này đã kết thúc đột ngột (chưa đóng bản nháp), lần lưu cuối lúc " +
		saved.ModTime().Format("15:04 ngày 02/01/2006"))
	d2.typeText("Z")
	if got := d2.m.d.r.Section("IV").Text; !strings.HasPrefix(got, "Trước hết: ") || !strings.HasSuffix(got, "Z") {
		t.Errorf("IV = %q…%q", got[:20], got[len(got)-5:])
	}
	// Said once: leaving the part ends it, and a proper close leaves no
	// word next time.
	d2.key("pgdown")
	if strings.Contains(d2.screen(), "đột ngột") {
		t.Error("the line stays after leaving the part")
	}
	d2.key("esc", "esc", "enter")
	if strings.Contains(d2.screen(), "đột ngột") {
		t.Error("a draft closed properly is said to have ended abruptly")
	}
}

// TestSessionGoesWithDraft: moving a draft to the trash takes its session
// with it.
func TestSessionGoesWithDraft(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	path := d.m.d.path
	d.typeText("x")
	d.key("esc", "esc")
	if _, err := os.Stat(sessionPath(path)); err != nil {
		t.Fatalf("no session kept: %v", err)
	}
	d.key("delete", "c")
	if _, err := os.Stat(sessionPath(path)); !os.IsNotExist(err) {
		t.Errorf("session left behind: %v", err)
	}
}

// TestSessionTimeIsLastSave: the time said is the last save's, not the
// opening's.
func TestSessionTimeIsLastSave(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path, err := (&report.Store{Dir: dir}).Create(report.Sample())
	if err != nil {
		t.Fatal(err)
	}
	writeSession(path, session{Part: "III", Field: report.FieldText("III"), Open: true, Time: time.Date(2026, 2, 9, 8, 0, 0, 0, time.Local)})
	last := time.Date(2026, 2, 9, 17, 45, 0, 0, time.Local)
	os.Chtimes(path, last, last)
	where, crashed := openSession(path)
	if where.part != "III" || !crashed.Equal(last) {
		t.Errorf("where %v, crashed %v", where, crashed)
	}
}

// TestStaleSessionTempRemoved: the temporary file of a session write cut
// short (a crash between write and rename) is removed by the drafts
// listing once stale, like a draft save's; a fresh one, perhaps being
// written, is kept.
func TestStaleSessionTempRemoved(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	store := &report.Store{Dir: dir}
	path, err := store.Create(report.Sample())
	if err != nil {
		t.Fatal(err)
	}
	leftover := func(age time.Duration) string {
		// As report.ReplaceFile names it.
		f, err := os.CreateTemp(dir, "."+filepath.Base(sessionPath(path))+".*.tmp")
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		at := time.Now().Add(-age)
		if err := os.Chtimes(f.Name(), at, at); err != nil {
			t.Fatal(err)
		}
		return f.Name()
	}
	stale, fresh := leftover(report.StaleTempAge+time.Minute), leftover(0)
	entries, err := store.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("listed %d drafts, want the one", len(entries))
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale session temp kept: %s", stale)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh session temp removed: %v", err)
	}
}

// TestReopensAtNearestPartLeft: a draft whose session names a part gone
// since (an item deleted) opens at the nearest part left: the item before
// it in its section.
func TestReopensAtNearestPartLeft(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path, err := (&report.Store{Dir: dir}).Create(report.Sample())
	if err != nil {
		t.Fatal(err)
	}
	n := len(report.Sample().Section("II").Items)
	writeSession(path, session{Part: fmt.Sprintf("II.%d", n+1), Field: report.FieldText(fmt.Sprintf("II.%d", n+1)), Time: fixedNow()})
	d := newDriver(t, dir, 80, 24)
	d.key("enter")
	if d.m.d == nil {
		t.Fatalf("draft not opened:\n%s", d.screen())
	}
	if got, want := d.partID(), fmt.Sprintf("II.%d", n); got != want {
		t.Errorf("opened at %s, want %s", got, want)
	}
}

// TestResumeIndex: the part a session names, or the nearest one left.
func TestResumeIndex(t *testing.T) {
	t.Parallel()
	parts := []report.Part{{ID: "general"}, {ID: "I.1"}, {ID: "I.2"}, {ID: "II"}, {ID: "III"}, {ID: "signer"}}
	for _, tt := range []struct {
		id   string
		want int
	}{{"", -1}, {"I.2", 2}, {"I.5", 2}, {"II.3", 3}, {"IV.1", -1}, {"VII", -1}, {"I.99999999999", 2}} {
		if got := resumeIndex(parts, tt.id); got != tt.want {
			t.Errorf("resumeIndex(%q) = %d, want %d", tt.id, got, tt.want)
		}
	}
}
