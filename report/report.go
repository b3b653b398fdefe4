// Package report is the domain of baocao: the quarterly report on Resolution
// 57-NQ/TW as one Go value, its template, the text derived from it, its
// validation and its life on disk.
//
// # The value
//
// A [Report] holds only what the official types. Everything that can be
// computed — the trích yếu ([Report.Title]), the number and date lines, the
// opening and closing sentences, section V's heading for the next period —
// is computed by a method, never stored twice, so names and periods stay
// consistent everywhere.
//
// # The template
//
// [Template] lists the sections and items of the NQ57 report with a
// Vietnamese prompt and suggested wording for each. The wizard and the
// exporter both read it; neither holds the report's wording itself.
//
// # Checking and storing
//
// [Check] returns every problem at once, each tied to a part and a field.
// [Store] keeps drafts as indented JSON files, written atomically, locked
// while edited, with the previous version kept as a .bak.
//
// Every string entering a Report goes through [Report.Normalize], which
// applies the text rules of [CleanLine] and [CleanText] in one place.
package report

import (
	"fmt"
	"strconv"
	"strings"
)

// FormatVersion is the version of the draft file format written by this
// program. Drafts with a lower version are migrated when loaded; drafts with
// a higher version are refused.
const FormatVersion = 1

// Report is one report on Resolution 57-NQ/TW, as the official fills it in.
type Report struct {
	// Version is the draft format version; see [FormatVersion].
	Version int `json:"version"`

	// KindID names the report's kind (see [Kind]); empty in drafts made
	// before kinds existed, which are [DefaultKindID].
	KindID string `json:"kind,omitempty"`
	// Template is the template file the report was made from, kept with
	// the draft when the kind is not built in, so that a template edited
	// or removed later never changes a report already written.
	Template string `json:"template,omitempty"`

	Header  Header  `json:"header"`
	Period  Period  `json:"period"`
	Request Request `json:"request"`

	// Addressees is the optional "Kính gửi" list, one agency per entry.
	Addressees []string `json:"addressees,omitempty"`

	// TitleText, Opening and Closing override the derived trích yếu and
	// the opening and closing sentences when not empty. An override
	// survives period changes until it is cleared; a derived sentence
	// taken to start from and not edited is no override (see
	// [Report.TakeDerived]).
	TitleText string `json:"title,omitempty"`
	Opening   string `json:"opening,omitempty"`
	Closing   string `json:"closing,omitempty"`

	// Sections are the report's parts I–VI, in the order of [Template].
	Sections []Section `json:"sections"`

	// Indicators are the rows of the table of indicators (section II.1
	// and the appendix).
	Indicators []Indicator `json:"indicators"`

	// Recipients are the "Nơi nhận" lines, one per entry, without the
	// leading dash and the final ";" (both are added when the document is
	// laid out).
	Recipients []string `json:"recipients"`

	// Archive is what follows "Lưu:" on the last recipient line, e.g.
	// "VT, VH-XH".
	Archive string `json:"archive"`

	Signer Signer `json:"signer"`

	// taken holds the derived title, opening and closing as the official
	// took them (see [Report.TakeDerived]); never saved.
	taken struct{ title, opening, closing string }

	// kind is the parsed kind, once looked up (see [Report.Kind]).
	kind *Kind
}

// Header is the top of the first page: who issues the document, its number
// and its date.
type Header struct {
	// ParentAgency is the optional line above the agency, e.g.
	// "UBND TỈNH BẮC NINH".
	ParentAgency string `json:"parentAgency,omitempty"`
	// Agency is the issuing agency, one line per entry, e.g.
	// ["ỦY BAN NHÂN DÂN", "XÃ DƯƠNG HƯU"].
	Agency []string `json:"agency"`
	// ShortName is how sentences name the agency: "UBND xã Dương Hưu".
	ShortName string `json:"shortName"`
	// Place is the place name of the date line: "Dương Hưu".
	Place string `json:"place"`
	// Number is the document number, digits only; empty leaves it blank
	// for the records clerk.
	Number string `json:"number,omitempty"`
	// Symbol is the document symbol: "BC-UBND".
	Symbol string `json:"symbol"`
	// Date is the date of the document; its day and month may be blank.
	Date Date `json:"date"`
}

// Date is a calendar date whose day, and month, may be left blank (zero) for
// the signer to fill in by hand.
type Date struct {
	Day   int `json:"day,omitempty"`
	Month int `json:"month,omitempty"`
	Year  int `json:"year,omitempty"`
}

// IsZero reports whether no part of the date is set.
func (d Date) IsZero() bool { return d.Day == 0 && d.Month == 0 && d.Year == 0 }

// Request is the document being answered: the opening sentence begins
// "Thực hiện Công văn số 954/SKH-CN-CDS ngày 13/3/2026 của …". All of it is
// optional.
type Request struct {
	// Kind is the kind of document: "Công văn", "Kế hoạch"…
	Kind string `json:"kind,omitempty"`
	// Number is its number and symbol: "954/SKH-CN-CDS".
	Number string `json:"number,omitempty"`
	Date   Date   `json:"date,omitzero"`
	// Issuer is who issued it: "Sở Khoa học và Công nghệ tỉnh Bắc Ninh".
	Issuer string `json:"issuer,omitempty"`
	// Subject is its subject, usually starting "về việc …".
	Subject string `json:"subject,omitempty"`
}

// IsZero reports whether no request is given.
func (q Request) IsZero() bool {
	return q.Kind == "" && q.Number == "" && q.Date.IsZero() && q.Issuer == "" && q.Subject == ""
}

// Section is one of the parts I–VI.
type Section struct {
	// ID is the section's Roman number, matching a [TemplateSection]: "I".
	ID string `json:"id"`
	// Heading overrides the template's title of the section (without its
	// number) when not empty, e.g. to word section V's period differently.
	// A derived title taken and not edited is no override, as for
	// [Report.TitleText].
	Heading string `json:"heading,omitempty"`
	// takenHeading is the derived title as taken; never saved.
	takenHeading string
	// Text is the section's own text, before any numbered item. Sections
	// III–VI are written here.
	Text string `json:"text,omitempty"`
	// Carried marks Text as taken over from the previous period's draft
	// and not yet changed: a fingerprint of the text (see [Next]).
	Carried string `json:"carried,omitempty"`
	// Items are the numbered items 1., 2., … of the section.
	Items []Item `json:"items,omitempty"`
}

// Item is a numbered item of a section.
type Item struct {
	// Key names the template item this one comes from ("I.1"); empty for
	// an item the official added.
	Key string `json:"key,omitempty"`
	// Title is the item's bold title; an item without one starts its text
	// right after the number, in regular weight.
	Title string `json:"title,omitempty"`
	// Text is paragraphs, one per line, and "- " dash lines.
	Text string `json:"text,omitempty"`
	// Carried marks Text as taken over from the previous period's draft
	// and not yet changed, like [Section.Carried].
	Carried string `json:"carried,omitempty"`
}

// IndicatorKind says what values an indicator takes.
type IndicatorKind string

// The kinds of indicator.
const (
	// Percent values lie in 0–100.
	Percent IndicatorKind = "percent"
	// Count values are whole numbers ≥ 0.
	Count IndicatorKind = "count"
	// Amount values are any number ≥ 0 (money, hours…).
	Amount IndicatorKind = "amount"
)

// Indicator is one row of the table of indicators.
type Indicator struct {
	// Code is the template's code of the indicator ("NQ57-01"), which the
	// roll-up matches across units; empty for a row the official added.
	Code string        `json:"code,omitempty"`
	Name string        `json:"name"`
	Kind IndicatorKind `json:"kind"`
	Unit string        `json:"unit"`
	// Value and LastYear are written as the official would: "100",
	// "trên 95", "12,5". Empty means not reported. See [ParseValue].
	Value    string `json:"value,omitempty"`
	LastYear string `json:"lastYear,omitempty"`
	Note     string `json:"note,omitempty"`
}

// Signer is the signature block.
type Signer struct {
	// Authority is the signing authority: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN".
	Authority string `json:"authority,omitempty"`
	// Title is the signer's title: "PHÓ CHỦ TỊCH".
	Title string `json:"title"`
	// Name is the signer's full name, without academic titles.
	Name string `json:"name"`
}

// Section returns the section with the given ID, or nil.
func (r *Report) Section(id string) *Section {
	for i := range r.Sections {
		if r.Sections[i].ID == id {
			return &r.Sections[i]
		}
	}
	return nil
}

// reportedIndicators are the rows of the appendix table: the indicators
// with a value, a value for the same period last year, or a note.
func (r *Report) reportedIndicators() []Indicator {
	var out []Indicator
	for _, in := range r.Indicators {
		if strings.TrimSpace(in.Value+in.LastYear+in.Note) != "" {
			out = append(out, in)
		}
	}
	return out
}

// hasIndicatorValues reports whether any indicator is reported (see
// [Report.reportedIndicators]), in which case the document carries an
// appendix with the table.
func (r *Report) hasIndicatorValues() bool {
	return len(r.reportedIndicators()) > 0
}

// Field writes d as a date field shows it: "13/3/2026", "3/2026" with the
// day left blank, "2026", or "" for no date.
func (d Date) Field() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0 && d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%d/%d", d.Month, d.Year)
	}
	return fmt.Sprintf("%d/%d/%d", d.Day, d.Month, d.Year)
}

// ParseDate reads a date as an official types it: "13/3/2026", "3/2026"
// (the day left blank), "2026", or "" for none; "-" or "." may stand for
// "/", and a day written "…" is blank. Its error says, in Vietnamese, what
// to type.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	bad := fmt.Errorf("Ngày «%s» chưa đúng dạng: gõ ngày/tháng/năm (13/3/2026), hoặc tháng/năm (3/2026) để trống ngày.", s)
	var n []int
	for _, p := range f {
		p = strings.TrimSpace(strings.Trim(p, "…_ "))
		if p == "" {
			n = append(n, 0)
			continue
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, bad
		}
		n = append(n, v)
	}
	switch len(n) {
	case 1:
		return Date{Year: n[0]}, nil
	case 2:
		return Date{Month: n[0], Year: n[1]}, nil
	case 3:
		return Date{Day: n[0], Month: n[1], Year: n[2]}, nil
	}
	return Date{}, bad
}
