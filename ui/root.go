package ui

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"baocao/report"
)

// termMsg says the process was asked to end (SIGTERM, SIGHUP, the console
// closing): save and go.
type termMsg struct{}

// model is the root model: it holds the current screen, the open draft and
// its saving, and handles the keys that work everywhere. It knows the
// screens only as screens: they ask for what they need with messages.
type model struct {
	common // the whole window
	opt    Options
	store  *report.Store

	cur  screen
	list *draftList // the screen that lists the drafts, kept
	wiz  *wizard    // the open draft's wizard, kept under its review and export
	d    *draft

	// inlineSaves writes drafts inside Update (tests).
	inlineSaves bool

	askQuit  bool
	quitNote string
	showHelp bool
	quitting bool

	// bottom are the lines under the screen: warnings, then the status.
	bottom []string
}

func newModel(opt Options) *model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	st, km := newStyles(true), defaultKeyMap()
	m := &model{common: common{st: &st, keys: &km, now: opt.Now, width: 80, height: 24}, opt: opt, store: &report.Store{Dir: opt.Dir}}
	m.list = newDraftList(m.body(), m.store)
	m.cur = m.list
	m.layout()
	return m
}

func (m *model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// body is what a screen gets: the window less the top bar, the lines under
// the screen and the key bar.
func (m *model) body() common {
	c := m.common
	c.height = max(m.height-2-len(m.bottom), 1)
	return c
}

// layout works out the lines under the screen and gives the screens their
// size when it changed.
func (m *model) layout() {
	m.bottom = m.bottomLines()
	b := m.body()
	for _, s := range []screen{m.list, m.cur} {
		s.SetSize(b.width, b.height)
	}
	if m.wiz != nil {
		m.wiz.SetSize(b.width, b.height)
	}
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if m.d != nil && m.d.dirty() && !m.quitting {
		cmd = tea.Batch(cmd, m.d.schedule())
	}
	m.layout()
	return m, cmd
}

func (m *model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return nil
	case tea.BackgroundColorMsg:
		if dark := msg.IsDark(); dark != m.st.dark {
			*m.st = newStyles(dark)
		}
		return nil
	case termMsg:
		m.closeDraft()
		m.quitting = true
		return tea.Quit
	case saveTickMsg:
		if m.d == nil || msg.path != m.d.path {
			return nil
		}
		m.d.pending = false
		return m.d.saveCmd(m.now)
	case savedMsg:
		if m.d == nil || msg.path != m.d.path {
			return nil
		}
		m.d.saved(msg)
		if msg.err != nil && !m.d.pending {
			m.d.pending = true
			path := m.d.path
			return tea.Tick(retryDelay, func(time.Time) tea.Msg { return saveTickMsg{path: path} })
		}
		return nil
	case settleMsg:
		if m.d != nil && msg.path == m.d.path {
			return m.d.settle(time.Now())
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg, tea.MouseClickMsg:
		if m.askQuit || m.showHelp {
			return nil
		}
		return m.cur.Update(msg)
	}
	if cmd, ok := m.navigate(msg); ok {
		return cmd
	}
	return m.cur.Update(msg)
}

// navigate handles the screens' requests to change screen; ok is false
// for any other message.
func (m *model) navigate(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case askQuitMsg:
		m.ask()
	case newReportMsg:
		s, cmd := newNewReport(m.body(), m.store, msg.entries, m.opt.Kinds.All())
		m.cur = s
		return cmd, true
	case showDraftsMsg:
		m.closeDraft()
		m.cur = m.list
		return m.list.Update(msg), true
	case openDraftMsg:
		cmd := m.openDraft(msg.path, msg.fresh)
		if m.wiz != nil && msg.note != "" {
			m.wiz.notice = msg.note
		}
		return cmd, true
	case exportDraftMsg:
		r, err := report.Load(msg.path)
		if err != nil {
			return m.list.Update(showDraftsMsg{note: errText(err), isErr: true}), true
		}
		last, _ := (&report.Store{Dir: filepath.Dir(msg.path)}).LastYear(r)
		s, cmd := newExportScreen(m.body(), r, last, m.store.Dir, m.opt.ExportDate, showDraftsMsg{}, reviewDraftMsg{path: msg.path})
		m.cur = s
		return cmd, true
	case closeDraftMsg:
		path := m.closeDraft()
		return m.list.Update(showDraftsMsg{path: path}), true
	case partLeftMsg:
		if m.d != nil {
			return m.d.leave(m.now), true
		}
	case openReviewMsg:
		return m.openReview(msg.problems), true
	case reviewDraftMsg:
		cmd := m.openDraft(msg.path, false)
		if m.d == nil {
			return cmd, true
		}
		return tea.Batch(cmd, m.openReview(true)), true
	case backToWizardMsg:
		if m.wiz != nil {
			m.cur = m.wiz
		}
	case jumpMsg:
		if m.wiz != nil {
			m.cur = m.wiz
			return m.wiz.Update(msg), true
		}
	case exportOpenMsg:
		if m.d == nil {
			return nil, true
		}
		s, cmd := newExportScreen(m.body(), m.d.r.Clone(), m.d.lastYear, m.store.Dir, m.opt.ExportDate, openReviewMsg{}, openReviewMsg{problems: true})
		m.cur = s
		return tea.Batch(cmd, m.d.saveCmd(m.now)), true
	default:
		return nil, false
	}
	return nil, true
}

func (m *model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.showHelp {
		m.showHelp = false
		return nil
	}
	if m.askQuit {
		switch {
		case key.Matches(msg, k.Yes):
			m.closeDraft()
			m.quitting = true
			return tea.Quit
		case key.Matches(msg, k.No), key.Matches(msg, k.Quit):
			m.askQuit = false
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		m.ask()
		return nil
	case key.Matches(msg, k.Save):
		if m.d != nil && m.d.readOnly {
			return m.copyToEdit()
		}
		if m.d != nil {
			m.d.saveNow(m.now)
		}
		return nil
	case key.Matches(msg, k.Help), key.Matches(msg, k.HelpMark) && !m.cur.Typing():
		m.showHelp = true
		return nil
	}
	return m.cur.Update(msg)
}

// ask saves the draft and asks whether to quit.
func (m *model) ask() {
	m.askQuit = true
	m.quitNote = ""
	if m.d != nil {
		if err := m.d.saveNow(m.now); err != nil {
			m.quitNote = "Chưa lưu được bản nháp: " + saveErrorText(err) + ". Nếu thoát, các thay đổi chưa lưu sẽ mất."
		}
	}
}

// openDraft locks the draft at path and shows it in the wizard: a fresh
// draft at its first part, another where its last session was editing.
func (m *model) openDraft(path string, fresh bool) tea.Cmd {
	m.closeDraft()
	d, err := openDraft(path)
	if err != nil {
		m.cur = m.list
		return m.list.Update(showDraftsMsg{path: path, note: errText(err), isErr: true})
	}
	d.inline = m.inlineSaves
	m.d = d
	m.wiz = newWizard(m.body(), d, func() []report.Entry {
		entries, _ := m.store.List()
		return entries
	})
	m.cur = m.wiz
	return m.wiz.start(fresh)
}

// openReview shows the open draft's review, scrolled to its problems if
// problems is set.
func (m *model) openReview(problems bool) tea.Cmd {
	if m.d == nil {
		m.cur = m.list
		return nil
	}
	m.d.release()
	m.cur = newReviewScreen(m.body(), m.d.r, m.d.lastYear, problems)
	return m.d.saveCmd(m.now)
}

// closeDraft saves the open draft, releases its lock and goes back to the
// drafts list. It returns the draft's path, renamed as it may be on
// closing, or "".
func (m *model) closeDraft() string {
	if m.d == nil {
		return ""
	}
	m.d.close(m.now)
	path := m.d.path
	m.d, m.wiz = nil, nil
	m.cur = m.list
	return path
}

// View.

func (m *model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "baocao"
	return v
}

func (m *model) render() string {
	if m.quitting {
		// The last frame, drawn after quitting: the alternate screen is
		// left right after.
		return ""
	}
	var body string
	if m.showHelp {
		body = lipgloss.NewStyle().PaddingLeft(1).Render(m.helpView())
	} else {
		body = m.cur.View()
	}
	lines := []string{m.topBar(), fitHeight(body, m.body().height)}
	lines = append(lines, m.bottom...)
	return strings.Join(append(lines, m.keyLine()), "\n")
}

func (m *model) topBar() string {
	left := " baocao"
	right := "Thư mục: " + m.store.Dir + " "
	if m.d != nil {
		left += " · " + unitName(m.d.r) + " · " + m.d.r.Period.Label()
		st := m.d.status(m.now().Year())
		right = "Đã xong " + strconv.Itoa(st.done) + "/" + strconv.Itoa(st.total) + " phần " + progressBar(st.done, st.total, 10) + " "
	}
	left = truncate(left, m.width)
	space := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if space < 1 {
		right, space = "", max(m.width-lipgloss.Width(left), 0)
	}
	return m.st.Bar.Render(left) + m.st.BarDim.Render(strings.Repeat(" ", space)+right)
}

// progressBar draws done/total in width cells.
func progressBar(done, total, width int) string {
	full := done * width / max(total, 1)
	return strings.Repeat("▰", full) + strings.Repeat("▱", width-full)
}

// bottomLines are the lines between the screen and the key bar: a warning
// when the window is small, then the draft's status or the quit question,
// each wrapped, never cut.
func (m *model) bottomLines() []string {
	w := max(m.width, 10)
	var out []string
	if m.width < minWidth || m.height < minHeight {
		out = append(out, wrapStyled(m.st.Warning, "Cửa sổ đang là "+strconv.Itoa(m.width)+"×"+strconv.Itoa(m.height)+
			", nhỏ hơn "+strconv.Itoa(minWidth)+"×"+strconv.Itoa(minHeight)+": hãy phóng to cửa sổ để soạn cho dễ.", w)...)
	}
	switch {
	case m.askQuit:
		q := "Thoát baocao?"
		if m.d != nil && m.quitNote == "" && !m.d.readOnly {
			q = "Đã lưu bản nháp. Thoát baocao?"
		}
		out = append(out, wrapStyled(m.st.Warning.Bold(true), q+" "+m.keys.answerKeys(), w)...)
		if m.quitNote != "" {
			out = append(out, wrapStyled(m.st.StatusErr, m.quitNote, w)...)
		}
	default:
		out = append(out, m.statusLines(w)...)
	}
	// The screen keeps at least a third of the window.
	if most := max(m.height-2-max(m.height/3, 1), 1); len(out) > most {
		out = out[len(out)-most:]
	}
	return out
}

// statusLines say when the draft was last saved, or why it was not,
// wrapped to w: a status is never cut.
func (m *model) statusLines(w int) []string {
	d := m.d
	switch {
	case d == nil:
		return []string{""}
	case d.err != nil:
		return wrapStyled(m.st.StatusErr, "Chưa lưu được: "+saveErrorText(d.err)+" — nội dung vẫn được giữ, sẽ thử lưu lại.", w)
	case d.readOnly:
		return wrapStyled(m.st.Warning, strings.TrimSpace(d.note+" "+readOnlyStatus+" "+keyName(m.keys.Save)+": lưu một bản sao để sửa."), w)
	case d.dirty():
		return wrapStyled(m.st.Status, "Đang chờ lưu…", w)
	case d.note != "" && !d.lastSaved.IsZero():
		return wrapStyled(m.st.Status, "Đã lưu lúc "+d.lastSaved.Format("15:04:05")+". "+d.note, w)
	case d.note != "":
		return wrapStyled(m.st.Status, d.note, w)
	case !d.lastSaved.IsZero():
		return wrapStyled(m.st.Status, "Đã lưu lúc "+d.lastSaved.Format("15:04:05"), w)
	}
	if m.showHelp {
		// The key table fills the window: under it, the draft's name
		// alone, on one line however deep its folder.
		return wrapStyled(m.st.Status, "Bản nháp: "+filepath.Base(d.path), w)
	}
	return wrapStyled(m.st.Status, "Bản nháp: "+d.path, w)
}

// keyLine is the key bar of the current screen, F1 last.
func (m *model) keyLine() string {
	if m.showHelp {
		return m.st.HelpDesc.Render("Nhấn phím bất kỳ để đóng")
	}
	return keyBar(m.st, append(m.cur.ShortHelp(), m.keys.Help), m.width)
}

// keyBar lays the bindings out on one line of width cells. They come most
// important first; the last, F1, is always shown: those that do not fit are
// dropped from the end.
func keyBar(st *styles, b []key.Binding, width int) string {
	var items []string
	for _, k := range b {
		if h := k.Help(); h.Key != "" {
			items = append(items, st.HelpKey.Render(h.Key)+" "+st.HelpDesc.Render(h.Desc))
		}
	}
	if len(items) == 0 {
		return ""
	}
	last := items[len(items)-1]
	used := lipgloss.Width(last)
	var parts []string
	for _, it := range items[:len(items)-1] {
		if used+lipgloss.Width(it)+3 > width {
			continue
		}
		parts = append(parts, it)
		used += lipgloss.Width(it) + 3
	}
	parts = append(parts, last)
	return strings.Join(parts, st.HelpDesc.Render(" · "))
}

// errText is an error as the official reads it: a draft open elsewhere is
// said without the process number.
func errText(err error) string {
	var le *report.LockedError
	if errors.As(err, &le) {
		return "Bản nháp «" + report.Printable(filepath.Base(le.Path)) + "» đang được mở ở một cửa sổ baocao khác. " + le.Hint()
	}
	return report.Explain(err).Error()
}

// saveErrorText is a save error as the status line says it.
func saveErrorText(err error) string {
	var le *report.LockedError
	if errors.As(err, &le) {
		return "bản nháp đang được mở ở cửa sổ baocao khác"
	}
	return report.Reason(err)
}
