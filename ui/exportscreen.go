package ui

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"baocao/export"
	"baocao/report"
)

// The steps of the export screen.
const (
	exportBlocked = iota // the report has errors
	exportWarned         // the report has warnings: go on?
	exportWhere
	exportPath
	exportOverwrite
	exportDone
)

// exportScreen writes the PDF: where to, whether to overwrite, then the
// path and an offer to open it.
type exportScreen struct {
	common
	r      *report.Report
	back   tea.Msg // sent on Esc
	review tea.Msg // sent to see the problems

	step      int
	errs      int
	warns     []report.Problem
	where     string
	path      string
	form      *huh.Form
	err       error
	opened    string
	draftsDir string
	date      time.Time
}

// newExportScreen exports r; the PDF is dated date (zero: the report's own
// date). back is sent on Esc, review to see the problems.
func newExportScreen(c common, r *report.Report, draftsDir string, date time.Time, back, review tea.Msg) (*exportScreen, tea.Cmd) {
	s := &exportScreen{common: c, r: r, back: back, review: review, draftsDir: draftsDir, date: date}
	for _, p := range report.Check(r, c.now().Year()) {
		if p.Severity == report.Error {
			s.errs++
		} else {
			s.warns = append(s.warns, p)
		}
	}
	switch {
	case s.errs > 0:
		s.step = exportBlocked
		return s, nil
	case len(s.warns) > 0:
		s.step = exportWarned
		return s, nil
	}
	return s, s.askWhere()
}

func (s *exportScreen) formWidth() int { return min(s.width-4, 76) }

func (s *exportScreen) askWhere() tea.Cmd {
	s.step = exportWhere
	name := export.FileName(s.r)
	beside := filepath.Join(s.draftsDir, name)
	s.where = beside
	// The folders, on one line each (a wrapped option hides the next);
	// the next step shows the whole path.
	w := s.formWidth() - 6
	opts := []huh.Option[string]{huh.NewOption(truncate("Cạnh các bản nháp: "+s.draftsDir, w), beside)}
	// The Documents folder only where there is one.
	if dir := documentsDir(); dir != "" && filepath.Clean(dir) != filepath.Clean(s.draftsDir) {
		opts = append(opts, huh.NewOption(truncate("Thư mục Tài liệu: "+dir, w), filepath.Join(dir, name)))
	}
	sel := huh.NewSelect[string]().Key("where").Title("Lưu tệp PDF vào đâu?").
		Options(opts...).Value(&s.where)
	s.form = newForm(&s.common, s.formWidth(), 0, sel)
	return s.form.Init()
}

func (s *exportScreen) askPath() tea.Cmd {
	s.step = exportPath
	s.path = s.where
	in := huh.NewInput().Key("path").Title("Đường dẫn tệp PDF").
		Description("Sửa nếu muốn; " + keyName(s.keys.Open) + " để xuất.").Value(&s.path)
	s.form = newForm(&s.common, s.formWidth(), 0, in)
	return s.form.Init()
}

// askOverwrite asks whether to overwrite the existing file. It is not a
// huh Confirm, whose ←/→ toggle between the buttons (→ on "Không" chose
// "Ghi đè"): only c/y overwrite; k/n and Enter, the default, do not.
func (s *exportScreen) askOverwrite() tea.Cmd {
	s.step = exportOverwrite
	s.form = nil
	return nil
}

// write exports the PDF; force overwrites an existing file.
func (s *exportScreen) write(force bool) tea.Cmd {
	path := strings.TrimSpace(s.path)
	if strings.HasPrefix(path, "~"+string(filepath.Separator)) || path == "~" {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[1:])
		}
	}
	if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
		path += ".pdf"
	}
	s.path = path
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		s.err = fmt.Errorf("không tạo được thư mục %s: %w", filepath.Dir(path), err)
		return s.askPath()
	}
	err := export.WriteFile(path, s.r, export.Options{Date: s.date}, force)
	if errors.Is(err, export.ErrExists) {
		return s.askOverwrite()
	}
	if err != nil {
		s.err = err
		return s.askPath()
	}
	s.err = nil
	s.step = exportDone
	return nil
}

func (s *exportScreen) SetSize(w, h int) {
	if w == s.width && h == s.height {
		return
	}
	s.width, s.height = w, h
	if s.form != nil {
		s.form = s.form.WithWidth(s.formWidth())
	}
}

func (s *exportScreen) Typing() bool { return s.step == exportPath }

func (s *exportScreen) Update(msg tea.Msg) tea.Cmd {
	k := s.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Back):
			return cmdOf(s.back)
		case s.step == exportBlocked:
			if key.Matches(msg, k.Open) {
				return cmdOf(s.review)
			}
			return nil
		case s.step == exportWarned:
			switch {
			case key.Matches(msg, k.Yes):
				return s.askWhere()
			case key.Matches(msg, k.No):
				return cmdOf(s.back)
			case key.Matches(msg, k.Open):
				return cmdOf(s.review)
			}
			return nil
		case s.step == exportOverwrite:
			switch {
			case key.Matches(msg, k.Yes):
				return s.write(true)
			case key.Matches(msg, k.No), key.Matches(msg, k.Open):
				return s.askPath()
			}
			return nil
		case s.step == exportDone:
			if key.Matches(msg, k.OpenFile) {
				s.openPDF()
			}
			return nil
		}
	}
	if s.form == nil || s.step != exportWhere && s.step != exportPath {
		return nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok {
		// Each step's form has one field.
		field := []string{"where"}
		if s.step == exportPath {
			field = []string{"path"}
		}
		if handled, done, cmd := advance(s.form, field, km, k); handled {
			switch {
			case !done:
				return cmd
			case s.step == exportWhere:
				return s.askPath()
			}
			return s.write(false)
		}
	}
	var cmd tea.Cmd
	s.form, cmd = updateForm(s.form, oneLinePaste(msg, ""))
	return cmd
}

// openPDF opens the PDF written with the system's viewer.
func (s *exportScreen) openPDF() {
	if err := openFile(s.path); errors.Is(err, exec.ErrNotFound) {
		s.opened = "Máy chưa có chương trình mở PDF; hãy mở tệp bằng tay: " + s.path
	} else if err != nil {
		s.opened = "Không mở được tệp: " + report.Explain(err).Error()
	} else {
		s.opened = "Đã gửi lệnh mở tệp."
	}
}

func (s *exportScreen) View() string {
	out := []string{s.st.Title.Render("Xuất PDF"), ""}
	switch s.step {
	case exportBlocked:
		out = append(out,
			s.st.Error.Render(fmt.Sprintf("Báo cáo còn %d lỗi nên chưa xuất được PDF.", s.errs)),
			"",
			wrapText("Nhấn "+keyName(s.keys.Open)+" để xem danh sách lỗi và đến chỗ cần sửa, "+keyName(s.keys.Back)+" để quay lại.", s.width-2))
	case exportWarned:
		out = append(out,
			s.st.Warning.Render(wrapText(fmt.Sprintf("Báo cáo còn %d lưu ý (ví dụ: %s)", len(s.warns), s.warns[0].Message), s.width-2)),
			"",
			s.st.Strong.Render("Vẫn xuất PDF? "+s.keys.answerKeys()),
			wrapText("Nhấn "+keyName(s.keys.Open)+" để xem lại các lưu ý và đến chỗ cần sửa.", s.width-2))
	case exportOverwrite:
		out = append(out,
			s.st.Warning.Bold(true).Render("Tệp đã có: ghi đè?"),
			s.st.Strong.Render(wrapText(s.path, s.width-2)),
			"",
			s.st.Strong.Render(keyName(s.keys.Yes)+": ghi đè · "+keyName(s.keys.No)+" hoặc "+keyName(s.keys.Open)+": không ghi đè"),
			wrapText("Nếu không ghi đè, bạn có thể sửa lại đường dẫn; "+keyName(s.keys.Back)+" để hủy.", s.width-2))
	case exportDone:
		out = append(out,
			s.st.OK.Render("Đã xuất PDF:"),
			s.st.Strong.Render(s.path),
			"",
			"Nhấn "+keyName(s.keys.OpenFile)+" để mở tệp, "+keyName(s.keys.Back)+" để quay lại.")
		if s.opened != "" {
			out = append(out, "", s.st.Dim.Render(wrapText(s.opened, s.width-2)))
		}
	default:
		out = append(out, s.form.View())
		if s.err != nil {
			out = append(out, "", s.st.Error.Render(wrapText(report.Explain(s.err).Error(), s.width-2)))
		}
	}
	return padLines(strings.Join(out, "\n"))
}

func (s *exportScreen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.step {
	case exportBlocked:
		return []key.Binding{redescribe(k.Open, "xem lỗi"), k.Back}
	case exportWarned:
		return []key.Binding{redescribe(k.Yes, "vẫn xuất"), redescribe(k.No, "quay lại"), redescribe(k.Open, "xem lưu ý")}
	case exportDone:
		return []key.Binding{k.OpenFile, k.Back}
	case exportOverwrite:
		return []key.Binding{redescribe(k.Yes, "ghi đè"), relabel(k.No, keyName(k.No)+"/"+keyName(k.Open), "không ghi đè"), redescribe(k.Back, "hủy")}
	}
	return []key.Binding{redescribe(k.Open, "tiếp"), redescribe(k.Back, "hủy")}
}

func (s *exportScreen) FullHelp() []helpGroup {
	k := s.keys
	return []helpGroup{{"Xuất PDF", []key.Binding{
		relabel(k.Up, keyName(k.Up)+", "+keyName(k.Open), "chọn thư mục lưu tệp; "+keyName(k.Open)+" để xuất"),
		relabel(k.Yes, keyName(k.Yes)+", "+keyName(k.No), "trả lời câu hỏi (vẫn xuất khi còn lưu ý, ghi đè tệp đã có)"),
		redescribe(k.OpenFile, "sau khi xuất: mở tệp PDF"),
		full(k.Back, "quay lại"),
	}}}
}

// documentsDir is the user's Documents folder (XDG's on Linux), or "" when
// there is none.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if runtime.GOOS == "linux" {
		if f, err := os.Open(filepath.Join(home, ".config", "user-dirs.dirs")); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				l := strings.TrimSpace(sc.Text())
				if v, ok := strings.CutPrefix(l, "XDG_DOCUMENTS_DIR="); ok {
					v = strings.Trim(v, `"`)
					v = strings.ReplaceAll(v, "$HOME", home)
					if st, err := os.Stat(v); err == nil && st.IsDir() {
						return v
					}
				}
			}
		}
	}
	d := filepath.Join(home, "Documents")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}
