package ui

import (
	"os"
	"runtime"
	"strings"
	"testing"
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
