package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlain answers the line-by-line questions: a new report, I.1 with two
// lines, then quits.
func TestPlain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	input := strings.Join([]string{
		"m",            // new report
		"xã Dương Hưu", // unit
		"1",            // Quý I
		"2026",         // year
		"b", "b",       // skip general, request
		"", // fill I.1
		"Dòng một // Dòng hai có dấu: ạ ệ ữ",
		"q", // save and leave the draft
		"q", // quit
	}, "\n") + "\n"
	var out bytes.Buffer
	err := Run(Options{Dir: dir, Plain: true, Input: strings.NewReader(input), Output: &out, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	o := out.String()
	for _, want := range []string{"chế độ hỏi từng câu", "Đã tạo bản nháp", "Phần 3/14: I.1. Công tác lãnh đạo, chỉ đạo", "Nêu việc lãnh đạo", "Đã lưu lúc 09:31:05"} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	r := loadDraft(t, filepath.Join(dir, "duong-huu-2026-q1.json"))
	if got := r.Sections[0].Items[0].Text; got != "Dòng một\nDòng hai có dấu: ạ ệ ữ" {
		t.Errorf("I.1 %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "duong-huu-2026-q1.json.lock")); !os.IsNotExist(err) {
		t.Error("lock kept")
	}
}
