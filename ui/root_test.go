package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"baocao/report"
)

// TestQuitFromEveryScreenDraws quits from an open draft and draws the last
// frame, as bubbletea does; the draft is saved.
func TestQuitFromEveryScreenDraws(t *testing.T) {
	t.Parallel()
	for _, where := range []string{"wizard", "review", "export"} {
		d := newDriver(t, t.TempDir(), 80, 24)
		d.key("v")
		switch where {
		case "review":
			d.key("ctrl+r")
		case "export":
			d.key("ctrl+r", "x")
		}
		path := d.m.d.path
		d.key("ctrl+c", "c")
		if !d.quit {
			t.Fatalf("%s: c did not quit", where)
		}
		_ = d.m.View()
		_ = d.m.render()
		if r := loadDraft(t, path); r == nil {
			t.Fatalf("%s: no draft", where)
		}
	}
}

// TestSmallWindowWarned: in a window smaller than 80×24 a warning says so,
// whole, and nothing is drawn past the window's width.
func TestSmallWindowWarned(t *testing.T) {
	t.Parallel()
	for _, size := range []tea.WindowSizeMsg{{Width: 60, Height: 18}, {Width: 40, Height: 12}} {
		d := newDriver(t, t.TempDir(), size.Width, size.Height)
		check := func(where string) {
			t.Helper()
			d.wantFlat("nhỏ hơn 80×24: hãy phóng to cửa sổ để soạn cho dễ.")
			lines := strings.Split(d.screen(), "\n")
			if len(lines) != size.Height {
				t.Errorf("%dx%d %s: %d lines", size.Width, size.Height, where, len(lines))
			}
			for _, l := range lines {
				if w := lipgloss.Width(l); w > size.Width {
					t.Errorf("%dx%d %s: a line of %d cells: %q", size.Width, size.Height, where, w, l)
				}
			}
		}
		check("welcome")
		d.key("v", "esc", "esc")
		check("drafts")
		d.wantScreen("Xã Dương Hưu")
		d.key("enter")
		d.gotoPart("III")
		check("wizard")
		d.wantFlat("Nội dung")
		// Typing still goes where it should.
		d.key("ctrl+end")
		d.typeText(" Thêm.")
		if !strings.HasSuffix(d.m.d.r.Section("III").Text, " Thêm.") {
			t.Errorf("%dx%d: typed %q", size.Width, size.Height, d.m.d.r.Section("III").Text)
		}
		d.key("esc")
		check("parts")
		d.wantScreen("III. Đánh giá chung")
	}
}

// TestSaveFailureIsWrappedNotCut: when the drafts folder is gone, the
// status line and the quit warning say it in full, wrapped.
func TestSaveFailureIsWrappedNotCut(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "mot-thu-muc-ban-nhap-co-ten-kha-dai-de-dong-trang-thai-phai-xuong-dong")
	if _, err := (&report.Store{Dir: dir}).Create(report.Sample()); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("enter")
	if d.screenKind() != screenWizard {
		t.Fatalf("not in the wizard:\n%s", d.screen())
	}
	if runtime.GOOS == "windows" {
		// Windows keeps a folder whose file is open (the draft's lock)
		// from being removed; it still goes with a USB stick pulled out
		// or a network drive lost. Let go of the lock to make it go.
		d.m.d.lock.Release()
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	d.gotoPart("signer")
	d.key("tab", "tab")
	d.typeText(" A")
	d.key("ctrl+s")
	if d.m.d.err == nil {
		t.Fatal("the save did not fail")
	}
	d.wantFlat("Chưa lưu được: thư mục «")
	d.wantFlat("không tồn tại — nội dung vẫn được giữ, sẽ thử lưu lại.")
	lines := strings.Split(d.screen(), "\n")
	if bottom := strings.Join(lines[len(lines)-4:], "\n"); strings.Contains(bottom, "…") {
		t.Errorf("the status is cut:\n%s", bottom)
	}
	d.key("ctrl+c")
	d.wantFlat("Nếu thoát, các thay đổi chưa lưu sẽ mất.")
	lines = strings.Split(d.screen(), "\n")
	if bottom := strings.Join(lines[len(lines)-4:], "\n"); strings.Contains(bottom, "…") {
		t.Errorf("the quit warning is cut:\n%s", bottom)
	}
	if len(lines) != 24 {
		t.Errorf("the screen has %d lines, not 24", len(lines))
	}
}

// TestStatusLineWraps: a status longer than the window (here the draft's
// long path) wraps onto a second line, nothing cut.
func TestStatusLineWraps(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), strings.Repeat("thư-mục-báo-cáo-", 4))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.newReport("xã Tân Chi")
	d.wantFlat("Bản nháp: " + d.m.d.path)
}
