package report

import (
	"strings"
	"testing"
	"time"
)

func TestPeriodText(t *testing.T) {
	tests := []struct {
		p                         Period
		phrase, heading, nextHead string
		following                 Period
		slug, label               string
	}{
		{Period{Quarter, 1, 2026}, "quý I năm 2026", "QUÝ I NĂM 2026", "QUÝ II NĂM 2026", Period{Quarter, 2, 2026}, "2026-q1", "Quý I/2026"},
		{Period{Quarter, 2, 2026}, "quý II năm 2026", "QUÝ II NĂM 2026", "QUÝ III NĂM 2026", Period{Quarter, 3, 2026}, "2026-q2", "Quý II/2026"},
		{Period{Quarter, 3, 2026}, "quý III năm 2026", "QUÝ III NĂM 2026", "QUÝ IV NĂM 2026", Period{Quarter, 4, 2026}, "2026-q3", "Quý III/2026"},
		{Period{Quarter, 4, 2026}, "quý IV năm 2026", "QUÝ IV NĂM 2026", "QUÝ I NĂM 2027", Period{Quarter, 1, 2027}, "2026-q4", "Quý IV/2026"},
		{Period{HalfYear, 0, 2026}, "6 tháng đầu năm 2026", "6 THÁNG ĐẦU NĂM 2026", "6 THÁNG CUỐI NĂM 2026", Period{HalfYear, 0, 2027}, "2026-6t", "6 tháng/2026"},
		{Period{Year, 0, 2026}, "năm 2026", "NĂM 2026", "NĂM 2027", Period{Year, 0, 2027}, "2026-nam", "Năm 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			if !tt.p.Valid() {
				t.Errorf("%+v not valid", tt.p)
			}
			if got := tt.p.Phrase(); got != tt.phrase {
				t.Errorf("Phrase = %q, want %q", got, tt.phrase)
			}
			if got := tt.p.Heading(); got != tt.heading {
				t.Errorf("Heading = %q, want %q", got, tt.heading)
			}
			if got := tt.p.Next().Heading(); got != tt.nextHead {
				t.Errorf("Next().Heading = %q, want %q", got, tt.nextHead)
			}
			if got := tt.p.Following(); got != tt.following {
				t.Errorf("Following = %+v, want %+v", got, tt.following)
			}
			if got := tt.p.Slug(); got != tt.slug {
				t.Errorf("Slug = %q, want %q", got, tt.slug)
			}
			if got := tt.p.Label(); got != tt.label {
				t.Errorf("Label = %q, want %q", got, tt.label)
			}
		})
	}
}

func TestPeriodValid(t *testing.T) {
	for _, p := range []Period{{Quarter, 0, 2026}, {Quarter, 5, 2026}, {HalfYear, 2, 2026}, {"month", 0, 2026}, {Year, 0, 0}} {
		if p.Valid() {
			t.Errorf("%+v reported valid", p)
		}
	}
}

func TestCurrentQuarter(t *testing.T) {
	for month, q := range map[time.Month]int{time.January: 1, time.March: 1, time.April: 2, time.September: 3, time.November: 4, time.December: 4} {
		got := CurrentQuarter(time.Date(2026, month, 15, 0, 0, 0, 0, time.UTC))
		if got != (Period{Quarter, q, 2026}) {
			t.Errorf("%v: got %+v, want quarter %d", month, got, q)
		}
	}
}

// TestYearNeedsConfirmation: only a year more than one away from the
// current year is to be confirmed.
func TestYearNeedsConfirmation(t *testing.T) {
	for _, tt := range []struct {
		year int
		want bool
	}{{1999, true}, {2024, true}, {2025, false}, {2026, false}, {2027, false}, {2028, true}, {2062, true}} {
		if got := YearNeedsConfirmation(tt.year, 2026); got != tt.want {
			t.Errorf("YearNeedsConfirmation(%d, 2026) = %v, want %v", tt.year, got, tt.want)
		}
	}
}

func TestEveryPeriodChoiceComesBack(t *testing.T) {
	for _, c := range PeriodChoices {
		if got := ChosenPeriod(c.Key, 2026).Choice(); got != c.Key {
			t.Errorf("%s comes back as %s", c.Key, got)
		}
	}
	if p := ChosenPeriod("q3", 2026); p != (Period{Kind: Quarter, Quarter: 3, Year: 2026}) {
		t.Errorf("q3 is %+v", p)
	}
}

func TestDatesAsTypedInAField(t *testing.T) {
	for _, c := range []struct {
		typed string
		want  Date
		field string
	}{
		{"13/3/2026", Date{13, 3, 2026}, "13/3/2026"},
		{" 5-1-2026 ", Date{5, 1, 2026}, "5/1/2026"},
		{"…/3/2026", Date{0, 3, 2026}, "3/2026"},
		{"3.2026", Date{0, 3, 2026}, "3/2026"},
		{"2026", Date{Year: 2026}, "2026"},
		{"", Date{}, ""},
	} {
		got, err := ParseDate(c.typed)
		if err != nil || got != c.want || got.Field() != c.field {
			t.Errorf("%q: %+v %v, field %q", c.typed, got, err, got.Field())
		}
	}
	for _, bad := range []string{"13/3/2026/1", "mười ba/3", "13/3/x"} {
		if _, err := ParseDate(bad); err == nil || !strings.Contains(err.Error(), "chưa đúng dạng") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
