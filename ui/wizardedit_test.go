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

// TestSuggestionAndDerived inserts the template's wording and checks the
// derived text follows the period.
func TestSuggestionAndDerived(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.key("n")
	d.typeText("xã Tân Lập")
	d.key("tab", "right", "right", "right", "tab", "tab") // Q4
	if d.screenKind() != screenWizard {
		t.Fatalf("not in wizard:\n%s", d.screen())
	}
	if p := d.m.d.r.Period; p.Quarter != 4 {
		t.Fatalf("period %+v", p)
	}
	d.wantScreen("quý IV năm 2026")
	d.gotoPart("V")
	d.wantScreen("QUÝ I NĂM 2027")
	d.key("ctrl+y")
	if got := d.m.d.r.Section("V").Text; got != nq57.Section("V").Suggested {
		t.Errorf("suggestion not inserted: %q", got)
	}
	d.key("ctrl+y")
	d.wantScreen("gợi ý chỉ chèn vào ô trống")
	// Typing goes on after the suggestion, not before it.
	d.key("enter")
	d.typeText("- Việc thêm của đơn vị.")
	if got := d.m.d.r.Section("V").Text; got != nq57.Section("V").Suggested+"\n- Việc thêm của đơn vị." {
		t.Errorf("typed after the suggestion: %q", got)
	}

	// Change the period in the general part: V's heading follows.
	d.gotoPart("general")
	for range 7 {
		d.key("tab")
	}
	if k := d.focusedKey(); k != report.FieldPeriod {
		t.Fatalf("focused %s", k)
	}
	d.key("left")
	d.gotoPart("V")
	d.wantScreen("QUÝ IV NĂM 2026")
	// Opening override: Ctrl+Y copies the derived sentence to edit.
	d.gotoPart("request")
	for range 5 {
		d.key("tab")
	}
	d.key("ctrl+y")
	if d.m.d.r.Opening != d.m.d.r.DerivedOpening() {
		t.Errorf("opening %q", d.m.d.r.Opening)
	}
}

// TestTakenDerivedSentencesFollowThePeriod: Ctrl+Y in «Câu mở đầu» and
// «Câu kết» takes the derived sentence; changing the period afterwards
// moves both, as long as they were not edited.
func TestTakenDerivedSentencesFollowThePeriod(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.newReport("xã Tân Lập")
	if p := d.m.d.r.Period; p.Quarter != 1 {
		t.Fatalf("period %+v", p)
	}
	d.gotoPart("request")
	for range 5 {
		d.key("tab")
	}
	d.key("ctrl+y")
	if r := d.m.d.r; !strings.Contains(r.Opening, "quý I năm 2026 như sau:") {
		t.Fatalf("opening not taken: %q", r.Opening)
	}
	d.gotoPart("signer")
	for range 3 {
		d.key("tab")
	}
	if k := d.focusedKey(); k != report.FieldClosing {
		t.Fatalf("focused %s", k)
	}
	d.key("ctrl+y")
	if r := d.m.d.r; !strings.Contains(r.Closing, "phương hướng nhiệm vụ quý II năm 2026") {
		t.Fatalf("closing not taken: %q", r.Closing)
	}

	d.gotoPart("general")
	for range 7 {
		d.key("tab")
	}
	d.key("right", "right") // Q3
	r := d.m.d.r
	if r.Period.Quarter != 3 {
		t.Fatalf("period %+v", r.Period)
	}
	if got := r.OpeningSentence(); !strings.HasSuffix(got, "quý III năm 2026 như sau:") {
		t.Errorf("opening after the period change: %q", got)
	}
	if got := r.ClosingSentence(); !strings.Contains(got, "phương hướng nhiệm vụ quý IV năm 2026") {
		t.Errorf("closing after the period change: %q", got)
	}
	for _, p := range report.Check(r, 2026) {
		if strings.Contains(p.Message, " nhắc ") {
			t.Errorf("check: %v", p)
		}
	}
	d.gotoPart("request")
	d.wantFlat("Câu mở đầu tự động")
	d.wantFlat("quý III năm 2026")
}

// TestTmuxInsertedTextShownAtOnce runs the real program: the wording
// Ctrl+Y inserts, and the text written in the external editor (Ctrl+O),
// are drawn as soon as they are in the field, not at the next key.
func TestTmuxInsertedTextShownAtOnce(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := t.TempDir()
	editor := filepath.Join(t.TempDir(), "editor.sh")
	script := "#!/bin/sh\nprintf 'Đoạn viết ở trình soạn thảo ngoài.\\n' > \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, fmt.Sprintf("baocao-inserted-%d", os.Getpid()), "a", 80, 24,
		[]string{"VISUAL=", "EDITOR='sh " + editor + "'"}, bin, "--dir", dir)
	s.waitFor("Tạo báo cáo mới")
	s.keys("n")
	s.waitFor("Tên xã, phường")
	s.literal("xã Tân Chi")
	s.keys("Tab", "Tab", "Tab")
	s.waitFor("Thông tin chung")
	s.keys("Escape")
	s.literal("8") // III, empty in a new report
	s.keys("Enter")
	s.waitFor("Đánh giá ngắn gọn")
	s.keys("C-y")
	// The frame that says it is inserted shows it.
	if c := s.waitFor("Đã chèn gợi ý"); !strings.Contains(c, "Việc triển khai Nghị quyết") {
		t.Errorf("the suggestion is said inserted over an empty box:\n%s", c)
	}

	s.keys("Escape")
	s.literal("9") // IV, empty too
	s.keys("Enter")
	s.waitFor("IV. HẠN CHẾ")
	s.keys("C-o")
	s.waitFor("Đoạn viết ở trình soạn thảo ngoài.")
	path := filepath.Join(dir, "tan-chi-"+fmt.Sprint(time.Now().Year())+"-q"+fmt.Sprint((int(time.Now().Month())+2)/3)+".json")
	s.quit(path)
}
