package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"baocao/report"
)

// sidebar lists the report's parts with their marks, the current one
// pointed at. While it has the keys, ↑/↓ or a number choose a part.
type sidebar struct {
	top    int // the first part shown
	digits string
	typed  time.Time

	// drawn is the last drawing and what it was drawn for: it is drawn
	// again only when something shown changes, not on every key.
	drawn    []string
	drawnFor string
}

// The marks of a part in the sidebar.
const (
	markError   = "!"
	markEmpty   = "○"
	markWarning = "?"
	markPartial = "◐"
	markDone    = "●"
)

// sidebarWidth is the width of the sidebar's text for a window width cells
// wide: the longest title when the part's pane keeps 70 cells, at least
// 26.
func sidebarWidth(parts []report.Part, width int) int {
	widest := 0
	for _, p := range parts {
		widest = max(widest, lipgloss.Width(p.Title))
	}
	return max(26, min(widest+6, width-70))
}

// number reads a digit typed at t: digits typed within 1.5 s make one
// number ("1", "3": part 13). It returns the part chosen, or -1.
func (s *sidebar) number(digit string, t time.Time, parts int) int {
	if t.Sub(s.typed) > 1500*time.Millisecond {
		s.digits = ""
	}
	s.digits += digit
	s.typed = t
	n := 0
	fmt.Sscan(s.digits, &n)
	if n < 1 || n > parts {
		s.digits = digit
		fmt.Sscan(digit, &n)
	}
	if n >= 1 && n <= parts {
		return n - 1
	}
	return -1
}

// at is the part shown on line y of the sidebar, or -1.
func (s *sidebar) at(y, parts int) int {
	if i := s.top + y; i >= 0 && i < parts {
		return i
	}
	return -1
}

// lines draws height lines of the sidebar, width cells of text and its
// border; cur is the current part, focused whether the sidebar has the
// keys.
func (s *sidebar) lines(st *styles, parts []report.Part, marks []string, cur int, focused bool, width, height int) []string {
	look := fmt.Sprintf("%p %d %v %d %t %d %d %d %t", parts, len(parts), marks, cur, focused, width, height, s.top, st.dark)
	if look == s.drawnFor && len(s.drawn) == height {
		return s.drawn
	}
	if cur < s.top {
		s.top = cur
	}
	if cur >= s.top+height {
		s.top = cur - height + 1
	}
	s.top = max(0, min(s.top, len(parts)-height))
	border := st.SideBorder.Render("│")
	out := make([]string, 0, height)
	for i := s.top; i < len(parts) && len(out) < height; i++ {
		num := fmt.Sprintf("%2d", i+1)
		mark := markEmpty
		if i < len(marks) {
			mark = marks[i]
		}
		title := truncate(parts[i].Title, width-6)
		pad := strings.Repeat(" ", max(width-6-lipgloss.Width(title), 0))
		var line string
		switch {
		case i == cur && focused:
			line = st.SideCurrent.Render("›" + num + " " + mark + " " + title + pad)
		case i == cur:
			line = st.Strong.Render("›"+num) + " " + styleMark(st, mark) + " " + st.Strong.Render(title) + pad
		default:
			line = " " + st.SideNumber.Render(num) + " " + styleMark(st, mark) + " " + title + pad
		}
		out = append(out, line+" "+border)
	}
	blank := strings.Repeat(" ", width) + " " + border
	for len(out) < height {
		out = append(out, blank)
	}
	s.drawn, s.drawnFor = out, look
	return out
}

func styleMark(st *styles, m string) string {
	switch m {
	case markError:
		return st.Error.Render(m)
	case markEmpty:
		return st.MarkEmpty.Render(m)
	case markWarning:
		return st.Warning.Render(m)
	case markPartial:
		return st.MarkPartial.Render(m)
	}
	return st.MarkDone.Render(m)
}

// partMarks are the marks of parts, whose states are given: errors first,
// then how far each is filled, warnings when filled.
func partMarks(parts []report.Part, states []report.PartState, problems report.Problems) []string {
	errs, warns := map[string]int{}, map[string]int{}
	for _, p := range problems {
		if p.Severity == report.Error {
			errs[p.Part]++
		} else {
			warns[p.Part]++
		}
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		state := states[i]
		switch {
		case errs[p.ID] > 0:
			out[i] = markError
		case state == report.Empty:
			out[i] = markEmpty
		case warns[p.ID] > 0:
			out[i] = markWarning
		case state == report.Partial:
			out[i] = markPartial
		default:
			out[i] = markDone
		}
	}
	return out
}
