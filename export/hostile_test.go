package export

import (
	"io"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"baocao/report"
)

// hostile are reports that must still lay out inside the margins.
var hostile = []struct {
	name string
	edit func(r *report.Report)
}{
	{"20000-character paragraph", func(r *report.Report) {
		r.Section("III").Text = strings.Repeat("Chuyển đổi số toàn diện ", 834)[:20000]
	}},
	{"60-character word", func(r *report.Report) {
		w := strings.Repeat("x", 60)
		r.Section("VI").Text = "Đề nghị " + w + " và " + strings.Repeat("Đ", 60)
		r.Header.Agency = []string{strings.Repeat("Ư", 60)}
		r.Signer.Name = strings.Repeat("N", 60)
		r.Recipients = append(r.Recipients, w)
		r.Indicators[0].Name = w
		r.Indicators[0].Unit = w
	}},
	{"200 recipients", func(r *report.Report) {
		r.Recipients = nil
		for i := range 200 {
			r.Recipients = append(r.Recipients, "Phòng Văn hóa - Xã hội thôn số "+strings.Repeat("I", i%7+1))
		}
	}},
	{"every section empty", func(r *report.Report) {
		for i := range r.Sections {
			r.Sections[i].Text = ""
			for j := range r.Sections[i].Items {
				r.Sections[i].Items[j].Text = ""
			}
		}
		r.Sections[0].Items[1].Title = ""
	}},
	{"30 pages", func(r *report.Report) {
		para := r.Section("III").Text
		r.Section("III").Text = strings.TrimSpace(strings.Repeat(para+"\n- "+para+"\n", 150))
	}},
	{"everything empty", func(r *report.Report) {
		*r = report.Report{}
	}},
	{"emoji, decomposed letters and control characters", func(r *report.Report) {
		r.Header.Place = norm.NFD.String("Dương Hưu 🇻🇳")
		r.Section("VI").Text = "Kiến nghị 😀 \x00\x07\t tab \u200b\ufeff " + string([]byte{0xff, 0xfe}) + " 中文"
		r.Signer.Name = "Khúc Văn Sinh 𝕏"
	}},
	{"tall appendix", func(r *report.Report) {
		for i := range 40 {
			r.Indicators = append(r.Indicators, report.Indicator{
				Name: "Chỉ tiêu bổ sung " + strings.Repeat("rất dài ", i%9), Unit: "%", Value: "10", Note: "ghi chú",
			})
		}
		r.Indicators[1].Note = strings.Repeat("ghi chú dài ", 300)
	}},
	{"many addressees", func(r *report.Report) {
		r.Addressees = []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "Ban Chỉ đạo tỉnh", strings.Repeat("Ủy ban ", 30)}
	}},
}

func TestHostileTexts(t *testing.T) {
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			r := report.Sample()
			tt.edit(r)
			pdf := render(t, r)
			pages, ws := words(t, pdf)
			checkMargins(t, ws)
			if tt.name == "30 pages" && pages < 30 {
				t.Errorf("%d pages, want ≥ 30", pages)
			}
			if tt.name == "tall appendix" {
				// The appendix's second page shows "2", and repeats the header row.
				var second int
				for _, w := range ws {
					if w.text == "Phụ" && w.yMin < marginTop+6 {
						second = w.page + 1
					}
				}
				if second == 0 || second > pages {
					t.Fatalf("appendix does not span two pages (%d pages)", pages)
				}
				n := find(t, ws, second, "2")
				if n.yMax > marginTop {
					t.Errorf("appendix page 2 number at %.1f mm", n.yMax)
				}
				find(t, ws, second, "STT")
			}
		})
	}
}

func TestEmptySectionHeadingsPrinted(t *testing.T) {
	r := report.Sample()
	hostile[3].edit(r)
	out := squash(runTool(t, render(t, r), "pdftotext", "-raw"))
	for _, s := range r.Sections {
		if h := r.SectionHeading(s.ID); !strings.Contains(out, h) {
			t.Errorf("heading %q missing", h)
		}
	}
}

func TestMissing(t *testing.T) {
	r := report.Sample()
	hostile[6].edit(r)
	got := string(Missing(r))
	if got != "🇻🇳😀\ufffd中文𝕏" {
		t.Errorf("Missing = %q", got)
	}
	if m := Missing(report.Sample()); len(m) != 0 {
		t.Errorf("Missing(sample) = %q", string(m))
	}
	out := runTool(t, render(t, r), "pdftotext", "-raw")
	if !strings.Contains(out, "Kiến nghị ?") || !strings.Contains(norm.NFC.String(out), "Dương Hưu ??") {
		t.Errorf("placeholders not drawn:\n%s", out)
	}
}

func TestWrap(t *testing.T) {
	measure := func(s string) float64 { return float64(len([]rune(s))) }
	tests := []struct {
		in          string
		first, rest float64
		want        []string
	}{
		{"aa bb cc", 5, 5, []string{"aa bb", "cc"}},
		{"aa bb cc", 2, 5, []string{"aa", "bb cc"}},
		{"abcdefghij", 4, 4, []string{"abcd", "efgh", "ij"}},
		// A word longer than any line starts on the current line.
		{"x abcdefghij", 4, 4, []string{"x ab", "cdef", "ghij"}},
		{"Cổng tin: https://a.b/c", 12, 12, []string{"Cổng tin: ht", "tps://a.b/c"}},
		{"Số:      /BC ngày", 12, 12, []string{"Số:      /BC", "ngày"}},
		{"ab   cd ef", 8, 8, []string{"ab   cd", "ef"}}, // a blank is not broken
		{"a b   cd", 6, 6, []string{"a", "b   cd"}},
		{"", 4, 4, []string{""}},
	}
	for _, tt := range tests {
		got := wrap(tt.in, tt.first, tt.rest, measure)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wrap(%q, %v, %v) = %q, want %q", tt.in, tt.first, tt.rest, got, tt.want)
		}
	}
}

// setStrings sets every string field reachable from v to s.
func setStrings(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Pointer:
		if !v.IsNil() {
			setStrings(v.Elem(), s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				setStrings(v.Field(i), s)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			setStrings(v.Index(i), s)
		}
	}
}

func FuzzWrite(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n", "Dương Hưu", "- a\n- b\n\nc", "🇻🇳", "\x00\xff", strings.Repeat("W", 300),
		"{nb}", "(\\)", "%PDF", "ngày      tháng", "\u0301\u0323", "\r\n\t", "./.", "Lưu:",
	} {
		f.Add(s, 1)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		r := report.Sample()
		setStrings(reflect.ValueOf(r), s)
		r.Header.Number = s
		r.Header.Date = report.Date{Day: n % 40, Month: n % 15, Year: n}
		r.Period.Quarter = n % 6
		if err := Write(io.Discard, r, Options{}); err != nil {
			t.Fatalf("Write: %v", err)
		}
	})
}

// TestEmptyItemLeftOut: an item with neither title nor text prints
// nothing, not a bare "2.", and the items after it are numbered on.
func TestEmptyItemLeftOut(t *testing.T) {
	r := report.Sample()
	s := r.Section("I")
	s.Items[1].Text = ""
	s.Items = append(s.Items, report.Item{Text: "Mục do xã thêm."})
	out := runTool(t, render(t, r), "pdftotext", "-raw", "-enc", "UTF-8")
	for _, ln := range strings.Split(out, "\n") {
		if strings.TrimSpace(ln) == "2." {
			t.Error("a bare «2.» is printed for the empty item")
		}
	}
	if !strings.Contains(out, "2. Mục do xã thêm.") {
		t.Errorf("the item after the empty one is not numbered 2:\n%.600s", out)
	}
}
