package ui

import (
	"baocao/report"
	"strings"
	"testing"
)

// TestSuggestionAndDerived inserts the template's wording and checks the
// derived text follows the period.
func TestSuggestionAndDerived(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.key("n")
	d.typeText("xã Tân Lập")
	d.key("tab", "right", "right", "right", "tab", "tab") // Q4
	if d.screenKind() != screenWizard {
		t.Fatalf("not in wizard:\n%s", d.screen())
	}
	if p := d.m.d.r.Period; p.Quarter != 4 {
		t.Fatalf("period %+v", p)
	}
	d.wantScreen("quý IV năm 2026")
	d.gotoPart("V")
	d.wantScreen("QUÝ I NĂM 2027")
	d.key("ctrl+y")
	if got := d.m.d.r.Section("V").Text; got != report.TemplateSectionByID("V").Suggested {
		t.Errorf("suggestion not inserted: %q", got)
	}
	d.key("ctrl+y")
	d.wantScreen("gợi ý chỉ chèn vào ô trống")
	// Typing goes on after the suggestion, not before it.
	d.key("enter")
	d.typeText("- Việc thêm của đơn vị.")
	if got := d.m.d.r.Section("V").Text; got != report.TemplateSectionByID("V").Suggested+"\n- Việc thêm của đơn vị." {
		t.Errorf("typed after the suggestion: %q", got)
	}

	// Change the period in the general part: V's heading follows.
	d.gotoPart("general")
	for range 7 {
		d.key("tab")
	}
	if k := d.focusedKey(); k != report.FieldPeriod {
		t.Fatalf("focused %s", k)
	}
	d.key("left")
	d.gotoPart("V")
	d.wantScreen("QUÝ IV NĂM 2026")
	// Opening override: Ctrl+Y copies the derived sentence to edit.
	d.gotoPart("request")
	for range 5 {
		d.key("tab")
	}
	d.key("ctrl+y")
	if d.m.d.r.Opening != d.m.d.r.DerivedOpening() {
		t.Errorf("opening %q", d.m.d.r.Opening)
	}
}

// TestTakenDerivedSentencesFollowThePeriod: Ctrl+Y in «Câu mở đầu» and
// «Câu kết» takes the derived sentence; changing the period afterwards
// moves both, as long as they were not edited.
func TestTakenDerivedSentencesFollowThePeriod(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := newDriver(t, dir, 100, 30)
	d.newReport("xã Tân Lập")
	if p := d.m.d.r.Period; p.Quarter != 1 {
		t.Fatalf("period %+v", p)
	}
	d.gotoPart("request")
	for range 5 {
		d.key("tab")
	}
	d.key("ctrl+y")
	if r := d.m.d.r; !strings.Contains(r.Opening, "quý I năm 2026 như sau:") {
		t.Fatalf("opening not taken: %q", r.Opening)
	}
	d.gotoPart("signer")
	for range 3 {
		d.key("tab")
	}
	if k := d.focusedKey(); k != report.FieldClosing {
		t.Fatalf("focused %s", k)
	}
	d.key("ctrl+y")
	if r := d.m.d.r; !strings.Contains(r.Closing, "phương hướng nhiệm vụ quý II năm 2026") {
		t.Fatalf("closing not taken: %q", r.Closing)
	}

	d.gotoPart("general")
	for range 7 {
		d.key("tab")
	}
	d.key("right", "right") // Q3
	r := d.m.d.r
	if r.Period.Quarter != 3 {
		t.Fatalf("period %+v", r.Period)
	}
	if got := r.OpeningSentence(); !strings.HasSuffix(got, "quý III năm 2026 như sau:") {
		t.Errorf("opening after the period change: %q", got)
	}
	if got := r.ClosingSentence(); !strings.Contains(got, "phương hướng nhiệm vụ quý IV năm 2026") {
		t.Errorf("closing after the period change: %q", got)
	}
	for _, p := range report.Check(r, 2026) {
		if strings.Contains(p.Message, " nhắc ") {
			t.Errorf("check: %v", p)
		}
	}
	d.gotoPart("request")
	d.wantFlat("Câu mở đầu tự động")
	d.wantFlat("quý III năm 2026")
}
