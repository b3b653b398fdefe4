package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Last year's draft: where a new draft's «Cùng kỳ năm trước» comes from,
// what [CheckAgainst] compares the typed values with, and the sentences
// saying how each indicator changed since.

// LastYearIn returns the draft among entries that is of r's unit and kind
// ([SameUnit]) for the same period one year earlier, or nil. entries are
// in [Store.List]'s order, newest first: of two such drafts, the one
// saved last is taken.
func LastYearIn(entries []Entry, r *Report) *Entry {
	want := r.Period.LastYear()
	for i, e := range entries {
		if e.Report != nil && e.Report.Period == want && SameUnit(e.Report, r) {
			return &entries[i]
		}
	}
	return nil
}

// LastYear returns the store's draft of r's unit and kind for the same
// period one year earlier (see [LastYearIn]), or nil when it has none.
func (s *Store) LastYear(r *Report) (*Entry, error) {
	entries, err := s.List()
	if err != nil {
		return nil, err
	}
	return LastYearIn(entries, r), nil
}

// FillLastYear sets the «Cùng kỳ năm trước» of each indicator of r that
// has none to last's value for the same indicator (the same code, or the
// same name for a row without one). A value already there is never
// replaced. It returns the sentence that tells the official where the
// values came from, or "" when last is nil or gave none.
func FillLastYear(r *Report, last *Entry) string {
	if last == nil || last.Report == nil {
		return ""
	}
	return LastYearNote(last.Name, fillLastYear(r, last.Report))
}

// LastYearNote is the sentence telling the official that n indicators
// took their «Cùng kỳ năm trước» from the draft named name; "" when n is 0.
func LastYearNote(name string, n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("Cột «Cùng kỳ năm trước» lấy từ bản nháp %s (%d chỉ tiêu); có thể sửa ở phần Chỉ tiêu.", name, n)
}

// fillLastYear fills r's empty «Cùng kỳ năm trước» from last's values and
// returns how many it filled.
func fillLastYear(r, last *Report) int {
	n := 0
	for i := range r.Indicators {
		in := &r.Indicators[i]
		if strings.TrimSpace(in.LastYear) != "" {
			continue
		}
		if old, ok := findIndicator(last, *in); ok && strings.TrimSpace(old.Value) != "" {
			in.LastYear = old.Value
			n++
		}
	}
	return n
}

// findIndicator returns r's indicator that is the same as in.
func findIndicator(r *Report, in Indicator) (Indicator, bool) {
	for _, old := range r.Indicators {
		if sameIndicator(old, in) {
			return old, true
		}
	}
	return Indicator{}, false
}

// CheckAgainst is [Check], with each «Cùng kỳ năm trước» typed also
// compared with last year's draft last (see [Store.LastYear]): a value
// that differs from that draft's result for the same indicator is a
// warning naming the draft and both values. last is ignored when nil, or
// when it is not of r's unit and kind for the period a year before r's.
func CheckAgainst(r *Report, now int, last *Entry) Problems {
	if last != nil && (last.Report == nil || last.Report.Period != r.Period.LastYear() || !SameUnit(last.Report, r)) {
		last = nil
	}
	return check(r, now, last)
}

// lastYear warns about each «Cùng kỳ năm trước» that differs from the
// value of last year's draft.
func (c *checker) lastYear() {
	if c.last == nil {
		return
	}
	for i, in := range c.r.Indicators {
		if strings.TrimSpace(in.LastYear) == "" {
			continue
		}
		old, ok := findIndicator(c.last.Report, in)
		if !ok || strings.TrimSpace(old.Value) == "" || sameValue(in.LastYear, old.Value) {
			continue
		}
		c.add(Warning, PartIndicators, FieldIndicator(i, "lastYear"),
			"Chỉ tiêu «%s»: cùng kỳ năm trước ghi %s, khác với kết quả %s trong bản nháp %s (%s): hãy kiểm tra lại.",
			nameOr(in.Name, i+1), withUnit(in.LastYear, in.Unit), withUnit(old.Value, in.Unit), c.last.Name, c.last.Report.Period.Phrase())
	}
}

// sameValue reports whether two indicator values say the same: the same
// number and qualifier however written ("1.250" and "1250", "95%" and
// "95"), else the same text.
func sameValue(a, b string) bool {
	va, erra := ParseValue(a)
	vb, errb := ParseValue(b)
	if erra == nil && errb == nil {
		return va.Number == vb.Number && strings.EqualFold(va.Qualifier, vb.Qualifier)
	}
	return strings.EqualFold(CleanLine(a), CleanLine(b))
}

// withUnit writes a value with its unit as a sentence reads it: "45%",
// "1.250 người"; a value that is not a number as it was typed.
func withUnit(v, unit string) string {
	v = FormatValue(v)
	switch unit = strings.TrimSpace(unit); {
	case unit == "":
		return v
	case unit == "%":
		return v + "%"
	}
	return v + " " + unit
}

// exact reads an indicator value that can be compared: a valid value of
// the indicator's kind, without a qualifier other than "đạt" (a value
// "trên 95" is a bound, and the change from or to it is not known).
func exact(in Indicator, s string) (float64, bool) {
	if strings.TrimSpace(s) == "" || checkValue(in.Kind, s) != "" {
		return 0, false
	}
	v, err := ParseValue(s)
	if err != nil || v.Qualifier != "" && !strings.EqualFold(v.Qualifier, "đạt") {
		return 0, false
	}
	return v.Number, true
}

// sinceLastYear ends every change phrase.
const sinceLastYear = "so với cùng kỳ năm trước"

// Change says how the indicator changed since the same period last year:
// «tăng 5,5 điểm phần trăm so với cùng kỳ năm trước» for a percent (the
// difference, in percentage points), «tăng 12% so với cùng kỳ năm trước»
// for a count or an amount (relative to last year's; from 0, the
// difference in the indicator's unit: «tăng 3 tổ …»), «giảm …», or «không
// đổi so với cùng kỳ năm trước». Numbers are written the Vietnamese way
// (decimal comma, dots between thousands); a percentage point difference
// keeps two decimals at most, a relative change one ("dưới 0,1%" when it
// is smaller). It is "" when either value is missing, not a valid number
// of the indicator's kind, or given with a qualifier other than «đạt»
// («trên 95», «khoảng 40»): the change from a bound or an estimate is not
// known, and a sentence would claim more than the figures say.
func (in Indicator) Change() string {
	now, ok1 := exact(in, in.Value)
	then, ok2 := exact(in, in.LastYear)
	if !ok1 || !ok2 {
		return ""
	}
	diff := now - then
	verb := "tăng"
	if diff < 0 {
		verb = "giảm"
	}
	switch {
	case in.Kind == Percent:
		d := math.Round(math.Abs(diff)*100) / 100
		if d == 0 {
			return "không đổi " + sinceLastYear
		}
		return verb + " " + vnNumber(d) + " điểm phần trăm " + sinceLastYear
	case now == then:
		return "không đổi " + sinceLastYear
	case then == 0:
		return verb + " " + withUnit(vnNumber(math.Abs(diff)), in.Unit) + " " + sinceLastYear
	}
	rel := math.Round(math.Abs(diff)/then*1000) / 10
	if rel == 0 {
		return verb + " dưới 0,1% " + sinceLastYear
	}
	return verb + " " + vnNumber(rel) + "% " + sinceLastYear
}

// ChangeSentence is the sentence a report says of the indicator's result
// and its change (see [Indicator.Change]): «Tỷ lệ hồ sơ thủ tục hành
// chính tiếp nhận trực tuyến đạt 45%, tăng 5,5 điểm phần trăm so với cùng
// kỳ năm trước.» It is "" when Change is, or the indicator has no name.
func (in Indicator) ChangeSentence() string {
	change := in.Change()
	name := CleanLine(in.Name)
	if change == "" || name == "" {
		return ""
	}
	now, _ := exact(in, in.Value)
	return name + " đạt " + withUnit(vnNumber(now), in.Unit) + ", " + change + "."
}

// changeSentences are the sentences of [Indicator.ChangeSentence] of r's
// indicators that have one, as one paragraph; "" when none has.
func (r *Report) changeSentences() string {
	var out []string
	for _, in := range r.Indicators {
		if s := in.ChangeSentence(); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// vnNumber writes a number the Vietnamese way: dots between thousands, a
// decimal comma ("1.250", "5,5").
func vnNumber(f float64) string {
	whole, frac := strconv.FormatFloat(f, 'f', -1, 64), ""
	if i := strings.IndexByte(whole, '.'); i >= 0 {
		whole, frac = whole[:i], ","+whole[i+1:]
	}
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "." + whole[i:]
	}
	return sign + whole + frac
}
