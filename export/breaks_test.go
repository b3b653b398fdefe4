package export

import (
	"fmt"
	"strings"
	"testing"

	"baocao/report"
)

// laidOut lays r out without writing it and returns the layout.
func laidOut(t *testing.T, r *report.Report) *layout {
	t.Helper()
	o := r.Outline()
	l := &layout{pdf: newPDF(o, Options{}, loadFaces()), o: o}
	l.document()
	if err := l.pdf.Error(); err != nil {
		t.Fatal(err)
	}
	return l
}

// TestPageBreaks sweeps the sample's length so that every paragraph and
// heading meets a page break somewhere, and checks what a clerk would:
// no paragraph leaves a single line alone on either page, and no heading
// ends a page.
func TestPageBreaks(t *testing.T) {
	sentence := "Công tác chuyển đổi số tiếp tục được quan tâm chỉ đạo, triển khai đồng bộ trên địa bàn xã. "
	for extra := 0; extra < 40; extra++ {
		r := report.Sample()
		// Grow I.1 a sentence at a time: everything after it moves down.
		r.Sections[0].Items[0].Text += " " + strings.Repeat(sentence, extra)
		if extra%3 == 0 {
			r.Section("III").Text += strings.Repeat("\nĐoạn bổ sung ngắn.", extra/3)
		}
		t.Run(fmt.Sprint(extra), func(t *testing.T) {
			checkBreaks(t, laidOut(t, r).placed)
		})
	}
}

func checkBreaks(t *testing.T, placed []bodyLine) {
	t.Helper()
	for i, ln := range placed {
		last := i == len(placed)-1
		if ln.heading && !last && placed[i+1].page != ln.page {
			t.Errorf("a heading (paragraph %d) ends page %d", ln.para, ln.page)
		}
	}
	// Lines of each paragraph on each page.
	type key struct{ para, page int }
	count := map[key]int{}
	size := map[int]int{}
	for _, ln := range placed {
		count[key{ln.para, ln.page}]++
		size[ln.para]++
	}
	for k, n := range count {
		if n == 1 && size[k.para] > 1 {
			t.Errorf("paragraph %d leaves a single line on page %d", k.para, k.page)
		}
	}
}

// TestRecipientsStayWithSignature: a list of recipients that a page can
// hold beside the signature is not split from it, and a recipient that
// wraps continues under its text, not under its dash.
func TestRecipientsStayWithSignature(t *testing.T) {
	for _, n := range []int{20, 24, 25, 30} {
		r := report.Sample()
		r.Indicators = report.New(r.Period).Indicators // no appendix
		r.Recipients = nil
		for i := 1; i <= n; i++ {
			r.Recipients = append(r.Recipients, fmt.Sprintf("Thôn %d", i))
		}
		r.Recipients[0] = "Phòng Văn hóa - Xã hội thuộc Ủy ban nhân dân xã (để phối hợp)"
		_, ws := words(t, render(t, r))
		label := find(t, ws, 0, "nhận:")
		archive := find(t, ws, 0, "Lưu:")
		name := find(t, ws, 0, "Sinh")
		if archive.page != label.page || name.page != label.page {
			t.Errorf("%d recipients: Nơi nhận on page %d, Lưu on page %d, signer on page %d", n, label.page, archive.page, name.page)
		}
		dash := find(t, ws, label.page, "Phòng")
		for _, w := range ws {
			if w.page == label.page && w.text == "phối" && w.xMin < dash.xMin-0.5 {
				t.Errorf("%d recipients: a wrapped recipient continues at %.1f mm, left of its text at %.1f mm", n, w.xMin, dash.xMin)
			}
		}
	}
}
