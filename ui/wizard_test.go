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
