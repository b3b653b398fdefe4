package ui

import (
	"baocao/report"
	"strings"
	"testing"
)

// TestIndicatorValueHint: the hint under a value follows the kind.
func TestIndicatorValueHint(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 100, 30)
	d.key("v")
	d.gotoPart("indicators")
	d.key("down", "enter", "tab", "tab", "tab") // a percentage
	d.wantScreen("Tỷ lệ từ 0 đến 100")
	d.key("esc")
	for range 5 {
		d.key("down")
	}
	if in := d.m.d.r.Indicators[d.rows().cursor]; in.Kind != report.Count {
		t.Fatalf("row %d is %s", d.rows().cursor, in.Kind)
	}
	d.key("enter", "tab", "tab", "tab")
	d.wantScreen("Số nguyên, ví dụ: 12.")
	if strings.Contains(d.screen(), "12,5") {
		t.Error("a count offered a decimal example")
	}
}

// TestProblemsWrap shows an indicator's whole problem at 120 columns.
func TestProblemsWrap(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 120, 30)
	d.key("v")
	d.gotoPart("indicators")
	d.key("down", "enter", "tab", "tab", "tab", "ctrl+u")
	d.typeText("150")
	d.wantFlat("✗ Chỉ tiêu «Tỷ lệ văn bản trao đổi dưới dạng điện tử», số liệu kỳ này: tỷ lệ 150% nằm ngoài khoảng 0–100%.")
	if strings.Contains(d.screen(), "điện …") {
		t.Error("problem still cut")
	}
}

// TestIndicatorErrorMarkAndCursor: a row with an error shows both the
// cursor and the mark; in the row's form the value's error stays in sight
// while another field has the focus.
func TestIndicatorErrorMarkAndCursor(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 100, 30)
	d.key("v")
	d.gotoPart(report.PartIndicators)
	d.key("down", "enter", "tab", "tab", "tab", "ctrl+u")
	d.typeText("150")
	d.wantFlat("tỷ lệ 150% nằm ngoài khoảng 0–100%")
	d.key("tab", "tab") // the note
	if k := d.focusedKey(); k != report.FieldIndicator(1, "note") {
		t.Fatalf("focused %s", k)
	}
	d.wantFlat("tỷ lệ 150% nằm ngoài khoảng 0–100%")
	d.key("esc")
	d.wantScreen("›! Tỷ lệ văn bản trao đổi")
	d.key("down")
	d.wantScreen(" ! Tỷ lệ văn bản trao đổi")
	d.wantScreen("›  Tỷ lệ văn bản điện tử")
}

// TestIndicatorValuesFormatted: the list of indicators writes values as
// the document does (98,5; 1.250), and a "%" typed into a percentage is
// kept once, never doubled.
func TestIndicatorValuesFormatted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Indicators = []report.Indicator{
		{Name: "Tỷ lệ A", Kind: report.Percent, Unit: "%", Value: "97%", LastYear: "trên 95%"},
		{Name: "Tỷ lệ B", Kind: report.Percent, Unit: "%", Value: "98.5", LastYear: "90"},
		{Name: "Số người", Kind: report.Count, Unit: "người", Value: "1250", LastYear: "1 100"},
	}
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("enter")
	d.gotoPart(report.PartIndicators)
	for _, want := range []string{"97%", "trên 95%", "98,5%", "90%", "1.250", "1.100"} {
		d.wantScreen(want)
	}
	if s := d.screen(); strings.Contains(s, "%%") || strings.Contains(s, "98.5") {
		t.Errorf("values written another way:\n%s", s)
	}
	if ps := report.Check(d.m.d.r, 2026).ForPart(report.PartIndicators); len(ps) != 0 {
		t.Errorf("a typed %% is refused: %v", ps)
	}
	// In the review's appendix, as in the PDF: the unit column says "%".
	d.key("ctrl+r", "end")
	all := stripANSI(strings.Join(d.review().lines, "\n"))
	all = all[strings.Index(all, "Phụ lục"):]
	for _, want := range []string{"%       97 ", "trên 95", "98,5", "1.250"} {
		if !strings.Contains(all, want) {
			t.Errorf("review lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "97%") || strings.Contains(all, "95%") {
		t.Errorf("review repeats the unit:\n%s", all)
	}
}
