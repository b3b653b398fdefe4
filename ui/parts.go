package ui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"baocao/report"
)

// fieldInfo is what the wizard knows of one field of a part's form, by its
// huh key (the report's field name, see report.Field…).
type fieldInfo struct {
	title string
	desc  string
	// text is the bound string, for the suggestion and editor keys.
	text *string
	// multiline marks long text, which the external editor can open.
	multiline bool
	// lines is the height of a long text's box.
	lines int
	// suggest is the wording the suggestion key inserts, or nil.
	suggest func() string
	// parseErr reports a value the field could not read (a date, a year),
	// shown with the field's problems.
	parseErr func() string
}

// partForm is the form of one part: the huh fields bound to the report, the
// code that copies edited values back, and the live derived text.
type partForm struct {
	part   report.Part
	form   *huh.Form
	fields map[string]*fieldInfo
	order  []string // field keys in form order
	// sync copies values that cannot be bound directly (lines, dates,
	// periods) into the report.
	sync func()
	// preview is the derived text shown above the form, and its label.
	preview func() (label, text string)
	// list is set for the parts edited as rows (indicators, recipients).
	list *listEditor
	// topped notes the long texts already moved to their start since the
	// form was built.
	topped map[string]bool
	// inputs are the one-line fields by key; homed notes those shown from
	// their start since they lost the focus (see homeInputs).
	inputs map[string]*huh.Input
	homed  map[string]bool
}

// homeInputs shows every one-line field but the focused one from its start:
// a long value otherwise stays scrolled to where it was edited, its
// beginning hidden ("> o cáo kết quả…"). The focused field, if it was
// shown from its start, gets its cursor back at the end.
func (pf *partForm) homeInputs() tea.Cmd {
	if pf == nil || pf.form == nil || len(pf.inputs) == 0 {
		return nil
	}
	changed := false
	focused := ""
	if f := pf.form.GetFocusedField(); f != nil {
		focused = f.GetKey()
	}
	if pf.homed == nil {
		pf.homed = map[string]bool{}
	}
	for k, in := range pf.inputs {
		switch {
		case k == focused:
			if pf.homed[k] {
				delete(pf.homed, k)
				in.Update(tea.KeyPressMsg{Code: tea.KeyEnd})
				changed = true
			}
		case !pf.homed[k]:
			// huh's text input moves only while focused.
			in.Focus()
			in.Update(tea.KeyPressMsg{Code: tea.KeyHome})
			in.Blur()
			pf.homed[k] = true
			changed = true
		}
	}
	if !changed {
		return nil
	}
	// The form draws its fields once per message: draw them again.
	m, cmd := pf.form.Update(redrawMsg{})
	pf.form = m.(*huh.Form)
	return cmd
}

// redrawMsg makes a huh form draw its fields again.
type redrawMsg struct{}

// formBuilder collects the fields of a part.
type formBuilder struct {
	pf     *partForm
	fields []huh.Field
	syncs  []func()
	width  int
	height int
}

func newBuilder(p report.Part, width, height int) *formBuilder {
	return &formBuilder{pf: &partForm{part: p, fields: map[string]*fieldInfo{}}, width: width, height: height}
}

// input adds a one-line field bound to s.
func (b *formBuilder) input(key, title, desc string, s *string) *huh.Input {
	in := huh.NewInput().Key(key).Title(title).Value(s)
	if desc != "" {
		in.Description(desc)
	}
	b.fields = append(b.fields, in)
	if b.pf.inputs == nil {
		b.pf.inputs = map[string]*huh.Input{}
	}
	b.pf.inputs[key] = in
	b.pf.fields[key] = &fieldInfo{title: title, desc: desc, text: s}
	b.pf.order = append(b.pf.order, key)
	return in
}

// text adds a multi-line field bound to s, lines tall.
func (b *formBuilder) text(key, title, desc string, s *string, lines int, suggest func() string) {
	t := huh.NewText().Key(key).Title(title).Value(s).ExternalEditor(false).ShowLineNumbers(false)
	if desc != "" {
		t.Description(desc)
	}
	t.Lines(max(lines, 2))
	b.fields = append(b.fields, t)
	b.pf.fields[key] = &fieldInfo{title: title, desc: desc, text: s, multiline: true, lines: max(lines, 2), suggest: suggest}
	b.pf.order = append(b.pf.order, key)
}

// lines adds a multi-line field for a list of one-line entries.
func (b *formBuilder) lines(key, title, desc string, dst *[]string, lines int) {
	s := strings.Join(*dst, "\n")
	b.text(key, title, desc, &s, lines, nil)
	b.syncs = append(b.syncs, func() {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimSpace(l) != "" {
				out = append(out, l)
			}
		}
		*dst = out
	})
}

// date adds a field for a date written d/m/yyyy, m/yyyy or yyyy.
func (b *formBuilder) date(key, title, desc string, dst *report.Date) {
	s := formatDate(*dst)
	var bad string
	b.input(key, title, desc, &s).Placeholder("ngày/tháng/năm")
	b.pf.fields[key].parseErr = func() string { return bad }
	b.syncs = append(b.syncs, func() {
		d, err := parseDate(s)
		if err != nil {
			bad = err.Error()
			return
		}
		bad = ""
		*dst = d
	})
}

// period adds the kind of period and its year.
func (b *formBuilder) period(p *report.Period) {
	choice := periodChoice(*p)
	year := ""
	if p.Year > 0 {
		year = strconv.Itoa(p.Year)
	}
	sel := huh.NewSelect[string]().Key(report.FieldPeriod).Title("Kỳ báo cáo").
		Options(periodOptions()...).Value(&choice).Inline(true)
	b.fields = append(b.fields, sel)
	b.pf.fields[report.FieldPeriod] = &fieldInfo{title: "Kỳ báo cáo"}
	b.pf.order = append(b.pf.order, report.FieldPeriod)
	var bad string
	b.input(report.FieldPeriod+".year", "Năm báo cáo", "", &year).Placeholder("2026")
	b.pf.fields[report.FieldPeriod+".year"].parseErr = func() string { return bad }
	b.syncs = append(b.syncs, func() {
		np := choicePeriod(choice, p.Year)
		y, err := strconv.Atoi(strings.TrimSpace(year))
		switch {
		case strings.TrimSpace(year) == "":
			bad = "Chưa nhập năm báo cáo."
		case err != nil || y < 1:
			bad = fmt.Sprintf("Năm «%s» không phải là một số năm (ví dụ: 2026).", year)
		default:
			bad = ""
			np.Year = y
		}
		*p = np
	})
}

// finish builds the huh form.
func (b *formBuilder) finish(st *Styles) *partForm {
	pf := b.pf
	syncs := b.syncs
	pf.sync = func() {
		for _, f := range syncs {
			f()
		}
	}
	if len(b.fields) > 0 {
		pf.form = newForm(st, b.width, b.height, b.fields...)
	}
	return pf
}

// newForm builds an embedded huh form the way every screen uses it.
func newForm(st *Styles, width, height int, fields ...huh.Field) *huh.Form {
	f := huh.NewForm(huh.NewGroup(fields...)).
		WithShowHelp(false).
		WithShowErrors(false).
		WithKeyMap(formKeyMap()).
		WithTheme(st.HuhTheme()).
		WithWidth(max(width, 20))
	if height > 0 {
		f = f.WithHeight(height)
	}
	return f
}

var periodChoices = []struct{ key, label string }{
	{"q1", "Quý I"}, {"q2", "Quý II"}, {"q3", "Quý III"}, {"q4", "Quý IV"},
	{"half", "6 tháng đầu năm"}, {"year", "Cả năm"},
}

func periodOptions() []huh.Option[string] {
	var out []huh.Option[string]
	for _, c := range periodChoices {
		out = append(out, huh.NewOption(c.label, c.key))
	}
	return out
}

func periodChoice(p report.Period) string {
	switch p.Kind {
	case report.HalfYear:
		return "half"
	case report.Year:
		return "year"
	}
	if p.Quarter >= 1 && p.Quarter <= 4 {
		return fmt.Sprintf("q%d", p.Quarter)
	}
	return "q1"
}

func choicePeriod(c string, year int) report.Period {
	switch c {
	case "half":
		return report.Period{Kind: report.HalfYear, Year: year}
	case "year":
		return report.Period{Kind: report.Year, Year: year}
	}
	q, _ := strconv.Atoi(strings.TrimPrefix(c, "q"))
	return report.Period{Kind: report.Quarter, Quarter: q, Year: year}
}

// formatDate writes a date as the date fields show it.
func formatDate(d report.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0 && d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%d/%d", d.Month, d.Year)
	}
	return fmt.Sprintf("%d/%d/%d", d.Day, d.Month, d.Year)
}

// parseDate reads "13/3/2026", "3/2026", "2026" or "" (also with "-" or
// "." between the numbers, and a blank or "…" day).
func parseDate(s string) (report.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return report.Date{}, nil
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	bad := fmt.Errorf("Ngày «%s» chưa đúng dạng: gõ ngày/tháng/năm (13/3/2026), hoặc tháng/năm (3/2026) để trống ngày.", s)
	var n []int
	for _, p := range f {
		p = strings.TrimSpace(strings.Trim(p, "…_ "))
		if p == "" {
			n = append(n, 0)
			continue
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return report.Date{}, bad
		}
		n = append(n, v)
	}
	switch len(n) {
	case 1:
		return report.Date{Year: n[0]}, nil
	case 2:
		return report.Date{Month: n[0], Year: n[1]}, nil
	case 3:
		return report.Date{Day: n[0], Month: n[1], Year: n[2]}, nil
	}
	return report.Date{}, bad
}

// buildPart builds the form of part p of r, width×height cells.
func buildPart(st *Styles, r *report.Report, p report.Part, width, height int) *partForm {
	b := newBuilder(p, width, height)
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
		b.text(report.FieldTitle, "Trích yếu (sửa nếu cần)", "Để trống thì dùng trích yếu tự động ở trên; Ctrl+Y chép trích yếu tự động vào đây để sửa.", &r.TitleText, 2, func() string { return r.TakeDerived(report.FieldTitle) })
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
		b.text(report.FieldOpening, "Câu mở đầu (sửa nếu cần)", "Để trống thì dùng câu tự động ở trên; Ctrl+Y chép câu tự động vào đây để sửa.", &r.Opening, 4, func() string { return r.TakeDerived(report.FieldOpening) })
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
		b.text(report.FieldClosing, "Câu kết (sửa nếu cần)", "Để trống thì dùng câu tự động ở trên; Ctrl+Y chép câu tự động vào đây để sửa.", &r.Closing, 3, func() string { return r.TakeDerived(report.FieldClosing) })
		b.pf.preview = func() (string, string) {
			if r.Overridden(report.FieldClosing) {
				return "Câu kết (đã sửa)", r.ClosingSentence()
			}
			return "Câu kết tự động", r.DerivedClosing()
		}
	case report.PartIndicators:
		b.pf.list = newIndicatorList(r)
	case report.PartRecipients:
		b.pf.list = newRecipientList(r)
	default:
		buildTextPart(b, r, p)
	}
	return b.finish(st)
}

// buildTextPart builds the form of a section's text or of one of its items.
func buildTextPart(b *formBuilder, r *report.Report, p report.Part) {
	if p.Section < 0 || p.Section >= len(r.Sections) {
		return
	}
	s := &r.Sections[p.Section]
	ts := report.TemplateSectionByID(s.ID)
	textLines := b.height - 1
	if p.Item < 0 {
		prompt, suggest := "", ""
		if ts != nil {
			prompt, suggest = ts.Prompt, ts.Suggested
		}
		textLines -= descLines(prompt, b.width)
		if ts == nil || !ts.NextPeriodHeading {
			b.text(report.FieldText(p.ID), "Nội dung", prompt, &s.Text, textLines, suggestion(r, suggest))
			return
		}
		// Section V: its heading names the next period and can be reworded,
		// below the text, which is what the official usually writes.
		headingDesc := "Để trống thì dùng tiêu đề tự động ở trên; Ctrl+Y chép tiêu đề tự động vào đây để sửa."
		textLines -= 3 + descLines(headingDesc, b.width)
		b.text(report.FieldText(p.ID), "Nội dung", prompt, &s.Text, textLines, suggestion(r, suggest))
		b.text(report.FieldHeading(s.ID), "Tiêu đề phần (sửa nếu cần)", headingDesc, &s.Heading, 2,
			func() string { return r.TakeDerived(report.FieldHeading(s.ID)) })
		b.pf.preview = func() (string, string) { return "Tiêu đề phần", r.SectionHeading(s.ID) }
		return
	}
	it := &s.Items[p.Item]
	ti := report.TemplateItemByKey(it.Key)
	if it.Key == "" {
		b.input(report.FieldItemTitle(p.ID), "Tiêu đề mục (có thể để trống)", "Mục do bạn thêm; để trống tiêu đề thì nội dung viết ngay sau số thứ tự.", &it.Title)
		textLines -= 4
	}
	prompt, suggest := "Viết nội dung của mục; mỗi dòng một đoạn, dòng bắt đầu bằng «- » là gạch đầu dòng.", ""
	if ti != nil {
		prompt, suggest = ti.Prompt, ti.Suggested
	}
	textLines -= descLines(prompt, b.width)
	b.text(report.FieldText(p.ID), "Nội dung", prompt, &it.Text, textLines, suggestion(r, suggest))
}

// suggestion offers the template's wording s, adapted to r's unit.
func suggestion(r *report.Report, s string) func() string {
	if s == "" {
		return nil
	}
	return func() string { return r.Suggested(s) }
}

// descLines is how many lines huh wraps a description into.
func descLines(s string, width int) int {
	if s == "" {
		return 0
	}
	w := max(width-2, 10)
	return strings.Count(wrapText(s, w), "\n") + 1
}
