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

	"baocao/export"
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
	// Chosen, it is where all the files go.
	d.key("enter", "down", "enter", "enter")
	d.wantScreen("Đã xuất ba tệp:")
	for _, ext := range []string{".pdf", ".docx", ".xlsx"} {
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

// exportedXLSX is the Excel appendix the export wrote in dir, "" for
// none.
func exportedXLSX(t *testing.T, dir string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "BC-NQ57-*.xlsx"))
	if len(m) > 1 {
		t.Fatalf("several .xlsx: %v", m)
	}
	if len(m) == 1 {
		return m[0]
	}
	return ""
}

// wantXLSX checks that path holds the Excel appendix of the example: it
// reads back with its unit and its figures.
func wantXLSX(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := export.ReadXLSX(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if r.Header.ShortName != "UBND xã Dương Hưu" || len(r.Indicators) == 0 {
		t.Errorf("%s reads back as %+v", path, r)
	}
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

// TestExportAllByDefault: the export offers PDF, Word, Excel or all, with
// all chosen; Enter through it writes a valid PDF, Word file and Excel
// appendix side by side, and the screen gives the three paths.
func TestExportAllByDefault(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 120, 30)
	d.key("v", "ctrl+r", "x")
	for _, want := range []string{"Xuất ra tệp nào?", "PDF (để trình ký)", "Word .docx (để chỉnh sửa)", "Excel .xlsx (bảng chỉ tiêu)", "> Tất cả (PDF, Word và Excel)"} {
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
	d.wantFlat("Tệp Word và tệp Excel được ghi cạnh tệp PDF, cùng tên, đuôi .docx và .xlsx.")
	d.key("enter")
	d.wantScreen("Đã xuất ba tệp:")
	d.wantFlat("PDF (để trình ký): " + base + ".pdf")
	d.wantFlat("Word .docx (để chỉnh sửa): " + base + ".docx")
	d.wantFlat("Excel .xlsx (bảng chỉ tiêu): " + base + ".xlsx")
	pdf, docx := exported(t, dir)
	if pdf != base+".pdf" || docx != base+".docx" || exportedXLSX(t, dir) != base+".xlsx" {
		t.Fatalf("wrote %q, %q and %q", pdf, docx, exportedXLSX(t, dir))
	}
	wantPDF(t, pdf)
	wantDocx(t, docx)
	wantXLSX(t, base+".xlsx")
}

// TestExportOneFormat: choosing PDF, Word or Excel writes that file
// alone, under its own name, and says so; the choice stays marked once
// the folder is being chosen.
func TestExportOneFormat(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		keys              []string
		label, title, ext string
		done              string
	}{
		{[]string{"up", "up", "up"}, "PDF (để trình ký)", "Đường dẫn tệp PDF", ".pdf", "Đã xuất tệp PDF:"},
		{[]string{"up", "up"}, "Word .docx (để chỉnh sửa)", "Đường dẫn tệp Word", ".docx", "Đã xuất tệp Word:"},
		{[]string{"up"}, "Excel .xlsx (bảng chỉ tiêu)", "Đường dẫn tệp Excel", ".xlsx", "Đã xuất tệp Excel:"},
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
		if strings.Contains(d.screen(), "được ghi cạnh") {
			t.Errorf("%s: speaks of several files:\n%s", tt.ext, d.screen())
		}
		d.key("enter")
		d.wantScreen(tt.done)
		d.wantScreen("Nhấn Enter để mở tệp")
		pdf, docx := exported(t, dir)
		xlsx := exportedXLSX(t, dir)
		switch tt.ext {
		case ".pdf":
			if pdf == "" || docx != "" || xlsx != "" {
				t.Errorf("PDF chosen, wrote %q, %q and %q", pdf, docx, xlsx)
			}
			wantPDF(t, pdf)
		case ".docx":
			if pdf != "" || docx == "" || xlsx != "" {
				t.Errorf("Word chosen, wrote %q, %q and %q", pdf, docx, xlsx)
			}
			wantDocx(t, docx)
		default:
			if pdf != "" || docx != "" || xlsx == "" {
				t.Errorf("Excel chosen, wrote %q, %q and %q", pdf, docx, xlsx)
			}
			wantXLSX(t, xlsx)
		}
	}
}

// TestExportTypedPath: the path typed decides the name of all the files;
// a typed extension is the chosen format's.
func TestExportTypedPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "ban gui"), 0o755)
	d := newDriver(t, dir, 80, 24)
	d.key("v", "ctrl+r", "x", "enter", "enter", "ctrl+u")
	d.typeText(filepath.Join(dir, "ban gui", "bao-cao.xlsx"))
	d.key("enter")
	d.wantScreen("Đã xuất ba tệp:")
	wantPDF(t, filepath.Join(dir, "ban gui", "bao-cao.pdf"))
	wantDocx(t, filepath.Join(dir, "ban gui", "bao-cao.docx"))
	wantXLSX(t, filepath.Join(dir, "ban gui", "bao-cao.xlsx"))
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
	choices := exportChoices()
	pdf, word, excel, all := choices[0], choices[1], choices[2], choices[3]
	if len(choices) != 4 || len(all.formats) != 3 {
		t.Fatalf("choices %v", choices)
	}
	for _, tt := range []struct {
		choice exportChoice
		path   string
		want   []string
	}{
		{all, "a" + sep + "bc.pdf", []string{"a" + sep + "bc.pdf", "a" + sep + "bc.docx", "a" + sep + "bc.xlsx"}},
		{all, "bc.DOCX", []string{"bc.pdf", "bc.docx", "bc.xlsx"}},
		{all, "bc.Xlsx", []string{"bc.pdf", "bc.docx", "bc.xlsx"}},
		{all, " bc ", []string{"bc.pdf", "bc.docx", "bc.xlsx"}},
		{pdf, "bc.docx", []string{"bc.pdf"}},
		{pdf, "bc.v2", []string{"bc.v2.pdf"}},
		{word, "bc.pdf", []string{"bc.docx"}},
		{word, "bc", []string{"bc.docx"}},
		{excel, "bc.pdf", []string{"bc.xlsx"}},
		{excel, "bc.xls", []string{"bc.xls.xlsx"}},
	} {
		var got []string
		for _, f := range exportFiles(tt.choice.formats, tt.path) {
			got = append(got, f.path)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s %q: %q, want %q", tt.choice.label, tt.path, got, tt.want)
		}
	}
}

// exportTwice exports the example to dir and comes back to the question
// whether to overwrite all three files; it returns their paths, their
// content replaced by a marker.
func exportTwice(t *testing.T, d *driver, dir string) (pdf, docx, xlsx string) {
	t.Helper()
	d.key("v", "ctrl+r", "x")
	d.wantScreen("Xuất ra tệp nào?")
	d.key("enter", "enter", "enter")
	d.wantScreen("Đã xuất ba tệp")
	pdf, docx = exported(t, dir)
	xlsx = exportedXLSX(t, dir)
	for _, f := range []string{pdf, docx, xlsx} {
		if err := os.WriteFile(f, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d.key("esc", "x", "enter", "enter", "enter")
	d.wantScreen("Cả ba tệp đã có: ghi đè cả ba?")
	d.wantScreen(pdf)
	d.wantScreen(docx)
	d.wantScreen(xlsx)
	return pdf, docx, xlsx
}

func fileIs(t *testing.T, path, want string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data) == want
}

// TestOverwriteArrowsSafe: ←/→ and Enter at "ghi đè cả ba?" never
// overwrite any file; only c/y do, all.
func TestOverwriteArrowsSafe(t *testing.T) {
	t.Parallel()
	for _, keys := range [][]string{{"right", "enter"}, {"left", "enter"}, {"right", "right", "enter"}, {"tab", "enter"}, {"enter"}, {"k"}, {"n"}} {
		dir := t.TempDir()
		d := newDriver(t, dir, 120, 30)
		pdf, docx, xlsx := exportTwice(t, d, dir)
		d.key(keys...)
		if !fileIs(t, pdf, "old") || !fileIs(t, docx, "old") || !fileIs(t, xlsx, "old") {
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
		pdf, docx, xlsx := exportTwice(t, d, dir)
		d.wantScreen("k/n hoặc Enter: không ghi đè")
		d.key(yes)
		if fileIs(t, pdf, "old") || fileIs(t, docx, "old") || fileIs(t, xlsx, "old") {
			t.Fatalf("%s did not overwrite all", yes)
		}
		d.wantScreen("Đã xuất ba tệp")
		wantPDF(t, pdf)
		wantDocx(t, docx)
		wantXLSX(t, xlsx)
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

// TestOverwriteNamesEveryFileThere: when two of the three files are
// there, the question says two and names both, and c overwrites them.
func TestOverwriteNamesEveryFileThere(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	base := filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu")
	for _, ext := range []string{".docx", ".xlsx"} {
		if err := os.WriteFile(base+ext, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, dir, 120, 30)
	d.key("v", "ctrl+r", "x", "enter", "enter", "enter")
	d.wantScreen("Hai tệp đã có: ghi đè cả hai?")
	d.wantScreen(base + ".docx")
	d.wantScreen(base + ".xlsx")
	if strings.Contains(d.screen(), base+".pdf") {
		t.Errorf("names the PDF, which is not there:\n%s", d.screen())
	}
	d.key("c")
	d.wantScreen("Đã xuất ba tệp")
	wantDocx(t, base+".docx")
	wantXLSX(t, base+".xlsx")
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
	d.wantScreen("Đã xuất ba tệp")
	pdf, docx := exported(t, dir)
	d.key("enter")
	d.wantScreen("Máy chưa có chương trình mở tệp PDF; hãy mở tệp bằng tay:\n " + pdf)
	d.key("down", "enter")
	d.wantScreen("Máy chưa có chương trình mở tệp Word; hãy mở tệp bằng tay:\n " + docx)
	d.key("down", "enter")
	d.wantScreen("Máy chưa có chương trình mở tệp Excel; hãy mở tệp bằng tay:\n " + exportedXLSX(t, dir))
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
