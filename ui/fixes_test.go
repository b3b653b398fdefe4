package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/report"
)

// TestQuitFromWizardDraws quits from an open draft and draws the last
// frame, as bubbletea does: it used to dereference the closed wizard.
func TestQuitFromWizardDraws(t *testing.T) {
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

// TestLongTextOpensAtStart opens II.1 of the example at 80×24: the text
// shows its first line, the cursor at its start, and says there is more.
func TestLongTextOpensAtStart(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("II.1")
	d.wantScreen("Xã đã đẩy mạnh ứng dụng")
	d.wantScreen("Nội dung dài hơn khung")
	// Typing goes at the start of the text.
	d.typeText("A")
	if got := d.m.d.r.Section("II").Items[0].Text; !strings.HasPrefix(got, "AXã đã đẩy mạnh") {
		t.Errorf("typed at %q", got[:20])
	}
	// Back and forth by Tab: the field focused again starts at its top too.
	d.gotoPart("V")
	d.key("tab")
	if d.m.wiz.focusedKey() != report.FieldHeading("V") {
		t.Fatalf("focused %s", d.m.wiz.focusedKey())
	}
}

// TestDeleteInLongText deletes forward with the Delete key in a long text
// (it used to be taken for "remove the item").
func TestDeleteInLongText(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("III")
	want := d.m.d.r.Section("III").Text[len("V"):]
	d.key("delete")
	if got := d.m.d.r.Section("III").Text; got != want {
		t.Fatalf("after Delete: %q…", got[:20])
	}
	d.key("ctrl+s")
	if got := loadDraft(t, d.m.d.path).Section("III").Text; got != want {
		t.Errorf("on disk: %q…", got[:20])
	}
	// In a list, Delete still asks to remove the row.
	d.gotoPart("recipients")
	d.key("delete")
	d.wantFlat("Xóa dòng 1: «Sở KH-CN tỉnh (b/c)»? (c/y: có · k/n: không)")
	d.key("k")
}

// TestProblemsWrap shows an indicator's whole problem at 120 columns.
func TestProblemsWrap(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 120, 30)
	d.key("v")
	d.gotoPart("indicators")
	d.key("down", "enter", "tab", "tab", "tab", "ctrl+u")
	d.typeText("150")
	d.wantFlat("✗ Chỉ tiêu «Tỷ lệ văn bản trao đổi dưới dạng điện tử», số liệu kỳ này: tỷ lệ 150% nằm ngoài khoảng 0–100%.")
	if strings.Contains(d.screen(), "điện …") {
		t.Error("problem still cut")
	}
}

// TestKeyBarF1 checks that every key bar ends with F1, at 80 columns.
func TestKeyBarF1(t *testing.T) {
	t.Parallel()
	last := func(d *driver) string {
		lines := strings.Split(d.screen(), "\n")
		return strings.TrimSpace(lines[len(lines)-1])
	}
	d := newDriver(t, t.TempDir(), 80, 24)
	if l := last(d); !strings.HasSuffix(l, "F1 phím tắt") {
		t.Errorf("welcome: %q", l)
	}
	d.key("v")
	d.gotoPart("II.1")
	if l := last(d); !strings.HasSuffix(l, "F1 phím tắt") || !strings.Contains(l, "Ctrl+R xem lại") {
		t.Errorf("text part: %q", l)
	}
	d.gotoPart("VI")
	d.key("ctrl+a", "ctrl+k") // empty line: the suggestion is offered
	d.key("esc")
	if l := last(d); !strings.HasSuffix(l, "F1 phím tắt") || !strings.Contains(l, "Esc về danh sách") {
		t.Errorf("sidebar: %q", l)
	}
	d.key("ctrl+r")
	if l := last(d); !strings.HasSuffix(l, "F1 phím tắt") || !strings.Contains(l, "Esc về soạn thảo") {
		t.Errorf("review: %q", l)
	}
	d.key("f1")
	if l := last(d); l != "Nhấn phím bất kỳ để đóng" {
		t.Errorf("help: %q", l)
	}
}

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
	if d.m.screen != screenWizard || d.partID() != "III" || d.m.wiz.focus != focusSidebar {
		t.Fatalf("letters in the sidebar left it: screen %d, part %s", d.m.screen, d.partID())
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

// warnedDraft saves the example with section VI empty (a warning, no
// error) in dir.
func warnedDraft(t *testing.T, dir string) string {
	t.Helper()
	r := report.Sample()
	r.Section("VI").Text = ""
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExportWarnings exports a report with a warning: the export says so
// and asks before writing, from the drafts list and from the review.
func TestExportWarnings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	warnedDraft(t, dir)
	d := newDriver(t, dir, 80, 24)
	d.key("x")
	d.wantFlat("Báo cáo còn 1 lưu ý (ví dụ: Phần VI. Kiến nghị, đề xuất chưa có nội dung.)")
	d.wantFlat("Vẫn xuất PDF? (c/y: có · k/n: không)")
	d.key("k")
	if d.m.screen != screenDrafts {
		t.Fatalf("k did not go back:\n%s", d.screen())
	}
	// Enter: the draft opens on its review, at the problems.
	d.key("x", "enter")
	if d.m.screen != screenReview || d.m.d == nil {
		t.Fatalf("Enter did not open the review:\n%s", d.screen())
	}
	d.wantScreen("Kiểm tra: 0 lỗi, 1 lưu ý.")
	d.wantScreen("›△ Phần VI.")
	// From the review: c goes on to the export.
	d.key("x")
	d.wantFlat("Báo cáo còn 1 lưu ý")
	d.key("c")
	d.wantScreen("Lưu tệp PDF vào đâu?")
	if m, _ := filepath.Glob(filepath.Join(dir, "*.pdf")); len(m) != 0 {
		t.Errorf("written before asking where: %v", m)
	}
}

// TestReviewMatchesPDF: the review's appendix lists only the indicators
// with a figure, numbered as in the PDF; problems are not prefixed with the
// part's title; words of the title are not split.
func TestReviewMatchesPDF(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Indicators = append(r.Indicators, report.Indicator{Name: "Chỉ tiêu không có số liệu", Kind: report.Count})
	r.Indicators = append([]report.Indicator{{Name: "Chỉ tiêu trống đầu bảng", Kind: report.Count}}, r.Indicators...)
	r.Section("VI").Text = ""
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("enter", "ctrl+r")
	all := strings.Join(d.m.review.lines, "\n")
	all = stripANSI(all)
	if strings.Contains(all, "không có số liệu") || strings.Contains(all, "trống đầu bảng") {
		t.Error("review lists indicators without figures")
	}
	if !strings.Contains(all, "\n1   Tỷ lệ") {
		t.Errorf("first indicator not numbered 1:\n%s", all)
	}
	if strings.Contains(all, "[VI.") || strings.Contains(all, "] Mục") {
		t.Error("problem prefixed with its part's title")
	}
	words := map[string]bool{}
	for _, l := range strings.Split(all, "\n") {
		for _, f := range strings.Fields(l) {
			words[f] = true
		}
	}
	for _, f := range strings.Fields(r.Title()) {
		if !words[f] {
			t.Errorf("title word %q split in the review", f)
		}
	}
}

// TestNewReportSameUnitAndPeriod creates a report for a unit and period
// that already have a draft: it offers to open it, or creates another.
func TestNewReportSameUnitAndPeriod(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.newReport("xã Tân Lập")
	first := d.m.d.path
	d.key("esc", "esc")
	d.newReport("xã Tân Lập")
	d.wantFlat("Đã có bản nháp của xã Tân Lập quý I năm 2026 (lưu lúc")
	d.key("enter") // open it, the default
	if d.m.screen != screenWizard || d.m.d.path != first {
		t.Fatalf("did not open the existing draft:\n%s", d.screen())
	}
	d.key("esc", "esc")
	d.newReport("xã Tân Lập")
	d.key("down", "enter") // create another anyway
	if d.m.screen != screenWizard || d.m.d.path == first || !strings.HasSuffix(d.m.d.path, "-2.json") {
		t.Fatalf("second draft %v", d.m.d)
	}
}

// TestNewReportIgnoresExample: after looking at the example, a new report
// starts blank, not from xã Dương Hưu's header and signer.
func TestNewReportIgnoresExample(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	d.key("esc", "esc")
	d.key("n")
	if d.m.newRep.unit != "" || d.m.newRep.latest != nil {
		t.Fatalf("prefilled from the example: %q", d.m.newRep.unit)
	}
	d.typeText("xã Tân Lập")
	d.key("tab", "tab", "tab")
	r := loadDraft(t, d.m.d.path)
	if r.Signer.Name == report.Sample().Signer.Name || strings.Contains(strings.Join(r.Header.Agency, " "), "DƯƠNG HƯU") {
		t.Errorf("copied from the example: %+v %q", r.Signer, r.Header.Agency)
	}
}

// TestReopenWhereLeft: a draft reopens at the part it was left at in this
// session, else at its first part not done.
func TestReopenWhereLeft(t *testing.T) {
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
	d.gotoPart("IV")
	d.key("esc", "esc", "enter")
	if d.partID() != "IV" {
		t.Fatalf("reopened at %s, not where it was left", d.partID())
	}
}

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
	d.wantFlat("không đọc được nên không xuất được PDF")
	d.key("t")
	d.wantFlat("không đọc được nên không tạo được báo cáo kỳ tiếp theo")
}

// TestIndicatorValueHint: the hint under a value follows the kind.
func TestIndicatorValueHint(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 100, 30)
	d.key("v")
	d.gotoPart("indicators")
	d.key("down", "enter", "tab", "tab", "tab") // a percentage
	d.wantScreen("Tỷ lệ từ 0 đến 100")
	d.key("esc")
	for range 5 {
		d.key("down")
	}
	if in := d.m.d.r.Indicators[d.m.wiz.pf.list.cursor]; in.Kind != report.Count {
		t.Fatalf("row %d is %s", d.m.wiz.pf.list.cursor, in.Kind)
	}
	d.key("enter", "tab", "tab", "tab")
	d.wantScreen("Số nguyên, ví dụ: 12.")
	if strings.Contains(d.screen(), "12,5") {
		t.Error("a count offered a decimal example")
	}
}

// TestExportNoDocuments: without a Documents folder, the export offers
// only the drafts' folder.
func TestExportNoDocuments(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.key("v", "ctrl+r", "x")
	d.wantScreen("Lưu tệp PDF vào đâu?")
	if strings.Contains(d.screen(), "Thư mục Tài liệu") {
		t.Errorf("offers a Documents folder that does not exist:\n%s", d.screen())
	}
	os.Mkdir(filepath.Join(home, "Documents"), 0o755)
	d.key("esc", "x")
	d.wantScreen("Thư mục Tài liệu: " + filepath.Join(home, "Documents"))
}
