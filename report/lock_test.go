package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The lock tests run this test binary again as a second baocao process:
// BAOCAO_TEST_HELPER names what it does (see helper).
func TestMain(m *testing.M) {
	if role := os.Getenv("BAOCAO_TEST_HELPER"); role != "" {
		os.Exit(helper(role, strings.Split(os.Getenv("BAOCAO_TEST_DRAFTS"), string(os.PathListSeparator))))
	}
	os.Exit(m.Run())
}

// helper is another process. "create" creates drafts until it is killed. "hold" locks the draft, says "locked" and
// keeps the lock until its input closes or it is killed. "race" says
// "ready", waits for a line, then tries to lock every draft in turn,
// keeping those it gets, says which it got and waits for its input to
// close.
func helper(role string, drafts []string) int {
	in := bufio.NewReader(os.Stdin)
	switch role {
	case "hold":
		l, err := Lock(drafts[0])
		if err != nil {
			fmt.Println("refused:", err)
			return 1
		}
		fmt.Println("locked")
		io.Copy(io.Discard, in)
		l.Release()
	case "race":
		fmt.Println("ready")
		in.ReadString('\n')
		var won []string
		for i, d := range drafts {
			if l, err := Lock(d); err == nil {
				defer l.Release()
				won = append(won, strconv.Itoa(i))
			}
		}
		fmt.Println("won", strings.Join(won, " "))
		io.Copy(io.Discard, in)
	case "create":
		// Creates drafts until killed; see TestCreateKilledLeavesNoBrokenDraft.
		s := &Store{Dir: drafts[0]}
		fmt.Println("creating")
		for i := 0; ; i++ {
			r := Sample()
			r.Header.ShortName = fmt.Sprintf("UBND xã Thử %d", os.Getpid()%1000*1000+i)
			s.Create(r)
		}
	}
	return 0
}

// startHelper starts the second process; its first line of output is
// returned once written.
func startHelper(t *testing.T, role string, drafts ...string) (*exec.Cmd, io.WriteCloser, *bufio.Reader, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "BAOCAO_TEST_HELPER="+role, "BAOCAO_TEST_DRAFTS="+strings.Join(drafts, string(os.PathListSeparator)),
		"GORACE=atexit_sleep_ms=0") // the race detector otherwise waits a second at exit
	cmd.Stderr = os.Stderr
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	out := bufio.NewReader(stdout)
	line, err := out.ReadString('\n')
	if err != nil {
		t.Fatalf("%s helper: %v", role, err)
	}
	return cmd, stdin, out, strings.TrimSpace(line)
}

func TestLockRefusedInTheSameProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Lock(path)
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() || !strings.Contains(err.Error(), "đang được mở") {
		t.Fatalf("second lock: %v", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	l2, err := Lock(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	l2.Release()
}

func TestLockRefusedWhileAnotherProcessHoldsItAndFreedWhenKilled(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	path, err := s.Create(Sample())
	if err != nil {
		t.Fatal(err)
	}
	other, _, _, line := startHelper(t, "hold", path)
	if line != "locked" {
		t.Fatalf("helper: %s", line)
	}

	_, err = Lock(path)
	var le *LockedError
	if !errors.As(err, &le) || le.PID != other.Process.Pid {
		t.Fatalf("lock held by process %d: %v", other.Process.Pid, err)
	}
	if msg := le.Error() + " " + le.Hint(); !strings.Contains(msg, "đang được mở ở một cửa sổ baocao khác") ||
		!strings.Contains(msg, "Hãy đóng cửa sổ baocao đó rồi thử lại") || !strings.Contains(msg, "khóa tự được gỡ") ||
		!strings.Contains(msg, "tiến trình số "+strconv.Itoa(le.PID)) {
		t.Errorf("message: %s", msg)
	}
	if err := s.Trash(path); !errors.As(err, &le) {
		t.Fatalf("Trash of a draft open in another process: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("the open draft was moved")
	}

	// Killed: no chance to clean up. The lock file stays, naming a
	// process id that may soon belong to another program, and must not
	// block.
	other.Process.Kill()
	other.Wait()
	if _, err := os.Stat(path + ".lock"); err != nil {
		t.Fatalf("the killed process's lock file should still be there: %v", err)
	}
	l, err := Lock(path)
	if err != nil {
		t.Fatalf("lock of a killed process not freed: %v", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("Release left the lock file: %v", err)
	}
}

func TestLeftoverLockFileNamingALiveProcessDoesNotBlock(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	path, _ := s.Create(Sample())
	// After a power cut, the id in the file belongs to whatever runs now:
	// here this very process, and its parent.
	for _, pid := range []int{os.Getpid(), os.Getppid(), 1} {
		os.WriteFile(path+".lock", []byte(strconv.Itoa(pid)+"\n"), 0o644)
		l, err := Lock(path)
		if err != nil {
			t.Fatalf("leftover lock naming live process %d blocks: %v", pid, err)
		}
		l.Release()
	}
	os.WriteFile(path+".lock", []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
	if err := s.Trash(path); err != nil {
		t.Errorf("leftover lock blocks Trash: %v", err)
	}
}

func TestTwoProcessesRacingForStaleLocksNeverBothWin(t *testing.T) {
	dir := t.TempDir()
	// Stale lock files as a power cut leaves them: one naming a process
	// that has exited, one naming a live one.
	exe, _ := os.Executable()
	exited := exec.Command(exe, "-test.run=^$")
	if err := exited.Run(); err != nil {
		t.Fatal(err)
	}
	const rounds, drafts = 3, 200
	for round := 0; round < rounds; round++ {
		var paths []string
		for i := 0; i < drafts; i++ {
			p := filepath.Join(dir, fmt.Sprintf("r%d-%d.json", round, i))
			pid := exited.Process.Pid
			if i%2 == 1 {
				pid = os.Getpid()
			}
			os.WriteFile(p+".lock", []byte(strconv.Itoa(pid)+"\n"), 0o644)
			paths = append(paths, p)
		}
		a, aIn, aOut, _ := startHelper(t, "race", paths...)
		b, bIn, bOut, _ := startHelper(t, "race", paths...)
		io.WriteString(aIn, "go\n")
		io.WriteString(bIn, "go\n")
		won := make([]int, drafts)
		for _, out := range []*bufio.Reader{aOut, bOut} {
			line, err := out.ReadString('\n')
			if err != nil || !strings.HasPrefix(line, "won") {
				t.Fatalf("race helper: %q %v", line, err)
			}
			for _, f := range strings.Fields(line)[1:] {
				i, _ := strconv.Atoi(f)
				won[i]++
			}
		}
		aIn.Close()
		bIn.Close()
		a.Wait()
		b.Wait()
		for i, n := range won {
			if n != 1 {
				t.Fatalf("round %d: draft %d won by %d processes", round, i, n)
			}
		}
	}
}

func TestLockReleasedAtExitLeavesNoLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	other, stdin, _, line := startHelper(t, "hold", path)
	if line != "locked" {
		t.Fatal(line)
	}
	stdin.Close() // the helper releases and exits
	if err := other.Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock file left after a clean exit: %v", err)
	}
	deadline := time.Now().Add(time.Second)
	for {
		l, err := Lock(path)
		if err == nil {
			l.Release()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal(err)
		}
	}
}

// TestReleaseWhileLockFileIsReadLeavesItHarmlessly: another window reading
// the lock file (for the process id it shows) keeps Windows from removing
// it at the release. The release still succeeds, the draft is free at once
// and the file left over goes at the next release.
func TestReleaseWhileLockFileIsReadLeavesItHarmlessly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	reader, err := os.Open(path + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if err := l.Release(); err != nil {
		t.Fatalf("release while the lock file is read: %v", err)
	}
	l2, err := Lock(path)
	if err != nil {
		t.Fatalf("the draft is not free after the release: %v", err)
	}
	reader.Close()
	if err := l2.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock file left after the last release: %v", err)
	}
}
