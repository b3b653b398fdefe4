package textfield

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/textarea"
	"github.com/charmbracelet/x/ansi"

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
			for _, l := range strings.Split(ansi.Strip(ta.View()), "\n") {
				want = append(want, strings.TrimRight(l, " "))
			}
			b := newBuffer(text, width, 90)
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
	b := newBuffer("một hai\nba", 20, 3)
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
	b := newBuffer(manyLines(50), 30, 5)
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
