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
	st     *Styles
	keys   *KeyMap
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

	width, height int
}

func newExportScreen(st *Styles, keys *KeyMap, r *report.Report, draftsDir string, nowYear int, back, review tea.Msg, width, height int) (*exportScreen, tea.Cmd) {
	s := &exportScreen{st: st, keys: keys, r: r, back: back, review: review, draftsDir: draftsDir, width: width, height: height}
	for _, p := range report.Check(r, nowYear) {
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
	s.form = newForm(s.st, s.formWidth(), 0, sel)
	return s.form.Init()
}

func (s *exportScreen) askPath() tea.Cmd {
	s.step = exportPath
	s.path = s.where
	in := huh.NewInput().Key("path").Title("Đường dẫn tệp PDF").
		Description("Sửa nếu muốn; Enter để xuất.").Value(&s.path)
	s.form = newForm(s.st, s.formWidth(), 0, in)
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
	s.width, s.height = w, h
	if s.form != nil {
		s.form = s.form.WithWidth(s.formWidth())
	}
}

func (s *exportScreen) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, s.keys.Back):
			return cmdOf(s.back)
		case s.step == exportBlocked && km.String() == "enter":
			return cmdOf(s.review)
		case s.step == exportWarned:
			switch {
			case key.Matches(km, s.keys.Yes):
				return s.askWhere()
			case key.Matches(km, s.keys.No):
				return cmdOf(s.back)
			case km.String() == "enter":
				return cmdOf(s.review)
			}
			return nil
		case s.step == exportOverwrite:
			switch {
			case key.Matches(km, s.keys.Yes):
				return s.write(true)
			case key.Matches(km, s.keys.No) || km.String() == "enter":
				return s.askPath()
			}
			return nil
		case s.step == exportDone && (km.String() == "enter" || km.String() == "o"):
			if err := openFile(s.path); errors.Is(err, exec.ErrNotFound) {
				s.opened = "Máy chưa có chương trình mở PDF; hãy mở tệp bằng tay: " + s.path
			} else if err != nil {
				s.opened = "Không mở được tệp: " + report.Explain(err).Error()
			} else {
				s.opened = "Đã gửi lệnh mở tệp."
			}
			return nil
		}
	}
	if s.form == nil || s.step == exportDone || s.step == exportBlocked || s.step == exportWarned || s.step == exportOverwrite {
		return nil
	}
	m, cmd := s.form.Update(oneLinePaste(msg, ""))
	s.form = m.(*huh.Form)
	if s.form.State != huh.StateCompleted {
		return cmd
	}
	switch s.step {
	case exportWhere:
		return s.askPath()
	case exportPath:
		return s.write(false)
	}
	return cmd
}

func (s *exportScreen) View() string {
	out := []string{s.st.Title.Render("Xuất PDF"), ""}
	switch s.step {
	case exportBlocked:
		out = append(out,
			s.st.Error.Render(fmt.Sprintf("Báo cáo còn %d lỗi nên chưa xuất được PDF.", s.errs)),
			"",
			wrapText("Nhấn Enter để xem danh sách lỗi và đến chỗ cần sửa, Esc để quay lại.", s.width-2))
	case exportWarned:
		out = append(out,
			s.st.Warning.Render(wrapText(fmt.Sprintf("Báo cáo còn %d lưu ý (ví dụ: %s)", len(s.warns), s.warns[0].Message), s.width-2)),
			"",
			s.st.Strong.Render("Vẫn xuất PDF? "+confirmKeys),
			wrapText("Nhấn Enter để xem lại các lưu ý và đến chỗ cần sửa.", s.width-2))
	case exportOverwrite:
		out = append(out,
			s.st.Warning.Bold(true).Render("Tệp đã có: ghi đè?"),
			s.st.Strong.Render(wrapText(s.path, s.width-2)),
			"",
			s.st.Strong.Render("c/y: ghi đè · k/n hoặc Enter: không ghi đè"),
			wrapText("Nếu không ghi đè, bạn có thể sửa lại đường dẫn; Esc để hủy.", s.width-2))
	case exportDone:
		out = append(out,
			s.st.OK.Render("Đã xuất PDF:"),
			s.st.Strong.Render(s.path),
			"",
			"Nhấn Enter để mở tệp, Esc để quay lại.")
		if s.opened != "" {
			out = append(out, "", s.st.Dim.Render(wrapText(s.opened, s.width-2)))
		}
	default:
		out = append(out, s.form.View())
		if s.err != nil {
			out = append(out, "", s.st.Error.Render(wrapText(report.Explain(s.err).Error(), s.width-2)))
		}
	}
	return strings.Join(out, "\n")
}

func (s *exportScreen) Help() []key.Binding {
	return append(s.help(), s.keys.Help)
}

func (s *exportScreen) help() []key.Binding {
	switch s.step {
	case exportBlocked:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "xem lỗi")), key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "quay lại"))}
	case exportWarned:
		return []key.Binding{
			key.NewBinding(key.WithKeys("c"), key.WithHelp("c/y", "vẫn xuất")),
			key.NewBinding(key.WithKeys("k"), key.WithHelp("k/n", "quay lại")),
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "xem lưu ý")),
		}
	case exportDone:
		return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "mở tệp PDF")), key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "quay lại"))}
	case exportOverwrite:
		return []key.Binding{
			key.NewBinding(key.WithKeys("c"), key.WithHelp("c/y", "ghi đè")),
			key.NewBinding(key.WithKeys("k"), key.WithHelp("k/n/Enter", "không ghi đè")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "hủy")),
		}
	}
	return []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("Enter", "tiếp")), key.NewBinding(key.WithKeys("esc"), key.WithHelp("Esc", "hủy"))}
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
