package ui

import (
	"baocao/report"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

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
	if d.screenKind() != screenDrafts {
		t.Fatalf("k did not go back:\n%s", d.screen())
	}
	// Enter: the draft opens on its review, at the problems.
	d.key("x", "enter")
	if d.screenKind() != screenReview || d.m.d == nil {
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
		if d.export().step == exportOverwrite && keys[len(keys)-1] != "tab" {
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
	d.wantFlat("Máy chưa có chương trình mở PDF; hãy mở tệp bằng tay: " + d.export().path)
	if s := d.screen(); strings.Contains(s, "exec:") || strings.Contains(s, "executable file") {
		t.Errorf("the error in English:\n%s", s)
	}
}
