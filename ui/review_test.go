package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/report"
)

// TestReviewMatchesPDF: the review's appendix lists only the indicators
// with a figure, numbered as in the PDF; problems are not prefixed with the
// part's title; words of the title are not split.
func TestReviewMatchesPDF(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Indicators = append(r.Indicators, report.Indicator{Name: "Chỉ tiêu không có số liệu", Kind: report.Count})
	r.Indicators = append([]report.Indicator{{Name: "Chỉ tiêu trống đầu bảng", Kind: report.Count}}, r.Indicators...)
	r.Section("VI").Text = ""
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("enter", "ctrl+r")
	all := strings.Join(d.review().lines, "\n")
	all = stripANSI(all)
	if strings.Contains(all, "không có số liệu") || strings.Contains(all, "trống đầu bảng") {
		t.Error("review lists indicators without figures")
	}
	if !strings.Contains(all, "\n1   Tỷ lệ") {
		t.Errorf("first indicator not numbered 1:\n%s", all)
	}
	if strings.Contains(all, "[VI.") || strings.Contains(all, "] Mục") {
		t.Error("problem prefixed with its part's title")
	}
	words := map[string]bool{}
	for _, l := range strings.Split(all, "\n") {
		for _, f := range strings.Fields(l) {
			words[f] = true
		}
	}
	for _, f := range strings.Fields(r.Title()) {
		if !words[f] {
			t.Errorf("title word %q split in the review", f)
		}
	}
}

// TestReviewAppendixAsPDF: the review lays out the appendix, "Kính gửi"
// and the header as the PDF does, at 80 columns.
func TestReviewAppendixAsPDF(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Period = report.Period{Kind: report.Quarter, Quarter: 2, Year: 2026}
	r.Header.Place = "Thị trấn Nông trường Mộc Châu"
	r.Addressees = []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh"}
	r.Indicators[0].Note = "Theo số liệu Văn phòng"
	r.Indicators = append(r.Indicators, report.Indicator{Name: "Chỉ tiêu chỉ có ghi chú", Kind: report.Count, Note: "Chưa thống kê"})
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 80, 24)
	d.key("enter", "ctrl+r")
	all := stripANSI(strings.Join(d.review().lines, "\n"))
	lines := strings.Split(all, "\n")
	// Cells wrap within their columns.
	for _, want := range []string{"Phụ lục", "STT", "Quý II/2026", "Cùng kỳ", "năm trước", "Ghi chú", "Theo số liệu", "Chỉ tiêu chỉ có ghi chú", "Chưa thống"} {
		if !strings.Contains(all, want) {
			t.Errorf("review lacks %q:\n%s", want, all)
		}
	}
	for _, bad := range []string{"PHỤ LỤC", "Kỳ này", "TT "} {
		if strings.Contains(all, bad) && !(bad == "TT " && strings.Contains(all, "STT ")) {
			t.Errorf("review still says %q", bad)
		}
	}
	// Kính gửi: the label alone, then one line per addressee.
	found := false
	for i, l := range lines {
		if strings.TrimSpace(l) == "Kính gửi:" && i+2 < len(lines) {
			found = true
			if got := strings.TrimSpace(lines[i+1]); got != "- Sở Khoa học và Công nghệ tỉnh Bắc Ninh;" {
				t.Errorf("first addressee %q", got)
			}
			if got := strings.TrimSpace(lines[i+2]); got != "- Ủy ban nhân dân tỉnh Bắc Ninh." {
				t.Errorf("last addressee %q", got)
			}
		}
	}
	if !found {
		t.Errorf("no «Kính gửi:» line of its own:\n%s", all)
	}
	// The date line wraps, never cut (the blanks show as "……").
	head := strings.ReplaceAll(strings.Join(lines[:6], "\n"), blankFill(report.BlankDay), "")
	if strings.Contains(head, "…") || !strings.Contains(strings.Join(strings.Fields(head), " "), "năm 2026") {
		t.Errorf("header cut:\n%s", head)
	}
}

// TestReviewWrapsRecipients: a long recipient wraps in its column, as in
// the PDF, never cut.
func TestReviewWrapsRecipients(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Recipients = append([]string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh (b/c)", "Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh và các sở, ban, ngành liên quan (để phối hợp)"}, r.Recipients...)
	if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{80, 120} {
		d := newDriver(t, dir, width, 40)
		d.key("enter", "ctrl+r")
		all := stripANSI(strings.Join(d.review().lines, "\n"))
		if strings.Contains(strings.ReplaceAll(all, blankFill(report.BlankDay), ""), "…") {
			t.Errorf("%d columns: something cut:\n%s", width, all)
		}
		// The left column, where Nơi nhận is.
		colW := min(width-2, 90) / 2
		var left []string
		for _, l := range strings.Split(all, "\n") {
			if r := []rune(l); len(r) > colW {
				l = string(r[:colW])
			}
			left = append(left, l)
		}
		flat := strings.Join(strings.Fields(strings.Join(left, "\n")), " ")
		for _, want := range []string{"- Sở Khoa học và Công nghệ tỉnh Bắc Ninh (b/c);", "- Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh và các sở, ban, ngành liên quan (để phối hợp);"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%d columns: review lacks %q", width, want)
			}
		}
		d.key("esc", "esc", "esc")
	}
}

// TestReviewKeepsTheSelectedProblemInSight: opened at its problems, the
// review keeps the one selected in sight when the status line under it
// takes a second row (the draft's folder path is long).
func TestReviewKeepsTheSelectedProblemInSight(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), strings.Repeat("thư-mục-báo-cáo-", 4))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	warnedDraft(t, dir)
	d := newDriver(t, dir, 80, 24)
	d.key("x", "enter")
	if d.screenKind() != screenReview {
		t.Fatalf("not the review:\n%s", d.screen())
	}
	d.wantScreen("Kiểm tra: 0 lỗi, 1 lưu ý.")
	d.wantScreen("›△ Phần VI.")
}

// TestReviewWarnsWhenSamePeriodLastYearDiffersFromLastYearsDraft: a
// «Cùng kỳ năm trước» typed differently from the result in last year's
// draft of the unit is a warning in the review, naming that draft and
// both values; the wizard's list of problems has it too.
func TestReviewWarnsWhenSamePeriodLastYearDiffersFromLastYearsDraft(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plantLastYear(t, dir, "xã Dương Hưu", report.Period{Kind: report.Quarter, Quarter: 1, Year: 2025}, "90", "88")
	r := report.Sample() // quý I năm 2026
	r.Indicators[0].LastYear = "95"
	r.Indicators[1].LastYear = "88"
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, dir, 100, 30)
	for d.m.list.selected() == nil || d.m.list.selected().Path != path {
		d.key("down")
	}
	d.key("enter")
	want := "Chỉ tiêu «" + r.Indicators[0].Name + "»: cùng kỳ năm trước ghi 95%, khác với kết quả 90% trong bản nháp duong-huu-2025-q1.json (quý I năm 2025): hãy kiểm tra lại."
	if ps := d.m.d.status(2026).problems.ForField(report.FieldIndicator(0, "lastYear")); len(ps) != 1 || ps[0].Message != want {
		t.Errorf("wizard's problems of «cùng kỳ»: %v", ps)
	}
	d.key("ctrl+r")
	all := strings.Join(strings.Fields(stripANSI(strings.Join(d.review().lines, "\n"))), " ")
	if !strings.Contains(all, want) {
		t.Errorf("review lacks %q:\n%s", want, all)
	}
	if strings.Contains(all, "«"+r.Indicators[1].Name+"»: cùng kỳ") {
		t.Error("warned about a value equal to last year's")
	}
}
