package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"baocao/export"
	"baocao/report"
)

// rollupAsk is the drafts list's question for a roll-up: which folder's
// reports (drafts, PDFs, Excel appendices) to roll up into one Excel
// file, written in that folder.
type rollupAsk struct {
	form *huh.Form
	dir  string
	err  string // why the last folder given could not be rolled up
}

// askRollup asks for the folder, the drafts folder by default.
func (s *draftList) askRollup() tea.Cmd {
	s.roll = &rollupAsk{dir: s.store.Dir}
	in := huh.NewInput().Key("dir").Title("Tổng hợp số liệu các báo cáo trong thư mục").
		Description("Sửa nếu muốn; " + keyName(s.keys.Open) + " để tổng hợp, " + keyName(s.keys.Back) + " để thôi.").
		Value(&s.roll.dir)
	s.roll.form = newForm(&s.common, min(s.width-4, 76), 0, in)
	return s.roll.form.Init()
}

// rollupUpdate handles a message while the folder is asked.
func (s *draftList) rollupUpdate(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(km, s.keys.Back) {
			s.roll = nil
			return nil
		}
		if handled, done, cmd := advance(s.roll.form, []string{"dir"}, km, s.keys); handled {
			if done {
				return s.rollup(false)
			}
			return cmd
		}
	}
	var cmd tea.Cmd
	s.roll.form, cmd = updateForm(s.roll.form, oneLinePaste(msg, ""))
	return cmd
}

// rollup rolls up the folder asked and writes the roll-up in it; an
// earlier roll-up of the same name is replaced only when force is set,
// else the official is asked first.
func (s *draftList) rollup(force bool) tea.Cmd {
	note, exists, err := rollUp(s.roll.dir, force)
	switch {
	case exists != "":
		s.ask = &confirmation{question: "Đã có tệp «" + report.Printable(exists) + "». Ghi đè bằng bảng tổng hợp mới?", yes: func() tea.Cmd {
			return s.rollup(true)
		}}
	case errors.As(err, new(nothingToRollUp)):
		s.roll.err = err.Error() // the folder can be corrected
	case err != nil:
		s.roll = nil
		s.say(err.Error(), true)
	default:
		s.roll = nil
		s.say(note, false)
	}
	return nil
}

// nothingToRollUp says why a folder cannot be rolled up: it is not
// there, or it holds no report.
type nothingToRollUp string

func (e nothingToRollUp) Error() string { return string(e) }

// rollUp rolls up the reports of dir (drafts, PDFs, Excel appendices) into
// the roll-up file written in dir, and says what it did. When an earlier
// roll-up of that name is there and force is not set, nothing is written
// and exists is its path. The drafts list and plain mode both call it.
func rollUp(dir string, force bool) (note, exists string, err error) {
	dir = strings.TrimSpace(dir)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return "", "", nothingToRollUp("Thư mục «" + report.Printable(dir) + "» không tồn tại.")
	}
	files := export.RollupInputs([]string{dir}, "")
	if len(files) == 0 {
		return "", "", nothingToRollUp("Thư mục «" + report.Printable(dir) + "» không có bản nháp (.json), tệp PDF hay tệp Excel (.xlsx) nào.")
	}
	ru := &report.Rollup{}
	export.ReadRollup(ru, files)
	ru.Finish()
	path := filepath.Join(dir, export.RollupFileName(ru))
	if _, err := os.Lstat(path); err == nil && !force {
		return "", path, nil
	}
	if err := export.WriteRollupFile(path, ru, true); err != nil {
		return "", "", errors.New("Không ghi được bảng tổng hợp: " + report.Explain(err).Error())
	}
	faults := 0
	for _, p := range ru.Problems {
		if !p.Note {
			faults++
		}
	}
	note = fmt.Sprintf("Đã tổng hợp %d đơn vị (%s) từ %d tệp vào %s.", len(ru.Rows), ru.Period.Phrase(), len(ru.Sources), report.Printable(path))
	if faults > 0 {
		note += fmt.Sprintf(" Có %d vấn đề: xem trang «%s» trong tệp.", faults, export.SheetProblems)
	}
	return note, "", nil
}

// rollupView is the question, with why the last answer failed.
func (s *draftList) rollupView(w int) []string {
	out := []string{s.roll.form.View()}
	if s.roll.err != "" {
		out = append(out, s.st.Error.Render(wrapText(s.roll.err, w)))
	}
	return out
}
