package report

import "strings"

// unitKindWords are the kinds of unit a name can start with.
var unitKindWords = []string{"xã", "phường", "thị trấn", "đặc khu"}

// SetUnit sets the header from the unit's name as an official types it,
// "xã Tân Chi" or "Phường Võ Cường": the agency lines «ỦY BAN NHÂN DÂN» /
// «XÃ TÂN CHI», the short name «UBND xã Tân Chi» and the place «Tân Chi».
func (r *Report) SetUnit(name string) {
	name = CleanLine(name)
	lower := name
	for _, k := range unitKindWords {
		if len(name) > len(k) && strings.EqualFold(name[:len(k)], k) && name[len(k)] == ' ' {
			lower = k + name[len(k):]
			break
		}
	}
	place := lower
	for _, k := range unitKindWords {
		place = strings.TrimPrefix(place, k+" ")
	}
	r.Header.Agency = []string{"ỦY BAN NHÂN DÂN", strings.ToUpper(lower)}
	r.Header.ShortName = "UBND " + lower
	r.Header.Place = place
}
