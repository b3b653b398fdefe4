package export

import (
	"bytes"
	"strings"
	"testing"

	"baocao/report"
)

func TestDocxParagraphsReadBackTheWordExport(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDocx(&buf, report.Sample(), Options{}); err != nil {
		t.Fatal(err)
	}
	paras, err := DocxParagraphs(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(paras, "\n")
	for _, want := range []string{
		"I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, BAN HÀNH VĂN BẢN",
		"1. Công tác lãnh đạo, chỉ đạo",
		"V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU QUÝ II NĂM 2026",
		"theo Nghị quyết số 57-NQ/TW của Bộ Chính trị",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no paragraph holds %q", want)
		}
	}
	if _, err := DocxParagraphs(strings.NewReader("%PDF-1.7"), 8); err != ErrNotDocx {
		t.Errorf("a PDF read as a .docx gives %v", err)
	}
}
