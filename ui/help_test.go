package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeyBarF1 checks that every key bar ends with F1, at 80 columns.
func TestKeyBarF1(t *testing.T) {
	t.Parallel()
	last := func(d *driver) string {
		lines := strings.Split(d.screen(), "\n")
		return strings.TrimSpace(lines[len(lines)-1])
	}
	d := newDriver(t, t.TempDir(), 80, 24)
	if l := last(d); !strings.HasSuffix(l, "F1 phím tắt") {
		t.Errorf("welcome: %q", l)
	}
	d.key("v")
	d.gotoPart("II.1")
	if l := last(d); !strings.HasSuffix(l, "F1 phím tắt") || !strings.Contains(l, "Ctrl+R xem lại") {
		t.Errorf("text part: %q", l)
	}
	d.gotoPart("VI")
	d.key("ctrl+a", "ctrl+k") // empty line: the suggestion is offered
	d.key("esc")
	if l := last(d); !strings.HasSuffix(l, "F1 phím tắt") || !strings.Contains(l, "Esc về danh sách") {
		t.Errorf("sidebar: %q", l)
	}
	d.key("ctrl+r")
	if l := last(d); !strings.HasSuffix(l, "F1 phím tắt") || !strings.Contains(l, "Esc về soạn thảo") {
		t.Errorf("review: %q", l)
	}
	d.key("f1")
	if l := last(d); l != "Nhấn phím bất kỳ để đóng" {
		t.Errorf("help: %q", l)
	}
}

// TestHelpOnExport: F1 on the export screen lists the export's keys, not
// the drafts list's.
func TestHelpOnExport(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v", "ctrl+r", "x")
	d.wantScreen("Xuất ra tệp nào?")
	d.key("f1")
	d.wantScreen("Xuất báo cáo")
	d.wantScreen("ghi đè tệp đã có")
	if strings.Contains(d.screen(), "Danh sách bản nháp") || strings.Contains(d.screen(), "kỳ tiếp theo") {
		t.Errorf("drafts keys on the export's help:\n%s", d.screen())
	}
	d.key("esc")
	d.wantScreen("Xuất ra tệp nào?")
}

// TestHelpListsEditingKeys: F1 in a part names the text's editing keys
// (Ctrl+A/E, Ctrl+W, Ctrl+U/K), and at 80×24 the whole list is in sight,
// its last row included.
func TestHelpListsEditingKeys(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("III")
	d.key("f1")
	for _, want := range []string{
		"Home, Ctrl+A / End, Ctrl+E: đầu / cuối đoạn",
		"Ctrl+W/Alt+Del   xóa từ trước / từ sau con trỏ",
		"Ctrl+U/K         xóa đến đầu / cuối đoạn",
		"chưa nhập / đang nhập / đã xong / có lỗi / có lưu ý",
	} {
		d.wantScreen(want)
	}
}

// TestHelpFitsUnderADeepDraftFolder: with the draft in a folder whose path
// is longer than the window is wide (a Windows user's AppData, say), the
// key table's last row is still in sight at 80×24.
func TestHelpFitsUnderADeepDraftFolder(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), strings.Repeat("thư-mục-báo-cáo-", 4))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	d.gotoPart("III")
	d.key("f1")
	d.wantScreen("chưa nhập / đang nhập / đã xong / có lỗi / có lưu ý")
	d.wantScreen("Bản nháp: duong-huu-2026-q1.json")
}
