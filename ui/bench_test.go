package ui

import (
	"strings"
	"testing"

	"baocao/report"
)

// BenchmarkViewLargestPart draws the wizard on II.1, the part with the
// most text, holding 5,000 characters.
func BenchmarkViewLargestPart(b *testing.B) {
	dir := b.TempDir()
	r := report.Sample()
	para := "Việc cung cấp dịch vụ công trực tuyến mức độ toàn trình được duy trì ổn định; tỷ lệ hồ sơ tiếp nhận trực tuyến tăng. "
	var sb strings.Builder
	for len([]rune(sb.String())) < 5000 {
		sb.WriteString(para)
		if sb.Len()%3 == 0 {
			sb.WriteString("\n")
		}
	}
	text := report.CleanText(string([]rune(sb.String())[:5000]))
	r.Sections[1].Items[0].Text = text
	s := &report.Store{Dir: dir}
	if _, err := s.Create(r); err != nil {
		b.Fatal(err)
	}
	d := newDriver(b, dir, 80, 24)
	d.key("enter")
	d.gotoPart("II.1")
	if d.m.d.r.Sections[1].Items[0].Text != text {
		b.Fatal("text not loaded")
	}
	d.typeText("x") // a keystroke, as when typing
	b.ResetTimer()
	for b.Loop() {
		_ = d.m.View()
	}
}
