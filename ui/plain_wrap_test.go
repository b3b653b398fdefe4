package ui

import (
	"strings"
	"testing"
)

// TestWrapNeverBreaksInsideQuote: at every width, a short quoted token
// such as « // » stays whole on one row; a quotation wider than a row
// still wraps.
func TestWrapNeverBreaksInsideQuote(t *testing.T) {
	t.Parallel()
	hint := "Nêu việc lãnh đạo, chỉ đạo. Sang dòng mới: gõ « // », hoặc dán cả đoạn nhiều dòng; gõ «+» để dùng lời văn gợi ý."
	for width := 10; width <= 90; width++ {
		rows := wrapLine(hint, width)
		for _, r := range rows {
			if strings.Count(r, "«") != strings.Count(r, "»") {
				t.Errorf("width %d: row %q breaks inside a quote:\n%s", width, r, strings.Join(rows, "\n"))
				break
			}
		}
		if got := strings.Join(rows, " "); got != hint {
			t.Errorf("width %d: words changed: %q", width, got)
		}
	}
	long := "Chưa ghi «" + strings.Repeat("chữ ", 30) + "». Hãy nhập lại."
	for _, r := range wrapLine(long, 40) {
		if w := len([]rune(r)); w > 40 {
			t.Errorf("a long quotation makes a row of %d: %q", w, r)
		}
	}
}
