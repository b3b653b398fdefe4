package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// exportTwice exports the example to dir and comes back to the question
// whether to overwrite it; it returns the PDF's path, its content replaced
// by a marker.
func exportTwice(t *testing.T, d *driver, dir string) string {
	t.Helper()
	d.key("v", "ctrl+r", "x")
	d.wantScreen("Lưu tệp PDF vào đâu?")
	d.key("enter", "enter")
	d.wantScreen("Đã xuất PDF")
	m, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(m) != 1 {
		t.Fatalf("pdfs: %v", m)
	}
	if err := os.WriteFile(m[0], []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.key("esc", "x", "enter", "enter")
	d.wantScreen("Tệp đã có: ghi đè?")
	return m[0]
}

func fileIs(t *testing.T, path, want string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data) == want
}

// TestOverwriteArrowsSafe: ←/→ and Enter at "Tệp đã có: ghi đè?" never
// overwrite; only c/y do.
func TestOverwriteArrowsSafe(t *testing.T) {
	t.Parallel()
	for _, keys := range [][]string{{"right", "enter"}, {"left", "enter"}, {"right", "right", "enter"}, {"tab", "enter"}, {"enter"}, {"k"}, {"n"}} {
		dir := t.TempDir()
		d := newDriver(t, dir, 80, 24)
		pdf := exportTwice(t, d, dir)
		d.key(keys...)
		if !fileIs(t, pdf, "old") {
			t.Fatalf("%v overwrote the PDF", keys)
		}
		if d.m.exp.step == exportOverwrite && keys[len(keys)-1] != "tab" {
			t.Errorf("%v: still asking", keys)
		}
		if strings.Contains(d.screen(), "Đã xuất PDF") {
			t.Errorf("%v: says exported", keys)
		}
	}
	for _, yes := range []string{"c", "y", "C"} {
		dir := t.TempDir()
		d := newDriver(t, dir, 80, 24)
		pdf := exportTwice(t, d, dir)
		d.wantScreen("k/n hoặc Enter: không ghi đè")
		d.key(yes)
		if fileIs(t, pdf, "old") {
			t.Fatalf("%s did not overwrite", yes)
		}
		d.wantScreen("Đã xuất PDF")
	}
}

// TestDuplicatePromptChoices: the question about a draft of the same unit
// and period shows both answers, ↓ moves to the second and the key bar
// says what the keys do.
func TestDuplicatePromptChoices(t *testing.T) {
	t.Parallel()
	for _, width := range []int{80, 100} {
		dir := t.TempDir()
		d := newDriver(t, dir, width, 24)
		d.newReport("xã Tân Lập")
		first := d.m.d.path
		d.key("esc", "esc")
		d.newReport("xã Tân Lập")
		d.wantFlat("Đã có bản nháp của xã Tân Lập quý I năm 2026")
		d.wantScreen("›  Mở bản nháp đã có")
		d.wantScreen("Vẫn tạo bản nháp mới")
		if s := d.screen(); strings.Contains(s, "chọn kỳ") || !strings.Contains(s, "↑/↓ chọn") {
			t.Errorf("%d: key bar:\n%s", width, s)
		}
		d.key("?") // not typed anywhere: the help
		if !d.m.showHelp {
			t.Errorf("%d: ? did not show the help", width)
		}
		d.key("esc")
		d.key("down")
		d.wantScreen("›  Vẫn tạo bản nháp mới")
		d.wantScreen("   Mở bản nháp đã có")
		d.key("up")
		d.wantScreen("›  Mở bản nháp đã có")
		d.key("down", "enter")
		if d.m.screen != screenWizard || d.m.d.path == first {
			t.Fatalf("%d: no second draft", width)
		}
	}
}

// TestPeriodChangedToExisting: choosing, in the general part, a period
// that already has a draft of the unit warns, and only warns.
func TestPeriodChangedToExisting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Period = report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	other, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	d.gotoPart(report.PartGeneral)
	for d.m.wiz.focusedKey() != report.FieldPeriod {
		d.key("tab")
	}
	if strings.Contains(d.screen(), "Đã có bản nháp khác") {
		t.Fatal("warned before the change")
	}
	d.key("right") // quý II
	if d.m.d.r.Period != r.Period {
		t.Fatalf("period %v", d.m.d.r.Period)
	}
	d.wantFlat("△ Đã có bản nháp khác của xã Dương Hưu cho quý II năm 2026: " + filepath.Base(other) + ".")
	d.key("tab") // the warning stays while the period does
	d.wantFlat("Đã có bản nháp khác của xã Dương Hưu")
	d.key("shift+tab", "right") // quý III: none
	if strings.Contains(d.screen(), "Đã có bản nháp khác") {
		t.Errorf("still warns for quý III:\n%s", d.screen())
	}
	if d.m.screen != screenWizard {
		t.Fatal("left the wizard")
	}
}

// TestReviewAppendixAsPDF: the review lays out the appendix, "Kính gửi"
// and the header as the PDF does, at 80 columns.
func TestReviewAppendixAsPDF(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Period = report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	r.Header.Place = "Thị trấn Nông trường Mộc Châu"
	r.Addressees = []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh"}
	r.Indicators[0].Note = "Theo số liệu Văn phòng"
	r.Indicators = append(r.Indicators, report.Indicator{Name: "Chỉ tiêu chỉ có ghi chú", Kind: report.Count, Note: "Chưa thống kê"})
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("enter", "ctrl+r")
	all := stripANSI(strings.Join(d.m.review.lines, "\n"))
	lines := strings.Split(all, "\n")
	// Cells wrap within their columns.
	for _, want := range []string{"Phụ lục", "STT", "Quý II/2026", "Cùng kỳ", "năm trước", "Ghi chú", "Theo số liệu", "Chỉ tiêu chỉ có ghi chú", "Chưa thống"} {
		if !strings.Contains(all, want) {
			t.Errorf("review lacks %q:\n%s", want, all)
		}
	}
	for _, bad := range []string{"PHỤ LỤC", "Kỳ này", "TT "} {
		if strings.Contains(all, bad) && !(bad == "TT " && strings.Contains(all, "STT ")) {
			t.Errorf("review still says %q", bad)
		}
	}
	// Kính gửi: the label alone, then one line per addressee.
	found := false
	for i, l := range lines {
		if strings.TrimSpace(l) == "Kính gửi:" && i+2 < len(lines) {
			found = true
			if got := strings.TrimSpace(lines[i+1]); got != "- Sở Khoa học và Công nghệ tỉnh Bắc Ninh;" {
				t.Errorf("first addressee %q", got)
			}
			if got := strings.TrimSpace(lines[i+2]); got != "- Ủy ban nhân dân tỉnh Bắc Ninh." {
				t.Errorf("last addressee %q", got)
			}
		}
	}
	if !found {
		t.Errorf("no «Kính gửi:» line of its own:\n%s", all)
	}
	// The date line wraps, never cut.
	head := strings.Join(lines[:6], "\n")
	if strings.Contains(head, "…") || !strings.Contains(strings.Join(strings.Fields(head), " "), "năm 2026") {
		t.Errorf("header cut:\n%s", head)
	}
}

// TestHelpOnExport: F1 on the export screen lists the export's keys, not
// the drafts list's.
func TestHelpOnExport(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v", "ctrl+r", "x")
	d.wantScreen("Lưu tệp PDF vào đâu?")
	d.key("f1")
	d.wantScreen("Xuất PDF")
	d.wantScreen("ghi đè tệp đã có")
	if strings.Contains(d.screen(), "Danh sách bản nháp") || strings.Contains(d.screen(), "kỳ tiếp theo") {
		t.Errorf("drafts keys on the export's help:\n%s", d.screen())
	}
	d.key("esc")
	d.wantScreen("Lưu tệp PDF vào đâu?")
}

// TestNoPDFViewer: without a program to open PDFs, the export says so in
// Vietnamese and gives the path.
func TestNoPDFViewer(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("cmd is always there")
	}
	t.Setenv("PATH", t.TempDir())
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v", "ctrl+r", "x", "enter", "enter")
	d.wantScreen("Đã xuất PDF")
	d.key("enter")
	d.wantFlat("Máy chưa có chương trình mở PDF; hãy mở tệp bằng tay: " + d.m.exp.path)
	if s := d.screen(); strings.Contains(s, "exec:") || strings.Contains(s, "executable file") {
		t.Errorf("the error in English:\n%s", s)
	}
}

// TestPreviewOneEllipsis: a preview cut to its lines ends with one "…".
func TestPreviewOneEllipsis(t *testing.T) {
	t.Parallel()
	for w := 80; w <= 100; w++ {
		dir := t.TempDir()
		r := report.New(report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026})
		r.Header.ShortName = "UBND phường Võ Cường"
		r.Header.Agency = []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG VÕ CƯỜNG"}
		r.Header.Place = "Võ Cường"
		r.Request.Kind, r.Request.Number, r.Request.Issuer = "Công văn", "954/SKH-CN-CDS", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh"
		r.Request.Subject = "về việc đôn đốc báo cáo định kỳ việc triển khai nhiệm vụ Nghị quyết số 57-NQ/TW…"
		if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
			t.Fatal(err)
		}
		d := newDriver(t, dir, w, 24)
		d.key("enter")
		d.gotoPart(report.PartRequest)
		if s := d.screen(); strings.Contains(s, "……") {
			t.Fatalf("%d columns: double ellipsis:\n%s", w, s)
		}
	}
}

// TestBlurredInputShowsStart: a long one-line field shows its beginning
// once it loses the focus (and before it has it).
func TestBlurredInputShowsStart(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart(report.PartRequest)
	for d.m.wiz.focusedKey() != report.FieldSubject {
		d.key("tab")
	}
	d.key("end")
	d.typeText(" ở cuối")
	if s := d.m.d.r.Request.Subject; !strings.HasSuffix(s, "Quý I/2026 ở cuối") {
		t.Fatalf("typed at the end? %q", s)
	}
	d.key("tab")
	d.wantScreen("> về việc đôn đốc báo cáo")
	// Back to it: the cursor is at the end again.
	d.key("shift+tab")
	d.typeText("!")
	if s := d.m.d.r.Request.Subject; !strings.HasSuffix(s, "ở cuối!") {
		t.Fatalf("refocused cursor not at the end: %q", s)
	}
	// An indicator's long name, in the row's form.
	d.send(tea.WindowSizeMsg{Width: 80, Height: 40})
	d.gotoPart(report.PartIndicators)
	d.key("enter", "end")
	d.typeText(" của toàn bộ các thôn, tổ dân phố trên địa bàn")
	d.key("tab")
	name := d.m.d.r.Indicators[0].Name
	d.wantScreen("> " + name[:20])
}

// TestIndicatorErrorMarkAndCursor: a row with an error shows both the
// cursor and the mark; in the row's form the value's error stays in sight
// while another field has the focus.
func TestIndicatorErrorMarkAndCursor(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 100, 30)
	d.key("v")
	d.gotoPart(report.PartIndicators)
	d.key("down", "enter", "tab", "tab", "tab", "ctrl+u")
	d.typeText("150")
	d.wantFlat("tỷ lệ 150% nằm ngoài khoảng 0–100%")
	d.key("tab", "tab") // the note
	if k := d.m.wiz.focusedKey(); k != report.FieldIndicator(1, "note") {
		t.Fatalf("focused %s", k)
	}
	d.wantFlat("tỷ lệ 150% nằm ngoài khoảng 0–100%")
	d.key("esc")
	d.wantScreen("›! Tỷ lệ văn bản trao đổi")
	d.key("down")
	d.wantScreen(" ! Tỷ lệ văn bản trao đổi")
	d.wantScreen("›  Tỷ lệ văn bản điện tử")
}
