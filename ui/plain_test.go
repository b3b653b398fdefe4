package ui

import (
	"bytes"
	"fmt"
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
	if got := r.Sections[0].Items[0].Text; got != r.Suggested(nq57.Item("I.1").Suggested) || !strings.Contains(got, "UBND xã Tân Lập") {
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

// TestPlainExport: the export offers PDF, Word, Excel or all, numbered,
// all by default; it asks once before overwriting, naming every file
// there, and writes none when told not to.
func TestPlainExport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	run := func(lines ...string) string { return plainAnswers(t, dir, lines...) }
	// The example, exported with Enter at each question.
	o := run("v", "x", "", "", "q", "q")
	// Questions and paths may wrap: compare without the spaces.
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if !strings.Contains(flat(o), flat("Xuất tệp nào? 1: PDF (để trình ký), 2: Word .docx (để chỉnh sửa), 3: Excel .xlsx (bảng chỉ tiêu), 4: Tất cả (PDF, Word và Excel); q: không xuất [4]:")) {
		t.Errorf("no numbered choice, all by default:\n%s", o)
	}
	if !strings.Contains(flat(o), flat("Xuất PDF ra tệp, tệp Word và tệp Excel ghi cạnh đó, cùng tên (Enter để dùng đường dẫn này, q: không xuất)")) {
		t.Errorf("the path's question does not say where the other files go:\n%s", o)
	}
	pdf, docx := exported(t, dir)
	xlsx := exportedXLSX(t, dir)
	if pdf == "" || docx == "" || strings.TrimSuffix(pdf, ".pdf") != strings.TrimSuffix(docx, ".docx") || strings.TrimSuffix(pdf, ".pdf") != strings.TrimSuffix(xlsx, ".xlsx") {
		t.Fatalf("exported %q, %q and %q", pdf, docx, xlsx)
	}
	wantPDF(t, pdf)
	wantDocx(t, docx)
	wantXLSX(t, xlsx)
	for _, want := range []string{"Đã xuất PDF: " + pdf, "Đã xuất Word: " + docx, "Đã xuất Excel: " + xlsx} {
		if !strings.Contains(flat(o), flat(want)) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	// Again: all are there; k keeps them.
	for _, f := range []string{pdf, docx, xlsx} {
		os.WriteFile(f, []byte("old"), 0o644)
	}
	o = run("1", "x", "", "", "k", "q", "q")
	if !strings.Contains(flat(o), flat("Cả ba tệp đã có: "+pdf+", "+docx+" và "+xlsx+". Ghi đè cả ba? (c: có · k: không)")) || !strings.Contains(o, "Chưa xuất tệp nào.") {
		t.Errorf("output:\n%s", o)
	}
	if !fileIs(t, pdf, "old") || !fileIs(t, docx, "old") || !fileIs(t, xlsx, "old") {
		t.Error("k overwrote a file")
	}
	// 1 and c: the PDF alone is written over; a wrong answer is asked again.
	o = run("1", "x", "5", "1", "", "c", "q", "q")
	if !strings.Contains(flat(o), flat("Hãy gõ một số từ 1 đến 4, hoặc q để không xuất.")) || !strings.Contains(flat(o), flat("Tệp đã có: "+pdf+". Ghi đè?")) {
		t.Errorf("output:\n%s", o)
	}
	if fileIs(t, pdf, "old") || !fileIs(t, docx, "old") || !fileIs(t, xlsx, "old") {
		t.Error("PDF chosen: the PDF must be written over, the others kept")
	}
	// 3: the Excel appendix alone.
	o = run("1", "x", "3", "", "c", "q", "q")
	if !strings.Contains(flat(o), flat("Xuất Excel ra tệp (Enter để dùng đường dẫn này, q: không xuất)")) || !strings.Contains(flat(o), flat("Đã xuất Excel: "+xlsx)) {
		t.Errorf("output:\n%s", o)
	}
	wantXLSX(t, xlsx)
	if !fileIs(t, docx, "old") {
		t.Error("Excel chosen: the Word file was written over")
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
	if strings.Contains(o, "Không hiểu lựa chọn «»") || !strings.Contains(o, "Hãy gõ số thứ tự của một bản nháp, hoặc n, v, h, q, rồi Enter.") {
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

// TestPlainPeriodChangeIsSaved: changing Kỳ báo cáo and Năm báo cáo of a
// draft made with a mistyped year keeps the new period in the draft, and
// the derived text follows it.
func TestPlainPeriodChangeIsSaved(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := report.Sample()
	r.Period.Year = 2062
	r.Header.Date = report.Date{Year: 2062}
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	o := plainAnswers(t, dir, "1", "",
		"", "", "", "", "", "", // parent agency … symbol
		"",          // date: kept
		"3", "2026", // quý III năm 2026
		"", "", // addressees, title
		"q", "q")
	// The draft's name follows its period.
	renamed := filepath.Join(filepath.Dir(path), "duong-huu-2026-q3.json")
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the draft keeps its old name %s: %v", filepath.Base(path), err)
	}
	if !strings.Contains(strings.Join(strings.Fields(o), " "), "Đã đổi tên bản nháp thành duong-huu-2026-q3.json") {
		t.Errorf("the new name is not said:\n%s", o)
	}
	got := loadDraft(t, renamed)
	if want := (report.Period{Kind: report.Quarter, Quarter: 3, Year: 2026}); got.Period != want {
		t.Fatalf("period in the draft: %+v, want %+v\n%s", got.Period, want, o)
	}
	if s := got.OpeningSentence(); !strings.Contains(s, "quý III năm 2026") {
		t.Errorf("opening: %q", s)
	}
	if !strings.Contains(strings.Join(strings.Fields(o), " "), "Kỳ báo cáo mới: quý III năm 2026.") {
		t.Errorf("the change is not said:\n%s", o)
	}
}

// TestPlainPlusAsksBeforeReplacingText: «+» is offered only in an empty
// field; typed in a filled one it asks first, and k keeps what the
// official wrote.
func TestPlainPlusAsksBeforeReplacingText(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	want := report.Sample().Sections[0].Items[0].Text
	o := plainAnswers(t, dir, "1", "3", "", "+", "k", "q", "q")
	if got := loadDraft(t, path).Sections[0].Items[0].Text; got != want {
		t.Errorf("I.1 after + and k: %q, want the official's %q", got, want)
	}
	flat := strings.Join(strings.Fields(o), " ")
	if strings.Contains(flat, "Gõ «+»") {
		t.Errorf("«+» offered on a filled field:\n%s", o)
	}
	if !strings.Contains(flat, "Ô này đã có nội dung. Thay bằng lời văn gợi ý? (c: thay · k: giữ nguyên)") {
		t.Errorf("no question before replacing:\n%s", o)
	}
	// c replaces it.
	plainAnswers(t, dir, "1", "3", "", "+", "c", "q", "q")
	r := loadDraft(t, path)
	if got := r.Sections[0].Items[0].Text; got != r.Suggested(nq57.Item("I.1").Suggested) {
		t.Errorf("I.1 after + and c: %q", got)
	}
}

// TestPlainFarYearConfirmed: at creation, a year more than one away from
// the current one is confirmed: k asks the year again, c keeps it.
func TestPlainFarYearConfirmed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	o := plainAnswers(t, dir, "n", "xã Tân Chi", "2", "1999", "k", "2026", "q", "q")
	if !strings.Contains(strings.Join(strings.Fields(o), " "), "Năm 1999 cách năm nay hơn một năm. Đúng là năm 1999? (c/k)") {
		t.Errorf("no confirmation:\n%s", o)
	}
	drafts, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(drafts) != 1 || filepath.Base(drafts[0]) != "tan-chi-2026-q2.json" {
		t.Fatalf("drafts %v, want tan-chi-2026-q2.json", drafts)
	}
	// Near years are not asked about; c keeps a far one.
	plainAnswers(t, dir, "n", "xã Tân Chi", "4", "2025", "q", "q")
	plainAnswers(t, dir, "n", "xã Tân Chi", "1", "2020", "c", "q", "q")
	for _, name := range []string{"tan-chi-2025-q4.json", "tan-chi-2020-q1.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestPlainReopensAtThePartLeft: a draft left at a part reopens there;
// a part gone since (a deleted item) reopens at the nearest one left.
func TestPlainReopensAtThePartLeft(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	sample := report.Sample()
	plainAnswers(t, dir, "1", partNumber(t, sample, "V"), "q", "q")
	o := plainAnswers(t, dir, "1", "q", "q")
	first := o[strings.Index(o, "== Phần"):]
	if want := "== Phần " + partNumber(t, sample, "V") + "/"; !strings.HasPrefix(first, want) {
		t.Errorf("reopened at %.40q, want %s", first, want)
	}
	n := len(sample.Section("II").Items)
	writeSession(path, session{Part: fmt.Sprintf("II.%d", n+2), Time: fixedNow()})
	o = plainAnswers(t, dir, "1", "q", "q")
	first = o[strings.Index(o, "== Phần"):]
	if want := fmt.Sprintf("== Phần %s/%d: II.%d.", partNumber(t, sample, fmt.Sprintf("II.%d", n)), len(sample.Parts()), n); !strings.HasPrefix(first, want) {
		t.Errorf("reopened at %.40q, want %s", first, want)
	}
}

// TestPlainAddAndRemoveIndicators: in the part Chỉ tiêu, t adds an
// indicator (name, kind, unit, then its values) and x removes one after
// asking.
func TestPlainAddAndRemoveIndicators(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := sampleDraft(t, dir)
	sample := report.Sample()
	n := len(sample.Indicators)
	o := plainAnswers(t, dir, "1", partNumber(t, sample, report.PartIndicators), "",
		"t", "Số hộ dùng ví điện tử", "2", "hộ", // added…
		"120", "80", // …and its values
		"", "q", "q")
	r := loadDraft(t, path)
	if len(r.Indicators) != n+1 {
		t.Fatalf("%d indicators after t, want %d:\n%s", len(r.Indicators), n+1, o)
	}
	if got := r.Indicators[n]; got.Name != "Số hộ dùng ví điện tử" || got.Kind != report.Count || got.Unit != "hộ" || got.Value != "120" || got.LastYear != "80" {
		t.Errorf("added %+v", got)
	}
	// x, 2, k keeps it; x, 2, c removes it.
	o = plainAnswers(t, dir, "1", partNumber(t, r, report.PartIndicators), "",
		"x", "2", "k",
		"x", "2", "c",
		"q", "", "q", "q")
	flat := strings.Join(strings.Fields(o), " ")
	for _, want := range []string{
		"t: thêm chỉ tiêu, x: xóa chỉ tiêu, q: xong phần này",
		"Xóa chỉ tiêu 2 «" + sample.Indicators[1].Name + "»",
		"Đã xóa chỉ tiêu 2 «" + sample.Indicators[1].Name + "».",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	r = loadDraft(t, path)
	if len(r.Indicators) != n || r.Indicators[1].Name != sample.Indicators[2].Name {
		t.Errorf("after x: %d indicators, the second %q", len(r.Indicators), r.Indicators[1].Name)
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
	path, before := readOnlyDraft(t, dir)
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

// nq57 is the built-in NQ57 kind, whose wording the tests expect.
var nq57 = report.BuiltinKind(report.DefaultKindID)

// TestPlainNewReportFillsSamePeriodLastYear: in plain mode, a new report
// of a unit with a draft of the same quarter a year earlier takes its
// results as «Cùng kỳ năm trước», and a line says from which draft; the
// list of indicators shows them.
func TestPlainNewReportFillsSamePeriodLastYear(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plantLastYear(t, dir, "xã Tân Lập", report.Period{Kind: report.Quarter, Quarter: 1, Year: 2025}, "90", "", "72,5")
	r := report.Sample()
	o := plainAnswers(t, dir, "n", "xã Tân Lập", "1", "2026",
		partNumber(t, r, report.PartIndicators), "", "q", // the list of indicators, then leave it
		"q", "q")
	flat := strings.Join(strings.Fields(o), " ")
	for _, want := range []string{
		"Cột «Cùng kỳ năm trước» lấy từ bản nháp tan-lap-2025-q1.json (2 chỉ tiêu); có thể sửa ở phần Chỉ tiêu.",
		"1. " + r.Indicators[0].Name + " (%): chưa nhập · 90",
		"3. " + r.Indicators[2].Name + " (%): chưa nhập · 72,5",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	n := loadDraft(t, filepath.Join(dir, "tan-lap-2026-q1.json"))
	if n.Indicators[0].LastYear != "90" || n.Indicators[2].LastYear != "72,5" {
		t.Errorf("«cùng kỳ» %+v", n.Indicators[:3])
	}
}

// TestPlainReviewWarnsWhenSamePeriodLastYearDiffers: plain mode's review
// warns about a «Cùng kỳ năm trước» that differs from last year's draft,
// and «+» in II.1 offers the sentences on how the figures changed.
func TestPlainReviewWarnsWhenSamePeriodLastYearDiffers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plantLastYear(t, dir, "xã Dương Hưu", report.Period{Kind: report.Quarter, Quarter: 1, Year: 2025}, "90")
	r := report.Sample()
	r.Indicators[0].LastYear = "95" // 100 this quarter
	path, err := (&report.Store{Dir: dir}).Create(r)
	if err != nil {
		t.Fatal(err)
	}
	o := plainAnswers(t, dir, "1", // the sample, saved after last year's draft
		partNumber(t, r, "II.1"), "", "+", "c", // the suggestion, replacing the text
		"x", "k", "q", "q")
	flat := strings.Join(strings.Fields(o), " ")
	want := "lưu ý: Chỉ tiêu «" + r.Indicators[0].Name + "»: cùng kỳ năm trước ghi 95%, khác với kết quả 90% trong bản nháp duong-huu-2025-q1.json (quý I năm 2025): hãy kiểm tra lại."
	if !strings.Contains(flat, want) {
		t.Errorf("review lacks %q:\n%s", want, o)
	}
	sentence := r.Indicators[0].Name + " đạt 100%, tăng 5 điểm phần trăm so với cùng kỳ năm trước."
	if got := loadDraft(t, path).Section("II").Items[0].Text; !strings.HasSuffix(got, "\n"+sentence) {
		t.Errorf("II.1 after «+»: %q", got)
	}
}

// TestPlainShowsATemplatesPromptWhole: an item's prompt, written in a
// template file, is shown in plain mode as written, even where it says
// «ở trên» (which the full screen's own hints once said, and plain mode
// dropped).
func TestPlainShowsATemplatesPromptWhole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, report.TemplateDir), 0o755)
	prompt := "So sánh với các số liệu nêu ở trên; nêu nguyên nhân tăng, giảm."
	text := strings.Replace(templateKind, " trên địa bàn {cấp}", "", 1)
	text = strings.Replace(text, "prompt: Nêu tình hình chung.", "prompt: "+prompt, 1)
	if !strings.Contains(text, prompt) {
		t.Fatal("the prompt is not in the template")
	}
	if err := os.WriteFile(filepath.Join(dir, report.TemplateDir, "an-ninh.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	o := plainAnswers(t, dir, "n", "2", "phường Võ Cường", "1", "2026",
		"3", "", // I.1
		"Tình hình ổn định.",
		"q", "q")
	if flat := strings.Join(strings.Fields(o), " "); !strings.Contains(flat, prompt) {
		t.Errorf("plain mode does not show the prompt %q:\n%s", prompt, o)
	}
}
