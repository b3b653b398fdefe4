package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"baocao/report"
)

// goldenDrafts makes a drafts folder "drafts" in a fresh working directory
// with the example and a second unit's draft, saved at fixed times.
func goldenDrafts(t *testing.T) string {
	t.Helper()
	t.Chdir(t.TempDir())
	s := &report.Store{Dir: "drafts"}
	a, err := s.Create(report.Sample())
	if err != nil {
		t.Fatal(err)
	}
	r := report.New(report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026})
	r.Header.ShortName = "UBND phường Võ Cường"
	r.Header.Agency = []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG VÕ CƯỜNG"}
	r.Header.Place = "Võ Cường"
	r.Section("III").Text = "Đạt kết quả tốt."
	b, err := s.Create(r)
	if err != nil {
		t.Fatal(err)
	}
	os.Chtimes(a, time.Time{}, time.Date(2026, 3, 28, 16, 5, 0, 0, time.Local))
	os.Chtimes(b, time.Time{}, time.Date(2026, 4, 2, 8, 15, 0, 0, time.Local))
	return "drafts"
}

func TestGoldenDrafts(t *testing.T) {
	dir := goldenDrafts(t)
	d := newDriver(t, dir, 80, 24)
	golden(t, "drafts-80x24.golden", d.screen())
}

func TestGoldenDraftsEmpty(t *testing.T) {
	t.Chdir(t.TempDir())
	d := newDriver(t, "drafts", 80, 24)
	golden(t, "drafts-empty-80x24.golden", d.screen())
}

func TestGoldenWizard(t *testing.T) {
	dir := goldenDrafts(t)
	d := newDriver(t, dir, 80, 24)
	d.key("down", "enter") // the example, saved earlier
	d.gotoPart("I.1")
	golden(t, "wizard-I.1-80x24.golden", d.screen())
	d.gotoPart("general")
	golden(t, "wizard-general-80x24.golden", d.screen())
	d.gotoPart("indicators")
	golden(t, "wizard-indicators-80x24.golden", d.screen())
}

func TestGoldenReview(t *testing.T) {
	dir := goldenDrafts(t)
	d := newDriver(t, dir, 80, 24)
	d.key("down", "enter")
	d.key("ctrl+r")
	golden(t, "review-80x24.golden", d.screen())
	d.key("end")
	golden(t, "review-end-80x24.golden", d.screen())
}

func TestGoldenHelp(t *testing.T) {
	dir := goldenDrafts(t)
	d := newDriver(t, dir, 80, 24)
	d.key("down", "enter", "f1")
	golden(t, "help-wizard-80x24.golden", d.screen())
	d.key("esc")
	if d.m.showHelp {
		t.Fatal("help not closed")
	}
}

func TestGoldenExists(t *testing.T) {
	for _, n := range []string{"drafts-80x24.golden", "wizard-I.1-80x24.golden", "review-80x24.golden"} {
		if _, err := os.Stat(filepath.Join(testdata, n)); err != nil && !*update {
			t.Error(err)
		}
	}
}
