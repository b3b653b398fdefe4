package report

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCleanLine(t *testing.T) {
	nfd := norm.NFD.String("Dương Hưu")
	tests := map[string]string{
		nfd:                       "Dương Hưu",
		"  Dương   Hưu  ":         "Dương Hưu",
		"Dương\tHưu":              "Dương Hưu",
		"Dương\u00a0\u00a0Hưu":    "Dương Hưu",
		"Dương\r\nHưu":            "Dương Hưu",
		"Dư\x00ơng\x1b Hưu\u200b": "Dương Hưu",
		"\ufeffUBND xã":           "UBND xã",
		"Khen 👍":                  "Khen 👍", // kept: Check reports it
	}
	for in, want := range tests {
		if got := CleanLine(in); got != want {
			t.Errorf("CleanLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	in := "\r\n  Đoạn  một.  \r\n\r\n\r\n- gạch\u00a0đầu dòng;\r- dòng hai \n\n"
	want := "Đoạn một.\n\n- gạch đầu dòng;\n- dòng hai"
	if got := CleanText(in); got != want {
		t.Errorf("CleanText = %q, want %q", got, want)
	}
	if got := CleanText(norm.NFD.String("Thực hiện\nNghị quyết")); got != "Thực hiện\nNghị quyết" || !norm.NFC.IsNormalString(got) {
		t.Errorf("not NFC: %q", got)
	}
}

func TestNormalizeReachesEveryField(t *testing.T) {
	r := Sample()
	dirty := func(s string) string { return "  " + norm.NFD.String(s) + " \t" }
	r.Header.Agency[1] = dirty(r.Header.Agency[1])
	r.Header.ShortName = dirty(r.Header.ShortName)
	r.Request.Issuer = dirty(r.Request.Issuer)
	r.Sections[0].Items[0].Text = dirty(r.Sections[0].Items[0].Text)
	r.Indicators[0].Name = dirty(r.Indicators[0].Name)
	r.Recipients = append(r.Recipients, "   ")
	r.Signer.Name = dirty(r.Signer.Name)
	r.Normalize()
	want := Sample()
	if r.Header.Agency[1] != want.Header.Agency[1] || r.Header.ShortName != want.Header.ShortName ||
		r.Request.Issuer != want.Request.Issuer || r.Sections[0].Items[0].Text != want.Sections[0].Items[0].Text ||
		r.Indicators[0].Name != want.Indicators[0].Name || r.Signer.Name != want.Signer.Name {
		t.Errorf("not normalised: %+v", r)
	}
	if len(r.Recipients) != len(want.Recipients) {
		t.Errorf("blank recipient kept: %q", r.Recipients)
	}
}

func TestDrawable(t *testing.T) {
	for _, r := range "AĂÂĐÊÔƠƯaăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ“”–…%/" {
		if !Drawable(r) {
			t.Errorf("%q (U+%04X) should be drawable", r, r)
		}
	}
	for _, r := range "👍☺中" {
		if Drawable(r) {
			t.Errorf("%q should not be drawable", r)
		}
	}
	if got := string(Undrawable("a👍b👍c中")); got != "👍中" {
		t.Errorf("Undrawable = %q", got)
	}
}
