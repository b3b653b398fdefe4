package ui

import (
	"errors"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"baocao/report"
)

// How plain mode asks: a question wrapped to the terminal, its answer read
// on one line, a yes/no question, and a field's answer checked before it
// is stored.

// prompt prints a question, wrapped, and returns the column its answer
// starts at.
func (p *plain) prompt(q string) int {
	w := p.src.width()
	rows := wrapLine(q, w)
	last := rows[len(rows)-1]
	var b strings.Builder
	for _, r := range rows[:len(rows)-1] {
		b.WriteString(r + "\n")
	}
	col := ansi.StringWidthWc(last) + 1
	if col < w-10 {
		b.WriteString(last + " ")
	} else {
		b.WriteString(last + "\n")
		col = 0
	}
	io.WriteString(p.out, b.String())
	return col
}

// ask asks a question answered in one line and returns the answer: Enter
// (or a line erased back to nothing) keeps def, "-" empties it. False when
// the input ended.
func (p *plain) ask(title, desc, def string) (string, bool) {
	return p.read(title, desc, def, false)
}

// askText asks for a text of several lines: typed with " // " between
// them, or pasted.
func (p *plain) askText(title, desc, def string) (string, bool) {
	return p.read(title, desc, def, true)
}

func (p *plain) read(title, desc, def string, lines bool) (string, bool) {
	if desc != "" {
		p.say("%s\n", desc)
	}
	shown := title
	if def != "" {
		shown += " [" + strings.ReplaceAll(def, "\n", lineSep) + "]"
	}
	v, err := p.src.answer(p.prompt(shown + ":"))
	if errors.Is(err, errInterrupted) {
		p.interrupt()
	}
	if err != nil {
		p.ended = true
		return def, false
	}
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return def, true
	case v == "-":
		return "", true
	case lines:
		return splitLines(v), true
	case strings.Contains(v, "\n"):
		v = strings.Join(strings.Fields(v), " ")
		p.say("(Câu hỏi này nhận một dòng: các dòng vừa dán được nối lại thành «%s».)\n", v)
	}
	return v, true
}

// splitLines turns a one-line answer into lines at " // ": a separator
// with spaces around it, so that a web address keeps its "//".
func splitLines(s string) string {
	return strings.ReplaceAll(s, lineSep, "\n")
}

// yes asks a yes/no question: c/y/có for yes, k/n/không for no, Enter for
// def.
func (p *plain) yes(question string, def bool) bool {
	for {
		a, ok := p.ask(question, "", "")
		if !ok {
			return def
		}
		switch strings.ToLower(a) {
		case "":
			return def
		case "c", "y", "có", "co":
			return true
		case "k", "n", "không", "khong":
			return false
		}
		p.say("Hãy gõ c (có) hoặc k (không).\n")
	}
}

// askValid asks for the field bound to dst and prints the answer's
// problems (from parse, when not nil, and from report.Check). An answer
// with an error is not stored: the question is asked again with the
// stored value in brackets. Where a value may be kept to be corrected
// later (parse understood it, and the field is not in a list), typing the
// same answer again stores it. Pressing Enter keeps the stored value,
// errors and all: a draft with errors still saves. In a list (list set),
// "q" ends the list: false is returned with p.ended unset. When suggest is
// not nil, "+" takes the suggested wording: at once in an empty field,
// after asking in a filled one. A line typed but not entered when Ctrl+C
// ends the program is stored as an answer would be, if it has no error
// that would make the question be asked again. False when the input
// ended.
func (p *plain) askValid(title, desc string, dst *string, field string, lines bool, parse func() string, list bool, suggest func() string) bool {
	problems := func() (errs, warns []string, parseErr bool) {
		if parse != nil {
			if msg := parse(); msg != "" {
				errs, parseErr = append(errs, msg), true
			}
		}
		for _, pr := range p.cur.check(p.opt.Now().Year()).ForField(field) {
			if pr.Severity == report.Error {
				errs = append(errs, pr.String())
			} else {
				warns = append(warns, pr.String())
			}
		}
		return errs, warns, parseErr
	}
	p.asking(&askedField{title: title, keep: func(v string) bool {
		if v == "-" || v == "+" || (list && strings.EqualFold(v, "q")) {
			return false // a command, not an answer
		}
		if lines {
			v = splitLines(v)
		} else {
			v = strings.Join(strings.Fields(v), " ")
		}
		old := *dst
		*dst = v
		if errs, _, parseErr := problems(); len(errs) > 0 && (parseErr || list) {
			*dst = old
			problems()
			return false
		}
		return true
	}})
	defer p.asking(nil)
	refused := ""
	for {
		v, ok := p.read(title, desc, *dst, lines)
		if !ok {
			return false
		}
		if list && strings.EqualFold(v, "q") {
			return false
		}
		if v == "+" && suggest != nil {
			if strings.TrimSpace(*dst) != "" && !p.yes("Ô này đã có nội dung. Thay bằng lời văn gợi ý? (c: thay · k: giữ nguyên)", false) {
				p.say("Đã giữ nguyên nội dung của ô.\n")
				return !p.ended
			}
			v = suggest()
		}
		old := *dst
		var errs, warns []string
		var parseErr bool
		p.set(func() {
			*dst = v
			errs, warns, parseErr = problems()
		})
		for _, m := range append(errs, warns...) {
			p.say("%s\n", m)
		}
		if len(errs) == 0 || v == old || v == refused {
			return true
		}
		p.set(func() {
			*dst = old
			problems()
		})
		kept := "bỏ trống"
		if old != "" {
			kept = "giữ «" + oneLine(old) + "»"
		}
		if parseErr || list {
			p.say("Chưa ghi «%s». Hãy nhập lại, hoặc Enter để %s.\n", oneLine(v), kept)
			continue
		}
		refused = v
		p.say("Chưa ghi «%s». Hãy nhập lại, hoặc Enter để %s; gõ lại đúng như trên nếu vẫn muốn ghi để sửa sau.\n", oneLine(v), kept)
	}
}

// oneLine shows a multi-line value on one line, as plain mode types it.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", lineSep) }
