package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"baocao/report"
)

// tmuxSession runs the built baocao in a detached tmux session.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

// needTmux skips a test that drives baocao through tmux when tmux is
// missing, unless BAOCAO_REQUIRE_TOOLS=1 asks for it to fail. On Windows,
// which has no tmux, the test skips whatever BAOCAO_REQUIRE_TOOLS says:
// it runs on Linux in CI (and the Windows binary is driven from there too,
// see TestWine… in the module root).
func needTmux(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs tmux, which Windows does not have (this test runs on Linux)")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("BAOCAO_REQUIRE_TOOLS") == "1" {
			t.Fatal("tmux is required (BAOCAO_REQUIRE_TOOLS=1) but not installed")
		}
		t.Skip("tmux not installed")
	}
}

// buildBaocao builds the program from the module root into a temp folder.
func buildBaocao(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "baocao")
	cmd := exec.Command("go", "build", "-o", bin, "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func startTmux(t *testing.T, socket, name string, w, h int, env []string, args ...string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: socket, name: name}
	var q []string
	for _, a := range args {
		q = append(q, "'"+strings.ReplaceAll(a, "'", `'\''`)+"'")
	}
	// Not exec: the shell stays baocao's parent and reaps it when killed
	// (PID 1 of a container may not, and a zombie still holds its lock).
	shell := strings.Join(q, " ") + "; sleep 600"
	if len(env) > 0 {
		shell = "env " + strings.Join(env, " ") + " " + shell
	}
	s.tmux("new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) capture() string { return s.tmux("capture-pane", "-p", "-t", s.name) }

// waitFor waits until the screen shows sub.
func (s *tmuxSession) waitFor(sub string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c := s.capture()
		if strings.Contains(c, sub) {
			return c
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q:\n%s", sub, c)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.tmux("send-keys", "-t", s.name, k)
		time.Sleep(60 * time.Millisecond) // focus moves asynchronously
	}
}

// literal types text as the terminal would.
func (s *tmuxSession) literal(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", s.name, "-l", text)
}

// lockPID is the process holding the draft at path: baocao writes its id
// in the lock file.
func lockPID(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path + ".lock")
	if err != nil {
		t.Fatalf("draft not locked: %v", err)
	}
	var pid int
	fmt.Sscan(strings.TrimSpace(string(data)), &pid)
	if pid <= 0 {
		t.Fatalf("lock file holds %q", data)
	}
	return pid
}

// TestTmuxKillAndResume runs the real binary: creates a report, types into
// two parts, kills the process with SIGKILL, starts it again and finds the
// text (autosave loses at most the last second).
func TestTmuxKillAndResume(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := t.TempDir()
	socket := fmt.Sprintf("baocao-test-%d", os.Getpid())
	s := startTmux(t, socket, "a", 100, 30, nil, bin, "--dir", dir)
	s.waitFor("Chưa có bản nháp nào")
	s.keys("Enter")
	s.waitFor("Tạo báo cáo mới")
	s.literal("xã Dương Hưu")
	time.Sleep(100 * time.Millisecond)
	s.keys("Tab", "Tab", "Tab")
	s.waitFor("Trích yếu")
	s.keys("PgDn", "PgDn")
	s.waitFor("Nêu việc lãnh đạo")
	one := "Trong quý I, UBND xã đã quán triệt Nghị quyết 57."
	s.literal(one)
	s.waitFor("quán triệt Nghị quyết 57.")
	s.keys("PgDn")
	s.waitFor("Kể các văn bản đã ban hành")
	two := "Đã ban hành Kế hoạch số 15/KH-UBND về chuyển đổi số."
	s.literal(two)
	s.waitFor("chuyển đổi số.")
	time.Sleep(1200 * time.Millisecond) // more than the autosave delay

	drafts, _ := filepath.Glob(filepath.Join(dir, "duong-huu-*.json"))
	if len(drafts) != 1 {
		t.Fatalf("drafts: %v", drafts)
	}
	path := drafts[0]
	if err := exec.Command("kill", "-KILL", fmt.Sprint(lockPID(t, path))).Run(); err != nil {
		t.Fatal(err)
	}
	s.waitFor("") // the shell reaps it
	time.Sleep(200 * time.Millisecond)
	r, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Sections[0].Items[0].Text; got != one {
		t.Errorf("I.1 on disk after SIGKILL: %q", got)
	}
	if got := r.Sections[0].Items[1].Text; got != two {
		t.Errorf("I.2 on disk after SIGKILL: %q", got)
	}

	// Start again: the stale lock is taken over; the draft opens where the
	// official was typing, the cursor at the end of the text, and says the
	// last session ended abruptly.
	s2 := startTmux(t, socket, "b", 100, 30, nil, bin, "--dir", dir)
	s2.waitFor("Xã Dương Hưu")
	s2.keys("Enter")
	s2.waitFor(two)
	s2.waitFor("kết thúc đột ngột")
	s2.literal(" Tiếp.")
	s2.waitFor("số. Tiếp.")
	s2.keys("PgUp")
	s2.waitFor(one)
	s2.quit(path)
}

// TestTmuxSigterm checks that SIGTERM saves what was typed a moment ago.
func TestTmuxSigterm(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := t.TempDir()
	st := &report.Store{Dir: dir}
	path, err := st.Create(report.Sample())
	if err != nil {
		t.Fatal(err)
	}
	socket := fmt.Sprintf("baocao-term-%d", os.Getpid())
	s := startTmux(t, socket, "a", 80, 24, []string{"NO_COLOR=1"}, bin, "--dir", dir)
	s.waitFor("Xã Dương Hưu")
	s.keys("Enter")
	s.waitFor("Trích yếu")
	s.keys("Escape")
	s.literal("8") // part 8: III
	s.keys("Enter")
	s.waitFor("Đánh giá ngắn gọn")
	s.keys("C-End")
	s.literal(" Ngay trước khi tắt.")
	s.waitFor("tắt.")
	exec.Command("kill", "-TERM", fmt.Sprint(lockPID(t, path))).Run()
	deadline := time.Now().Add(5 * time.Second)
	for {
		r, err := report.Load(path)
		if err == nil && strings.HasSuffix(r.Section("III").Text, "Ngay trước khi tắt.") {
			if _, err := os.Stat(path + ".lock"); os.IsNotExist(err) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not saved and unlocked after SIGTERM: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// quit quits baocao, which has the draft at path open, and waits until
// it has let the draft go.
func (s *tmuxSession) quit(path string) {
	s.t.Helper()
	s.keys("C-c")
	s.waitFor("Thoát baocao?")
	s.keys("c")
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := os.Stat(path + ".lock"); os.IsNotExist(err) {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatal("lock not released after quitting")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// startOnPartIII builds baocao and starts it at 80×24 (tmux socket
// "baocao-"+name) on the example, saved in a fresh folder, at its part III
// from the list of parts. It returns the session and the draft's path.
func startOnPartIII(t *testing.T, name string) (*tmuxSession, string) {
	t.Helper()
	needTmux(t)
	bin := buildBaocao(t)
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	s := startTmux(t, fmt.Sprintf("baocao-%s-%d", name, os.Getpid()), "a", 80, 24, nil, bin, "--dir", dir)
	s.waitFor("Xã Dương Hưu")
	s.keys("Enter")
	s.waitFor("Trích yếu")
	s.keys("Escape")
	s.literal("8") // part 8: III
	s.keys("Enter")
	s.waitFor("Đánh giá ngắn gọn")
	return s, path
}

// waitDraft waits until ok accepts the draft at path as read from disk,
// and returns when that was.
func waitDraft(t *testing.T, path string, within time.Duration, ok func(*report.Report) bool) time.Time {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		if r, err := report.Load(path); err == nil && ok(r) {
			return time.Now()
		}
		if time.Now().After(deadline) {
			r, _ := report.Load(path)
			t.Fatalf("draft on disk not as expected after %v: %+v", within, r.Section("III"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestTmuxResizeKeepsText types Vietnamese the way Unikey sends it (letters,
// BS, then the composed letter) into the real program while its window is
// resized: the text lands where it was typed.
func TestTmuxResizeKeepsText(t *testing.T) {
	s, path := startOnPartIII(t, "resize")
	old := report.Sample().Section("III").Text
	s.keys("C-End", "Enter")
	s.literal("Tie")
	s.tmux("resize-window", "-t", s.name, "-x", "120", "-y", "40")
	s.keys("C-h") // BS, as Unikey sends it
	s.literal("ếng Vie")
	s.tmux("resize-window", "-t", s.name, "-x", "60", "-y", "18")
	s.keys("BSpace") // DEL, as terminals send Backspace
	s.literal("ệt đa")
	s.tmux("resize-window", "-t", s.name, "-x", "200", "-y", "50")
	s.keys("C-h")
	s.literal("ầy đủ.")
	s.tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
	s.waitFor("đầy đủ.")
	s.keys("C-s")
	want := old + "\nTiếng Việt đầy đủ."
	waitDraft(t, path, 5*time.Second, func(r *report.Report) bool { return r.Section("III").Text == want })
	s.quit(path)
}

// TestTmuxTypingReachesDisk sends 2,000 keys one by one to the real
// program: they are all on disk within 3 s of the last one (the program
// keeps up; autosave follows).
func TestTmuxTypingReachesDisk(t *testing.T) {
	s, path := startOnPartIII(t, "typing")
	old := report.Sample().Section("III").Text
	s.keys("C-End")
	typed := []rune(strings.Repeat(" Kết quả đạt được trong kỳ.", 80))[:2000]
	for _, r := range typed {
		k := string(r)
		if r == ' ' {
			k = "Space"
			s.tmux("send-keys", "-t", s.name, k)
			continue
		}
		s.tmux("send-keys", "-t", s.name, "-l", k)
	}
	last := time.Now()
	want := old + string(typed)
	at := waitDraft(t, path, 20*time.Second, func(r *report.Report) bool { return r.Section("III").Text == want })
	if lag := at.Sub(last); lag > 3*time.Second {
		t.Errorf("the 2,000 keys reached the disk %v after the last one", lag.Round(time.Millisecond))
	} else {
		t.Logf("on disk %v after the last key", lag.Round(time.Millisecond))
	}
	s.quit(path)
}

// pdfText is the text of a PDF as pdftotext reads it, runs of white space
// made one space.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
