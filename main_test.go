package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"baocao/export"
	"baocao/report"
)

// cli runs the command line in dir and returns the exit code and outputs.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestSampleCheckNextList(t *testing.T) {
	dir := t.TempDir()
	x := filepath.Join(dir, "x.json")
	if code, out, errOut := cli(t, "sample", "-o", x); code != 0 || strings.TrimSpace(out) != x {
		t.Fatalf("sample: %d %q %q", code, out, errOut)
	}
	code, out, errOut := cli(t, "check", x)
	if code != 0 || !strings.Contains(out, "có thể xuất PDF và Word") {
		t.Fatalf("check sample: %d %q %q", code, out, errOut)
	}
	code, out, _ = cli(t, "next", x)
	next := strings.TrimSpace(out)
	if code != 0 || filepath.Base(next) != "duong-huu-2026-q2.json" {
		t.Fatalf("next: %d %q", code, out)
	}
	code, out, _ = cli(t, "list", "--dir", dir)
	if code != 0 || !strings.Contains(out, "x.json") || !strings.Contains(out, "duong-huu-2026-q2.json") ||
		!strings.Contains(out, "Quý I/2026") || !strings.Contains(out, "Quý II/2026") || !strings.Contains(out, "14/14 phần") {
		t.Errorf("list:\n%s", out)
	}
	// The sample is not written over an existing file.
	if code, _, errOut := cli(t, "sample", "-o", x); code != 1 || !strings.Contains(errOut, "không ghi đè") {
		t.Errorf("sample over a file: %d %q", code, errOut)
	}
}

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	x := filepath.Join(dir, "x.json")
	cli(t, "sample", "-o", x)
	data, _ := os.ReadFile(x)

	bad := strings.Replace(string(data), `"name": "Khúc Văn Sinh"`, `"name": ""`, 1)
	bad = strings.Replace(bad, `"month": 3,`, `"day": 30, "month": 2,`, 1)
	os.WriteFile(x, []byte(bad), 0o644)
	code, out, errOut := cli(t, "check", x)
	if code != 1 || !strings.Contains(out, "họ và tên người ký") || !strings.Contains(out, "tháng 2 chỉ có 28 ngày") || !strings.Contains(errOut, "bản nháp còn lỗi") {
		t.Errorf("check with errors: %d\n%s\n%s", code, out, errOut)
	}

	cut := data[:len(data)/2]
	os.WriteFile(x, cut, 0o644)
	code, _, errOut = cli(t, "check", x)
	if code != 2 || !strings.Contains(errOut, x) || !strings.Contains(errOut, "bị cắt cụt") {
		t.Errorf("check truncated: %d %q", code, errOut)
	}
	if now, _ := os.ReadFile(x); !bytes.Equal(now, cut) {
		t.Error("check changed the truncated draft")
	}
	if code, _, errOut := cli(t, "check", filepath.Join(dir, "khong-co.json")); code != 2 || !strings.Contains(errOut, "tệp không tồn tại") {
		t.Errorf("check missing: %d %q", code, errOut)
	}
}

func TestUsage(t *testing.T) {
	code, out, _ := cli(t, "help")
	if code != 0 || !strings.Contains(out, "Cách dùng:") || !strings.Contains(out, "baocao export") {
		t.Errorf("help: %d %q", code, out)
	}
	if code, out, _ := cli(t, "-h"); code != 0 || !strings.Contains(out, "Cách dùng:") {
		t.Errorf("-h: %d %q", code, out)
	}
	if code, out, _ := cli(t, "version"); code != 0 || !strings.HasPrefix(out, "baocao ") {
		t.Errorf("version: %d %q", code, out)
	}
	for _, args := range [][]string{{"xuat"}, {"check"}, {"check", "a.json", "b.json"}, {"list", "--bogus"}, {"export"}} {
		code, _, errOut := cli(t, args...)
		if code != 2 || !strings.HasPrefix(errOut, "baocao: lỗi: ") || !strings.Contains(errOut, "gợi ý") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
}

func TestCheckNamesPartsAsTheSidebarDoes(t *testing.T) {
	x := filepath.Join(t.TempDir(), "x.json")
	r := report.Sample()
	r.Signer.Name = ""
	r.Indicators[0].Value = "120"
	r.Header.Date = report.Date{Day: 5, Month: 1, Year: 2026}
	report.Save(x, r)
	code, out, _ := cli(t, "check", x)
	for _, want := range []string{"  [Thông tin chung] lỗi: Ngày ban hành 05/01/2026 trước ngày của văn bản được thực hiện (13/03/2026)", "  [Chỉ tiêu] lỗi: Chỉ tiêu", "  [Người ký] lỗi: Chưa nhập họ và tên người ký."} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	for _, id := range []string{"[general]", "[indicators]", "[signer]"} {
		if strings.Contains(out, id) {
			t.Errorf("check output names a part by its id %s", id)
		}
	}
	if code != 1 {
		t.Errorf("exit %d", code)
	}
}

func TestListShowsControlCharactersOfFileNames(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	dir := t.TempDir()
	sample, _ := report.Marshal(report.Sample())
	os.WriteFile(filepath.Join(dir, "\x1b]0;pwned\a.json"), sample, 0o644)
	os.WriteFile(filepath.Join(dir, "\x1b[31mdo.json"), []byte("{"), 0o644)
	code, out, errOut := cli(t, "list", "--dir", dir)
	if code != 0 {
		t.Fatalf("list: %d %s", code, errOut)
	}
	if strings.ContainsAny(out, "\x1b\a") {
		t.Errorf("a control character reached the terminal: %q", out)
	}
	if !strings.Contains(out, `\x1b]0;pwned\x07.json`) || !strings.Contains(out, `\x1b[31mdo.json`) {
		t.Errorf("names not shown with their escapes: %q", out)
	}
	// The same file named on the command line.
	code, _, errOut = cli(t, "check", filepath.Join(dir, "\x1b[31mdo.json"))
	if code != 2 || strings.ContainsAny(errOut, "\x1b") || !strings.Contains(errOut, `\x1b[31mdo.json`) {
		t.Errorf("check: %d %q", code, errOut)
	}
}

func TestNextTwiceNamesTheExistingDraft(t *testing.T) {
	dir := t.TempDir()
	x := filepath.Join(dir, "duong-huu-2026-q1.json")
	cli(t, "sample", "-o", x)
	code, out, _ := cli(t, "next", x)
	next := strings.TrimSpace(out)
	if code != 0 || filepath.Base(next) != "duong-huu-2026-q2.json" {
		t.Fatalf("next: %d %q", code, out)
	}
	code, out, errOut := cli(t, "next", x)
	if code != 1 || out != "" || !strings.Contains(errOut, "baocao: lỗi: đã có bản nháp quý II năm 2026 của đơn vị này: "+next) ||
		!strings.Contains(errOut, "baocao: gợi ý: mở bản nháp đó") {
		t.Errorf("next again: %d %q %q", code, out, errOut)
	}
	if dup, _ := filepath.Glob(filepath.Join(dir, "duong-huu-2026-q2-*.json")); len(dup) > 0 {
		t.Errorf("duplicate: %v", dup)
	}
}

func TestOSErrorsAreSaidInVietnameseWithAHint(t *testing.T) {
	dir := t.TempDir()
	english := []string{"no such file", "file exists", "is a directory", "permission denied", "read-only", "neither", "not defined"}
	noEnglish := func(name, s string) {
		t.Helper()
		for _, e := range english {
			if strings.Contains(s, e) {
				t.Errorf("%s: English %q in %q", name, e, s)
			}
		}
	}
	missing := filepath.Join(dir, "chua-co", "bao-cao.pdf")
	code, _, errOut := cli(t, "export", "--sample", "-o", missing)
	if code != 2 || !strings.Contains(errOut, "thư mục «"+filepath.Dir(missing)+"» không tồn tại") ||
		!strings.Contains(errOut, "baocao: gợi ý: tạo thư mục đó trước, hoặc chọn nơi khác bằng -o") {
		t.Errorf("export into a missing folder: %d %q", code, errOut)
	}
	noEnglish("export", errOut)
	code, _, errOut = cli(t, "sample", "-o", filepath.Join(dir, "chua-co", "mau.json"))
	if code != 2 || !strings.Contains(errOut, "không tồn tại") || !strings.Contains(errOut, "gợi ý: tạo thư mục đó trước") {
		t.Errorf("sample into a missing folder: %d %q", code, errOut)
	}
	noEnglish("sample", errOut)

	// -o naming a folder puts the file in it, --force or not.
	out := filepath.Join(dir, "xuat")
	os.Mkdir(out, 0o755)
	for _, args := range [][]string{{"export", "--sample", "-o", out}, {"export", "--sample", "-o", out, "--force"}} {
		code, stdout, errOut := cli(t, args...)
		if code != 0 || strings.TrimSpace(stdout) != filepath.Join(out, export.FileName(report.Sample())) {
			t.Errorf("%v: %d %q %q", args, code, stdout, errOut)
		}
	}
	if code, stdout, _ := cli(t, "sample", "-o", out); code != 0 || strings.TrimSpace(stdout) != filepath.Join(out, "duong-huu-2026-q1.json") {
		t.Errorf("sample -o folder: %d %q", code, stdout)
	}

	// No home folder: the default drafts folder is unknown.
	t.Setenv("HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("AppData", "")
	code, _, errOut = cli(t, "list")
	if code != 1 || !strings.Contains(errOut, "không xác định được thư mục lưu bản nháp mặc định") || !strings.Contains(errOut, "gợi ý: chỉ định thư mục lưu bản nháp bằng --dir") {
		t.Errorf("no HOME: %d %q", code, errOut)
	}
	noEnglish("no HOME", errOut)
}

func TestReadOnlyDiskHint(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows says ERROR_WRITE_PROTECT")
	}
	err := atPlace("-o", fmt.Errorf("không ghi được tệp PDF /mnt/usb/x.pdf: %w",
		&fs.PathError{Op: "open", Path: "/mnt/usb/.x.pdf.123.tmp", Err: syscall.EROFS}))
	if got := report.Explain(err).Error(); got != "không ghi được tệp PDF /mnt/usb/x.pdf: ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được" {
		t.Errorf("message %q", got)
	}
	if got := hintFor(report.Explain(err)); got != "ổ đĩa này chỉ cho phép đọc (đĩa CD, USB đã gạt khóa chống ghi, thư mục dùng chung chỉ đọc): hãy chọn bằng -o một nơi lưu trên ổ đĩa khác" {
		t.Errorf("hint %q", got)
	}
}

func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	x := filepath.Join(dir, "x.json")
	cli(t, "sample", "-o", x)

	// The format follows -o's extension, whatever its case.
	docx := filepath.Join(dir, "Bao Cao.DOCX")
	if code, out, errOut := cli(t, "export", x, "-o", docx); code != 0 || strings.TrimSpace(out) != docx {
		t.Fatalf("export -o .docx: %d %q %q", code, out, errOut)
	}
	if data, _ := os.ReadFile(docx); !bytes.HasPrefix(data, []byte("PK")) || !bytes.Contains(data, []byte("word/document.xml")) {
		t.Error("-o .docx did not write a Word file")
	}
	pdf := filepath.Join(dir, "bc.pdf")
	if code, _, errOut := cli(t, "export", x, "-o", pdf, "--format", "pdf"); code != 0 {
		t.Fatalf("export -o .pdf --format pdf: %d %q", code, errOut)
	}
	if data, _ := os.ReadFile(pdf); !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Error("-o .pdf did not write a PDF")
	}

	// --format all writes the three beside the draft, with the default
	// names.
	code, out, errOut := cli(t, "export", x, "--format", "all")
	stem := filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu")
	want := []string{stem + ".pdf", stem + ".docx", stem + ".xlsx"}
	if code != 0 || strings.Join(strings.Fields(out), " ") != strings.Join(want, " ") {
		t.Fatalf("--format all: %d %q %q", code, out, errOut)
	}
	wantWorkbook(t, want[2])
	before, _ := os.ReadFile(want[0])
	os.Remove(want[1])
	os.Remove(want[2])
	// Again: the PDF exists, so nothing is written, not even the Word
	// file or the workbook.
	if code, _, errOut := cli(t, "export", x, "--format", "all"); code != 1 || !strings.Contains(errOut, "tồn tại") || !strings.Contains(errOut, "--force") {
		t.Errorf("--format all over an existing PDF: %d %q", code, errOut)
	}
	for _, p := range want[1:] {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was written although the PDF was refused", p)
		}
	}
	if after, _ := os.ReadFile(want[0]); !bytes.Equal(after, before) {
		t.Error("the refused export changed the PDF")
	}

	// Formats it cannot write are refused before anything is written.
	for _, args := range [][]string{
		{"-o", filepath.Join(dir, "bc.doc")},
		{"-o", filepath.Join(dir, "bc")},
		{"-o", filepath.Join(dir, "bc.docx"), "--format", "pdf"},
		{"--format", "odt"},
		{"-o", filepath.Join(dir, "bc.xlsx"), "--format", "docx"},
	} {
		code, _, errOut := cli(t, append([]string{"export", x}, args...)...)
		if code != 2 || !strings.Contains(errOut, "baocao: lỗi: export: ") || !strings.Contains(errOut, "gợi ý") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
		if args[0] == "-o" && len(args) == 2 && !strings.Contains(errOut, ".pdf (PDF), .docx (Word) hoặc .xlsx (Excel)") {
			t.Errorf("%v: the message does not say which extensions work: %q", args, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bc.doc")); err == nil {
		t.Error("bc.doc was written")
	}
}

// TestExportExcel: --format xlsx writes the Excel appendix beside the
// draft, under the default name; -o x.xlsx writes it there, whatever the
// extension's case; --format excel is the same.
func TestExportExcel(t *testing.T) {
	dir := t.TempDir()
	x := filepath.Join(dir, "x.json")
	cli(t, "sample", "-o", x)
	code, out, errOut := cli(t, "export", x, "--format", "xlsx")
	want := filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu.xlsx")
	if code != 0 || strings.TrimSpace(out) != want {
		t.Fatalf("--format xlsx: %d %q %q", code, out, errOut)
	}
	wantWorkbook(t, want)
	if m, _ := filepath.Glob(filepath.Join(dir, "BC-*")); len(m) != 1 {
		t.Errorf("--format xlsx wrote %v", m)
	}
	named := filepath.Join(dir, "Phu Luc.XLSX")
	if code, out, errOut := cli(t, "export", x, "-o", named); code != 0 || strings.TrimSpace(out) != named {
		t.Fatalf("-o .XLSX: %d %q %q", code, out, errOut)
	}
	wantWorkbook(t, named)
	if code, _, errOut := cli(t, "export", x, "-o", named, "--format", "excel", "--force"); code != 0 {
		t.Errorf("-o .xlsx --format excel: %d %q", code, errOut)
	}
}

// wantWorkbook checks that path is the Excel appendix of the example: it
// reads back with its unit and its figures.
func wantWorkbook(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	r, err := export.ReadXLSX(f, info.Size())
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if r.Header.ShortName != "UBND xã Dương Hưu" || len(r.Indicators) != 3 || r.Indicators[2].Value != "trên 95" {
		t.Errorf("%s reads back as %+v", path, r)
	}
}

// TestMain runs the command line itself when a test starts this test
// binary again to see the program as a user does (see runMain).
func TestMain(m *testing.M) {
	if os.Getenv("BAOCAO_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestVersionFlag(t *testing.T) {
	for _, flag := range []string{"--version", "-version"} {
		if code, out, errOut := cli(t, flag); code != 0 || strings.TrimSpace(out) != "baocao "+version {
			t.Errorf("%s: %d %q %q", flag, code, out, errOut)
		}
	}
}

// TestFlagErrorsEchoWhatWasTyped: a flag error names the flag as the
// official typed it, with one "baocao:" in front.
func TestFlagErrorsEchoWhatWasTyped(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--dir"}, "baocao: lỗi: tùy chọn --dir cần một giá trị\n"},
		{[]string{"-dir"}, "baocao: lỗi: tùy chọn -dir cần một giá trị\n"},
		{[]string{"--bogus"}, "baocao: lỗi: không có tùy chọn --bogus\n"},
		{[]string{"list", "--dir"}, "baocao: lỗi: list: tùy chọn --dir cần một giá trị\n"},
		{[]string{"list", "--bogus=1"}, "baocao: lỗi: list: không có tùy chọn --bogus\n"},
		{[]string{"list", "-bogus"}, "baocao: lỗi: list: không có tùy chọn -bogus\n"},
		{[]string{"export", "x.json", "--format"}, "baocao: lỗi: export: tùy chọn --format cần một giá trị\n"},
		{[]string{"export", "--sample", "--force=khong"}, "baocao: lỗi: export: giá trị của tùy chọn --force không hợp lệ\n"},
	} {
		code, _, errOut := cli(t, tt.args...)
		if code != 2 || !strings.HasPrefix(errOut, tt.want) || strings.Count(errOut, "baocao:") != 2 {
			t.Errorf("%v: %d %q, want it to begin %q", tt.args, code, errOut, tt.want)
		}
	}
}

// TestNotADraftIsSaidSo: check, next and export of a missing file, a
// folder, a PDF or JSON that is no draft say what the file is, without
// the hint about a damaged draft and its .bak.
func TestNotADraftIsSaidSo(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "thu-muc.json")
	os.Mkdir(folder, 0o755)
	pdf := filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu.pdf")
	if code, _, errOut := cli(t, "export", "--sample", "-o", pdf); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	array := filepath.Join(dir, "mang.json")
	os.WriteFile(array, []byte("[1, 2]\n"), 0o644)
	for _, tt := range []struct {
		path, want, hint string
	}{
		{filepath.Join(dir, "khong-co.json"), "không đọc được bản nháp " + filepath.Join(dir, "khong-co.json") + ": tệp không tồn tại", "kiểm tra lại tên tệp"},
		{folder, folder + ": đây là một thư mục, không phải tệp bản nháp", "chỉ ra một tệp bản nháp .json"},
		{pdf, pdf + ": đây là tệp PDF, không phải bản nháp của baocao (bản nháp là tệp .json)", "chỉ ra một tệp bản nháp .json"},
		{array, array + ": tệp không phải bản nháp của baocao (là dữ liệu JSON nhưng không có cấu trúc của bản nháp)", "chỉ ra một tệp bản nháp .json"},
	} {
		for _, cmd := range []string{"check", "next", "export"} {
			code, _, errOut := cli(t, cmd, tt.path)
			if code != 2 || !strings.Contains(errOut, "baocao: lỗi: "+tt.want+"\n") || !strings.Contains(errOut, "baocao: gợi ý: "+tt.hint) {
				t.Errorf("%s %s: %d %q", cmd, filepath.Base(tt.path), code, errOut)
			}
			if strings.Contains(errOut, "tệp hỏng") || strings.Contains(errOut, ".bak") || strings.Contains(errOut, "«»") {
				t.Errorf("%s %s: told of a damaged draft: %q", cmd, filepath.Base(tt.path), errOut)
			}
		}
	}
}

// TestListOfAMissingFolder: list --dir of a folder that is not there
// says so (exit 2) rather than that it holds no draft.
func TestListOfAMissingFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "khong-co")
	code, out, errOut := cli(t, "list", "--dir", missing)
	if code != 2 || out != "" || !strings.Contains(errOut, "baocao: lỗi: thư mục «"+missing+"» không tồn tại") ||
		!strings.Contains(errOut, "baocao: gợi ý: kiểm tra lại tên thư mục sau --dir") {
		t.Errorf("list --dir missing: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("list made the folder")
	}
}

// TestWritingIntoAMissingFolder: -o into a folder that is not there, be it
// written "khongco/" or "khongco/x.pdf", names the folder (exit 2), makes
// nothing, and does not speak of extensions or temporary files.
func TestWritingIntoAMissingFolder(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "khongco")
	for _, args := range [][]string{
		{"export", "--sample", "-o", missing + string(filepath.Separator)},
		{"export", "--sample", "-o", missing + "/"},
		{"export", "--sample", "-o", filepath.Join(missing, "bc.pdf")},
		{"export", "--sample", "--format", "all", "-o", missing + string(filepath.Separator)},
		{"sample", "-o", missing + string(filepath.Separator)},
		{"sample", "-o", filepath.Join(missing, "mau.json")},
	} {
		code, out, errOut := cli(t, args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "baocao: lỗi: thư mục «"+missing+"» không tồn tại\n") ||
			!strings.Contains(errOut, "baocao: gợi ý: tạo thư mục đó trước, hoặc chọn nơi khác bằng -o") {
			t.Errorf("%v: %d %q %q", args, code, out, errOut)
		}
		if strings.Contains(errOut, "đuôi") || strings.Contains(errOut, "tạm") {
			t.Errorf("%v: %q", args, errOut)
		}
	}
	if des, _ := os.ReadDir(dir); len(des) != 0 {
		t.Errorf("written: %v", des)
	}
}

// TestExportErrorsSayWhatFileWasNotWritten: an export that fails names
// the file asked for, not the temporary one.
func TestExportErrorsSayWhatFileWasNotWritten(t *testing.T) {
	dir := t.TempDir()
	notFolder := filepath.Join(dir, "ghi-chu.txt")
	os.WriteFile(notFolder, []byte("x"), 0o644)
	out := filepath.Join(notFolder, "bc.pdf")
	code, _, errOut := cli(t, "export", "--sample", "-o", out)
	if code != 1 || !strings.Contains(errOut, "baocao: lỗi: không ghi được tệp PDF "+out+": ") {
		t.Errorf("%d %q", code, errOut)
	}
	if strings.Contains(errOut, "tạm") {
		t.Errorf("speaks of a temporary file: %q", errOut)
	}
}

// TestCheckSaysThePartOnce: a problem whose message begins with the
// part's name does not repeat it after the name in brackets.
func TestCheckSaysThePartOnce(t *testing.T) {
	dir := t.TempDir()
	x := filepath.Join(dir, "duong-huu-2026-q1.json")
	cli(t, "sample", "-o", x)
	_, out, _ := cli(t, "next", x)
	code, out, errOut := cli(t, "check", strings.TrimSpace(out))
	want := "  [I.1. Công tác lãnh đạo, chỉ đạo] lưu ý: Phần này vẫn là nội dung của kỳ trước"
	if code != 0 || !strings.Contains(out, want) {
		t.Errorf("check: %d %q %q, want %q", code, out, errOut, want)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		name, _, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), "["), "]")
		if ok && strings.Count(line, name) > 1 {
			t.Errorf("the part named twice: %q", line)
		}
	}
}

// TestSampleOnlyAsJSON: the sample is not written under a name that does
// not end in .json.
func TestSampleOnlyAsJSON(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"mau.txt", "mau", "mau.pdf"} {
		path := filepath.Join(dir, name)
		code, out, errOut := cli(t, "sample", "-o", path)
		if code != 2 || out != "" || !strings.Contains(errOut, "bản nháp là tệp .json") || !strings.Contains(errOut, "-o mau.json") {
			t.Errorf("%s: %d %q %q", name, code, out, errOut)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%s written", name)
		}
	}
	if code, out, errOut := cli(t, "sample", "-o", filepath.Join(dir, "Mau.JSON")); code != 0 {
		t.Errorf("Mau.JSON: %d %q %q", code, out, errOut)
	}
}

// TestNewAndNextFillSamePeriodLastYearAndCheckComparesIt: «baocao new»
// and «baocao next» fill «Cùng kỳ năm trước» from the folder's draft of
// the unit a year earlier and say so on stderr (stdout keeps only the
// path); «baocao check» warns about a value that differs from that draft.
func TestNewAndNextFillSamePeriodLastYearAndCheckComparesIt(t *testing.T) {
	dir := t.TempDir()
	s := &report.Store{Dir: dir}
	for _, q := range []int{2, 3} {
		r := report.NewReport(report.BuiltinKind(report.DefaultKindID), report.Period{Kind: report.Quarter, Quarter: q, Year: 2025})
		r.SetUnit("xã Tân Chi")
		r.Indicators[0].Value = fmt.Sprint(80 + q) // 82, 83
		r.Indicators[6].Value = "4"
		if _, err := s.Create(r); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := cli(t, "new", "--dir", dir, "--unit", "xã Tân Chi", "--period", "2026-Q2")
	path := strings.TrimSpace(out)
	if code != 0 || filepath.Base(path) != "tan-chi-2026-q2.json" {
		t.Fatalf("new: %d %q %q", code, out, errOut)
	}
	if want := "baocao: Cột «Cùng kỳ năm trước» lấy từ bản nháp tan-chi-2025-q2.json (2 chỉ tiêu); có thể sửa ở phần Chỉ tiêu.\n"; errOut != want {
		t.Errorf("new said %q, want %q", errOut, want)
	}
	r, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.Indicators[0].LastYear != "82" || r.Indicators[6].LastYear != "4" || r.Indicators[1].LastYear != "" {
		t.Errorf("new: «cùng kỳ» %+v", r.Indicators)
	}

	code, out, errOut = cli(t, "next", path)
	next := strings.TrimSpace(out)
	if code != 0 || filepath.Base(next) != "tan-chi-2026-q3.json" || !strings.Contains(errOut, "bản nháp tan-chi-2025-q3.json (2 chỉ tiêu)") {
		t.Fatalf("next: %d %q %q", code, out, errOut)
	}
	if n, err := report.Load(next); err != nil || n.Indicators[0].LastYear != "83" {
		t.Errorf("next: «cùng kỳ» %v %v", n.Indicators[0], err)
	}

	r.Indicators[0].LastYear = "85"
	if err := report.Save(path, r); err != nil {
		t.Fatal(err)
	}
	_, out, _ = cli(t, "check", path)
	want := "lưu ý: Chỉ tiêu «" + r.Indicators[0].Name + "»: cùng kỳ năm trước ghi 85%, khác với kết quả 82% trong bản nháp tan-chi-2025-q2.json (quý II năm 2025): hãy kiểm tra lại."
	if !strings.Contains(out, want) {
		t.Errorf("check lacks %q:\n%s", want, out)
	}
	// The export says the same before it writes.
	_, _, errOut = cli(t, "export", path, "-o", filepath.Join(dir, "x.pdf"))
	if !strings.Contains(strings.Join(strings.Fields(errOut), " "), strings.TrimPrefix(want, "lưu ý: ")) {
		t.Errorf("export lacks the warning:\n%s", errOut)
	}
}
