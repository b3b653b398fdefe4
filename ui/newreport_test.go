package ui

import (
	tea "charm.land/bubbletea/v2"

	"path/filepath"
	"strings"
	"testing"

	"baocao/report"
)

// TestOneConfirmationOneDraft confirms the new report form with keys that
// arrive together (Enter Enter in one read, Tab then Enter, a paste): one
// draft is made, and opened.
func TestOneConfirmationOneDraft(t *testing.T) {
	t.Parallel()
	for name, keys := range map[string][]string{
		"enter enter":     {"enter", "enter"},
		"enter ×4":        {"enter", "enter", "enter", "enter"},
		"enter tab enter": {"enter", "tab", "enter"},
		"enter letters":   {"enter", "a", "b"},
	} {
		dir := t.TempDir()
		d := newDriver(t, dir, 80, 24)
		d.key("n", "ctrl+u")
		d.typeText("xã Tân Lập")
		d.key("tab", "tab")
		var msgs []tea.Msg
		for _, k := range keys {
			msgs = append(msgs, keyMsg(k))
		}
		d.sendTogether(msgs...)
		drafts, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		if len(drafts) != 1 {
			t.Errorf("%s: %d drafts: %v", name, len(drafts), drafts)
		}
		if d.screenKind() != screenWizard {
			t.Errorf("%s: the draft is not open:\n%s", name, d.screen())
		}
	}
}

// TestNewReportSameUnitAndPeriod creates a report for a unit and period
// that already have a draft: it offers to open it, or creates another.
func TestNewReportSameUnitAndPeriod(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.newReport("xã Tân Lập")
	first := d.m.d.path
	d.key("esc", "esc")
	d.newReport("xã Tân Lập")
	d.wantFlat("Đã có bản nháp của xã Tân Lập quý I năm 2026 (lưu lúc")
	d.key("enter") // open it, the default
	if d.screenKind() != screenWizard || d.m.d.path != first {
		t.Fatalf("did not open the existing draft:\n%s", d.screen())
	}
	d.key("esc", "esc")
	d.newReport("xã Tân Lập")
	d.key("down", "enter") // create another anyway
	if d.screenKind() != screenWizard || d.m.d.path == first || !strings.HasSuffix(d.m.d.path, "-2.json") {
		t.Fatalf("second draft %v", d.m.d)
	}
}

// TestNewReportIgnoresExample: after looking at the example, a new report
// starts blank, not from xã Dương Hưu's header and signer.
func TestNewReportIgnoresExample(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	d.key("esc", "esc")
	d.key("n")
	if d.newScreen().unit != "" || d.newScreen().latest != nil {
		t.Fatalf("prefilled from the example: %q", d.newScreen().unit)
	}
	d.typeText("xã Tân Lập")
	d.key("tab", "tab", "tab")
	r := loadDraft(t, d.m.d.path)
	if r.Signer.Name == report.Sample().Signer.Name || strings.Contains(strings.Join(r.Header.Agency, " "), "DƯƠNG HƯU") {
		t.Errorf("copied from the example: %+v %q", r.Signer, r.Header.Agency)
	}
}

// TestDuplicatePromptChoices: the question about a draft of the same unit
// and period shows both answers, ↓ moves to the second and the key bar
// says what the keys do.
func TestDuplicatePromptChoices(t *testing.T) {
	t.Parallel()
	for _, width := range []int{80, 100} {
		dir := t.TempDir()
		d := newDriver(t, dir, width, 24)
		d.newReport("xã Tân Lập")
		first := d.m.d.path
		d.key("esc", "esc")
		d.newReport("xã Tân Lập")
		d.wantFlat("Đã có bản nháp của xã Tân Lập quý I năm 2026")
		d.wantScreen("›  Mở bản nháp đã có")
		d.wantScreen("Vẫn tạo bản nháp mới")
		if s := d.screen(); strings.Contains(s, "chọn kỳ") || !strings.Contains(s, "↑/↓ chọn") {
			t.Errorf("%d: key bar:\n%s", width, s)
		}
		d.key("?") // not typed anywhere: the help
		if !d.m.showHelp {
			t.Errorf("%d: ? did not show the help", width)
		}
		d.key("esc")
		d.key("down")
		d.wantScreen("›  Vẫn tạo bản nháp mới")
		d.wantScreen("   Mở bản nháp đã có")
		d.key("up")
		d.wantScreen("›  Mở bản nháp đã có")
		d.key("down", "enter")
		if d.screenKind() != screenWizard || d.m.d.path == first {
			t.Fatalf("%d: no second draft", width)
		}
	}
}
