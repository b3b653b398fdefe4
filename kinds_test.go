package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"baocao/export"
	"baocao/report"
)

// readmeTemplate is the example template file of the README, which an IT
// officer copies: the tests run it so that it stays true.
func readmeTemplate(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "<!-- vi-du-tep-mau -->\n```yaml\n")
	if !ok {
		t.Fatal("README.md has no example template after <!-- vi-du-tep-mau -->")
	}
	text, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("the README's example template is not closed")
	}
	return text
}

// pdfText is the text of the PDF at path, as pdftotext reads it; false on
// Windows, which has no pdftotext (the Linux run reads the text).
func pdfText(t *testing.T, path string) (string, bool) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return "", false
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("BAOCAO_REQUIRE_TOOLS") == "1" {
			t.Fatalf("pdftotext is required (BAOCAO_REQUIRE_TOOLS=1): %v", err)
		}
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command(bin, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " "), true
}

// docxText is the text of the Word file at path, its paragraphs joined.
func docxText(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	paras, err := export.DocxParagraphs(f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(strings.Join(paras, " ")), " ")
}

// TestAKindWrittenOnlyAsAFile: the README's example template, put in the
// drafts folder's mau/, is listed, a draft of it is created from the
// command line, filled, checked and exported to PDF and Word with its own
// title, sections, placeholders filled and indicators; editing the
// template later changes nothing of that report.
func TestAKindWrittenOnlyAsAFile(t *testing.T) {
	dir := t.TempDir()
	mau := filepath.Join(dir, "mau")
	if err := os.Mkdir(mau, 0o755); err != nil {
		t.Fatal(err)
	}
	tmpl := filepath.Join(mau, "cchc-quy.yaml")
	if err := os.WriteFile(tmpl, []byte(readmeTemplate(t)), 0o644); err != nil {
		t.Fatal(err)
	}

	code, out, errOut := cli(t, "kinds", "--dir", dir)
	if code != 0 || !strings.Contains(out, "● cchc-quy  Báo cáo công tác cải cách hành chính") ||
		!strings.Contains(out, "kỳ: quý, 6 tháng, năm; "+tmpl) || !strings.Contains(out, "● nq57") {
		t.Fatalf("kinds: %d\n%s%s", code, out, errOut)
	}

	code, out, errOut = cli(t, "new", "--dir", dir, "--kind", "cchc-quy", "--unit", "phường Võ Cường", "--period", "2026-Q2")
	path := strings.TrimSpace(out)
	if code != 0 || filepath.Base(path) != "bc-cchc-vo-cuong-2026-q2.json" {
		t.Fatalf("new: %d %q %q", code, out, errOut)
	}
	r, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.KindID != "cchc-quy" || r.Template == "" || len(r.Sections) != 3 || len(r.Indicators) != 2 || r.Indicators[0].Code != "CCHC-01" {
		t.Fatalf("the new draft: kind %q, %d sections, indicators %+v", r.KindID, len(r.Sections), r.Indicators)
	}
	// Filled in as the official would.
	r.Header.Number = "12"
	r.Header.Date = report.Date{Day: 3, Month: 7, Year: 2026}
	r.Section("I").Items[0].Text = r.Suggested(r.Kind().Item("I.1").Suggested)
	r.Section("I").Items[1].Text = "Tổ chức 02 cuộc tự kiểm tra tại bộ phận một cửa."
	r.Section("II").Items[0].Text = "Tiếp nhận và giải quyết hồ sơ đúng quy định."
	r.Section("III").Text = "- Tiếp tục rà soát thủ tục hành chính."
	r.Indicators[0].Value, r.Indicators[1].Value = "98,5", "1250"
	r.Recipients = []string{"Sở Nội vụ tỉnh"}
	r.Signer.Name = "Nguyễn Văn A"
	if err := report.Save(path, r); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := cli(t, "check", path); code != 0 {
		t.Fatalf("check: %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := cli(t, "export", path, "--format", "all"); code != 0 {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	stem := filepath.Join(dir, "BC-CCHC-quy-II-2026-Vo-Cuong")
	want := []string{
		"Kết quả thực hiện công tác cải cách hành chính quý II năm 2026",
		"UBND phường Võ Cường báo cáo kết quả thực hiện công tác cải cách hành chính quý II năm 2026 như sau:",
		"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
		"1. Kế hoạch cải cách hành chính",
		"UBND phường Võ Cường đã ban hành Kế hoạch cải cách hành chính năm",
		"Kết quả các chỉ tiêu cụ thể (chi tiết tại Phụ lục kèm theo).",
		"III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2026",
		"phương hướng nhiệm vụ quý III năm 2026 của UBND phường Võ Cường./.",
		"MỘT SỐ CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH QUÝ II NĂM 2026",
		"Tỷ lệ hồ sơ giải quyết đúng hạn",
		"98,5",
		"Số hồ sơ tiếp nhận trong kỳ",
		"1.250",
	}
	texts := map[string]string{"Word": docxText(t, stem+".docx")}
	pdf, readable := pdfText(t, stem+".pdf")
	if readable {
		texts["PDF"] = pdf
	}
	for _, w := range want {
		for name, text := range texts {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
	if strings.Contains(pdf+texts["Word"], "{") || strings.Contains(pdf+texts["Word"], "57-NQ/TW") {
		t.Errorf("a placeholder or the NQ57 wording is left:\n%s", pdf)
	}

	// The template edited, then removed: the report says what it said.
	edited := strings.Replace(readmeTemplate(t), "Công tác chỉ đạo, điều hành", "Chỉ đạo", 1)
	os.WriteFile(tmpl, []byte(edited), 0o644)
	if code, _, errOut := cli(t, "export", path, "-o", filepath.Join(dir, "sau-khi-sua.pdf")); code != 0 {
		t.Fatalf("export after the edit: %d %q", code, errOut)
	}
	os.Remove(tmpl)
	if code, _, errOut := cli(t, "export", path, "-o", filepath.Join(dir, "sau-khi-xoa.pdf")); code != 0 {
		t.Fatalf("export after the removal: %d %q", code, errOut)
	}
	first, _ := os.ReadFile(stem + ".pdf")
	for _, name := range []string{"sau-khi-sua.pdf", "sau-khi-xoa.pdf"} {
		if got, _ := pdfText(t, filepath.Join(dir, name)); got != pdf {
			t.Errorf("%s differs from the first export", name)
		}
		// The figures the PDF carries are the draft's, whatever became of
		// the template.
		again, _ := os.ReadFile(filepath.Join(dir, name))
		r1, _, err1 := export.ReadPDF(bytes.NewReader(first), int64(len(first)))
		r2, _, err2 := export.ReadPDF(bytes.NewReader(again), int64(len(again)))
		if err1 != nil || err2 != nil || r1.Title() != r2.Title() || r2.Template != r.Template {
			t.Errorf("%s: the data it carries differs (%v, %v)", name, err1, err2)
		}
	}
}

func TestBrokenTemplatesAreListedWithTheirLine(t *testing.T) {
	dir := t.TempDir()
	mau := filepath.Join(dir, "mau")
	os.Mkdir(mau, 0o755)
	bad := strings.Replace(readmeTemplate(t), "    title: Kết quả giải quyết thủ tục hành chính\n", "    tieu_de: x\n", 1)
	os.WriteFile(filepath.Join(mau, "hong.yaml"), []byte(bad), 0o644)
	code, out, errOut := cli(t, "kinds", "--dir", dir)
	if code != 0 || !strings.Contains(out, "✗ "+filepath.Join(mau, "hong.yaml")) ||
		!strings.Contains(out, "dòng 23: khóa «tieu_de» không có trong phần thứ 2") ||
		!strings.Contains(out, "dòng 22: phần II thiếu «title»") || !strings.Contains(out, "● nq57") {
		t.Errorf("kinds: %d\n%s%s", code, out, errOut)
	}
	// A kind that is not there, or not written for the period asked.
	if code, _, errOut := cli(t, "new", "--dir", dir, "--kind", "hong", "--unit", "xã A", "--period", "2026-Q1"); code != 2 || !strings.Contains(errOut, "không có loại báo cáo «hong»") {
		t.Errorf("new of a broken kind: %d %q", code, errOut)
	}
	if code, _, errOut := cli(t, "new", "--dir", dir, "--unit", "xã A", "--period", "2026-Q5"); code != 2 || !strings.Contains(errOut, "2026-Q2 (quý II năm 2026)") {
		t.Errorf("new with a bad period: %d %q", code, errOut)
	}
}

func TestImportingAnOutlineWritesATemplate(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "de-cuong CCHC.txt")
	os.WriteFile(in, []byte("BÁO CÁO\r\nCông tác cải cách hành chính quý II năm 2026\r\nI. CÔNG TÁC CHỈ ĐẠO\r\n1. Kế hoạch\r\n(Nêu kế hoạch đã ban hành)\r\nII. PHƯƠNG HƯỚNG QUÝ III NĂM 2026\r\n"), 0o644)
	code, out, errOut := cli(t, "kinds", "import", in, "--dir", dir)
	want := filepath.Join(dir, "mau", "de-cuong-cchc.yaml")
	if code != 0 || !strings.Contains(out, want) {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	k, err := report.ReadKind(want)
	if err != nil {
		t.Fatal(err)
	}
	if k.ID != "de-cuong-cchc" || k.Title != "Công tác cải cách hành chính {kỳ}" || len(k.Sections) != 2 || k.Sections[0].Items[0].Prompt != "Nêu kế hoạch đã ban hành" {
		t.Errorf("imported %+v", k)
	}
	if code, _, errOut := cli(t, "kinds", "import", in, "--dir", dir); code != 1 || !strings.Contains(errOut, "đã có") {
		t.Errorf("a second import overwrote: %d %q", code, errOut)
	}
	if code, _, errOut := cli(t, "kinds", "import", filepath.Join(dir, "x.pdf"), "--dir", dir); code != 2 {
		t.Errorf("import of a missing file: %d %q", code, errOut)
	}
}
