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

// Messages of the drafts screen.
type (
	// openDraftMsg asks to open the draft at path in the wizard; a fresh
	// draft, just made, opens at its first part.
	openDraftMsg struct {
		path  string
		fresh bool
	}
	// newReportMsg asks for the new report form.
	newReportMsg struct{}
	// exportDraftMsg asks to export the draft at path.
	exportDraftMsg struct{ path string }
	// reviewDraftMsg asks to open the draft at path and show its problems.
	reviewDraftMsg struct{ path string }
	// askQuitMsg asks whether to quit.
	askQuitMsg struct{}
	// draftsChangedMsg asks the drafts screen to read the folder again,
	// selecting path.
	draftsChangedMsg struct {
		path string
		note string
	}
)

// draftsScreen lists the drafts, newest first.
type draftsScreen struct {
	st    *Styles
	keys  *KeyMap
	store *report.Store

	entries []report.Entry
	err     error
	cursor  int
	top     int
	confirm bool
	note    string // a message under the list
	noteErr bool

	width, height int
}

func newDraftsScreen(st *Styles, keys *KeyMap, store *report.Store) *draftsScreen {
	s := &draftsScreen{st: st, keys: keys, store: store}
	s.reload("")
	return s
}

// reload reads the folder again and puts the cursor on path if given.
func (s *draftsScreen) reload(path string) {
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

func (s *draftsScreen) rows() int {
	if len(s.entries) == 0 {
		return 2 // create, example
	}
	return len(s.entries)
}

func (s *draftsScreen) SetSize(w, h int) { s.width, s.height = w, h }

func (s *draftsScreen) selected() *report.Entry {
	if len(s.entries) == 0 || s.cursor >= len(s.entries) {
		return nil
	}
	return &s.entries[s.cursor]
}

func (s *draftsScreen) setNote(note string, isErr bool) {
	s.note, s.noteErr = note, isErr
}

func (s *draftsScreen) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := s.keys
	if s.confirm {
		switch {
		case key.Matches(km, k.Yes):
			s.confirm = false
			e := s.selected()
			if e == nil {
				return nil
			}
			if err := s.store.Trash(e.Path); err != nil {
				s.setNote(errText(err), true)
			} else {
				s.setNote("Đã chuyển «"+e.Name+"» vào thùng rác (thư mục trash), chưa xóa hẳn.", false)
			}
			s.reload("")
		case key.Matches(km, k.No):
			s.confirm = false
		}
		return nil
	}
	s.note = ""
	switch {
	case key.Matches(km, k.Up):
		if s.cursor > 0 {
			s.cursor--
		}
	case key.Matches(km, k.Down):
		if s.cursor < s.rows()-1 {
			s.cursor++
		}
	case km.String() == "home":
		s.cursor = 0
	case km.String() == "end":
		s.cursor = s.rows() - 1
	case key.Matches(km, k.Open):
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
			s.setNote(brokenHint(e), true)
			return nil
		}
		return cmdOf(openDraftMsg{path: e.Path})
	case key.Matches(km, k.New):
		return cmdOf(newReportMsg{})
	case km.String() == "v" || km.String() == "e":
		return s.createExample()
	case key.Matches(km, k.Next):
		e := s.selected()
		if e == nil {
			return nil
		}
		if e.Err != nil {
			s.setNote("Bản nháp này không đọc được nên không tạo được báo cáo kỳ tiếp theo từ nó. "+brokenHint(e), true)
			return nil
		}
		path, err := s.store.NextDraft(e.Path)
		var exists *report.ExistsError
		if errors.As(err, &exists) {
			// Offered, never duplicated: the cursor is on it, Enter opens it.
			s.reload(exists.Path)
			s.setNote("Đã có bản nháp "+exists.Period.Phrase()+" của đơn vị này (đang được chọn): nhấn Enter để mở và làm tiếp.", false)
			return nil
		}
		if err != nil {
			s.setNote("Không tạo được báo cáo kỳ tiếp theo: "+report.Explain(err).Error(), true)
			return nil
		}
		s.reload(path)
		return cmdOf(openDraftMsg{path: path, fresh: true})
	case key.Matches(km, k.Export):
		e := s.selected()
		if e == nil {
			return nil
		}
		if e.Err != nil {
			s.setNote("Bản nháp này không đọc được nên không xuất được PDF. "+brokenHint(e), true)
			return nil
		}
		return cmdOf(exportDraftMsg{path: e.Path})
	case key.Matches(km, k.Delete):
		if s.selected() != nil {
			s.confirm = true
		}
	case key.Matches(km, k.Back) || km.String() == "q":
		return cmdOf(askQuitMsg{})
	}
	return nil
}

// createExample saves the built-in example as a new draft and opens it.
func (s *draftsScreen) createExample() tea.Cmd {
	path, err := s.store.Create(report.Sample())
	if err != nil {
		s.setNote("Không tạo được báo cáo mẫu: "+report.Explain(err).Error(), true)
		return nil
	}
	s.reload(path)
	return cmdOf(openDraftMsg{path: path, fresh: true})
}

// restore makes a new draft from the readable .bak of the broken draft at
// path and opens it; the broken file stays where it is.
func (s *draftsScreen) restore(path string) tea.Cmd {
	restored, err := s.store.RestoreBackup(path)
	if err != nil {
		s.setNote("Không khôi phục được từ bản lưu trước: "+report.Explain(err).Error(), true)
		return nil
	}
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

// progressBar draws done/total in width cells.
func progressBar(st *Styles, done, total, width int) string {
	if total == 0 {
		total = 1
	}
	full := done * width / total
	return st.BarFull.Render(strings.Repeat("█", full)) + st.BarEmpty.Render(strings.Repeat("░", width-full))
}

func savedLabel(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("15:04 02/01/2006")
}

func (s *draftsScreen) View() string {
	w := s.width - 2
	var out []string
	out = append(out, s.st.Title.Render("Báo cáo Nghị quyết 57-NQ/TW"), "")
	if s.err != nil {
		out = append(out, s.st.Error.Render(wrapText(report.Explain(s.err).Error(), w)), "")
	}
	if len(s.entries) == 0 {
		out = append(out,
			wrapText("baocao giúp cán bộ xã, phường soạn báo cáo định kỳ kết quả thực hiện Nghị quyết 57-NQ/TW theo từng phần, tự lưu bản nháp trên máy.", w),
			wrapText("Khi xong, xem lại toàn văn và xuất ra tệp PDF đúng thể thức để trình ký.", w),
			wrapText("Nhấn F1 bất cứ lúc nào để xem các phím tắt.", w),
			"",
			s.st.Strong.Render("Chưa có bản nháp nào. Bạn muốn:"),
		)
		choices := []string{"Tạo báo cáo mới", "Mở báo cáo mẫu (xã Dương Hưu, quý I năm 2026)"}
		for i, c := range choices {
			if i == s.cursor {
				out = append(out, s.st.Selected.Render("› "+c+" "))
			} else {
				out = append(out, "  "+c)
			}
		}
	} else {
		unitW := max(w-50, 16)
		head := fmt.Sprintf("  %-*s %-13s %-15s %s", unitW, "Đơn vị", "Kỳ báo cáo", "Hoàn thành", "Lưu lần cuối")
		out = append(out, s.st.ListHeader.Render(truncate(head, w)))
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
				done, total := e.Report.Progress()
				line = padRight(truncate(unitName(e.Report), unitW), unitW) + " " +
					padRight(e.Report.Period.Label(), 13) + " " +
					progressBar(s.st, done, total, 8) + " " + padRight(fmt.Sprintf("%d/%d", done, total), 6) + " " +
					savedLabel(e.Saved)
			}
			if i == s.cursor {
				out = append(out, s.st.Strong.Render("›")+" "+s.st.Selected.Render(stripANSI(line)))
			} else {
				out = append(out, "  "+line)
			}
		}
		if len(s.entries) > avail {
			out = append(out, s.st.Dim.Render(fmt.Sprintf("  (%d bản nháp; ↑/↓ để xem thêm)", len(s.entries))))
		}
		if e := s.selected(); e != nil && e.Report != nil {
			out = append(out, "", s.st.Dim.Render(truncate("Tệp: "+report.Printable(e.Path), w)))
		} else if e != nil && s.note == "" {
			out = append(out, "", s.st.Error.Render(wrapText(brokenHint(e), w)))
		}
	}
	if s.confirm {
		if e := s.selected(); e != nil {
			out = append(out, "", s.st.Warning.Bold(true).Render(wrapText("Chuyển «"+e.Name+"» vào thùng rác? "+confirmKeys, w)))
		}
	} else if s.note != "" {
		st := s.st.OK
		if s.noteErr {
			st = s.st.Error
		}
		out = append(out, "", st.Render(wrapText(s.note, w)))
	}
	return strings.Join(out, "\n")
}

func (s *draftsScreen) Help() []key.Binding {
	k := s.keys
	if s.confirm {
		return []key.Binding{k.Yes, k.No}
	}
	if len(s.entries) == 0 {
		return []key.Binding{k.Up, key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "chọn")), k.New,
			key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "mở báo cáo mẫu")), key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "thoát")), k.Help}
	}
	return []key.Binding{k.Up, k.Open, k.New, k.Next, k.Export, k.Delete, key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "thoát")), k.Help}
}
