package report

import (
	"math/rand/v2"
	"strings"
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

func TestCleanTextComposesAfterRemovingCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"Vie\u200b\u0302\u0323t":       "Việt",
		"Vie\u0302\u200d\u0323t":       "Việt",
		"Du\ufeff\u031bo\u031bng":      "Dương",
		"Ha\x00\u0300 Nô\u0323i":       "Hà Nội",
		"qu\u202ey\u0301 I/2026\u202c": "quý I/2026",
	} {
		for _, clean := range []func(string) string{CleanLine, CleanText} {
			got := clean(in)
			if got != want || !norm.NFC.IsNormalString(got) {
				t.Errorf("clean(%q) = %q (NFC: %v), want %q", in, got, norm.NFC.IsNormalString(got), want)
			}
		}
	}
}

func TestPrintableShowsControlCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"duong-huu-2026-q1.json": "duong-huu-2026-q1.json",
		"Dương Hưu 👍":            "Dương Hưu 👍",
		"\x1b]0;pwned\a.json":    `\x1b]0;pwned\x07.json`,
		"\x1b[31mđỏ\x1b[0m.json": `\x1b[31mđỏ\x1b[0m.json`,
		"a\tb\nc\rd":             `a\x09b\x0ac\x0dd`,
		"x\u009b31m":             `x\u009b31m`,
		"gpj.\u202eexe":          `gpj.\u202eexe`,
		"\xff\xfeten.json":       `\xff\xfeten.json`,
		"dòng\u2028hai":          `dòng\u2028hai`,
		"x\x7f":                  `x\x7f`,
	} {
		got := Printable(in)
		if got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
				t.Errorf("Printable(%q) keeps control character %U", in, r)
			}
		}
	}
}

// TestCleanLineUnchangedLinesAreTakenAsTheyAre holds the shortcut for a
// line with nothing to clean to the full rules: wherever the shortcut
// keeps a line, the rules would have kept it too, and a line needing
// any change never takes the shortcut.
func TestCleanLineUnchangedLinesAreTakenAsTheyAre(t *testing.T) {
	alphabet := []rune{'a', 'Ư', 'ơ', '\u0301', '\u1100', '\u1161', '\u09c7', '\u09be', '\u0915', '\u093c', '\u0340', '\u2126', 'Å', 'e', ' ', ' ', '\t', '\u00a0', '\u200b', '\ufeff', '\x1b', '\n', '\u3000', '😀', '\ufffd', '1', ','}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		rs := make([]rune, rng.IntN(8))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(rs)
		if rng.IntN(20) == 0 {
			s += "\xff"
		}
		clean := cleanSlow(s) == s
		if isClean(s) && !clean {
			t.Fatalf("isClean(%q) but the rules give %q", s, cleanSlow(s))
		}
		if clean != isClean(s) && s != "\ufffd" && !strings.ContainsRune(s, '\ufffd') {
			t.Errorf("isClean(%q) = %v, the rules keep it: %v", s, isClean(s), clean)
		}
	}
}
