package report

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Severity tells a problem that makes the document wrong from one worth a
// second look.
type Severity int

// The severities.
const (
	// Error: the document would be wrong; it cannot be exported.
	Error Severity = iota
	// Warning: the document can be exported, but the official should look.
	Warning
)

// Problem is one thing [Check] found.
type Problem struct {
	// Part is the ID of the [Part] the problem belongs to.
	Part string
	// Field names the field within the report, e.g. "header.date",
	// "indicators.2.value", "text.III" (see the Field… helpers).
	Field    string
	Severity Severity
	// Message says what is wrong, in Vietnamese, as a full sentence.
	Message string
}

func (p Problem) String() string {
	kind := "lỗi"
	if p.Severity == Warning {
		kind = "lưu ý"
	}
	return kind + ": " + p.Message
}

// Problems is the result of [Check].
type Problems []Problem

// HasErrors reports whether any problem is an error.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// ForField returns the problems of one field.
func (ps Problems) ForField(field string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Field == field {
			out = append(out, p)
		}
	}
	return out
}

// ForPart returns the problems of one part.
func (ps Problems) ForPart(part string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Part == part {
			out = append(out, p)
		}
	}
	return out
}

// Field names used by [Problem.Field]. Fields of repeated things are built
// by [FieldText], [FieldItemTitle] and [FieldIndicator].
const (
	FieldParentAgency = "header.parentAgency"
	FieldAgency       = "header.agency"
	FieldShortName    = "header.shortName"
	FieldPlace        = "header.place"
	FieldNumber       = "header.number"
	FieldSymbol       = "header.symbol"
	FieldDate         = "header.date"
	FieldPeriod       = "period"
	FieldRequestKind  = "request.kind"
	FieldRequestNo    = "request.number"
	FieldRequestDate  = "request.date"
	FieldIssuer       = "request.issuer"
	FieldSubject      = "request.subject"
	FieldAddressees   = "addressees"
	FieldTitle        = "title"
	FieldOpening      = "opening"
	FieldClosing      = "closing"
	FieldRecipients   = "recipients"
	FieldArchive      = "archive"
	FieldAuthority    = "signer.authority"
	FieldSignerTitle  = "signer.title"
	FieldSignerName   = "signer.name"
)

// FieldText names the text of a text part ("text.I.1", "text.III").
func FieldText(partID string) string { return "text." + partID }

// FieldHeading names the heading override of a section ("heading.V").
func FieldHeading(sectionID string) string { return "heading." + sectionID }

// FieldItemTitle names the title of an item part ("title.I.3").
func FieldItemTitle(partID string) string { return "title." + partID }

// FieldIndicator names a column of indicator row i: column is "name",
// "unit", "value", "lastYear" or "note".
func FieldIndicator(i int, column string) string {
	return fmt.Sprintf("indicators.%d.%s", i, column)
}

// Years further than this from the report's period are taken for typing
// slips.
const yearSlack = 1

// Check returns every problem of r at once, errors first in document order,
// then warnings. It never changes r. now is the year the program runs in,
// used to catch years far from today; pass 0 to skip that check.
func Check(r *Report, now int) Problems {
	return check(r, now, nil)
}

// check is [Check], comparing with last year's draft when last is not nil
// (see [CheckAgainst]).
func check(r *Report, now int, last *Entry) Problems {
	return checkWith(checker{r: r, now: now, last: last})
}

// checkWith runs the checks of c; a checker set errorsOnly leaves out
// those that only ever warn, for [Report.Progress].
func checkWith(c checker) Problems {
	c.header()
	c.request()
	c.dates()
	c.derivedPeriods()
	c.sections()
	c.indicators()
	c.lastYear()
	c.end()
	if !c.errorsOnly {
		c.drawable()
	}
	out := make(Problems, 0, len(c.ps))
	for _, sev := range []Severity{Error, Warning} {
		for _, p := range c.ps {
			if p.Severity == sev {
				out = append(out, p)
			}
		}
	}
	return out
}

type checker struct {
	r   *Report
	now int
	// last is last year's draft of the unit, or nil.
	last *Entry
	ps   Problems
	// dateOK and requestDateOK: the report's date, the request's date
	// have nothing wrong by themselves.
	dateOK, requestDateOK bool
	// errorsOnly leaves out the checks that only ever warn.
	errorsOnly bool
}

func (c *checker) add(sev Severity, part, field, format string, args ...any) {
	c.ps = append(c.ps, Problem{Part: part, Field: field, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) header() {
	h := c.r.Header
	if len(h.Agency) == 0 {
		c.add(Error, PartGeneral, FieldAgency, "Chưa nhập tên cơ quan ban hành (ví dụ: hai dòng ỦY BAN NHÂN DÂN và XÃ DƯƠNG HƯU).")
	}
	for _, l := range h.Agency {
		if strings.Contains(l, " / ") {
			c.add(Warning, PartGeneral, FieldAgency, "Dòng «%s» của tên cơ quan ban hành có « / »: nếu đây là hai dòng của tên cơ quan, hãy nhập thành hai dòng riêng; dấu « / » sẽ được in nguyên trên văn bản.", l)
		}
	}
	if h.ShortName == "" {
		c.add(Error, PartGeneral, FieldShortName, "Chưa nhập tên gọi tắt của cơ quan dùng trong câu (ví dụ: UBND xã Dương Hưu).")
	}
	if h.Place == "" {
		c.add(Error, PartGeneral, FieldPlace, "Chưa nhập địa danh ở dòng ngày tháng (ví dụ: Dương Hưu).")
	}
	if h.Number != "" {
		if n, err := strconv.Atoi(h.Number); err != nil || n <= 0 {
			c.add(Error, PartGeneral, FieldNumber, "Số văn bản «%s» không hợp lệ: chỉ ghi chữ số (ví dụ: 12), hoặc để trống cho văn thư điền.", h.Number)
		}
	}
	if h.Symbol == "" {
		c.add(Error, PartGeneral, FieldSymbol, "Chưa nhập ký hiệu văn bản (ví dụ: BC-UBND).")
	} else if !symbolRE.MatchString(h.Symbol) {
		c.add(Error, PartGeneral, FieldSymbol, "Ký hiệu «%s» không đúng thể thức: chữ in hoa, các nhóm nối bằng dấu gạch nối, không có dấu cách (ví dụ: BC-UBND).", h.Symbol)
	}
	if !c.r.Period.Valid() {
		c.add(Error, PartGeneral, FieldPeriod, "Kỳ báo cáo chưa hợp lệ: chọn quý I–IV, 6 tháng đầu năm hoặc cả năm, và năm báo cáo.")
	} else {
		c.year(PartGeneral, FieldPeriod, c.r.Period.Year, "Năm báo cáo")
	}
	c.dateOK = c.date(PartGeneral, FieldDate, h.Date, "Ngày ban hành", true)
	if h.Date.Year > 0 && c.r.Period.Valid() && (h.Date.Year < c.r.Period.Year || h.Date.Year > c.r.Period.Year+1) {
		c.add(Error, PartGeneral, FieldDate, "Năm ban hành %d không khớp với kỳ báo cáo %s.", h.Date.Year, c.r.Period.Phrase())
		c.dateOK = false
	}
}

// lateMonths is how long after its period ends a report may be dated
// without a warning. Reports are usually dated in the last weeks of their
// period (the sample's quý I report in March) or the first weeks after.
const lateMonths = 2

// dates checks the date of the report against its period and against the
// document it answers, once each date is valid by itself.
func (c *checker) dates() {
	r := c.r
	d := r.Header.Date
	if !c.dateOK || d.IsZero() || !r.Period.Valid() {
		return
	}
	first, last := d.span()
	start, end := r.Period.span()
	if last.Before(start) {
		c.add(Error, PartGeneral, FieldDate, "Ngày ban hành %s trước khi kỳ báo cáo %s bắt đầu (%s): hãy kiểm tra lại ngày ban hành hoặc kỳ báo cáo.",
			d.text(), r.Period.Phrase(), start.Format("02/01/2006"))
		return
	}
	if q := r.Request.Date; c.requestDateOK && !q.IsZero() {
		if qFirst, _ := q.span(); last.Before(qFirst) {
			c.add(Error, PartGeneral, FieldDate, "Ngày ban hành %s trước ngày của văn bản được thực hiện (%s): báo cáo trả lời văn bản đó nên phải ban hành sau; hãy kiểm tra lại hai ngày này.",
				d.text(), q.text())
			return
		}
	}
	if late := time.Date(end.Year(), end.Month()+lateMonths+1, 1, 0, 0, 0, 0, time.UTC); !first.Before(late) {
		c.add(Warning, PartGeneral, FieldDate, "Ngày ban hành %s muộn hơn %d tháng sau khi kỳ báo cáo %s kết thúc (%s): hãy kiểm tra lại ngày ban hành hoặc kỳ báo cáo.",
			d.text(), lateMonths, r.Period.Phrase(), end.Format("02/01/2006"))
	}
}

// span is the first and the last day d may be: a date without its day is
// any day of its month, one with only its year any day of the year.
func (d Date) span() (first, last time.Time) {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		first = time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(0, 1, -1)
	}
	day := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	return day, day
}

// text writes d as a check message quotes it: "28/02/2026", "tháng
// 02/2026", "năm 2026".
func (d Date) text() string {
	switch {
	case d.Month == 0:
		return fmt.Sprintf("năm %d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("tháng %02d/%d", d.Month, d.Year)
	}
	return fmt.Sprintf("%02d/%02d/%d", d.Day, d.Month, d.Year)
}

// symbolRE matches a document symbol: upper-case groups joined by hyphens,
// with "&" allowed as in "KH&CN".
var symbolRE = regexp.MustCompile(`^[\p{Lu}0-9&]+(-[\p{Lu}0-9&]+)*$`)

// requestNumberRE matches a number-symbol: "954/SKH-CN-CDS", "57-NQ/TW",
// "01/2026/TT-BKHCN".
var requestNumberRE = regexp.MustCompile(`^[0-9]+(-[\p{Lu}0-9&]+)*(/[\p{Lu}0-9&]+(-[\p{Lu}0-9&]+)*)+$`)

// date checks a date whose day and month may be blank when blankOK, and
// reports whether it found nothing wrong.
func (c *checker) date(part, field string, d Date, what string, blankOK bool) bool {
	n := len(c.ps)
	c.checkDate(part, field, d, what, blankOK)
	return len(c.ps) == n
}

func (c *checker) checkDate(part, field string, d Date, what string, blankOK bool) {
	if d.IsZero() {
		if !blankOK {
			c.add(Error, part, field, "%s chưa được nhập.", what)
		}
		return
	}
	if d.Year == 0 {
		c.add(Error, part, field, "%s thiếu năm.", what)
		return
	}
	c.year(part, field, d.Year, what)
	if d.Month < 0 || d.Month > 12 {
		c.add(Error, part, field, "%s có tháng %d: tháng chỉ từ 1 đến 12.", what, d.Month)
		return
	}
	if d.Day < 0 || d.Day > 31 {
		c.add(Error, part, field, "%s có ngày %d: ngày chỉ từ 1 đến 31.", what, d.Day)
		return
	}
	if d.Day > 0 && d.Month == 0 {
		c.add(Error, part, field, "%s có ngày nhưng chưa có tháng.", what)
		return
	}
	if d.Day > 0 && d.Day > daysIn(d.Month, d.Year) {
		if d.Month == 2 && d.Day == 29 {
			c.add(Error, part, field, "%s là 29/02/%d, nhưng năm %d không nhuận: tháng 2 chỉ có 28 ngày.", what, d.Year, d.Year)
		} else {
			c.add(Error, part, field, "%s là %02d/%02d/%d: tháng %d chỉ có %d ngày.", what, d.Day, d.Month, d.Year, d.Month, daysIn(d.Month, d.Year))
		}
	}
	if !blankOK && (d.Day == 0 || d.Month == 0) {
		c.add(Error, part, field, "%s cần đủ ngày, tháng, năm.", what)
	}
}

// YearValid reports whether y can be the year of a report or of a date in
// it: from 1945, the year the state was founded, to 9999.
func YearValid(y int) bool { return y >= 1945 && y <= 9999 }

func (c *checker) year(part, field string, y int, what string) {
	if !YearValid(y) {
		c.add(Error, part, field, "%s có năm %d không hợp lệ.", what, y)
		return
	}
	if c.now > 0 && (y < c.now-5 || y > c.now+yearSlack) {
		c.add(Error, part, field, "%s có năm %d, cách quá xa năm hiện tại (%d): có thể gõ nhầm.", what, y, c.now)
	}
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func (c *checker) request() {
	q := c.r.Request
	if q.IsZero() {
		return
	}
	if q.Number != "" && !requestNumberRE.MatchString(q.Number) {
		c.add(Error, PartRequest, FieldRequestNo, "Số, ký hiệu «%s» không đúng thể thức: viết liền, không dấu cách, chữ in hoa, ví dụ 954/SKH-CN-CDS.", q.Number)
	}
	if q.Number == "" {
		c.add(Warning, PartRequest, FieldRequestNo, "Chưa nhập số, ký hiệu của văn bản được thực hiện.")
	}
	if !q.Date.IsZero() {
		c.requestDateOK = c.date(PartRequest, FieldRequestDate, q.Date, "Ngày của văn bản được thực hiện", false)
	}
	if q.Issuer == "" {
		c.add(Warning, PartRequest, FieldIssuer, "Chưa nhập cơ quan ban hành văn bản được thực hiện.")
	}
}

func (c *checker) sections() {
	for _, p := range c.r.Parts() {
		if p.Section < 0 {
			continue
		}
		s := c.r.Sections[p.Section]
		if p.Item < 0 {
			if s.Text == "" && len(s.Items) == 0 {
				c.add(Warning, p.ID, FieldText(p.ID), "Phần %s chưa có nội dung.", p.Title)
			}
			c.unchangedText(p)
			continue
		}
		it := s.Items[p.Item]
		switch {
		case ItemLeftOut(it):
			c.add(Warning, p.ID, FieldText(p.ID), "Mục %s chưa có nội dung và không có tiêu đề nên sẽ không được in; các mục sau nó được đánh số lại.", p.Title)
		case it.Text == "":
			c.add(Warning, p.ID, FieldText(p.ID), "Mục %s chưa có nội dung.", p.Title)
		}
		c.unchangedText(p)
		if it.Key == "" && it.Title == "" && it.Text == "" {
			c.add(Warning, p.ID, FieldItemTitle(p.ID), "Mục bổ sung %s để trống: hãy nhập nội dung hoặc xóa mục.", p.ID)
		}
	}
}

// unchangedText warns about a text part still as carried over from the
// previous period, quoting the periods it names, or still the template's
// unedited suggestion.
func (c *checker) unchangedText(p Part) {
	if c.errorsOnly {
		return
	}
	text, carried, suggested := c.r.textPart(p)
	if !unchanged(text, carried, suggested) {
		return
	}
	if carried != "" && fingerprint(text) == carried {
		allowed := []Period{c.r.Period}
		if ts := c.r.Kind().Section(c.r.Sections[p.Section].ID); p.Item < 0 && ts != nil && ts.NextPeriodHeading {
			allowed = []Period{c.r.Period.Next()}
		}
		if stale := otherPeriods(text, c.r.Period.Kind, allowed); len(stale) > 0 {
			c.add(Warning, p.ID, FieldText(p.ID), "%s vẫn là nội dung của kỳ trước, còn nhắc %s: hãy cập nhật cho %s.", p.Title, quoteAll(stale), c.r.Period.Phrase())
			return
		}
		c.add(Warning, p.ID, FieldText(p.ID), "%s vẫn là nội dung của kỳ trước: hãy cập nhật cho %s.", p.Title, c.r.Period.Phrase())
	} else {
		c.add(Warning, p.ID, FieldText(p.ID), "%s vẫn là lời văn gợi ý chưa sửa: hãy viết theo kết quả thực tế của đơn vị.", p.Title)
	}
}

// derivedPeriods warns when the official's own title, opening, closing or
// section heading — written in place of the derived one — names a period
// other than the report's: typically a sentence written, or taken, before
// the period was changed. The closing names the report's period and the
// next; section V's heading names the next.
func (c *checker) derivedPeriods() {
	r := c.r
	if !r.Period.Valid() {
		return
	}
	p, next := r.Period, r.Period.Next()
	check := func(part, field, what, auto, text string, allowed ...Period) {
		if !r.Overridden(field) {
			return
		}
		stale := otherPeriods(text, p.Kind, allowed)
		if len(stale) == 0 {
			return
		}
		than := "kỳ báo cáo là " + p.Phrase()
		if len(allowed) == 1 && allowed[0] == next {
			than = "kỳ tiếp theo là " + next.Phrase()
		} else if len(allowed) > 1 {
			than += " (kỳ tiếp theo là " + next.Phrase() + ")"
		}
		c.add(Warning, part, field, "%s nhắc %s nhưng %s: hãy sửa lại, hoặc xóa hết nội dung ô để dùng %s tự động.", what, quoteAll(stale), than, auto)
	}
	check(PartGeneral, FieldTitle, "Trích yếu", "trích yếu", r.TitleText, p)
	check(PartRequest, FieldOpening, "Câu mở đầu", "câu", r.Opening, p)
	check(PartSigner, FieldClosing, "Câu kết", "câu", r.Closing, p, next)
	for _, part := range r.Parts() {
		if part.Section < 0 || part.Item >= 0 {
			continue
		}
		s := r.Sections[part.Section]
		allowed := p
		if ts := c.r.Kind().Section(s.ID); ts != nil && ts.NextPeriodHeading {
			allowed = next
		}
		check(part.ID, FieldHeading(s.ID), "Tiêu đề phần "+s.ID, "tiêu đề", s.Heading, allowed)
	}
}

// periodRE finds the periods a text names: "quý I năm 2026", "Quý IV/2026",
// "quý 3 - 2026", "6 tháng đầu năm 2026", "sáu tháng cuối năm 2026", and a
// bare "năm 2026".
var periodRE = regexp.MustCompile(`(?i)\bquý\s+(I{1,3}|IV|[1-4])(?:\s+năm\s+|\s*[/-]\s*|\s+)((?:19|20)\d\d)\b` +
	`|\b(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm\s+((?:19|20)\d\d)\b` +
	`|\bnăm\s+((?:19|20)\d\d)\b`)

// otherPeriods returns the phrases of text naming a period that shares no
// month with any allowed one, each once, in order. A bare year ("năm
// 2026") counts only in a report on a whole year: in a quarterly report it
// names a plan, a programme, a year of work.
func otherPeriods(text string, kind PeriodKind, allowed []Period) []string {
	var out []string
	for _, m := range periodRE.FindAllStringSubmatchIndex(text, -1) {
		phrase := text[m[0]:m[1]]
		var p Period
		switch {
		case m[2] >= 0:
			year, _ := strconv.Atoi(text[m[4]:m[5]])
			p = Period{Kind: Quarter, Quarter: quarterNumber(text[m[2]:m[3]]), Year: year}
		case m[6] >= 0:
			year, _ := strconv.Atoi(text[m[8]:m[9]])
			p = Period{Kind: HalfYear, Year: year}
			if strings.EqualFold(text[m[6]:m[7]], "cuối") {
				p.Kind = secondHalf
			}
		default:
			if kind != Year {
				continue
			}
			year, _ := strconv.Atoi(text[m[10]:m[11]])
			p = Period{Kind: Year, Year: year}
		}
		ok := false
		for _, a := range allowed {
			ok = ok || p.overlaps(a)
		}
		if !ok && !slices.Contains(out, phrase) {
			out = append(out, phrase)
		}
	}
	return out
}

func quarterNumber(s string) int {
	switch strings.ToUpper(s) {
	case "I", "1":
		return 1
	case "II", "2":
		return 2
	case "III", "3":
		return 3
	}
	return 4
}

// quoteAll quotes phrases for a message: «quý I năm 2026», «quý IV/2026».
func quoteAll(phrases []string) string {
	q := make([]string, len(phrases))
	for i, p := range phrases {
		q[i] = "«" + p + "»"
	}
	return strings.Join(q, ", ")
}

func (c *checker) indicators() {
	if len(c.r.Indicators) > 0 && !c.r.hasIndicatorValues() {
		c.add(Warning, PartIndicators, FieldIndicator(0, "value"), "Chưa nhập số liệu chỉ tiêu nào: báo cáo sẽ không có phụ lục số liệu.")
	}
	for i, in := range c.r.Indicators {
		row := i + 1
		if in.Name == "" && (in.Value != "" || in.LastYear != "") {
			c.add(Error, PartIndicators, FieldIndicator(i, "name"), "Chỉ tiêu dòng %d có số liệu nhưng chưa có tên.", row)
		}
		for _, col := range []struct{ field, value, what string }{
			{"value", in.Value, "kỳ này"},
			{"lastYear", in.LastYear, "cùng kỳ năm trước"},
		} {
			if col.value == "" {
				continue
			}
			if msg := checkValue(in.Kind, col.value); msg != "" {
				c.add(Error, PartIndicators, FieldIndicator(i, col.field), "Chỉ tiêu «%s», số liệu %s: %s", nameOr(in.Name, row), col.what, msg)
			}
		}
	}
}

func nameOr(name string, row int) string {
	if name == "" {
		return fmt.Sprintf("dòng %d", row)
	}
	return name
}

func (c *checker) end() {
	r := c.r
	if len(r.Recipients) == 0 {
		c.add(Warning, PartRecipients, FieldRecipients, "Chưa có nơi nhận.")
	}
	if r.Archive == "" {
		c.add(Warning, PartRecipients, FieldArchive, "Chưa nhập dòng lưu (ví dụ: VT, VH-XH).")
	}
	if r.Signer.Name == "" {
		c.add(Error, PartSigner, FieldSignerName, "Chưa nhập họ và tên người ký.")
	}
	if r.Signer.Title == "" {
		c.add(Error, PartSigner, FieldSignerTitle, "Chưa nhập chức vụ người ký (ví dụ: CHỦ TỊCH, PHÓ CHỦ TỊCH).")
	}
	if a := r.Signer.Authority; a != "" && strings.ToUpper(a) != a {
		c.add(Warning, PartSigner, FieldAuthority, "Quyền hạn ký «%s» nên viết in hoa (ví dụ: KT. CHỦ TỊCH).", a)
	}
}

// drawable warns once per field about characters the document font cannot
// draw.
func (c *checker) drawable() {
	visitText(c.r, func(part, field, s string) {
		if bad := Undrawable(s); len(bad) > 0 {
			const most = 8
			var names []string
			for _, r := range bad[:min(len(bad), most)] {
				names = append(names, fmt.Sprintf("«%c» (U+%04X)", r, r))
			}
			if len(bad) > most {
				names = append(names, fmt.Sprintf("và %d ký tự khác", len(bad)-most))
			}
			c.add(Warning, part, field, "Có ký tự phông chữ không in được, sẽ thay bằng dấu «?»: %s.", strings.Join(names, ", "))
		}
	})
}

// visitText calls f for every text field of r with its part and field name.
func visitText(r *Report, f func(part, field, s string)) {
	h := r.Header
	f(PartGeneral, FieldParentAgency, h.ParentAgency)
	f(PartGeneral, FieldAgency, strings.Join(h.Agency, "\n"))
	f(PartGeneral, FieldShortName, h.ShortName)
	f(PartGeneral, FieldPlace, h.Place)
	f(PartGeneral, FieldSymbol, h.Symbol)
	f(PartGeneral, FieldAddressees, strings.Join(r.Addressees, "\n"))
	q := r.Request
	f(PartRequest, FieldRequestKind, q.Kind)
	f(PartRequest, FieldRequestNo, q.Number)
	f(PartRequest, FieldIssuer, q.Issuer)
	f(PartRequest, FieldSubject, q.Subject)
	f(PartGeneral, FieldTitle, r.TitleText)
	f(PartRequest, FieldOpening, r.Opening)
	f(PartSigner, FieldClosing, r.Closing)
	for _, p := range r.Parts() {
		if p.Section < 0 {
			continue
		}
		s := r.Sections[p.Section]
		if p.Item < 0 {
			f(p.ID, FieldHeading(s.ID), s.Heading)
			f(p.ID, FieldText(p.ID), s.Text)
			continue
		}
		f(p.ID, FieldItemTitle(p.ID), s.Items[p.Item].Title)
		f(p.ID, FieldText(p.ID), s.Items[p.Item].Text)
	}
	for i, in := range r.Indicators {
		f(PartIndicators, FieldIndicator(i, "name"), in.Name)
		f(PartIndicators, FieldIndicator(i, "unit"), in.Unit)
		f(PartIndicators, FieldIndicator(i, "note"), in.Note)
	}
	f(PartRecipients, FieldRecipients, strings.Join(r.Recipients, "\n"))
	f(PartRecipients, FieldArchive, r.Archive)
	f(PartSigner, FieldAuthority, r.Signer.Authority)
	f(PartSigner, FieldSignerTitle, r.Signer.Title)
	f(PartSigner, FieldSignerName, r.Signer.Name)
}

// Value is an indicator value as [ParseValue] reads it.
type Value struct {
	// Qualifier is the word before the number: "trên", "dưới", "gần"…
	Qualifier string
	Number    float64
	// Whole reports whether the number has no fractional part as written.
	Whole bool
}

// qualifiers are the words that may stand before a value.
var qualifiers = []string{"trên", "dưới", "hơn", "gần", "khoảng", "đạt", "tới", "đến", "trên dưới", ">", "<", "≥", "≤"}

// ParseValue reads an indicator value as an official writes it: an
// optional qualifier ("trên 95"), a number with a decimal comma ("12,5")
// and dots or spaces between thousands ("1.250"), and an optional "%".
func ParseValue(s string) (Value, error) {
	s = strings.TrimSpace(s)
	var v Value
	lower := strings.ToLower(s)
	best := ""
	for _, q := range qualifiers {
		if strings.HasPrefix(lower, q) && len(q) > len(best) {
			best = q
		}
	}
	if best != "" {
		v.Qualifier = s[:len(best)]
		s = strings.TrimSpace(s[len(best):])
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if s == "" {
		return v, fmt.Errorf("thiếu con số")
	}
	num := s
	if thousandsRE.MatchString(num) {
		num = strings.NewReplacer(".", "", " ", "").Replace(num)
	}
	num = strings.Replace(num, ",", ".", 1)
	if !numberRE.MatchString(num) {
		return v, fmt.Errorf("«%s» không phải là một con số", s)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return v, fmt.Errorf("«%s» không phải là một con số", s)
	}
	v.Number = f
	v.Whole = !strings.Contains(num, ".")
	return v, nil
}

var (
	thousandsRE = regexp.MustCompile(`^-?[0-9]{1,3}([. ][0-9]{3})+(,[0-9]+)?$`)
	numberRE    = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
)

// checkValue returns what is wrong with a value of an indicator of the given
// kind, or "".
func checkValue(kind IndicatorKind, s string) string {
	v, err := ParseValue(s)
	if err != nil {
		return err.Error() + "."
	}
	switch kind {
	case Percent:
		if v.Number < 0 || v.Number > 100 {
			return fmt.Sprintf("tỷ lệ %s%% nằm ngoài khoảng 0–100%%.", strings.TrimSpace(strings.TrimSuffix(s, "%")))
		}
	case Count:
		if v.Number < 0 {
			return "số lượng không thể âm."
		}
		if !v.Whole {
			return fmt.Sprintf("số lượng «%s» phải là số nguyên.", s)
		}
	default:
		if v.Number < 0 {
			return "số liệu không thể âm."
		}
	}
	return ""
}

// FormatValue writes an indicator value the way the document prints it:
// the qualifier, then the number with dots between thousands and a decimal
// comma ("1200" → "1.200", "trên 95" stays, "12.5" → "12,5"). A "%" typed
// after the number is dropped: the unit says it ("95%" → "95"). A value
// that is not a number is returned as it was typed.
func FormatValue(s string) string {
	v, err := ParseValue(s)
	if err != nil {
		return s
	}
	out := vnNumber(v.Number)
	if v.Qualifier != "" {
		out = v.Qualifier + " " + out
	}
	return out
}
