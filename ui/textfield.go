package ui

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"baocao/report"
)

// maxTextRunes is the longest text a field edits: typing stays quick up to
// it (see BenchmarkTypeLongField). A longer text is shown but not edited,
// and is saved exactly as it was loaded.
const maxTextRunes = 500_000

// textField is a multi-line text of a part's form: a huh field that draws
// only the lines it shows and keeps its cursor and scroll for as long as
// the part's form lives (resizes and part changes included). It replaces
// huh's Text, whose textarea redraws the whole text on every key, cuts
// texts at 10,000 lines and refuses Enter past 99.
type textField struct {
	key   string
	title string
	desc  string
	// hint says what the suggestion key inserts; it is shown after the
	// key's name ("Ctrl+Y chép câu tự động vào đây để sửa").
	hint  string
	bound *string
	buf   textBuffer
	// flushed is the buffer's version last copied to *bound: a text not
	// edited is never written back.
	flushed int
	// tooLong is the text's length when it is longer than maxTextRunes and
	// so not edited; 0 otherwise.
	tooLong int
	// refusedPaste is the length of the last paste, refused because the
	// text would have grown longer than maxTextRunes; 0 once a key is
	// pressed.
	refusedPaste int

	focused bool
	width   int
	lines   int
	// terse hides the description, in a window too small for it and the
	// text.
	terse bool
	theme huh.Theme
	keys  *keyMap

	cache     string
	cacheFor  textFieldLook
	cacheGood bool
	paint     textFieldPaint
}

// textFieldPaint are the field's styles for one theme and focus, made
// cheap to apply (see inline).
type textFieldPaint struct {
	theme   *huh.Styles
	focused bool
	bar     string // the border and padding left of every line
	title   inline
	desc    inline
	text    inline
	cursor  inline
}

// textFieldLook is what the drawing of a textField depends on.
type textFieldLook struct {
	version, row, col int
	top               spot
	focused, terse    bool
	width, lines      int
	theme             *huh.Styles
}

func newTextField(key, title, desc string, bound *string, lines int) *textField {
	f := &textField{key: key, title: title, desc: desc, bound: bound, lines: max(lines, 1)}
	f.buf = newTextBuffer("", 40, f.lines)
	f.load()
	return f
}

// load reads the bound text again, the cursor at its end.
func (f *textField) load() {
	f.tooLong = 0
	if n := len([]rune(*f.bound)); n > maxTextRunes {
		f.tooLong = n
	}
	f.buf.setText(*f.bound)
	f.flushed = f.buf.version
	f.cacheGood = false
}

// setLines sets the height of the text's box.
func (f *textField) setLines(n int) {
	f.lines = max(n, 1)
	f.buf.setSize(f.buf.width, f.lines)
	f.cacheGood = false
}

// flush copies an edited text to the bound string.
func (f *textField) flush() {
	if f.buf.version != f.flushed {
		*f.bound = f.buf.text()
		f.flushed = f.buf.version
	}
}

// refusal says why the text is not edited, or "".
func (f *textField) refusal() string {
	if f.refusedPaste > 0 {
		has := ""
		if n := f.buf.runes(); n > 0 {
			has = ", ô đang có " + count(n) + " ký tự"
		}
		return "Chưa dán gì: đoạn dán dài " + count(f.refusedPaste) + " ký tự, quá sức chứa của ô soạn thảo (" +
			count(maxTextRunes) + " ký tự" + has + "). Hãy dán từng phần ngắn hơn, hoặc dán vào trình soạn thảo ngoài (" +
			keyName(f.keys.Editor) + ")."
	}
	if f.tooLong == 0 {
		return ""
	}
	return "Ô này dài " + count(f.tooLong) + " ký tự, quá sức chứa của ô soạn thảo (" + count(maxTextRunes) +
		" ký tự): nội dung được giữ nguyên, không bị cắt; hãy sửa bằng trình soạn thảo ngoài (" + keyName(f.keys.Editor) + ")."
}

// overflows reports whether the text has lines the box does not show.
func (f *textField) overflows() bool {
	_, more := f.buf.view(false, identity, identity)
	return more
}

func identity(s string) string { return s }

// edit applies an editing key; it reports whether the key was one.
func (f *textField) edit(msg tea.KeyPressMsg) bool {
	k := &f.keys.Text
	b := &f.buf
	switch {
	case key.Matches(msg, k.NewLine):
		b.insert("\n")
	case key.Matches(msg, k.DeleteBack):
		b.deleteBack()
	case key.Matches(msg, k.DeleteForward):
		b.deleteForward()
	case key.Matches(msg, k.DeleteWordBack):
		b.deleteWordBack()
	case key.Matches(msg, k.DeleteWordFwd):
		b.deleteWordForward()
	case key.Matches(msg, k.DeleteToEnd):
		b.deleteTo(len(b.lines[b.row]))
	case key.Matches(msg, k.DeleteToStart):
		b.deleteTo(0)
	case typed(msg):
		b.insert(msg.Key().Text)
	default:
		return false
	}
	return true
}

// move applies a key that moves the cursor; it reports whether the key
// was one.
func (f *textField) move(msg tea.KeyPressMsg) bool {
	k := &f.keys.Text
	b := &f.buf
	switch {
	case key.Matches(msg, k.Start):
		b.moveToStart()
	case key.Matches(msg, k.End):
		b.moveToEnd()
	case key.Matches(msg, k.WordLeft):
		b.wordLeft()
	case key.Matches(msg, k.WordRight):
		b.wordRight()
	case key.Matches(msg, k.Left):
		b.left()
	case key.Matches(msg, k.Right):
		b.right()
	case key.Matches(msg, k.Up):
		b.vertical(-1)
	case key.Matches(msg, k.Down):
		b.vertical(1)
	case key.Matches(msg, k.LineStart):
		b.moveTo(b.row, 0)
	case key.Matches(msg, k.LineEnd):
		b.moveTo(b.row, len(b.lines[b.row]))
	default:
		return false
	}
	return true
}

// paste inserts pasted text, unless the text would grow too long for the
// field: then nothing is inserted.
func (f *textField) paste(s string) bool {
	if f.buf.runes()+len([]rune(s)) > maxTextRunes {
		return false
	}
	f.buf.insert(s)
	return true
}

// The huh.Field interface.

func (f *textField) Init() tea.Cmd { return nil }

// Update handles the keys and pastes of the focused field. Tab and
// Shift+Tab are taken by the wizard before they reach the field; here they
// move on the way huh's fields do.
func (f *textField) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	if !f.focused || f.keys == nil {
		return f, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		f.refusedPaste = 0
		switch {
		case key.Matches(msg, f.keys.NextField):
			return f, huh.NextField
		case key.Matches(msg, f.keys.PrevField):
			return f, huh.PrevField
		case f.move(msg):
		case f.tooLong > 0:
			// Not edited: the keys that would change it do nothing.
		case f.edit(msg):
			f.flush()
		}
	case tea.PasteMsg:
		f.refusedPaste = 0
		switch {
		case f.tooLong > 0:
			// Not edited: the refusal says so already.
		case f.paste(msg.Content):
			f.flush()
		default:
			f.refusedPaste = len([]rune(msg.Content))
		}
	}
	return f, nil
}

// themeStyles are the styles of the form's theme (huh's base theme until
// the form gives its own).
func (f *textField) themeStyles() *huh.Styles {
	if f.theme == nil {
		return huh.ThemeBase(true)
	}
	return f.theme.Theme(true)
}

func (f *textField) styles() *huh.FieldStyles {
	if f.focused {
		return &f.themeStyles().Focused
	}
	return &f.themeStyles().Blurred
}

// innerWidth is the width inside the field's border and padding.
func (f *textField) innerWidth() int {
	return max(f.width-f.styles().Base.GetHorizontalFrameSize(), 1)
}

// description is the field's hint with the suggestion key named.
func (f *textField) description() string {
	if f.terse {
		return ""
	}
	d := f.desc
	if f.hint != "" && f.keys != nil {
		d = strings.TrimSuffix(d, ".") + "; " + keyName(f.keys.Suggest) + " " + f.hint + "."
	}
	return d
}

// headerLines is how many lines the title and the description take at
// width cells.
func (f *textField) headerLines(width int) int {
	n := 0
	if f.title != "" {
		n++
	}
	if d := f.description(); d != "" {
		inner := max(width-f.styles().Base.GetHorizontalFrameSize(), 1)
		n += strings.Count(wrapText(d, inner), "\n") + 1
	}
	return n
}

func (f *textField) View() string {
	look := textFieldLook{f.buf.version, f.buf.row, f.buf.col, f.buf.top, f.focused, f.terse, f.width, f.lines, f.themeStyles()}
	if f.cacheGood && look == f.cacheFor {
		return f.cache
	}
	p := f.painter(look.theme)
	inner := f.innerWidth()
	var lines []string
	if f.title != "" {
		for _, l := range strings.Split(wrapText(f.title, inner), "\n") {
			lines = append(lines, p.title.render(l))
		}
	}
	if d := f.description(); d != "" {
		for _, l := range strings.Split(wrapText(d, inner), "\n") {
			lines = append(lines, p.desc.render(l))
		}
	}
	box, _ := f.buf.view(f.focused, p.text.render, p.cursor.render)
	lines = append(lines, box...)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.bar)
		b.WriteString(l)
	}
	f.cache = b.String()
	f.cacheFor, f.cacheGood = look, true
	return f.cache
}

// painter returns the field's styles for theme and its focus.
func (f *textField) painter(theme *huh.Styles) *textFieldPaint {
	p := &f.paint
	if p.theme == theme && p.focused == f.focused && p.bar != "" {
		return p
	}
	st := f.styles()
	base := st.Base
	bar := lipgloss.NewStyle().Foreground(base.GetBorderLeftForeground()).Render(base.GetBorderStyle().Left)
	if !base.GetBorderLeft() {
		bar = ""
	}
	*p = textFieldPaint{
		theme: theme, focused: f.focused,
		bar:    bar + strings.Repeat(" ", base.GetPaddingLeft()),
		title:  inlineOf(st.Title),
		desc:   inlineOf(st.Description),
		text:   inlineOf(st.TextInput.Text),
		cursor: inlineOf(lipgloss.NewStyle().Reverse(true)),
	}
	return p
}

func (f *textField) Focus() tea.Cmd {
	f.focused = true
	return nil
}

func (f *textField) Blur() tea.Cmd {
	f.refusedPaste = 0
	f.flush()
	f.focused = false
	return nil
}

func (f *textField) Error() error { return nil }

var errTextFieldAlone = errors.New("ô nhiều dòng chỉ dùng trong biểu mẫu")

func (f *textField) Run() error { return errTextFieldAlone }

func (f *textField) RunAccessible(io.Writer, io.Reader) error { return errTextFieldAlone }

func (f *textField) Skip() bool { return false }

func (f *textField) Zoom() bool { return false }

func (f *textField) KeyBinds() []key.Binding {
	if f.keys == nil {
		return nil
	}
	return []key.Binding{f.keys.Text.NewLine, f.keys.NextField, f.keys.PrevField}
}

func (f *textField) WithTheme(th huh.Theme) huh.Field {
	if f.theme == nil {
		f.theme = th
	}
	return f
}

func (f *textField) WithKeyMap(*huh.KeyMap) huh.Field { return f }

// WithWidth sets the field's width; the text wraps again, its cursor and
// scroll kept.
func (f *textField) WithWidth(width int) huh.Field {
	f.width = width
	f.buf.setSize(f.innerWidth(), f.lines)
	f.cacheGood = false
	return f
}

// WithHeight shrinks the box to fit height lines with the title and the
// description (huh asks only when the field is too tall).
func (f *textField) WithHeight(height int) huh.Field {
	f.setLines(height - f.headerLines(f.width) - f.styles().Base.GetVerticalFrameSize())
	return f
}

func (f *textField) WithPosition(huh.FieldPosition) huh.Field { return f }

func (f *textField) GetKey() string { return f.key }

func (f *textField) GetValue() any {
	f.flush()
	return *f.bound
}

// count writes a number the way the report does: 500.000.
func count(n int) string { return report.FormatValue(strconv.Itoa(n)) }
