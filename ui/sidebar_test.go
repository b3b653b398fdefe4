package ui

import (
	"strings"
	"testing"
)

// TestSidebarLetters types a sentence while the parts list has focus: no
// letter reaches the part's text, no shortcut fires, a hint says what to
// do.
func TestSidebarLetters(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("n")
	d.typeText("xã Tân Lập")
	d.key("tab", "tab", "tab")
	d.gotoPart("III")
	d.typeText("Nhìn chung")
	d.key("esc")
	if d.m.wiz.focus != focusSidebar {
		t.Fatal("Esc did not focus the sidebar")
	}
	d.typeText("Trong quý này xã đã")
	if d.screenKind() != screenWizard || d.partID() != "III" || d.m.wiz.focus != focusSidebar {
		t.Fatalf("letters in the sidebar left it: screen %d, part %s", d.screenKind(), d.partID())
	}
	if got := d.m.d.r.Section("III").Text; got != "Nhìn chung" {
		t.Errorf("III = %q", got)
	}
	d.wantFlat("Nhấn Enter để vào phần này rồi gõ nội dung.")
	d.key("enter")
	d.typeText("z")
	if got := d.m.d.r.Section("III").Text; got != "Nhìn chungz" && got != "zNhìn chung" {
		t.Errorf("after Enter: III = %q", got)
	}
	// Digits still choose a part from the sidebar.
	d.key("esc", "4")
	if d.partID() != "I.2" {
		t.Errorf("4 went to %s", d.partID())
	}
}

// TestSidebarWideShowsWholeTitles: in a wide window the sidebar is wide
// enough for every part's title.
func TestSidebarWideShowsWholeTitles(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 200, 50)
	d.key("v")
	for _, p := range d.m.wiz.parts {
		d.wantScreen(p.Title + " ")
	}
	if s := d.screen(); strings.Contains(strings.Split(s, "│")[0], "…") {
		t.Errorf("a title cut:\n%s", s)
	}
}
