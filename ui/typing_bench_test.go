package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// longText is about n characters of a report's paragraphs, a line break
// every three sentences.
func longText(n int) string {
	para := "Việc cung cấp dịch vụ công trực tuyến mức độ toàn trình được duy trì ổn định; tỷ lệ hồ sơ tiếp nhận trực tuyến tăng. "
	var sb strings.Builder
	for i := 1; sb.Len() < n*2; i++ {
		sb.WriteString(para)
		if i%3 == 0 {
			sb.WriteString("\n")
		}
	}
	return report.CleanText(string([]rune(sb.String())[:n]))
}

// typingDriver opens the example with II.1 holding n characters, the
// cursor at the end of the text.
func typingDriver(b *testing.B, n int) *driver {
	dir := b.TempDir()
	r := report.Sample()
	text := longText(n)
	r.Sections[1].Items[0].Text = text
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		b.Fatal(err)
	}
	d := newDriver(b, dir, 80, 24)
	d.key("enter")
	d.gotoPart("II.1")
	d.key("ctrl+end")
	if d.m.d.r.Sections[1].Items[0].Text != text {
		b.Fatal("text not loaded")
	}
	return d
}

// BenchmarkTypeLongField is one printable keystroke, Update and View, in
// a field of 5,000 and of 100,000 characters. "burst" is keys typed close
// together (the report's status waits for a pause); "each" works the
// status out on every key, as when the official types slowly.
func BenchmarkTypeLongField(b *testing.B) {
	for _, n := range []int{5000, 100000} {
		for _, mode := range []string{"burst", "each"} {
			b.Run(fmt.Sprintf("%d/%s", n, mode), func(b *testing.B) {
				d := typingDriver(b, n)
				if mode == "each" {
					d.m.d.burstGap = 0
				}
				x := tea.KeyPressMsg(tea.Key{Code: 'x', Text: "x"})
				bs := keyMsg("backspace")
				i := 0
				for b.Loop() {
					d.m.Update(x)
					d.m.View()
					// The field keeps its length: the letters typed are
					// taken back outside the timing.
					if i++; i%100 == 0 {
						b.StopTimer()
						for range 100 {
							d.m.Update(bs)
						}
						b.StartTimer()
					}
				}
			})
		}
	}
}

// BenchmarkViewLargestPart draws the wizard on II.1 holding 5,000
// characters.
func BenchmarkViewLargestPart(b *testing.B) {
	d := typingDriver(b, 5000)
	d.typeText("x")
	for b.Loop() {
		_ = d.m.View()
	}
}
