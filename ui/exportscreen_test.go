package ui

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"baocao/report"
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
	d.wantFlat("Vẫn xuất báo cáo? (c/y: có · k/n: không)")
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
	d.wantScreen("Xuất ra tệp nào?")
	if m, _ := filepath.Glob(filepath.Join(dir, "BC-*")); len(m) != 0 {
		t.Errorf("written before asking where: %v", m)
	}
}

// wantChoice checks that the screen offers label followed by path, whole
// or, when it is too long for the form (a temporary folder's path on
// Windows: C:\Users\…\AppData\Local\Temp\…), cut with "…" after 40 bytes or more.
func wantChoice(t *testing.T, screen, label, path string) {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		_, shown, ok := strings.Cut(l, label)
		if !ok {
			continue
		}
		shown = strings.TrimSpace(shown)
		if shown == path {
			return
		}
		if cut, ok := strings.CutSuffix(shown, "…"); ok && strings.HasPrefix(path, cut) && len(cut) >= 40 {
			return
		}
	}
	t.Fatalf("screen does not offer %q:\n%s", label+path, screen)
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
	d.wantScreen("Lưu vào thư mục nào?")
	if strings.Contains(d.screen(), "Thư mục Tài liệu") {
		t.Errorf("offers a Documents folder that does not exist:\n%s", d.screen())
	}
	os.Mkdir(filepath.Join(home, "Documents"), 0o755)
	d.key("esc", "x")
	wantChoice(t, d.screen(), "Thư mục Tài liệu: ", filepath.Join(home, "Documents"))
	// Chosen, it is where both files go.
	d.key("enter", "down", "enter", "enter")
	d.wantScreen("Đã xuất hai tệp:")
	for _, ext := range []string{".pdf", ".docx"} {
		if m, _ := filepath.Glob(filepath.Join(home, "Documents", "*"+ext)); len(m) != 1 {
			t.Errorf("Documents holds %v", m)
		}
	}
}

// exported are the files of dir the export wrote: the PDF and the Word
// file, "" for one not there.
func exported(t *testing.T, dir string) (pdf, docx string) {
	t.Helper()
	for _, ext := range []string{".pdf", ".docx"} {
		m, _ := filepath.Glob(filepath.Join(dir, "BC-NQ57-*"+ext))
		if len(m) > 1 {
			t.Fatalf("several %s: %v", ext, m)
		}
		if len(m) == 1 && ext == ".pdf" {
			pdf = m[0]
		} else if len(m) == 1 {
			docx = m[0]
		}
	}
	return pdf, docx
}

// wantPDF and wantDocx check that path holds a PDF, a Word file.
func wantPDF(t *testing.T, path string) {
	t.Helper()
	if data, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("%s is not a PDF: %v", path, err)
	}
}

func wantDocx(t *testing.T, path string) {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		var doc struct{}
		if err := xml.NewDecoder(rc).Decode(&doc); err != nil {
			t.Errorf("word/document.xml: %v", err)
		}
		return
	}
	t.Errorf("%s has no word/document.xml", path)
}

// TestExportBothByDefault: the export offers PDF, Word or both, with both
// chosen; Enter through it writes a valid PDF and a valid Word file side
// by side, and the screen gives both paths.
func TestExportBothByDefault(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 120, 30)
	d.key("v", "ctrl+r", "x")
	for _, want := range []string{"Xuất ra tệp nào?", "PDF (để trình ký)", "Word .docx (để chỉnh sửa)", "> Cả hai (PDF và Word)"} {
		d.wantScreen(want)
	}
	d.key("enter", "enter")
	base := filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu")
	if p := d.export().path; p != base+".pdf" {
		t.Errorf("path offered %q", p)
	}
	if !strings.Contains(d.screen(), "-Duong-Huu.pdf \n") { // the input's line, in sight
		t.Errorf("the path is not in sight:\n%s", d.screen())
	}
	d.wantScreen("Tệp Word được ghi cạnh tệp PDF, cùng tên, đuôi .docx.")
	d.key("enter")
	d.wantScreen("Đã xuất hai tệp:")
	d.wantFlat("PDF (để trình ký): " + base + ".pdf")
	d.wantFlat("Word (để chỉnh sửa): " + base + ".docx")
	pdf, docx := exported(t, dir)
	if pdf != base+".pdf" || docx != base+".docx" {
		t.Fatalf("wrote %q and %q", pdf, docx)
	}
	wantPDF(t, pdf)
	wantDocx(t, docx)
}

// TestExportOneFormat: choosing PDF or Word writes that file alone, under
// its own name, and says so; the choice stays marked once the folder is
// being chosen.
func TestExportOneFormat(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		keys              []string
		label, title, ext string
		done              string
	}{
		{[]string{"up", "up"}, "PDF (để trình ký)", "Đường dẫn tệp PDF", ".pdf", "Đã xuất tệp PDF:"},
		{[]string{"up"}, "Word .docx (để chỉnh sửa)", "Đường dẫn tệp Word", ".docx", "Đã xuất tệp Word:"},
	} {
		dir := t.TempDir()
		d := newDriver(t, dir, 80, 24)
		d.key("v", "ctrl+r", "x")
		d.key(tt.keys...)
		d.key("enter")
		// On to the folder, the choice still marked (without colour too).
		d.wantScreen("Lưu vào thư mục nào?")
		d.wantScreen("> " + tt.label)
		d.key("enter")
		d.wantScreen(tt.title)
		if strings.Contains(d.screen(), "Tệp Word được ghi cạnh") {
			t.Errorf("%s: speaks of two files:\n%s", tt.ext, d.screen())
		}
		d.key("enter")
		d.wantScreen(tt.done)
		d.wantScreen("Nhấn Enter để mở tệp")
		pdf, docx := exported(t, dir)
		switch tt.ext {
		case ".pdf":
			if pdf == "" || docx != "" {
				t.Errorf("PDF chosen, wrote %q and %q", pdf, docx)
			}
			wantPDF(t, pdf)
		default:
			if pdf != "" || docx == "" {
				t.Errorf("Word chosen, wrote %q and %q", pdf, docx)
			}
			wantDocx(t, docx)
		}
	}
}

// TestExportTypedPath: the path typed decides the name of both files; a
// typed extension is the chosen format's.
func TestExportTypedPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "ban gui"), 0o755)
	d := newDriver(t, dir, 80, 24)
	d.key("v", "ctrl+r", "x", "enter", "enter", "ctrl+u")
	d.typeText(filepath.Join(dir, "ban gui", "bao-cao.docx"))
	d.key("enter")
	d.wantScreen("Đã xuất hai tệp:")
	wantPDF(t, filepath.Join(dir, "ban gui", "bao-cao.pdf"))
	wantDocx(t, filepath.Join(dir, "ban gui", "bao-cao.docx"))
}

// TestExportIntoAMissingFolder: a path typed into a folder that is not
// there is refused as on the command line: the folder is named, nothing is
// made, and the path can be corrected.
func TestExportIntoAMissingFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	missing := filepath.Join(dir, "ban gui")
	d := newDriver(t, dir, 120, 30)
	d.key("v", "ctrl+r", "x", "enter", "enter", "ctrl+u")
	d.typeText(filepath.Join(missing, "bao-cao.pdf"))
	d.key("enter")
	d.wantFlat("không ghi được tệp PDF " + filepath.Join(missing, "bao-cao.pdf") + ": thư mục «" + missing + "» không tồn tại")
	d.wantScreen("Đường dẫn tệp PDF")
	if _, err := os.Stat(missing); err == nil {
		t.Error("the folder was made")
	}
	if pdf, docx := exported(t, dir); pdf != "" || docx != "" {
		t.Errorf("written: %q %q", pdf, docx)
	}
}

func TestExportFilesOfPath(t *testing.T) {
	t.Parallel()
	sep := string(filepath.Separator)
	for _, tt := range []struct {
		format exportFormat
		path   string
		want   []string
	}{
		{exportBoth, "a" + sep + "bc.pdf", []string{"a" + sep + "bc.pdf", "a" + sep + "bc.docx"}},
		{exportBoth, "bc.DOCX", []string{"bc.pdf", "bc.docx"}},
		{exportBoth, " bc ", []string{"bc.pdf", "bc.docx"}},
		{exportPDF, "bc.docx", []string{"bc.pdf"}},
		{exportPDF, "bc.v2", []string{"bc.v2.pdf"}},
		{exportWord, "bc.pdf", []string{"bc.docx"}},
		{exportWord, "bc", []string{"bc.docx"}},
	} {
		var got []string
		for _, f := range exportFiles(tt.format, tt.path) {
			got = append(got, f.path)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%d %q: %q, want %q", tt.format, tt.path, got, tt.want)
		}
	}
}

// exportTwice exports the example to dir and comes back to the question
// whether to overwrite both files; it returns their paths, their content
// replaced by a marker.
func exportTwice(t *testing.T, d *driver, dir string) (pdf, docx string) {
	t.Helper()
	d.key("v", "ctrl+r", "x")
	d.wantScreen("Xuất ra tệp nào?")
	d.key("enter", "enter", "enter")
	d.wantScreen("Đã xuất hai tệp")
	pdf, docx = exported(t, dir)
	for _, f := range []string{pdf, docx} {
		if err := os.WriteFile(f, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d.key("esc", "x", "enter", "enter", "enter")
	d.wantScreen("Cả hai tệp đã có: ghi đè cả hai?")
	d.wantScreen(pdf)
	d.wantScreen(docx)
	return pdf, docx
}

func fileIs(t *testing.T, path, want string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data) == want
}

// TestOverwriteArrowsSafe: ←/→ and Enter at "ghi đè cả hai?" never
// overwrite either file; only c/y do, both.
func TestOverwriteArrowsSafe(t *testing.T) {
	t.Parallel()
	for _, keys := range [][]string{{"right", "enter"}, {"left", "enter"}, {"right", "right", "enter"}, {"tab", "enter"}, {"enter"}, {"k"}, {"n"}} {
		dir := t.TempDir()
		d := newDriver(t, dir, 120, 30)
		pdf, docx := exportTwice(t, d, dir)
		d.key(keys...)
		if !fileIs(t, pdf, "old") || !fileIs(t, docx, "old") {
			t.Fatalf("%v overwrote a file", keys)
		}
		if d.export().step == exportOverwrite && keys[len(keys)-1] != "tab" {
			t.Errorf("%v: still asking", keys)
		}
		if strings.Contains(d.screen(), "Đã xuất") {
			t.Errorf("%v: says exported", keys)
		}
	}
	for _, yes := range []string{"c", "y", "C"} {
		dir := t.TempDir()
		d := newDriver(t, dir, 120, 30)
		pdf, docx := exportTwice(t, d, dir)
		d.wantScreen("k/n hoặc Enter: không ghi đè")
		d.key(yes)
		if fileIs(t, pdf, "old") || fileIs(t, docx, "old") {
			t.Fatalf("%s did not overwrite both", yes)
		}
		d.wantScreen("Đã xuất hai tệp")
		wantPDF(t, pdf)
		wantDocx(t, docx)
	}
}

// TestOverwriteAskedBeforeAnyWrite: when only the Word file is there, the
// question names it and nothing is written before the answer, not even
// the PDF.
func TestOverwriteAskedBeforeAnyWrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	docx := filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu.docx")
	if err := os.WriteFile(docx, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 120, 30)
	d.key("v", "ctrl+r", "x", "enter", "enter", "enter")
	d.wantScreen("Tệp đã có: ghi đè?")
	d.wantScreen(docx)
	if pdf, _ := exported(t, dir); pdf != "" {
		t.Errorf("the PDF was written before the answer: %s", pdf)
	}
	d.key("k")
	d.wantScreen("Đường dẫn tệp PDF")
	if pdf, _ := exported(t, dir); pdf != "" || !fileIs(t, docx, "old") {
		t.Errorf("written after k: %s", pdf)
	}
}

// TestExportWordFails: when the Word file cannot be written, the error is
// said in Vietnamese, the PDF written is named, and the path can be
// changed.
func TestExportWordFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	docx := filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu.docx")
	if err := os.Mkdir(docx, 0o755); err != nil { // a folder by that name
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(docx, "giu.txt"), []byte("x"), 0o644)
	// Wide enough for the whole path of a temporary folder, which is long
	// on Windows (C:\Users\…\AppData\Local\Temp\…): a path wrapped at
	// its hyphen would not read as one.
	d := newDriver(t, dir, 160, 30)
	d.key("v", "ctrl+r", "x", "enter", "enter", "enter")
	d.wantScreen("Tệp đã có: ghi đè?")
	d.key("c")
	d.wantScreen("Đường dẫn tệp PDF")
	d.wantFlat("không ghi được tệp Word " + docx)
	d.wantFlat("Tệp PDF đã ghi xong: " + filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu.pdf"))
	for _, english := range []string{"rename", "file exists", "is a directory"} {
		if strings.Contains(d.screen(), english) {
			t.Errorf("the error in English (%q):\n%s", english, d.screen())
		}
	}
}

// TestNoViewer: without a program to open the files, the export says so
// in Vietnamese and gives the path, of the PDF and of the Word file.
func TestNoViewer(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("cmd is always there")
	}
	t.Setenv("PATH", t.TempDir())
	dir := t.TempDir()
	d := newDriver(t, dir, 120, 30)
	d.key("v", "ctrl+r", "x", "enter", "enter", "enter")
	d.wantScreen("Đã xuất hai tệp")
	pdf, docx := exported(t, dir)
	d.key("enter")
	d.wantScreen("Máy chưa có chương trình mở tệp PDF; hãy mở tệp bằng tay:\n " + pdf)
	d.key("down", "enter")
	d.wantScreen("Máy chưa có chương trình mở tệp Word; hãy mở tệp bằng tay:\n " + docx)
	if s := d.screen(); strings.Contains(s, "exec:") || strings.Contains(s, "executable file") {
		t.Errorf("the error in English:\n%s", s)
	}
}

// TestExportOpensEither: Enter opens the file selected, the PDF first,
// then, after ↓, the Word file, each with the system's opener.
func TestExportOpensEither(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows opens files through the shell, not a program on PATH")
	}
	bin := t.TempDir()
	log := filepath.Join(bin, "opened")
	opener := "xdg-open"
	if runtime.GOOS == "darwin" {
		opener = "open"
	}
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" >> " + log + "\n"
	if err := os.WriteFile(filepath.Join(bin, opener), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v", "ctrl+r", "x", "enter", "enter", "enter")
	pdf, docx := exported(t, dir)
	// The opener runs on its own: wait for each before the next key.
	opened := func(n int) string {
		t.Helper()
		for range 250 {
			data, _ := os.ReadFile(log)
			if lines := strings.Split(strings.TrimSpace(string(data)), "\n"); len(data) > 0 && len(lines) >= n {
				return lines[n-1]
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("opener not run %d times", n)
		return ""
	}
	d.key("enter")
	d.wantScreen("Đã gửi lệnh mở tệp PDF.")
	if got := opened(1); got != pdf {
		t.Errorf("Enter opened %q, want the PDF", got)
	}
	d.key("down", "enter")
	d.wantScreen("Đã gửi lệnh mở tệp Word.")
	if got := opened(2); got != docx {
		t.Errorf("↓ Enter opened %q, want the Word file", got)
	}
	d.key("up", "o")
	if got := opened(3); got != pdf {
		t.Errorf("↑ o opened %q, want the PDF", got)
	}
}
