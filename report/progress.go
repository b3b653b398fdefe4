package report

import "strings"

// PartState is how far a part is filled in.
type PartState int

// The states of a part.
const (
	Empty PartState = iota
	Partial
	Done
)

// State says how far the official has filled in part p. Problems are not
// considered: the wizard marks them from [Check] separately.
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
		count(len(r.Recipients) > 0, r.Archive != "")
	case PartSigner:
		count(r.Signer.Authority != "" || r.Signer.Title != "", r.Signer.Name != "")
	default:
		if p.Section < 0 || p.Section >= len(r.Sections) {
			return 0, 1
		}
		s := r.Sections[p.Section]
		if p.Item < 0 {
			count(strings.TrimSpace(s.Text) != "")
		} else {
			count(strings.TrimSpace(s.Items[p.Item].Text) != "")
		}
	}
	return filled, total
}

// Progress counts the parts that are done, and all parts.
func (r *Report) Progress() (done, total int) {
	for _, p := range r.Parts() {
		total++
		if r.State(p) == Done {
			done++
		}
	}
	return done, total
}
