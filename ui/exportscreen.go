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
	"charm.land/lipgloss/v2"

	"baocao/export"
	"baocao/report"
)

// The steps of the export screen.
const (
	exportBlocked = iota // the report has errors
	exportWarned         // the report has warnings: go on?
	exportWhere          // which files, which folder
	exportPath
	exportOverwrite
	exportDone
)

// exportScreen writes the files of one format or of all of them
// ([exportChoices]): which, where to, whether to overwrite, then the
// paths and an offer to open any.
type exportScreen struct {
	common
	r      *report.Report
	back   tea.Msg // sent on Esc
	review tea.Msg // sent to see the problems

	step      int
	errs      int
	warns     []report.Problem
	choice    int    // of exportChoices
	where     string // the folder chosen
	path      string // as typed: the first format's file
	files     []exportFile
	exists    []exportFile // those of files already there
	written   []exportFile // written before an error
	sel       int          // the file to open, once written
	form      *huh.Form
	err       error
	opened    string
	draftsDir string
	date      time.Time
}

// newExportScreen exports r; the files are dated date (zero: the report's
// own date). last is last year's draft of the unit, or nil, to check the
// «cùng kỳ» figures against. back is sent on Esc, review to see the
// problems.
func newExportScreen(c common, r *report.Report, last *report.Entry, draftsDir string, date time.Time, back, review tea.Msg) (*exportScreen, tea.Cmd) {
	s := &exportScreen{common: c, r: r, back: back, review: review, draftsDir: draftsDir, date: date, choice: defaultChoice()}
	for _, p := range report.CheckAgainst(r, c.now().Year(), last) {
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

// whereFields are the fields of the first question's form.
var whereFields = []string{"format", "where"}

// formats are the formats of the choice made.
func (s *exportScreen) formats() []export.Format { return exportChoices()[s.choice].formats }

// askWhere asks which files to write, all by default, and in which
// folder: beside the drafts, or in Documents where there is one.
func (s *exportScreen) askWhere() tea.Cmd {
	s.step = exportWhere
	s.where = s.draftsDir
	var choices []huh.Option[int]
	for i, c := range exportChoices() {
		choices = append(choices, huh.NewOption(c.label, i))
	}
	what := huh.NewSelect[int]().Key("format").Title("Xuất ra tệp nào?").
		Options(choices...).Value(&s.choice)
	// The folders, on one line each (a wrapped option hides the next);
	// the next step shows the whole path.
	w := s.formWidth() - 6
	folders := []huh.Option[string]{huh.NewOption(truncate("Cạnh các bản nháp: "+s.draftsDir, w), s.draftsDir)}
	if dir := documentsDir(); dir != "" && filepath.Clean(dir) != filepath.Clean(s.draftsDir) {
		folders = append(folders, huh.NewOption(truncate("Thư mục Tài liệu: "+dir, w), dir))
	}
	where := huh.NewSelect[string]().Key("where").Title("Lưu vào thư mục nào?").
		Options(folders...).Value(&s.where)
	s.form = newForm(&s.common, s.formWidth(), 0, what, where)
	return s.form.Init()
}

// askPath asks for the path, offering s.path.
func (s *exportScreen) askPath() tea.Cmd {
	s.step = exportPath
	title := "Đường dẫn tệp " + s.formats()[0].Kind
	// A description of two lines would hide the input's own line (huh
	// sizes the field for one): where the other formats' files go is
	// said under the form.
	in := huh.NewInput().Key("path").Title(title).
		Description("Sửa nếu muốn; " + keyName(s.keys.Open) + " để xuất.").Value(&s.path)
	s.form = newForm(&s.common, s.formWidth(), 0, in)
	return s.form.Init()
}

// askOverwrite asks whether to overwrite the files already there. It is
// not a huh Confirm, whose ←/→ toggle between the buttons (→ on "Không"
// chose "Ghi đè"): only c/y overwrite; k/n and Enter, the default, do not.
func (s *exportScreen) askOverwrite() tea.Cmd {
	s.step = exportOverwrite
	s.form = nil
	return nil
}

// write writes the files for the path typed; force overwrites those
// already there. Unless forced, it asks first when any is there, before
// writing any.
func (s *exportScreen) write(force bool) tea.Cmd {
	s.files = exportFiles(s.formats(), s.path)
	s.path = s.files[0].path
	s.written = nil
	if !force {
		if s.exists = existingFiles(s.files); len(s.exists) > 0 {
			return s.askOverwrite()
		}
	}
	written, err := writeExportFiles(s.files, s.r, export.Options{Date: s.date}, force)
	if errors.Is(err, export.ErrExists) {
		s.exists = existingFiles(s.files)
		return s.askOverwrite()
	}
	if err != nil {
		s.err, s.written = err, written
		return s.askPath()
	}
	s.err = nil
	s.sel = 0
	s.opened = ""
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
			switch {
			case key.Matches(msg, k.Up):
				s.sel = max(s.sel-1, 0)
			case key.Matches(msg, k.Down):
				s.sel = min(s.sel+1, len(s.files)-1)
			case key.Matches(msg, k.OpenFile):
				s.open(s.files[s.sel])
			}
			return nil
		}
	}
	if s.form == nil || s.step != exportWhere && s.step != exportPath {
		return nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok {
		fields := whereFields
		if s.step == exportPath {
			fields = []string{"path"}
		}
		if handled, done, cmd := advance(s.form, fields, km, k); handled {
			switch {
			case !done:
				return cmd
			case s.step == exportWhere:
				s.path = defaultExportPath(s.formats(), s.where, s.r)
				return s.askPath()
			}
			return s.write(false)
		}
	}
	var cmd tea.Cmd
	s.form, cmd = updateForm(s.form, oneLinePaste(msg, ""))
	return cmd
}

// open opens a file written with the system's program for it.
func (s *exportScreen) open(f exportFile) {
	if err := openFile(f.path); errors.Is(err, exec.ErrNotFound) {
		s.opened = "Máy chưa có chương trình mở tệp " + f.kind() + "; hãy mở tệp bằng tay:\n" + f.path
	} else if err != nil {
		s.opened = "Không mở được tệp: " + report.Explain(err).Error()
	} else {
		s.opened = "Đã gửi lệnh mở tệp " + f.kind() + "."
	}
}

func (s *exportScreen) View() string {
	w := s.width - 2
	k := s.keys
	out := []string{s.st.Title.Render("Xuất báo cáo"), ""}
	switch s.step {
	case exportBlocked:
		out = append(out,
			s.st.Error.Render(fmt.Sprintf("Báo cáo còn %d lỗi nên chưa xuất được.", s.errs)),
			"",
			wrapText("Nhấn "+keyName(k.Open)+" để xem danh sách lỗi và đến chỗ cần sửa, "+keyName(k.Back)+" để quay lại.", w))
	case exportWarned:
		out = append(out,
			s.st.Warning.Render(wrapText(fmt.Sprintf("Báo cáo còn %d lưu ý (ví dụ: %s)", len(s.warns), s.warns[0].Message), w)),
			"",
			s.st.Strong.Render("Vẫn xuất báo cáo? "+k.answerKeys()),
			wrapText("Nhấn "+keyName(k.Open)+" để xem lại các lưu ý và đến chỗ cần sửa.", w))
	case exportOverwrite:
		have, overwrite := overwriteWords(s.exists, s.files)
		out = append(out, s.st.Warning.Bold(true).Render(have+": "+overwrite+"?"))
		for _, f := range s.exists {
			out = append(out, s.st.Strong.Render(wrapText(f.path, w)))
		}
		out = append(out,
			"",
			s.st.Strong.Render(keyName(k.Yes)+": ghi đè · "+keyName(k.No)+" hoặc "+keyName(k.Open)+": không ghi đè"),
			wrapText("Nếu không ghi đè, bạn có thể sửa lại đường dẫn; "+keyName(k.Back)+" để hủy.", w))
	case exportDone:
		out = append(out, s.doneView(w)...)
	default:
		out = append(out, s.form.View())
		if note := besideNote(s.formats()); s.step == exportPath && note != "" {
			out = append(out, s.st.Dim.Render(wrapText(note, w)))
		}
		if s.err != nil {
			out = append(out, "", s.st.Error.Render(wrapText(report.Explain(s.err).Error(), w)))
			for _, f := range s.written {
				out = append(out, wrapText("Tệp "+f.kind()+" đã ghi xong: "+f.path, w))
			}
		}
	}
	return padLines(strings.Join(out, "\n"))
}

// doneView lists the files written, the one to open marked when there
// are several.
func (s *exportScreen) doneView(w int) []string {
	k := s.keys
	var out []string
	if len(s.files) == 1 {
		out = append(out, s.st.OK.Render("Đã xuất tệp "+s.files[0].kind()+":"), s.st.Strong.Render(wrapText(s.files[0].path, w)), "",
			wrapText("Nhấn "+keyName(k.OpenFile)+" để mở tệp, "+keyName(k.Back)+" để quay lại.", w))
	} else {
		out = append(out, s.st.OK.Render("Đã xuất "+countWord(len(s.files))+" tệp:"))
		for i, f := range s.files {
			mark, style := "  ", lipgloss.NewStyle()
			if i == s.sel {
				mark, style = "› ", s.st.Selected
			}
			out = append(out, style.Render(mark+f.label()+":"))
			for _, l := range strings.Split(wrapText(f.path, w-4), "\n") {
				out = append(out, "    "+s.st.Strong.Render(l))
			}
		}
		out = append(out, "", wrapText(keyName(k.Up)+" chọn tệp, "+keyName(k.OpenFile)+" để mở tệp đã chọn, "+keyName(k.Back)+" để quay lại.", w))
	}
	if s.opened != "" {
		out = append(out, "")
		for _, l := range strings.Split(s.opened, "\n") {
			out = append(out, s.st.Dim.Render(wrapText(l, w)))
		}
	}
	return out
}

func (s *exportScreen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.step {
	case exportBlocked:
		return []key.Binding{redescribe(k.Open, "xem lỗi"), k.Back}
	case exportWarned:
		return []key.Binding{redescribe(k.Yes, "vẫn xuất"), redescribe(k.No, "quay lại"), redescribe(k.Open, "xem lưu ý")}
	case exportDone:
		if len(s.files) > 1 {
			return []key.Binding{redescribe(k.Up, "chọn tệp"), k.OpenFile, k.Back}
		}
		return []key.Binding{k.OpenFile, k.Back}
	case exportOverwrite:
		return []key.Binding{redescribe(k.Yes, "ghi đè"), relabel(k.No, keyName(k.No)+"/"+keyName(k.Open), "không ghi đè"), redescribe(k.Back, "hủy")}
	}
	return []key.Binding{redescribe(k.Open, "tiếp"), redescribe(k.Back, "hủy")}
}

func (s *exportScreen) FullHelp() []helpGroup {
	k := s.keys
	return []helpGroup{{"Xuất báo cáo", []key.Binding{
		relabel(k.Up, keyName(k.Up)+", "+keyName(k.Open), "chọn tệp "+choicesWords()+", rồi thư mục lưu; "+keyName(k.Open)+" để xuất"),
		relabel(k.Yes, keyName(k.Yes)+", "+keyName(k.No), "trả lời câu hỏi (vẫn xuất khi còn lưu ý, ghi đè tệp đã có)"),
		relabel(k.OpenFile, keyName(k.Up)+", "+keyName(k.OpenFile), "sau khi xuất: chọn tệp và mở"),
		full(k.Back, "quay lại"),
	}}}
}

// kindsWords names the formats for the help: "PDF, Word, Excel".
func kindsWords() string {
	var kinds []string
	for _, f := range export.Formats() {
		kinds = append(kinds, f.Kind)
	}
	return strings.Join(kinds, ", ")
}

// choicesWords names the choices for the help: "PDF, Word, Excel hay
// tất cả".
func choicesWords() string {
	if len(export.Formats()) == 2 {
		return kindsWords() + " hay cả hai"
	}
	return kindsWords() + " hay tất cả"
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
