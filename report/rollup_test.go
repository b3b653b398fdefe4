package report

import (
	"errors"
	"strings"
	"testing"
)

func unitReport(unit string, p Period, values ...string) *Report {
	r := NewReport(BuiltinKind(DefaultKindID), p)
	r.SetUnit(unit)
	for i, v := range values {
		r.Indicators[i].Value = v
	}
	return r
}

func problemsOf(ru *Rollup, path string) []string {
	var out []string
	for _, p := range ru.Problems {
		if p.Path == path {
			out = append(out, p.Text)
		}
	}
	return out
}

func TestRollupTableAndProblems(t *testing.T) {
	q2 := Period{Kind: Quarter, Quarter: 2, Year: 2026}
	ru := &Rollup{}
	ru.Add(Source{Path: "a.json", Format: FromDraft}, unitReport("xã Tân Chi", q2, "95,5", "100", "", "", "", "", "12"))
	ru.Add(Source{Path: "b.json", Format: FromDraft}, unitReport("phường Võ Cường", q2, "80", "khoảng chín mươi"))
	ru.Add(Source{Path: "b.pdf", Format: FromPDF, Signed: true, Signers: []string{"Nguyễn Văn A"}}, unitReport("phường Võ Cường", q2, "81", "khoảng chín mươi"))
	ru.Add(Source{Path: "c.json", Format: FromDraft}, unitReport("xã Tân Chi", q2, "95,5", "100", "", "", "", "", "12"))
	ru.Add(Source{Path: "old.json", Format: FromDraft}, unitReport("xã Tân Chi", q2.LastYear(), "90"))
	odd := unitReport("xã Đông Tiến", q2, "trên 95")
	odd.Indicators = append(odd.Indicators, Indicator{Code: "XYZ-9", Name: "Chỉ tiêu lạ", Kind: Count, Value: "3"}, Indicator{Name: "Dòng tự thêm", Kind: Count, Value: "4"})
	ru.Add(Source{Path: "d.json", Format: FromDraft}, odd)
	ru.Add(Source{Path: "e.pdf", Format: FromPDF, Err: errors.New("tệp PDF không mang số liệu")}, nil)
	ru.Add(Source{Path: "f.json", Format: FromDraft}, unitReport("xã Hoàn Sơn", q2, "105", "", "", "", "", "", "2,5"))
	ru.Finish()

	if ru.Period != q2 || ru.KindID != DefaultKindID {
		t.Fatalf("roll-up for %v %q, want the majority %v nq57", ru.Period, ru.KindID, q2)
	}
	if len(ru.Sources) != 8 {
		t.Fatalf("%d sources, want every input: %+v", len(ru.Sources), ru.Sources)
	}
	var units []string
	for _, r := range ru.Rows {
		units = append(units, r.Unit)
	}
	if got := strings.Join(units, "|"); got != "phường Võ Cường|xã Đông Tiến|xã Hoàn Sơn|xã Tân Chi" {
		t.Errorf("rows %q", got)
	}
	tanChi := ru.Rows[3]
	if c := tanChi.Cells["NQ57-01"]; c.Number != 95.5 || !c.Percent {
		t.Errorf("Tân Chi NQ57-01 = %+v", c)
	}
	if c := tanChi.Cells["NQ57-07"]; c.Number != 12 || c.Percent {
		t.Errorf("Tân Chi NQ57-07 = %+v", c)
	}
	if tanChi.Path != "a.json" {
		t.Errorf("Tân Chi from %s", tanChi.Path)
	}
	if c := ru.Rows[0].Cells["NQ57-01"]; c.Number != 81 || ru.Rows[0].Path != "b.pdf" {
		t.Errorf("the signed PDF should win over the draft: %+v from %s", c, ru.Rows[0].Path)
	}
	if _, ok := ru.Rows[0].Cells["NQ57-02"]; ok {
		t.Error("a value that is not a number got a cell")
	}
	for path, want := range map[string][]string{
		"b.json":   {"hai báo cáo khác số liệu", "NQ57-01: 81 / 80", "b.pdf (PDF đã ký)"},
		"b.pdf":    {"ghi «khoảng chín mươi», không phải là một con số"},
		"c.json":   {"cùng số liệu", "chỉ tính một lần"},
		"old.json": {"quý II năm 2025", "không đưa vào bảng"},
		"d.json":   {"«XYZ-9»", "không có trong mẫu", "«Dòng tự thêm» (giá trị 4) không có mã", "ghi «trên 95»"},
		"e.pdf":    {"không mang số liệu"},
		"f.json":   {"ghi «105»: tỷ lệ 105% nằm ngoài khoảng 0–100%. Bảng vẫn ghi số này.", "ghi «2,5»: số lượng «2,5» phải là số nguyên."},
	} {
		got := strings.Join(problemsOf(ru, path), "\n")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("problems of %s lack %q:\n%s", path, w, got)
			}
		}
	}
	if got := problemsOf(ru, "a.json"); len(got) != 0 {
		t.Errorf("a.json has problems: %q", got)
	}
	for _, s := range ru.Sources {
		if s.Status == "" {
			t.Errorf("%s has no status", s.Path)
		}
	}
}

func TestRollupAskedPeriodAndKind(t *testing.T) {
	q1 := Period{Kind: Quarter, Quarter: 1, Year: 2026}
	ru := &Rollup{Period: q1}
	ru.Add(Source{Path: "a.json", Format: FromDraft}, unitReport("xã A", q1.Following(), "1"))
	ru.Add(Source{Path: "b.json", Format: FromDraft}, unitReport("xã B", q1.Following(), "2"))
	ru.Add(Source{Path: "c.json", Format: FromDraft}, unitReport("xã C", q1, "3"))
	ru.Finish()
	if len(ru.Rows) != 1 || ru.Rows[0].Unit != "xã C" {
		t.Errorf("rows %+v, want only the asked period's unit", ru.Rows)
	}
	if len(problemsOf(ru, "a.json")) != 1 || len(problemsOf(ru, "b.json")) != 1 {
		t.Errorf("problems %+v", ru.Problems)
	}

	ru = &Rollup{KindID: "khac"}
	ru.Add(Source{Path: "a.json", Format: FromDraft}, unitReport("xã A", q1, "1"))
	ru.Finish()
	if len(ru.Rows) != 0 || !strings.Contains(strings.Join(problemsOf(ru, "a.json"), ""), "không phải loại đang tổng hợp «khac»") {
		t.Errorf("rows %+v problems %+v", ru.Rows, ru.Problems)
	}
}

// TestRollupOfAKindNotKnownHere: reports of a kind this program has no
// template for (Excel appendices carry none) are rolled up on the
// indicators their own rows name.
func TestRollupOfAKindNotKnownHere(t *testing.T) {
	q2 := Period{Kind: Quarter, Quarter: 2, Year: 2026}
	mk := func(unit, v string) *Report {
		r := &Report{Version: FormatVersion, KindID: "cchc", Period: q2}
		r.SetUnit(unit)
		r.Indicators = []Indicator{{Code: "CCHC-01", Name: "Số thủ tục được cắt giảm", Unit: "thủ tục", Kind: Count, Value: v}}
		return r
	}
	ru := &Rollup{}
	ru.Add(Source{Path: "a.xlsx", Format: FromXLSX}, mk("xã A", "3"))
	ru.Add(Source{Path: "b.xlsx", Format: FromXLSX}, mk("xã B", "4"))
	ru.Finish()
	if ru.KindID != "cchc" || ru.KindName() != "cchc" || len(ru.Columns) != 1 || ru.Columns[0].Code != "CCHC-01" || ru.Columns[0].Unit != "thủ tục" {
		t.Fatalf("kind %q %q, columns %+v", ru.KindID, ru.KindName(), ru.Columns)
	}
	if len(ru.Rows) != 2 || ru.Rows[1].Cells["CCHC-01"].Number != 4 || len(ru.Problems) != 0 {
		t.Errorf("rows %+v, problems %+v", ru.Rows, ru.Problems)
	}
}
