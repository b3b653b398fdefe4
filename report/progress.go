package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// PartState is how far a part is filled in.
type PartState int

// The states of a part.
const (
	Empty PartState = iota
	Partial
	Done
)

// State says how far the official has filled in part p. A text still as
// carried over from the previous period, or still the unedited suggested
// wording, is Partial. Problems are not considered: see [Report.Progress].
func (r *Report) State(p Part) PartState {
	filled, total := r.partFields(p)
	switch {
	case filled == 0:
		return Empty
	case filled < total:
		return Partial
	}
	return Done
}

// partFields counts the fields of p that are filled, and those that make
// the part complete.
func (r *Report) partFields(p Part) (filled, total int) {
	count := func(vals ...bool) {
		for _, v := range vals {
			total++
			if v {
				filled++
			}
		}
	}
	h := r.Header
	switch p.ID {
	case PartGeneral:
		count(len(h.Agency) > 0, h.ShortName != "", h.Place != "", h.Symbol != "", h.Date.Year > 0)
	case PartRequest:
		q := r.Request
		count(q.Kind != "", q.Number != "", !q.Date.IsZero(), q.Issuer != "", q.Subject != "")
	case PartIndicators:
		any := false
		for _, in := range r.Indicators {
			any = any || in.Value != ""
		}
		count(any)
	case PartRecipients:
		named := false
		for _, rc := range r.Recipients {
			named = named || strings.TrimSpace(rc) != ""
		}
		count(named, strings.TrimSpace(r.Archive) != "")
	case PartSigner:
		count(r.Signer.Authority != "" || r.Signer.Title != "", r.Signer.Name != "")
	default:
		if p.Section < 0 || p.Section >= len(r.Sections) {
			return 0, 1
		}
		text, carried, suggested := r.textPart(p)
		if unchanged(text, carried, suggested) {
			return 1, 2
		}
		count(strings.TrimSpace(text) != "")
	}
	return filled, total
}

// Progress counts the parts that are done — filled in and free of errors
// ([Check]) — and all parts.
func (r *Report) Progress() (done, total int) {
	bad := map[string]bool{}
	for _, p := range checkWith(checker{r: r, errorsOnly: true}) {
		if p.Severity == Error {
			bad[p.Part] = true
		}
	}
	for _, p := range r.Parts() {
		total++
		if r.State(p) == Done && !bad[p.ID] {
			done++
		}
	}
	return done, total
}

// fingerprint identifies a text without storing it twice.
func fingerprint(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// unchanged reports whether text is still the text carried over from the
// previous period (carried is its fingerprint) or one of the suggested
// wordings, unedited: such a part is not done.
func unchanged(text, carried string, suggested []string) bool {
	if text == "" {
		return false
	}
	if carried != "" && fingerprint(text) == carried {
		return true
	}
	for _, s := range suggested {
		if s != "" && text == CleanText(s) {
			return true
		}
	}
	return false
}

// textPart returns the text of a text part, its carried fingerprint and
// what the part suggests: the template's wording alone and with the
// indicators' changes ([Report.Suggestion]), which may have been inserted
// before the figures were typed or after.
func (r *Report) textPart(p Part) (text, carried string, suggested []string) {
	s := r.Sections[p.Section]
	var wording string
	if p.Item < 0 {
		text, carried = s.Text, s.Carried
		if t := r.Kind().Section(s.ID); t != nil {
			wording = t.Suggested
		}
	} else {
		it := s.Items[p.Item]
		text, carried = it.Text, it.Carried
		if t := r.Kind().Item(it.Key); t != nil {
			wording = t.Suggested
		}
	}
	return text, carried, []string{r.Suggested(wording), r.Suggestion(p)}
}
