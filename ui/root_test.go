package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
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
		check("drafts")
		d.key("v")
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
