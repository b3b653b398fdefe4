package ui

import (
	"baocao/report"
	"path/filepath"
	"strings"
	"testing"
)

// TestPeriodChangedToExisting: choosing, in the general part, a period
// that already has a draft of the unit warns, and only warns.
func TestPeriodChangedToExisting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Period = report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	other, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("v")
	d.gotoPart(report.PartGeneral)
	for d.focusedKey() != report.FieldPeriod {
		d.key("tab")
	}
	if strings.Contains(d.screen(), "Đã có bản nháp khác") {
		t.Fatal("warned before the change")
	}
	d.key("right") // quý II
	if d.m.d.r.Period != r.Period {
		t.Fatalf("period %v", d.m.d.r.Period)
	}
	d.wantFlat("△ Đã có bản nháp khác của xã Dương Hưu cho quý II năm 2026: " + filepath.Base(other) + ".")
	d.key("tab") // the warning stays while the period does
	d.wantFlat("Đã có bản nháp khác của xã Dương Hưu")
	d.key("shift+tab", "right") // quý III: none
	if strings.Contains(d.screen(), "Đã có bản nháp khác") {
		t.Errorf("still warns for quý III:\n%s", d.screen())
	}
	if d.screenKind() != screenWizard {
		t.Fatal("left the wizard")
	}
}

// TestPreviewOneEllipsis: a preview cut to its lines ends with one "…".
func TestPreviewOneEllipsis(t *testing.T) {
	t.Parallel()
	for w := 80; w <= 100; w++ {
		dir := t.TempDir()
		r := report.New(report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026})
		r.Header.ShortName = "UBND phường Võ Cường"
		r.Header.Agency = []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG VÕ CƯỜNG"}
		r.Header.Place = "Võ Cường"
		r.Request.Kind, r.Request.Number, r.Request.Issuer = "Công văn", "954/SKH-CN-CDS", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh"
		r.Request.Subject = "về việc đôn đốc báo cáo định kỳ việc triển khai nhiệm vụ Nghị quyết số 57-NQ/TW…"
		if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
			t.Fatal(err)
		}
		d := newDriver(t, dir, w, 24)
		d.key("enter")
		d.gotoPart(report.PartRequest)
		if s := d.screen(); strings.Contains(s, "……") {
			t.Fatalf("%d columns: double ellipsis:\n%s", w, s)
		}
	}
}

// shownText is the text field key of the wizard's current part shows.
func (d *driver) shownText(key string) string {
	d.t.Helper()
	fi := d.m.wiz.form().fields[key]
	if fi == nil || fi.field == nil {
		d.t.Fatalf("part %s has no text field %s", d.partID(), key)
	}
	return fi.field.Text()
}

// flatPane is the wizard's pane as wantFlat reads it, also without the
// preview's bar: its lines joined, without the sidebar and the focused
// field's bar, runs of spaces made one.
func (d *driver) flatPane() string {
	var pane []string
	for _, l := range strings.Split(d.screen(), "\n") {
		if _, after, ok := strings.Cut(l, "│"); ok {
			l = after
		}
		pane = append(pane, strings.TrimLeft(l, "┃│ "))
	}
	return strings.Join(strings.Fields(strings.Join(pane, "\n")), " ")
}

// TestTakenOpeningShowsTheNewPeriod: the opening sentence taken with
// Ctrl+Y, then the period changed in the general part: back in the
// request part, the field shows the sentence of the new period, as the
// document says it, and editing it keeps the new period in the draft.
func TestTakenOpeningShowsTheNewPeriod(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.newReport("xã Tân Lập")
	d.gotoPart(report.PartRequest)
	for d.focusedKey() != report.FieldOpening {
		d.key("tab")
	}
	d.key("ctrl+y")
	if got := d.shownText(report.FieldOpening); !strings.HasSuffix(got, "quý I năm 2026 như sau:") {
		t.Fatalf("opening taken: %q", got)
	}

	d.gotoPart(report.PartGeneral)
	for d.focusedKey() != report.FieldPeriod {
		d.key("tab")
	}
	d.key("right", "right") // quý III
	if p := d.m.d.r.Period; p.Quarter != 3 {
		t.Fatalf("period %+v", p)
	}

	d.gotoPart(report.PartRequest)
	want := "UBND xã Tân Lập báo cáo kết quả triển khai thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn xã Tân Lập quý III năm 2026 như sau:"
	if got := d.shownText(report.FieldOpening); got != want {
		t.Errorf("the opening field shows\n%q\nthe document says\n%q", got, d.m.d.r.OpeningSentence())
	}
	// On the screen: the sentence above the form and the field's text.
	// (The sentence above may end in «…» where the status line, which says
	// the draft was renamed after its period, takes a second row.)
	if flat := d.flatPane(); strings.Contains(flat, "quý I năm 2026") || strings.Count(flat, "Tân Lập quý III năm 2026") < 2 {
		t.Errorf("the field does not show the new period:\n%s", d.screen())
	}

	// Edited, it becomes the official's sentence: with the new period.
	if k := d.focusedKey(); k != report.FieldOpening {
		t.Fatalf("focused %s", k)
	}
	d.key("backspace")
	d.typeText(" (số liệu đến ngày 15/9/2026):")
	r := d.m.d.r
	if !r.Overridden(report.FieldOpening) || !strings.Contains(r.OpeningSentence(), "quý III năm 2026 như sau (số liệu") {
		t.Errorf("edited opening: %q", r.OpeningSentence())
	}
	d.gotoPart(report.PartGeneral) // leaving the part saves
	if got := loadDraft(t, d.m.d.path).Opening; strings.Contains(got, "quý I năm") || !strings.Contains(got, "quý III năm 2026 như sau (số liệu") {
		t.Errorf("opening in the draft: %q", got)
	}
}

// TestDerivedFieldsFollowInTheirForm: the trích yếu, the closing and
// section V's heading, taken with Ctrl+Y and left as they are, follow a
// change of period or unit at once, in the form they share with it; a
// heading the official rewrote stays as written.
func TestDerivedFieldsFollowInTheirForm(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.newReport("xã Tân Lập")
	d.gotoPart(report.PartSigner)
	for d.focusedKey() != report.FieldClosing {
		d.key("tab")
	}
	d.key("ctrl+y")
	d.gotoPart("V")
	for d.focusedKey() != report.FieldHeading("V") {
		d.key("tab")
	}
	d.key("ctrl+y")
	d.typeText(" và những năm tiếp theo")
	heading := "Phương hướng, nhiệm vụ chủ yếu quý II năm 2026 và những năm tiếp theo"

	d.gotoPart(report.PartGeneral)
	for d.focusedKey() != report.FieldTitle {
		d.key("tab")
	}
	d.key("ctrl+y")
	for d.focusedKey() != report.FieldPeriod {
		d.key("shift+tab")
	}
	d.key("right") // quý II
	if got, want := d.shownText(report.FieldTitle), d.m.d.r.DerivedTitle(); got != want || !strings.Contains(got, "quý II năm 2026") {
		t.Errorf("title field after the period change: %q, want %q", got, want)
	}
	for d.focusedKey() != report.FieldShortName {
		d.key("shift+tab")
	}
	d.key("ctrl+u")
	d.typeText("UBND xã Tân Lập Mới")

	d.gotoPart(report.PartSigner)
	r := d.m.d.r
	if got := d.shownText(report.FieldClosing); got != r.ClosingSentence() || !strings.Contains(got, "quý III năm 2026 của UBND xã Tân Lập Mới./.") {
		t.Errorf("closing field %q, the document says %q", got, r.ClosingSentence())
	}
	d.gotoPart("V")
	if got := d.shownText(report.FieldHeading("V")); got != heading {
		t.Errorf("rewritten heading replaced: %q", got)
	}
	if got := r.SectionHeading("V"); got != "V. "+strings.ToUpper(heading) {
		t.Errorf("document heading %q", got)
	}
}

// TestSuggestionInIndicatorsItemSaysHowTheFiguresChanged: Ctrl+Y in the
// item that holds the indicators (II.1) inserts the template's wording
// and a sentence for each indicator with both values, as they are when
// the key is pressed.
func TestSuggestionInIndicatorsItemSaysHowTheFiguresChanged(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.newReport("xã Tân Lập")
	r := d.m.d.r
	r.Indicators[3].Value, r.Indicators[3].LastYear = "45", "39,5"
	r.Indicators[6].Value, r.Indicators[6].LastYear = "28", "25"
	d.gotoPart("II.1")
	for d.focusedKey() != report.FieldText("II.1") {
		d.key("tab")
	}
	d.key("ctrl+y")
	got := d.shownText(report.FieldText("II.1"))
	for _, want := range []string{
		"đã đẩy mạnh ứng dụng công nghệ thông tin",
		"\nTỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến đạt 45%, tăng 5,5 điểm phần trăm so với cùng kỳ năm trước. " +
			"Số Tổ công nghệ số cộng đồng đạt 28 tổ, tăng 12% so với cùng kỳ năm trước.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("II.1 after Ctrl+Y lacks %q:\n%s", want, got)
		}
	}
	if saved := d.m.d.r.Section("II").Items[0].Text; saved != got {
		t.Errorf("draft holds %q", saved)
	}
}

// TestPeriodChangeComparesWithThatPeriodsLastYear: the draft's period
// changed in the wizard, its «Cùng kỳ năm trước» is compared with last
// year's draft of the new period.
func TestPeriodChangeComparesWithThatPeriodsLastYear(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plantLastYear(t, dir, "xã Dương Hưu", report.Period{Kind: report.Quarter, Quarter: 1, Year: 2025}, "90")
	r := report.Sample()
	r.Period = report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	r.Header.Date = report.Date{Day: 25, Month: 6, Year: 2026}
	r.Indicators[0].LastYear = "95"
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 100, 30)
	for d.m.list.selected() == nil || d.m.list.selected().Path != path {
		d.key("down")
	}
	d.key("enter")
	field := report.FieldIndicator(0, "lastYear")
	if ps := d.m.d.status(2026).problems.ForField(field); len(ps) != 0 {
		t.Fatalf("quý II compared with quý I of last year: %v", ps)
	}
	d.gotoPart(report.PartGeneral)
	for d.focusedKey() != report.FieldPeriod {
		d.key("tab")
	}
	d.key("left") // quý I
	if p := d.m.d.r.Period; p.Quarter != 1 {
		t.Fatalf("period %+v", p)
	}
	d.key("tab")
	if ps := d.m.d.status(2026).problems.ForField(field); len(ps) != 1 || !strings.Contains(ps[0].Message, "duong-huu-2025-q1.json") {
		t.Errorf("quý I not compared with quý I of last year: %v", ps)
	}
}
