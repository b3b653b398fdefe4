package ui

import (
	"image/color"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// styles holds every style of the interface, grouped by screen. It is built
// once per background by newStyles; nothing else creates styles.
type styles struct {
	dark bool

	// Common.
	Bar       lipgloss.Style // the top line
	BarDim    lipgloss.Style
	Title     lipgloss.Style // a screen's or part's title
	Dim       lipgloss.Style // prompts, hints
	Strong    lipgloss.Style
	Selected  lipgloss.Style // the row under the cursor
	Error     lipgloss.Style
	Warning   lipgloss.Style
	OK        lipgloss.Style
	Status    lipgloss.Style
	StatusErr lipgloss.Style
	HelpKey   lipgloss.Style
	HelpDesc  lipgloss.Style

	// Drafts.
	BarFull  lipgloss.Style
	BarEmpty lipgloss.Style

	// Wizard.
	Sidebar        lipgloss.Style
	SideBorder     lipgloss.Style
	SideCurrent    lipgloss.Style
	SideNumber     lipgloss.Style
	MarkEmpty      lipgloss.Style
	MarkPartial    lipgloss.Style
	MarkDone       lipgloss.Style
	Preview        lipgloss.Style
	ListHeader     lipgloss.Style
	ListCurrent    lipgloss.Style
	ProblemCurrent lipgloss.Style

	// Review.
	DocHeading lipgloss.Style
	DocItalic  lipgloss.Style

	// form is the theme of the embedded huh forms.
	form *huh.Styles
}

// newStyles returns the styles for a dark or a light background. Without
// colour (NO_COLOR, or a terminal that has none) the renderer drops the
// colours; bold, reverse and the marks keep everything readable.
func newStyles(dark bool) styles {
	ld := lipgloss.LightDark(dark)
	var (
		accent = ld(lipgloss.Color("#3B5BDB"), lipgloss.Color("#91A7FF"))
		dim    = ld(lipgloss.Color("#5C5F66"), lipgloss.Color("#A6A7AB"))
		red    = ld(lipgloss.Color("#C92A2A"), lipgloss.Color("#FF8787"))
		amber  = ld(lipgloss.Color("#A15C00"), lipgloss.Color("#FFD43B"))
		green  = ld(lipgloss.Color("#2B8A3E"), lipgloss.Color("#8CE99A"))
		border = ld(lipgloss.Color("#ADB5BD"), lipgloss.Color("#5C5F66"))
		barBg  = ld(lipgloss.Color("#DBE4FF"), lipgloss.Color("#2C2E6B"))
		barFg  = ld(lipgloss.Color("#1C1F3B"), lipgloss.Color("#E7EAFF"))
	)
	s := styles{dark: dark}
	s.Bar = lipgloss.NewStyle().Bold(true).Foreground(barFg).Background(barBg)
	s.BarDim = lipgloss.NewStyle().Foreground(barFg).Background(barBg)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Strong = lipgloss.NewStyle().Bold(true)
	s.Selected = lipgloss.NewStyle().Reverse(true)
	s.Error = lipgloss.NewStyle().Foreground(red)
	s.Warning = lipgloss.NewStyle().Foreground(amber)
	s.OK = lipgloss.NewStyle().Foreground(green)
	s.Status = lipgloss.NewStyle().Foreground(dim)
	s.StatusErr = lipgloss.NewStyle().Bold(true).Foreground(red)
	s.HelpKey = lipgloss.NewStyle().Bold(true)
	s.HelpDesc = lipgloss.NewStyle().Foreground(dim)

	s.BarFull = lipgloss.NewStyle().Foreground(green)
	s.BarEmpty = lipgloss.NewStyle().Foreground(border)

	s.Sidebar = lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, true, false, false).BorderForeground(border).PaddingRight(1)
	s.SideBorder = lipgloss.NewStyle().Foreground(border)
	s.SideCurrent = lipgloss.NewStyle().Bold(true).Reverse(true)
	s.SideNumber = lipgloss.NewStyle().Foreground(dim)
	s.MarkEmpty = lipgloss.NewStyle().Foreground(dim)
	s.MarkPartial = lipgloss.NewStyle().Foreground(amber)
	s.MarkDone = lipgloss.NewStyle().Foreground(green)
	s.Preview = lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(border).PaddingLeft(1).Italic(true)
	s.ListHeader = lipgloss.NewStyle().Bold(true).Underline(true)
	s.ListCurrent = lipgloss.NewStyle().Reverse(true)
	s.ProblemCurrent = lipgloss.NewStyle().Reverse(true)

	s.DocHeading = lipgloss.NewStyle().Bold(true)
	s.DocItalic = lipgloss.NewStyle().Italic(true)

	s.form = formStyles(dark, accent, dim, red, green)
	return s
}

// formStyles is the huh theme matching the styles: huh's base theme with our
// colours, a focus bar that stays visible without colour.
func formStyles(dark bool, accent, dim, red, green color.Color) *huh.Styles {
	t := huh.ThemeBase(dark)
	t.Focused.Base = t.Focused.Base.BorderForeground(accent)
	t.Focused.Title = t.Focused.Title.Foreground(accent).Bold(true)
	t.Focused.Description = t.Focused.Description.Foreground(dim)
	t.Focused.ErrorIndicator = t.Focused.ErrorIndicator.Foreground(red)
	t.Focused.ErrorMessage = t.Focused.ErrorMessage.Foreground(red)
	t.Focused.SelectSelector = t.Focused.SelectSelector.Foreground(accent)
	t.Focused.NextIndicator = t.Focused.NextIndicator.Foreground(accent)
	t.Focused.PrevIndicator = t.Focused.PrevIndicator.Foreground(accent)
	t.Focused.SelectedOption = t.Focused.SelectedOption.Foreground(green)
	t.Focused.TextInput.Cursor = t.Focused.TextInput.Cursor.Foreground(accent)
	t.Focused.TextInput.Placeholder = t.Focused.TextInput.Placeholder.Foreground(dim)
	t.Focused.TextInput.Prompt = t.Focused.TextInput.Prompt.Foreground(accent)
	t.Focused.FocusedButton = t.Focused.FocusedButton.Reverse(true).Bold(true)
	t.Focused.BlurredButton = lipgloss.NewStyle().Padding(0, 2).MarginRight(1)
	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Title = t.Blurred.Title.Foreground(nil).Bold(true)
	t.Blurred.Card = t.Blurred.Base
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()
	// A blurred choice keeps its mark, as a blurred input keeps its "> ":
	// without colour, the mark is all that shows which option is chosen.
	t.Blurred.SelectSelector = t.Focused.SelectSelector.Foreground(nil)
	t.Group.Title = t.Focused.Title
	t.Group.Description = t.Focused.Description
	t.FieldSeparator = lipgloss.NewStyle().SetString("\n")
	return t
}

// formTheme is the huh theme for the current background: forms built with
// it follow a change of background.
func (s *styles) formTheme() huh.Theme {
	return huh.ThemeFunc(func(bool) *huh.Styles { return s.form })
}
