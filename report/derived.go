package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// blank is what stands in a line for a number or day left for the clerk.
const blank = "     "

// DerivedTitle is the trích yếu of the report's kind, its placeholders
// filled: "Kết quả thực hiện nhiệm vụ … quý I năm 2026 theo Nghị quyết
// số 57-NQ/TW của Bộ Chính trị".
func (r *Report) DerivedTitle() string {
	return r.Fill(r.Kind().Title)
}

// Title is the trích yếu under "BÁO CÁO": the official's override, or
// [Report.DerivedTitle].
func (r *Report) Title() string {
	if r.Overridden(FieldTitle) {
		return r.TitleText
	}
	return r.DerivedTitle()
}

// TakeDerived returns the derived text of a field — [FieldTitle],
// [FieldOpening], [FieldClosing] or [FieldHeading] of a section — for the
// official to start editing from (the wizard's Ctrl+Y), and remembers it:
// as long as the field holds exactly that text, it is no override and
// follows the period and the unit, in the document, in [Check] and on disk
// (the text is not saved). It returns "" for any other field.
func (r *Report) TakeDerived(field string) string {
	switch field {
	case FieldTitle:
		r.taken.title = r.DerivedTitle()
		return r.taken.title
	case FieldOpening:
		r.taken.opening = r.DerivedOpening()
		return r.taken.opening
	case FieldClosing:
		r.taken.closing = r.DerivedClosing()
		return r.taken.closing
	}
	if id, ok := strings.CutPrefix(field, "heading."); ok {
		if s := r.Section(id); s != nil {
			s.takenHeading = r.DerivedSectionTitle(id)
			return s.takenHeading
		}
	}
	return ""
}

// Overridden reports whether the official has really written the field —
// [FieldTitle], [FieldOpening], [FieldClosing] or [FieldHeading] of a
// section — in place of its derived text: it is not empty, not the derived
// text as taken by [Report.TakeDerived] and left unedited, and not the
// derived text as it is now.
func (r *Report) Overridden(field string) bool {
	switch field {
	case FieldTitle:
		return overrides(r.TitleText, r.taken.title, r.DerivedTitle)
	case FieldOpening:
		return overrides(r.Opening, r.taken.opening, r.DerivedOpening)
	case FieldClosing:
		return overrides(r.Closing, r.taken.closing, r.DerivedClosing)
	}
	if id, ok := strings.CutPrefix(field, "heading."); ok {
		if s := r.Section(id); s != nil {
			return overrides(s.Heading, s.takenHeading, func() string { return r.DerivedSectionTitle(id) })
		}
	}
	return false
}

// FollowDerived brings the fields that hold derived text and are no
// override — [FieldTitle], [FieldOpening], [FieldClosing] and the
// [FieldHeading] of each section — up to date with the period, the unit and
// the request: such a field is set to its derived text as it is now, and
// that text counts as taken (see [Report.TakeDerived]). So a field shows
// what the document will say, and editing it starts from the right words.
// An override, and an empty field, are left as they are. It returns the
// fields it changed, for a form to show their new text.
func (r *Report) FollowDerived() []string {
	var changed []string
	follow := func(field string, text, taken *string, derived string) {
		if *text == "" || r.Overridden(field) {
			return
		}
		*taken = derived
		// Spacing the official is typing (a space at the end) stays.
		if CleanText(*text) != CleanText(derived) {
			*text = derived
			changed = append(changed, field)
		}
	}
	follow(FieldTitle, &r.TitleText, &r.taken.title, r.DerivedTitle())
	follow(FieldOpening, &r.Opening, &r.taken.opening, r.DerivedOpening())
	follow(FieldClosing, &r.Closing, &r.taken.closing, r.DerivedClosing())
	for i := range r.Sections {
		s := &r.Sections[i]
		follow(FieldHeading(s.ID), &s.Heading, &s.takenHeading, r.DerivedSectionTitle(s.ID))
	}
	return changed
}

// overrides reports whether text replaces a derived text: taken is the
// derived text as the official took it, derived gives it as it is now.
func overrides(text, taken string, derived func() string) bool {
	if text == "" || text == taken {
		return false
	}
	d := derived()
	if text == d {
		return false
	}
	// Equal but for spacing and composition, as a text field may give back.
	clean := CleanText(text)
	return clean != CleanText(d) && (taken == "" || clean != CleanText(taken))
}

// dropUneditedDerived clears the title, sentences and headings that are no
// override, so that the draft on disk holds only what the official wrote.
func (r *Report) dropUneditedDerived() {
	if !r.Overridden(FieldTitle) {
		r.TitleText = ""
	}
	if !r.Overridden(FieldOpening) {
		r.Opening = ""
	}
	if !r.Overridden(FieldClosing) {
		r.Closing = ""
	}
	r.taken.title, r.taken.opening, r.taken.closing = "", "", ""
	for i := range r.Sections {
		s := &r.Sections[i]
		if !r.Overridden(FieldHeading(s.ID)) {
			s.Heading = ""
		}
		s.takenHeading = ""
	}
}

// numberLine is the "Số:" line of the header: "Số: 12/BC-UBND", a number
// under 10 padded to two digits, or a blank when the number is left for
// the clerk.
func (r *Report) numberLine() Line {
	return Line{{Text: "Số: "}, r.number(), {Text: "/" + r.Header.Symbol}}
}

// number is the document number, or a blank for the clerk.
func (r *Report) number() Span {
	n := strings.TrimSpace(r.Header.Number)
	if n == "" {
		return Span{Blank: BlankNumber}
	}
	if len(n) == 1 && n[0] >= '0' && n[0] <= '9' {
		return Span{Text: "0" + n}
	}
	return Span{Text: n}
}

// dateLine is the place and date of the header: "Dương Hưu, ngày 05
// tháng 01 năm 2026". Days 1–9 and months 1–2 get a leading zero; a blank
// day or month leaves room to write it by hand.
func (r *Report) dateLine() Line {
	return append(Line{{Text: capitalize(r.Header.Place) + ", "}}, longDate(r.Header.Date)...)
}

// longDate writes "ngày 05 tháng 01 năm 2026" with the decree's padding,
// and a blank for each part not given.
func longDate(d Date) Line {
	part := func(n int, b Blank, text string) Span {
		if n > 0 {
			return Span{Text: text}
		}
		return Span{Blank: b}
	}
	month := fmt.Sprint(d.Month)
	if d.Month <= 2 {
		month = fmt.Sprintf("%02d", d.Month)
	}
	return Line{
		{Text: "ngày "}, part(d.Day, BlankDay, fmt.Sprintf("%02d", d.Day)),
		{Text: " tháng "}, part(d.Month, BlankMonth, month),
		{Text: " năm "}, part(d.Year, BlankYear, fmt.Sprint(d.Year)),
	}
}

// shortDate writes a date the way running text cites a document: "13/3/2026".
func shortDate(d Date) string {
	if d.Day == 0 && d.Month == 0 {
		if d.Year > 0 {
			return fmt.Sprintf("năm %d", d.Year)
		}
		return ""
	}
	return fmt.Sprintf("ngày %d/%d/%d", d.Day, d.Month, d.Year)
}

// Locality is the commune as sentences name it, "xã Dương Hưu": the short
// name without "UBND" / "Ủy ban nhân dân".
func (r *Report) Locality() string {
	s := r.Header.ShortName
	for _, p := range []string{"UBND ", "Ủy ban nhân dân ", "ỦY BAN NHÂN DÂN ", "Uỷ ban nhân dân "} {
		if strings.HasPrefix(s, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// DerivedOpening is the opening sentence: "Thực hiện" and the request
// answered, when there is one, then the kind's opening with its
// placeholders filled.
func (r *Report) DerivedOpening() string {
	var b strings.Builder
	q := r.Request
	if !q.IsZero() {
		b.WriteString("Thực hiện ")
		kind := q.Kind
		if kind == "" {
			kind = "Văn bản"
		}
		b.WriteString(kind)
		if q.Number != "" {
			b.WriteString(" số " + q.Number)
		}
		if d := shortDate(q.Date); d != "" {
			b.WriteString(" " + d)
		}
		if q.Issuer != "" {
			b.WriteString(" của " + q.Issuer)
		}
		if s := q.Subject; s != "" {
			if !hasPrefixFold(s, "về ") {
				s = "về việc " + s
			}
			b.WriteString(" " + strings.TrimRight(s, ".;, "))
		}
		b.WriteString(", ")
		b.WriteString(r.Fill(r.Kind().Opening))
		return b.String()
	}
	return capitalize(r.Fill(r.Kind().Opening))
}

// OpeningSentence is the opening paragraph: the official's override, or
// [Report.DerivedOpening].
func (r *Report) OpeningSentence() string {
	if r.Overridden(FieldOpening) {
		return r.Opening
	}
	return r.DerivedOpening()
}

// DerivedClosing is the kind's closing sentence, its placeholders filled.
// The document ends it "./." (see [Report.ClosingSentence]).
func (r *Report) DerivedClosing() string {
	return capitalize(r.Fill(r.Kind().Closing))
}

// ClosingSentence is the closing paragraph: the official's override, or
// [Report.DerivedClosing]. It always ends "./.".
func (r *Report) ClosingSentence() string {
	if !r.Overridden(FieldClosing) {
		return r.DerivedClosing()
	}
	s := strings.TrimRight(r.Closing, " ")
	if strings.HasSuffix(s, "./.") {
		return s
	}
	return strings.TrimRight(s, ".;,:") + "./."
}

// SectionHeading is a section's heading as the document prints it:
// "V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU QUÝ II NĂM 2026".
func (r *Report) SectionHeading(id string) string {
	title := r.DerivedSectionTitle(id)
	if s := r.Section(id); s != nil && r.Overridden(FieldHeading(id)) {
		title = s.Heading
	}
	if title == "" {
		return id + "."
	}
	return id + ". " + strings.ToUpper(title)
}

// DerivedSectionTitle is the kind's title of a section in sentence case,
// its placeholders filled: "Phương hướng, nhiệm vụ chủ yếu quý II năm
// 2026".
func (r *Report) DerivedSectionTitle(id string) string {
	t := r.Kind().Section(id)
	if t == nil {
		return ""
	}
	return r.Fill(t.Title)
}

// recipientLines are the lines under "Nơi nhận:": each starts "- " and
// ends ";", and the last one, "- Lưu: VT, VH-XH.", ends with a full stop.
func (r *Report) recipientLines() []string {
	var out []string
	for _, l := range r.Recipients {
		l = strings.TrimSpace(strings.TrimRight(trimDash(l), ";.,"))
		if l == "" {
			continue
		}
		out = append(out, "- "+l+";")
	}
	archive := strings.TrimSpace(strings.TrimRight(r.Archive, ";.,"))
	archive = strings.TrimSpace(strings.TrimPrefix(trimDash(archive), "Lưu:"))
	if archive != "" {
		out = append(out, "- Lưu: "+archive+".")
	} else if n := len(out); n > 0 {
		out[n-1] = strings.TrimSuffix(out[n-1], ";") + "."
	}
	return out
}

func trimDash(l string) string {
	if rest, ok := dashLine(strings.TrimSpace(l)); ok {
		return rest
	}
	return l
}

// appendixTitle is the title of the table of indicators, upper case.
func (r *Report) appendixTitle() string {
	return strings.ToUpper(r.Fill(r.Kind().AppendixTitle))
}

// appendixReference is the italic line under the appendix title:
// "(Kèm theo Báo cáo số 12/BC-UBND ngày 05 tháng 01 năm 2026 của UBND xã Dương Hưu)".
func (r *Report) appendixReference() Line {
	l := Line{{Text: "(Kèm theo Báo cáo số "}, r.number(), {Text: "/" + r.Header.Symbol + " "}}
	l = append(l, longDate(r.Header.Date)...)
	return append(l, Span{Text: " của " + r.Header.ShortName + ")"})
}

// UnitKind is the kind of unit the locality names: "xã", "phường", "thị
// trấn" or "đặc khu"; "xã" when it names none.
func (r *Report) UnitKind() string {
	loc := strings.ToLower(r.Locality())
	for _, k := range []string{"phường", "thị trấn", "đặc khu", "xã"} {
		if strings.HasPrefix(loc, k+" ") {
			return k
		}
	}
	return "xã"
}

// Suggested is the template's suggested wording for r: its placeholders
// filled by [Report.Fill]. See [Report.Suggestion] for what a part offers.
func (r *Report) Suggested(wording string) string {
	return r.Fill(wording)
}

// Suggestion is what the text of part p is offered to start from: the
// template's wording for it ([Report.Suggested]) and, in the item that
// holds the table of indicators (II.1), a paragraph saying how each
// indicator with both values changed since the same period last year
// ([Indicator.ChangeSentence]). Plain mode's «+» and the wizard's Ctrl+Y
// insert it, and a text still equal to it counts as not written. It is ""
// when the part offers nothing.
func (r *Report) Suggestion(p Part) string {
	if p.Section < 0 || p.Section >= len(r.Sections) {
		return ""
	}
	s := r.Sections[p.Section]
	if p.Item < 0 {
		if t := r.Kind().Section(s.ID); t != nil {
			return r.Suggested(t.Suggested)
		}
		return ""
	}
	if p.Item >= len(s.Items) {
		return ""
	}
	t := r.Kind().Item(s.Items[p.Item].Key)
	if t == nil {
		return ""
	}
	text := r.Suggested(t.Suggested)
	if !t.Indicators {
		return text
	}
	if changes := r.changeSentences(); changes != "" {
		text = strings.TrimRight(text, "\n")
		if text != "" {
			text += "\n"
		}
		text += changes
	}
	return text
}

// Offers reports whether part p has a [Report.Suggestion] to offer, now or
// once its indicators have values.
func (r *Report) Offers(p Part) bool {
	if p.Section < 0 || p.Section >= len(r.Sections) {
		return false
	}
	s := r.Sections[p.Section]
	if p.Item < 0 {
		t := r.Kind().Section(s.ID)
		return t != nil && t.Suggested != ""
	}
	if p.Item >= len(s.Items) {
		return false
	}
	t := r.Kind().Item(s.Items[p.Item].Key)
	return t != nil && (t.Suggested != "" || t.Indicators)
}

// Placeholders of the template's wording. The wording never names the unit
// or the period in words that a program would have to find and replace
// («UBND xã» in «kinh tế - xã hội»): it names them only through these,
// written between braces.
//
//	{đơn vị}     the short name as sentences use it: «UBND xã Tân Chi»
//	{tên đơn vị} the unit without «UBND»: «xã Tân Chi»
//	{cấp}        the kind of unit: «xã», «phường», «thị trấn» or «đặc khu»
//	{địa danh}   the unit's name alone: «Tân Chi»
//	{kỳ}         the report's period: «quý II năm 2026»
//	{kỳ tới}     the period after it: «quý III năm 2026»
//
// Written with a capital first letter ({Đơn vị}, {Cấp}, {Kỳ}…), a
// placeholder gives its value with a capital first letter, to start a
// sentence: {Cấp} is «Phường». A brace always opens a placeholder: the
// wording has no literal braces.
var placeholders = map[string]func(r *Report) string{
	"đơn vị":     (*Report).unitShortName,
	"tên đơn vị": (*Report).unitName,
	"cấp":        (*Report).UnitKind,
	"địa danh":   (*Report).unitPlaceName,
	"kỳ":         func(r *Report) string { return r.Period.Phrase() },
	"kỳ tới":     func(r *Report) string { return r.Period.Next().Phrase() },
}

// Fill returns wording with each of its placeholders (see [placeholders])
// replaced by what it names for r. An unknown or unclosed placeholder is
// left as written, for [CheckWording] to catch.
func (r *Report) Fill(wording string) string {
	if !strings.Contains(wording, "{") {
		return wording
	}
	var b strings.Builder
	rest := wording
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			break
		}
		name := rest[open+1 : open+end]
		b.WriteString(rest[:open])
		if value, ok := r.placeholder(name); ok {
			b.WriteString(value)
		} else {
			b.WriteString(rest[open : open+end+1])
		}
		rest = rest[open+end+1:]
	}
	b.WriteString(rest)
	return b.String()
}

// placeholder is the value of the placeholder written name, capitalised
// when name is.
func (r *Report) placeholder(name string) (string, bool) {
	first, n := utf8.DecodeRuneInString(name)
	if n == 0 {
		return "", false
	}
	lower := string(unicode.ToLower(first)) + name[n:]
	fill, ok := placeholders[lower]
	if !ok {
		return "", false
	}
	v := fill(r)
	if unicode.IsUpper(first) {
		v = capitalize(v)
	}
	return v, true
}

// CheckWording reports the first placeholder of wording that [Report.Fill]
// would not fill: an unknown name, or a brace left open or never opened.
// Every wording of the template passes it.
func CheckWording(wording string) error {
	rest := wording
	for {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			return nil
		}
		if rest[open] == '}' {
			return fmt.Errorf("dấu «}» không có «{» mở trước nó: «%s»", excerpt(rest, open))
		}
		end := strings.IndexAny(rest[open+1:], "{}")
		if end < 0 || rest[open+1+end] == '{' {
			return fmt.Errorf("dấu «{» không được đóng bằng «}»: «%s»", excerpt(rest, open))
		}
		name := rest[open+1 : open+1+end]
		if _, ok := (&Report{}).placeholder(name); !ok {
			return fmt.Errorf("chỗ điền «{%s}» không có; chỉ dùng được %s", name, placeholderList())
		}
		rest = rest[open+end+2:]
	}
}

// excerpt is up to 30 bytes of s from i, cut at a rune boundary.
func excerpt(s string, i int) string {
	s = s[i:]
	if len(s) <= 30 {
		return s
	}
	n := 30
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// placeholderList names the placeholders, for a message.
func placeholderList() string {
	return "{đơn vị}, {tên đơn vị}, {cấp}, {địa danh}, {kỳ}, {kỳ tới} (viết hoa chữ đầu để mở câu: {Đơn vị}, {Cấp}…)"
}

// unitShortName is the short name («UBND xã Tân Chi»), or «UBND» and the
// kind of unit when the report has none.
func (r *Report) unitShortName() string {
	if s := strings.TrimSpace(r.Header.ShortName); s != "" {
		return s
	}
	return "UBND " + r.UnitKind()
}

// unitName is the unit without «UBND» («xã Tân Chi»), or its kind when the
// report names none.
func (r *Report) unitName() string {
	if s := strings.TrimSpace(r.Locality()); s != "" {
		return s
	}
	return r.UnitKind()
}

// unitPlaceName is the unit's name without its kind: «Tân Chi».
func (r *Report) unitPlaceName() string {
	loc := strings.TrimSpace(r.Locality())
	kind := r.UnitKind()
	if len(loc) > len(kind) && strings.EqualFold(loc[:len(kind)], kind) && loc[len(kind)] == ' ' {
		return strings.TrimSpace(loc[len(kind):])
	}
	return loc
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
