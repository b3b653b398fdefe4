package report

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestDateAndNumberLines(t *testing.T) {
	tests := []struct {
		number string
		date   Date
		num    string
		line   string
	}{
		{"12", Date{25, 3, 2026}, "Số: 12/BC-UBND", "Dương Hưu, ngày 25 tháng 3 năm 2026"},
		{"5", Date{5, 1, 2027}, "Số: 05/BC-UBND", "Dương Hưu, ngày 05 tháng 01 năm 2027"},
		{"123", Date{9, 2, 2026}, "Số: 123/BC-UBND", "Dương Hưu, ngày 09 tháng 02 năm 2026"},
		{"", Date{0, 3, 2026}, "Số:      /BC-UBND", "Dương Hưu, ngày       tháng 3 năm 2026"},
		{"", Date{0, 0, 2026}, "Số:      /BC-UBND", "Dương Hưu, ngày       tháng       năm 2026"},
		{"10", Date{10, 12, 2026}, "Số: 10/BC-UBND", "Dương Hưu, ngày 10 tháng 12 năm 2026"},
	}
	for _, tt := range tests {
		r := Sample()
		r.Header.Place = "dương Hưu" // the place is capitalised in the line
		r.Header.Number = tt.number
		r.Header.Date = tt.date
		h := r.Outline().Header
		if got := h.Number.String(); got != tt.num {
			t.Errorf("number %q: header says %q, want %q", tt.number, got, tt.num)
		}
		if got := h.PlaceDate.String(); got != tt.line {
			t.Errorf("date %+v: header says %q, want %q", tt.date, got, tt.line)
		}
	}
}

func TestTitleAndSectionVHeading(t *testing.T) {
	r := Sample()
	want := "Kết quả thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quý I năm 2026 theo Nghị quyết số 57-NQ/TW của Bộ Chính trị"
	if got := r.Title(); got != want {
		t.Errorf("Title = %q", got)
	}
	for p, want := range map[Period]string{
		{Quarter, 1, 2026}:  "V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU QUÝ II NĂM 2026",
		{Quarter, 4, 2026}:  "V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU QUÝ I NĂM 2027",
		{HalfYear, 0, 2026}: "V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU 6 THÁNG CUỐI NĂM 2026",
		{Year, 0, 2026}:     "V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU NĂM 2027",
	} {
		r.Period = p
		if got := r.SectionHeading("V"); got != want {
			t.Errorf("%+v: heading %q, want %q", p, got, want)
		}
	}
	if got := r.SectionHeading("I"); got != "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, BAN HÀNH VĂN BẢN" {
		t.Errorf("heading I = %q", got)
	}
}

func TestOpeningAndClosing(t *testing.T) {
	r := Sample()
	wantOpen := "Thực hiện Công văn số 954/SKH-CN-CDS ngày 13/3/2026 của Sở Khoa học và Công nghệ tỉnh Bắc Ninh về việc đôn đốc báo cáo định kỳ việc triển khai nhiệm vụ Nghị quyết số 57-NQ/TW Quý I/2026, UBND xã Dương Hưu báo cáo kết quả triển khai thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn xã Dương Hưu quý I năm 2026 như sau:"
	if got := r.OpeningSentence(); got != wantOpen {
		t.Errorf("opening:\n got %q\nwant %q", got, wantOpen)
	}
	wantClose := "Trên đây là báo cáo kết quả thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quý I năm 2026 theo Nghị quyết số 57-NQ/TW của Bộ Chính trị, phương hướng nhiệm vụ quý II năm 2026 của UBND xã Dương Hưu./."
	if got := r.ClosingSentence(); got != wantClose {
		t.Errorf("closing:\n got %q\nwant %q", got, wantClose)
	}

	// No request: the sentence starts with the agency.
	r.Request = Request{}
	if got := r.OpeningSentence(); !strings.HasPrefix(got, "UBND xã Dương Hưu báo cáo kết quả") || !strings.HasSuffix(got, "quý I năm 2026 như sau:") {
		t.Errorf("opening without request = %q", got)
	}
	// A subject without "về" gets "về việc".
	r.Request = Request{Kind: "Kế hoạch", Number: "12/KH-UBND", Issuer: "UBND tỉnh", Subject: "triển khai Nghị quyết 57"}
	if got := r.OpeningSentence(); !strings.HasPrefix(got, "Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh về việc triển khai Nghị quyết 57, UBND xã") {
		t.Errorf("opening = %q", got)
	}

	// Period changes move derived text; overrides survive them until cleared.
	r.Period = Period{Quarter, 4, 2026}
	if got := r.ClosingSentence(); !strings.Contains(got, "quý IV năm 2026") || !strings.Contains(got, "phương hướng nhiệm vụ quý I năm 2027") {
		t.Errorf("closing after period change = %q", got)
	}
	r.Opening = "Câu mở đầu riêng."
	r.Closing = "Câu kết riêng"
	r.Period = Period{Year, 0, 2026}
	if got := r.OpeningSentence(); got != "Câu mở đầu riêng." {
		t.Errorf("opening override lost: %q", got)
	}
	if got := r.ClosingSentence(); got != "Câu kết riêng./." {
		t.Errorf("closing override = %q, want it ending ./.", got)
	}
	r.Closing = ""
	if got := r.ClosingSentence(); !strings.Contains(got, "năm 2026") || !strings.HasSuffix(got, "./.") {
		t.Errorf("closing after clearing = %q", got)
	}
}

func TestRecipientLines(t *testing.T) {
	r := Sample()
	want := []string{"- Sở KH-CN tỉnh (b/c);", "- TTĐU-UBND xã;", "- Chủ tịch; các PCT UBND xã;", "- Lưu: VT, VH-XH."}
	if got := r.recipientLines(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// Dashes and endings typed by the official are not doubled.
	r.Recipients = []string{"- Sở KH-CN tỉnh (b/c);", "Như trên."}
	r.Archive = "Lưu: VT."
	want = []string{"- Sở KH-CN tỉnh (b/c);", "- Như trên;", "- Lưu: VT."}
	if got := r.recipientLines(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	r.Archive = ""
	if got := r.recipientLines(); got[len(got)-1] != "- Như trên." {
		t.Errorf("without archive the last line should end with a full stop: %q", got)
	}
}

func TestBlocks(t *testing.T) {
	got := Blocks("Đoạn một.\n\n- gạch một;\n–  gạch hai.\nĐoạn hai.")
	want := []Block{{Paragraph, "Đoạn một."}, {Dash, "- gạch một;"}, {Dash, "- gạch hai."}, {Paragraph, "Đoạn hai."}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
}

func TestAppendixLines(t *testing.T) {
	r := Sample()
	r.Header.Number = "7"
	r.Header.Date = Date{2, 4, 2026}
	want := "(Kèm theo Báo cáo số 07/BC-UBND ngày 02 tháng 4 năm 2026 của UBND xã Dương Hưu)"
	if got := r.Outline().Appendix.Reference.String(); got != want {
		t.Errorf("got %q", got)
	}
	if !r.hasIndicatorValues() {
		t.Error("the sample has indicator values")
	}
	if New(r.Period).hasIndicatorValues() {
		t.Error("a new report has no indicator values")
	}
}

func TestTitleAndHeadingOverrides(t *testing.T) {
	r := Sample()
	r.TitleText = "Kết quả thực hiện Nghị quyết số 57-NQ/TW quý I năm 2026"
	r.Section("V").Heading = "Nhiệm vụ trọng tâm quý II năm 2026"
	r.Period = Period{Quarter, 2, 2026} // overrides survive a period change
	if got := r.Title(); got != r.TitleText {
		t.Errorf("Title = %q", got)
	}
	if got := r.SectionHeading("V"); got != "V. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026" {
		t.Errorf("heading = %q", got)
	}
	if got := r.DerivedSectionTitle("V"); got != "Phương hướng, nhiệm vụ chủ yếu quý III năm 2026" {
		t.Errorf("derived title = %q", got)
	}
	n := Next(r, nil)
	if n.TitleText != "" || n.Section("V").Heading != "" || !strings.Contains(n.Title(), "quý III năm 2026") {
		t.Errorf("Next keeps old-period overrides: %q / %q", n.Title(), n.SectionHeading("V"))
	}
	r.TitleText, r.Section("V").Heading = "", ""
	if !strings.Contains(r.Title(), "quý II năm 2026") || !strings.Contains(r.SectionHeading("V"), "QUÝ III NĂM 2026") {
		t.Errorf("cleared overrides: %q / %q", r.Title(), r.SectionHeading("V"))
	}
}

// The derived sentences as the wizard's Ctrl+Y takes them.
func takeAll(r *Report) {
	r.TitleText = r.TakeDerived(FieldTitle)
	r.Opening = r.TakeDerived(FieldOpening)
	r.Closing = r.TakeDerived(FieldClosing)
	r.Section("V").Heading = r.TakeDerived(FieldHeading("V"))
}

func TestTakenDerivedSentencesFollowThePeriod(t *testing.T) {
	r := Sample()
	r.Period = Period{Quarter, 4, 2026}
	r.Header.Date = Date{Year: 2026}
	takeAll(r)
	if !strings.Contains(r.Opening, "quý IV năm 2026 như sau:") || !strings.Contains(r.Closing, "quý I năm 2027") {
		t.Fatalf("taken: %q / %q", r.Opening, r.Closing)
	}
	r.Period = Period{Quarter, 3, 2026}
	r.Header.ShortName = "UBND xã Dương Hưu mới"
	if got := r.OpeningSentence(); !strings.HasSuffix(got, "trên địa bàn xã Dương Hưu mới quý III năm 2026 như sau:") {
		t.Errorf("opening %q", got)
	}
	if got := r.ClosingSentence(); !strings.Contains(got, "phương hướng nhiệm vụ quý IV năm 2026 của UBND xã Dương Hưu mới./.") {
		t.Errorf("closing %q", got)
	}
	if got := r.Title(); !strings.Contains(got, "quý III năm 2026") {
		t.Errorf("title %q", got)
	}
	if got := r.SectionHeading("V"); got != "V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU QUÝ IV NĂM 2026" {
		t.Errorf("heading %q", got)
	}
	for _, f := range []string{FieldTitle, FieldOpening, FieldClosing, FieldHeading("V")} {
		if r.Overridden(f) {
			t.Errorf("%s counts as overridden", f)
		}
	}
	if ps := Check(r, 2026); len(ps) != 0 {
		t.Errorf("problems: %v", ps)
	}

	// On disk they are not overrides either.
	path := filepath.Join(t.TempDir(), "x.json")
	if err := Save(path, r); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, key := range []string{`"opening"`, `"closing"`, `"heading"`, `"title": "Kết quả thực hiện nhiệm vụ phát triển`} {
		if strings.Contains(string(data), key) {
			t.Errorf("draft keeps %s", key)
		}
	}
	if r.Opening == "" {
		t.Error("saving changed the value being edited")
	}
}

// TestFollowDerivedUpdatesTakenFieldsOnly: after a change of period and
// unit, the fields holding taken derived text are set to the new text (what
// the document says); an override and an empty field are left alone.
func TestFollowDerivedUpdatesTakenFieldsOnly(t *testing.T) {
	r := Sample()
	r.Request = Request{}
	r.TitleText = r.TakeDerived(FieldTitle)
	r.Closing = r.TakeDerived(FieldClosing)
	r.Opening = ""
	v := r.Section("V")
	v.Heading = r.TakeDerived(FieldHeading("V")) + " và năm 2026"
	heading := v.Heading
	r.TitleText += " " // the official starts typing at the end
	if got := r.FollowDerived(); len(got) != 0 || !strings.HasSuffix(r.TitleText, " ") {
		t.Fatalf("nothing changed, yet FollowDerived changed %v (title %q)", got, r.TitleText)
	}
	r.TitleText = strings.TrimSuffix(r.TitleText, " ")

	r.Period = Period{Quarter, 3, 2026}
	r.Header.ShortName = "UBND xã Dương Hưu mới"
	got := r.FollowDerived()
	if strings.Join(got, " ") != FieldTitle+" "+FieldClosing {
		t.Errorf("changed %v", got)
	}
	if r.TitleText != r.DerivedTitle() || r.Closing != r.DerivedClosing() || !strings.Contains(r.Closing, "quý IV năm 2026 của UBND xã Dương Hưu mới./.") {
		t.Errorf("title %q\nclosing %q", r.TitleText, r.Closing)
	}
	if r.Opening != "" || v.Heading != heading {
		t.Errorf("opening %q, heading %q", r.Opening, v.Heading)
	}
	for _, f := range []string{FieldTitle, FieldClosing} {
		if r.Overridden(f) {
			t.Errorf("%s is an override after following", f)
		}
	}
	// Edited after following, the text is the official's, with the new
	// period; back to the old period, it stays.
	r.Closing = strings.Replace(r.Closing, "Trên đây là", "Trên đây là tóm tắt", 1)
	r.Period = Period{Quarter, 1, 2026}
	r.FollowDerived()
	if !r.Overridden(FieldClosing) || !strings.Contains(r.ClosingSentence(), "Trên đây là tóm tắt báo cáo kết quả thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quý III năm 2026") {
		t.Errorf("edited closing %q", r.ClosingSentence())
	}
}

func TestEditedDerivedSentenceIsKept(t *testing.T) {
	r := Sample()
	r.Period = Period{Quarter, 4, 2026}
	r.Header.Date = Date{Year: 2026}
	r.Request = Request{}
	r.Opening = r.TakeDerived(FieldOpening)
	r.Opening = strings.Replace(r.Opening, "báo cáo kết quả", "báo cáo tóm tắt kết quả", 1)
	if !r.Overridden(FieldOpening) || r.OpeningSentence() != r.Opening {
		t.Fatal("an edited opening is not an override")
	}
	r.Period = Period{Quarter, 3, 2026}
	if !strings.Contains(r.OpeningSentence(), "báo cáo tóm tắt kết quả") {
		t.Error("the edit was lost")
	}
	ps := Check(r, 2026).ForField(FieldOpening)
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "Câu mở đầu nhắc «quý IV năm 2026» nhưng kỳ báo cáo là quý III năm 2026") {
		t.Errorf("stale edited opening: %v", ps)
	}
}

// Ctrl+Y used to copy the derived sentence into the override; a draft
// saved that way, then moved to another period, must follow it.
func TestCopiedDerivedSentenceSavedFollowsThePeriod(t *testing.T) {
	r := Sample()
	r.Period = Period{Quarter, 4, 2026}
	r.Header.Date = Date{Year: 2026}
	r.Opening = r.DerivedOpening()
	r.Closing = r.DerivedClosing()
	r.TitleText = r.DerivedTitle()
	path := filepath.Join(t.TempDir(), "x.json")
	if err := Save(path, r); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	got.Period = Period{Quarter, 3, 2026}
	if !strings.Contains(got.OpeningSentence(), "quý III năm 2026 như sau:") || !strings.Contains(got.ClosingSentence(), "phương hướng nhiệm vụ quý IV năm 2026") ||
		!strings.Contains(got.Title(), "quý III năm 2026") {
		t.Errorf("stale after a period change:\n%s\n%s\n%s", got.Title(), got.OpeningSentence(), got.ClosingSentence())
	}
}

// BenchmarkOpeningSentence is what the wizard's preview calls on every
// key: with an override taken and edited, the comparisons run each time.
func BenchmarkOpeningSentence(b *testing.B) {
	r := Sample()
	r.Opening = r.TakeDerived(FieldOpening) + " Thêm."
	for b.Loop() {
		r.OpeningSentence()
	}
}

// templateWording is every wording of the template that the official is
// shown or given: the prompts and suggested texts of its sections and
// items, by where they stand.
func templateWording() map[string]string {
	out := map[string]string{}
	for _, s := range nq57.Sections {
		out[s.ID+" prompt"], out[s.ID+" suggested"] = s.Prompt, s.Suggested
		for _, it := range s.Items {
			out[it.Key+" prompt"], out[it.Key+" suggested"] = it.Prompt, it.Suggested
		}
	}
	return out
}

// unitsOfEachKind are a report's short names, one per kind of unit.
var unitsOfEachKind = []string{"UBND xã Tân Chi", "UBND phường Võ Cường", "UBND thị trấn Chi Nê", "UBND đặc khu Phú Quốc"}

// xaWords counts the words «xã» in s, whatever their case.
func xaWords(s string) int {
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == "xã" {
			n++
		}
	}
	return n
}

// TestSuggestedWordingNamesTheUnitOnly: for a ward, a town or a special
// zone, the suggested wording names the unit and nothing else changes:
// «kinh tế - xã hội» stays, never «kinh tế - phường hội», and no
// placeholder is left unfilled.
func TestSuggestedWordingNamesTheUnitOnly(t *testing.T) {
	for _, unit := range unitsOfEachKind {
		r := Sample()
		r.Header.ShortName = unit
		kind := r.UnitKind()
		for where, w := range templateWording() {
			got := r.Suggested(w)
			for _, bad := range []string{"phường hội", "thị trấn hội", "đặc khu hội"} {
				if strings.Contains(strings.ToLower(got), bad) {
					t.Errorf("%s, %s: «%s» in %q", unit, where, bad, got)
				}
			}
			if strings.ContainsAny(got, "{}") {
				t.Errorf("%s, %s: a placeholder is left: %q", unit, where, got)
			}
			if kind != "xã" && xaWords(got) != xaWords(w) {
				t.Errorf("%s, %s: the words «xã» that are not the unit changed: %q → %q", unit, where, w, got)
			}
		}
		if got := r.Suggested(nq57.Section("IV").Suggested); !strings.Contains(got, "kinh tế - xã hội") {
			t.Errorf("%s: IV %q", unit, got)
		}
	}
}

// TestFillKeepsWordsEndingInXa: only placeholders name the unit; «xã hội»,
// «xã viên», «hợp tác xã» and a capitalised «Xã hội» are left as written.
func TestFillKeepsWordsEndingInXa(t *testing.T) {
	const wording = "Xã hội hóa: các hợp tác xã, xã viên và tổ chức xã hội của {cấp} {địa danh}; {Tên đơn vị} và {đơn vị} trong {kỳ}, {kỳ tới}."
	want := map[string]string{
		"UBND xã Tân Chi":       "Xã hội hóa: các hợp tác xã, xã viên và tổ chức xã hội của xã Tân Chi; Xã Tân Chi và UBND xã Tân Chi trong quý I năm 2026, quý II năm 2026.",
		"UBND phường Võ Cường":  "Xã hội hóa: các hợp tác xã, xã viên và tổ chức xã hội của phường Võ Cường; Phường Võ Cường và UBND phường Võ Cường trong quý I năm 2026, quý II năm 2026.",
		"UBND thị trấn Chi Nê":  "Xã hội hóa: các hợp tác xã, xã viên và tổ chức xã hội của thị trấn Chi Nê; Thị trấn Chi Nê và UBND thị trấn Chi Nê trong quý I năm 2026, quý II năm 2026.",
		"UBND đặc khu Phú Quốc": "Xã hội hóa: các hợp tác xã, xã viên và tổ chức xã hội của đặc khu Phú Quốc; Đặc khu Phú Quốc và UBND đặc khu Phú Quốc trong quý I năm 2026, quý II năm 2026.",
	}
	for _, unit := range unitsOfEachKind {
		r := Sample()
		r.Header.ShortName = unit
		if got := r.Fill(wording); got != want[unit] {
			t.Errorf("%s:\n got %q\nwant %q", unit, got, want[unit])
		}
	}
	// Without a unit name, the placeholders still make a sentence.
	r := Sample()
	r.Header.ShortName = ""
	if got := r.Fill("{Đơn vị} đã ban hành; cấp {cấp}"); got != "UBND xã đã ban hành; cấp xã" {
		t.Errorf("no unit: %q", got)
	}
}

// TestSuggestedWordingForACommune: the commune's suggested wording reads
// as it did before placeholders, so that a draft holding it unedited is
// still seen as not written.
func TestSuggestedWordingForACommune(t *testing.T) {
	r := Sample()
	for key, want := range map[string]string{
		"I.1":  "Trong kỳ, UBND xã Dương Hưu đã tập trung lãnh đạo",
		"I.2":  "UBND xã Dương Hưu đã ban hành các văn bản",
		"II.1": "Xã đã đẩy mạnh ứng dụng",
		"II.2": "Thực hiện nhiệm vụ được giao, UBND xã Dương Hưu đã chủ động",
		"II.3": "UBND xã Dương Hưu đã triển khai thực hiện",
	} {
		if got := r.Suggested(nq57.Item(key).Suggested); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q", key, got)
		}
	}
	if got := r.Suggested(nq57.Section("VI").Suggested); !strings.HasSuffix(got, "cho cán bộ, công chức cấp xã.") {
		t.Errorf("VI: %q", got)
	}
	if got := r.Suggested(nq57.Item("I.1").Suggested); !strings.HasSuffix(got, "trên trang thông tin điện tử của xã.") {
		t.Errorf("I.1: %q", got)
	}
}

// TestTemplateWordingPlaceholdersAreKnown walks every wording of the
// template: each placeholder is one [Report.Fill] fills, and the items'
// titles, which the draft keeps as its own text, have none.
func TestTemplateWordingPlaceholdersAreKnown(t *testing.T) {
	for where, w := range templateWording() {
		if err := CheckWording(w); err != nil {
			t.Errorf("%s: %v", where, err)
		}
	}
	for _, s := range nq57.Sections {
		if err := CheckWording(s.Title); err != nil {
			t.Errorf("%s title %q: %v", s.ID, s.Title, err)
		}
		for _, it := range s.Items {
			if strings.ContainsAny(it.Title+it.Label, "{}") {
				t.Errorf("%s title %q, label %q", it.Key, it.Title, it.Label)
			}
		}
	}
	for _, bad := range []struct{ wording, says string }{
		{"của {xã}", "chỗ điền «{xã}» không có"},
		{"của {đơn vi}", "chỗ điền «{đơn vi}» không có"},
		{"của {cấp", "«{» không được đóng"},
		{"của {cấp {kỳ}", "«{» không được đóng"},
		{"của cấp} xã", "«}» không có «{»"},
		{"{}", "chỗ điền «{}» không có"},
	} {
		err := CheckWording(bad.wording)
		if err == nil || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("CheckWording(%q) = %v, want «%s»", bad.wording, err, bad.says)
		}
	}
	if err := CheckWording("{Đơn vị} và {tên đơn vị}, {Cấp} {địa danh}, {Kỳ} {kỳ tới}"); err != nil {
		t.Error(err)
	}
}
