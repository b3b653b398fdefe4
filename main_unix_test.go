//go:build linux || darwin || freebsd || netbsd || openbsd

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// TestNoTerminalSuggestsPlain starts baocao as a program is started from
// a script or a service: no controlling terminal, input from /dev/null.
// The full screen cannot start; that is said in Vietnamese, with --plain
// as the way out, and exit code 2.
func TestNoTerminalSuggestsPlain(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "--dir", dir)
	cmd.Env = append(os.Environ(), "BAOCAO_RUN_MAIN=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} // no controlling terminal
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run() // stdin is /dev/null
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Errorf("exit: %v", err)
	}
	got := errOut.String()
	if !strings.HasPrefix(got, "baocao: lỗi: không mở được giao diện toàn màn hình") ||
		!strings.Contains(got, "baocao: gợi ý: chạy «baocao --plain»") {
		t.Errorf("stderr %q", got)
	}
	for _, english := range []string{"TTY", "tty", "error", "no such"} {
		if strings.Contains(got, english) {
			t.Errorf("English %q in %q", english, got)
		}
	}
}
