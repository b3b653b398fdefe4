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

// screen is what the root model shows.
type screen int

const (
	screenDrafts screen = iota
	screenNew
	screenWizard
	screenReview
	screenExport
)

// termMsg says the process was asked to end (SIGTERM, SIGHUP, the console
// closing): save and go.
type termMsg struct{}

// model is the root model: it owns the screens, the open draft and its
// saving, and handles the keys that work everywhere.
type model struct {
	opt   Options
	now   func() time.Time
	store *report.Store

	st   Styles
	keys KeyMap

	width, height int

	screen screen
	drafts *draftsScreen
	newRep *newScreen
	wiz    *wizard
	review *reviewScreen
	exp    *exportScreen

	d *draft
	// lastPart is the part each draft was left at, by path, for this
	// session.
	lastPart map[string]string

	// inlineSaves writes drafts inside Update (tests).
	inlineSaves bool

	askQuit  bool
	quitNote string
	showHelp bool
	quitting bool
}

func newModel(opt Options) *model {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	m := &model{opt: opt, now: now, store: &report.Store{Dir: opt.Dir}, keys: DefaultKeyMap(), width: 80, height: 24}
	m.st = NewStyles(true)
	m.drafts = newDraftsScreen(&m.st, &m.keys, m.store)
	m.drafts.SetSize(m.width, m.height-3)
	return m
}

func (m *model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// bodyHeight is the height of a screen between the top bar and the two
// bottom lines.
func (m *model) bodyHeight() int { return m.height - 3 }

func (m *model) resize() tea.Cmd {
	m.drafts.SetSize(m.width, m.bodyHeight())
	var cmds []tea.Cmd
	if m.newRep != nil {
		cmds = append(cmds, m.newRep.SetSize(m.width, m.bodyHeight()))
	}
	if m.wiz != nil {
		cmds = append(cmds, m.wiz.SetSize(m.width, m.height))
	}
	if m.review != nil {
		m.review.SetSize(m.width, m.height)
	}
	if m.exp != nil {
		m.exp.SetSize(m.width, m.bodyHeight())
	}
	return tea.Batch(cmds...)
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if m.d != nil && m.d.dirty() && !m.quitting {
		cmd = tea.Batch(cmd, m.d.schedule())
	}
	return m, cmd
}

func (m *model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width == m.width && msg.Height == m.height {
			return nil
		}
		m.width, m.height = msg.Width, msg.Height
		return m.resize()
	case tea.BackgroundColorMsg:
		dark := msg.IsDark()
		if dark != m.st.dark {
			m.st = NewStyles(dark)
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
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.askQuit || m.showHelp {
			return nil
		}
		if m.screen == screenWizard {
			return m.wiz.Paste(msg)
		}
		return m.forward(msg) // the drafts list and review ignore pastes
	case tea.MouseClickMsg:
		if m.screen == screenWizard && !m.askQuit && !m.showHelp {
			mm := msg.Mouse()
			return m.wiz.Click(mm.X, mm.Y)
		}
		return nil
	case tea.MouseWheelMsg:
		if m.screen == screenReview {
			return m.review.Update(msg)
		}
		return nil

	// Messages of the screens.
	case askQuitMsg:
		m.ask()
		return nil
	case newReportMsg:
		s, cmd := newNewScreen(&m.st, &m.keys, m.store, m.drafts.entries, m.now(), m.width, m.bodyHeight())
		m.newRep, m.screen = s, screenNew
		return cmd
	case cancelMsg:
		m.newRep, m.exp = nil, nil
		m.screen = screenDrafts
		m.drafts.reload("")
		return nil
	case openDraftMsg:
		if msg.fresh {
			delete(m.lastPart, msg.path)
			return m.openDraftAt(msg.path, false)
		}
		return m.openDraft(msg.path)
	case exportDraftMsg:
		r, err := report.Load(msg.path)
		if err != nil {
			m.drafts.setNote(errText(err), true)
			return nil
		}
		s, cmd := newExportScreen(&m.st, &m.keys, r, m.store.Dir, m.now().Year(), cancelMsg{}, reviewDraftMsg{path: msg.path}, m.width, m.bodyHeight())
		s.date = m.opt.ExportDate
		m.exp, m.screen = s, screenExport
		return cmd
	case closeDraftMsg:
		path := ""
		if m.d != nil {
			path = m.d.path
		}
		m.closeDraft()
		m.screen = screenDrafts
		m.drafts.reload(path)
		return nil
	case partLeftMsg:
		if m.d != nil {
			return m.d.saveCmd(m.now)
		}
		return nil
	case openReviewMsg:
		return m.openReview(msg.problems)
	case reviewDraftMsg:
		cmd := m.openDraft(msg.path)
		if m.d == nil {
			return cmd
		}
		return tea.Batch(cmd, m.openReview(true))
	case backToWizardMsg:
		m.screen = screenWizard
		return nil
	case jumpMsg:
		m.screen = screenWizard
		return m.wiz.jump(msg.p)
	case exportOpenMsg:
		if m.d == nil {
			return nil
		}
		m.wiz.syncForm()
		s, cmd := newExportScreen(&m.st, &m.keys, m.d.r.Clone(), m.store.Dir, m.now().Year(), openReviewMsg{}, openReviewMsg{problems: true}, m.width, m.bodyHeight())
		s.date = m.opt.ExportDate
		m.exp, m.screen = s, screenExport
		return tea.Batch(cmd, m.d.saveCmd(m.now))
	}
	return m.forward(msg)
}

// forward gives a message to the current screen.
func (m *model) forward(msg tea.Msg) tea.Cmd {
	switch m.screen {
	case screenDrafts:
		return m.drafts.Update(msg)
	case screenNew:
		return m.newRep.Update(msg)
	case screenWizard:
		return m.wiz.Update(msg)
	case screenReview:
		return m.review.Update(msg)
	case screenExport:
		return m.exp.Update(msg)
	}
	return nil
}

// typing reports whether keys go to a text field, where "?" is a letter.
func (m *model) typing() bool {
	switch m.screen {
	case screenNew:
		return m.newRep.dup == nil
	case screenWizard:
		w := m.wiz
		if w.focus == focusSidebar || w.confirm != "" {
			return false
		}
		if w.pf != nil && w.pf.list != nil && w.pf.list.editing == nil {
			return false
		}
		return true
	case screenExport:
		return m.exp.step == exportPath
	}
	return false
}

func (m *model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.showHelp {
		m.showHelp = false
		return nil
	}
	if m.askQuit {
		switch {
		case key.Matches(msg, m.keys.Yes):
			m.closeDraft()
			m.quitting = true
			return tea.Quit
		case key.Matches(msg, m.keys.No) || key.Matches(msg, m.keys.Quit):
			m.askQuit = false
		}
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		m.ask()
		return nil
	case key.Matches(msg, m.keys.Save):
		if m.d != nil {
			if m.wiz != nil {
				m.wiz.syncForm()
			}
			m.d.saveNow(m.now)
		}
		return nil
	case msg.String() == "f1" || msg.String() == "?" && !m.typing():
		m.showHelp = true
		return nil
	}
	return m.forward(msg)
}

// ask saves the draft and asks whether to quit.
func (m *model) ask() {
	m.askQuit = true
	m.quitNote = ""
	if m.d != nil {
		if m.wiz != nil {
			m.wiz.syncForm()
		}
		if err := m.d.saveNow(m.now); err != nil {
			m.quitNote = "Chưa lưu được bản nháp: " + saveErrorText(err) + ". Nếu thoát, các thay đổi chưa lưu sẽ mất."
		}
	}
}

// openDraft locks and opens the draft at path in the wizard, at the part
// it was left at.
func (m *model) openDraft(path string) tea.Cmd { return m.openDraftAt(path, true) }

// openDraftAt opens the draft at path at its first part, or with resume
// at the part it was left at.
func (m *model) openDraftAt(path string, resume bool) tea.Cmd {
	m.closeDraft()
	d, err := openDraft(path)
	if err != nil {
		m.drafts.reload(path)
		m.drafts.setNote(errText(err), true)
		m.screen = screenDrafts
		return nil
	}
	d.inline = m.inlineSaves
	m.d = d
	m.newRep, m.exp, m.review = nil, nil, nil
	m.wiz = newWizard(&m.st, &m.keys, m.now, d, m.width, m.height)
	m.wiz.drafts = func() []report.Entry {
		entries, _ := m.store.List()
		return entries
	}
	m.screen = screenWizard
	start := 0
	if resume {
		start = m.startPart(path)
	}
	return m.wiz.open(start, "")
}

// startPart is the part a draft opens at: where the official left it in
// this session, else the first part not done.
func (m *model) startPart(path string) int {
	parts := m.wiz.parts
	if id, ok := m.lastPart[path]; ok {
		for i, p := range parts {
			if p.ID == id {
				return i
			}
		}
	}
	for i, p := range parts {
		if m.d.r.State(p) != report.Done {
			return i
		}
	}
	return 0
}

// openReview shows the open draft's review, scrolled to its problems if
// problems is set.
func (m *model) openReview(problems bool) tea.Cmd {
	if m.d == nil {
		m.screen = screenDrafts
		return nil
	}
	m.wiz.syncForm()
	m.review = newReviewScreen(&m.st, &m.keys, m.d.r, m.now().Year(), m.width, m.height)
	if problems {
		m.review.showProblems()
	}
	m.screen = screenReview
	return m.d.saveCmd(m.now)
}

// closeDraft saves the open draft and releases its lock.
func (m *model) closeDraft() {
	if m.d == nil {
		return
	}
	if m.wiz != nil {
		m.wiz.syncForm()
		if m.lastPart == nil {
			m.lastPart = map[string]string{}
		}
		m.lastPart[m.d.path] = m.wiz.part().ID
	}
	m.d.close(m.now)
	m.d, m.wiz, m.review = nil, nil, nil
	if m.exp != nil && m.screen != screenDrafts {
		m.exp = nil
	}
	// The screens of the draft are gone: never leave the root showing one
	// (bubbletea draws once more after quitting).
	if m.screen == screenWizard || m.screen == screenReview || m.screen == screenExport && m.exp == nil {
		m.screen = screenDrafts
		m.drafts.reload("")
	}
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
	w, h := m.width, m.height
	if m.quitting {
		// The last frame, drawn after quitting: the alternate screen is
		// left right after.
		return ""
	}
	top := m.topBar()
	var body string
	switch {
	case m.showHelp:
		body = m.helpView()
	case m.screen == screenDrafts:
		body = m.drafts.View()
	case m.screen == screenNew:
		body = m.newRep.View()
	case m.screen == screenWizard:
		body = m.wiz.View()
	case m.screen == screenReview:
		body = m.review.View()
	case m.screen == screenExport:
		body = m.exp.View()
	}
	if m.screen != screenWizard && m.screen != screenReview || m.showHelp {
		body = lipgloss.NewStyle().PaddingLeft(1).Render(body)
	}
	status := m.statusLine()
	help := m.helpLine()
	if m.askQuit {
		q := "Thoát baocao?"
		if m.d != nil && m.quitNote == "" {
			q = "Đã lưu bản nháp. Thoát baocao?"
		}
		status = m.st.Warning.Bold(true).Render(truncate(q+" "+confirmKeys, w))
		if m.quitNote != "" {
			// Wrapped, never cut: the official must read why and what is lost.
			help = m.st.StatusErr.Render(wrapText(m.quitNote, w))
		}
	}
	body = fitHeight(body, h-1-lipgloss.Height(status)-lipgloss.Height(help))
	return strings.Join([]string{top, body, status, help}, "\n")
}

func (m *model) topBar() string {
	left := " baocao"
	right := ""
	if m.d != nil && (m.screen == screenWizard || m.screen == screenReview || m.screen == screenExport) {
		left += " · " + unitName(m.d.r) + " · " + m.d.r.Period.Label()
		done, total := m.d.r.Progress()
		right = "Đã xong " + itoa(done) + "/" + itoa(total) + " phần " + progressBarPlain(done, total, 10) + " "
	} else {
		right = "Thư mục: " + m.store.Dir + " "
	}
	if m.width < minWidth || m.height < minHeight {
		right = "Cửa sổ nhỏ hơn 80×24: hãy phóng to "
	}
	space := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if space < 1 {
		right = truncate(right, max(m.width-lipgloss.Width(left)-1, 0))
		space = max(m.width-lipgloss.Width(left)-lipgloss.Width(right), 0)
	}
	return m.st.Bar.Render(truncate(left, m.width)) + m.st.BarDim.Render(strings.Repeat(" ", space)+right)
}

func progressBarPlain(done, total, width int) string {
	if total == 0 {
		total = 1
	}
	full := done * width / total
	return strings.Repeat("▰", full) + strings.Repeat("▱", width-full)
}

// statusLine says when the draft was last saved, or why it was not.
func (m *model) statusLine() string {
	if m.d == nil {
		return ""
	}
	d := m.d
	switch {
	case d.err != nil:
		return m.st.StatusErr.Render(wrapText("Chưa lưu được: "+saveErrorText(d.err)+" — nội dung vẫn được giữ, sẽ thử lưu lại.", m.width))
	case d.dirty():
		return m.st.Status.Render("Đang chờ lưu…")
	case !d.lastSaved.IsZero():
		return m.st.Status.Render("Đã lưu lúc " + d.lastSaved.Format("15:04:05"))
	}
	return m.st.Status.Render(truncate("Bản nháp: "+d.path, m.width))
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

func (m *model) helpLine() string {
	var b []key.Binding
	switch m.screen {
	case screenDrafts:
		b = m.drafts.Help()
	case screenNew:
		b = m.newRep.Help()
	case screenWizard:
		b = m.wiz.Help()
	case screenReview:
		b = m.review.Help()
	case screenExport:
		b = m.exp.Help()
	}
	if m.showHelp {
		return m.st.HelpDesc.Render("Nhấn phím bất kỳ để đóng")
	}
	return keyBar(m.st, b, m.width)
}

// keyBar lays the bindings out on one line of width cells. They come most
// important first; the last, F1, is always shown: those that do not fit are
// dropped from the end.
func keyBar(st Styles, b []key.Binding, width int) string {
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

func itoa(n int) string { return strconv.Itoa(n) }
