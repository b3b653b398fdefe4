package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/report"
)

// sampleDraft writes the built-in example as the only draft in dir.
func sampleDraft(t *testing.T, dir string) string {
	t.Helper()
	path, err := (&report.Store{Dir: dir}).Create(report.Sample())
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// partNumber is the number plain mode gives the part with the given ID.
func partNumber(t *testing.T, r *report.Report, id string) string {
	t.Helper()
	for i, p := range r.Parts() {
		if p.ID == id {
			return fmt.Sprint(i + 1)
		}
	}
	t.Fatalf("no part %s", id)
	return ""
}

// bytes sends raw bytes as keys (hex), the way an input method sends
// BS (08) and DEL (7f).
func (s *tmuxSession) bytes(hex ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", s.name, "-H"}, hex...)...)
}

// paste pastes text as a terminal does from the clipboard: bracketed,
// since plain mode asks for it.
func (s *tmuxSession) paste(text string) {
	s.t.Helper()
	s.pasteBuffer(text, "-p", "-d")
}

// pasteBuffer pastes text through a tmux buffer with paste-buffer's flags.
func (s *tmuxSession) pasteBuffer(text string, flags ...string) {
	s.t.Helper()
	f := filepath.Join(s.t.TempDir(), "clipboard.txt")
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
	s.tmux("load-buffer", "-b", "clip", f)
	s.tmux(append(append([]string{"paste-buffer"}, flags...), "-b", "clip", "-t", s.name)...)
}

// typeLine types text and Enter, after the question ending in prompt is
// on the screen.
func (s *tmuxSession) typeLine(prompt, text string) {
	s.t.Helper()
	s.waitFor(prompt)
	if text != "" {
		s.literal(text)
		time.Sleep(60 * time.Millisecond)
	}
	s.keys("Enter")
}

// screenWith waits for sub, which may be wrapped on the screen (at a
// space by plain mode, anywhere by the terminal), and returns the screen.
func (s *tmuxSession) screenWith(sub string) string {
	s.t.Helper()
	return s.screenWithin(sub, 10*time.Second)
}

// screenWithin is screenWith with a deadline of its own.
func (s *tmuxSession) screenWithin(sub string, wait time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(wait)
	for {
		c := s.capture()
		if strings.Contains(strings.Join(strings.Fields(c), ""), strings.Join(strings.Fields(sub), "")) {
			return c
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q:\n%s", sub, c)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTmuxPlainEchoShowsCorrections: an answer typed with a Vietnamese
// input method's BS corrections reads on the screen as it is saved.
func TestTmuxPlainEchoShowsCorrections(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	s := startTmux(t, fmt.Sprintf("baocao-plain-echo-%d", os.Getpid()), "a", 80, 24, nil, bin, "--plain", "--dir", dir)
	s.typeLine("q: thoát:", "1")
	s.typeLine("bản nháp:", partNumber(t, report.Sample(), "VI"))
	s.typeLine("bản nháp:", "")
	s.waitFor("Nội dung [")
	// Telex "Ddeef nghij caaps treen": the method sends the plain letters,
	// then BS and the letter with its mark.
	s.literal("Dd")
	s.bytes("08", "08")
	s.literal("Đee")
	s.bytes("08", "08")
	s.literal("ềf")
	s.bytes("7f")
	s.literal(" nghi")
	s.bytes("08")
	s.literal("ị cấp trên hỗ trợ kinh phí.")
	want := "Đề nghị cấp trên hỗ trợ kinh phí."
	screen := s.screenWith(want)
	if strings.Contains(screen, "^H") || strings.Contains(screen, "^?") {
		t.Errorf("the corrections show:\n%s", screen)
	}
	s.keys("Enter")
	s.waitFor("Đã lưu lúc")
	s.typeLine("bản nháp:", "q")
	s.typeLine("q: thoát:", "q")
	deadline := time.Now().Add(5 * time.Second)
	for {
		r, err := report.Load(path)
		if err == nil && r.Section("VI").Text == want {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("VI on disk: %q, %v", r.Section("VI").Text, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTmuxPlainJourney runs the whole plain journey as an official
// would at 80×24: a new report with the unit typed through an input
// method, addressees and a paragraph pasted, Ctrl+C in the middle of an
// answer (the line typed is kept), then the draft resumed where it was
// left, finished and exported to PDF and Word.
func TestTmuxPlainJourney(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := t.TempDir()
	socket := fmt.Sprintf("baocao-plain-journey-%d", os.Getpid())
	s := startTmux(t, socket, "a", 80, 24, nil, bin, "--plain", "--dir", dir)

	s.typeLine("q: thoát:", "n")
	s.waitFor("Tên xã, phường")
	s.literal("phu")
	s.bytes("08")
	s.literal("ưo")
	s.bytes("08", "08")
	s.literal("ương")
	s.bytes("7f", "7f", "7f", "7f")
	s.literal("ường Võ Cường")
	s.screenWith("(ví dụ: xã Dương Hưu): phường Võ Cường")
	s.keys("Enter")
	s.typeLine("Cả năm) [", "5")
	s.typeLine("Năm báo cáo [", "2026")
	s.waitFor("Đã tạo bản nháp")
	path := filepath.Join(dir, "vo-cuong-2026-6t.json")

	// The general part: keep everything, paste the addressees.
	s.typeLine("bản nháp:", "")
	s.waitFor("Cơ quan cấp trên (nếu có):")
	for range 9 {
		s.keys("Enter")
	}
	s.waitFor("Kính gửi (nếu có):")
	s.paste("Sở Khoa học và Công nghệ tỉnh Bắc Ninh\nUBND tỉnh Bắc Ninh")
	s.screenWith("UBND tỉnh Bắc Ninh")
	s.keys("Enter")
	s.typeLine("Trích yếu (sửa nếu cần):", "")
	s.waitFor("Đã lưu lúc")

	// Skip the request; I.1 typed with corrections; I.2 pasted.
	s.typeLine("bản nháp:", "b")
	s.waitFor("I.1. Công tác lãnh đạo")
	s.typeLine("bản nháp:", "")
	s.waitFor("Nội dung:")
	s.literal("Trong 6 thangs")
	s.bytes("08", "08", "08", "08")
	s.literal("áng đầu năm, Đảng ủy phường đã quán triệt Nghị quyết 57.")
	i1 := "Trong 6 tháng đầu năm, Đảng ủy phường đã quán triệt Nghị quyết 57."
	s.screenWith(i1)
	s.keys("Enter")
	s.waitFor("I.2. Văn bản đã ban hành")
	s.typeLine("bản nháp:", "")
	s.waitFor("Nội dung:")
	i2 := "Ban hành Kế hoạch số 15/KH-UBND.\nPhân công cán bộ phụ trách chuyển đổi số."
	s.paste(i2)
	s.screenWith("phụ trách chuyển đổi số.")
	s.keys("Enter")
	s.waitFor("Phần 5/")

	// Ctrl+C half-way through an answer: what was entered is saved, and
	// the line being typed too.
	s.typeLine("bản nháp:", "")
	s.screenWith("Nêu kết quả ứng dụng CNTT") // II.1's hint: its menu is answered
	s.literal("Dòng gõ dở")
	s.keys("C-c")
	s.screenWith("Đã lưu bản nháp vo-cuong-2026-6t.json, kể cả dòng đang gõ dở ở ô «Nội dung». Tạm biệt.")
	r, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Section("II").Items[0].Text; got != "Dòng gõ dở" {
		t.Errorf("II.1, typed when Ctrl+C came: %q", got)
	}
	if got := strings.Join(r.Addressees, "|"); got != "Sở Khoa học và Công nghệ tỉnh Bắc Ninh|UBND tỉnh Bắc Ninh" {
		t.Errorf("addressees after Ctrl+C: %q", got)
	}
	if got := r.Sections[0].Items[0].Text; got != i1 {
		t.Errorf("I.1 after Ctrl+C: %q", got)
	}
	if got := r.Sections[0].Items[1].Text; got != i2 {
		t.Errorf("I.2 after Ctrl+C: %q", got)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock kept after Ctrl+C: %v", err)
	}

	// Resume: the pasted lines are there; sign and export.
	s2 := startTmux(t, socket, "b", 80, 24, nil, bin, "--plain", "--dir", dir)
	s2.typeLine("q: thoát:", "1")
	// It reopens at the part Ctrl+C left.
	s2.screenWith("Bản nháp mở ở phần đang soạn lần trước. == Phần 5/14: II.1.")
	s2.typeLine("bản nháp:", "4")
	s2.typeLine("bản nháp:", "")
	s2.screenWith("[Ban hành Kế hoạch số 15/KH-UBND. // Phân công cán bộ phụ trách chuyển đổi số.]:")
	s2.keys("Enter")
	s2.typeLine("bản nháp:", partNumber(t, r, report.PartSigner))
	s2.typeLine("bản nháp:", "")
	s2.typeLine("Thẩm quyền ký", "")
	s2.typeLine("Chức vụ người ký", "CHỦ TỊCH")
	s2.typeLine("Họ và tên người ký", "Trần Văn Bình")
	s2.typeLine("Câu kết (sửa nếu cần):", "")
	s2.typeLine("Vẫn xuất báo cáo? (c: có · k: không):", "c")
	s2.typeLine("q: không xuất [4]:", "") // all, the default
	s2.typeLine(".pdf]:", "")
	s2.screenWith("Đã xuất Word:")
	pdf, docx := exported(t, dir)
	if pdf == "" || docx == "" {
		t.Fatalf("exported %q and %q", pdf, docx)
	}
	wantDocx(t, docx)
	if out, err := exec.Command("pdftotext", pdf, "-").Output(); err == nil {
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, want := range []string{"PHƯỜNG VÕ CƯỜNG", "Ban hành Kế hoạch số 15/KH-UBND.", "Trần Văn Bình"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF lacks %q", want)
			}
		}
	}
	s2.typeLine("q: thoát:", "q")
}
