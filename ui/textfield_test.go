package ui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// manyLines is a text of n lines.
func manyLines(n int) string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("Dòng %d của phần đánh giá.", i+1)
	}
	return strings.Join(lines, "\n")
}

// draftWith saves the example with section III's text set to text.
func draftWith(t *testing.T, dir, text string) string {
	t.Helper()
	r := report.Sample()
	r.Section("III").Text = text
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTextOf12000LinesKept: a text longer than huh's textarea holds
// (10,000 lines) is shown, edited and saved whole.
func TestTextOf12000LinesKept(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := manyLines(12000)
	path := draftWith(t, dir, text)
	d := newDriver(t, dir, 80, 24)
	d.key("enter")
	d.gotoPart("III")
	d.key("pgdown")
	d.key("ctrl+c", "c")
	if got := loadDraft(t, path).Section("III").Text; got != text {
		t.Fatalf("saved %d lines of 12000", strings.Count(got, "\n")+1)
	}
	d = newDriver(t, dir, 80, 24)
	d.key("enter")
	d.gotoPart("III")
	d.key("ctrl+end", "enter")
	d.typeText("Dòng thêm.")
	d.key("ctrl+s")
	if got := loadDraft(t, path).Section("III").Text; got != text+"\nDòng thêm." {
		t.Errorf("after typing: %d lines, ends %q", strings.Count(got, "\n")+1, got[len(got)-30:])
	}
}

// TestTooLongTextRefused: a text longer than the field edits is refused
// for editing with a message, and stays exactly as it was.
func TestTooLongTextRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := strings.Repeat("Một đoạn rất dài của phần đánh giá chung. ", maxTextRunes/40+10)
	text = strings.TrimSpace(text)
	path := draftWith(t, dir, text)
	d := newDriver(t, dir, 80, 24)
	d.key("enter")
	d.gotoPart("III")
	d.wantFlat("quá sức chứa của ô soạn thảo (500.000 ký tự): nội dung được giữ nguyên, không bị cắt")
	d.typeText("Z")
	d.key("backspace", "enter")
	d.send(tea.PasteMsg{Content: "dán"})
	if d.m.d.r.Section("III").Text != text {
		t.Fatal("a refused text changed")
	}
	d.key("ctrl+end", "up") // moving is fine
	d.key("ctrl+c", "c")
	if got := loadDraft(t, path).Section("III").Text; got != text {
		t.Errorf("saved %d characters of %d", len([]rune(got)), len([]rune(text)))
	}
}

// TestPasteTooLongRefused: a paste that would make a text too long is not
// inserted, not cut.
func TestPasteTooLongRefused(t *testing.T) {
	t.Parallel()
	f := newTextField("k", "Nội dung", "", new(string), 5)
	km := defaultKeyMap()
	f.keys = &km
	f.Focus()
	if f.paste(strings.Repeat("x", maxTextRunes+1)) {
		t.Fatal("pasted past the limit")
	}
	if f.buf.text() != "" {
		t.Error("part of the paste went in")
	}
}

// TestWrapAsTextarea: texts wrap in the box where huh's textarea wrapped
// them, so the screens look as they did.
func TestWrapAsTextarea(t *testing.T) {
	t.Parallel()
	texts := []string{
		report.Sample().Sections[1].Items[0].Text,
		"Một câu ngắn.",
		"",
		"Từ_rất_dài_không_có_dấu_cách_nào_để_ngắt_dòng_cả_mà_vẫn_phải_xuống_dòng đúng chỗ.",
		"Hai  dấu  cách   giữa    các từ, và dấu cách ở cuối ",
		"- Gạch đầu dòng\n- Dòng thứ hai dài hơn một chút để xuống dòng trong khung hẹp",
	}
	for _, width := range []int{10, 23, 40, 49, 77} {
		for _, text := range texts {
			ta := textarea.New()
			ta.ShowLineNumbers = false
			ta.Prompt = ""
			ta.SetWidth(width)
			ta.SetHeight(90)
			ta.SetValue(text)
			var want []string
			for _, l := range strings.Split(stripANSI(ta.View()), "\n") {
				want = append(want, strings.TrimRight(l, " "))
			}
			b := newTextBuffer(text, width, 90)
			b.moveToStart()
			got, _ := b.view(false, identity, identity)
			for i := range got {
				got[i] = strings.TrimRight(got[i], " ")
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("width %d, %q:\ngot\n%s\nwant\n%s", width, text, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// TestTextBufferEditing: the editing keys of a text field.
func TestTextBufferEditing(t *testing.T) {
	t.Parallel()
	b := newTextBuffer("một hai\nba", 20, 3)
	b.moveTo(0, 3)
	b.insert("\r\nx\ty")
	if got := b.text(); got != "một\nx y hai\nba" {
		t.Errorf("insert: %q", got)
	}
	b.deleteWordBack()
	if got := b.text(); got != "một\nx  hai\nba" {
		t.Errorf("delete word: %q", got)
	}
	b.moveTo(1, 0)
	b.deleteBack()
	if got := b.text(); got != "mộtx  hai\nba" || b.row != 0 || b.col != 3 {
		t.Errorf("join: %q at %d:%d", got, b.row, b.col)
	}
	b.moveToEnd()
	b.vertical(-1)
	if b.row != 0 || b.col != 2 {
		t.Errorf("up from the end: %d:%d", b.row, b.col)
	}
	b.deleteTo(len(b.lines[b.row]))
	if got := b.text(); got != "mộ\nba" {
		t.Errorf("delete to end: %q", got)
	}
}

// TestTextBufferScroll: the box follows the cursor and keeps it when the
// width changes.
func TestTextBufferScroll(t *testing.T) {
	t.Parallel()
	b := newTextBuffer(manyLines(50), 30, 5)
	lines, more := b.view(true, identity, func(s string) string { return "[" + s + "]" })
	if !more || !strings.Contains(lines[4], "Dòng 50") {
		t.Fatalf("not at the end:\n%s", strings.Join(lines, "\n"))
	}
	b.moveTo(20, 3)
	b.setSize(12, 5)
	lines, _ = b.view(true, identity, func(s string) string { return "[" + s + "]" })
	if !strings.Contains(strings.Join(lines, "\n"), "Dòn[g]") {
		t.Errorf("cursor not shown after a resize:\n%s", strings.Join(lines, "\n"))
	}
	if b.row != 20 || b.col != 3 {
		t.Errorf("cursor moved to %d:%d", b.row, b.col)
	}
}

// TestHintsWrapNotCut: every part's hint shows whole at 80 columns (the
// last character of a line one cell too long was lost: II.1's comma).
func TestHintsWrapNotCut(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	for _, p := range d.m.wiz.parts {
		ti := nq57.Item(p.ID)
		ts := nq57.Section(p.ID)
		prompt := ""
		switch {
		case ti != nil:
			prompt = ti.Prompt
		case ts != nil && p.Item < 0:
			prompt = ts.Prompt
		default:
			continue
		}
		d.gotoPart(p.ID)
		d.wantFlat(prompt)
		for _, l := range strings.Split(d.screen(), "\n") {
			if w := len([]rune(l)); w > 80 {
				t.Errorf("%s: a line of %d cells: %q", p.ID, w, l)
			}
		}
	}
}

// TestPasteTooLongSaid: a paste refused for its length says so under the
// field, with the limit, and that nothing was inserted; the next key ends
// the message.
func TestPasteTooLongSaid(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("III")
	before := d.m.d.r.Section("III").Text
	d.send(tea.PasteMsg{Content: strings.Repeat("Dán rất dài. ", 564_000/13+1)})
	if d.m.d.r.Section("III").Text != before {
		t.Fatal("part of the paste went in")
	}
	n := count(len([]rune(strings.Repeat("Dán rất dài. ", 564_000/13+1))))
	d.wantFlat("Chưa dán gì: đoạn dán dài " + n + " ký tự, quá sức chứa của ô soạn thảo (500.000 ký tự, ô đang có " +
		count(len([]rune(before))) + " ký tự). Hãy dán từng phần ngắn hơn, hoặc dán vào trình soạn thảo ngoài (Ctrl+O).")
	d.key("right")
	if strings.Contains(d.screen(), "Chưa dán gì") {
		t.Error("the message stays after a key")
	}
}
