// Package textfield is the multi-line text field of baocao's full-screen
// editor: a [huh.Field] for the long texts of a report.
//
// # What it does
//
// A [Field] edits a string it is bound to. It draws only the lines it
// shows, so a keystroke costs in proportion to the line typed in and the
// box, not to the whole text; it wraps Vietnamese text where bubbles'
// textarea did, and keeps its cursor and scroll through resizes for as long
// as it lives. Backspace and Ctrl+H (the BS that Unikey and EVKey send to
// take a letter back) both delete the character before the cursor. A text
// longer than [MaxRunes] is shown but not edited, and a paste that would
// make it longer is refused whole; [Field.Refusal] says why, in Vietnamese.
//
// # What it is given
//
// The field imports nothing of the screens that use it (only report, to
// write numbers as the report does): its keys come in [Options] ([Keys] for
// editing, and the keys it names or leaves by), its styles from the form's
// theme ([Field.WithTheme]).
//
// # Using it
//
// Make it with [New], add it to a huh form like any field, and call
// [Field.Flush] before reading the bound string while the field has the
// focus ([Field.Blur] flushes too); call [Field.Load] after the string
// changed under the field.
package textfield

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

// MaxRunes is the longest text a field edits: typing stays quick up to it
// (see ui's BenchmarkTypeLongField). A longer text is shown but not edited,
// and is saved exactly as it was loaded.
const MaxRunes = 500_000

// Keys are the keys that edit a field's text and move its cursor.
// Backspace and Ctrl+H (the BS Vietnamese input methods send) should both
// be in DeleteBack.
type Keys struct {
	NewLine        key.Binding
	DeleteBack     key.Binding
	DeleteForward  key.Binding
	DeleteWordBack key.Binding
	DeleteWordFwd  key.Binding
	DeleteToEnd    key.Binding
	DeleteToStart  key.Binding
	Left           key.Binding
	Right          key.Binding
	WordLeft       key.Binding
	WordRight      key.Binding
	Up             key.Binding
	Down           key.Binding
	LineStart      key.Binding
	LineEnd        key.Binding
	Start          key.Binding
	End            key.Binding
}

// Options are what a field is given besides its text: its keys, and the
// hint of its suggestion.
type Options struct {
	// Keys edit the text and move the cursor. Without them the field takes
	// no key and no paste.
	Keys *Keys
	// Next and Prev leave the field for the form's next or previous field.
	Next, Prev key.Binding
	// Editor is the key of the external editor, which the field names when
	// it cannot take a text.
	Editor key.Binding
	// Suggest is the key that puts a suggestion in the field; it is named
	// in the description when Hint is set.
	Suggest key.Binding
	// Hint says what Suggest inserts; it is shown after the key's name
	// ("Ctrl+Y chép câu tự động vào đây để sửa"). Empty: nothing is said.
	Hint string
}

// Field is a multi-line text of a form: a huh field that draws only the
// lines it shows and keeps its cursor and scroll for as long as it lives
// (resizes included). It replaces huh's Text, whose textarea redraws the
// whole text on every key, cuts texts at 10,000 lines and refuses Enter
// past 99.
type Field struct {
	key   string
	title string
	desc  string
	opts  Options
	bound *string
	buf   buffer
	// flushed is the buffer's version last copied to *bound: a text not
	// edited is never written back.
	flushed int
	// tooLong is the text's length when it is longer than MaxRunes and so
	// not edited; 0 otherwise.
	tooLong int
	// refusedPaste is the length of the last paste, refused because the
	// text would have grown longer than MaxRunes; 0 once a key is pressed.
	refusedPaste int

	focused bool
	width   int
	lines   int
	// terse hides the description, in a window too small for it and the
	// text.
	terse bool
	theme huh.Theme

	cache     string
	cacheFor  fieldLook
	cacheGood bool
	paint     fieldPaint
}

// fieldPaint are the field's styles for one theme and focus, made
// cheap to apply (see inline).
type fieldPaint struct {
	theme   *huh.Styles
	focused bool
	bar     string // the border and padding left of every line
	title   inline
	desc    inline
	text    inline
	cursor  inline
}

// fieldLook is what the drawing of a Field depends on.
type fieldLook struct {
	version, row, col int
	top               spot
	focused, terse    bool
	width, lines      int
	theme             *huh.Styles
}

// New returns a field with the huh key key, the title and the description
// desc, editing *bound in a box lines tall, the cursor at the end of the
// text.
func New(key, title, desc string, bound *string, lines int, o Options) *Field {
	f := &Field{key: key, title: title, desc: desc, opts: o, bound: bound, lines: max(lines, 1)}
	f.buf = newBuffer("", 40, f.lines)
	f.Load()
	return f
}

// Load reads the bound text again, the cursor at its end: call it when the
// text changed under the field.
func (f *Field) Load() {
	f.tooLong = 0
	if n := len([]rune(*f.bound)); n > MaxRunes {
		f.tooLong = n
	}
	f.buf.setText(*f.bound)
	f.flushed = f.buf.version
	f.cacheGood = false
}

// setLines sets the height of the text's box.
func (f *Field) setLines(n int) {
	f.lines = max(n, 1)
	f.buf.setSize(f.buf.width, f.lines)
	f.cacheGood = false
}

// Fill fits the field in height lines, its title and description
// included: the lines a form's other fields leave. The description goes
// when it would leave the text fewer than three lines; the text keeps at
// least two.
func (f *Field) Fill(height int) {
	f.terse = false
	if height-f.headerLines(f.width) < 3 {
		f.terse = true
	}
	f.setLines(max(height-f.headerLines(f.width), 2))
}

// Flush copies an edited text to the bound string; a text not edited since
// it was loaded is never written back.
func (f *Field) Flush() {
	if f.buf.version != f.flushed {
		*f.bound = f.buf.text()
		f.flushed = f.buf.version
	}
}

// Version counts the changes of the text, edits and loads: while it stays
// the same, so does the text.
func (f *Field) Version() int { return f.buf.version }

// Text is the text as edited, flushed or not.
func (f *Field) Text() string { return f.buf.text() }

// Cursor is where the cursor is: a line of the text (0 for the first) and
// a character in it.
func (f *Field) Cursor() (row, col int) { return f.buf.row, f.buf.col }

// SetCursor moves the cursor to character col of line row, both kept
// within the text, and scrolls to show it.
func (f *Field) SetCursor(row, col int) { f.buf.moveTo(row, col) }

// Refusal says why the text is not edited (too long) or why the last paste
// was not inserted, in Vietnamese; "" when neither.
func (f *Field) Refusal() string {
	if f.refusedPaste > 0 {
		has := ""
		if n := f.buf.runes(); n > 0 {
			has = ", ô đang có " + count(n) + " ký tự"
		}
		return "Chưa dán gì: đoạn dán dài " + count(f.refusedPaste) + " ký tự, quá sức chứa của ô soạn thảo (" +
			count(MaxRunes) + " ký tự" + has + "). Hãy dán từng phần ngắn hơn, hoặc dán vào trình soạn thảo ngoài (" +
			keyName(f.opts.Editor) + ")."
	}
	if f.tooLong == 0 {
		return ""
	}
	return "Ô này dài " + count(f.tooLong) + " ký tự, quá sức chứa của ô soạn thảo (" + count(MaxRunes) +
		" ký tự): nội dung được giữ nguyên, không bị cắt; hãy sửa bằng trình soạn thảo ngoài (" + keyName(f.opts.Editor) + ")."
}

// Overflows reports whether the text has lines the box does not show.
func (f *Field) Overflows() bool {
	_, more := f.buf.view(false, identity, identity)
	return more
}

func identity(s string) string { return s }

// edit applies an editing key; it reports whether the key was one.
func (f *Field) edit(msg tea.KeyPressMsg) bool {
	k := f.opts.Keys
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
func (f *Field) move(msg tea.KeyPressMsg) bool {
	k := f.opts.Keys
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
func (f *Field) paste(s string) bool {
	if f.buf.runes()+len([]rune(s)) > MaxRunes {
		return false
	}
	f.buf.insert(s)
	return true
}

// The huh.Field interface.

// Init does nothing.
func (f *Field) Init() tea.Cmd { return nil }

// Update handles the keys and pastes of the focused field. Next and Prev
// move to another field the way huh's fields do (ui's wizard takes Tab and
// Shift+Tab before they reach the field).
func (f *Field) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	if !f.focused || f.opts.Keys == nil {
		return f, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		f.refusedPaste = 0
		switch {
		case key.Matches(msg, f.opts.Next):
			return f, huh.NextField
		case key.Matches(msg, f.opts.Prev):
			return f, huh.PrevField
		case f.move(msg):
		case f.tooLong > 0:
			// Not edited: the keys that would change it do nothing.
		case f.edit(msg):
			f.Flush()
		}
	case tea.PasteMsg:
		f.refusedPaste = 0
		switch {
		case f.tooLong > 0:
			// Not edited: the refusal says so already.
		case f.paste(msg.Content):
			f.Flush()
		default:
			f.refusedPaste = len([]rune(msg.Content))
		}
	}
	return f, nil
}

// themeStyles are the styles of the form's theme (huh's base theme until
// the form gives its own).
func (f *Field) themeStyles() *huh.Styles {
	if f.theme == nil {
		return huh.ThemeBase(true)
	}
	return f.theme.Theme(true)
}

func (f *Field) styles() *huh.FieldStyles {
	if f.focused {
		return &f.themeStyles().Focused
	}
	return &f.themeStyles().Blurred
}

// innerWidth is the width inside the field's border and padding.
func (f *Field) innerWidth() int {
	return max(f.width-f.styles().Base.GetHorizontalFrameSize(), 1)
}

// description is the field's hint with the suggestion key named.
func (f *Field) description() string {
	if f.terse {
		return ""
	}
	d := f.desc
	if f.opts.Hint != "" && f.opts.Keys != nil {
		d = strings.TrimSuffix(d, ".") + "; " + keyName(f.opts.Suggest) + " " + f.opts.Hint + "."
	}
	return d
}

// headerLines is how many lines the title and the description take at
// width cells.
func (f *Field) headerLines(width int) int {
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

// View draws the title, the description and the lines of the text the box
// shows, the cursor among them when the field has the focus.
func (f *Field) View() string {
	look := fieldLook{f.buf.version, f.buf.row, f.buf.col, f.buf.top, f.focused, f.terse, f.width, f.lines, f.themeStyles()}
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
func (f *Field) painter(theme *huh.Styles) *fieldPaint {
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
	*p = fieldPaint{
		theme: theme, focused: f.focused,
		bar:    bar + strings.Repeat(" ", base.GetPaddingLeft()),
		title:  inlineOf(st.Title),
		desc:   inlineOf(st.Description),
		text:   inlineOf(st.TextInput.Text),
		cursor: inlineOf(lipgloss.NewStyle().Reverse(true)),
	}
	return p
}

// Focus gives the field the focus.
func (f *Field) Focus() tea.Cmd {
	f.focused = true
	return nil
}

// Focused reports whether the field has the focus.
func (f *Field) Focused() bool { return f.focused }

// Blur takes the focus away, the text flushed.
func (f *Field) Blur() tea.Cmd {
	f.refusedPaste = 0
	f.Flush()
	f.focused = false
	return nil
}

// Error is nil: any text is accepted.
func (f *Field) Error() error { return nil }

var errAlone = errors.New("ô nhiều dòng chỉ dùng trong biểu mẫu")

// Run fails: the field is used only in a form.
func (f *Field) Run() error { return errAlone }

// RunAccessible fails: the field is used only in a form.
func (f *Field) RunAccessible(io.Writer, io.Reader) error { return errAlone }

// Skip is false: the field takes the focus.
func (f *Field) Skip() bool { return false }

// Zoom is false.
func (f *Field) Zoom() bool { return false }

// KeyBinds are the keys the form's help shows for the field.
func (f *Field) KeyBinds() []key.Binding {
	if f.opts.Keys == nil {
		return nil
	}
	return []key.Binding{f.opts.Keys.NewLine, f.opts.Next, f.opts.Prev}
}

// WithTheme gives the field the form's theme, unless it has one.
func (f *Field) WithTheme(th huh.Theme) huh.Field {
	if f.theme == nil {
		f.theme = th
	}
	return f
}

// WithKeyMap does nothing: the field's keys are its [Options].
func (f *Field) WithKeyMap(*huh.KeyMap) huh.Field { return f }

// WithWidth sets the field's width; the text wraps again, its cursor and
// scroll kept.
func (f *Field) WithWidth(width int) huh.Field {
	f.width = width
	f.buf.setSize(f.innerWidth(), f.lines)
	f.cacheGood = false
	return f
}

// WithHeight shrinks the box to fit height lines with the title and the
// description (huh asks only when the field is too tall).
func (f *Field) WithHeight(height int) huh.Field {
	f.setLines(height - f.headerLines(f.width) - f.styles().Base.GetVerticalFrameSize())
	return f
}

// WithPosition does nothing.
func (f *Field) WithPosition(huh.FieldPosition) huh.Field { return f }

// GetKey is the field's huh key.
func (f *Field) GetKey() string { return f.key }

// GetValue is the text, flushed first.
func (f *Field) GetValue() any {
	f.Flush()
	return *f.bound
}

// count writes a number the way the report does: 500.000.
func count(n int) string { return report.FormatValue(strconv.Itoa(n)) }

// keyName is how a message names the key of b: "Ctrl+O".
func keyName(b key.Binding) string { return b.Help().Key }

// typed reports whether msg is a character being typed: a letter, digit,
// mark or space, without Ctrl or Alt.
func typed(msg tea.KeyPressMsg) bool {
	k := msg.Key()
	return k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModMeta|tea.ModSuper) == 0
}

// wrapText wraps s at spaces to lines of at most w cells; a word longer
// than a line is cut across lines.
func wrapText(s string, w int) string {
	return lipgloss.Wrap(s, max(w, 1), " ")
}

// inline is a style that only colours or marks text, split once around
// its text: applying it is then a concatenation, cheap enough for every
// line of every keystroke.
type inline struct{ pre, post string }

func inlineOf(st lipgloss.Style) inline {
	const mark = "\uE000"
	s := st.Render(mark)
	i := strings.Index(s, mark)
	if i < 0 {
		return inline{}
	}
	return inline{s[:i], s[i+len(mark):]}
}

func (in inline) render(s string) string {
	if s == "" {
		return ""
	}
	return in.pre + s + in.post
}
