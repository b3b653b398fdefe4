package export

import (
	"math"
	"testing"

	"baocao/report"
)

// gapAfter is the white space between word a and the word b that follows
// it on the same line of the page, in millimetres.
func gapAfter(t *testing.T, ws []word, page int, a, b string) float64 {
	t.Helper()
	for _, w := range ws {
		if w.page != page || w.text != a {
			continue
		}
		var next *word
		for i, n := range ws {
			if n.page == page && math.Abs(n.yMin-w.yMin) < 0.5 && n.xMin > w.xMax && (next == nil || n.xMin < next.xMin) {
				next = &ws[i]
			}
		}
		if next != nil && next.text == b {
			return next.xMin - w.xMax
		}
	}
	t.Fatalf("page %d: no %q followed by %q on one line", page, a, b)
	return 0
}

// checkBlanks checks the room left for the records clerk's number and
// date in the header (page 1) and in the appendix's reference line: at
// least 12 mm for the number and the year, 8 mm for the day and the month.
// The report's number is blank, and so are the date's parts named.
func checkBlanks(t *testing.T, ws []word, annex int, month, year bool) {
	t.Helper()
	min := func(what string, got, want float64) {
		t.Helper()
		if got < want {
			t.Errorf("%s: %.1f mm of room, want ≥ %.0f mm", what, got, want)
		}
	}
	for _, p := range []struct {
		page   int
		number string
	}{{1, "Số:"}, {annex, "số"}} {
		min("number", gapAfter(t, ws, p.page, p.number, "/BC-UBND"), 12)
		min("day", gapAfter(t, ws, p.page, "ngày", "tháng"), 8)
		if month {
			min("month", gapAfter(t, ws, p.page, "tháng", "năm"), 8)
		}
	}
	if year {
		min("year", gapAfter(t, ws, annex, "năm", "của"), 12)
	}
}

// TestBlanksLeaveRoomForTheClerk: the records clerk's signing tool stamps
// the number and the date into the blanks after signing ("Thêm số",
// "Thêm ngày"); a 3–4 digit number at 13–14 pt needs 12 mm.
func TestBlanksLeaveRoomForTheClerk(t *testing.T) {
	for _, tt := range []struct {
		name        string
		date        report.Date
		month, year bool
	}{
		{"blank day", report.Date{Month: 3, Year: 2026}, false, false},
		{"blank day and month", report.Date{Year: 2026}, true, false},
		{"blank date", report.Date{}, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := report.Sample()
			r.Header.Date = tt.date
			pages, ws := words(t, render(t, r))
			checkBlanks(t, ws, pages, tt.month, tt.year)
			checkMargins(t, ws)
		})
	}
}
