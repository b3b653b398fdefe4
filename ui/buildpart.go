package ui

import (
	"strings"

	"charm.land/huh/v2"

	"baocao/report"
)

func periodOptions() []huh.Option[string] {
	var out []huh.Option[string]
	for _, c := range report.PeriodChoices {
		out = append(out, huh.NewOption(c.Label, c.Key))
	}
	return out
}

// badYear says that s, typed as the year of the report, is not one: the
// same words in the new report form, the general part and plain mode.
func badYear(s string) string {
	return "Năm «" + s + "» không hợp lệ (ví dụ: 2026)."
}

// buildPart builds the form of part p of r, width×height cells, from
// what the part asks (report.PartFields); plain mode asks the same fields
// as questions (plain.editPart).
func buildPart(c *common, r *report.Report, p report.Part, width, height int) *partForm {
	b := newBuilder(c, p, width, height)
	switch p.ID {
	case report.PartIndicators:
		b.pf.list = &rowList{rows: indicatorRows{r}}
	case report.PartRecipients:
		b.pf.list = &rowList{rows: recipientRows{r}}
	}
	for _, f := range report.PartFields(r, p) {
		b.field(f)
	}
	return b.finish()
}

// field adds the huh field that edits f.
func (b *formBuilder) field(f report.FieldSpec) {
	if f.Shown != nil {
		b.pf.preview = f.Shown
	}
	switch f.Kind {
	case report.LineField:
		in := b.input(f.Key, f.Label, f.Hint, f.Text)
		if f.Placeholder != "" {
			in.Placeholder(f.Placeholder)
		}
		if len(f.Choices) > 0 {
			in.Suggestions(f.Choices)
		}
	case report.DateField:
		b.date(f)
	case report.PeriodField:
		b.period(f)
	case report.LinesField:
		b.lines(f, formHint(f))
	case report.TextField:
		suggest, hint := f.Suggest, ""
		if f.Derived != nil {
			// The suggestion key copies the automatic text to edit.
			suggest, hint = f.Take, "chép "+f.DerivedName+" vào đây để sửa"
		}
		t := b.text(f.Key, f.Label, f.Hint, f.Text, f.Rows, suggest, hint)
		if f.Fill {
			b.pf.fill = t
		}
	}
}

// formHint is f's hint as the full screen shows it: its example lines
// follow it with « / » between them, as the field shows them one under
// another.
func formHint(f report.FieldSpec) string {
	if len(f.Example) == 0 {
		return f.Hint
	}
	return f.Hint + ": " + strings.Join(f.Example, " / ") + "."
}
