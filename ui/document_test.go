package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"baocao/report"
)

// hostileReviewDraft is a draft an official can really make: an item
// emptied of title and text (the document leaves it out), an untitled item
// after it, three addressees, 200 recipients and no indicator reported.
func hostileReviewDraft() *report.Report {
	r := report.Sample()
	s := r.Section("I")
	s.Items[1].Title, s.Items[1].Text = "", ""
	s.Items = append(s.Items, report.Item{Text: "Mục thêm không có tiêu đề, số thứ tự đứng đầu đoạn."})
	r.Addressees = []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh", "Ban Tuyên giáo Tỉnh ủy"}
	r.Recipients = nil
	for i := range 200 {
		r.Recipients = append(r.Recipients, fmt.Sprintf("Phòng Văn hóa - Xã hội số %d (để biết)", i+1))
	}
	for i := range r.Indicators {
		r.Indicators[i].Value, r.Indicators[i].LastYear = "", ""
	}
	return r
}

// TestReviewSaysTheOutline: the review shows every paragraph of the
// document's outline, in order, wrapped and not cut, each column's lines
// in their column, and not a word the outline lacks: review, PDF and Word
// say the same thing.
func TestReviewSaysTheOutline(t *testing.T) {
	t.Parallel()
	for name, r := range map[string]*report.Report{"sample": report.Sample(), "hostile": hostileReviewDraft()} {
		for _, width := range []int{80, 120} {
			t.Run(fmt.Sprintf("%s-%d", name, width), func(t *testing.T) {
				dir := t.TempDir()
				path, err := (&report.Store{Dir: dir}).Create(r)
				if err != nil {
					t.Fatal(err)
				}
				d := newDriver(t, dir, width, 40)
				d.key("enter", "ctrl+r")
				o := loadDraft(t, path).Outline()
				if name == "hostile" && (o.Appendix != nil || !o.Addressees.List() || len(o.Recipients.Lines) != 201) {
					t.Fatalf("not the hostile outline: %+v", o)
				}
				lines := d.review().lines
				for i, l := range lines {
					lines[i] = stripANSI(l)
				}
				// The document ends at the rule above the problems.
				end := len(lines)
				for end > 0 && !strings.HasPrefix(lines[end-1], "───") {
					end--
				}
				checkReviewSays(t, o, lines[:end-2], min(width-2, 90))
			})
		}
	}
}

// checkReviewSays checks the lines of the review's document, w cells
// wide, against the outline o.
func checkReviewSays(t *testing.T, o *report.Outline, lines []string, w int) {
	t.Helper()
	for _, l := range lines {
		if lipgloss.Width(l) > w {
			t.Errorf("line wider than %d: %q", w, l)
		}
	}
	// The regions: header, body, Nơi nhận and signature, appendix.
	find := func(from int, ok func(string) bool) int {
		for i := from; i < len(lines); i++ {
			if ok(lines[i]) {
				return i
			}
		}
		t.Fatalf("no such line after %d:\n%s", from, strings.Join(lines, "\n"))
		return -1
	}
	kind := find(0, func(l string) bool { return strings.TrimSpace(l) == o.Kind })
	recip := find(kind, func(l string) bool { return strings.HasPrefix(l, o.Recipients.Label) })
	annex := len(lines)
	if o.Appendix != nil {
		annex = find(recip, func(l string) bool { return strings.HasPrefix(l, "───") })
	}
	colW := w / 2
	left := func(ls []string) []string { return wordsBetween(ls, 0, colW) }
	right := func(ls []string) []string { return wordsBetween(ls, colW, w) }
	fill := func(l report.Line) string { return l.Format(blankFill) }

	h := o.Header
	inOrder(t, "header, left", left(lines[:kind]), append(append([]string{h.Parent}, h.Agency...), fill(h.Number))...)
	inOrder(t, "header, right", right(lines[:kind]), h.Nation, h.Motto, fill(h.PlaceDate))

	body := []string{o.Kind, o.Title}
	if len(o.Addressees.Names) > 0 {
		body = append(append(body, o.Addressees.Label), o.Addressees.Names...)
	}
	for _, p := range append(append([]report.Para(nil), o.Body...), o.Closing...) {
		body = append(body, p.Text)
	}
	inOrder(t, "body", wordsBetween(lines[kind:recip], 0, w), body...)
	for _, l := range lines[kind:recip] {
		if regexp.MustCompile(`^\d+\.$`).MatchString(strings.TrimSpace(l)) {
			t.Errorf("a bare number: %q", l)
		}
	}

	inOrder(t, "Nơi nhận", left(lines[recip:annex]), append([]string{o.Recipients.Label}, o.Recipients.Lines...)...)
	s := o.Signature
	inOrder(t, "signature", right(lines[recip:annex]), s.Authority, s.Title, s.Name)

	allowed := map[string]bool{}
	allow := func(texts ...string) {
		for _, s := range texts {
			for _, f := range strings.Fields(s) {
				allowed[f] = true
			}
		}
	}
	allow(h.Parent, h.Nation, h.Motto, fill(h.Number), fill(h.PlaceDate), o.Recipients.Label, s.Authority, s.Title, s.Name)
	allow(h.Agency...)
	allow(body...)
	allow(o.Recipients.Lines...)
	if a := o.Appendix; a != nil {
		inOrder(t, "appendix", wordsBetween(lines[annex:], 0, w), a.Label, a.Title, fill(a.Reference))
		// The table, column by column, from its heading row.
		table := lines[find(annex, func(l string) bool { return strings.HasPrefix(l, a.Columns[0]) }):]
		x := 0
		for i, cw := range tableWidths(w) {
			col := []string{a.Columns[i]}
			for _, row := range a.Rows {
				col = append(col, row[i])
			}
			inOrder(t, "column "+a.Columns[i], wordsBetween(table, x, x+cw), col...)
			allow(col...)
			x += cw + 1
		}
		allow(a.Label, a.Title, fill(a.Reference), strings.Repeat("─", w))
	}
	for _, l := range lines {
		for _, f := range strings.Fields(l) {
			if !allowed[f] {
				t.Errorf("the review says %q, which the outline does not, in %q", f, l)
			}
		}
	}
}

// wordsBetween are the words of lines between cells from and to.
func wordsBetween(lines []string, from, to int) []string {
	var words []string
	for _, l := range lines {
		r := []rune(l)
		if from >= len(r) {
			continue
		}
		words = append(words, strings.Fields(string(r[from:min(to, len(r))]))...)
	}
	return words
}

// inOrder checks that each text's words follow one another in words, the
// texts one after the other.
func inOrder(t *testing.T, where string, words []string, texts ...string) {
	t.Helper()
	at := 0
	for _, text := range texts {
		want := strings.Fields(text)
		if len(want) == 0 {
			continue
		}
		found := -1
		for i := at; i+len(want) <= len(words); i++ {
			if strings.Join(words[i:i+len(want)], " ") == strings.Join(want, " ") {
				found = i
				break
			}
		}
		if found < 0 {
			t.Errorf("%s: the review lacks %q where the outline has it (after word %d of %d)", where, text, at, len(words))
			return
		}
		at = found + len(want)
	}
}

// TestReviewBlanksVisible: the number and the day left for the clerk show
// as a visible fill in the header and in the appendix's reference.
func TestReviewBlanksVisible(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := (&report.Store{Dir: dir}).Create(report.Sample()); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 100, 30)
	d.key("enter", "ctrl+r")
	all := stripANSI(strings.Join(d.review().lines, "\n"))
	for _, want := range []string{"Số: ……/BC-UBND", "ngày …… tháng 3 năm 2026", "(Kèm theo Báo cáo số ……/BC-UBND ngày ……"} {
		if !strings.Contains(all, want) {
			t.Errorf("review lacks %q:\n%s", want, all)
		}
	}
}

// TestReviewKeepsSymbolsWhole: at every width, the review shows a
// document's number or symbol («45/KH-UBND», «57-NQ/TW») whole on one
// line, never «45/KH-» at a line's end and «UBND» on the next, including
// at the widths where the symbol reaches the end of a line.
func TestReviewKeepsSymbolsWhole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Request.Number = "45/KH-UBND"
	r.Section("III").Text = "Các nhiệm vụ theo Kế hoạch số 45/KH-UBND và Nghị quyết số 57-NQ/TW được triển khai đúng tiến độ; các chỉ tiêu của Kế hoạch số 45/KH-UBND cơ bản đạt yêu cầu."
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 40)
	d.key("enter", "ctrl+r")
	atEnd := map[string]int{}
	for width := 40; width <= 92; width++ {
		d.send(tea.WindowSizeMsg{Width: width, Height: 40})
		for _, l := range d.review().lines {
			f := strings.Fields(stripANSI(l))
			if len(f) == 0 {
				continue
			}
			last := strings.TrimRight(f[len(f)-1], ",.;)")
			for _, sym := range []string{"45/KH-UBND", "57-NQ/TW"} {
				switch {
				case last == sym:
					atEnd[sym]++
				case strings.HasPrefix(sym, last) && strings.ContainsAny(last[len(last)-1:], "-/"):
					t.Errorf("width %d: «%s» split, a line ends %q", width, sym, last)
				}
			}
		}
	}
	for _, sym := range []string{"45/KH-UBND", "57-NQ/TW"} {
		if atEnd[sym] == 0 {
			t.Errorf("«%s» never reaches the end of a line: the test needs it there", sym)
		}
	}
}
