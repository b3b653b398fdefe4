package ui

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// listMarker is the start of a list line: indentation, then "- " or a
// number and ". ". Its continuation rows are indented to the text.
var listMarker = regexp.MustCompile(`^ *(- |[0-9]+\. )?`)

// wrapLine breaks one line of text at spaces into rows no wider than
// width cells (display width: a Vietnamese letter with its marks is one
// cell). A word longer than a row is cut between characters.
func wrapLine(s string, width int) []string {
	width = max(width, 10)
	if ansi.StringWidthWc(s) <= width {
		return []string{s}
	}
	prefix := listMarker.FindString(s)
	pad := strings.Repeat(" ", len(prefix))
	if len(pad) > width/2 {
		pad = ""
	}
	var rows []string
	row, rw, words := prefix, len(prefix), 0
	add := func(w string, ww int) {
		if words > 0 && rw+1+ww > width {
			rows = append(rows, row)
			row, rw, words = pad, len(pad), 0
		}
		if words > 0 {
			row += " "
			rw++
		}
		row += w
		rw += ww
		words++
	}
	for _, w := range keepQuotes(strings.Fields(s[len(prefix):]), width-len(pad)) {
		ww := ansi.StringWidthWc(w)
		room := width - len(pad)
		for ww > room {
			// Cut the part that fits on a row of its own.
			cut, cw := 0, 0
			for i, r := range w {
				if rw2 := runeWidth(r); cw+rw2 > room {
					cut = i
					break
				} else {
					cw += rw2
				}
			}
			if cut == 0 {
				break
			}
			add(w[:cut], cw)
			w, ww = w[cut:], ww-cw
		}
		add(w, ww)
	}
	return append(rows, row)
}

// keepQuotes joins the words of a short quotation («…», as in « // »)
// into one, so that no row breaks inside it: what is between the marks is
// read as one token. A quotation wider than room stays in words.
func keepQuotes(words []string, room int) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		depth := strings.Count(words[i], "«") - strings.Count(words[i], "»")
		j := i
		for depth > 0 && j+1 < len(words) {
			j++
			depth += strings.Count(words[j], "«") - strings.Count(words[j], "»")
		}
		if joined := strings.Join(words[i:j+1], " "); j > i && depth <= 0 && ansi.StringWidthWc(joined) <= room {
			out = append(out, joined)
			i = j
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// wrapLines wraps every line of s.
func wrapLines(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(wrapLine(l, width), "\n")
	}
	return strings.Join(lines, "\n")
}
