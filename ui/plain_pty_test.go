//go:build !windows

package ui

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"baocao/report"
)

// ptyTerm is a pseudo-terminal of a given size with plain mode on it, as
// on an official's console: the test sends the bytes a terminal sends for
// keys, input-method corrections and pastes, and reads what plain mode
// writes.
type ptyTerm struct {
	t      *testing.T
	master *os.File
	mu     sync.Mutex
	out    []byte
	seen   int // output before this was matched by waitFor
	done   chan error
}

func newPtyTerm(t *testing.T, master *os.File) *ptyTerm {
	s := &ptyTerm{t: t, master: master, done: make(chan error, 1)}
	go func() {
		buf := make([]byte, 8192)
		for {
			n, err := master.Read(buf)
			s.mu.Lock()
			s.out = append(s.out, buf[:n]...)
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return s
}

// startPlainPty runs plain mode in this process on a w×h pseudo-terminal,
// with the drafts in dir.
func startPlainPty(t *testing.T, dir string, w, h int) *ptyTerm {
	t.Helper()
	master, slave, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	if err := pty.Setsize(master, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)}); err != nil {
		t.Fatal(err)
	}
	s := newPtyTerm(t, master)
	ended := make(chan struct{})
	go func() {
		s.done <- Run(Options{Dir: dir, Plain: true, Input: slave, Output: slave, Now: fixedNow})
		close(ended)
	}()
	t.Cleanup(func() {
		// Plain mode must be done with the drafts folder before it goes.
		slave.Close()
		master.Close()
		select {
		case <-ended:
		case <-time.After(5 * time.Second):
		}
	})
	return s
}

// output is everything written so far.
func (s *ptyTerm) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return string(s.out)
}

// waitFor waits until the output after the last match shows sub.
func (s *ptyTerm) waitFor(sub string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		i := bytes.Index(s.out[s.seen:], []byte(sub))
		if i >= 0 {
			s.seen += i + len(sub)
		}
		tail := string(s.out[max(0, len(s.out)-1500):])
		s.mu.Unlock()
		if i >= 0 {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("terminal never showed %q; its last output:\n%s", sub, tail)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// send writes bytes as the terminal sends them, in one write.
func (s *ptyTerm) send(b string) {
	s.t.Helper()
	if _, err := s.master.Write([]byte(b)); err != nil {
		s.t.Fatal(err)
	}
}

// answer waits for the question ending in prompt and types a line.
func (s *ptyTerm) answer(prompt, line string) {
	s.t.Helper()
	s.waitFor(prompt)
	s.send(line + "\r")
}

// paste pastes text as a terminal does: between ESC[200~ and ESC[201~
// once the program has asked for that (ESC[?2004h), else as bare lines,
// which is all a terminal can do for a program that has not asked.
func (s *ptyTerm) paste(text string) {
	s.t.Helper()
	text = strings.ReplaceAll(text, "\n", "\r")
	out := s.output()
	if i := strings.LastIndex(out, "\x1b[?2004h"); i >= 0 && !strings.Contains(out[i:], "\x1b[?2004l") {
		text = "\x1b[200~" + text + "\x1b[201~"
	}
	s.send(text)
}

// wait waits for plain mode to return.
func (s *ptyTerm) wait() {
	s.t.Helper()
	select {
	case err := <-s.done:
		if err != nil {
			s.t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		s.t.Fatalf("plain mode did not end; its last output:\n%s", s.output())
	}
}

// enters presses Enter n times, as a person does.
func (s *ptyTerm) enters(n int) {
	s.t.Helper()
	for range n {
		s.send("\r")
		time.Sleep(50 * time.Millisecond)
	}
}

// openPart opens the first draft and starts filling in the part id.
func (s *ptyTerm) openPart(r *report.Report, id string) {
	s.t.Helper()
	s.answer("q: thoát:", "1")
	s.answer("bản nháp:", partNumber(s.t, r, id))
	s.answer("bản nháp:", "")
}

// TestPlainErasedAnswerKeepsValue: an answer erased back to nothing with
// the input method's BS keeps the value in brackets, as Enter does.
func TestPlainErasedAnswerKeepsValue(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	want := report.Sample()
	s := startPlainPty(t, dir, 80, 24)
	s.openPart(want, "I.1")
	s.answer("Nội dung [", "a\b")
	s.waitFor("== Phần 4/")
	s.answer("bản nháp:", partNumber(t, want, report.PartSigner))
	s.answer("bản nháp:", "")
	s.answer("Thẩm quyền ký [KT. CHỦ TỊCH]:", "")
	s.answer("Chức vụ người ký [PHÓ CHỦ TỊCH]:", "")
	s.answer("Họ và tên người ký [Khúc Văn Sinh]:", "Kh\b\b")
	s.answer("Câu kết", "")
	// The last part leads to the review and the export: declined.
	s.answer("q: không xuất [4]:", "q")
	s.answer("q: thoát:", "q")
	s.wait()

	r := loadDraft(t, path)
	if got, w := r.Sections[0].Items[0].Text, want.Sections[0].Items[0].Text; got != w {
		t.Errorf("I.1 after a, BS, Enter: %q, want %q", got, w)
	}
	if got := r.Signer.Name; got != "Khúc Văn Sinh" {
		t.Errorf("signer after Kh, BS, BS, Enter: %q", got)
	}
}

// TestPlainPasteIsOneAnswer: three addressees pasted one per line are one
// answer, whether the terminal brackets the paste or sends the lines as
// fast keys; the next question keeps its value.
func TestPlainPasteIsOneAnswer(t *testing.T) {
	t.Parallel()
	lines := []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh", "Sở Nội vụ tỉnh Bắc Ninh"}
	for _, c := range []struct {
		name  string
		paste func(s *ptyTerm)
	}{
		{"bracketed", func(s *ptyTerm) {
			s.paste(strings.Join(lines, "\n"))
			time.Sleep(100 * time.Millisecond)
			s.send("\r")
		}},
		{"bare lines", func(s *ptyTerm) { s.send(strings.Join(lines, "\r") + "\r") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := sampleDraft(t, dir)
			s := startPlainPty(t, dir, 80, 24)
			s.openPart(report.Sample(), report.PartGeneral)
			s.waitFor("Cơ quan cấp trên (nếu có):")
			s.enters(9)
			s.waitFor("Kính gửi (nếu có):")
			c.paste(s)
			s.answer("Trích yếu (sửa nếu cần):", "")
			s.waitFor("Đã lưu lúc")
			s.answer("bản nháp:", "q")
			s.answer("q: thoát:", "q")
			s.wait()

			r := loadDraft(t, path)
			if strings.Join(r.Addressees, "|") != strings.Join(lines, "|") {
				t.Errorf("addressees %q", r.Addressees)
			}
			if r.TitleText != "" {
				t.Errorf("a pasted line became the title: %q", r.TitleText)
			}
		})
	}
}

// TestPlainLongAnswerKeptWhole: 5,040 pasted characters (6,960 bytes) and
// a 5,000-byte line typed in one go are kept whole: no cut at the
// terminal's line buffer, no broken character; a pasted paragraph keeps its
// lines.
func TestPlainLongAnswerKeptWhole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	want := report.Sample()
	long := strings.Repeat("Người dân được hướng dẫn ", 201) + "cài đặt ứng dụng." // 5,042 runes
	if n := len([]rune(long)); n < 5000 || len(long) < 6900 {
		t.Fatalf("test text: %d runes, %d bytes", n, len(long))
	}
	pasted := "Dòng một của phần đánh giá.\n" + long
	typed := strings.Repeat("Hạn chế ", 500) + "cuối." // 4,005 runes, 5,505 bytes
	s := startPlainPty(t, dir, 80, 24)
	s.openPart(want, "III")
	s.waitFor("Nội dung [")
	s.waitFor("]:")
	s.paste(pasted)
	time.Sleep(100 * time.Millisecond)
	s.send("\r")
	s.waitFor("Đã lưu lúc")
	s.answer("bản nháp:", "")
	s.waitFor("Nội dung [")
	s.waitFor("]:")
	s.send(typed + "\r")
	s.waitFor("Đã lưu lúc")
	s.answer("bản nháp:", "q")
	s.answer("q: thoát:", "q")
	s.wait()

	r := loadDraft(t, path)
	if got := r.Section("III").Text; got != pasted {
		t.Errorf("III: %d runes, %d bytes, ends %q; want %d runes", len([]rune(got)), len(got), tail(got), len([]rune(pasted)))
	}
	if got := r.Section("IV").Text; got != typed {
		t.Errorf("IV: %d runes, %d bytes, ends %q; want %d runes", len([]rune(got)), len(got), tail(got), len([]rune(typed)))
	}
}

func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-10):])
}

// TestPlainHintsDescribePlainInput: the hints of the agency and the
// addressees say how plain mode takes several lines, and an agency typed
// with " / " gets a warning at once.
func TestPlainHintsDescribePlainInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	s := startPlainPty(t, dir, 80, 24)
	s.openPart(report.Sample(), report.PartGeneral)
	s.answer("Cơ quan cấp trên (nếu có):", "")
	s.answer("Cơ quan ban hành [ỦY BAN NHÂN DÂN // XÃ DƯƠNG HƯU]:", "ỦY BAN NHÂN DÂN / XÃ DƯƠNG HƯU")
	s.waitFor("Tên gọi tắt")
	out := s.output()
	s.enters(7)
	s.waitFor("Kính gửi (nếu có):")
	hints := out + s.output()
	s.send("\r")
	s.answer("Trích yếu (sửa nếu cần):", "")
	s.waitFor("Đã lưu lúc")
	s.answer("bản nháp:", "q")
	s.answer("q: thoát:", "q")
	s.wait()

	text := strings.Join(strings.Fields(ansi.Strip(hints)), " ")
	for _, want := range []string{
		"chữ in hoa: ỦY BAN NHÂN DÂN // XÃ DƯƠNG HƯU. Sang dòng mới: gõ « // »",
		"Mỗi dòng một cơ quan nhận; có thể để trống. Sang dòng mới: gõ « // »",
		"lưu ý: Dòng «ỦY BAN NHÂN DÂN / XÃ DƯƠNG HƯU» của tên cơ quan ban hành có « / »",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("plain mode never says %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "ỦY BAN NHÂN DÂN / XÃ DƯƠNG HƯU.") {
		t.Error("a hint still shows the agency's lines with « / »")
	}
	if r := loadDraft(t, path); len(r.Header.Agency) != 1 {
		t.Errorf("agency %q", r.Header.Agency)
	}
}

// TestPlainIndicatorKeepsValue: an answer that is not a number never
// replaces an indicator's value; q ends the part at once; a number in the
// part's menu starts from that indicator.
func TestPlainIndicatorKeepsValue(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	want := report.Sample()
	s := startPlainPty(t, dir, 80, 24)
	s.openPart(want, report.PartIndicators)
	s.answer("phần này:", "")
	s.answer("Kết quả kỳ này [100]:", "abc")
	s.waitFor("không phải là một con số")
	s.answer("Kết quả kỳ này [100]:", "q")
	s.waitFor("== Phần 13/")
	s.answer("bản nháp:", partNumber(t, want, report.PartIndicators))
	s.answer("bản nháp:", "")
	s.answer("phần này:", "5")
	s.waitFor("Chỉ tiêu 5/")
	s.answer("Kết quả kỳ này:", "7")
	s.answer("Cùng kỳ năm trước:", "q")
	s.waitFor("Đã lưu lúc")
	s.answer("bản nháp:", "q")
	s.answer("q: thoát:", "q")
	s.wait()

	r := loadDraft(t, path)
	for i, in := range r.Indicators {
		w := want.Indicators[i].Value
		if i == 4 {
			w = "7"
		}
		if in.Value != w || in.LastYear != "" {
			t.Errorf("indicator %d: %q, %q; want %q", i+1, in.Value, in.LastYear, w)
		}
	}
}

// TestPlainPromptsWrapAtSpaces: at 80 columns no question or hint is wider
// than the terminal, and the long ones break between words.
func TestPlainPromptsWrapAtSpaces(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sampleDraft(t, dir)
	s := startPlainPty(t, dir, 80, 24)
	s.answer("q: thoát:", "1")
	s.answer("bản nháp:", "")
	s.waitFor("Cơ quan cấp trên (nếu có):")
	s.enters(9)
	s.answer("Kính gửi (nếu có):", "")
	s.answer("Trích yếu (sửa nếu cần):", "")
	s.waitFor("== Phần 2/")
	s.answer("bản nháp:", "q")
	s.answer("q: thoát:", "q")
	s.wait()

	out := ansi.Strip(strings.ReplaceAll(s.output(), "\r", ""))
	for _, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidthWc(l); w > 80 {
			t.Errorf("row of %d cells: %q", w, l)
		}
	}
	joined := strings.ReplaceAll(out, "\n", " ")
	for _, q := range []string{
		"Chọn: số thứ tự để mở, n: tạo báo cáo mới, v: mở báo cáo mẫu, h: tổng hợp số liệu, q: thoát:",
		"Enter: điền phần này, b: bỏ qua, số: sang phần đó, x: xem lỗi và xuất tệp, q: lưu và về danh sách bản nháp:",
		"Kỳ báo cáo (1: Quý I, 2: Quý II, 3: Quý III, 4: Quý IV, 5: 6 tháng đầu năm, 6: Cả năm) [1]:",
	} {
		if !strings.Contains(joined, q) {
			t.Errorf("question not broken between words: %q", q)
		}
	}
}

// TestPlainInterruptBeforeDraft: Ctrl+C after the unit and period were
// typed, before the draft exists, says they were not saved, and exits 0:
// nothing failed to save.
func TestPlainInterruptBeforeDraft(t *testing.T) {
	t.Parallel()
	bin := buildBaocao(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "--plain", "--dir", dir)
	cmd.Env = append(os.Environ(), "TERM=xterm")
	master, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	defer master.Close()
	s := newPtyTerm(t, master)
	s.answer("q: thoát:", "n")
	s.answer("Tên xã, phường (ví dụ: xã Dương Hưu):", "phường Võ Cường")
	s.waitFor("Cả năm) [")
	s.answer("]:", "5")
	s.waitFor("Năm báo cáo [")
	s.send("\x03")
	s.waitFor("Tạm biệt.")
	err = cmd.Wait()
	out := strings.Join(strings.Fields(ansi.Strip(s.output())), " ")
	if !strings.Contains(out, "Chưa tạo bản nháp nên tên đơn vị «phường Võ Cường» vừa nhập chưa được lưu.") {
		t.Errorf("Ctrl+C says nothing of what was lost:\n%s", out)
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("exit code %d (%v), want 0: Ctrl+C is the ordinary way out", code, err)
	}
	if drafts, _ := filepath.Glob(filepath.Join(dir, "*.json")); len(drafts) != 0 {
		t.Errorf("drafts %v", drafts)
	}
}

// TestPlainExportChoiceOnTerminal: on a terminal, the export asks which
// files, numbered, all by default: 2 writes the Word file alone, Enter
// all, asking first about the one already there.
func TestPlainExportChoiceOnTerminal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sampleDraft(t, dir)
	s := startPlainPty(t, dir, 80, 24)
	s.answer("q: thoát:", "1")
	s.answer("bản nháp:", "x")
	s.answer("q: không xuất [4]:", "2")
	s.answer("không xuất)", "")
	s.waitFor("Đã xuất Word:")
	pdf, docx := exported(t, dir)
	if pdf != "" || docx == "" {
		t.Fatalf("2 wrote %q and %q", pdf, docx)
	}
	wantDocx(t, docx)
	s.answer("bản nháp:", "x")
	s.answer("q: không xuất [4]:", "")
	s.answer("không xuất)", "")
	s.waitFor("Ghi đè? (c: có · k: không):")
	// Wrapped at spaces, or inside a path longer than a row.
	flat := strings.Join(strings.Fields(ansi.Strip(s.output())), "")
	if !strings.Contains(flat, "Tệpđãcó:"+docx+".Ghiđè?") {
		t.Errorf("the question does not name the Word file:\n%s", flat[max(0, len(flat)-600):])
	}
	if pdf, _ := exported(t, dir); pdf != "" {
		t.Errorf("the PDF was written before the answer")
	}
	s.send("c\r")
	s.waitFor("Đã xuất Word:")
	pdf, _ = exported(t, dir)
	wantPDF(t, pdf)
	s.answer("bản nháp:", "q")
	s.answer("q: thoát:", "q")
	s.wait()
}

// startPlainBinary runs the baocao program in plain mode on an 80×24
// pseudo-terminal, with the drafts in dir, so that Ctrl+C can end it.
func startPlainBinary(t *testing.T, dir string) (*ptyTerm, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(buildBaocao(t), "--plain", "--dir", dir)
	cmd.Env = append(os.Environ(), "TERM=xterm")
	master, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { master.Close() })
	return newPtyTerm(t, master), cmd
}

// TestPlainCtrlCKeepsTheLineBeingTyped: Ctrl+C in the middle of a
// paragraph saves what was typed as the field's answer, says so, exits 0,
// and the draft reopens at that part.
func TestPlainCtrlCKeepsTheLineBeingTyped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	s, cmd := startPlainBinary(t, dir)
	s.openPart(report.Sample(), "VI")
	s.waitFor("Nội dung [")
	s.waitFor("]:")
	half := "Đề nghị tỉnh hỗ trợ kinh phí mua máy"
	s.send(half)
	time.Sleep(100 * time.Millisecond)
	s.send("\x03")
	s.waitFor("biệt.")
	err := cmd.Wait()
	out := strings.Join(strings.Fields(ansi.Strip(s.output())), " ")
	if !strings.Contains(out, "Đã lưu bản nháp duong-huu-2026-q1.json, kể cả dòng đang gõ dở ở ô «Nội dung». Tạm biệt.") {
		t.Errorf("the closing line does not say what was saved:\n%s", out[max(0, len(out)-400):])
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("exit code %d (%v), want 0", code, err)
	}
	if got := loadDraft(t, path).Section("VI").Text; got != half {
		t.Errorf("VI after Ctrl+C: %q, want %q", got, half)
	}

	// Reopened, it starts at VI.
	s2, cmd2 := startPlainBinary(t, dir)
	s2.answer("q: thoát:", "1")
	s2.waitFor("== Phần ")
	s2.waitFor("==")
	head := ansi.Strip(s2.output())
	if want := "Phần " + partNumber(t, report.Sample(), "VI") + "/"; !strings.Contains(head[strings.LastIndex(head, "== Phần"):], want) {
		t.Errorf("reopened at %q, want %s", head[strings.LastIndex(head, "== Phần"):], want)
	}
	s2.answer("bản nháp:", "q")
	s2.answer("q: thoát:", "q")
	cmd2.Wait()
}

// TestPlainCtrlCAtAChoiceSaysTheLineIsUnused: Ctrl+C with an unfinished
// answer to a menu keeps the draft as it was, says the line was not used,
// and exits 0.
func TestPlainCtrlCAtAChoiceSaysTheLineIsUnused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	before, _ := os.ReadFile(path)
	s, cmd := startPlainBinary(t, dir)
	s.answer("q: thoát:", "1")
	s.waitFor("bản nháp:")
	s.send("1")
	time.Sleep(100 * time.Millisecond)
	s.send("\x03")
	s.waitFor("biệt.")
	err := cmd.Wait()
	out := strings.Join(strings.Fields(ansi.Strip(s.output())), " ")
	if !strings.Contains(out, "Đã lưu bản nháp duong-huu-2026-q1.json. Dòng đang gõ dở «1» chưa nhấn Enter nên không được dùng. Tạm biệt.") {
		t.Errorf("closing line:\n%s", out[max(0, len(out)-400):])
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("exit code %d (%v), want 0", code, err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the draft changed")
	}
}
