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
	if code != 1 || !strings.Contains(errOut, "thư mục «"+filepath.Dir(missing)+"» không tồn tại") ||
		!strings.Contains(errOut, "baocao: gợi ý: tạo thư mục đó trước, hoặc chọn nơi khác bằng -o") {
		t.Errorf("export into a missing folder: %d %q", code, errOut)
	}
	noEnglish("export", errOut)
	code, _, errOut = cli(t, "sample", "-o", filepath.Join(dir, "chua-co", "mau.json"))
	if code != 1 || !strings.Contains(errOut, "không tồn tại") || !strings.Contains(errOut, "gợi ý: tạo thư mục đó trước") {
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
	err := atPlace("-o", fmt.Errorf("xuất PDF ra /mnt/usb/x.pdf: tạo tệp tạm: %w",
		&fs.PathError{Op: "open", Path: "/mnt/usb/.x.pdf.123.tmp", Err: syscall.EROFS}))
	if got := report.Explain(err).Error(); got != "xuất PDF ra /mnt/usb/x.pdf: tạo tệp tạm: ổ đĩa hoặc thư mục chỉ cho phép đọc, không ghi được" {
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

	// --format all writes both beside the draft, with the default names.
	code, out, errOut := cli(t, "export", x, "--format", "all")
	want := []string{filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu.pdf"), filepath.Join(dir, "BC-NQ57-quy-I-2026-Duong-Huu.docx")}
	if code != 0 || strings.Join(strings.Fields(out), " ") != strings.Join(want, " ") {
		t.Fatalf("--format all: %d %q %q", code, out, errOut)
	}
	before, _ := os.ReadFile(want[0])
	os.Remove(want[1])
	// Again: the PDF exists, so nothing is written, not even the Word file.
	if code, _, errOut := cli(t, "export", x, "--format", "all"); code != 1 || !strings.Contains(errOut, "tồn tại") || !strings.Contains(errOut, "--force") {
		t.Errorf("--format all over an existing PDF: %d %q", code, errOut)
	}
	if _, err := os.Stat(want[1]); err == nil {
		t.Error("the Word file was written although the PDF was refused")
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
	} {
		code, _, errOut := cli(t, append([]string{"export", x}, args...)...)
		if code != 2 || !strings.Contains(errOut, "baocao: lỗi: export: ") || !strings.Contains(errOut, "gợi ý") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
		if args[0] == "-o" && len(args) == 2 && !strings.Contains(errOut, ".docx") {
			t.Errorf("%v: the message does not say which extensions work: %q", args, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bc.doc")); err == nil {
		t.Error("bc.doc was written")
	}
}
