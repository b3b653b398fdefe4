package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
	"baocao/ui/textfield"
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
	text := strings.Repeat("Một đoạn rất dài của phần đánh giá chung. ", textfield.MaxRunes/40+10)
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
	count := func(n int) string { return report.FormatValue(strconv.Itoa(n)) }
	n := count(len([]rune(strings.Repeat("Dán rất dài. ", 564_000/13+1))))
	d.wantFlat("Chưa dán gì: đoạn dán dài " + n + " ký tự, quá sức chứa của ô soạn thảo (500.000 ký tự, ô đang có " +
		count(len([]rune(before))) + " ký tự). Hãy dán từng phần ngắn hơn, hoặc dán vào trình soạn thảo ngoài (Ctrl+O).")
	d.key("right")
	if strings.Contains(d.screen(), "Chưa dán gì") {
		t.Error("the message stays after a key")
	}
}
