package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Text laid out in cells.

func padRight(s string, w int) string {
	if d := w - lipgloss.Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

func padLeft(s string, w int) string {
	if d := w - lipgloss.Width(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// truncate cuts s to w cells, ending with "…" when cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(s) <= w {
		return s
	}
	var b strings.Builder
	cur := 0
	for _, r := range s {
		rw := lipgloss.Width(string(r))
		if cur+rw > w-1 {
			break
		}
		b.WriteRune(r)
		cur += rw
	}
	return b.String() + "…"
}

// ellipsis ends s, a line followed by more text, with one "…", within w
// cells.
func ellipsis(s string, w int) string {
	s = strings.TrimRight(s, " …")
	if lipgloss.Width(s)+1 <= w {
		return s + "…"
	}
	return strings.TrimRight(truncate(s, w), " …") + "…"
}

// wrapText wraps s at spaces to lines of at most w cells; a word longer
// than a line is cut across lines.
func wrapText(s string, w int) string {
	return lipgloss.Wrap(s, max(w, 1), " ")
}

// wrapStyled wraps text to width, indents the lines after the first by two
// cells and styles each line.
func wrapStyled(st lipgloss.Style, text string, width int) []string {
	var out []string
	for i, l := range strings.Split(wrapText(text, width-2), "\n") {
		if i > 0 {
			l = "  " + l
		}
		out = append(out, st.Render(l))
	}
	return out
}

// fitHeight pads or cuts s to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func stripANSI(s string) string { return ansi.Strip(s) }
