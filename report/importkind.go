package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ImportOutline turns a Department's outline (đề cương) or an earlier
// report, given as its paragraphs in order, into a template file for a
// kind with the given id: headings "I.", "II." become sections, "1.",
// "2." under them become items, and the paragraphs under each become its
// prompt (a paragraph that tells what to write: "Nêu …", "(Đánh giá …)")
// or its suggested wording. The unit and the period, where recognised,
// are turned back into placeholders. The result parses with [ParseKind];
// the official's IT officer reviews it before use.
func ImportOutline(id string, paras []string) ([]byte, error) {
	im := importer{}
	for _, p := range paras {
		for _, l := range strings.Split(CleanText(p), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				im.lines = append(im.lines, l)
			}
		}
	}
	im.findPeriod()
	im.findUnit()
	t := im.walk()
	if len(t.Sections) == 0 {
		return nil, fmt.Errorf("không thấy đề mục nào dạng «I. …», «II. …»: tệp không giống đề cương hay báo cáo")
	}
	t.ID = id
	t.Name = im.name(t.Title)
	t.Symbol = "BC-UBND"
	t.FilePrefix = "BC-" + strings.ToUpper(Slug(id, 40))
	t.Periods = []string{"quarter", "half", "year"}
	if im.period.Valid() {
		t.Periods = []string{map[PeriodKind]string{Quarter: "quarter", HalfYear: "half", Year: "year"}[im.period.Kind]}
	}
	if t.Title == "" {
		t.Title = strings.TrimPrefix(t.Name, "Báo cáo ") + " {kỳ}"
	}
	if t.Opening == "" {
		t.Opening = "{Đơn vị} báo cáo kết quả {kỳ} như sau:"
	}
	if t.Closing == "" {
		t.Closing = "Trên đây là báo cáo {kỳ} của {đơn vị}./."
	}
	var b bytes.Buffer
	b.WriteString("# Mẫu báo cáo nhập từ một đề cương hoặc báo cáo có sẵn.\n# Hãy đọc lại: tên, kỳ báo cáo, lời nhắc (prompt) và lời văn gợi ý (suggested).\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(t); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	if _, err := ParseKind(id+".yaml", b.Bytes()); err != nil {
		return nil, fmt.Errorf("mẫu nhập được chưa dùng được: %w", err)
	}
	return b.Bytes(), nil
}

// The shapes of a template file, in the order its keys are written.
type (
	templateFile struct {
		ID         string            `yaml:"id"`
		Name       string            `yaml:"name"`
		Symbol     string            `yaml:"symbol"`
		FilePrefix string            `yaml:"file_prefix"`
		Periods    []string          `yaml:"periods,flow"`
		Title      string            `yaml:"title"`
		Opening    string            `yaml:"opening"`
		Closing    string            `yaml:"closing"`
		Sections   []templateSection `yaml:"sections"`
	}
	templateSection struct {
		ID        string         `yaml:"id"`
		Title     string         `yaml:"title"`
		Text      bool           `yaml:"text,omitempty"`
		Prompt    string         `yaml:"prompt,omitempty"`
		Suggested string         `yaml:"suggested,omitempty"`
		Items     []templateItem `yaml:"items,omitempty"`
	}
	templateItem struct {
		Key       string `yaml:"key"`
		Title     string `yaml:"title,omitempty"`
		Label     string `yaml:"label,omitempty"`
		Prompt    string `yaml:"prompt,omitempty"`
		Suggested string `yaml:"suggested,omitempty"`
	}
)

type importer struct {
	lines  []string
	period Period
	// unit is the unit's name as the text writes it ("xã Dương Hưu"),
	// short its short name ("UBND xã Dương Hưu").
	unit, short, level, place string
}

var (
	sectionRE = regexp.MustCompile(`^([IVXLC]+)\.\s+(.+)$`)
	itemRE    = regexp.MustCompile(`^(\d{1,2})\.\s+(.+)$`)
	periodREs = []struct {
		re   *regexp.Regexp
		make func(m []string) Period
	}{
		{regexp.MustCompile(`(?i)quý (IV|III|II|I) năm (\d{4})`), func(m []string) Period {
			q := map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4}[strings.ToUpper(m[1])]
			return Period{Kind: Quarter, Quarter: q, Year: atoi(m[2])}
		}},
		{regexp.MustCompile(`(?i)6 tháng đầu năm (\d{4})`), func(m []string) Period {
			return Period{Kind: HalfYear, Year: atoi(m[1])}
		}},
	}
	unitRE = regexp.MustCompile(`(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) ((xã|phường|thị trấn|đặc khu) ((?:\p{Lu}\p{Ll}*)(?: \p{Lu}\p{Ll}*)*))`)
	// promptRE is a paragraph that tells what to write.
	promptRE = regexp.MustCompile(`^(?:\(|Nêu |Đánh giá |Liệt kê |Báo cáo |Tổng hợp |Trình bày |Phân tích |Ghi |Kể |Đề xuất các |Cập nhật )`)
)

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// findPeriod takes the period from the title (the line after "BÁO CÁO"),
// else from the first mention in the text.
func (im *importer) findPeriod() {
	var title string
	for i, l := range im.lines {
		if strings.EqualFold(l, "BÁO CÁO") && i+1 < len(im.lines) {
			title = im.lines[i+1]
		}
	}
	for _, text := range []string{title, strings.Join(im.lines, "\n")} {
		for _, p := range periodREs {
			if m := p.re.FindStringSubmatch(text); m != nil {
				im.period = p.make(m)
				return
			}
		}
	}
	if m := regexp.MustCompile(`\bnăm (\d{4})\b`).FindStringSubmatch(title); m != nil {
		im.period = Period{Kind: Year, Year: atoi(m[1])}
	}
}

func (im *importer) findUnit() {
	if m := unitRE.FindStringSubmatch(strings.Join(im.lines, "\n")); m != nil {
		im.short, im.unit, im.level, im.place = m[0], m[1], m[2], m[3]
	}
}

// name is the kind's name, from the title without its period.
func (im *importer) name(title string) string {
	t := strings.TrimSpace(placeholderRE.ReplaceAllString(title, ""))
	t = strings.Join(strings.Fields(t), " ")
	if t == "" {
		return "Báo cáo nhập từ đề cương"
	}
	return "Báo cáo " + lowerFirst(t)
}

// placeholders turns the unit and the period in s back into placeholders.
func (im *importer) placeholders(s string) string {
	var pairs []string
	if im.period.Valid() {
		next, this := im.period.Next().Phrase(), im.period.Phrase()
		pairs = append(pairs, next, "{kỳ tới}", strings.ToUpper(next), "{kỳ tới}",
			this, "{kỳ}", strings.ToUpper(this), "{kỳ}")
	}
	if im.unit != "" {
		pairs = append(pairs, im.short, "{đơn vị}", "UBND "+im.level, "{đơn vị}", im.unit, "{tên đơn vị}", im.place, "{địa danh}")
	}
	if len(pairs) == 0 {
		return s
	}
	s = strings.NewReplacer(pairs...).Replace(s)
	// "UBND xã" followed by a name is the unit, its name misspelt.
	return misspeltUnitRE.ReplaceAllString(s, "{đơn vị}")
}

// misspeltUnitRE is the unit's placeholder followed by a name, as
// "UBND xã Dương Hữu" becomes when the text misspells "Dương Hưu".
var misspeltUnitRE = regexp.MustCompile(`\{đơn vị\}(?: \p{Lu}\p{Ll}*)+`)

// capitalPlaceholder capitalises a placeholder that starts s or a line
// of it.
func capitalPlaceholder(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "{") {
			r, n := utf8.DecodeRuneInString(l[1:])
			lines[i] = "{" + string(unicode.ToUpper(r)) + l[1+n:]
		}
	}
	return strings.Join(lines, "\n")
}

// heading turns an upper-case heading into sentence case with
// placeholders: "PHƯƠNG HƯỚNG … QUÝ II NĂM 2026" → "Phương hướng … {kỳ tới}".
func (im *importer) heading(s string) string {
	upper := s == strings.ToUpper(s)
	s = im.placeholders(s)
	if upper {
		// The placeholders are lower case already.
		s = capitalize(strings.ToLower(s))
	}
	return s
}

// walk reads the lines into the template's title, opening, closing and
// sections.
func (im *importer) walk() templateFile {
	var t templateFile
	var sec *templateSection
	var item *templateItem
	var body []string // paragraphs under the current heading
	flush := func() {
		if len(body) == 0 {
			return
		}
		prompt, text := "", body
		if promptRE.MatchString(body[0]) {
			prompt, text = im.placeholders(strings.Trim(body[0], "()")), body[1:]
		}
		suggested := capitalPlaceholder(im.placeholders(strings.Join(text, "\n")))
		switch {
		case item != nil:
			item.Prompt, item.Suggested = prompt, joinNonEmpty(item.Suggested, suggested)
		case sec != nil:
			sec.Text = true
			sec.Prompt, sec.Suggested = prompt, suggested
		}
		body = nil
	}
	var head []string // lines before the first section
	done := false
	for _, l := range im.lines {
		if done {
			break
		}
		if m := sectionRE.FindStringSubmatch(l); m != nil {
			flush()
			t.Sections = append(t.Sections, templateSection{ID: m[1], Title: im.heading(m[2])})
			sec, item = &t.Sections[len(t.Sections)-1], nil
			continue
		}
		if sec == nil {
			head = append(head, l)
			continue
		}
		if strings.HasPrefix(l, "Trên đây là") {
			flush()
			t.Closing = im.placeholders(l)
			done = true
			continue
		}
		if strings.HasPrefix(l, "Nơi nhận") {
			break
		}
		if m := itemRE.FindStringSubmatch(l); m != nil {
			flush()
			it := templateItem{Key: fmt.Sprintf("%s.%d", sec.ID, len(sec.Items)+1)}
			if isTitle(m[2]) {
				it.Title = im.heading(m[2])
			} else {
				it.Label = label(m[2])
				it.Suggested = capitalPlaceholder(im.placeholders(m[2]))
			}
			sec.Items = append(sec.Items, it)
			item = &sec.Items[len(sec.Items)-1]
			continue
		}
		body = append(body, l)
	}
	flush()
	for i := range t.Sections {
		// A heading with nothing under it is written as text.
		if len(t.Sections[i].Items) == 0 {
			t.Sections[i].Text = true
		}
	}
	im.head(&t, head)
	return t
}

// head takes the title and the opening from the lines before the first
// section.
func (im *importer) head(t *templateFile, head []string) {
	for i, l := range head {
		if strings.EqualFold(l, "BÁO CÁO") && i+1 < len(head) {
			t.Title = im.placeholders(head[i+1])
		}
	}
	if n := len(head); n > 0 && strings.HasSuffix(head[n-1], ":") {
		o := head[n-1]
		// "Thực hiện Công văn số … . UBND xã … báo cáo …": the request
		// is the program's to write.
		if strings.HasPrefix(o, "Thực hiện ") && im.short != "" {
			if i := strings.Index(o, im.short); i > 0 {
				o = o[i:]
			}
		}
		if !strings.HasPrefix(o, "Thực hiện ") {
			t.Opening = im.placeholders(o)
		}
	}
}

// isTitle tells an item's title ("Phát triển chính quyền số") from an
// untitled item's first sentence ("UBND xã đã ban hành … ./").
func isTitle(s string) bool {
	return utf8.RuneCountInString(s) <= 120 && !strings.ContainsAny(s[len(s)-1:], ".;:,")
}

// label names an untitled item in the list of parts: its first words.
func label(s string) string {
	words := strings.Fields(strings.TrimRight(s, ".;:, "))
	if len(words) > 6 {
		return strings.Join(words[:6], " ") + "…"
	}
	return strings.Join(words, " ")
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}
