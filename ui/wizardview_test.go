package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// paneText is the text of the wizard's pane on a captured screen, its
// wrapped lines joined: the sidebar, the bars and the indents left out.
func paneText(screen string) string {
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, "│ "); i >= 0 {
			l = l[i+len("│ "):]
		}
		l = strings.TrimLeft(l, " ┃│")
		b.WriteString(l + " ")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestTmuxMessagesWrapAt80x24 runs the real program at 80×24: the
// messages under a form are wrapped in full however many there are (the
// form gives them lines), never cut, never with a doubled ellipsis.
func TestTmuxMessagesWrapAt80x24(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := t.TempDir()
	socket := fmt.Sprintf("baocao-wrap-%d", os.Getpid())
	now := time.Now().Year()
	s := startTmux(t, socket, "a", 80, 24, nil, bin, "--dir", dir)
	s.waitFor("Tạo báo cáo mới")
	s.keys("n")
	s.waitFor("Tên xã, phường")
	s.literal("xã Tân Chi")
	s.keys("Tab", "Tab", "C-u")
	s.literal("1999")
	s.keys("Tab")
	s.waitFor("Tạo báo cáo")
	s.keys("c")
	s.waitFor("Thông tin chung")
	drafts, _ := filepath.Glob(filepath.Join(dir, "tan-chi-1999-*.json"))
	if len(drafts) != 1 {
		t.Fatalf("drafts: %v", drafts)
	}
	path := drafts[0]

	// The report's year set to this year: the date, still 1999, has two
	// errors, four lines at this width.
	for range 8 {
		s.keys("Tab") // to Năm báo cáo
	}
	s.waitFor("Năm báo cáo")
	s.keys("C-u")
	s.literal(strconv.Itoa(now))
	s.keys("BTab", "BTab") // back to Ngày ban hành
	want := []string{
		"✗ Ngày ban hành có năm 1999, cách quá xa năm hiện tại (" + strconv.Itoa(now) + "): có thể gõ nhầm.",
		"✗ Năm ban hành 1999 không khớp với kỳ báo cáo",
	}
	s.waitFor("Ngày ban hành có năm 1999")
	time.Sleep(300 * time.Millisecond)
	c := s.capture()
	for _, w := range want {
		if !strings.Contains(paneText(c), w) {
			t.Errorf("the date's errors are cut, %q missing:\n%s", w, c)
		}
	}
	if strings.Contains(c, "……") {
		t.Errorf("a doubled ellipsis:\n%s", c)
	}

	// A suggestion left as it is, then a crash: on reopening, the crash
	// notice, a refusal and the suggestion's warning are all said in full.
	s.keys("Escape")
	s.literal("8") // III
	s.keys("Enter")
	s.waitFor("Đánh giá ngắn gọn")
	s.keys("C-y")
	s.waitFor("Đã chèn gợi ý")
	time.Sleep(1500 * time.Millisecond) // saved
	// Leaving the general part renamed the draft after its new year.
	path = filepath.Join(dir, strings.Replace(filepath.Base(path), "1999", strconv.Itoa(now), 1))
	if err := exec.Command("kill", "-KILL", fmt.Sprint(lockPID(t, path))).Run(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	s2 := startTmux(t, socket, "b", 80, 24, nil, bin, "--dir", dir)
	s2.waitFor("Tân Chi")
	s2.keys("Enter")
	s2.waitFor("đột ngột")
	s2.keys("C-y") // refused: the field is not empty
	s2.waitFor("Ô đang có nội dung")
	time.Sleep(300 * time.Millisecond)
	c = s2.capture()
	for _, w := range []string{
		"Ô đang có nội dung: gợi ý chỉ chèn vào ô trống.",
		": bản nháp mở lại ở chỗ đang soạn.",
		"△ III. Đánh giá chung vẫn là lời văn gợi ý chưa sửa: hãy viết theo kết quả thực tế của đơn vị.",
	} {
		if !strings.Contains(paneText(c), w) {
			t.Errorf("a message is cut, %q missing:\n%s", w, c)
		}
	}
	if strings.Contains(c, "……") {
		t.Errorf("a doubled ellipsis:\n%s", c)
	}
	// The text's cursor line stays in sight above the messages.
	if !strings.Contains(c, "Việc triển khai") {
		t.Errorf("the text is hidden by the messages:\n%s", c)
	}
	s2.quit(path)
}
