package report

import (
	"errors"
	"strings"
	"testing"
)

// nq57 is the built-in NQ57 kind.
var nq57 = BuiltinKind(DefaultKindID)

// templateErrors parses src and returns its faults as "line: message".
func templateErrors(t *testing.T, src string) []string {
	t.Helper()
	_, err := ParseKind("mau/thu.yaml", []byte(src))
	if err == nil {
		return nil
	}
	var out []string
	for _, e := range unjoin(err) {
		var te *TemplateError
		if !errors.As(e, &te) {
			t.Fatalf("%v is no TemplateError", e)
		}
		if te.File != "mau/thu.yaml" {
			t.Errorf("error names %q", te.File)
		}
		out = append(out, strings.TrimPrefix(te.Error(), "mau/thu.yaml, "))
	}
	return out
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

const smallKind = `id: vi-du
name: Báo cáo ví dụ
periods: [quarter, year]
title: "Kết quả ví dụ {kỳ}"
opening: "{đơn vị} báo cáo kết quả {kỳ} như sau:"
closing: "Trên đây là báo cáo {kỳ} của {đơn vị}./."
sections:
  - id: I
    title: Kết quả
    items:
      - key: I.1
        title: Chỉ đạo
        prompt: Nêu văn bản.
        suggested: |
          Trong {kỳ}, {đơn vị} đã …
  - id: II
    title: "Phương hướng {kỳ tới}"
    text: true
`

func TestSmallTemplateParses(t *testing.T) {
	k, err := ParseKind("vi-du.yaml", []byte(smallKind))
	if err != nil {
		t.Fatal(err)
	}
	if k.ID != "vi-du" || k.FilePrefix != "BC-VI-DU" || k.Symbol != "BC-UBND" || len(k.Sections) != 2 {
		t.Errorf("got %+v", k)
	}
	if !k.Sections[1].NextPeriodHeading || k.Sections[0].NextPeriodHeading {
		t.Error("section II's heading names the next period, section I's does not")
	}
	if !k.WrittenFor(Year) || k.WrittenFor(HalfYear) {
		t.Errorf("periods %v", k.Periods)
	}
}

func TestTemplateFaultsNameTheirLine(t *testing.T) {
	cases := []struct {
		name, from, to string
		want           string
	}{
		{"unknown key", "name: Báo cáo ví dụ\n", "name: Báo cáo ví dụ\ntên: x\n",
			"dòng 3: khóa «tên» không có trong mẫu báo cáo"},
		{"unknown placeholder", `title: "Kết quả ví dụ {kỳ}"`, `title: "Kết quả ví dụ {ky}"`,
			"dòng 4: chỗ điền «{ky}» trong «title» không có"},
		{"unknown placeholder inside a block", "Trong {kỳ}, {đơn vị}", "Trong {kỳ}, {don vi}",
			"dòng 15: chỗ điền «{don vi}» trong «suggested» không có"},
		{"duplicate section", "  - id: II\n", "  - id: I\n",
			"dòng 16: mã phần «I» trùng với một phần trước"},
		{"duplicate key", "periods: [quarter, year]\n", "periods: [quarter, year]\nperiods: [year]\n",
			"dòng 4: khóa «periods» được ghi hai lần"},
		{"missing title", `    title: "Phương hướng {kỳ tới}"` + "\n", "",
			"dòng 16: phần II thiếu «title»"},
		{"missing item title", "        title: Chỉ đạo\n", "",
			"dòng 11: mục I.1 thiếu «title»"},
		{"bad period", "periods: [quarter, year]", "periods: [quarter, month]",
			"dòng 3: kỳ «month» không có"},
		{"yaml syntax", "name: Báo cáo ví dụ\n", "name: Báo cáo: ví dụ\n",
			"dòng 2: sai cú pháp YAML"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(smallKind, c.from, c.to, 1)
			if src == smallKind {
				t.Fatal("the case changes nothing")
			}
			errs := templateErrors(t, src)
			for _, e := range errs {
				if strings.HasPrefix(e, c.want) {
					return
				}
			}
			t.Errorf("errors %q\nwant one starting %q", errs, c.want)
		})
	}
}
