package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// Messages of the drafts list.
type (
	// openDraftMsg asks to open the draft at path in the wizard; a fresh
	// draft, just made, opens at its first part; note, when set, is said
	// there (where its «Cùng kỳ năm trước» came from).
	openDraftMsg struct {
		path  string
		fresh bool
		note  string
	}
	// newReportMsg asks for the new report form; entries are the drafts.
	newReportMsg struct{ entries []report.Entry }
	// exportDraftMsg asks to export the draft at path.
	exportDraftMsg struct{ path string }
	// reviewDraftMsg asks to open the draft at path and show its problems.
	reviewDraftMsg struct{ path string }
	// askQuitMsg asks whether to quit.
	askQuitMsg struct{}
	// showDraftsMsg asks for the drafts list, read again, its cursor on
	// path when given, saying note.
	showDraftsMsg struct {
		path  string
		note  string
		isErr bool
	}
)

// draftList is the first screen: the drafts of the folder, newest first.
type draftList struct {
	common
	store *report.Store

	entries []report.Entry
	err     error
	cursor  int
	top     int
	ask     *confirmation
	note    string // a message under the list
	noteErr bool
	// roll is the question of a roll-up's folder, while asked.
	roll *rollupAsk
}

func newDraftList(c common, store *report.Store) *draftList {
	s := &draftList{common: c, store: store}
	s.reload("")
	return s
}

// reload reads the folder again and puts the cursor on path if given.
func (s *draftList) reload(path string) {
	s.entries, s.err = s.store.List()
	if path != "" {
		for i, e := range s.entries {
			if e.Path == path {
				s.cursor = i
			}
		}
	}
	s.cursor = max(0, min(s.cursor, s.rows()-1))
}

func (s *draftList) rows() int {
	if len(s.entries) == 0 {
		return 2 // create, example
	}
	return len(s.entries)
}

func (s *draftList) SetSize(w, h int) { s.width, s.height = w, h }

func (s *draftList) Typing() bool { return s.roll != nil && s.ask == nil }

func (s *draftList) selected() *report.Entry {
	if len(s.entries) == 0 || s.cursor >= len(s.entries) {
		return nil
	}
	return &s.entries[s.cursor]
}

func (s *draftList) say(note string, isErr bool) { s.note, s.noteErr = note, isErr }

func (s *draftList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case showDraftsMsg:
		s.reload(msg.path)
		s.say(msg.note, msg.isErr)
		return nil
	case tea.KeyPressMsg:
		if s.roll != nil && s.ask == nil {
			return s.rollupUpdate(msg)
		}
		return s.key(msg)
	}
	if s.roll != nil {
		return s.rollupUpdate(msg)
	}
	return nil
}

func (s *draftList) key(km tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	if s.ask != nil {
		done, cmd := s.ask.answer(km, k)
		if done {
			s.ask = nil
		}
		return cmd
	}
	s.note = ""
	switch {
	case key.Matches(km, k.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(km, k.Down):
		s.cursor = min(s.cursor+1, s.rows()-1)
	case key.Matches(km, k.Home):
		s.cursor = 0
	case key.Matches(km, k.End):
		s.cursor = s.rows() - 1
	case key.Matches(km, k.Open):
		return s.open()
	case key.Matches(km, k.New):
		return cmdOf(newReportMsg{entries: s.entries})
	case key.Matches(km, k.Example):
		return s.createExample()
	case key.Matches(km, k.NextPeriod):
		return s.nextPeriod()
	case key.Matches(km, k.Export):
		e := s.selected()
		if e == nil {
			return nil
		}
		if e.Err != nil {
			s.say("Bản nháp này không đọc được nên không xuất được. "+brokenHint(e), true)
			return nil
		}
		return cmdOf(exportDraftMsg{path: e.Path})
	case key.Matches(km, k.Delete):
		if e := s.selected(); e != nil {
			e := *e
			s.ask = &confirmation{question: "Chuyển «" + e.Name + "» vào thùng rác?", yes: func() tea.Cmd {
				s.trash(e)
				return nil
			}}
		}
	case key.Matches(km, k.Rollup):
		return s.askRollup()
	case key.Matches(km, k.Leave):
		return cmdOf(askQuitMsg{})
	}
	return nil
}

// open opens the draft under the cursor, restores a broken one from its
// .bak, or, with no drafts, does what the chosen line says.
func (s *draftList) open() tea.Cmd {
	if len(s.entries) == 0 {
		if s.cursor == 0 {
			return cmdOf(newReportMsg{})
		}
		return s.createExample()
	}
	e := s.selected()
	var le *report.LoadError
	if errors.As(e.Err, &le) && le.Backup != "" {
		return s.restore(e.Path)
	}
	if e.Err != nil {
		s.say(brokenHint(e), true)
		return nil
	}
	return cmdOf(openDraftMsg{path: e.Path})
}

func (s *draftList) nextPeriod() tea.Cmd {
	e := s.selected()
	if e == nil {
		return nil
	}
	if e.Err != nil {
		s.say("Bản nháp này không đọc được nên không tạo được báo cáo kỳ tiếp theo từ nó. "+brokenHint(e), true)
		return nil
	}
	path, note, err := s.store.NextDraft(e.Path)
	var exists *report.ExistsError
	if errors.As(err, &exists) {
		// Offered, never duplicated: the cursor is on it, Enter opens it.
		s.reload(exists.Path)
		s.say("Đã có bản nháp "+exists.Period.Phrase()+" của đơn vị này (đang được chọn): nhấn "+keyName(s.keys.Open)+" để mở và làm tiếp.", false)
		return nil
	}
	if err != nil {
		s.say("Không tạo được báo cáo kỳ tiếp theo: "+report.Explain(err).Error(), true)
		return nil
	}
	s.reload(path)
	return cmdOf(openDraftMsg{path: path, fresh: true, note: note})
}

func (s *draftList) trash(e report.Entry) {
	if err := s.store.Trash(e.Path); err != nil {
		s.say(errText(err), true)
	} else {
		forgetSession(e.Path)
		s.say("Đã chuyển «"+e.Name+"» vào thùng rác (thư mục trash), chưa xóa hẳn.", false)
	}
	s.reload("")
}

// createExample saves the built-in example as a new draft and opens it.
func (s *draftList) createExample() tea.Cmd {
	path, err := s.store.Create(report.Sample())
	if err != nil {
		s.say("Không tạo được báo cáo mẫu: "+report.Explain(err).Error(), true)
		return nil
	}
	s.reload(path)
	return cmdOf(openDraftMsg{path: path, fresh: true})
}

// restore makes a new draft from the readable .bak of the broken draft at
// path and opens it; the broken file goes to the trash as it is.
func (s *draftList) restore(path string) tea.Cmd {
	restored, err := s.store.RestoreBackup(path)
	if err != nil {
		s.say("Không khôi phục được từ bản lưu trước: "+report.Explain(err).Error(), true)
		return nil
	}
	forgetSession(path)
	s.reload(restored)
	return cmdOf(openDraftMsg{path: restored})
}

// brokenHint says what is wrong with an unreadable draft and what the
// official can do.
func brokenHint(e *report.Entry) string {
	msg := e.Err.Error() + "."
	var le *report.LoadError
	if errors.As(e.Err, &le) && le.Backup != "" {
		msg += " Bản lưu trước đó vẫn đọc được: chọn bản nháp này để khôi phục thành bản nháp mới (tệp hỏng được chuyển nguyên vẹn vào thùng rác)."
	} else {
		msg += " Tệp hỏng được giữ nguyên; không có bản lưu trước đọc được."
	}
	return msg
}

// unitName is how the list names a draft's unit: "Xã Dương Hưu".
func unitName(r *report.Report) string {
	n := r.Locality()
	if n == "" {
		n = r.Header.Place
	}
	if n == "" {
		return "(chưa có tên đơn vị)"
	}
	c, size := utf8.DecodeRuneInString(n)
	return string(unicode.ToUpper(c)) + n[size:]
}

// doneBar draws done/total in width cells.
func doneBar(st *styles, done, total, width int) string {
	full := done * width / max(total, 1)
	return st.BarFull.Render(strings.Repeat("█", full)) + st.BarEmpty.Render(strings.Repeat("░", width-full))
}

func savedLabel(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("15:04 02/01/2006")
}

func (s *draftList) View() string {
	w := s.width - 2
	out := []string{s.st.Title.Render("Báo cáo Nghị quyết 57-NQ/TW"), ""}
	if s.err != nil {
		out = append(out, s.st.Error.Render(wrapText(report.Explain(s.err).Error(), w)), "")
	}
	if s.roll != nil {
		out = append(out, s.rollupView(w)...)
	} else if len(s.entries) == 0 {
		out = append(out,
			wrapText("baocao giúp cán bộ xã, phường soạn báo cáo định kỳ kết quả thực hiện Nghị quyết 57-NQ/TW theo từng phần, tự lưu bản nháp trên máy.", w),
			wrapText("Khi xong, xem lại toàn văn rồi xuất ra tệp PDF đúng thể thức để trình ký, kèm tệp Word để chỉnh sửa.", w),
			wrapText("Nhấn "+keyName(s.keys.Help)+" bất cứ lúc nào để xem các phím tắt.", w),
			"",
			s.st.Strong.Render("Chưa có bản nháp nào. Bạn muốn:"),
		)
		for i, c := range []string{"Tạo báo cáo mới", "Mở báo cáo mẫu (xã Dương Hưu, quý I năm 2026)"} {
			if i == s.cursor {
				out = append(out, s.st.Selected.Render("› "+c+" "))
			} else {
				out = append(out, "  "+c)
			}
		}
	} else {
		out = append(out, s.table(w)...)
	}
	if s.ask != nil {
		out = append(out, "", s.st.Warning.Bold(true).Render(wrapText(s.ask.line(s.keys), w)))
	} else if s.note != "" {
		st := s.st.OK
		if s.noteErr {
			st = s.st.Error
		}
		out = append(out, "", st.Render(wrapText(s.note, w)))
	}
	return padLines(strings.Join(out, "\n"))
}

// table draws the drafts, w cells wide: in a narrow window the time of
// the last save goes first, then the bar of parts done; nothing is cut.
func (s *draftList) table(w int) []string {
	const periodW, barW, countW, savedW = 13, 8, 6, 16
	// The richest layout that leaves the unit's name 16 cells.
	showSaved, showBar := true, true
	rest := func() int {
		n := periodW + 1 + countW
		if showBar {
			n += barW + 1
		}
		if showSaved {
			n += 1 + savedW
		}
		return n
	}
	if w-4-rest() < 16 {
		showSaved = false
	}
	if w-4-rest() < 16 {
		showBar = false
	}
	unitW := max(w-4-rest(), 10)
	done := "Hoàn thành"
	if !showBar {
		done = "Xong"
	}
	head := "  " + padRight("Đơn vị", unitW) + " " + padRight("Kỳ báo cáo", periodW) + " " + done
	if showSaved {
		head = "  " + padRight("Đơn vị", unitW) + " " + padRight("Kỳ báo cáo", periodW) + " " + padRight(done, barW+1+countW) + " Lưu lần cuối"
	}
	out := []string{s.st.ListHeader.Render(truncate(head, w))}
	avail := max(s.height-12, 3)
	if s.cursor < s.top {
		s.top = s.cursor
	}
	if s.cursor >= s.top+avail {
		s.top = s.cursor - avail + 1
	}
	for i := s.top; i < len(s.entries) && i < s.top+avail; i++ {
		e := s.entries[i]
		var line string
		if e.Err != nil || e.Report == nil {
			line = padRight(truncate(e.Name, unitW), unitW) + " " + s.st.Error.Render(truncate("⚠ không đọc được", w-unitW-4))
		} else {
			done, total := e.Done, e.Total
			line = padRight(truncate(unitName(e.Report), unitW), unitW) + " " + padRight(e.Report.Period.Label(), periodW) + " "
			if showBar {
				line += doneBar(s.st, done, total, barW) + " "
			}
			line += padRight(fmt.Sprintf("%d/%d", done, total), countW)
			if showSaved {
				line += " " + savedLabel(e.Saved)
			}
		}
		if i == s.cursor {
			out = append(out, s.st.Strong.Render("›")+" "+s.st.Selected.Render(stripANSI(line)))
		} else {
			out = append(out, "  "+line)
		}
	}
	if len(s.entries) > avail {
		out = append(out, s.st.Dim.Render(fmt.Sprintf("  (%d bản nháp; %s để xem thêm)", len(s.entries), keyName(s.keys.Up))))
	}
	if e := s.selected(); e != nil && e.Report != nil {
		out = append(out, "", s.st.Dim.Render(truncate("Tệp: "+report.Printable(e.Path), w)))
	} else if e != nil && s.note == "" {
		out = append(out, "", s.st.Error.Render(wrapText(brokenHint(e), w)))
	}
	return out
}

func (s *draftList) ShortHelp() []key.Binding {
	k := s.keys
	if s.ask != nil {
		return []key.Binding{k.Yes, k.No}
	}
	if s.roll != nil {
		return []key.Binding{redescribe(k.Open, "tổng hợp"), redescribe(k.Back, "thôi")}
	}
	if len(s.entries) == 0 {
		return []key.Binding{k.Up, redescribe(k.Open, "chọn"), k.New, k.Example, k.Leave}
	}
	return []key.Binding{k.Up, k.Open, k.New, k.NextPeriod, k.Export, k.Delete, k.Leave}
}

func (s *draftList) FullHelp() []helpGroup {
	k := s.keys
	return []helpGroup{{"Danh sách bản nháp", []key.Binding{
		relabel(k.Open, keyName(k.Up)+", "+keyName(k.Open), "chọn, mở bản nháp"),
		full(k.New, "tạo báo cáo mới;  "+keyName(k.Example)+": mở báo cáo mẫu"),
		full(k.NextPeriod, "tạo báo cáo kỳ tiếp theo từ bản nháp đang chọn"),
		full(k.Export, "xuất báo cáo ra tệp "+choicesWords()),
		full(k.Delete, "chuyển vào thùng rác (có hỏi lại)"),
		full(k.Rollup, "tổng hợp số liệu các báo cáo trong một thư mục vào một tệp Excel"),
		full(k.Leave, "thoát"),
	}}}
}

// padLines indents every line of a screen by one cell.
func padLines(s string) string {
	return " " + strings.ReplaceAll(s, "\n", "\n ")
}
