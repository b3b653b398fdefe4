package report

// What a part of the report asks, field by field. The full-screen wizard
// and plain mode both build their questions from these specs; neither
// decides which fields a part has, what they are called or what they
// hold. A spec names no key and no way of typing a line break: each front
// end words those for its own keys.

// FieldKind is what a field holds, and so how it is typed.
type FieldKind int

const (
	// LineField is one line of text, bound to [FieldSpec.Text].
	LineField FieldKind = iota
	// TextField is paragraphs, one a line, bound to [FieldSpec.Text].
	TextField
	// LinesField is a list of one-line entries, one a line, bound to
	// [FieldSpec.Lines]; blank lines are dropped.
	LinesField
	// DateField is a date written d/m/yyyy, m/yyyy or yyyy (see
	// [ParseDate]), bound to [FieldSpec.Date].
	DateField
	// PeriodField is the kind of period, one of [PeriodChoices], and its
	// year, bound to [FieldSpec.Period].
	PeriodField
)

// Multiline reports whether a field of kind k holds several lines.
func (k FieldKind) Multiline() bool { return k == TextField || k == LinesField }

// FieldSpec is one field of a part: what it is called, what to write in
// it, where its value lives in the report, and the text the report uses
// or offers for it.
type FieldSpec struct {
	// Key is the field's name, as [Check] names it in its problems
	// (FieldTitle, FieldText(part)…).
	Key string
	// Label is the field's title.
	Label string
	// Hint says what to write, in words true in either front end: it
	// names no key and no line separator. "" for none.
	Hint string
	// Example, for a LinesField, is example lines that follow the hint;
	// each front end joins them as it shows a line break.
	Example []string
	// Kind is what the field holds.
	Kind FieldKind
	// Rows is how many lines the full screen gives a multi-line field at
	// least.
	Rows int
	// Placeholder is shown in an empty one-line field, "" for none.
	Placeholder string
	// Choices are usual values, offered as the official types.
	Choices []string
	// Fill marks the part's main text, which takes the height the other
	// fields leave.
	Fill bool

	// The value: Text for a LineField or TextField, Lines for a
	// LinesField, Date for a DateField, Period for a PeriodField.
	Text   *string
	Lines  *[]string
	Date   *Date
	Period *Period

	// Derived, when not nil, is the text the report uses while the field
	// is empty (the automatic title, opening, closing or heading), and
	// DerivedName names it in a hint ("trích yếu tự động"). Take copies
	// it into the field to be edited ([Report.TakeDerived]).
	Derived     func() string
	DerivedName string
	Take        func() string
	// Shown, when not nil, is the text the report prints for this field,
	// with its label: shown above the part's fields.
	Shown func() (label, text string)
	// Suggest, when not nil, is the template's wording the official may
	// start an empty field from ([Report.Suggestion]); "" while there is
	// nothing to offer yet.
	Suggest func() string
}

// PartFields is what part p of r asks, in order. The parts edited as a
// list of rows (indicators, recipients) have none: each front end lists
// their rows its own way.
func PartFields(r *Report, p Part) []FieldSpec {
	b := &fieldList{r: r}
	switch p.ID {
	case PartGeneral:
		h := &r.Header
		b.line(FieldParentAgency, "Cơ quan cấp trên (nếu có)", "Dòng trên tên cơ quan, ví dụ: UBND TỈNH BẮC NINH. Có thể để trống.", &h.ParentAgency)
		b.add(FieldSpec{Key: FieldAgency, Label: "Cơ quan ban hành", Kind: LinesField, Lines: &h.Agency, Rows: 2,
			Hint: "Mỗi dòng là một dòng của tên cơ quan, chữ in hoa", Example: []string{"ỦY BAN NHÂN DÂN", "XÃ DƯƠNG HƯU"}})
		b.line(FieldShortName, "Tên gọi tắt dùng trong câu", "Ví dụ: UBND xã Dương Hưu.", &h.ShortName)
		b.line(FieldPlace, "Địa danh", "Ở dòng ngày tháng, ví dụ: Dương Hưu.", &h.Place)
		b.line(FieldNumber, "Số văn bản", "Chỉ ghi chữ số; để trống cho văn thư điền.", &h.Number)
		b.line(FieldSymbol, "Ký hiệu", "Ví dụ: BC-UBND.", &h.Symbol)
		b.date(FieldDate, "Ngày ban hành", "ngày/tháng/năm; để trống ngày (3/2026) cho người ký điền tay.", &h.Date)
		b.add(FieldSpec{Key: FieldPeriod, Label: "Kỳ báo cáo", Kind: PeriodField, Period: &r.Period, Placeholder: "2026"})
		b.add(FieldSpec{Key: FieldAddressees, Label: "Kính gửi (nếu có)", Kind: LinesField, Lines: &r.Addressees, Rows: 2,
			Hint: "Mỗi dòng một cơ quan nhận; có thể để trống."})
		b.derived(FieldTitle, "Trích yếu (sửa nếu cần)", "trích yếu tự động", &r.TitleText, 2, r.DerivedTitle, func() (string, string) {
			if r.Overridden(FieldTitle) {
				return "Trích yếu (đã sửa)", r.Title()
			}
			return "Trích yếu", r.DerivedTitle()
		})
	case PartRequest:
		q := &r.Request
		b.line(FieldRequestKind, "Loại văn bản", "Công văn, Kế hoạch, Thông báo…; để trống cả phần này nếu không trả lời văn bản nào.", &q.Kind,
			"Công văn", "Kế hoạch", "Thông báo", "Quyết định", "Chỉ thị")
		b.line(FieldRequestNo, "Số, ký hiệu", "Ví dụ: 954/SKH-CN-CDS.", &q.Number)
		b.date(FieldRequestDate, "Ngày ban hành", "Ví dụ: 13/3/2026.", &q.Date)
		b.line(FieldIssuer, "Cơ quan ban hành", "Ví dụ: Sở Khoa học và Công nghệ tỉnh Bắc Ninh.", &q.Issuer)
		b.line(FieldSubject, "Trích yếu", "Thường bắt đầu bằng «về việc …».", &q.Subject)
		b.derived(FieldOpening, "Câu mở đầu (sửa nếu cần)", "câu tự động", &r.Opening, 4, r.DerivedOpening, func() (string, string) {
			if r.Overridden(FieldOpening) {
				return "Câu mở đầu (đã sửa)", r.OpeningSentence()
			}
			return "Câu mở đầu tự động", r.DerivedOpening()
		})
	case PartSigner:
		s := &r.Signer
		b.line(FieldAuthority, "Thẩm quyền ký", "Ví dụ: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH; để trống nếu Chủ tịch ký trực tiếp.", &s.Authority,
			"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
		b.line(FieldSignerTitle, "Chức vụ người ký", "Chữ in hoa, ví dụ: CHỦ TỊCH, PHÓ CHỦ TỊCH.", &s.Title, "CHỦ TỊCH", "PHÓ CHỦ TỊCH")
		b.line(FieldSignerName, "Họ và tên người ký", "Ví dụ: Khúc Văn Sinh.", &s.Name)
		b.derived(FieldClosing, "Câu kết (sửa nếu cần)", "câu tự động", &r.Closing, 3, r.DerivedClosing, func() (string, string) {
			if r.Overridden(FieldClosing) {
				return "Câu kết (đã sửa)", r.ClosingSentence()
			}
			return "Câu kết tự động", r.DerivedClosing()
		})
	case PartIndicators, PartRecipients:
	default:
		b.textPart(p)
	}
	return b.fs
}

// fieldList collects the fields of a part.
type fieldList struct {
	r  *Report
	fs []FieldSpec
}

func (b *fieldList) add(f FieldSpec) { b.fs = append(b.fs, f) }

// line adds a one-line field, with its usual values.
func (b *fieldList) line(key, label, hint string, v *string, choices ...string) {
	b.add(FieldSpec{Key: key, Label: label, Hint: hint, Kind: LineField, Text: v, Choices: choices})
}

func (b *fieldList) date(key, label, hint string, v *Date) {
	b.add(FieldSpec{Key: key, Label: label, Hint: hint, Kind: DateField, Date: v, Placeholder: "ngày/tháng/năm"})
}

// derived adds a text the report words itself (auto, named name in
// hints) until the official rewrites it; shown is what the report prints.
func (b *fieldList) derived(key, label, name string, v *string, rows int, auto func() string, shown func() (string, string)) {
	r := b.r
	b.add(FieldSpec{
		Key: key, Label: label, Kind: TextField, Text: v, Rows: rows,
		Hint:    "Để trống thì dùng " + name + " ở trên.",
		Derived: auto, DerivedName: name,
		Take:  func() string { return r.TakeDerived(key) },
		Shown: shown,
	})
}

// textPart adds what a section's text or one of its items asks: its text,
// which fills the height the other fields leave, and the title of an item
// the official added or the heading of a section named after the next
// period.
func (b *fieldList) textPart(p Part) {
	r := b.r
	if p.Section < 0 || p.Section >= len(r.Sections) {
		return
	}
	var suggest func() string
	if r.Offers(p) {
		suggest = func() string { return r.Suggestion(p) }
	}
	s := &r.Sections[p.Section]
	if p.Item < 0 {
		ts := r.Kind().Section(s.ID)
		prompt := ""
		if ts != nil {
			prompt = r.Fill(ts.Prompt)
		}
		b.add(FieldSpec{Key: FieldText(p.ID), Label: "Nội dung", Hint: prompt, Kind: TextField, Text: &s.Text, Rows: 2, Fill: true, Suggest: suggest})
		if ts == nil || !ts.NextPeriodHeading {
			return
		}
		// Section V: its heading names the next period and can be
		// reworded, below the text, which is what the official usually
		// writes.
		id := s.ID
		b.derived(FieldHeading(id), "Tiêu đề phần (sửa nếu cần)", "tiêu đề tự động", &s.Heading, 2,
			func() string { return r.DerivedSectionTitle(id) },
			func() (string, string) { return "Tiêu đề phần", r.SectionHeading(id) })
		return
	}
	if p.Item >= len(s.Items) {
		return
	}
	it := &s.Items[p.Item]
	if it.Key == "" {
		b.line(FieldItemTitle(p.ID), "Tiêu đề mục (có thể để trống)", "Mục do bạn thêm; để trống tiêu đề thì nội dung viết ngay sau số thứ tự.", &it.Title)
	}
	prompt := "Viết nội dung của mục; mỗi dòng một đoạn, dòng bắt đầu bằng «- » là gạch đầu dòng."
	if ti := r.Kind().Item(it.Key); ti != nil {
		prompt = r.Fill(ti.Prompt)
	}
	b.add(FieldSpec{Key: FieldText(p.ID), Label: "Nội dung", Hint: prompt, Kind: TextField, Text: &it.Text, Rows: 2, Fill: true, Suggest: suggest})
}
