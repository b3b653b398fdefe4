package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/report"
)

// TestSaveFailureIsWrappedNotCut: when the drafts folder is gone, the
// status line and the quit warning say it in full, wrapped.
func TestSaveFailureIsWrappedNotCut(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "mot-thu-muc-ban-nhap-co-ten-kha-dai-de-dong-trang-thai-phai-xuong-dong")
	if _, err := (&report.Store{Dir: dir}).Create(report.Sample()); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("enter")
	if d.m.screen != screenWizard {
		t.Fatalf("not in the wizard:\n%s", d.screen())
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	d.gotoPart("signer")
	d.key("tab", "tab")
	d.typeText(" A")
	d.key("ctrl+s")
	if d.m.d.err == nil {
		t.Fatal("the save did not fail")
	}
	d.wantFlat("Chưa lưu được: thư mục «")
	d.wantFlat("không tồn tại — nội dung vẫn được giữ, sẽ thử lưu lại.")
	lines := strings.Split(d.screen(), "\n")
	if bottom := strings.Join(lines[len(lines)-4:], "\n"); strings.Contains(bottom, "…") {
		t.Errorf("the status is cut:\n%s", bottom)
	}
	d.key("ctrl+c")
	d.wantFlat("Nếu thoát, các thay đổi chưa lưu sẽ mất.")
	lines = strings.Split(d.screen(), "\n")
	if bottom := strings.Join(lines[len(lines)-4:], "\n"); strings.Contains(bottom, "…") {
		t.Errorf("the quit warning is cut:\n%s", bottom)
	}
	if len(lines) != 24 {
		t.Errorf("the screen has %d lines, not 24", len(lines))
	}
}
