package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/report"
)

// templateKind is a report kind that no Go code knows: a template file
// only, with a section named after the next period and one indicator.
const templateKind = `id: an-ninh
name: Báo cáo công tác an ninh trật tự
file_prefix: BC-ANTT
periods: [quarter, year]
title: "Kết quả công tác bảo đảm an ninh trật tự {kỳ}"
opening: "{đơn vị} báo cáo công tác bảo đảm an ninh trật tự {kỳ} như sau:"
closing: "Trên đây là báo cáo công tác an ninh trật tự {kỳ} của {đơn vị}./."
sections:
  - id: I
    title: Tình hình an ninh trật tự
    items:
      - key: I.1
        title: Tình hình chung trên địa bàn {cấp}
        prompt: Nêu tình hình chung.
  - id: II
    title: "Nhiệm vụ {kỳ tới}"
    text: true
    prompt: Liệt kê nhiệm vụ.
appendix:
  title: "Số liệu an ninh trật tự {kỳ}"
indicators:
  - {code: ANTT-01, name: Số vụ việc được hòa giải, unit: vụ, kind: count}
  - {code: ANTT-02, name: Tỷ lệ vụ việc hòa giải thành, kind: percent}
`

// templateFolder makes a drafts folder whose mau/ holds templateKind.
func templateFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, report.TemplateDir), 0o755)
	// The item title above uses a placeholder, which a template may not:
	// the kind is written as an IT officer would after reading the error.
	text := strings.Replace(templateKind, " trên địa bàn {cấp}", "", 1)
	if err := os.WriteFile(filepath.Join(dir, report.TemplateDir, "an-ninh.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestTmuxNewReportOfATemplateKind: with a template file in mau/, the
// new-report screen offers the kinds; the one chosen is what the draft is,
// with its own parts, filled, checked and exported with its own words.
func TestTmuxNewReportOfATemplateKind(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := templateFolder(t)
	s := startTmux(t, fmt.Sprintf("baocao-kind-%d", os.Getpid()), "a", 100, 30, nil, bin, "--dir", dir)
	s.waitFor("Tạo báo cáo mới")
	s.keys("n")
	c := s.waitFor("Loại báo cáo")
	if !strings.Contains(c, "Báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW") || !strings.Contains(c, "Báo cáo công tác an ninh trật tự") {
		t.Fatalf("the kinds are not offered:\n%s", c)
	}
	s.keys("Down", "Tab")
	s.waitFor("Tên xã, phường")
	s.literal("xã Tân Chi")
	s.keys("Tab", "Tab", "Tab")
	c = s.waitFor("I.1. Tình hình chung")
	if strings.Contains(c, "Công tác lãnh đạo") {
		t.Errorf("the NQ57 parts are shown:\n%s", c)
	}
	drafts, _ := filepath.Glob(filepath.Join(dir, "bc-antt-tan-chi-*.json"))
	if len(drafts) != 1 {
		all, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		t.Fatalf("drafts %v, want one bc-antt-tan-chi-…", all)
	}
	r, err := report.Load(drafts[0])
	if err != nil {
		t.Fatal(err)
	}
	if r.KindID != "an-ninh" || r.Template == "" || r.Title() != "Kết quả công tác bảo đảm an ninh trật tự "+r.Period.Phrase() {
		t.Errorf("the draft: kind %q, title %q", r.KindID, r.Title())
	}

	// I.1 and the signer filled, then reviewed and exported.
	s.keys("Escape")
	s.literal("3")
	s.keys("Enter")
	s.waitFor("Nêu tình hình chung.")
	s.literal("Tình hình an ninh trật tự ổn định.")
	s.keys("Escape")
	s.literal("7")
	s.keys("Enter")
	s.waitFor("Họ và tên người ký")
	s.keys("Tab", "Tab")
	s.literal("Trần Văn Bình")
	s.waitFor("Trần Văn Bình")
	s.keys("C-r")
	s.waitFor("Kiểm tra: 0 lỗi")
	s.keys("x")
	s.waitFor("Vẫn xuất báo cáo?")
	s.keys("c")
	s.waitFor("Xuất ra tệp nào?")
	s.keys("Enter")
	s.waitFor("Lưu vào thư mục nào?")
	s.keys("Enter")
	s.waitFor("Đường dẫn tệp PDF")
	s.keys("Enter")
	s.waitFor("Đã xuất ba tệp:")
	pdfs, _ := filepath.Glob(filepath.Join(dir, "BC-ANTT-*-Tan-Chi.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("exported PDFs: %v", pdfs)
	}
	text := pdfText(t, pdfs[0])
	for _, want := range []string{
		r.Title(), "UBND xã Tân Chi báo cáo công tác bảo đảm an ninh trật tự " + r.Period.Phrase() + " như sau:",
		"I. TÌNH HÌNH AN NINH TRẬT TỰ", "Tình hình an ninh trật tự ổn định.",
		"II. NHIỆM VỤ " + strings.ToUpper(r.Period.Next().Phrase()), "Trần Văn Bình",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	s.quit(drafts[0])
}

// TestTmuxPlainNewReportOfATemplateKind: plain mode asks the kind as a
// numbered choice when there are several; the report is filled with the
// kind's own parts, checked and exported, its placeholders filled.
func TestTmuxPlainNewReportOfATemplateKind(t *testing.T) {
	needTmux(t)
	bin := buildBaocao(t)
	dir := templateFolder(t)
	s := startTmux(t, fmt.Sprintf("baocao-plain-kind-%d", os.Getpid()), "a", 80, 24, nil, bin, "--plain", "--dir", dir)
	s.typeLine("q: thoát:", "n")
	s.waitFor("2. Báo cáo công tác an ninh trật tự")
	s.typeLine("Chọn loại báo cáo (1–2) [1]:", "2")
	s.typeLine("Tên xã, phường", "phường Võ Cường")
	s.typeLine("Cả năm) [", "1")
	s.typeLine("Năm báo cáo [", "2026")
	s.waitFor("Đã tạo bản nháp")
	path := filepath.Join(dir, "bc-antt-vo-cuong-2026-q1.json")
	r, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.KindID != "an-ninh" || len(r.Sections) != 2 || r.Indicators[1].Unit != "%" {
		t.Errorf("the draft: kind %q, %d sections, indicators %+v", r.KindID, len(r.Sections), r.Indicators)
	}

	// Filled: I.1, II, the two indicators, a recipient, the signer.
	s.waitFor("== Phần 1/7: Thông tin chung ==")
	s.typeLine("bản nháp:", "3")
	s.waitFor("== Phần 3/7: I.1. Tình hình chung ==")
	s.typeLine("bản nháp:", "")
	s.typeLine("Nội dung:", "Tình hình an ninh trật tự trên địa bàn ổn định.")
	s.waitFor("== Phần 4/7: II. Nhiệm vụ ==")
	s.typeLine("bản nháp:", "")
	s.typeLine("Nội dung:", "Giữ vững an ninh trật tự.")
	s.typeLine("Tiêu đề phần (sửa nếu cần):", "")
	s.waitFor("== Phần 5/7: Chỉ tiêu ==")
	s.typeLine("bản nháp:", "")
	s.typeLine("q: xong phần này:", "")
	s.typeLine("Chỉ tiêu 1/2", "12")
	s.typeLine("Cùng kỳ năm trước:", "")
	s.waitFor("Chỉ tiêu 2/2")
	s.typeLine("Kết quả kỳ này:", "75")
	s.screenWith("Kết quả kỳ này: 75 Cùng kỳ năm trước:")
	s.keys("Enter")
	s.waitFor("== Phần 6/7: Nơi nhận ==")
	s.typeLine("bản nháp:", "")
	s.typeLine("Nơi nhận:", "Công an tỉnh")
	s.typeLine("Lưu [VT]:", "")
	s.waitFor("== Phần 7/7: Người ký ==")
	s.typeLine("bản nháp:", "")
	s.typeLine("Thẩm quyền ký [TM. ỦY BAN NHÂN DÂN]:", "")
	s.typeLine("Chức vụ người ký [CHỦ TỊCH]:", "")
	s.typeLine("Họ và tên người ký:", "Trần Văn Bình")
	s.typeLine("Câu kết (sửa nếu cần):", "")
	s.waitFor("Kiểm tra: không có lỗi hay lưu ý nào.")
	s.typeLine("q: không xuất [4]:", "")
	s.typeLine(".pdf]:", "")
	s.screenWith("Đã xuất Excel:")
	s.typeLine("q: thoát:", "q")

	pdf := filepath.Join(dir, "BC-ANTT-quy-I-2026-Vo-Cuong.pdf")
	for _, ext := range []string{".pdf", ".docx", ".xlsx"} {
		if _, err := os.Stat(strings.TrimSuffix(pdf, ".pdf") + ext); err != nil {
			t.Errorf("not exported: %v", err)
		}
	}
	text := pdfText(t, pdf)
	for _, want := range []string{
		"Kết quả công tác bảo đảm an ninh trật tự quý I năm 2026",
		"UBND phường Võ Cường báo cáo công tác bảo đảm an ninh trật tự quý I năm 2026 như sau:",
		"I. TÌNH HÌNH AN NINH TRẬT TỰ", "1. Tình hình chung", "Tình hình an ninh trật tự trên địa bàn ổn định.",
		"II. NHIỆM VỤ QUÝ II NĂM 2026", "Giữ vững an ninh trật tự.",
		"Trên đây là báo cáo công tác an ninh trật tự quý I năm 2026 của UBND phường Võ Cường./.",
		"SỐ LIỆU AN NINH TRẬT TỰ QUÝ I NĂM 2026", "Số vụ việc được hòa giải", "Tỷ lệ vụ việc hòa giải thành", "Trần Văn Bình",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
}
