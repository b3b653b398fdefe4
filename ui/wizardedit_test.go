package ui

import (
	"baocao/report"
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
