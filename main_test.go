package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if code != 0 || !strings.Contains(out, "có thể xuất PDF") {
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
