//go:build !windows

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

// The tests named TestWine… run the Windows baocao.exe under Wine 10, in
// the Debian 13 chroot that .ci/windows prepares and names in
// BAOCAO_WINE_ROOT, driven from Linux (tmux, pdftotext). Their files live in
// the chroot's /tmp, which the program sees as Z:\tmp.

// wineBox is the chroot and a folder of this test inside it.
type wineBox struct {
	t    *testing.T
	root string // the chroot, on the host
	work string // this test's folder, on the host, inside the chroot
	exe  string // baocao.exe, as a path inside the chroot
}

// newWineBox builds baocao.exe for windows/amd64 into a fresh folder of the
// chroot, or skips the test when there is no chroot to run it in.
func newWineBox(t *testing.T) *wineBox {
	t.Helper()
	needTmux(t)
	root := os.Getenv("BAOCAO_WINE_ROOT")
	if root == "" {
		t.Skip("BAOCAO_WINE_ROOT is not set: .ci/windows runs this test in its Wine chroot")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to enter the Wine chroot")
	}
	work, err := os.MkdirTemp(filepath.Join(root, "tmp"), "baocao-wine-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(work) })
	b := &wineBox{t: t, root: root, work: work}
	cmd := exec.Command("go", "build", "-o", filepath.Join(work, "baocao.exe"), "..")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build for windows/amd64: %v\n%s", err, out)
	}
	b.exe = b.inside(filepath.Join(work, "baocao.exe"))
	return b
}

// mkdir makes the folder rel (slash-separated) in the test's folder and
// returns its path on the host.
func (b *wineBox) mkdir(rel string) string {
	b.t.Helper()
	dir := filepath.Join(b.work, filepath.FromSlash(rel))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	return dir
}

// inside is the path of a host file as seen inside the chroot.
func (b *wineBox) inside(host string) string { return strings.TrimPrefix(host, b.root) }

// win is the path of a host file as the Windows program sees it: Wine's
// drive Z: is the chroot's root.
func (b *wineBox) win(host string) string {
	return `Z:` + strings.ReplaceAll(b.inside(host), "/", `\`)
}

// command is the command line that runs baocao.exe with args under Wine.
func (b *wineBox) command(args ...string) []string {
	return append([]string{"chroot", b.root, "/usr/bin/env", "HOME=/root", "XDG_RUNTIME_DIR=/tmp",
		"WINEDEBUG=-all", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", "wine", b.exe}, args...)
}

// run runs baocao.exe with args to its end and returns what it printed.
func (b *wineBox) run(args ...string) (string, error) {
	c := b.command(args...)
	out, err := exec.Command(c[0], c[1:]...).CombinedOutput()
	return string(out), err
}

// wineExited is what the shell around baocao.exe prints when it ends.
const wineExited = "[baocao.exe đã thoát]"

// tmux starts baocao.exe with args in a tmux session of w×h cells; the
// screen shows wineExited once it has ended.
func (b *wineBox) tmux(socket, name string, w, h int, args ...string) *tmuxSession {
	b.t.Helper()
	shell := append([]string{"/bin/sh", "-c", `"$@"; echo "` + wineExited + `"`, "sh"}, b.command(args...)...)
	return startTmux(b.t, socket, name, w, h, nil, shell...)
}

// pasteCRLF pastes text with its line ends as Windows programs copy them
// (CR LF), bracketed, with nothing changed by tmux.
func (s *tmuxSession) pasteCRLF(lines ...string) {
	s.t.Helper()
	s.pasteBuffer(strings.Join(lines, "\r\n"), "-p", "-r", "-d")
}

// waitLonger is waitFor with a deadline fit for Wine starting a program.
func (s *tmuxSession) waitLonger(sub string) string {
	s.t.Helper()
	return s.screenWithin(sub, 40*time.Second)
}

// TestWinePlainJourney runs plain mode in the Windows baocao.exe as an
// official would, with the drafts in a folder whose path has Vietnamese
// letters and spaces: a new report with the unit typed through an input
// method's BS (0x08), addressees and a paragraph pasted with Windows line
// ends (CR LF), Ctrl+C in the middle of an answer; then the draft resumed,
// signed and exported to PDF and Word, the PDF read back.
func TestWinePlainJourney(t *testing.T) {
	b := newWineBox(t)
	dir := b.mkdir("Nguyễn Văn A/Documents/Báo cáo")
	socket := fmt.Sprintf("baocao-wine-journey-%d", os.Getpid())
	s := b.tmux(socket, "a", 80, 24, "--plain", "--dir", b.win(dir))

	s.waitLonger("q: thoát:")
	s.typeLine("q: thoát:", "n")
	s.waitFor("Tên xã, phường")
	s.literal("phu")
	s.bytes("08")
	s.literal("ưo")
	s.bytes("08", "08")
	s.literal("ường Võ Cường")
	s.screenWith("(ví dụ: xã Dương Hưu): phường Võ Cường")
	s.keys("Enter")
	s.typeLine("Cả năm) [", "5")
	s.typeLine("Năm báo cáo [", "2026")
	s.screenWith("Đã tạo bản nháp " + b.win(filepath.Join(dir, "vo-cuong-2026-6t.json")))
	path := filepath.Join(dir, "vo-cuong-2026-6t.json")

	// The general part: keep everything, paste the addressees (CR LF).
	s.typeLine("bản nháp:", "")
	s.waitFor("Cơ quan cấp trên (nếu có):")
	for range 9 {
		s.keys("Enter")
	}
	s.waitFor("Kính gửi (nếu có):")
	s.pasteCRLF("Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh")
	s.screenWith("UBND tỉnh Bắc Ninh")
	s.keys("Enter")
	s.typeLine("Trích yếu (sửa nếu cần):", "")
	s.waitFor("Đã lưu lúc")

	// Skip the request; I.1 typed with corrections; I.2 pasted (CR LF).
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
	s.pasteCRLF("Ban hành Kế hoạch số 15/KH-UBND.", "Phân công cán bộ phụ trách chuyển đổi số.")
	s.screenWith("phụ trách chuyển đổi số.")
	s.keys("Enter")
	s.waitFor("Phần 5/")

	// Ctrl+C half-way through an answer: what was entered is on disk, the
	// program ends, its lock goes. (Whether the line being typed is kept,
	// and the exit code, are plain mode's business, tested on Linux.)
	s.typeLine("bản nháp:", "")
	s.waitFor("Nội dung:")
	s.literal("Dòng gõ dở")
	s.keys("C-c")
	s.waitLonger(wineExited)
	r, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Addressees, "|"); got != "Sở Khoa học và Công nghệ tỉnh Bắc Ninh|UBND tỉnh Bắc Ninh" {
		t.Errorf("addressees pasted with CR LF: %q", got)
	}
	if got := r.Sections[0].Items[0].Text; got != i1 {
		t.Errorf("I.1 typed with BS: %q", got)
	}
	i2 := "Ban hành Kế hoạch số 15/KH-UBND.\nPhân công cán bộ phụ trách chuyển đổi số."
	if got := r.Sections[0].Items[1].Text; got != i2 {
		t.Errorf("I.2 pasted with CR LF: %q, want %q", got, i2)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock kept after Ctrl+C: %v", err)
	}

	// Resume: the pasted lines are there; sign and export both files.
	s2 := b.tmux(socket, "b", 80, 24, "--plain", "--dir", b.win(dir))
	s2.waitLonger("q: thoát:")
	s2.typeLine("q: thoát:", "1")
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
	s2.waitLonger("Đã xuất Word:")
	pdf, docx := exported(t, dir)
	if pdf == "" || docx == "" {
		t.Fatalf("exported %q and %q", pdf, docx)
	}
	wantDocx(t, docx)
	text := pdfText(t, pdf)
	for _, want := range []string{"PHƯỜNG VÕ CƯỜNG", "Trong 6 tháng đầu năm, Đảng ủy phường đã quán triệt Nghị quyết 57.",
		"Ban hành Kế hoạch số 15/KH-UBND.", "Trần Văn Bình"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	s2.typeLine("q: thoát:", "q")
	s2.waitLonger(wineExited)
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock kept after quitting: %v", err)
	}
}

// TestWinePaths runs baocao.exe's commands on drafts and exports in a
// folder whose path has Vietnamese letters and spaces, and in one whose
// path is longer than Windows' old limit of 260 characters (MAX_PATH): a
// draft is made, listed, checked and exported to PDF and Word there.
func TestWinePaths(t *testing.T) {
	b := newWineBox(t)
	long := "Báo cáo dài"
	for i := 1; len(b.win(b.work))+len(long) < 300; i++ {
		long += fmt.Sprintf("/Thư mục lưu báo cáo quý số %d năm hai nghìn không trăm hai mươi sáu", i)
	}
	for _, rel := range []string{"Nguyễn Văn A/Documents/Báo cáo", long} {
		dir := b.mkdir(rel)
		draft := filepath.Join(dir, "bản nháp mẫu.json")
		if len(b.win(draft)) <= 260 && rel == long {
			t.Fatalf("path not long enough: %d", len(b.win(draft)))
		}
		for _, args := range [][]string{
			{"sample", "-o", b.win(draft)},
			{"list", "--dir", b.win(dir)},
			{"check", b.win(draft)},
			{"export", b.win(draft), "--format", "all"},
		} {
			out, err := b.run(args...)
			if err != nil {
				t.Fatalf("baocao.exe %s in a folder of %d characters: %v\n%s", args[0], len(b.win(dir)), err, out)
			}
			if args[0] == "list" && !strings.Contains(out, "UBND xã Dương Hưu") {
				t.Errorf("list of %s:\n%s", b.win(dir), out)
			}
		}
		pdf, docx := exported(t, dir)
		if pdf == "" || docx == "" {
			t.Fatalf("exported %q and %q into %s", pdf, docx, dir)
		}
		wantDocx(t, docx)
		if text := pdfText(t, pdf); !strings.Contains(text, "UBND xã Dương Hưu báo cáo kết quả") {
			t.Errorf("the PDF in %s lacks the sample's text", b.win(dir))
		}
	}
}
