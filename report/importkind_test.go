package report

import (
	"os"
	"strings"
	"testing"
)

// sameStructure says how k's sections and items differ from want's: ids,
// titles, keys, and which items are untitled.
func sameStructure(t *testing.T, got, want *Kind) {
	t.Helper()
	if len(got.Sections) != len(want.Sections) {
		t.Fatalf("%d sections, want %d", len(got.Sections), len(want.Sections))
	}
	for i, ws := range want.Sections {
		gs := got.Sections[i]
		if gs.ID != ws.ID || gs.Title != ws.Title || gs.HasText != ws.HasText {
			t.Errorf("section %d: got %s %q text=%v, want %s %q text=%v", i, gs.ID, gs.Title, gs.HasText, ws.ID, ws.Title, ws.HasText)
		}
		if len(gs.Items) != len(ws.Items) {
			t.Errorf("section %s: %d items, want %d", ws.ID, len(gs.Items), len(ws.Items))
			continue
		}
		for j, wi := range ws.Items {
			if gi := gs.Items[j]; gi.Key != wi.Key || gi.Title != wi.Title {
				t.Errorf("item %s: got %q %q, want %q %q", wi.Key, gi.Key, gi.Title, wi.Key, wi.Title)
			}
		}
	}
}

func TestImportingTheCommunesReportGivesTheNQ57Outline(t *testing.T) {
	path := os.Getenv("BAOCAO_REFERENCE")
	if path == "" {
		t.Skip("BAOCAO_REFERENCE is not set (.ci/run sets it)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, err := ImportOutline("nq57-nhap", strings.Split(string(data), "\n"))
	if err != nil {
		t.Fatal(err)
	}
	k, err := ParseKind("nq57-nhap.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	sameStructure(t, k, BuiltinKind(DefaultKindID))
	if t.Failed() {
		t.Logf("imported:\n%s", out)
	}
	if !strings.Contains(k.Closing, "{kỳ}") || !strings.Contains(k.Closing, "{kỳ tới}") || !strings.HasSuffix(k.Closing, "của {đơn vị}./.") {
		t.Errorf("closing %q names the periods as placeholders", k.Closing)
	}
	if want := "{đơn vị} báo cáo kết quả triển khai"; !strings.HasPrefix(k.Opening, want) {
		t.Errorf("opening %q, want it to start %q", k.Opening, want)
	}
	if got := k.Sections[0].Items[0].Suggested; !strings.HasPrefix(got, "Trong {kỳ} {đơn vị} đã tập trung") {
		t.Errorf("I.1's suggestion %q names the period and unit as placeholders", got)
	}
}

func TestImportingADepartmentsOutlineTakesItsPromptsAndNumbers(t *testing.T) {
	outline := []string{
		"ĐỀ CƯƠNG",
		"BÁO CÁO",
		"Công tác cải cách hành chính quý II năm 2026",
		"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
		"1. Kế hoạch cải cách hành chính",
		"(Nêu việc ban hành kế hoạch cải cách hành chính năm của UBND xã Tân Chi)",
		"2. Kiểm tra, tự kiểm tra",
		"Nêu số cuộc kiểm tra trong kỳ.",
		"II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2026",
		"Liệt kê nhiệm vụ trọng tâm.",
		"- Tiếp tục rà soát thủ tục hành chính của UBND xã Tân Chi.",
	}
	out, err := ImportOutline("cchc-quy", outline)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ParseKind("cchc-quy.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if k.Title != "Công tác cải cách hành chính {kỳ}" || k.FilePrefix != "BC-CCHC-QUY" || !k.WrittenFor(Quarter) {
		t.Errorf("title %q, prefix %q, periods %v", k.Title, k.FilePrefix, k.Periods)
	}
	if len(k.Sections) != 2 || len(k.Sections[0].Items) != 2 {
		t.Fatalf("got %d sections:\n%s", len(k.Sections), out)
	}
	i1 := k.Sections[0].Items[0]
	if i1.Title != "Kế hoạch cải cách hành chính" || i1.Prompt != "Nêu việc ban hành kế hoạch cải cách hành chính năm của {đơn vị}" {
		t.Errorf("I.1: %+v", i1)
	}
	if p := k.Sections[0].Items[1].Prompt; p != "Nêu số cuộc kiểm tra trong kỳ." {
		t.Errorf("I.2's prompt %q", p)
	}
	s2 := k.Sections[1]
	if s2.Title != "Phương hướng, nhiệm vụ {kỳ tới}" || !s2.NextPeriodHeading || !s2.HasText ||
		s2.Prompt != "Liệt kê nhiệm vụ trọng tâm." || s2.Suggested != "- Tiếp tục rà soát thủ tục hành chính của {đơn vị}." {
		t.Errorf("II: %+v", s2)
	}
}

func TestImportingTextWithoutHeadingsSaysSo(t *testing.T) {
	_, err := ImportOutline("x", []string{"Kính gửi: Sở Nội vụ", "Một đoạn văn."})
	if err == nil || !strings.Contains(err.Error(), "không thấy đề mục") {
		t.Errorf("err = %v", err)
	}
}
