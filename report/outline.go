package report

import (
	"strconv"
	"strings"
	"unicode"
)

// The document's fixed wording, written here once for every renderer.
const (
	NationName      = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto           = "Độc lập - Tự do - Hạnh phúc"
	DocKind         = "BÁO CÁO"
	AddresseeLabel  = "Kính gửi:"
	RecipientsLabel = "Nơi nhận:"
	AppendixLabel   = "Phụ lục"
)

// Outline is what the document says, in reading order, with every word,
// number and punctuation mark decided: the PDF, the Word file and the
// review screen walk it and compose no wording of their own. Its fields
// come in the order the document prints them; page layout (columns,
// fonts, rules, page breaks) is the renderer's.
//
// Text is as the official typed it (see [Report.Normalize]); renderers
// make it safe for their format. Blanks left for the records clerk are
// [Span]s of their own, so that each renderer gives them their width.
//
// A renderer walks the fields in order. A text renderer (the review
// screen) would print: Header as two columns, Parent and Agency on the
// left and Nation and Motto on the right, then Number and PlaceDate on
// one row (each [Line] through [Line.Format] with its own blank, e.g.
// "……"); Kind and Title centred; Addressees, the names on the label's
// line unless [Addressees.List]; each of Body and Closing as a paragraph,
// headings ([Block.IsHeading]) in bold, [Para.Part] telling which part a
// problem of [Check] belongs to; Recipients beside Signature, with room
// left before the name; and, when Appendix is not nil, its Label, Title,
// Reference, then Columns and Rows as a table.
type Outline struct {
	// Info is what the file's properties say about the document.
	Info   Info
	Header OutlineHeader
	// Kind is "BÁO CÁO"; Title is the trích yếu under it.
	Kind, Title string
	// Addressees is the "Kính gửi" block; it has no names when the
	// report is not addressed.
	Addressees Addressees
	// Body is the opening paragraphs, then each section: its heading,
	// its own paragraphs, and its items, each an optional heading and
	// paragraphs.
	Body []Para
	// Closing is the closing sentence's paragraphs, the last ending
	// "./."; the signature block follows it on the same page.
	Closing    []Para
	Recipients Recipients
	Signature  Signature
	// Appendix is the table of indicators; nil when no indicator is
	// reported.
	Appendix *Appendix
}

// Info is the document's description in its file: the title, the subject,
// the issuing agency as author, the date, and the name its files share.
type Info struct {
	Title, Subject, Author string
	// Date is the document's date; a blank part is taken from the
	// period's year, or is the first month or day.
	Date Date
	// Stem is the exported files' name without extension: see
	// [ExportStem].
	Stem string
}

// OutlineHeader is the two columns at the top of the first page.
type OutlineHeader struct {
	// Left column: the parent agency ("" for none) and the issuing
	// agency's lines, upper case, then the number line.
	Parent string
	Agency []string
	Number Line
	// Right column: the national name, the motto, the place and date.
	Nation, Motto string
	PlaceDate     Line
}

// Addressees is the "Kính gửi:" block. One addressee stands on the
// label's line as typed; several stand one per line under it, written
// "- name;", the last "- name.".
type Addressees struct {
	Label string
	Names []string
}

// List reports whether the names stand one per line under the label.
func (a Addressees) List() bool { return len(a.Names) > 1 }

// Recipients is the "Nơi nhận:" list: "- Sở KH-CN tỉnh (b/c);" …
// "- Lưu: VT, VH-XH.".
type Recipients struct {
	Label string
	Lines []string
}

// Signature is the signature block, upper case but for the name: the
// authority ("KT. CHỦ TỊCH", "" for none), the title, then, after the
// room for the signature and seal, the name.
type Signature struct {
	Authority, Title, Name string
}

// Appendix is the "Phụ lục": label, title, the reference line, and the
// table of indicators with its column headings.
type Appendix struct {
	Label, Title string
	Reference    Line
	Columns      []string
	// Rows are the reported indicators: number, name, unit, value for
	// the period, value for the same period last year, note; values
	// formatted by [FormatValue].
	Rows [][]string
	// Indicators are the indicators of Rows, in the same order, as the
	// official typed them: for a renderer that keeps figures as numbers
	// and codes (the Excel appendix).
	Indicators []Indicator
}

// The kinds of [Block] the outline adds to those of [Blocks].
const (
	// SectionHeading is "I. CÔNG TÁC LÃNH ĐẠO, …": Roman number, upper
	// case, bold.
	SectionHeading BlockKind = Dash + 1 + iota
	// ItemHeading is "1. Phát triển chính quyền số": a titled item's
	// number and title, bold. An untitled item's number starts its
	// first paragraph instead, in regular weight.
	ItemHeading
)

// IsHeading reports whether b is a section or item heading.
func (b Block) IsHeading() bool { return b.Kind == SectionHeading || b.Kind == ItemHeading }

// Para is one paragraph of the outline's body: a heading, a paragraph or
// a dash line, with the [Part] it comes from ("I.1", "III"; the opening
// belongs to [PartRequest], the closing to [PartSigner]), so that a
// renderer can point at the part to edit.
type Para struct {
	Block
	Part string
}

// Blank names a gap left for the records clerk to fill in by hand or
// with the signing tool.
type Blank int

// The blanks. NoBlank marks a span of text.
const (
	NoBlank Blank = iota
	BlankNumber
	BlankDay
	BlankMonth
	BlankYear
)

// Span is a piece of a [Line]: text, or a blank.
type Span struct {
	Text  string
	Blank Blank
}

// Line is a line of text that may hold blanks: "Số: ", a blank, "/BC-UBND".
type Line []Span

// Format writes l with each blank replaced by fill(blank).
func (l Line) Format(fill func(Blank) string) string {
	var b strings.Builder
	for _, s := range l {
		if s.Blank != NoBlank {
			b.WriteString(fill(s.Blank))
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// String writes l with each blank as a few spaces.
func (l Line) String() string {
	return l.Format(func(Blank) string { return blank })
}

// Outline returns what r's document says. See [Outline].
func (r *Report) Outline() *Outline {
	o := &Outline{
		Info: r.info(),
		Header: OutlineHeader{
			Parent:    strings.ToUpper(strings.TrimSpace(r.Header.ParentAgency)),
			Number:    r.numberLine(),
			Nation:    NationName,
			Motto:     Motto,
			PlaceDate: r.dateLine(),
		},
		Kind:       DocKind,
		Title:      r.Title(),
		Addressees: Addressees{Label: AddresseeLabel, Names: addresseeNames(r.Addressees)},
		Recipients: Recipients{Label: RecipientsLabel, Lines: r.recipientLines()},
		Signature: Signature{
			Authority: strings.ToUpper(strings.TrimSpace(r.Signer.Authority)),
			Title:     strings.ToUpper(strings.TrimSpace(r.Signer.Title)),
			Name:      strings.TrimSpace(r.Signer.Name),
		},
	}
	for _, a := range r.Header.Agency {
		o.Header.Agency = append(o.Header.Agency, strings.ToUpper(a))
	}
	o.Body = r.body()
	for _, b := range Blocks(r.ClosingSentence()) {
		o.Closing = append(o.Closing, Para{b, PartSigner})
	}
	if rows := r.reportedIndicators(); len(rows) > 0 {
		a := &Appendix{
			Label:     AppendixLabel,
			Title:     r.appendixTitle(),
			Reference: r.appendixReference(),
			Columns:   []string{"STT", "Chỉ tiêu", "Đơn vị tính", r.Period.Label(), "Cùng kỳ năm trước", "Ghi chú"},
		}
		for i, in := range rows {
			a.Rows = append(a.Rows, []string{
				strconv.Itoa(i + 1), in.Name, in.Unit,
				formatCell(in.Value, in.Unit), formatCell(in.LastYear, in.Unit), in.Note,
			})
			a.Indicators = append(a.Indicators, in)
		}
		o.Appendix = a
	}
	return o
}

// body lists the opening paragraphs and the sections. An item with
// neither title nor text is left out, and the items after it are
// numbered on without a gap ([Check] warns about it).
func (r *Report) body() []Para {
	var out []Para
	add := func(part string, bs ...Block) {
		for _, b := range bs {
			out = append(out, Para{b, part})
		}
	}
	add(PartRequest, Blocks(r.OpeningSentence())...)
	mention := r.hasIndicatorValues()
	parts := r.Parts()
	for si, s := range r.Sections {
		own := s.ID
		for _, p := range parts {
			if p.Section == si && p.Item < 0 {
				own = p.ID
			}
		}
		add(own, Block{Kind: SectionHeading, Text: r.SectionHeading(s.ID)})
		add(own, Blocks(s.Text)...)
		n := 0
		for ii, it := range s.Items {
			if ItemLeftOut(it) {
				continue
			}
			n++
			part := s.ID + "." + strconv.Itoa(ii+1)
			num := strconv.Itoa(n) + ". "
			bs := Blocks(it.Text)
			if t := r.Kind().Item(it.Key); mention && t != nil && t.Indicators && r.Kind().AppendixMention != "" {
				bs = append(bs, Block{Kind: Paragraph, Text: r.Kind().AppendixMention})
			}
			if title := strings.TrimSpace(it.Title); title != "" {
				add(part, Block{Kind: ItemHeading, Text: num + title})
			} else {
				bs[0].Text = num + bs[0].Text
			}
			add(part, bs...)
		}
	}
	return out
}

// ItemLeftOut reports whether the document leaves an item out: it has
// neither title nor text.
func ItemLeftOut(it Item) bool {
	return strings.TrimSpace(it.Title) == "" && len(Blocks(it.Text)) == 0
}

// addresseeNames are the "Kính gửi" names as printed: one as typed;
// several as "- name;", the last "- name.".
func addresseeNames(in []string) []string {
	var names []string
	for _, a := range in {
		if a = strings.TrimSpace(a); a != "" {
			names = append(names, a)
		}
	}
	if len(names) < 2 {
		return names
	}
	for i, n := range names {
		end := ";"
		if i == len(names)-1 {
			end = "."
		}
		names[i] = "- " + strings.TrimRight(strings.TrimLeft(n, "-–• "), ";.,") + end
	}
	return names
}

// formatCell is an indicator value as the table prints it: see
// [FormatValue]; a "%" already in the unit column is not repeated.
func formatCell(value, unit string) string {
	v := FormatValue(value)
	if strings.TrimSpace(unit) == "%" {
		v = strings.TrimSpace(strings.TrimSuffix(v, "%"))
	}
	return v
}

// NoBreakHyphen is U+2011 NON-BREAKING HYPHEN: drawn as a hyphen, never
// a place to break a line. See [KeepSymbolsWhole].
const NoBreakHyphen = '\u2011'

// KeepSymbolsWhole returns s with the hyphens of every document number
// or symbol made [NoBreakHyphen]s, so that a renderer that breaks lines
// after a hyphen (Word, LibreOffice, the review screen) never splits
// "57-NQ/TW" into "57-" and "NQ/TW". The PDF breaks only at spaces and
// needs no such help; each renderer that does calls this one rule.
//
// A word (a run of characters between spaces) is a number or symbol when
// a hyphen in it stands between two letters or digits and either the word
// has a slash ("57-NQ/TW", "45/KH-UBND", "954/SKH-CN-CDS") or both sides
// of the hyphen are capitals or digits ("BC-UBND", "KH-CN", "2021-2025").
// Other hyphenated words ("e-mail") and the spaced dash of
// "kinh tế - xã hội" are left as they are.
func KeepSymbolsWhole(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	rs := []rune(s)
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && !unicode.IsSpace(rs[i]) {
			continue
		}
		keepWordWhole(rs[start:i])
		start = i + 1
	}
	return string(rs)
}

// keepWordWhole makes the hyphens of w no-break when w is a document
// number or symbol; see [KeepSymbolsWhole].
func keepWordWhole(w []rune) {
	slash := false
	for _, r := range w {
		slash = slash || r == '/'
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	symbolic := func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }
	for i := 1; i+1 < len(w); i++ {
		a, b := w[i-1], w[i+1]
		if w[i] == '-' && alnum(a) && alnum(b) && (slash || symbolic(a) && symbolic(b)) {
			w[i] = NoBreakHyphen
		}
	}
}

// info describes r's document for its file's properties.
func (r *Report) info() Info {
	author := strings.ToUpper(strings.Join(r.Header.Agency, " "))
	if strings.TrimSpace(author) == "" {
		author = r.Header.ShortName
	}
	subject := r.Fill(r.Kind().Subject)
	if subject == "" {
		subject = "Báo cáo " + lowerFirst(r.Title())
	}
	d := r.Header.Date
	if d.Year == 0 {
		d.Year = r.Period.Year
	}
	if d.Month == 0 {
		d.Month = 1
	}
	if d.Day == 0 {
		d.Day = 1
	}
	return Info{Title: r.Title(), Subject: subject, Author: author, Date: d, Stem: ExportStem(r)}
}
