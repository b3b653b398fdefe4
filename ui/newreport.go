package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"baocao/report"
)

// newScreen asks for the unit and the period of a new report, and makes
// its draft: exactly one, whatever keys arrive with the confirmation.
type newScreen struct {
	common
	store *report.Store

	entries []report.Entry
	latest  *report.Report // the newest readable draft, or nil
	// kinds are the report kinds to choose from; the choice is offered
	// only when there are several. kindID is the one chosen.
	kinds  []*report.Kind
	kindID string
	unit   string
	choice string
	year   string
	form   *huh.Form
	note   string
	// noteField is the key of the field the note is about: it keeps the
	// focus when the form is shown again.
	noteField string

	// unitInput is the unit's field. prefilled is set while it holds the
	// unit copied from the latest draft, untouched: the first character
	// typed or pasted replaces it, as a selected default; any other key
	// (an arrow, Backspace) edits it instead.
	unitInput *huh.Input
	prefilled bool

	// askYear is the question about a year far from the current one, and
	// yearOK the year the official said is right.
	askYear *confirmation
	yearOK  int

	// dup is the draft of the same unit and period found on creating,
	// while asking whether to open it; openDup is the answer under the
	// cursor.
	dup     *report.Entry
	openDup bool
	// made is set once the draft is made or opened: the screen is leaving
	// and takes no more keys.
	made bool
}

func newNewReport(c common, store *report.Store, entries []report.Entry, kinds []*report.Kind) (*newScreen, tea.Cmd) {
	s := &newScreen{common: c, store: store, entries: entries, kinds: kinds, kindID: report.DefaultKindID}
	for _, e := range entries {
		// The built-in example, opened to look at, is not the official's
		// unit: its name, signer and recipients are not copied.
		if e.Report != nil && !isExample(e.Report) {
			s.latest = e.Report
			break
		}
	}
	p := report.CurrentQuarter(c.now())
	s.choice = p.Choice()
	s.year = strconv.Itoa(p.Year)
	if s.latest != nil {
		s.unit = s.latest.Locality()
		s.prefilled = s.unit != ""
	}
	return s, s.build()
}

// fields are the keys of the form's fields, in order: the kind, when
// there is a choice, then the unit, the period and its year.
func (s *newScreen) fields() []string {
	if len(s.kinds) > 1 {
		return []string{"kind", "unit", "period", "year"}
	}
	return []string{"unit", "period", "year"}
}

// kind is the kind chosen.
func (s *newScreen) kind() *report.Kind {
	for _, k := range s.kinds {
		if k.ID == s.kindID {
			return k
		}
	}
	return report.BuiltinKind(report.DefaultKindID)
}

func (s *newScreen) formWidth() int { return min(s.width-4, 72) }

func (s *newScreen) build() tea.Cmd {
	desc := "Ví dụ: xã Dương Hưu, phường Võ Cường."
	if s.latest != nil {
		desc = "Lấy từ bản nháp gần nhất; các thông tin khác của đơn vị (người ký, nơi nhận…) cũng được chép sang."
		if s.prefilled {
			desc += " Gõ tên khác để thay tên này; " + keyName(s.keys.Text.Left) + " hoặc " + keyName(s.keys.Text.DeleteBack) + " để sửa nó."
		}
	}
	s.unitInput = huh.NewInput().Key("unit").Title("Tên xã, phường").Description(desc).Value(&s.unit)
	var fields []huh.Field
	if len(s.kinds) > 1 {
		var opts []huh.Option[string]
		for _, k := range s.kinds {
			opts = append(opts, huh.NewOption(k.Name, k.ID))
		}
		fields = append(fields, huh.NewSelect[string]().Key("kind").Title("Loại báo cáo").
			Description("Chọn bằng ↑/↓.").Options(opts...).Value(&s.kindID))
	}
	s.form = newForm(&s.common, s.formWidth(), 0, append(fields,
		s.unitInput,
		huh.NewSelect[string]().Key("period").Title("Kỳ báo cáo").Options(periodOptions()...).Value(&s.choice).Inline(true),
		huh.NewInput().Key("year").Title("Năm").Value(&s.year),
	)...)
	cmd := s.form.Init()
	if s.noteField != "" {
		cmd = tea.Batch(cmd, focusKey(s.form, s.fields(), s.noteField))
	}
	return cmd
}

// isExample reports whether r is the built-in example, still with its unit
// and signer.
func isExample(r *report.Report) bool {
	ex := report.Sample()
	return strings.EqualFold(r.Locality(), ex.Locality()) && r.Signer.Name == ex.Signer.Name
}

// existing returns the draft of r's unit and period, or nil.
func (s *newScreen) existing(r *report.Report) *report.Entry {
	for i, e := range s.entries {
		if e.Report != nil && report.SameUnit(e.Report, r) && e.Report.Period == r.Period {
			return &s.entries[i]
		}
	}
	return nil
}

func (s *newScreen) SetSize(w, h int) {
	if w == s.width && h == s.height {
		return
	}
	s.width, s.height = w, h
	s.form = s.form.WithWidth(s.formWidth())
}

func (s *newScreen) Typing() bool { return s.dup == nil && s.askYear == nil && !s.made }

func (s *newScreen) Update(msg tea.Msg) tea.Cmd {
	if s.made {
		return nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok && s.askYear != nil {
		done, cmd := s.askYear.answer(km, s.keys)
		if done {
			s.askYear = nil
			if cmd == nil {
				// No: back to the year, to correct it.
				return focusKey(s.form, s.fields(), "year")
			}
		}
		return cmd
	}
	if km, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(km, s.keys.Back) {
			if s.dup != nil {
				// Back to the answers.
				s.dup = nil
				return s.build()
			}
			return cmdOf(showDraftsMsg{})
		}
		if s.dup != nil {
			return s.answerDup(km)
		}
		if handled, done, cmd := advance(s.form, s.fields(), km, s.keys); handled {
			if done {
				return s.create(false)
			}
			return cmd
		}
	}
	if s.dup != nil || s.askYear != nil {
		return nil
	}
	s.replacePrefilled(msg)
	var cmd tea.Cmd
	s.form, cmd = updateForm(s.form, oneLinePaste(msg, " "))
	return cmd
}

// replacePrefilled empties the prefilled unit before the first character
// typed or pasted into it; another key reaching the unit's field (moving
// the cursor, deleting) makes it an ordinary text to edit.
func (s *newScreen) replacePrefilled(msg tea.Msg) {
	if !s.prefilled {
		return
	}
	if f := s.form.GetFocusedField(); f == nil || f.GetKey() != "unit" {
		return
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		s.prefilled = false
		if typed(msg) {
			s.unit = ""
			s.unitInput.Value(&s.unit)
		}
	case tea.PasteMsg:
		s.prefilled = false
		s.unit = ""
		s.unitInput.Value(&s.unit)
	}
}

// answerDup handles a key while asking about s.dup: open it, or make
// another draft anyway.
func (s *newScreen) answerDup(km tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(km, k.Up), key.Matches(km, k.PrevField):
		s.openDup = true
	case key.Matches(km, k.Down), key.Matches(km, k.NextField):
		s.openDup = false
	case key.Matches(km, k.Open):
		e := s.dup
		s.dup = nil
		if s.openDup {
			s.made = true
			return cmdOf(openDraftMsg{path: e.Path})
		}
		return s.create(true)
	}
	return nil
}

// create makes the draft from the answers, unless one of the same unit and
// period exists and the official has not chosen to make another.
func (s *newScreen) create(anyway bool) tea.Cmd {
	r, field, err := s.answers()
	if err != "" {
		s.note, s.noteField = err, field
		return s.build()
	}
	s.note, s.noteField = "", ""
	if y := r.Period.Year; y != s.yearOK && report.YearNeedsConfirmation(y, s.now().Year()) {
		s.askYear = &confirmation{
			question: "Năm " + strconv.Itoa(y) + " cách năm nay (" + strconv.Itoa(s.now().Year()) + ") hơn một năm. Tạo báo cáo " + r.Period.Phrase() + "?",
			yes: func() tea.Cmd {
				s.yearOK = y
				return s.create(anyway)
			},
		}
		return nil
	}
	if e := s.existing(r); e != nil && !anyway {
		s.dup, s.openDup = e, true
		return nil
	}
	note := s.fillLastYear(r)
	path, cerr := s.store.Create(r)
	if cerr != nil {
		s.note = "Không tạo được bản nháp: " + cerr.Error()
		return s.build()
	}
	s.made = true
	return cmdOf(openDraftMsg{path: path, fresh: true, note: note})
}

// fillLastYear fills the new report r's «Cùng kỳ năm trước» from last
// year's draft of its unit among the drafts, and returns the sentence that
// says so, or "".
func (s *newScreen) fillLastYear(r *report.Report) string {
	return report.FillLastYear(r, report.LastYearIn(s.entries, r))
}

// report builds the new report from the answers, or says what is wrong
// with them.
func (s *newScreen) report() (*report.Report, string) {
	r, _, problem := s.answers()
	return r, problem
}

// answers builds the new report from the answers; when one is wrong, it
// says why and the key of its field.
func (s *newScreen) answers() (_ *report.Report, field, problem string) {
	unit := strings.TrimSpace(s.unit)
	if unit == "" {
		return nil, "unit", "Hãy nhập tên xã, phường (ví dụ: xã Dương Hưu)."
	}
	year, err := strconv.Atoi(strings.TrimSpace(s.year))
	if err != nil || !report.YearValid(year) {
		return nil, "year", badYear(s.year)
	}
	p := report.ChosenPeriod(s.choice, year)
	k := s.kind()
	if !k.WrittenFor(p.Kind) {
		var names []string
		for _, pk := range k.Periods {
			names = append(names, pk.Name())
		}
		return nil, "period", "Loại báo cáo «" + k.Name + "» không làm theo " + p.Kind.Name() + "; chọn kỳ: " + strings.Join(names, ", ") + "."
	}
	if s.latest != nil && strings.EqualFold(unit, s.latest.Locality()) && s.latest.Kind().ID == k.ID {
		r := report.Next(s.latest, nil)
		r.Period = p
		r.Header.Date = report.Date{Year: year}
		for si := range r.Sections {
			r.Sections[si].Text = ""
			var items []report.Item
			for _, it := range r.Sections[si].Items {
				if it.Key != "" {
					items = append(items, report.Item{Key: it.Key, Title: it.Title})
				}
			}
			r.Sections[si].Items = items
		}
		for i := range r.Indicators {
			r.Indicators[i].LastYear = ""
		}
		return r, "", ""
	}
	r := report.NewReport(k, p)
	r.SetUnit(unit)
	if s.latest != nil && strings.EqualFold(unit, s.latest.Locality()) {
		// Another kind of report by the same unit: its header, signer and
		// recipients are the unit's.
		r.Header.ParentAgency = s.latest.Header.ParentAgency
		r.Header.Agency = append([]string(nil), s.latest.Header.Agency...)
		r.Header.ShortName, r.Header.Place = s.latest.Header.ShortName, s.latest.Header.Place
		r.Signer = s.latest.Signer
		r.Recipients, r.Archive = append([]string(nil), s.latest.Recipients...), s.latest.Archive
	}
	r.Header.Date = report.Date{Year: year}
	return r, "", ""
}

// dupQuestion is the question asked about the draft s.dup.
func (s *newScreen) dupQuestion() string {
	e := s.dup
	q := "Đã có bản nháp của " + e.Report.Locality() + " " + e.Report.Period.Phrase()
	if saved := savedLabel(e.Saved); saved != "" {
		q += " (lưu lúc " + saved + ")"
	}
	return q + "."
}

func (s *newScreen) View() string {
	out := []string{s.st.Title.Render("Tạo báo cáo mới"), ""}
	if s.dup != nil {
		out = append(out, s.st.Strong.Render(wrapText(s.dupQuestion(), s.formWidth())), "")
		for _, c := range []struct {
			open  bool
			label string
		}{{true, "Mở bản nháp đã có"}, {false, "Vẫn tạo bản nháp mới"}} {
			if c.open == s.openDup {
				out = append(out, s.st.Strong.Render("›")+" "+s.st.Selected.Render(" "+c.label+" "))
			} else {
				out = append(out, "   "+c.label)
			}
		}
		return padLines(strings.Join(out, "\n"))
	}
	out = append(out, s.form.View())
	if s.note != "" {
		out = append(out, "", s.st.Error.Render(wrapText(s.note, s.width-2)))
	}
	if s.askYear != nil {
		out = append(out, "")
		out = append(out, wrapStyled(s.st.Warning.Bold(true), s.askYear.line(s.keys), s.width)...)
	}
	return padLines(strings.Join(out, "\n"))
}

func (s *newScreen) ShortHelp() []key.Binding {
	k := s.keys
	if s.dup != nil {
		return []key.Binding{relabel(k.Up, "", "chọn"), redescribe(k.Open, "đồng ý"), redescribe(k.Back, "sửa lại tên, kỳ")}
	}
	if s.askYear != nil {
		return []key.Binding{redescribe(k.Yes, "đúng năm này"), redescribe(k.No, "sửa lại năm")}
	}
	return []key.Binding{
		relabel(k.NextField, keyName(k.NextField)+"/"+keyName(k.Open), "ô sau"),
		redescribe(k.Choose, "chọn kỳ"),
		redescribe(k.Back, "hủy"),
	}
}

func (s *newScreen) FullHelp() []helpGroup {
	k := s.keys
	return []helpGroup{{"Tạo báo cáo mới", []key.Binding{
		relabel(k.NextField, keyName(k.NextField)+"/"+keyName(k.Open), "ô sau; ở ô cuối: tạo bản nháp"),
		redescribe(k.Choose, "chọn kỳ báo cáo"),
		redescribe(k.Back, "hủy, về danh sách bản nháp"),
	}}}
}
