package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// Messages of the review screen.
type (
	// jumpMsg asks the wizard to show a problem's part and field.
	jumpMsg struct{ p report.Problem }
	// backToWizardMsg leaves the review for the wizard.
	backToWizardMsg struct{}
	// exportOpenMsg asks for the export screen of the open draft.
	exportOpenMsg struct{}
)

// reviewScreen shows the whole report as the PDF will read, then every
// problem Check finds, each a link to its field.
type reviewScreen struct {
	common
	r        *report.Report
	problems report.Problems
	lines    []string
	probLine []int // the line of each problem
	sel      int   // selected problem, -1 for none
	top      int
	drawnFor int // the width lines were laid out for
}

// newReviewScreen shows r and its problems, its «Cùng kỳ năm trước»
// compared with last year's draft last (nil when there is none).
func newReviewScreen(c common, r *report.Report, last *report.Entry, problems bool) *reviewScreen {
	s := &reviewScreen{common: c, r: r, sel: -1}
	s.problems = report.CheckAgainst(r, c.now().Year(), last)
	s.layout()
	if problems {
		s.showProblems()
	}
	return s
}

func (s *reviewScreen) SetSize(w, h int) {
	grew := h > s.height
	s.width, s.height = w, h
	if w != s.drawnFor {
		s.layout()
	}
	if !grew {
		// Fewer lines (a status line wrapped under the screen): the
		// problem selected stays in sight.
		s.keepSelected()
	}
}

// keepSelected scrolls, if need be, so that the selected problem is in
// sight.
func (s *reviewScreen) keepSelected() {
	if s.sel < 0 || s.sel >= len(s.probLine) {
		return
	}
	if line := s.probLine[s.sel]; line >= s.top+s.viewHeight()-1 {
		s.top = min(line-s.viewHeight()+2, s.maxTop())
	}
}

func (s *reviewScreen) Typing() bool { return false }

// viewHeight is the number of lines of text shown under the title.
func (s *reviewScreen) viewHeight() int { return max(s.height-1, 3) }

// layout lays out the document and its problems for the width.
func (s *reviewScreen) layout() {
	w := min(s.width-2, 90)
	s.drawnFor = s.width
	s.lines = documentLines(s.st, s.r.Outline(), w)
	s.probLine = s.probLine[:0]
	add := func(l ...string) { s.lines = append(s.lines, l...) }
	add("", strings.Repeat("─", w))
	errs, warns := 0, 0
	for _, p := range s.problems {
		if p.Severity == report.Error {
			errs++
		} else {
			warns++
		}
	}
	if len(s.problems) == 0 {
		add(s.st.OK.Render("Kiểm tra: không có lỗi hay lưu ý nào. Có thể xuất báo cáo."))
		return
	}
	head := fmt.Sprintf("Kiểm tra: %d lỗi, %d lưu ý.", errs, warns)
	if errs > 0 {
		head += " Cần sửa hết lỗi trước khi xuất báo cáo."
	}
	k := s.keys
	add(s.st.Strong.Render(head), s.st.Dim.Render(keyName(k.NextProblem)+"/"+keyName(k.PrevProblem)+" chọn, "+keyName(k.Open)+" để đến chỗ cần sửa."))
	for _, p := range s.problems {
		s.probLine = append(s.probLine, len(s.lines))
		mark, style := "✗ ", s.st.Error
		if p.Severity == report.Warning {
			mark, style = "△ ", s.st.Warning
		}
		for j, l := range strings.Split(wrapText(mark+p.Message, w-2), "\n") {
			if j > 0 {
				l = "  " + l
			}
			add(style.Render(l))
		}
	}
}

// showProblems scrolls to the list of problems and selects the first.
func (s *reviewScreen) showProblems() {
	if len(s.probLine) == 0 {
		s.top = s.maxTop()
		return
	}
	s.sel = 0
	s.top = min(max(0, s.probLine[0]-3), s.maxTop())
}

func (s *reviewScreen) maxTop() int { return max(0, len(s.lines)-s.viewHeight()) }

func (s *reviewScreen) selectProblem(i int) {
	if len(s.problems) == 0 {
		return
	}
	s.sel = (i + len(s.problems)) % len(s.problems)
	line := s.probLine[s.sel]
	if line < s.top || line >= s.top+s.viewHeight()-1 {
		s.top = min(max(0, line-s.viewHeight()/2), s.maxTop())
	}
}

func (s *reviewScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			s.top = max(0, s.top-3)
		case tea.MouseWheelDown:
			s.top = min(s.maxTop(), s.top+3)
		}
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *reviewScreen) key(km tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(km, k.Up):
		s.top = max(0, s.top-1)
	case key.Matches(km, k.Down):
		s.top = min(s.maxTop(), s.top+1)
	case key.Matches(km, k.PageDown):
		s.top = min(s.maxTop(), s.top+s.viewHeight()-1)
	case key.Matches(km, k.PageUp):
		s.top = max(0, s.top-s.viewHeight()+1)
	case key.Matches(km, k.Home):
		s.top = 0
	case key.Matches(km, k.End):
		s.top = s.maxTop()
	case key.Matches(km, k.NextProblem):
		s.selectProblem(s.sel + 1)
	case key.Matches(km, k.PrevProblem):
		s.selectProblem(max(s.sel, 0) - 1)
	case key.Matches(km, k.Open):
		if s.sel >= 0 && s.sel < len(s.problems) {
			return cmdOf(jumpMsg{p: s.problems[s.sel]})
		}
		s.selectProblem(0)
	case key.Matches(km, k.Export):
		return cmdOf(exportOpenMsg{})
	case key.Matches(km, k.Back):
		return cmdOf(backToWizardMsg{})
	}
	return nil
}

func (s *reviewScreen) View() string {
	h := s.viewHeight()
	s.top = min(s.top, s.maxTop())
	title := "Xem lại báo cáo"
	if n := len(s.lines); n > h {
		title += fmt.Sprintf("  (dòng %d–%d / %d)", s.top+1, min(s.top+h, n), n)
	}
	out := []string{s.st.Title.Render(title)}
	selStart, selEnd := -1, -1
	if s.sel >= 0 && s.sel < len(s.probLine) {
		selStart = s.probLine[s.sel]
		selEnd = len(s.lines)
		if s.sel+1 < len(s.probLine) {
			selEnd = s.probLine[s.sel+1]
		}
	}
	for i := s.top; i < len(s.lines) && i < s.top+h; i++ {
		l := s.lines[i]
		if i >= selStart && i < selEnd {
			l = s.st.ProblemCurrent.Render("›" + stripANSI(l))
		} else {
			l = " " + l
		}
		out = append(out, l)
	}
	return fitHeight(strings.Join(out, "\n"), h+1)
}

func (s *reviewScreen) ShortHelp() []key.Binding {
	k := s.keys
	return []key.Binding{
		redescribe(k.Back, "về soạn thảo"),
		k.NextProblem,
		redescribe(k.Open, "đến chỗ sửa"),
		k.Export,
		relabel(k.Up, keyName(k.Up)+" "+keyName(k.PageUp)+"/"+keyName(k.PageDown), "cuộn"),
	}
}

func (s *reviewScreen) FullHelp() []helpGroup {
	k := s.keys
	return []helpGroup{{"Xem lại", []key.Binding{
		relabel(k.Up, keyName(k.Up)+", "+keyName(k.PageUp)+"/"+keyName(k.PageDown), "cuộn"),
		relabel(k.NextProblem, keyName(k.NextProblem)+", "+keyName(k.Open), "chọn lỗi, đến chỗ cần sửa"),
		full(k.Export, "xuất tệp "+kindsWords()+";  "+keyName(k.Back)+": về soạn thảo"),
	}}}
}
