package report

import (
	"strings"
	"testing"
)

func TestChangeSaysHowAnIndicatorMovedSinceLastYear(t *testing.T) {
	pct := Indicator{Name: "Tỷ lệ hồ sơ tiếp nhận trực tuyến", Kind: Percent, Unit: "%"}
	cnt := Indicator{Name: "Số Tổ công nghệ số cộng đồng", Kind: Count, Unit: "tổ"}
	amt := Indicator{Name: "Kinh phí chuyển đổi số", Kind: Amount, Unit: "triệu đồng"}
	for _, c := range []struct {
		in          Indicator
		value, last string
		want        string
	}{
		{pct, "45", "39,5", "tăng 5,5 điểm phần trăm so với cùng kỳ năm trước"},
		{pct, "45%", "39.5", "tăng 5,5 điểm phần trăm so với cùng kỳ năm trước"},
		{pct, "30", "42,25", "giảm 12,25 điểm phần trăm so với cùng kỳ năm trước"},
		{pct, "0,3", "0,1", "tăng 0,2 điểm phần trăm so với cùng kỳ năm trước"},
		{pct, "100", "100", "không đổi so với cùng kỳ năm trước"},
		{pct, "đạt 60", "50", "tăng 10 điểm phần trăm so với cùng kỳ năm trước"},
		{cnt, "28", "25", "tăng 12% so với cùng kỳ năm trước"},
		{cnt, "2", "3", "giảm 33,3% so với cùng kỳ năm trước"},
		{cnt, "12", "12", "không đổi so với cùng kỳ năm trước"},
		{cnt, "3", "0", "tăng 3 tổ so với cùng kỳ năm trước"},
		{cnt, "0", "0", "không đổi so với cùng kỳ năm trước"},
		{cnt, "2.500", "1.250", "tăng 100% so với cùng kỳ năm trước"},
		{cnt, "10001", "10000", "tăng dưới 0,1% so với cùng kỳ năm trước"},
		{amt, "1.250,5", "1.000", "tăng 25,1% so với cùng kỳ năm trước"},
		{amt, "1.500", "0", "tăng 1.500 triệu đồng so với cùng kỳ năm trước"},
		// Nothing to say: a value missing, not a number, out of range, or
		// a bound or an estimate.
		{pct, "45", "", ""},
		{pct, "", "40", ""},
		{pct, "gần hết", "40", ""},
		{pct, "120", "40", ""},
		{pct, "trên 95", "90", ""},
		{pct, "95", "khoảng 90", ""},
		{cnt, "2,5", "2", ""},
	} {
		in := c.in
		in.Value, in.LastYear = c.value, c.last
		if got := in.Change(); got != c.want {
			t.Errorf("%s %q after %q: %q, want %q", in.Kind, c.value, c.last, got, c.want)
		}
	}
}

func TestChangeSentenceNamesTheIndicatorAndItsResult(t *testing.T) {
	for _, c := range []struct {
		in   Indicator
		want string
	}{
		{Indicator{Name: "Tỷ lệ hồ sơ tiếp nhận trực tuyến", Kind: Percent, Unit: "%", Value: "45", LastYear: "39,5"},
			"Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 45%, tăng 5,5 điểm phần trăm so với cùng kỳ năm trước."},
		{Indicator{Name: "Số người dân được hướng dẫn kỹ năng số cơ bản", Kind: Count, Unit: "người", Value: "1250", LastYear: "1000"},
			"Số người dân được hướng dẫn kỹ năng số cơ bản đạt 1.250 người, tăng 25% so với cùng kỳ năm trước."},
		{Indicator{Name: "Tỷ lệ văn bản được ký số", Kind: Percent, Unit: "%", Value: "đạt 80", LastYear: "80"},
			"Tỷ lệ văn bản được ký số đạt 80%, không đổi so với cùng kỳ năm trước."},
		{Indicator{Name: "", Kind: Count, Unit: "tổ", Value: "5", LastYear: "4"}, ""},
		{Indicator{Name: "Tỷ lệ văn bản được ký số", Kind: Percent, Unit: "%", Value: "trên 95", LastYear: "90"}, ""},
	} {
		if got := c.in.ChangeSentence(); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// lastYearStore is a folder with Dương Hưu's draft of quý II năm 2025,
// with values for the first, second and ninth indicators, and a draft
// of another unit for the same period.
func lastYearStore(t *testing.T) (*Store, string) {
	t.Helper()
	s := &Store{Dir: t.TempDir()}
	old := Sample()
	old.Period = Period{Quarter, 2, 2025}
	for i := range old.Indicators {
		old.Indicators[i].Value = ""
	}
	old.Indicators[0].Value = "90"
	old.Indicators[1].Value = "85,5"
	old.Indicators[8].Value = "1.200"
	path, err := s.Create(old)
	if err != nil {
		t.Fatal(err)
	}
	other := Sample()
	other.SetUnit("xã Tân Chi")
	other.Period = old.Period
	other.Indicators[0].Value = "10"
	if _, err := s.Create(other); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func TestLastYearIsTheDraftOfTheSameUnitAndKindAYearEarlier(t *testing.T) {
	s, path := lastYearStore(t)
	r := New(Period{Quarter, 2, 2026})
	r.SetUnit("xã Dương Hưu")
	e, err := s.LastYear(r)
	if err != nil || e == nil || e.Path != path {
		t.Fatalf("LastYear = %+v, %v; want %s", e, err, path)
	}
	for _, p := range []Period{{Quarter, 1, 2026}, {Quarter, 2, 2024}, {Quarter, 3, 2025}} {
		r.Period = p
		if e, _ := s.LastYear(r); e != nil {
			t.Errorf("%s: found %s", p.Phrase(), e.Name)
		}
	}
	r.Period = Period{Quarter, 2, 2026}
	r.SetUnit("xã Yên Lư")
	if e, _ := s.LastYear(r); e != nil {
		t.Errorf("another unit: found %s", e.Name)
	}
}

func TestFillLastYearTakesLastYearsResultsByCodeAndKeepsWhatWasTyped(t *testing.T) {
	s, _ := lastYearStore(t)
	r := New(Period{Quarter, 2, 2026})
	r.SetUnit("xã Dương Hưu")
	r.Indicators[1].LastYear = "80" // typed by the official: kept
	// A row moved: the value follows its code, not its place.
	r.Indicators[0], r.Indicators[8] = r.Indicators[8], r.Indicators[0]
	e, _ := s.LastYear(r)
	note := FillLastYear(r, e)
	if got := r.Indicators[8].LastYear; got != "90" || r.Indicators[8].Code != "NQ57-01" {
		t.Errorf("NQ57-01 last year = %q", got)
	}
	if got := r.Indicators[0].LastYear; got != "1.200" {
		t.Errorf("NQ57-09 last year = %q", got)
	}
	if got := r.Indicators[1].LastYear; got != "80" {
		t.Errorf("typed value replaced: %q", got)
	}
	if got := r.Indicators[2].LastYear; got != "" {
		t.Errorf("no value last year, filled %q", got)
	}
	want := "Cột «Cùng kỳ năm trước» lấy từ bản nháp duong-huu-2025-q2.json (2 chỉ tiêu); có thể sửa ở phần Chỉ tiêu."
	if note != want {
		t.Errorf("note %q\nwant %q", note, want)
	}
	if again := FillLastYear(r, e); again != "" {
		t.Errorf("nothing left to fill, yet: %q", again)
	}
	if got := FillLastYear(r, nil); got != "" {
		t.Errorf("no draft last year: %q", got)
	}
}

func TestNextDraftSaysWhereLastYearCameFrom(t *testing.T) {
	s, _ := lastYearStore(t)
	q1 := Sample()
	q1.Period = Period{Quarter, 1, 2026}
	path, err := s.Create(q1)
	if err != nil {
		t.Fatal(err)
	}
	next, note, err := s.NextDraft(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(note, "duong-huu-2025-q2.json (3 chỉ tiêu)") {
		t.Errorf("note %q", note)
	}
	n, err := Load(next)
	if err != nil {
		t.Fatal(err)
	}
	if n.Indicators[0].LastYear != "90" || n.Indicators[1].LastYear != "85,5" || n.Indicators[8].LastYear != "1.200" {
		t.Errorf("not filled: %+v", n.Indicators)
	}
}

func TestCheckWarnsWhenSamePeriodLastYearDiffersFromLastYearsDraft(t *testing.T) {
	s, _ := lastYearStore(t)
	r := Sample()
	r.Period = Period{Quarter, 2, 2026}
	r.Header.Date = Date{25, 6, 2026}
	r.Indicators[0].LastYear = "95"   // last year's draft: 90
	r.Indicators[1].LastYear = "85.5" // the same as 85,5
	r.Indicators[8].LastYear = "1200" // the same as 1.200
	r.Indicators[3].LastYear = "70"   // nothing last year to compare with
	e, err := s.LastYear(r)
	if err != nil || e == nil {
		t.Fatal(e, err)
	}
	field := FieldIndicator(0, "lastYear")
	var got Problems
	for _, p := range CheckAgainst(r, 2026, e) {
		if strings.HasPrefix(p.Field, "indicators.") && strings.HasSuffix(p.Field, ".lastYear") {
			got = append(got, p)
		}
	}
	if len(got) != 1 || got[0].Field != field || got[0].Severity != Warning || got[0].Part != PartIndicators {
		t.Fatalf("problems of «cùng kỳ»: %v", got)
	}
	want := "Chỉ tiêu «Tỷ lệ cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành»: cùng kỳ năm trước ghi 95%, khác với kết quả 90% trong bản nháp duong-huu-2025-q2.json (quý II năm 2025): hãy kiểm tra lại."
	if got[0].Message != want {
		t.Errorf("message\n got %q\nwant %q", got[0].Message, want)
	}
	if ps := Check(r, 2026).ForField(field); len(ps) != 0 {
		t.Errorf("Check without last year's draft: %v", ps)
	}
	// A draft that is not last year's for this report is not compared.
	r.Period = Period{Quarter, 3, 2026}
	r.Header.Date = Date{25, 9, 2026}
	if ps := CheckAgainst(r, 2026, e).ForField(field); len(ps) != 0 {
		t.Errorf("compared with the draft of another period: %v", ps)
	}
}

func TestSuggestionOfTheIndicatorsItemSaysHowTheyChanged(t *testing.T) {
	r := Sample()
	r.Indicators[0].LastYear = "90" // 100 now
	r.Indicators[2].LastYear = "90" // "trên 95" now: nothing said
	r.Indicators[6].Value = "6"     // Tổ công nghệ số
	r.Indicators[6].LastYear = "5"  //
	r.Indicators[7].LastYear = "30" // no value now: nothing said
	var ii1, i1 Part
	for _, p := range r.Parts() {
		switch p.ID {
		case "II.1":
			ii1 = p
		case "I.1":
			i1 = p
		}
	}
	got := r.Suggestion(ii1)
	wording := r.Suggested(nq57.Item("II.1").Suggested)
	want := strings.TrimRight(wording, "\n") + "\n" +
		"Tỷ lệ cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành đạt 100%, tăng 10 điểm phần trăm so với cùng kỳ năm trước. " +
		"Số Tổ công nghệ số cộng đồng đạt 6 tổ, tăng 20% so với cùng kỳ năm trước."
	if got != want {
		t.Errorf("II.1 suggestion\n got %q\nwant %q", got, want)
	}
	if got := r.Suggestion(i1); got != r.Suggested(nq57.Item("I.1").Suggested) {
		t.Errorf("I.1 suggestion %q", got)
	}
	// Inserted as it is, before or after the figures were typed, the text
	// is still the suggestion: the part is not done.
	it := &r.Section("II").Items[0]
	for _, text := range []string{got, wording} {
		it.Text, it.Carried = CleanText(text), ""
		if st := r.State(ii1); st == Done {
			t.Errorf("II.1 holding the unedited suggestion is %v", st)
		}
	}
}
