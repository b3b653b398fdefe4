package ui

import (
	"charm.land/huh/v2"

	"baocao/report"
)

func periodOptions() []huh.Option[string] {
	var out []huh.Option[string]
	for _, c := range report.PeriodChoices {
		out = append(out, huh.NewOption(c.Label, c.Key))
	}
	return out
}

// badYear says that s, typed as the year of the report, is not one: the
// same words in the new report form, the general part and plain mode.
func badYear(s string) string {
	return "Năm «" + s + "» không hợp lệ (ví dụ: 2026)."
}

// buildPart builds the form of part p of r, width×height cells. The
// full-screen wizard and plain mode share it: plain mode asks its fields
// one by one.
func buildPart(c *common, r *report.Report, p report.Part, width, height int) *partForm {
	b := newBuilder(c, p, width, height)
	switch p.ID {
	case report.PartGeneral:
		h := &r.Header
		b.input(report.FieldParentAgency, "Cơ quan cấp trên (nếu có)", "Dòng trên tên cơ quan, ví dụ: UBND TỈNH BẮC NINH. Có thể để trống.", &h.ParentAgency)
		b.lines(report.FieldAgency, "Cơ quan ban hành", "Mỗi dòng là một dòng của tên cơ quan, chữ in hoa: ỦY BAN NHÂN DÂN / XÃ DƯƠNG HƯU.", &h.Agency, 2)
		b.input(report.FieldShortName, "Tên gọi tắt dùng trong câu", "Ví dụ: UBND xã Dương Hưu.", &h.ShortName)
		b.input(report.FieldPlace, "Địa danh", "Ở dòng ngày tháng, ví dụ: Dương Hưu.", &h.Place)
		b.input(report.FieldNumber, "Số văn bản", "Chỉ ghi chữ số; để trống cho văn thư điền.", &h.Number)
		b.input(report.FieldSymbol, "Ký hiệu", "Ví dụ: BC-UBND.", &h.Symbol)
		b.date(report.FieldDate, "Ngày ban hành", "ngày/tháng/năm; để trống ngày (3/2026) cho người ký điền tay.", &h.Date)
		b.period(&r.Period)
		b.lines(report.FieldAddressees, "Kính gửi (nếu có)", "Mỗi dòng một cơ quan nhận; có thể để trống.", &r.Addressees, 2)
		b.text(report.FieldTitle, "Trích yếu (sửa nếu cần)", "Để trống thì dùng trích yếu tự động ở trên.", &r.TitleText, 2, func() string { return r.TakeDerived(report.FieldTitle) }, "chép trích yếu tự động vào đây để sửa")
		b.pf.preview = func() (string, string) {
			if r.Overridden(report.FieldTitle) {
				return "Trích yếu (đã sửa)", r.Title()
			}
			return "Trích yếu", r.DerivedTitle()
		}
	case report.PartRequest:
		q := &r.Request
		b.input(report.FieldRequestKind, "Loại văn bản", "Công văn, Kế hoạch, Thông báo…; để trống cả phần này nếu không trả lời văn bản nào.", &q.Kind).
			Suggestions([]string{"Công văn", "Kế hoạch", "Thông báo", "Quyết định", "Chỉ thị"})
		b.input(report.FieldRequestNo, "Số, ký hiệu", "Ví dụ: 954/SKH-CN-CDS.", &q.Number)
		b.date(report.FieldRequestDate, "Ngày ban hành", "Ví dụ: 13/3/2026.", &q.Date)
		b.input(report.FieldIssuer, "Cơ quan ban hành", "Ví dụ: Sở Khoa học và Công nghệ tỉnh Bắc Ninh.", &q.Issuer)
		b.input(report.FieldSubject, "Trích yếu", "Thường bắt đầu bằng «về việc …».", &q.Subject)
		b.text(report.FieldOpening, "Câu mở đầu (sửa nếu cần)", "Để trống thì dùng câu tự động ở trên.", &r.Opening, 4, func() string { return r.TakeDerived(report.FieldOpening) }, "chép câu tự động vào đây để sửa")
		b.pf.preview = func() (string, string) {
			if r.Overridden(report.FieldOpening) {
				return "Câu mở đầu (đã sửa)", r.OpeningSentence()
			}
			return "Câu mở đầu tự động", r.DerivedOpening()
		}
	case report.PartSigner:
		s := &r.Signer
		b.input(report.FieldAuthority, "Thẩm quyền ký", "Ví dụ: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH; để trống nếu Chủ tịch ký trực tiếp.", &s.Authority).
			Suggestions([]string{"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"})
		b.input(report.FieldSignerTitle, "Chức vụ người ký", "Chữ in hoa, ví dụ: CHỦ TỊCH, PHÓ CHỦ TỊCH.", &s.Title).
			Suggestions([]string{"CHỦ TỊCH", "PHÓ CHỦ TỊCH"})
		b.input(report.FieldSignerName, "Họ và tên người ký", "Ví dụ: Khúc Văn Sinh.", &s.Name)
		b.text(report.FieldClosing, "Câu kết (sửa nếu cần)", "Để trống thì dùng câu tự động ở trên.", &r.Closing, 3, func() string { return r.TakeDerived(report.FieldClosing) }, "chép câu tự động vào đây để sửa")
		b.pf.preview = func() (string, string) {
			if r.Overridden(report.FieldClosing) {
				return "Câu kết (đã sửa)", r.ClosingSentence()
			}
			return "Câu kết tự động", r.DerivedClosing()
		}
	case report.PartIndicators:
		b.pf.list = &rowList{rows: indicatorRows{r}}
	case report.PartRecipients:
		b.pf.list = &rowList{rows: recipientRows{r}}
	default:
		buildTextPart(b, r, p)
	}
	return b.finish()
}

// buildTextPart builds the form of a section's text or of one of its items:
// its text fills the height the other fields leave.
func buildTextPart(b *formBuilder, r *report.Report, p report.Part) {
	if p.Section < 0 || p.Section >= len(r.Sections) {
		return
	}
	s := &r.Sections[p.Section]
	ts := r.Kind().Section(s.ID)
	if p.Item < 0 {
		prompt := ""
		if ts != nil {
			prompt = r.Fill(ts.Prompt)
		}
		b.pf.fill = b.text(report.FieldText(p.ID), "Nội dung", prompt, &s.Text, 2, suggestion(r, p), "")
		if ts == nil || !ts.NextPeriodHeading {
			return
		}
		// Section V: its heading names the next period and can be reworded,
		// below the text, which is what the official usually writes.
		b.text(report.FieldHeading(s.ID), "Tiêu đề phần (sửa nếu cần)", "Để trống thì dùng tiêu đề tự động ở trên.", &s.Heading, 2,
			func() string { return r.TakeDerived(report.FieldHeading(s.ID)) }, "chép tiêu đề tự động vào đây để sửa")
		b.pf.preview = func() (string, string) { return "Tiêu đề phần", r.SectionHeading(s.ID) }
		return
	}
	it := &s.Items[p.Item]
	ti := r.Kind().Item(it.Key)
	if it.Key == "" {
		b.input(report.FieldItemTitle(p.ID), "Tiêu đề mục (có thể để trống)", "Mục do bạn thêm; để trống tiêu đề thì nội dung viết ngay sau số thứ tự.", &it.Title)
	}
	prompt := "Viết nội dung của mục; mỗi dòng một đoạn, dòng bắt đầu bằng «- » là gạch đầu dòng."
	if ti != nil {
		prompt = r.Fill(ti.Prompt)
	}
	b.pf.fill = b.text(report.FieldText(p.ID), "Nội dung", prompt, &it.Text, 2, suggestion(r, p), "")
}

// suggestion offers what part p suggests (report.Suggestion), worked out
// when it is inserted: the template's wording filled for r's unit and
// period and, in the item of the indicators, the figures as they are then.
func suggestion(r *report.Report, p report.Part) func() string {
	if !r.Offers(p) {
		return nil
	}
	return func() string { return r.Suggestion(p) }
}
