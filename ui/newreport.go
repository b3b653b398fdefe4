package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"baocao/report"
)

// cancelMsg asks to leave a screen without doing anything.
type cancelMsg struct{}

// newScreen asks for the unit and the period of a new report.
type newScreen struct {
	st    *Styles
	keys  *KeyMap
	store *report.Store

	entries []report.Entry
	latest  *report.Report // the newest readable draft, or nil
	unit    string
	choice  string
	year    string
	form    *huh.Form
	note    string

	// dup is the draft of the same unit and period found on creating,
	// while asking whether to open it; anyway says to create regardless.
	dup       *report.Entry
	dupChoice string
	anyway    bool

	width, height int
}

func newNewScreen(st *Styles, keys *KeyMap, store *report.Store, entries []report.Entry, now time.Time, width, height int) (*newScreen, tea.Cmd) {
	s := &newScreen{st: st, keys: keys, store: store, entries: entries, width: width, height: height}
	for _, e := range entries {
		// The built-in example, opened to look at, is not the official's
		// unit: its name, signer and recipients are not copied.
		if e.Report != nil && !isExample(e.Report) {
			s.latest = e.Report
			break
		}
	}
	p := report.CurrentQuarter(now)
	s.choice = periodChoice(p)
	s.year = strconv.Itoa(p.Year)
	if s.latest != nil {
		s.unit = s.latest.Locality()
	}
	return s, s.build()
}

func (s *newScreen) build() tea.Cmd {
	desc := "Ví dụ: xã Dương Hưu, phường Võ Cường."
	if s.latest != nil {
		desc = "Lấy từ bản nháp gần nhất; các thông tin khác của đơn vị (người ký, nơi nhận…) cũng được chép sang."
	}
	s.form = newForm(s.st, min(s.width-4, 72), 0,
		huh.NewInput().Key("unit").Title("Tên xã, phường").Description(desc).Value(&s.unit),
		huh.NewSelect[string]().Key("period").Title("Kỳ báo cáo").Options(periodOptions()...).Value(&s.choice).Inline(true),
		huh.NewInput().Key("year").Title("Năm").Value(&s.year),
	)
	return s.form.Init()
}

// isExample reports whether r is the built-in example, still with its unit
// and signer.
func isExample(r *report.Report) bool {
	ex := report.Sample()
	return strings.EqualFold(r.Locality(), ex.Locality()) && r.Signer.Name == ex.Signer.Name
}

// askDup asks whether to open the draft e, of the same unit and period,
// rather than create another. The question is drawn by the screen itself
// (a huh Select here showed only its first option).
func (s *newScreen) askDup(e *report.Entry) tea.Cmd {
	s.dup = e
	s.dupChoice = "open"
	return nil
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

// dupChoices are the answers to the question about s.dup.
var dupChoices = []struct{ key, label string }{
	{"open", "Mở bản nháp đã có"},
	{"new", "Vẫn tạo bản nháp mới"},
}

// updateDup handles a key while asking about s.dup.
func (s *newScreen) updateDup(km tea.KeyPressMsg) tea.Cmd {
	switch km.String() {
	case "up", "k", "shift+tab":
		s.dupChoice = dupChoices[0].key
	case "down", "j", "tab":
		s.dupChoice = dupChoices[1].key
	case "enter":
		e := s.dup
		s.dup = nil
		if s.dupChoice == "open" {
			return cmdOf(openDraftMsg{path: e.Path})
		}
		s.anyway = true
		return s.create()
	}
	return nil
}

// existing returns the draft of r's unit and period, or nil.
func (s *newScreen) existing(r *report.Report) *report.Entry {
	for i, e := range s.entries {
		if e.Report != nil && strings.EqualFold(e.Report.Locality(), r.Locality()) && e.Report.Period == r.Period {
			return &s.entries[i]
		}
	}
	return nil
}

func (s *newScreen) SetSize(w, h int) tea.Cmd {
	if w == s.width && h == s.height {
		return nil
	}
	s.width, s.height = w, h
	s.form = s.form.WithWidth(min(w-4, 72))
	return nil
}

func (s *newScreen) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, s.keys.Back) {
		if s.dup != nil {
			// Back to the answers.
			s.dup = nil
			return s.build()
		}
		return cmdOf(cancelMsg{})
	}
	if s.dup != nil {
		if km, ok := msg.(tea.KeyPressMsg); ok {
			return s.updateDup(km)
		}
		return nil
	}
	m, cmd := s.form.Update(oneLinePaste(msg, " "))
	s.form = m.(*huh.Form)
	if s.form.State != huh.StateCompleted {
		return cmd
	}
	return s.create()
}

// create makes the draft from the answers, unless one of the same unit
// and period exists and the official has not chosen to make another.
func (s *newScreen) create() tea.Cmd {
	r, err := s.report()
	if err != "" {
		s.note = err
		return s.build()
	}
	if e := s.existing(r); e != nil && !s.anyway {
		return s.askDup(e)
	}
	s.anyway = false
	path, cerr := s.store.Create(r)
	if cerr != nil {
		s.note = "Không tạo được bản nháp: " + cerr.Error()
		return s.build()
	}
	return cmdOf(openDraftMsg{path: path, fresh: true})
}

// report builds the new report from the answers.
func (s *newScreen) report() (*report.Report, string) {
	unit := strings.TrimSpace(s.unit)
	if unit == "" {
		return nil, "Hãy nhập tên xã, phường (ví dụ: xã Dương Hưu)."
	}
	year, err := strconv.Atoi(strings.TrimSpace(s.year))
	if err != nil || year < 1945 || year > 9999 {
		return nil, fmt.Sprintf("Năm «%s» không hợp lệ (ví dụ: 2026).", s.year)
	}
	p := choicePeriod(s.choice, year)
	if s.latest != nil && strings.EqualFold(unit, s.latest.Locality()) {
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
		return r, ""
	}
	r := report.New(p)
	lower := unit
	for _, k := range []string{"Xã ", "Phường ", "Thị trấn ", "Đặc khu "} {
		if strings.HasPrefix(lower, k) {
			lower = strings.ToLower(k) + strings.TrimPrefix(lower, k)
		}
	}
	place := lower
	for _, k := range []string{"xã ", "phường ", "thị trấn ", "đặc khu "} {
		place = strings.TrimPrefix(place, k)
	}
	r.Header.Agency = []string{"ỦY BAN NHÂN DÂN", strings.ToUpper(lower)}
	r.Header.ShortName = "UBND " + lower
	r.Header.Place = place
	r.Header.Date = report.Date{Year: year}
	return r, ""
}

func (s *newScreen) View() string {
	if s.dup != nil {
		out := []string{s.st.Title.Render("Tạo báo cáo mới"), "", s.st.Strong.Render(wrapText(s.dupQuestion(), min(s.width-4, 72))), ""}
		for _, c := range dupChoices {
			if c.key == s.dupChoice {
				out = append(out, s.st.Strong.Render("›")+" "+s.st.Selected.Render(" "+c.label+" "))
			} else {
				out = append(out, "   "+c.label)
			}
		}
		return strings.Join(out, "\n")
	}
	out := []string{s.st.Title.Render("Tạo báo cáo mới"), "", s.form.View()}
	if s.note != "" {
		out = append(out, "", s.st.Error.Render(wrapText(s.note, s.width)))
	}
	return strings.Join(out, "\n")
}

func (s *newScreen) Help() []key.Binding {
	if s.dup != nil {
		return []key.Binding{
			key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "chọn")),
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "đồng ý")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "sửa lại tên, kỳ")),
			s.keys.Help,
		}
	}
	return []key.Binding{
		key.NewBinding(key.WithKeys("tab"), key.WithHelp("Tab/Enter", "ô sau")),
		key.NewBinding(key.WithKeys("left"), key.WithHelp("←/→", "chọn kỳ")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "hủy")),
		s.keys.Help,
	}
}

func stripANSI(s string) string { return ansi.Strip(s) }

// oneLinePaste joins the lines of a paste with sep, for forms whose fields
// are all one line; other messages pass unchanged.
func oneLinePaste(msg tea.Msg, sep string) tea.Msg {
	if pm, ok := msg.(tea.PasteMsg); ok {
		pm.Content = strings.NewReplacer("\r\n", sep, "\r", sep, "\n", sep).Replace(pm.Content)
		return pm
	}
	return msg
}
