package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/report"
)

// TestPlain answers the line-by-line questions: a new report, I.1 with two
// lines, then quits.
func TestPlain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	input := strings.Join([]string{
		"m",            // new report
		"xã Dương Hưu", // unit
		"1",            // Quý I
		"2026",         // year
		"b", "b",       // skip general, request
		"", // fill I.1
		"Dòng một // Dòng hai có dấu: ạ ệ ữ",
		"q", // save and leave the draft
		"q", // quit
	}, "\n") + "\n"
	var out bytes.Buffer
	err := Run(Options{Dir: dir, Plain: true, Input: strings.NewReader(input), Output: &out, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	o := out.String()
	for _, want := range []string{"chế độ hỏi từng câu", "Đã tạo bản nháp", "Phần 3/14: I.1. Công tác lãnh đạo, chỉ đạo", "Nêu việc lãnh đạo", "Đã lưu lúc 09:31:05"} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	r := loadDraft(t, filepath.Join(dir, "duong-huu-2026-q1.json"))
	if got := r.Sections[0].Items[0].Text; got != "Dòng một\nDòng hai có dấu: ạ ệ ữ" {
		t.Errorf("I.1 %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "duong-huu-2026-q1.json.lock")); !os.IsNotExist(err) {
		t.Error("lock kept")
	}
}

// TestPlainCorrections: an input method's backspaces are carried out, a
// bad answer is asked again, "+" takes the suggested wording, and a web
// address keeps its "//".
func TestPlainCorrections(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	input := strings.Join([]string{
		"n", "xã Tân Lập", "1", "2026",
		"",                     // fill the general part
		"UBND TI\bỈNH LÀO CAI", // parent agency, typed with a BS correction
		"", "", "",             // agency, short name, place: keep
		"abc",                    // number: refused…
		"5",                      // …asked again
		"",                       // symbol
		"32/3/2026", "25/3/2026", // date: refused, then right
		"", "", // period, year
		"", "", // addressees, title
		"b",     // skip the request
		"", "+", // I.1: the suggested wording
		"", "Xem https://tanlap.gov.vn // Dòng hax\x7fi", // I.2, DEL corrections
		"q", "q",
	}, "\n") + "\n"
	var out bytes.Buffer
	if err := Run(Options{Dir: dir, Plain: true, Input: strings.NewReader(input), Output: &out, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	o := out.String()
	for _, want := range []string{"Hãy nhập lại", "chỉ ghi chữ số", "Gõ «+» để dùng lời văn gợi ý"} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	if strings.Contains(o, "Ctrl+Y") {
		t.Error("plain mode mentions Ctrl+Y")
	}
	r := loadDraft(t, filepath.Join(dir, "tan-lap-2026-q1.json"))
	if r.Header.ParentAgency != "UBND TỈNH LÀO CAI" || r.Header.Number != "5" || r.Header.Date.Day != 25 {
		t.Errorf("header %+v", r.Header)
	}
	if got := r.Sections[0].Items[0].Text; got != r.Suggested(report.TemplateItemByKey("I.1").Suggested) || !strings.Contains(got, "UBND xã Tân Lập") {
		t.Errorf("I.1 %q", got)
	}
	if got := r.Sections[0].Items[1].Text; got != "Xem https://tanlap.gov.vn\nDòng hai" {
		t.Errorf("I.2 %q", got)
	}
}

// plainAnswers runs plain mode on the drafts in dir with the answers
// given, one per line, and returns what it wrote.
func plainAnswers(t *testing.T, dir string, lines ...string) string {
	t.Helper()
	var out bytes.Buffer
	in := strings.NewReader(strings.Join(lines, "\n") + "\n")
	if err := Run(Options{Dir: dir, Plain: true, Input: in, Output: &out, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestPlainSameUnitAndPeriod: a second report for the same unit and period
// offers the existing draft, and an export with warnings asks first.
func TestPlainSameUnitAndPeriod(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	run := func(lines ...string) string { return plainAnswers(t, dir, lines...) }
	run("v", "q", "q") // the example: xã Dương Hưu, quý I/2026
	o := run("n", "xã Dương Hưu", "1", "2026",
		"",       // Enter: open the existing draft
		"11", "", // part VI…
		"-",      // …emptied: now the report has a warning
		"x", "k", // review, then decline the export
		"q", "q")
	if !strings.Contains(o, "Đã có bản nháp của xã Dương Hưu quý I năm 2026") || !strings.Contains(o, "Vẫn xuất báo cáo?") {
		t.Errorf("output:\n%s", o)
	}
	drafts, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	pdf, docx := exported(t, dir)
	if len(drafts) != 1 || pdf != "" || docx != "" {
		t.Errorf("drafts %v, exported %q %q", drafts, pdf, docx)
	}
}

// TestPlainExport: the export offers PDF, Word or both, numbered, both by
// default; it asks once before overwriting, naming both files, and writes
// neither when told not to.
func TestPlainExport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	run := func(lines ...string) string { return plainAnswers(t, dir, lines...) }
	// The example, exported with Enter at each question.
	o := run("v", "x", "", "", "q", "q")
	// Questions and paths may wrap: compare without the spaces.
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if !strings.Contains(flat(o), flat("Xuất tệp nào? 1: PDF (để trình ký), 2: Word .docx (để chỉnh sửa), 3: Cả hai (PDF và Word); q: không xuất [3]:")) {
		t.Errorf("no numbered choice, both by default:\n%s", o)
	}
	pdf, docx := exported(t, dir)
	if pdf == "" || docx == "" || strings.TrimSuffix(pdf, ".pdf") != strings.TrimSuffix(docx, ".docx") {
		t.Fatalf("exported %q and %q", pdf, docx)
	}
	wantPDF(t, pdf)
	wantDocx(t, docx)
	for _, want := range []string{"Đã xuất PDF: " + pdf, "Đã xuất Word: " + docx} {
		if !strings.Contains(flat(o), flat(want)) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	// Again: both are there; k keeps them.
	for _, f := range []string{pdf, docx} {
		os.WriteFile(f, []byte("old"), 0o644)
	}
	o = run("1", "x", "", "", "k", "q", "q")
	if !strings.Contains(flat(o), flat("Cả hai tệp đã có: "+pdf+" và "+docx+". Ghi đè cả hai? (c: có · k: không)")) || !strings.Contains(o, "Chưa xuất tệp nào.") {
		t.Errorf("output:\n%s", o)
	}
	if !fileIs(t, pdf, "old") || !fileIs(t, docx, "old") {
		t.Error("k overwrote a file")
	}
	// 1 and c: the PDF alone is written over; a wrong answer is asked again.
	o = run("1", "x", "4", "1", "", "c", "q", "q")
	if !strings.Contains(flat(o), flat("Hãy gõ một số từ 1 đến 3, hoặc q để không xuất.")) || !strings.Contains(flat(o), flat("Tệp đã có: "+pdf+". Ghi đè?")) {
		t.Errorf("output:\n%s", o)
	}
	if fileIs(t, pdf, "old") || !fileIs(t, docx, "old") {
		t.Error("PDF chosen: the PDF must be written over, the Word file kept")
	}
	wantPDF(t, pdf)
	// q at the choice exports nothing.
	os.Remove(pdf)
	run("1", "x", "q", "q", "q")
	if p, _ := exported(t, dir); p != "" {
		t.Errorf("q exported %s", p)
	}
}

// TestPlainLockedDraftSaysTheWayOut: plain mode says a draft open in
// another window as the drafts screen does: a sentence, what to do, no
// process number in it.
func TestPlainLockedDraftSaysTheWayOut(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	l, err := report.Lock(path) // the other window
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	out := plainAnswers(t, dir, "1", "q")
	o := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"Bản nháp «duong-huu-2026-q1.json» đang được mở ở một cửa sổ baocao khác.", "Hãy đóng cửa sổ baocao đó rồi thử lại."} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(o, "(tiến trình số") {
		t.Errorf("the process number in the sentence:\n%s", out)
	}
}

// TestPlainEnterAtDraftsListExplains: Enter alone at the drafts list
// says what to type instead of «Không hiểu lựa chọn «»».
func TestPlainEnterAtDraftsListExplains(t *testing.T) {
	t.Parallel()
	o := plainAnswers(t, t.TempDir(), "", "q")
	if strings.Contains(o, "Không hiểu lựa chọn «»") || !strings.Contains(o, "Hãy gõ số thứ tự của một bản nháp, hoặc n, v, q, rồi Enter.") {
		t.Errorf("output:\n%s", o)
	}
}

// TestPlainRestoreTakesTheBrokenDraftsSession: restoring a broken draft
// from its .bak in plain mode leaves no session of the broken file behind,
// as the drafts screen does: a draft made later under its name must not
// open where the broken one was, nor be said to have ended abruptly.
func TestPlainRestoreTakesTheBrokenDraftsSession(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path, _ := draftCutShort(t, dir)
	writeSession(path, session{Part: "VI", Open: true, Time: fixedNow()})

	out := plainAnswers(t, dir, "1", "q", "q")
	if !strings.Contains(out, "Đã khôi phục thành bản nháp mới") {
		t.Fatalf("not restored:\n%s", out)
	}
	if _, err := os.Stat(sessionPath(path)); !os.IsNotExist(err) {
		t.Errorf("the broken draft's session left behind: %v", err)
	}
}

// TestPlainYearOutOfRangeAskedAgain: a year the report cannot have (here
// 20, a slip for 2026) is asked again, and the unit typed before it is not
// lost: the draft is made once the year is right.
func TestPlainYearOutOfRangeAskedAgain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	o := plainAnswers(t, dir, "n", "xã Võ Cường", "1", "20", "2026", "q", "q")
	if !strings.Contains(o, badYear("20")) {
		t.Errorf("no word about the year:\n%s", o)
	}
	drafts, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(drafts) != 1 || !strings.Contains(filepath.Base(drafts[0]), "vo-cuong-2026-q1") {
		t.Fatalf("drafts %v, want one for Võ Cường, quý I/2026\n%s", drafts, o)
	}
}

// TestPlainRenamesTheDraftAfterTheUnitChanges: a new unit name given in
// the general part renames the draft once the part is saved, and plain
// mode says so.
func TestPlainRenamesTheDraftAfterTheUnitChanges(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := tanChiDraft(t, dir)
	o := plainAnswers(t, dir, "1",
		"",     // fill the general part
		"", "", // parent agency, agency: kept
		"UBND xã Tân Châu",             // the short name, fixed
		"", "", "", "", "", "", "", "", // the rest kept
		"q", "q")
	want := filepath.Join(filepath.Dir(old), "tan-chau-1999-q2.json")
	if r := loadDraft(t, want); r.Header.ShortName != "UBND xã Tân Châu" {
		t.Errorf("the renamed draft holds %q", r.Header.ShortName)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the old name is still there: %v", err)
	}
	flat := strings.Join(strings.Fields(o), " ")
	if !strings.Contains(flat, "Đã đổi tên bản nháp thành tan-chau-1999-q2.json cho khớp với tên đơn vị mới (xã Tân Châu).") {
		t.Errorf("not said:\n%s", o)
	}
	if locks, _ := filepath.Glob(filepath.Join(dir, "*.lock")); len(locks) > 0 {
		t.Errorf("locks left: %v", locks)
	}
}

// TestPlainReadOnlyDraftOffersReviewAndExportOnly: a draft marked
// read-only is said to be so, reviewed and offered for export, never
// asked about nor written.
func TestPlainReadOnlyDraftOffersReviewAndExportOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, 0o644) })
	before, _ := os.ReadFile(path)
	o := plainAnswers(t, dir, "1", "", "", "q", "q")
	flat := strings.Join(strings.Fields(o), " ")
	for _, want := range []string{"Bản nháp chỉ đọc: tệp duong-huu-2026-q1.json được đặt thuộc tính chỉ đọc", "Xuất tệp nào?"} {
		if !strings.Contains(flat, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	if strings.Contains(o, "Enter: điền phần này") {
		t.Errorf("offered to fill a part:\n%s", o)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the read-only draft was written")
	}
	if _, err := os.Stat(path + ".bak"); !os.IsNotExist(err) {
		t.Errorf("a .bak appeared: %v", err)
	}
	if pdf, docx := exported(t, dir); pdf == "" || docx == "" {
		t.Errorf("not exported: %q %q", pdf, docx)
	}
}
