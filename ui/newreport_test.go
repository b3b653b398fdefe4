package ui

import (
	tea "charm.land/bubbletea/v2"

	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestNewReportYearErrorKeepsFocus: after a year the form refuses, the
// focus stays on the year, so Backspace corrects the year, not the unit.
func TestNewReportYearErrorKeepsFocus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("n")
	d.typeText("xã Dương Hưu")
	d.key("tab", "tab", "ctrl+u")
	d.typeText("20266")
	d.key("tab")
	d.wantFlat("Năm «20266» không hợp lệ")
	if k := d.newScreen().form.GetFocusedField().GetKey(); k != "year" {
		t.Fatalf("focus on %q after the year was refused", k)
	}
	d.key("backspace", "tab")
	if d.screenKind() != screenWizard {
		t.Fatalf("no draft after correcting the year:\n%s", d.screen())
	}
	r := loadDraft(t, d.m.d.path)
	if r.Locality() != "xã Dương Hưu" || r.Period.Year != 2026 {
		t.Errorf("draft of %q, year %d", r.Locality(), r.Period.Year)
	}
}

// TestNewReportFarYearAsked: a year more than one away from the current
// one (2026 in the tests) is asked about before a draft is made; «k» goes
// back to the year, «c» makes the draft. 2025 and 2027 are not asked.
func TestNewReportFarYearAsked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 80, 24)
	d.key("n")
	d.typeText("xã Tân Chi")
	d.key("tab", "right", "tab", "ctrl+u") // quý II
	d.typeText("1999")
	d.key("tab")
	d.wantFlat("Năm 1999 cách năm nay (2026) hơn một năm. Tạo báo cáo quý II năm 1999?")
	if drafts, _ := filepath.Glob(filepath.Join(dir, "*.json")); len(drafts) != 0 {
		t.Fatalf("a draft made before the year was confirmed: %v", drafts)
	}
	d.key("k")
	if k := d.newScreen().form.GetFocusedField().GetKey(); k != "year" {
		t.Fatalf("«k» left the focus on %q", k)
	}
	d.key("tab") // asked again
	d.wantFlat("Tạo báo cáo quý II năm 1999?")
	d.key("c")
	if d.screenKind() != screenWizard || filepath.Base(d.m.d.path) != "tan-chi-1999-q2.json" {
		t.Fatalf("«c» did not make the draft:\n%s", d.screen())
	}
	for _, y := range []string{"2025", "2027"} {
		d.key("esc", "esc", "n", "ctrl+u")
		d.typeText("xã Tân Chi " + y)
		d.key("tab", "tab", "ctrl+u")
		d.typeText(y)
		d.key("tab")
		if d.screenKind() != screenWizard {
			t.Errorf("%s asked about:\n%s", y, d.screen())
		}
	}
}

// TestNewReportPrefilledUnitEdited: the unit copied from the latest draft
// is edited, not replaced, when the first key moves the cursor or deletes.
func TestNewReportPrefilledUnitEdited(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		keys []string
		text string
		want string
	}{
		"backspace":   {[]string{"backspace"}, "", "xã Tân Ch"},
		"left":        {[]string{"left"}, "x", "xã Tân Chxi"},
		"home":        {[]string{"home"}, "Ủy ban ", "Ủy ban xã Tân Chi"},
		"typed":       {nil, "phường Võ Cường", "phường Võ Cường"},
		"typed twice": {[]string{"tab", "shift+tab"}, "xã Tân Lập", "xã Tân Lập"},
	} {
		dir := t.TempDir()
		d := newDriver(t, dir, 80, 24)
		d.newReport("xã Tân Chi")
		d.key("esc", "esc", "n")
		if got := d.newScreen().unit; got != "xã Tân Chi" {
			t.Fatalf("%s: prefilled %q", name, got)
		}
		d.key(tc.keys...)
		d.typeText(tc.text)
		if got := d.newScreen().unit; got != tc.want {
			t.Errorf("%s: unit %q, want %q", name, got, tc.want)
		}
	}
	// A paste replaces it too.
	d := newDriver(t, t.TempDir(), 80, 24)
	d.newReport("xã Tân Chi")
	d.key("esc", "esc", "n")
	d.send(tea.PasteMsg{Content: "phường Võ Cường"})
	if got := d.newScreen().unit; got != "phường Võ Cường" {
		t.Errorf("after a paste: unit %q", got)
	}
}

// TestTmuxPrefilledUnitReplaced runs the real program with one draft of
// xã Tân Chi: on a new report, the name typed over the prefilled unit
// replaces it, and the draft is made for the unit typed.
func TestTmuxPrefilledUnitReplaced(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := t.TempDir()
	s := startTmux(t, fmt.Sprintf("baocao-prefill-%d", os.Getpid()), "a", 80, 24, nil, bin, "--dir", dir)
	s.waitFor("Tạo báo cáo mới")
	s.keys("n")
	s.waitFor("Tên xã, phường")
	s.literal("xã Tân Chi")
	s.keys("Tab", "Tab", "Tab")
	s.waitFor("Thông tin chung")
	s.keys("Escape", "Escape")
	s.waitFor("Tân Chi")
	s.keys("n")
	s.waitFor("> xã Tân Chi")
	s.literal("phường Võ Cường")
	if c := s.waitFor("Cường"); !strings.Contains(c, "> phường Võ Cường") || strings.Contains(c, "Tân Chiphường") {
		t.Fatalf("the prefilled unit was not replaced:\n%s", c)
	}
	s.keys("Tab", "Tab", "Tab")
	s.waitFor("Võ Cường ·")
	drafts, _ := filepath.Glob(filepath.Join(dir, "vo-cuong-*.json"))
	if len(drafts) != 1 {
		t.Fatalf("drafts of phường Võ Cường: %v", drafts)
	}
	s.quit(drafts[0])
}

// plantLastYear saves a draft of unit for period p whose first indicators
// have the given results, saved an hour ago (listed after the drafts of
// the test), and returns its path.
func plantLastYear(t *testing.T, dir, unit string, p report.Period, values ...string) string {
	t.Helper()
	r := report.NewReport(report.BuiltinKind(report.DefaultKindID), p)
	r.SetUnit(unit)
	r.Header.Date = report.Date{Year: p.Year}
	for i, v := range values {
		r.Indicators[i].Value = v
	}
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	hourAgo := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNewReportFillsSamePeriodLastYear: a new report of a unit whose draft
// of the same quarter a year earlier is in the folder starts with its
// results as «Cùng kỳ năm trước»; the wizard says where they came from,
// and the list of indicators shows them.
func TestNewReportFillsSamePeriodLastYear(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plantLastYear(t, dir, "xã Tân Lập", report.Period{Kind: report.Quarter, Quarter: 1, Year: 2025}, "90", "", "72,5")
	d := newDriver(t, dir, 100, 30)
	d.newReport("xã Tân Lập")
	d.wantFlat("Cột «Cùng kỳ năm trước» lấy từ bản nháp tan-lap-2025-q1.json (2 chỉ tiêu); có thể sửa ở phần Chỉ tiêu.")
	r := loadDraft(t, d.m.d.path)
	if r.Period.Year != 2026 || r.Indicators[0].LastYear != "90" || r.Indicators[1].LastYear != "" || r.Indicators[2].LastYear != "72,5" {
		t.Fatalf("«cùng kỳ» of %s: %+v", r.Period.Phrase(), r.Indicators[:3])
	}
	d.gotoPart(report.PartIndicators)
	d.wantFlat("Cùng kỳ")
	d.wantFlat("90%")
	d.wantFlat("72,5%")
}

// TestNextPeriodFromListSaysWhereLastYearCameFrom: «t» on the drafts list
// makes the next quarter's draft with last year's results, and the wizard
// says from which draft.
func TestNextPeriodFromListSaysWhereLastYearCameFrom(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plantLastYear(t, dir, "xã Tân Lập", report.Period{Kind: report.Quarter, Quarter: 1, Year: 2025}, "90")
	q4 := plantLastYear(t, dir, "xã Tân Lập", report.Period{Kind: report.Quarter, Quarter: 4, Year: 2025})
	d := newDriver(t, dir, 100, 30)
	for d.m.list.selected() == nil || d.m.list.selected().Path != q4 {
		d.key("down")
	}
	d.key("t")
	if d.screenKind() != screenWizard || d.m.d.r.Period.Quarter != 1 || d.m.d.r.Period.Year != 2026 {
		t.Fatalf("next period not opened:\n%s", d.screen())
	}
	d.wantFlat("Cột «Cùng kỳ năm trước» lấy từ bản nháp tan-lap-2025-q1.json (1 chỉ tiêu)")
	if got := d.m.d.r.Indicators[0].LastYear; got != "90" {
		t.Errorf("«cùng kỳ» %q", got)
	}
}
