package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// The cursor of a field stays where the official left it: through resizes,
// part changes and the draft's reopening (then at the end of the text of
// the part last edited).

// sizes a terminal goes through while the official types.
var sizes = []tea.WindowSizeMsg{{Width: 120, Height: 40}, {Width: 60, Height: 18}, {Width: 200, Height: 50}, {Width: 80, Height: 24}}

func TestResizeKeepsCursor(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("III")
	old := d.m.d.r.Section("III").Text
	d.key("ctrl+end", "enter")
	d.typeText("abc")
	for _, s := range sizes {
		d.send(s)
		d.typeText("-")
	}
	d.typeText("def")
	if got, want := d.m.d.r.Section("III").Text, old+"\nabc----def"; got != want {
		t.Errorf("III after typing around resizes:\n%q\nwant\n%q", got, want)
	}
	// The closing sentence, a smaller field further down a form.
	d.gotoPart(report.PartSigner)
	for range 3 {
		d.key("tab")
	}
	d.typeText("Nơi nhận")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.typeText(" đủ.")
	if got := d.m.d.r.Closing; got != "Nơi nhận đủ." {
		t.Errorf("closing sentence %q", got)
	}
}

// TestIMEAroundResize types the way Unikey sends Vietnamese (letters, then
// BS or DEL to take one back, then the composed letter) while the window
// is resized in the middle of the words.
func TestIMEAroundResize(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("VI")
	old := d.m.d.r.Section("VI").Text
	d.key("ctrl+end")
	d.typeText(" Tie")
	d.send(sizes[0])
	d.key("ctrl+h")
	d.typeText("ếng Vie")
	d.send(sizes[1])
	d.key("backspace")
	d.send(sizes[2])
	d.typeText("ệt đa")
	d.key("ctrl+h")
	d.send(sizes[3])
	d.typeText("ầy đủ.")
	if got, want := d.m.d.r.Section("VI").Text, old+" Tiếng Việt đầy đủ."; got != want {
		t.Errorf("VI:\n%q\nwant\n%q", got, want)
	}
	d.key("ctrl+s")
	if got := loadDraft(t, d.m.d.path).Section("VI").Text; got != old+" Tiếng Việt đầy đủ." {
		t.Errorf("on disk %q", got)
	}
}

// TestReenteringPartKeepsCursor: back in a part, typing goes on where it
// stopped, not in front of the text.
func TestReenteringPartKeepsCursor(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.newReport("xã Tân Lập")
	d.gotoPart("III")
	d.typeText("Câu thứ nhất.")
	d.key("pgdown", "pgup")
	d.typeText(" Câu thứ hai.")
	// By the sidebar too, and after moving the cursor into the text.
	d.key("left")
	d.key("esc", "down", "up", "enter")
	d.typeText("!")
	if got, want := d.m.d.r.Section("III").Text, "Câu thứ nhất. Câu thứ hai!."; got != want {
		t.Errorf("III = %q, want %q", got, want)
	}
}

// TestReopenAtPartLastEdited: a draft opens again at the part last edited,
// its cursor at the end of the text, in the same session and after a
// restart.
func TestReopenAtPartLastEdited(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.newReport("xã Tân Lập")
	d.gotoPart("III")
	d.typeText("Một.")
	d.key("home")
	d.gotoPart("IV") // looked at, not edited
	d.key("esc", "esc")
	d.key("enter")
	if d.partID() != "III" {
		t.Fatalf("reopened at %s, not at the part last edited", d.partID())
	}
	d.typeText(" Hai.")
	d.key("ctrl+c", "c")

	d2 := newDriver(t, dir, 80, 24)
	d2.key("enter")
	if d2.partID() != "III" {
		t.Fatalf("after a restart: at %s", d2.partID())
	}
	d2.typeText(" Ba.")
	if got := d2.m.d.r.Section("III").Text; got != "Một. Hai. Ba." {
		t.Errorf("III = %q", got)
	}
}

// TestReopenFreshDraftAtFirstPart: a draft never edited opens at its first
// part not done.
func TestReopenFreshDraftAtFirstPart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Section("I").Items[1].Text = ""
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("enter")
	if d.partID() != "I.2" {
		t.Fatalf("opened at %s, not the first part not done", d.partID())
	}
}

// TestLongTextOpensAtItsEnd: a text longer than its box opens with the
// cursor at its end, where the official goes on writing, and says there is
// more above; Ctrl+Home goes to its start.
func TestLongTextOpensAtItsEnd(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("II.1")
	text := d.m.d.r.Section("II").Items[0].Text
	d.wantFlat("Nội dung dài hơn khung")
	last := text[strings.LastIndex(text, " ")+1:]
	d.wantScreen(last)
	d.typeText("A")
	if got := d.m.d.r.Section("II").Items[0].Text; got != text+"A" {
		t.Errorf("typed at %q", got[len(got)-20:])
	}
	d.key("ctrl+home")
	d.wantScreen("Xã đã đẩy mạnh ứng dụng")
	d.typeText("B")
	if got := d.m.d.r.Section("II").Items[0].Text; !strings.HasPrefix(got, "BXã đã") {
		t.Errorf("typed at %q", got[:20])
	}
}

// TestDeleteInLongText deletes forward with the Delete key in a long text
// (it used to be taken for "remove the item"); in a list it removes a row.
func TestDeleteInLongText(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("III")
	want := d.m.d.r.Section("III").Text[len("V"):]
	d.key("ctrl+home", "delete")
	if got := d.m.d.r.Section("III").Text; got != want {
		t.Fatalf("after Delete: %q…", got[:20])
	}
	d.key("ctrl+s")
	if got := loadDraft(t, d.m.d.path).Section("III").Text; got != want {
		t.Errorf("on disk: %q…", got[:20])
	}
	d.gotoPart("recipients")
	d.key("delete")
	d.wantFlat("Xóa dòng 1: «Sở KH-CN tỉnh (b/c)»? (c/y: có · k/n: không)")
	d.key("k")
}
