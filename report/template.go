package report

import (
	"fmt"
	"strings"
)

// TemplateSection describes one of the parts I–VI of the NQ57 report.
type TemplateSection struct {
	// ID is the Roman number: "I".
	ID string
	// Title is the heading without its number, in sentence case; the
	// document prints it upper case.
	Title string
	// NextPeriodHeading marks section V, whose heading ends with the next
	// period ("… QUÝ II NĂM 2026").
	NextPeriodHeading bool
	// HasText marks sections written as text of their own (III–VI); the
	// others are written in their items.
	HasText bool
	// Prompt says, in one line, what to write in the section's text.
	Prompt string
	// Suggested is wording the official can start from. It names the
	// unit and the period only through placeholders ({đơn vị}, {cấp}, {kỳ}…,
	// see [Report.Fill]), never in words.
	Suggested string
	// Items are the section's numbered items.
	Items []TemplateItem
}

// ShortTitle is the section's title without its placeholders, as the
// list of parts names it: "Phương hướng, nhiệm vụ chủ yếu".
func (t *TemplateSection) ShortTitle() string {
	return strings.Join(strings.Fields(placeholderRE.ReplaceAllString(t.Title, "")), " ")
}

// TemplateItem describes a numbered item of a section.
type TemplateItem struct {
	// Key is "I.1", "II.3"…
	Key string
	// Title is the bold title; empty for an item written without one.
	Title string
	// Label names an untitled item in the wizard's list of parts.
	Label string
	// Prompt says, in one line, what to write.
	Prompt string
	// Suggested is wording the official can start from, with placeholders
	// as in [TemplateSection.Suggested].
	Suggested string
	// Indicators marks the item the table of indicators belongs to (II.1).
	Indicators bool
}

// Kind returns the report's kind: the copy of its template kept with the
// draft, else the built-in kind of its id. A report whose kind cannot be
// found — [Parse] refuses such a draft — is given the default kind.
func (r *Report) Kind() *Kind {
	if r.kind == nil {
		k, err := r.lookupKind()
		if err != nil {
			k = BuiltinKind(DefaultKindID)
		}
		r.kind = k
	}
	return r.kind
}

// keptTemplate names the copy of a template kept in a draft, in messages.
const keptTemplate = "mẫu lưu trong bản nháp"

// lookupKind finds the report's kind; see [Report.Kind].
func (r *Report) lookupKind() (*Kind, error) {
	id := r.KindID
	if id == "" {
		id = DefaultKindID
	}
	if r.Template != "" {
		k, err := ParseKind(keptTemplate, []byte(r.Template))
		if err != nil {
			return nil, err
		}
		if k.ID != id {
			return nil, fmt.Errorf("bản nháp ghi loại báo cáo «%s» nhưng mẫu lưu kèm là «%s»", id, k.ID)
		}
		k.Source = keptTemplate
		return k, nil
	}
	if k := BuiltinKind(id); k != nil {
		return k, nil
	}
	return nil, fmt.Errorf("bản nháp là loại báo cáo «%s», chương trình không có sẵn mẫu này và bản nháp không lưu kèm mẫu", id)
}

// adoptKind looks up a loaded draft's kind, and gives the indicators of a
// draft written before indicators had codes the codes of the kind's
// indicators of the same name.
func (r *Report) adoptKind() error {
	k, err := r.lookupKind()
	if err != nil {
		return err
	}
	r.kind = k
	for i := range r.Indicators {
		in := &r.Indicators[i]
		if in.Code != "" {
			continue
		}
		for _, spec := range k.Indicators {
			if strings.EqualFold(CleanLine(spec.Name), CleanLine(in.Name)) {
				in.Code = spec.Code
				break
			}
		}
	}
	return nil
}

// New returns an empty NQ57 report for the given period; see [NewReport].
func New(p Period) *Report { return NewReport(BuiltinKind(DefaultKindID), p) }

// NewReport returns an empty report of kind k for the given period: the
// kind's sections with their items (titles but no text), its indicators
// without values, its symbol, and the usual signature authority. A kind
// that is not built in is kept with the report (see [Report.Template]).
func NewReport(k *Kind, p Period) *Report {
	r := &Report{
		Version: FormatVersion,
		KindID:  k.ID,
		Period:  p,
		Header:  Header{Symbol: k.Symbol, Agency: []string{"ỦY BAN NHÂN DÂN"}},
		Archive: "VT",
		Signer:  Signer{Authority: "TM. ỦY BAN NHÂN DÂN", Title: "CHỦ TỊCH"},
		kind:    k,
	}
	if !k.Builtin() {
		r.Template = string(k.Text)
	}
	for _, in := range k.Indicators {
		r.Indicators = append(r.Indicators, Indicator{Code: in.Code, Name: in.Name, Kind: in.Kind, Unit: in.Unit})
	}
	for _, ts := range k.Sections {
		s := Section{ID: ts.ID}
		for _, ti := range ts.Items {
			s.Items = append(s.Items, Item{Key: ti.Key, Title: ti.Title})
		}
		r.Sections = append(r.Sections, s)
	}
	return r
}

// Part is one step of the wizard and one entry of the completeness count.
type Part struct {
	// ID is "general", "request", "I.1" … "VI", "indicators",
	// "recipients" or "signer".
	ID string
	// Title is the part's name in the sidebar.
	Title string
	// Section and Item locate a text part: the section's index in
	// Report.Sections, and the item's index or -1 for the section's own
	// text. Both are -1 for the other parts.
	Section, Item int
}

// The fixed parts around the sections.
const (
	PartGeneral    = "general"
	PartRequest    = "request"
	PartIndicators = "indicators"
	PartRecipients = "recipients"
	PartSigner     = "signer"
)

// Parts lists the report's parts in order: general information, the
// request, one per text part of the sections (a section's own text, then
// each of its items, including those the official added), the indicators,
// the recipients and the signer.
func (r *Report) Parts() []Part {
	parts := []Part{
		{ID: PartGeneral, Title: "Thông tin chung", Section: -1, Item: -1},
		{ID: PartRequest, Title: "Văn bản thực hiện", Section: -1, Item: -1},
	}
	k := r.Kind()
	for si, s := range r.Sections {
		ts := k.Section(s.ID)
		if ts == nil || ts.HasText || len(s.Items) == 0 {
			title := "Phần bổ sung"
			if ts != nil {
				title = ts.ShortTitle()
			}
			parts = append(parts, Part{ID: s.ID, Title: s.ID + ". " + title, Section: si, Item: -1})
		}
		for ii, it := range s.Items {
			title := it.Title
			if title == "" {
				if t := k.Item(it.Key); t != nil && t.Label != "" {
					title = t.Label
				} else {
					title = "Mục bổ sung"
				}
			}
			id := fmt.Sprintf("%s.%d", s.ID, ii+1)
			parts = append(parts, Part{ID: id, Title: id + ". " + title, Section: si, Item: ii})
		}
	}
	return append(parts,
		Part{ID: PartIndicators, Title: "Chỉ tiêu", Section: -1, Item: -1},
		Part{ID: PartRecipients, Title: "Nơi nhận", Section: -1, Item: -1},
		Part{ID: PartSigner, Title: "Người ký", Section: -1, Item: -1},
	)
}
