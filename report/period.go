package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is the length of a reporting period.
type PeriodKind string

// The reporting periods.
const (
	Quarter  PeriodKind = "quarter"
	HalfYear PeriodKind = "half" // the first six months
	Year     PeriodKind = "year"
	// secondHalf is only ever a "next period" (section V after a
	// six-month report); nobody reports on it.
	secondHalf PeriodKind = "second-half"
)

// Period is a reporting period: a quarter, the first six months, or a
// whole year.
type Period struct {
	Kind PeriodKind `json:"kind"`
	// Quarter is 1–4 when Kind is Quarter, else 0.
	Quarter int `json:"quarter,omitempty"`
	Year    int `json:"year"`
}

var romanQuarters = [...]string{"", "I", "II", "III", "IV"}

// Valid reports whether p names a period a report can cover.
func (p Period) Valid() bool {
	switch p.Kind {
	case Quarter:
		return p.Quarter >= 1 && p.Quarter <= 4 && p.Year > 0
	case HalfYear, Year:
		return p.Quarter == 0 && p.Year > 0
	}
	return false
}

// Phrase is the period as running text says it: "quý I năm 2026",
// "6 tháng đầu năm 2026", "năm 2026".
func (p Period) Phrase() string {
	switch p.Kind {
	case Quarter:
		if p.Quarter >= 1 && p.Quarter <= 4 {
			return fmt.Sprintf("quý %s năm %d", romanQuarters[p.Quarter], p.Year)
		}
	case HalfYear:
		return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
	case secondHalf:
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	case Year:
		return fmt.Sprintf("năm %d", p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// Heading is the period as a heading says it: "QUÝ I NĂM 2026".
func (p Period) Heading() string { return strings.ToUpper(p.Phrase()) }

// Label is a short name for lists and file names: "Quý I/2026",
// "6 tháng/2026", "Năm 2026".
func (p Period) Label() string {
	switch p.Kind {
	case Quarter:
		if p.Quarter >= 1 && p.Quarter <= 4 {
			return fmt.Sprintf("Quý %s/%d", romanQuarters[p.Quarter], p.Year)
		}
	case HalfYear:
		return fmt.Sprintf("6 tháng/%d", p.Year)
	}
	return fmt.Sprintf("Năm %d", p.Year)
}

// Next is the period that follows p, the one section V plans for: the next
// quarter, the second half of the year, or the next year.
func (p Period) Next() Period {
	switch p.Kind {
	case Quarter:
		if p.Quarter >= 4 {
			return Period{Kind: Quarter, Quarter: 1, Year: p.Year + 1}
		}
		return Period{Kind: Quarter, Quarter: p.Quarter + 1, Year: p.Year}
	case HalfYear:
		return Period{Kind: secondHalf, Year: p.Year}
	}
	return Period{Kind: Year, Year: p.Year + 1}
}

// Following is the next period of the same kind that a report is written
// for: after a quarter the next quarter, after six months the six months of
// next year, after a year the next year.
func (p Period) Following() Period {
	switch p.Kind {
	case HalfYear:
		return Period{Kind: HalfYear, Year: p.Year + 1}
	case secondHalf:
		return Period{Kind: HalfYear, Year: p.Year + 1}
	}
	return p.Next()
}

// LastYear is the same period a year earlier.
func (p Period) LastYear() Period {
	p.Year--
	return p
}

// Slug is the period's part of a draft's file name: "2026-q1",
// "2026-6t", "2026-nam".
func (p Period) Slug() string {
	switch p.Kind {
	case Quarter:
		return fmt.Sprintf("%d-q%d", p.Year, p.Quarter)
	case HalfYear:
		return fmt.Sprintf("%d-6t", p.Year)
	}
	return fmt.Sprintf("%d-nam", p.Year)
}

// CurrentQuarter is the quarter that holds t.
func CurrentQuarter(t time.Time) Period {
	return Period{Kind: Quarter, Quarter: (int(t.Month())-1)/3 + 1, Year: t.Year()}
}

// YearNeedsConfirmation reports whether year, chosen for a new report,
// is more than one year away from nowYear, the current year: likely a
// slip of the keys (1999 for 2026), so the official is asked to confirm it
// before a draft is made. A year next to the current one (a report written
// in January for last year's fourth quarter) is not.
func YearNeedsConfirmation(year, nowYear int) bool {
	return year < nowYear-1 || year > nowYear+1
}

// months is the first and last month of p.
func (p Period) months() (first, last int) {
	switch p.Kind {
	case Quarter:
		return 3*p.Quarter - 2, 3 * p.Quarter
	case HalfYear:
		return 1, 6
	case secondHalf:
		return 7, 12
	}
	return 1, 12
}

// span is the first and the last day of p.
func (p Period) span() (first, last time.Time) {
	f, l := p.months()
	first = time.Date(p.Year, time.Month(f), 1, 0, 0, 0, 0, time.UTC)
	last = time.Date(p.Year, time.Month(l)+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	return first, last
}

// overlaps reports whether p and q share a month.
func (p Period) overlaps(q Period) bool {
	if p.Year != q.Year {
		return false
	}
	pf, pl := p.months()
	qf, ql := q.months()
	return pf <= ql && qf <= pl
}

// ParsePeriod reads a period as the command line writes it: "2026-Q2"
// for a quarter, "2026-H1" for the first six months, "2026" for the
// year. Its error says what is accepted, in Vietnamese.
func ParsePeriod(s string) (Period, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	year, rest, _ := strings.Cut(s, "-")
	y, err := strconv.Atoi(year)
	bad := fmt.Errorf("kỳ báo cáo «%s» không đúng dạng: viết 2026-Q2 (quý II năm 2026), 2026-H1 (6 tháng đầu năm 2026) hoặc 2026 (cả năm)", s)
	if err != nil || !YearValid(y) {
		return Period{}, bad
	}
	switch {
	case rest == "" && !strings.Contains(s, "-"):
		return Period{Kind: Year, Year: y}, nil
	case rest == "H1" || rest == "6T":
		return Period{Kind: HalfYear, Year: y}, nil
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return Period{Kind: Quarter, Quarter: int(rest[1] - '0'), Year: y}, nil
	}
	return Period{}, bad
}

// Name is the kind of period in words: "quý", "6 tháng", "năm".
func (k PeriodKind) Name() string {
	switch k {
	case Quarter:
		return "quý"
	case HalfYear:
		return "6 tháng"
	case secondHalf:
		return "6 tháng cuối năm"
	}
	return "năm"
}

// PeriodChoice is one answer to «Kỳ báo cáo» as the front ends offer it:
// a key that stands for it in a form, and its label.
type PeriodChoice struct{ Key, Label string }

// PeriodChoices are the periods a report is chosen for, in the order
// offered: the four quarters, the first six months, the whole year.
var PeriodChoices = []PeriodChoice{
	{"q1", "Quý I"}, {"q2", "Quý II"}, {"q3", "Quý III"}, {"q4", "Quý IV"},
	{"half", "6 tháng đầu năm"}, {"year", "Cả năm"},
}

// Choice is the key of p among [PeriodChoices]; "q1" for a period that is
// none of them.
func (p Period) Choice() string {
	switch p.Kind {
	case HalfYear:
		return "half"
	case Year:
		return "year"
	}
	if p.Quarter >= 1 && p.Quarter <= 4 {
		return fmt.Sprintf("q%d", p.Quarter)
	}
	return "q1"
}

// ChosenPeriod is the period of year that key, one of [PeriodChoices],
// stands for.
func ChosenPeriod(key string, year int) Period {
	switch key {
	case "half":
		return Period{Kind: HalfYear, Year: year}
	case "year":
		return Period{Kind: Year, Year: year}
	}
	q, _ := strconv.Atoi(strings.TrimPrefix(key, "q"))
	return Period{Kind: Quarter, Quarter: q, Year: year}
}
