package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Kind is a kind of report — the NQ57 quarterly report, an administrative
// reform report, a socio-economic report — as one template file describes
// it: its names, the periods it is written for, the wording the program
// derives (title, opening, closing), its sections and items with prompts
// and suggested wording, and its indicators.
//
// Wording names the unit and the period only through placeholders (see
// [Placeholders]); no word of a template is ever replaced by another.
type Kind struct {
	// ID is the stable id stored in each draft: "nq57".
	ID string
	// Name is shown when choosing a kind.
	Name string
	// Symbol is the default ký hiệu of a new report: "BC-UBND".
	Symbol string
	// FilePrefix starts the names of exported files: "BC-NQ57".
	FilePrefix string
	// Periods are the periods the kind is written for, in the file's
	// order.
	Periods []PeriodKind
	// Title is the trích yếu; Opening and Closing the sentences around
	// the body; Subject the PDF's and Word file's subject. All hold
	// placeholders.
	Title, Opening, Closing, Subject string
	// Sections are the parts of the body, in order.
	Sections []TemplateSection
	// AppendixTitle heads the table of indicators; AppendixMention ends
	// the item the indicators belong to when the table has values.
	AppendixTitle, AppendixMention string
	// Indicators are the rows a new report of this kind starts with.
	Indicators []IndicatorSpec

	// Source is where the kind was read from: "" for a built-in kind,
	// else the file's path.
	Source string
	// Text is the template file as read; a draft keeps a copy, so that a
	// template edited later never changes a report already written.
	Text []byte
}

// IndicatorSpec is an indicator as a template defines it.
type IndicatorSpec struct {
	// Code identifies the indicator across units and periods: "NQ57-01".
	Code string
	Name string
	Unit string
	Kind IndicatorKind
}

// Sum is a short fingerprint of the kind's template file: two drafts made
// from the same text have the same sum.
func (k *Kind) Sum() string {
	h := sha256.Sum256(k.Text)
	return hex.EncodeToString(h[:8])
}

// Builtin reports whether the kind comes with the program.
func (k *Kind) Builtin() bool { return k.Source == "" }

// Section returns the kind's section with the given id ("II"), or nil.
func (k *Kind) Section(id string) *TemplateSection {
	for i := range k.Sections {
		if k.Sections[i].ID == id {
			return &k.Sections[i]
		}
	}
	return nil
}

// Item returns the kind's item with the given key ("II.1"), or nil.
func (k *Kind) Item(key string) *TemplateItem {
	for i := range k.Sections {
		for j := range k.Sections[i].Items {
			if k.Sections[i].Items[j].Key == key {
				return &k.Sections[i].Items[j]
			}
		}
	}
	return nil
}

// WrittenFor reports whether the kind is written for periods of kind p.
func (k *Kind) WrittenFor(p PeriodKind) bool { return slices.Contains(k.Periods, p) }

// placeholderRE finds "{…}" in template text.
var placeholderRE = regexp.MustCompile(`\{[^{}\n]*\}`)

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToLower(string(r)) + s[n:]
}

// TemplateError is a fault in a template file, at a line of it.
type TemplateError struct {
	File string
	Line int
	// Msg says what is wrong, in Vietnamese.
	Msg string
}

func (e *TemplateError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s, dòng %d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// maxTemplateSize bounds a template file: a real one is a few KB.
const maxTemplateSize = 1 << 20

// ParseKind reads a template file: name is how errors name it, data its
// bytes. Every fault found is returned, each a [*TemplateError], joined.
func ParseKind(name string, data []byte) (*Kind, error) {
	p := kindParser{file: name}
	if len(data) > maxTemplateSize {
		return nil, &TemplateError{File: name, Msg: fmt.Sprintf("tệp quá lớn (%s); tệp mẫu thật chỉ vài chục KB", sizeText(int64(len(data))))}
	}
	if !utf8.Valid(data) {
		return nil, &TemplateError{File: name, Line: invalidUTF8Line(data), Msg: "tệp không phải chữ UTF-8; hãy lưu lại tệp với bảng mã UTF-8"}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, p.syntaxError(err)
	}
	if len(doc.Content) == 0 {
		return nil, &TemplateError{File: name, Msg: "tệp trống"}
	}
	k := &Kind{Text: bytes.Clone(data)}
	p.kind(doc.Content[0], k)
	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b error) int {
			return a.(*TemplateError).Line - b.(*TemplateError).Line
		})
		return nil, errors.Join(p.errs...)
	}
	return k, nil
}

// kindParser walks a template's YAML nodes and gathers every fault.
type kindParser struct {
	file string
	errs []error
}

func (p *kindParser) fail(n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.errs = append(p.errs, &TemplateError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

var yamlLineRE = regexp.MustCompile(`line (\d+): (.*)`)

// syntaxError says a YAML syntax error in Vietnamese, keeping the
// parser's own words as a detail.
func (p *kindParser) syntaxError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return &TemplateError{File: p.file, Line: line, Msg: "sai cú pháp YAML (" + msg + "); kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép"}
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

// field is one key of a mapping with its value node.
type field struct {
	key   string
	kn, v *yaml.Node
}

// mapping returns n's keys in order, reporting keys not in allowed and
// keys given twice; ok is false when n is not a mapping.
func (p *kindParser) mapping(n *yaml.Node, what string, allowed ...string) (map[string]field, bool) {
	if n.Kind != yaml.MappingNode {
		p.fail(n, "%s phải là danh sách «khóa: giá trị»", what)
		return nil, false
	}
	out := map[string]field{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, v := n.Content[i], n.Content[i+1]
		key := kn.Value
		if !slices.Contains(allowed, key) {
			p.fail(kn, "khóa «%s» không có trong %s; các khóa dùng được: %s", key, what, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := out[key]; dup {
			p.fail(kn, "khóa «%s» được ghi hai lần trong %s", key, what)
			continue
		}
		out[key] = field{key, kn, v}
	}
	return out, true
}

// text reads a string value with placeholders; required says whether it
// may be missing or empty.
func (p *kindParser) text(fs map[string]field, key string, parent *yaml.Node, what string, required bool) string {
	f, ok := fs[key]
	if !ok {
		if required {
			p.fail(parent, "%s thiếu «%s»", what, key)
		}
		return ""
	}
	if f.v.Kind != yaml.ScalarNode || f.v.Tag == "!!null" {
		if f.v.Tag == "!!null" && !required {
			return ""
		}
		p.fail(f.v, "«%s» của %s phải là một đoạn chữ", key, what)
		return ""
	}
	s := CleanText(f.v.Value)
	if required && s == "" {
		p.fail(f.v, "«%s» của %s đang để trống", key, what)
	}
	p.placeholders(f.v, key, s)
	return s
}

// line reads a one-line string value without placeholders.
func (p *kindParser) line(fs map[string]field, key string, parent *yaml.Node, what string, required bool) string {
	s := p.text(fs, key, parent, what, required)
	if strings.Contains(s, "\n") {
		p.fail(fs[key].v, "«%s» của %s phải nằm trên một dòng", key, what)
	}
	return s
}

// placeholders reports each "{…}" of s that is no placeholder, at its own
// line when the value spans several.
func (p *kindParser) placeholders(n *yaml.Node, key, s string) {
	for _, loc := range placeholderRE.FindAllStringIndex(s, -1) {
		name := s[loc[0]+1 : loc[1]-1]
		if _, known := (&Report{}).placeholder(strings.TrimSpace(name)); known {
			if strings.TrimSpace(name) != name {
				p.failAt(n, s, loc[0], "chỗ điền «{%s}» trong «%s» có dấu cách thừa; viết «{%s}»", name, key, strings.TrimSpace(name))
			}
			continue
		}
		p.failAt(n, s, loc[0], "chỗ điền «{%s}» trong «%s» không có; dùng được: %s", name, key, placeholderList())
	}
	if unknown := placeholderRE.ReplaceAllString(s, ""); strings.ContainsAny(unknown, "{}") {
		// What is left is a brace without its pair.
		p.fail(n, "«%s» có dấu «{» hoặc «}» lẻ; chỗ điền viết trong cặp ngoặc, ví dụ {kỳ}", key)
	}
}

// failAt reports a fault at the line of s's byte at, for a block value
// ("|") whose text starts on the line after its key.
func (p *kindParser) failAt(n *yaml.Node, s string, at int, format string, args ...any) {
	line := n.Line
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		line += 1 + strings.Count(s[:at], "\n")
	}
	p.errs = append(p.errs, &TemplateError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// list returns the items of a sequence value.
func (p *kindParser) list(f field, what string) []*yaml.Node {
	if f.v.Kind != yaml.SequenceNode {
		p.fail(f.v, "«%s» của %s phải là một danh sách (mỗi mục một dòng bắt đầu bằng «- »)", f.key, what)
		return nil
	}
	return f.v.Content
}

// idRE is what an id may be: letters, digits, "-" and "_", as it goes
// into drafts and file names.
var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

func (p *kindParser) kind(n *yaml.Node, k *Kind) {
	const what = "mẫu báo cáo"
	fs, ok := p.mapping(n, what, "id", "name", "symbol", "file_prefix", "periods", "title", "subject",
		"opening", "closing", "sections", "appendix", "indicators")
	if !ok {
		return
	}
	k.ID = p.line(fs, "id", n, what, true)
	if k.ID != "" && !idRE.MatchString(k.ID) {
		p.fail(fs["id"].v, "mã mẫu «%s» chỉ được có chữ thường không dấu, chữ số, «-» và «_», ví dụ: cchc-quy", k.ID)
	}
	k.Name = p.line(fs, "name", n, what, true)
	k.Symbol = p.line(fs, "symbol", n, what, false)
	if k.Symbol == "" {
		k.Symbol = "BC-UBND"
	}
	k.FilePrefix = p.line(fs, "file_prefix", n, what, false)
	if k.FilePrefix == "" && idRE.MatchString(k.ID) {
		k.FilePrefix = "BC-" + strings.ToUpper(k.ID)
	} else if k.FilePrefix != "" && Slug(k.FilePrefix, len(k.FilePrefix)) != strings.ToLower(k.FilePrefix) {
		p.fail(fs["file_prefix"].v, "tiền tố tên tệp «%s» chỉ được có chữ không dấu, chữ số và «-», ví dụ: BC-CCHC", k.FilePrefix)
	}
	k.Title = p.line(fs, "title", n, what, true)
	k.Subject = p.line(fs, "subject", n, what, false)
	k.Opening = p.text(fs, "opening", n, what, true)
	k.Closing = p.text(fs, "closing", n, what, true)
	p.periods(fs, n, k)
	if f, ok := fs["sections"]; ok {
		p.sections(f, k)
	} else {
		p.fail(n, "mẫu báo cáo thiếu «sections» (các phần I, II, …)")
	}
	if f, ok := fs["appendix"]; ok {
		if afs, ok := p.mapping(f.v, "«appendix»", "title", "mention"); ok {
			k.AppendixTitle = p.line(afs, "title", f.v, "«appendix»", true)
			k.AppendixMention = p.line(afs, "mention", f.v, "«appendix»", false)
		}
	}
	if f, ok := fs["indicators"]; ok {
		p.indicators(f, k)
	}
	if len(k.Indicators) > 0 && k.AppendixTitle == "" {
		p.fail(n, "mẫu có chỉ tiêu nhưng thiếu «appendix» với «title» (tên bảng phụ lục)")
	}
}

// periodWords are the words a template uses for periods.
var periodWords = map[string]PeriodKind{"quarter": Quarter, "half": HalfYear, "year": Year}

func (p *kindParser) periods(fs map[string]field, parent *yaml.Node, k *Kind) {
	f, ok := fs["periods"]
	if !ok {
		p.fail(parent, "mẫu báo cáo thiếu «periods» (kỳ báo cáo: quarter, half, year)")
		return
	}
	items := p.list(f, "mẫu báo cáo")
	if items == nil {
		return
	}
	for _, n := range items {
		pk, ok := periodWords[n.Value]
		switch {
		case n.Kind != yaml.ScalarNode || !ok:
			p.fail(n, "kỳ «%s» không có; dùng quarter (quý), half (6 tháng) hoặc year (năm)", n.Value)
		case slices.Contains(k.Periods, pk):
			p.fail(n, "kỳ «%s» được ghi hai lần", n.Value)
		default:
			k.Periods = append(k.Periods, pk)
		}
	}
	if len(k.Periods) == 0 {
		p.fail(f.v, "«periods» phải có ít nhất một kỳ")
	}
}

// romanRE is a section id: a Roman number.
var romanRE = regexp.MustCompile(`^[IVXLC]+$`)

func (p *kindParser) sections(f field, k *Kind) {
	keys := map[string]bool{}
	for i, n := range p.list(f, "mẫu báo cáo") {
		what := fmt.Sprintf("phần thứ %d", i+1)
		fs, ok := p.mapping(n, what, "id", "title", "text", "prompt", "suggested", "items")
		if !ok {
			continue
		}
		s := TemplateSection{ID: p.line(fs, "id", n, what, true)}
		if s.ID != "" {
			what = "phần " + s.ID
			if !romanRE.MatchString(s.ID) {
				p.fail(fs["id"].v, "mã phần «%s» phải là số La Mã viết hoa: I, II, III…", s.ID)
			}
			if k.Section(s.ID) != nil {
				p.fail(fs["id"].v, "mã phần «%s» trùng với một phần trước", s.ID)
			}
		}
		s.Title = p.line(fs, "title", n, what, true)
		s.NextPeriodHeading = strings.Contains(strings.ToLower(s.Title), "{kỳ tới}")
		s.HasText = p.flag(fs, "text", what)
		s.Prompt = p.line(fs, "prompt", n, what, false)
		s.Suggested = p.text(fs, "suggested", n, what, false)
		if f, ok := fs["items"]; ok {
			for j, in := range p.list(f, what) {
				it, ok := p.item(in, fmt.Sprintf("mục thứ %d của %s", j+1, what))
				if !ok {
					continue
				}
				if it.Key != "" {
					if keys[it.Key] {
						p.fail(in, "mã mục «%s» trùng với một mục trước", it.Key)
					}
					keys[it.Key] = true
				}
				s.Items = append(s.Items, it)
			}
		}
		if !s.HasText && len(s.Items) == 0 {
			p.fail(n, "%s không có mục nào (items) và không ghi «text: true»: không có chỗ để viết", what)
		}
		if (s.Prompt != "" || s.Suggested != "") && !s.HasText {
			p.fail(n, "%s có «prompt» hoặc «suggested» nhưng không ghi «text: true»", what)
		}
		k.Sections = append(k.Sections, s)
	}
	if len(k.Sections) == 0 && len(p.errs) == 0 {
		p.fail(f.v, "«sections» phải có ít nhất một phần")
	}
}

func (p *kindParser) item(n *yaml.Node, what string) (TemplateItem, bool) {
	fs, ok := p.mapping(n, what, "key", "title", "label", "prompt", "suggested", "indicators")
	if !ok {
		return TemplateItem{}, false
	}
	it := TemplateItem{Key: p.line(fs, "key", n, what, true)}
	if it.Key != "" {
		what = "mục " + it.Key
	}
	it.Title = p.line(fs, "title", n, what, false)
	it.Label = p.line(fs, "label", n, what, false)
	for _, key := range []string{"title", "label"} {
		if f, ok := fs[key]; ok && placeholderRE.MatchString(f.v.Value) {
			// The draft keeps an item's title as its own text.
			p.fail(f.v, "«%s» của %s không dùng chỗ điền: tiêu đề mục được chép vào bản nháp và in nguyên văn", key, what)
		}
	}
	if it.Title == "" && it.Label == "" {
		p.fail(n, "%s thiếu «title» (tiêu đề); mục không có tiêu đề thì ghi «label» (tên hiện trong danh sách phần)", what)
	}
	it.Prompt = p.line(fs, "prompt", n, what, false)
	it.Suggested = p.text(fs, "suggested", n, what, false)
	it.Indicators = p.flag(fs, "indicators", what)
	return it, true
}

func (p *kindParser) flag(fs map[string]field, key, what string) bool {
	f, ok := fs[key]
	if !ok {
		return false
	}
	switch f.v.Value {
	case "true":
		return true
	case "false":
		return false
	}
	p.fail(f.v, "«%s» của %s phải là true hoặc false", key, what)
	return false
}

// indicatorWords are the kinds of value a template's indicator takes.
var indicatorWords = map[string]IndicatorKind{"percent": Percent, "count": Count, "number": Amount, "amount": Amount}

func (p *kindParser) indicators(f field, k *Kind) {
	codes := map[string]bool{}
	for i, n := range p.list(f, "mẫu báo cáo") {
		what := fmt.Sprintf("chỉ tiêu thứ %d", i+1)
		fs, ok := p.mapping(n, what, "code", "name", "unit", "kind")
		if !ok {
			continue
		}
		in := IndicatorSpec{Code: p.line(fs, "code", n, what, true)}
		if in.Code != "" {
			what = "chỉ tiêu " + in.Code
			if codes[in.Code] {
				p.fail(fs["code"].v, "mã chỉ tiêu «%s» trùng với một chỉ tiêu trước", in.Code)
			}
			codes[in.Code] = true
		}
		in.Name = p.line(fs, "name", n, what, true)
		in.Unit = p.line(fs, "unit", n, what, false)
		kind := p.line(fs, "kind", n, what, true)
		if kind != "" {
			if ik, ok := indicatorWords[kind]; ok {
				in.Kind = ik
			} else {
				p.fail(fs["kind"].v, "loại chỉ tiêu «%s» không có; dùng percent (tỷ lệ %%), count (số đếm) hoặc number (số bất kỳ)", kind)
			}
		}
		if in.Kind == Percent && in.Unit == "" {
			in.Unit = "%"
		}
		k.Indicators = append(k.Indicators, in)
	}
}
