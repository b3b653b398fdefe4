package report

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ExportStem is the name the exported files of r share, before their
// extension: "BC-NQ57-quy-I-2026-Duong-Huu". It starts with the kind's
// file prefix; the period is "quy-I-2026", "6-thang-2026" or "nam-2026";
// the unit is its name without "xã", "phường"…, diacritics removed. Only
// ASCII letters, digits and "-" are used, so the name is safe on every
// system.
func ExportStem(r *Report) string {
	parts := []string{r.Kind().FilePrefix}
	p := r.Period
	switch {
	case p.Kind == Quarter && p.Quarter >= 1 && p.Quarter <= 4:
		parts = append(parts, fmt.Sprintf("quy-%s-%d", romanQuarters[p.Quarter], p.Year))
	case p.Kind == HalfYear:
		parts = append(parts, fmt.Sprintf("6-thang-%d", p.Year))
	case p.Year > 0:
		parts = append(parts, fmt.Sprintf("nam-%d", p.Year))
	}
	unit := r.unitPlaceName()
	if strings.TrimSpace(unit) == "" {
		unit = r.Header.Place
	}
	parts = append(parts, fold(unit, 60, false))
	return strings.Trim(strings.Join(parts, "-"), "-")
}

// fold writes s in ASCII letters and digits, words joined by "-", at
// most max bytes: "Dương Hưu" → "Duong-Huu", or "duong-huu" when lower.
func fold(s string, max int, lower bool) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		}
		if lower && r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if b.Len() >= max {
				break
			}
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return strings.TrimRight(b.String(), "-")
}
