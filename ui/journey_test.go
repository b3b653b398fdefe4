package ui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// TestJourney creates a report from the empty drafts screen, types
// Vietnamese with the input-method backspace patterns and a pasted CRLF
// text into two parts, quits, and reads the draft on disk.
func TestJourney(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.wantScreen("Chưa có bản nháp nào")
	d.wantScreen("Mở báo cáo mẫu")

	// New report: the unit, typed the way Unikey sends it (letters, then
	// BS as ctrl+h to take a letter back, then the composed one).
	d.key("enter")
	d.wantScreen("Tạo báo cáo mới")
	d.typeText("xã Dươ")
	d.key("ctrl+h")
	d.typeText("ơng Hu")
	d.key("backspace") // DEL, as terminals send it
	d.typeText("ưu")
	d.key("tab")
	d.key("tab") // period: the current quarter, I/2026
	d.key("tab") // year 2026
	if d.screenKind() != screenWizard {
		t.Fatalf("not in the wizard after the new report form:\n%s", d.screen())
	}
	path := d.m.d.path
	if filepath.Base(path) != "duong-huu-2026-q1.json" {
		t.Errorf("draft file %s", path)
	}
	if got := d.m.d.r.Header.ShortName; got != "UBND xã Dương Hưu" {
		t.Errorf("short name %q", got)
	}
	if _, err := os.Stat(path + ".lock"); err != nil {
		t.Errorf("draft not locked: %v", err)
	}

	// I.1: IME pattern with DEL and BS, a new line, then a CRLF paste.
	d.gotoPart("I.1")
	d.wantScreen("Nêu việc lãnh đạo, chỉ đạo")
	d.typeText("Trong quy")
	d.key("backspace")
	d.typeText("ý I, xã đa")
	d.key("ctrl+h")
	d.typeText("ã tuyên truyền.")
	d.key("enter")
	d.send(tea.PasteMsg{Content: "- Dòng dán một;\r\n- Dòng dán hai.\r\n"})
	d.typeText("Hết.")
	want1 := "Trong quý I, xã đã tuyên truyền.\n- Dòng dán một;\n- Dòng dán hai.\nHết."
	if got := d.m.d.r.Sections[0].Items[0].Text; got != want1 {
		t.Errorf("I.1 text in memory:\n%q\nwant\n%q", got, want1)
	}
	if !d.m.d.dirty() || !d.m.d.pending {
		t.Error("a change did not schedule a save")
	}

	// Leaving the part saves.
	d.key("pgdown")
	if d.partID() != "I.2" {
		t.Fatalf("PgDn went to %s", d.partID())
	}
	if r := loadDraft(t, path); r.Sections[0].Items[0].Text != want1 {
		t.Errorf("I.1 not saved on leaving the part: %q", r.Sections[0].Items[0].Text)
	}

	// III by Ctrl+→, typed with decomposed marks (Unicode tổ hợp).
	d.gotoPart("II.3")
	d.key("ctrl+right")
	if d.partID() != "III" {
		t.Fatalf("Ctrl+→ went to %s", d.partID())
	}
	d.typeText("Đa\u0301nh gia\u0301 chung tô\u0301t.")
	d.key("ctrl+left")
	if d.partID() != "II.3" {
		t.Fatalf("Ctrl+← went to %s", d.partID())
	}

	// Quit: Ctrl+C asks, "k" stays, Ctrl+C then "c" quits.
	d.key("ctrl+c")
	d.wantScreen("Thoát baocao?")
	d.key("k")
	if d.quit || d.m.askQuit {
		t.Fatal("k did not cancel quitting")
	}
	d.key("ctrl+c")
	d.key("c")
	if !d.quit {
		t.Fatal("c did not quit")
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock not released: %v", err)
	}
	r := loadDraft(t, path)
	if got := r.Sections[0].Items[0].Text; got != want1 {
		t.Errorf("I.1 on disk %q", got)
	}
	if got := r.Section("III").Text; got != "Đánh giá chung tốt." {
		t.Errorf("III on disk %q (want NFC)", got)
	}
	if r.Period != (report.Period{Kind: report.Quarter, Quarter: 1, Year: 2026}) {
		t.Errorf("period %+v", r.Period)
	}

	// Resume: the drafts screen lists it; Enter opens it with the text.
	d2 := newDriver(t, dir, 80, 24)
	d2.wantScreen("Xã Dương Hưu")
	d2.wantScreen("Quý I/2026")
	d2.key("enter")
	d2.gotoPart("I.1")
	d2.wantScreen("Trong quý I, xã đã tuyên truyền.")
	d2.key("esc") // sidebar
	d2.key("esc") // back to the drafts, saving and unlocking
	if d2.screenKind() != screenDrafts {
		t.Fatalf("Esc Esc did not go back to the drafts:\n%s", d2.screen())
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock not released on closing: %v", err)
	}
}

// TestSidebarAndLists jumps by number, adds, moves and removes items and
// list rows.
func TestSidebarAndLists(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.key("v")
	path := d.m.d.path

	// Sidebar: Esc, then a number.
	d.key("esc")
	d.key("1", "3")
	if d.partID() != "recipients" {
		t.Fatalf("13 went to %s", d.partID())
	}
	d.key("5")
	if d.partID() != "II.1" {
		t.Fatalf("5 went to %s", d.partID())
	}
	d.key("enter")
	if d.m.wiz.focus != focusPane {
		t.Fatal("Enter did not return to the form")
	}

	// A click on the sidebar's fourth line (part 4).
	d.send(tea.MouseClickMsg(tea.Mouse{X: 5, Y: 4, Button: tea.MouseLeft}))
	if d.partID() != "I.2" {
		t.Fatalf("click went to %s", d.partID())
	}

	// Add an item after I.2, give it a title and text; move it up; remove it.
	d.key("ctrl+n")
	if d.partID() != "I.3" {
		t.Fatalf("Ctrl+N went to %s", d.partID())
	}
	d.typeText("Công tác kiểm tra")
	d.key("tab")
	d.typeText("Đã kiểm tra 3 thôn.")
	if it := d.m.d.r.Sections[0].Items[2]; it.Title != "Công tác kiểm tra" || it.Text != "Đã kiểm tra 3 thôn." {
		t.Errorf("added item %+v", it)
	}
	d.key("alt+up")
	if d.partID() != "I.2" || d.m.d.r.Sections[0].Items[1].Title != "Công tác kiểm tra" {
		t.Fatalf("Alt+↑: at %s, items %+v", d.partID(), d.m.d.r.Sections[0].Items)
	}
	d.key("alt+down")
	d.key("ctrl+x")
	d.wantScreen("Xóa mục I.3?")
	d.key("c")
	if n := len(d.m.d.r.Sections[0].Items); n != 2 {
		t.Fatalf("%d items after removing", n)
	}

	// Recipients: add a row, type it, move it to the top, remove the second.
	d.gotoPart("recipients")
	d.key("ctrl+n") // after the first row
	d.typeText("Đảng ủy xã")
	d.key("enter") // done: back to the list
	if got := d.m.d.r.Recipients; len(got) != 4 || got[1] != "Đảng ủy xã" {
		t.Fatalf("recipients %q", got)
	}
	d.key("alt+up")
	if got := d.m.d.r.Recipients; got[0] != "Đảng ủy xã" {
		t.Fatalf("after Alt+↑ %q", got)
	}
	d.key("down")
	d.key("delete")
	d.wantScreen("Xóa dòng 2: «")
	d.key("y")
	if got := d.m.d.r.Recipients; len(got) != 3 || got[1] != "TTĐU-UBND xã" {
		t.Fatalf("after removing %q", got)
	}

	// Indicators: edit the fourth row's value.
	d.gotoPart("indicators")
	d.key("down", "down", "down", "enter")
	d.key("tab", "tab", "tab") // name, kind, unit → value
	d.typeText("87,5")
	d.key("tab", "tab", "tab") // last year, note, done
	if got := d.m.d.r.Indicators[3].Value; got != "87,5" {
		t.Fatalf("indicator value %q", got)
	}
	if d.rows().editing != nil {
		t.Error("row form still open after its last field")
	}
	d.key("ctrl+s")
	r := loadDraft(t, path)
	if r.Indicators[3].Value != "87,5" || r.Recipients[0] != "Đảng ủy xã" || len(r.Sections[0].Items) != 2 {
		t.Errorf("draft on disk: %+v %q", r.Indicators[3], r.Recipients)
	}
}

// TestReviewAndExport reviews a report with a problem, jumps to it, fixes
// it, and exports the PDF and the Word file.
func TestReviewAndExport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	d.gotoPart("signer")
	d.key("tab", "tab") // authority, title → name
	for range 20 {
		d.key("backspace")
	}
	if d.m.d.r.Signer.Name != "" {
		t.Fatalf("name %q", d.m.d.r.Signer.Name)
	}
	d.wantScreen("Chưa nhập họ và tên người ký.")
	d.key("ctrl+r")
	if d.screenKind() != screenReview {
		t.Fatal("Ctrl+R did not open the review")
	}
	d.key("end")
	d.wantScreen("Kiểm tra: 1 lỗi")
	d.key("x")
	d.wantScreen("còn 1 lỗi")
	d.key("enter")
	if d.screenKind() != screenReview {
		t.Fatal("Enter did not go back to the review")
	}
	d.wantScreen("›✗ Chưa nhập họ và tên người ký.") // at the problems, the first selected
	d.key("enter")
	if d.screenKind() != screenWizard || d.partID() != "signer" || d.focusedKey() != report.FieldSignerName {
		t.Fatalf("jump went to %s / %s", d.partID(), d.focusedKey())
	}
	d.typeText("Khúc Văn Sinh")
	d.key("ctrl+r", "x")
	d.wantScreen("Xuất ra tệp nào?")
	d.key("enter", "enter") // all, beside the drafts
	d.wantScreen("Đường dẫn tệp PDF")
	d.key("enter")
	d.wantScreen("Đã xuất ba tệp")
	pdf, docx := exported(t, dir)
	wantPDF(t, pdf)
	wantDocx(t, docx)
	wantXLSX(t, exportedXLSX(t, dir))
	// Again: it asks before overwriting.
	d.key("esc", "x", "enter", "enter", "enter")
	d.wantScreen("Cả ba tệp đã có: ghi đè cả ba?")
	d.key("c")
	d.wantScreen("Đã xuất ba tệp")
}
