package report

import (
	"strings"
	"testing"
)

func TestSampleIsReady(t *testing.T) {
	ps := Check(Sample(), 2026)
	if ps.HasErrors() {
		t.Fatalf("the sample has errors: %v", ps)
	}
	if len(ps) != 0 {
		t.Errorf("the sample has warnings: %v", ps)
	}
}

func TestCheckMessages(t *testing.T) {
	tests := []struct {
		name   string
		change func(r *Report)
		sev    Severity
		part   string
		field  string
		want   string // part of the message
	}{
		{"30 February", func(r *Report) { r.Header.Date = Date{30, 2, 2026} }, Error, PartGeneral, FieldDate, "tháng 2 chỉ có 28 ngày"},
		{"29 February, not leap", func(r *Report) { r.Header.Date = Date{29, 2, 2026} }, Error, PartGeneral, FieldDate, "năm 2026 không nhuận"},
		{"31 April", func(r *Report) { r.Header.Date = Date{31, 4, 2026} }, Error, PartGeneral, FieldDate, "tháng 4 chỉ có 30 ngày"},
		{"month 13", func(r *Report) { r.Header.Date = Date{1, 13, 2026} }, Error, PartGeneral, FieldDate, "tháng chỉ từ 1 đến 12"},
		{"day without month", func(r *Report) { r.Header.Date = Date{5, 0, 2026} }, Error, PartGeneral, FieldDate, "chưa có tháng"},
		{"year far from now", func(r *Report) { r.Period.Year = 2062; r.Header.Date.Year = 2062 }, Error, PartGeneral, FieldPeriod, "cách quá xa năm hiện tại"},
		{"date year off the period", func(r *Report) { r.Header.Date.Year = 2025 }, Error, PartGeneral, FieldDate, "không khớp với kỳ báo cáo"},
		{"bad period", func(r *Report) { r.Period.Quarter = 5 }, Error, PartGeneral, FieldPeriod, "Kỳ báo cáo chưa hợp lệ"},
		{"percent over 100", func(r *Report) { r.Indicators[0].Value = "120" }, Error, PartIndicators, FieldIndicator(0, "value"), "nằm ngoài khoảng 0–100%"},
		{"negative percent", func(r *Report) { r.Indicators[1].LastYear = "-3" }, Error, PartIndicators, FieldIndicator(1, "lastYear"), "nằm ngoài khoảng 0–100%"},
		{"fractional count", func(r *Report) { r.Indicators[6].Value = "2,5" }, Error, PartIndicators, FieldIndicator(6, "value"), "phải là số nguyên"},
		{"negative count", func(r *Report) { r.Indicators[7].Value = "-1" }, Error, PartIndicators, FieldIndicator(7, "value"), "không thể âm"},
		{"not a number", func(r *Report) { r.Indicators[8].Value = "nhiều" }, Error, PartIndicators, FieldIndicator(8, "value"), "không phải là một con số"},
		{"value without a name", func(r *Report) { r.Indicators = append(r.Indicators, Indicator{Kind: Count, Value: "3"}) }, Error, PartIndicators, FieldIndicator(9, "name"), "chưa có tên"},
		{"malformed number-symbol", func(r *Report) { r.Request.Number = "954 / skh" }, Error, PartRequest, FieldRequestNo, "không đúng thể thức"},
		{"request date 31/6", func(r *Report) { r.Request.Date = Date{31, 6, 2026} }, Error, PartRequest, FieldRequestDate, "tháng 6 chỉ có 30 ngày"},
		{"request date without day", func(r *Report) { r.Request.Date = Date{0, 3, 2026} }, Error, PartRequest, FieldRequestDate, "cần đủ ngày, tháng, năm"},
		{"empty agency", func(r *Report) { r.Header.Agency = nil }, Error, PartGeneral, FieldAgency, "Chưa nhập tên cơ quan"},
		{"agency lines joined by a slash", func(r *Report) { r.Header.Agency = []string{"ỦY BAN NHÂN DÂN / XÃ DƯƠNG HƯU"} }, Warning, PartGeneral, FieldAgency, "Dòng «ỦY BAN NHÂN DÂN / XÃ DƯƠNG HƯU» của tên cơ quan ban hành có « / »"},
		{"empty short name", func(r *Report) { r.Header.ShortName = "" }, Error, PartGeneral, FieldShortName, "tên gọi tắt"},
		{"empty place", func(r *Report) { r.Header.Place = "" }, Error, PartGeneral, FieldPlace, "Chưa nhập địa danh"},
		{"number not digits", func(r *Report) { r.Header.Number = "12a" }, Error, PartGeneral, FieldNumber, "chỉ ghi chữ số"},
		{"symbol lower case", func(r *Report) { r.Header.Symbol = "bc-ubnd" }, Error, PartGeneral, FieldSymbol, "không đúng thể thức"},
		{"empty signer name", func(r *Report) { r.Signer.Name = "" }, Error, PartSigner, FieldSignerName, "họ và tên người ký"},
		{"empty signer title", func(r *Report) { r.Signer.Title = "" }, Error, PartSigner, FieldSignerTitle, "chức vụ người ký"},
		{"empty section", func(r *Report) { r.Section("III").Text = "" }, Warning, "III", FieldText("III"), "Phần III. Đánh giá chung chưa có nội dung"},
		{"empty item", func(r *Report) { r.Sections[0].Items[1].Text = "" }, Warning, "I.2", FieldText("I.2"), "chưa có nội dung"},
		{"untitled empty item left out", func(r *Report) { r.Sections[0].Items[1].Text = "" }, Warning, "I.2", FieldText("I.2"), "sẽ không được in; các mục sau nó được đánh số lại"},
		{"titled empty item", func(r *Report) { r.Sections[1].Items[1].Text = "" }, Warning, "II.2", FieldText("II.2"), "Kết quả thực hiện nhiệm vụ được phân công chưa có nội dung."},
		{"no recipients", func(r *Report) { r.Recipients = nil }, Warning, PartRecipients, FieldRecipients, "Chưa có nơi nhận"},
		{"emoji", func(r *Report) { r.Section("VI").Text += " 👍" }, Warning, "VI", FieldText("VI"), "U+1F44D"},
		{"missing glyph", func(r *Report) { r.Signer.Name = "Khúc Văn Sinh ☺" }, Warning, PartSigner, FieldSignerName, "U+263A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Sample()
			tt.change(r)
			ps := Check(r, 2026)
			for _, p := range ps {
				if p.Field == tt.field && p.Part == tt.part && p.Severity == tt.sev && strings.Contains(p.Message, tt.want) {
					return
				}
			}
			t.Errorf("no problem %q on %s/%s; got %v", tt.want, tt.part, tt.field, ps)
		})
	}
}

func TestCheckValuesAccepted(t *testing.T) {
	r := Sample()
	r.Indicators[0].Value = "trên 95"
	r.Indicators[1].Value = "99,5"
	r.Indicators[2].Value = "100%"
	r.Indicators[3].LastYear = "0"
	r.Indicators[6].Value = "12"
	r.Indicators[7].Value = "1.250"
	r.Request.Number = "01/2026/TT-BKHCN"
	if ps := Check(r, 2026); ps.HasErrors() {
		t.Errorf("valid values reported: %v", ps)
	}
}

func TestCheckReportsEverythingAtOnce(t *testing.T) {
	r := New(Period{Quarter, 1, 2026})
	ps := Check(r, 2026)
	var errs, warns int
	for _, p := range ps {
		if p.Severity == Error {
			errs++
			if warns > 0 {
				t.Error("errors must come before warnings")
			}
		} else {
			warns++
		}
	}
	// short name, place, signer name — and every empty text part.
	if errs < 3 || warns < 9 {
		t.Errorf("got %d errors, %d warnings: %v", errs, warns, ps)
	}
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		in    string
		q     string
		n     float64
		whole bool
	}{
		{"100", "", 100, true},
		{"trên 95", "trên", 95, true},
		{"Trên 95%", "Trên", 95, true},
		{"12,5", "", 12.5, false},
		{"1.250", "", 1250, true},
		{"khoảng 3", "khoảng", 3, true},
		{"≥ 90", "≥", 90, true},
	}
	for _, tt := range tests {
		v, err := ParseValue(tt.in)
		if err != nil || v.Qualifier != tt.q || v.Number != tt.n || v.Whole != tt.whole {
			t.Errorf("ParseValue(%q) = %+v, %v", tt.in, v, err)
		}
	}
	for _, bad := range []string{"", "trên", "abc", "1,2,3", "12 người"} {
		if _, err := ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%q) accepted", bad)
		}
	}
}

func TestCarriedAndSuggestedText(t *testing.T) {
	n := Next(Sample(), nil)
	iv := n.Parts()[8] // IV
	if iv.ID != "IV" || n.State(iv) != Partial {
		t.Fatalf("carried part %s state %v, want Partial", iv.ID, n.State(iv))
	}
	ps := Check(n, 2026).ForField(FieldText("IV"))
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "vẫn là nội dung của kỳ trước: hãy cập nhật cho quý II năm 2026") {
		t.Errorf("carried IV: %v", ps)
	}
	// Only the general part, the recipients and the signer are done: the
	// request and indicators were cleared, the texts wait to be updated.
	if done, total := n.Progress(); done != 3 || total != 14 {
		t.Errorf("next-period progress %d/%d, want 3/14", done, total)
	}
	n.Section("IV").Text += "\nThêm một hạn chế mới của quý II."
	if n.State(iv) != Done || len(Check(n, 2026).ForField(FieldText("IV"))) != 0 {
		t.Error("an edited carried text should be done and unflagged")
	}

	r := Sample()
	r.Section("III").Text = nq57.Section("III").Suggested
	if ps := Check(r, 2026).ForField(FieldText("III")); len(ps) != 1 || !strings.Contains(ps[0].Message, "lời văn gợi ý chưa sửa") {
		t.Errorf("unedited suggestion: %v", ps)
	}
}

func TestProgressCountsErrorsAsNotDone(t *testing.T) {
	r := Sample()
	if done, total := r.Progress(); done != total {
		t.Fatalf("sample %d/%d", done, total)
	}
	r.Indicators[0].Value = "105"
	r.Recipients = append(r.Recipients, "  ")
	if done, total := r.Progress(); done != total-1 {
		t.Errorf("a part with an error is counted done: %d/%d", done, total)
	}
	r.Recipients = []string{""}
	if st := r.State(r.Parts()[12]); st != Partial {
		t.Errorf("recipients with only a blank row: %v", st)
	}
}

func TestNoIndicatorValuesWarned(t *testing.T) {
	r := Sample()
	r.Indicators = New(Period{Kind: Quarter, Quarter: 1, Year: 2026}).Indicators
	if ps := Check(r, 2026).ForPart(PartIndicators); len(ps) != 1 || !strings.Contains(ps[0].Message, "Chưa nhập số liệu chỉ tiêu nào") {
		t.Errorf("%v", ps)
	}
	r.Indicators[4].Note = "Chưa triển khai"
	if got := r.reportedIndicators(); len(got) != 1 || got[0].Note != "Chưa triển khai" {
		t.Errorf("a row with only a note is reported: %v", got)
	}
}

func TestSuggestedForUnit(t *testing.T) {
	r := Sample()
	r.Header.ShortName = "UBND phường Võ Cường"
	got := r.Suggested(nq57.Item("II.1").Suggested + " " + nq57.Item("I.1").Suggested)
	if strings.Contains(got, "xã") || !strings.Contains(got, "Phường đã đẩy mạnh") || !strings.Contains(got, "UBND phường Võ Cường đã tập trung") || !strings.Contains(got, "của phường") {
		t.Errorf("%q", got)
	}
	if got := Sample().Suggested("{Đơn vị} đã"); got != "UBND xã Dương Hưu đã" {
		t.Errorf("%q", got)
	}
}

func TestUneditedSuggestionForWard(t *testing.T) {
	r := Sample()
	r.Header.ShortName = "UBND phường Võ Cường"
	r.Sections[1].Items[1].Text = r.Suggested(nq57.Item("II.2").Suggested)
	if st := r.State(r.Parts()[5]); st != Partial {
		t.Errorf("II.2 holding the adapted suggestion: %v, want Partial", st)
	}
}

func TestFormatValue(t *testing.T) {
	for in, want := range map[string]string{
		"1200": "1.200", "3.400": "3.400", "1 250 000": "1.250.000", "trên 95": "trên 95",
		"Trên  95%": "Trên 95", "97%": "97", "12.5": "12,5", "12,5": "12,5", "100": "100", "0": "0",
		"nhiều": "nhiều", "-1500": "-1.500", "≥ 90": "≥ 90",
	} {
		if got := FormatValue(in); got != want {
			t.Errorf("FormatValue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckDatesAgainstPeriodAndRequest(t *testing.T) {
	q4 := Period{Quarter, 4, 2026}
	tests := []struct {
		name    string
		period  Period
		date    Date
		request Date
		sev     Severity
		want    string // "" when no problem is expected on the date
	}{
		{"before its quarter and the request", q4, Date{28, 2, 2026}, Date{5, 12, 2026}, Error, "Ngày ban hành 28/02/2026 trước khi kỳ báo cáo quý IV năm 2026 bắt đầu (01/10/2026)"},
		{"month before its quarter", q4, Date{0, 9, 2026}, Date{}, Error, "Ngày ban hành tháng 09/2026 trước khi kỳ báo cáo"},
		{"before the request", Period{Quarter, 1, 2026}, Date{10, 3, 2026}, Date{13, 3, 2026}, Error, "trước ngày của văn bản được thực hiện (13/03/2026)"},
		{"month before the request's month", q4, Date{0, 11, 2026}, Date{5, 12, 2026}, Error, "trước ngày của văn bản được thực hiện (05/12/2026)"},
		{"long after its quarter", Period{Quarter, 1, 2026}, Date{1, 6, 2026}, Date{}, Warning, "muộn hơn 2 tháng sau khi kỳ báo cáo quý I năm 2026 kết thúc (31/03/2026)"},
		{"long after its year", Period{Year, 0, 2026}, Date{0, 3, 2027}, Date{}, Warning, "muộn hơn 2 tháng"},

		{"the sample: March, request of 13 March", Period{Quarter, 1, 2026}, Date{0, 3, 2026}, Date{13, 3, 2026}, Error, ""},
		{"late in its quarter", Period{Quarter, 1, 2026}, Date{25, 3, 2026}, Date{13, 3, 2026}, Error, ""},
		{"the request's own day", Period{Quarter, 1, 2026}, Date{13, 3, 2026}, Date{13, 3, 2026}, Error, ""},
		{"the month the request came", q4, Date{0, 12, 2026}, Date{5, 12, 2026}, Error, ""},
		{"year only", q4, Date{0, 0, 2026}, Date{5, 12, 2026}, Error, ""},
		{"weeks after its quarter", q4, Date{15, 1, 2027}, Date{}, Error, ""},
		{"last day before the warning", Period{Quarter, 1, 2026}, Date{31, 5, 2026}, Date{}, Error, ""},
		{"a year report in January", Period{Year, 0, 2026}, Date{10, 1, 2027}, Date{}, Error, ""},
		{"six months in June", Period{HalfYear, 0, 2026}, Date{20, 6, 2026}, Date{}, Error, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Sample()
			r.Period = tt.period
			r.Header.Date = tt.date
			r.Request.Date = tt.request
			ps := Check(r, 2026).ForField(FieldDate)
			if tt.want == "" {
				if len(ps) > 0 {
					t.Errorf("unexpected: %v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Severity != tt.sev || ps[0].Part != PartGeneral || !strings.Contains(ps[0].Message, tt.want) {
				t.Errorf("want one %v containing %q, got %v", tt.sev, tt.want, ps)
			}
		})
	}
}

func TestCheckWarnsOfOverridesNamingAnotherPeriod(t *testing.T) {
	tests := []struct {
		name   string
		change func(r *Report)
		field  string
		want   string // "" when no warning is expected
	}{
		{"opening of another quarter", func(r *Report) {
			r.Opening = "UBND xã Dương Hưu báo cáo kết quả quý I năm 2026 như sau:"
			r.Period = Period{Quarter, 3, 2026}
		}, FieldOpening, "Câu mở đầu nhắc «quý I năm 2026» nhưng kỳ báo cáo là quý III năm 2026: hãy sửa lại, hoặc xóa hết nội dung ô để dùng câu tự động."},
		{"title of another quarter", func(r *Report) {
			r.TitleText = "Kết quả chuyển đổi số Quý IV/2026"
			r.Period = Period{Quarter, 3, 2026}
		}, FieldTitle, "Trích yếu nhắc «Quý IV/2026»"},
		{"closing of the old period", func(r *Report) {
			r.Closing = "Trên đây là báo cáo quý IV năm 2026, phương hướng nhiệm vụ quý I năm 2027 của UBND xã Dương Hưu./."
			r.Period = Period{Quarter, 3, 2026}
		}, FieldClosing, "Câu kết nhắc «quý I năm 2027» nhưng kỳ báo cáo là quý III năm 2026 (kỳ tiếp theo là quý IV năm 2026)"},
		{"heading V of the report's own period", func(r *Report) {
			r.Section("V").Heading = "Nhiệm vụ trọng tâm quý I năm 2026"
		}, FieldHeading("V"), "Tiêu đề phần V nhắc «quý I năm 2026» nhưng kỳ tiếp theo là quý II năm 2026: hãy sửa lại, hoặc xóa hết nội dung ô để dùng tiêu đề tự động."},
		{"year report titled for the year before", func(r *Report) {
			r.Period = Period{Year, 0, 2026}
			r.Header.Date = Date{0, 12, 2026}
			r.TitleText = "Kết quả thực hiện nhiệm vụ chuyển đổi số năm 2025"
		}, FieldTitle, "Trích yếu nhắc «năm 2025» nhưng kỳ báo cáo là năm 2026"},

		{"closing naming both periods", func(r *Report) {
			r.Closing = "Trên đây là báo cáo kết quả quý I năm 2026, phương hướng nhiệm vụ quý II năm 2026 của UBND xã Dương Hưu./."
		}, FieldClosing, ""},
		{"closing naming the next six months", func(r *Report) {
			r.Period = Period{Quarter, 2, 2026}
			r.Header.Date = Date{0, 6, 2026}
			r.Closing = "Trên đây là báo cáo kết quả quý II năm 2026, phương hướng nhiệm vụ 6 tháng cuối năm 2026./."
		}, FieldClosing, ""},
		{"heading V of the next quarter", func(r *Report) {
			r.Section("V").Heading = "Nhiệm vụ trọng tâm Quý II/2026"
		}, FieldHeading("V"), ""},
		{"opening citing the request's period and a year's plan", func(r *Report) {
			r.Opening = "Thực hiện Công văn số 954/SKH-CN-CDS về việc đôn đốc báo cáo Quý I/2026 và Kế hoạch chuyển đổi số năm 2025, UBND xã Dương Hưu báo cáo như sau:"
		}, FieldOpening, ""},
		{"same period last year", func(r *Report) {
			r.Opening = "UBND xã Dương Hưu báo cáo kết quả quý I năm 2026, so với cùng kỳ năm trước, như sau:"
		}, FieldOpening, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Sample()
			tt.change(r)
			var ps Problems
			for _, p := range Check(r, 2026).ForField(tt.field) {
				if strings.Contains(p.Message, " nhắc ") {
					ps = append(ps, p)
				}
			}
			if tt.want == "" {
				if len(ps) > 0 {
					t.Errorf("unexpected: %v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Severity != Warning || !strings.Contains(ps[0].Message, tt.want) {
				t.Errorf("want a warning containing %q, got %v", tt.want, ps)
			}
		})
	}
}

func TestCheckQuotesThePeriodOfCarriedText(t *testing.T) {
	n := Next(Sample(), nil)
	ps := Check(n, 2026).ForField(FieldText("I.1"))
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "vẫn là nội dung của kỳ trước, còn nhắc «quý I năm 2026»: hãy cập nhật cho quý II năm 2026") {
		t.Errorf("carried I.1: %v", ps)
	}

	// Brought up to date, the next-period draft has nothing to say about
	// periods: section V names the next quarter, the closing is derived.
	for i := range n.Sections {
		s := &n.Sections[i]
		if s.Text != "" {
			s.Text = strings.ReplaceAll(s.Text, "quý I năm 2026", "quý II năm 2026")
		}
		for j := range s.Items {
			s.Items[j].Text = strings.ReplaceAll(s.Items[j].Text, "quý I năm 2026", "quý II năm 2026") + "\nKết quả mới của quý II."
		}
	}
	n.Section("III").Text += " So với quý I năm 2026, kết quả tăng."
	n.Section("IV").Text += "\nCòn vướng mắc mới."
	n.Section("V").Text = "- Trong quý III năm 2026, tiếp tục triển khai Nghị quyết.\n- Tổng kết 6 tháng cuối năm 2026."
	n.Section("VI").Text += " Thêm kiến nghị."
	n.Header.Date = Date{25, 6, 2026}
	for _, p := range Check(n, 2026) {
		if strings.Contains(p.Message, "nhắc") || strings.Contains(p.Message, "kỳ trước") || p.Field == FieldDate {
			t.Errorf("up-to-date next-period draft: %v", p)
		}
	}
}

// TestProgressLeavesOutOnlyWarnings holds the progress, which skips the
// checks that only warn, to the errors of the full check, on reports with
// warnings and errors of every part.
func TestProgressLeavesOutOnlyWarnings(t *testing.T) {
	withWarnings := Sample()
	withWarnings.Section("III").Text = "Có ký tự lạ \U0001F600"
	withWarnings.Section("IV").Carried = fingerprint(withWarnings.Section("IV").Text)
	withErrors := Sample()
	withErrors.Indicators[0].Value = "105"
	withErrors.Header.Date = Date{Day: 31, Month: 2, Year: 2026}
	withErrors.Signer.Name = ""
	for name, r := range map[string]*Report{"sample": Sample(), "empty": New(Period{Kind: Quarter, Quarter: 2, Year: 2026}), "warnings": withWarnings, "errors": withErrors} {
		bad := map[string]bool{}
		warned := 0
		for _, p := range Check(r, 0) {
			if p.Severity == Error {
				bad[p.Part] = true
			} else {
				warned++
			}
		}
		want := 0
		for _, p := range r.Parts() {
			if r.State(p) == Done && !bad[p.ID] {
				want++
			}
		}
		if done, _ := r.Progress(); done != want {
			t.Errorf("%s: progress %d parts done, the full check says %d", name, done, want)
		}
		if name == "warnings" && warned == 0 {
			t.Error("the report with warnings has none")
		}
	}
}
