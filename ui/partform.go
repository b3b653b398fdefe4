package ui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"baocao/report"
	"baocao/ui/textfield"
)

// fieldInfo is what the wizard knows of one field of a part's form, by
// its huh key (the report's field name, see report.Field…).
type fieldInfo struct {
	title string
	// text is the bound string, for the suggestion and editor keys.
	text *string
	// multiline marks long text, which the external editor can open;
	// field is its text field.
	multiline bool
	field     *textfield.Field
	// hf is the huh field.
	hf huh.Field
	// suggest is the wording the suggestion key inserts, or nil.
	suggest func() string
	// parseErr reports a value the field could not read (a date, a year),
	// shown with the field's problems.
	parseErr func() string
}

// partForm is the form of one part: the huh fields bound to the report, the
// code that copies edited values back, and the live derived text. The
// wizard keeps it for as long as the part's place in the report stands,
// and with it every field's cursor and scroll.
type partForm struct {
	part   report.Part
	form   *huh.Form
	fields map[string]*fieldInfo
	order  []string // field keys in form order
	// sync copies values that cannot be bound directly (lines, dates,
	// periods) into the report.
	sync func()
	// preview is the derived text shown above the form, and its label.
	preview func() (label, text string)
	// list is set for the parts edited as rows (indicators, recipients).
	list *rowList
	// fill is the text that takes the height the other fields leave, or
	// nil when the form scrolls instead.
	fill *textfield.Field
	// inputs are the one-line fields by key; homed notes those shown from
	// their start since they lost the focus (see homeInputs).
	inputs map[string]*huh.Input
	homed  map[string]bool
}

// setSize fits the form in width×height cells: the filling text takes the
// lines the other fields leave. Cursors and scrolls stay.
func (pf *partForm) setSize(width, height int) {
	if pf.form == nil {
		return
	}
	pf.form.WithWidth(max(width, 20))
	if f := pf.fill; f != nil && height > 0 {
		used := 0
		for _, k := range pf.order {
			if fi := pf.fields[k]; fi.field != f {
				used += lipgloss.Height(fi.hf.View())
			}
		}
		f.Fill(height - used)
	}
	if height > 0 {
		pf.form.WithHeight(height)
	}
	// huh draws a form's fields when it updates: draw them at their new
	// size.
	pf.form, _ = updateForm(pf.form, redrawMsg{})
}

// focusedKey is the key of the focused field, or "".
func (pf *partForm) focusedKey() string {
	if pf == nil || pf.form == nil {
		return ""
	}
	if f := pf.form.GetFocusedField(); f != nil {
		return f.GetKey()
	}
	return ""
}

// focused is the focused field's description and key.
func (pf *partForm) focused() (string, *fieldInfo) {
	k := pf.focusedKey()
	return k, pf.fields[k]
}

// index is the place of the focused field in the form, or -1.
func (pf *partForm) index() int {
	if pf == nil || pf.form == nil {
		return -1
	}
	return focusedIndex(pf.form, pf.order)
}

// focus moves the focus to the field key ("" for the first, "$last" for
// the last).
func (pf *partForm) focus(key string) tea.Cmd {
	if pf.form == nil || len(pf.order) == 0 {
		return nil
	}
	switch key {
	case "", "$last":
		if key == "" {
			key = pf.order[0]
		} else {
			key = pf.order[len(pf.order)-1]
		}
	case report.FieldPeriod + ".kind":
		key = report.FieldPeriod
	}
	if pf.fields[key] == nil {
		return nil
	}
	return tea.Batch(focusKey(pf.form, pf.order, key), pf.homeInputs())
}

// update gives msg to the form and reports whether the focused field's
// value changed.
func (pf *partForm) update(msg tea.Msg) (tea.Cmd, bool) {
	before := pf.value()
	var cmd tea.Cmd
	pf.form, cmd = updateForm(pf.form, msg)
	if pf.sync != nil {
		pf.sync()
	}
	return tea.Batch(cmd, pf.homeInputs()), pf.value() != before
}

// value identifies the state of the form's values, cheaply: the focused
// field's value (a text field's version) and the focus.
func (pf *partForm) value() string {
	k, fi := pf.focused()
	switch {
	case fi == nil:
		return k
	case fi.field != nil:
		return k + "\x00" + strconv.Itoa(fi.field.Version())
	case fi.text != nil:
		return k + "\x00" + *fi.text
	}
	if f := pf.form.GetFocusedField(); f != nil {
		return k + "\x00" + fmt.Sprint(f.GetValue())
	}
	return k
}

// reload reads the value of field key again after it changed under the
// form (a suggestion, the external editor).
func (pf *partForm) reload(key string) {
	if fi := pf.fields[key]; fi != nil && fi.field != nil {
		fi.field.Load()
	}
	if pf.sync != nil {
		pf.sync()
	}
}

// flush copies the texts being typed into the report.
func (pf *partForm) flush() {
	if pf == nil {
		return
	}
	for _, fi := range pf.fields {
		if fi.field != nil {
			fi.field.Flush()
		}
	}
	if pf.sync != nil {
		pf.sync()
	}
	if pf.list != nil && pf.list.editing != nil {
		pf.list.editing.flush()
	}
}

// formBuilder collects the fields of a part.
type formBuilder struct {
	c      *common
	pf     *partForm
	fields []huh.Field
	syncs  []func()
	width  int
	height int
}

func newBuilder(c *common, p report.Part, width, height int) *formBuilder {
	return &formBuilder{c: c, pf: &partForm{part: p, fields: map[string]*fieldInfo{}}, width: width, height: height}
}

func (b *formBuilder) add(key string, f huh.Field, fi *fieldInfo) {
	fi.hf = f
	b.fields = append(b.fields, f)
	b.pf.fields[key] = fi
	b.pf.order = append(b.pf.order, key)
}

// input adds a one-line field bound to s.
func (b *formBuilder) input(key, title, desc string, s *string) *huh.Input {
	in := huh.NewInput().Key(key).Title(title).Value(s)
	if desc != "" {
		in.Description(desc)
	}
	b.add(key, in, &fieldInfo{title: title, text: s})
	if b.pf.inputs == nil {
		b.pf.inputs = map[string]*huh.Input{}
	}
	b.pf.inputs[key] = in
	return in
}

// text adds a multi-line field bound to s, lines tall. hint, when the
// field has a suggestion, says what the suggestion key does.
func (b *formBuilder) text(key, title, desc string, s *string, lines int, suggest func() string, hint string) *textfield.Field {
	var o textfield.Options
	if k := b.c.keys; k != nil {
		o = textfield.Options{Keys: &k.Text, Next: k.NextField, Prev: k.PrevField, Editor: k.Editor, Suggest: k.Suggest}
	}
	if suggest != nil {
		o.Hint = hint
	}
	t := textfield.New(key, title, desc, s, lines, o)
	b.add(key, t, &fieldInfo{title: title, text: s, multiline: true, field: t, suggest: suggest})
	return t
}

// lines adds a multi-line field for f, a list of one-line entries.
func (b *formBuilder) lines(f report.FieldSpec, desc string) {
	v := typedAs(f)
	b.text(f.Key, f.Label, desc, v.text, f.Rows, nil, "")
	b.syncs = append(b.syncs, func() { v.store() })
}

// date adds a field for f, a date written d/m/yyyy, m/yyyy or yyyy.
func (b *formBuilder) date(f report.FieldSpec) {
	v := typedAs(f)
	var bad string
	in := b.input(f.Key, f.Label, f.Hint, v.text)
	if f.Placeholder != "" {
		in.Placeholder(f.Placeholder)
	}
	b.pf.fields[f.Key].parseErr = func() string { return bad }
	b.syncs = append(b.syncs, func() { bad = v.store() })
}

// period adds f, the kind of period and its year.
func (b *formBuilder) period(f report.FieldSpec) {
	p := f.Period
	choice := p.Choice()
	year := ""
	if p.Year > 0 {
		year = strconv.Itoa(p.Year)
	}
	sel := huh.NewSelect[string]().Key(f.Key).Title(f.Label).
		Options(periodOptions()...).Value(&choice).Inline(true)
	b.add(f.Key, sel, &fieldInfo{title: f.Label})
	var bad string
	yearKey := f.Key + ".year"
	b.input(yearKey, "Năm báo cáo", "", &year).Placeholder(f.Placeholder)
	b.pf.fields[yearKey].parseErr = func() string { return bad }
	b.syncs = append(b.syncs, func() {
		np := report.ChosenPeriod(choice, p.Year)
		y, err := strconv.Atoi(strings.TrimSpace(year))
		switch {
		case strings.TrimSpace(year) == "":
			bad = "Chưa nhập năm báo cáo."
		case err != nil || y < 1:
			bad = badYear(year)
		default:
			bad = ""
			np.Year = y
		}
		*p = np
	})
}

// typedValue is the text typed for a field: text, which store puts in
// the report, saying why it could not ("" when it could).
type typedValue struct {
	text  *string
	store func() string
}

// typedAs binds the text typed for f, a field of one line, of text, of
// lines or a date, to the report. The full screen and plain mode type
// every such field as text.
func typedAs(f report.FieldSpec) typedValue {
	switch f.Kind {
	case report.LinesField:
		dst := f.Lines
		s := strings.Join(*dst, "\n")
		return typedValue{&s, func() string {
			var out []string
			for _, l := range strings.Split(s, "\n") {
				if strings.TrimSpace(l) != "" {
					out = append(out, l)
				}
			}
			if strings.Join(out, "\n") != strings.Join(*dst, "\n") {
				*dst = out
			}
			return ""
		}}
	case report.DateField:
		dst := f.Date
		s := dst.Field()
		return typedValue{&s, func() string {
			d, err := report.ParseDate(s)
			if err != nil {
				return err.Error()
			}
			*dst = d
			return ""
		}}
	}
	return typedValue{f.Text, func() string { return "" }}
}

// finish builds the huh form.
func (b *formBuilder) finish() *partForm {
	pf := b.pf
	syncs := b.syncs
	pf.sync = func() {
		for _, f := range syncs {
			f()
		}
	}
	if len(b.fields) > 0 {
		pf.form = newForm(b.c, b.width, 0, b.fields...)
		pf.form.Init()
		pf.setSize(b.width, b.height)
	}
	return pf
}
