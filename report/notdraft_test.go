package report

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadSaysWhatANonDraftIs: a file that is no draft at all is said to
// be what it is, and matches ErrNotDraft; a draft that is damaged is not.
func TestLoadSaysWhatANonDraftIs(t *testing.T) {
	dir := t.TempDir()
	sample, _ := Marshal(Sample())
	for _, tt := range []struct {
		name, content, reason string
		notDraft              bool
	}{
		{"bc.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj", "đây là tệp PDF, không phải bản nháp của baocao (bản nháp là tệp .json)", true},
		{"bc.docx", "PK\x03\x04\x14\x00\x06\x00", "đây là tệp Word (.docx) hoặc tệp nén, không phải bản nháp của baocao (bản nháp là tệp .json)", true},
		{"mang.json", "[1, 2]", "tệp không phải bản nháp của baocao (là dữ liệu JSON nhưng không có cấu trúc của bản nháp)", true},
		{"chu.json", `"xã Dương Hưu"`, "tệp không phải bản nháp của baocao (là dữ liệu JSON nhưng không có cấu trúc của bản nháp)", true},
		{"mang-cut.json", "[1, ", "tệp không phải bản nháp của baocao (nội dung không phải dữ liệu JSON)", true},
		{"ghi-chu.json", "Báo cáo quý I", "tệp không phải bản nháp của baocao (nội dung không phải dữ liệu JSON)", true},
		{"khac.json", `{"ten": "x"}`, "tệp không phải bản nháp của baocao (thiếu số phiên bản định dạng)", true},
		// Damaged drafts stay damaged drafts.
		{"cut.json", string(sample[:len(sample)/2]), "tệp bị cắt cụt", false},
		{"zero.json", "\x00\x00\x00\x00", "tệp bị hỏng", false},
		{"bom.json", "\xef\xbb\xbf{\"version\": 1,", "tệp bị", false},
		{"type.json", `{"version": 1, "header": []}`, "trường «header» ở dòng 1 có kiểu dữ liệu sai", false},
	} {
		path := filepath.Join(dir, tt.name)
		os.WriteFile(path, []byte(tt.content), 0o644)
		_, err := Load(path)
		var le *LoadError
		if !errors.As(err, &le) || !strings.HasPrefix(le.Reason, tt.reason) {
			t.Errorf("%s: %v, want the reason %q", tt.name, err, tt.reason)
			continue
		}
		if errors.Is(err, ErrNotDraft) != tt.notDraft {
			t.Errorf("%s: ErrNotDraft %v, want %v", tt.name, !tt.notDraft, tt.notDraft)
		}
		want := "không đọc được bản nháp " + path + ": " + le.Reason
		if tt.notDraft {
			want = path + ": " + le.Reason // not called a draft
		}
		if err.Error() != want {
			t.Errorf("%s: %q, want %q", tt.name, err, want)
		}
	}

	folder := filepath.Join(dir, "thu-muc.json")
	os.Mkdir(folder, 0o755)
	if _, err := Load(folder); !errors.Is(err, ErrNotDraft) || err.Error() != folder+": đây là một thư mục, không phải tệp bản nháp" {
		t.Errorf("folder: %v", err)
	}
	if err := Save(folder, Sample()); !errors.Is(err, ErrCorruptTarget) {
		t.Errorf("Save over a folder: %v", err)
	}
}
