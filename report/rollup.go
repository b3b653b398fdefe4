package report

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// SourceFormat is the kind of file a roll-up input was read from.
type SourceFormat string

// The formats a roll-up reads.
const (
	FromDraft SourceFormat = "json"
	FromPDF   SourceFormat = "pdf"
	FromXLSX  SourceFormat = "xlsx"
	// FromOther is a file of no format the roll-up reads.
	FromOther SourceFormat = ""
)

// Label names the format for the official: "Bản nháp (.json)".
func (f SourceFormat) Label() string {
	switch f {
	case FromDraft:
		return "Bản nháp (.json)"
	case FromPDF:
		return "PDF"
	case FromXLSX:
		return "Phụ lục Excel (.xlsx)"
	}
	return "Tệp khác"
}

// Source is one input file of a [Rollup], as its reader saw it.
type Source struct {
	// Path is the file as given or found in a folder.
	Path   string
	Format SourceFormat
	// Signed reports whether the file (a PDF) carries a digital
	// signature; Signers names who signed, as far as it can be read.
	Signed  bool
	Signers []string
	// ChangedAfterSigning reports that something was appended to the
	// PDF after its last signature: its figures may not be those signed.
	ChangedAfterSigning bool
	// Err is why the file gave no report: it cannot be read, is no
	// draft, or is a PDF that carries no data.
	Err error
}

// rank orders the sources of one unit when their figures differ: a signed
// PDF is what the unit sent officially, then an unsigned PDF, an Excel
// appendix, a draft.
func (s Source) rank() int {
	switch {
	case s.Format == FromPDF && s.Signed:
		return 3
	case s.Format == FromPDF:
		return 2
	case s.Format == FromXLSX:
		return 1
	}
	return 0
}

// describe names the source in a sentence: "b.pdf (PDF đã ký)".
func (s Source) describe() string {
	what := s.Format.Label()
	if s.Signed {
		what += " đã ký"
	}
	return Printable(s.Path) + " (" + what + ")"
}

// SourceLine is an input as the roll-up's sheet of sources lists it.
type SourceLine struct {
	Source
	// Unit, KindID, KindName and Period are the report's, when it was
	// read.
	Unit     string
	KindID   string
	KindName string
	Period   Period
	// Used reports whether the table holds this input's figures.
	Used bool
	// Status says what became of the input, in Vietnamese.
	Status string
}

// RollupProblem is an input, or one of its figures, that does not fit the
// roll-up.
type RollupProblem struct {
	// Path is the input file; Unit its unit, when known; Code the
	// indicator, when the problem is about one.
	Path, Unit, Code string
	// Text says what is wrong and what was done about it, in Vietnamese.
	Text string
	// Note marks a remark rather than a fault: the same figures sent
	// twice, a value written «trên 95».
	Note bool
}

// Cell is one figure of the roll-up's table.
type Cell struct {
	// Number is the value; a percent is in percent points (95.5).
	Number float64
	// Percent reports whether the indicator is a percent.
	Percent bool
}

// RollupRow is one unit of the roll-up's table.
type RollupRow struct {
	Unit string
	// Path is the input its figures come from.
	Path string
	// Cells are the unit's figures by indicator code; a code without a
	// number is absent.
	Cells map[string]Cell
}

// Rollup gathers the figures of many units' reports of one kind and
// period into one table: the Department's roll-up. Feed it with [Rollup.Add],
// one input at a time, then call [Rollup.Finish]. It keeps only each
// input's figures, never the report itself.
type Rollup struct {
	// KindID and Period are what the roll-up is for. Left empty (a zero
	// Period), they are the kind and the period of most inputs, decided
	// by Finish.
	KindID string
	Period Period

	// Sources lists every input, in the order added.
	Sources []SourceLine
	// Columns are the indicators of the kind, in the template's order.
	Columns []IndicatorSpec
	// Rows are the units, by name.
	Rows []RollupRow
	// Problems lists what does not fit, input by input.
	Problems []RollupProblem

	entries []rollupEntry
	specs   map[string][]IndicatorSpec
	names   map[string]string
}

// rollupEntry is what the roll-up keeps of one report read.
type rollupEntry struct {
	source  int // into Sources
	unit    string
	key     string // unit as compared: folded case, NFC
	kind    string
	period  Period
	figures []figure
}

// figure is one indicator value of a report.
type figure struct {
	code, name, text string
	kind             IndicatorKind
}

// Add records one input: its source facts and the report read from it,
// or nil when it gave none (src.Err then says why).
func (ru *Rollup) Add(src Source, r *Report) {
	line := SourceLine{Source: src}
	if r == nil {
		line.Status = "Không đọc được số liệu"
		ru.Sources = append(ru.Sources, line)
		why := "không đọc được tệp"
		if src.Err != nil {
			why = Reason(src.Err)
		}
		ru.problem(line, "", why, false)
		return
	}
	k := r.Kind()
	kindID := r.KindID
	if kindID == "" {
		kindID = DefaultKindID
	}
	name, specs := k.Name, k.Indicators
	if k.ID != kindID {
		// A kind this program does not know (an appendix carries no
		// template): the report's own rows name its indicators.
		name, specs = kindID, nil
		for _, in := range r.Indicators {
			specs = append(specs, IndicatorSpec{Code: in.Code, Name: in.Name, Unit: in.Unit, Kind: in.Kind})
		}
	}
	line.Unit = rollupUnit(r)
	line.KindID, line.KindName, line.Period = kindID, name, r.Period
	ru.Sources = append(ru.Sources, line)
	if src.ChangedAfterSigning {
		ru.problem(line, "", "Tệp PDF có nội dung thêm vào sau lần ký cuối: số liệu đọc được có thể không phải số liệu đã ký.", false)
	}
	if ru.specs == nil {
		ru.specs, ru.names = map[string][]IndicatorSpec{}, map[string]string{}
	}
	ru.specs[kindID] = mergeSpecs(ru.specs[kindID], specs)
	if ru.names[kindID] == "" || ru.names[kindID] == kindID {
		ru.names[kindID] = name
	}
	e := rollupEntry{source: len(ru.Sources) - 1, unit: line.Unit, key: unitKey(line.Unit), kind: kindID, period: r.Period}
	for _, in := range r.Indicators {
		if v := strings.TrimSpace(in.Value); v != "" {
			e.figures = append(e.figures, figure{code: in.Code, name: in.Name, text: v, kind: in.Kind})
		}
	}
	ru.entries = append(ru.entries, e)
}

// rollupUnit names a report's unit: "xã Dương Hưu".
func rollupUnit(r *Report) string {
	if n := CleanLine(r.Locality()); n != "" {
		return n
	}
	if n := CleanLine(r.Header.Place); n != "" {
		return n
	}
	if len(r.Header.Agency) > 1 {
		return CleanLine(r.Header.Agency[len(r.Header.Agency)-1])
	}
	return ""
}

func unitKey(unit string) string {
	return strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(unit), " ")))
}

// mergeSpecs adds to have the indicators of more that it lacks.
func mergeSpecs(have, more []IndicatorSpec) []IndicatorSpec {
	for _, m := range more {
		found := false
		for _, h := range have {
			found = found || h.Code == m.Code
		}
		if !found && m.Code != "" {
			have = append(have, m)
		}
	}
	return have
}

func (ru *Rollup) problem(line SourceLine, code, text string, note bool) {
	ru.Problems = append(ru.Problems, RollupProblem{Path: line.Path, Unit: line.Unit, Code: code, Text: text, Note: note})
}

// Finish decides the kind and the period when they were not asked, then
// builds the table, keeping one input per unit, and lists every problem.
func (ru *Rollup) Finish() {
	if ru.KindID == "" {
		ru.KindID = majority(ru.entries, func(e rollupEntry) string { return e.kind })
	}
	if !ru.Period.Valid() {
		var same []rollupEntry
		for _, e := range ru.entries {
			if e.kind == ru.KindID {
				same = append(same, e)
			}
		}
		slug := majority(same, func(e rollupEntry) string { return e.period.Slug() })
		for _, e := range same {
			if e.period.Slug() == slug {
				ru.Period = e.period
				break
			}
		}
	}
	ru.Columns = ru.specs[ru.KindID]
	known := map[string]IndicatorSpec{}
	for _, c := range ru.Columns {
		known[c.Code] = c
	}

	// One group of entries per unit, in the order first met.
	var order []string
	groups := map[string][]rollupEntry{}
	for _, e := range ru.entries {
		line := &ru.Sources[e.source]
		switch {
		case e.kind != ru.KindID:
			line.Status = "Không tổng hợp: khác loại báo cáo"
			ru.problem(*line, "", fmt.Sprintf("Báo cáo loại «%s», không phải loại đang tổng hợp «%s»: không đưa vào bảng.", ru.kindName(e.kind), ru.kindName(ru.KindID)), false)
		case e.period != ru.Period:
			line.Status = "Không tổng hợp: khác kỳ báo cáo"
			ru.problem(*line, "", fmt.Sprintf("Báo cáo %s, không phải kỳ đang tổng hợp (%s): không đưa vào bảng.", e.period.Phrase(), ru.Period.Phrase()), false)
		case e.key == "":
			line.Status = "Không tổng hợp: không có tên đơn vị"
			ru.problem(*line, "", "Báo cáo không ghi tên đơn vị nên không biết đặt số liệu vào dòng nào: không đưa vào bảng.", false)
		default:
			if groups[e.key] == nil {
				order = append(order, e.key)
			}
			groups[e.key] = append(groups[e.key], e)
		}
	}
	for _, key := range order {
		g := groups[key]
		win := 0
		for i, e := range g {
			if ru.Sources[e.source].rank() > ru.Sources[g[win].source].rank() {
				win = i
			}
		}
		w := g[win]
		wline := &ru.Sources[w.source]
		for i, e := range g {
			if i == win {
				continue
			}
			line := &ru.Sources[e.source]
			if diff := differences(w.figures, e.figures); len(diff) > 0 {
				line.Status = "Không tổng hợp: đơn vị gửi hai lần, khác số liệu"
				ru.problem(*line, "", fmt.Sprintf("Đơn vị có hai báo cáo khác số liệu: %s. Bảng dùng số liệu của %s.", strings.Join(diff, "; "), wline.describe()), false)
			} else {
				line.Status = "Trùng với " + Printable(wline.Path) + " (cùng số liệu)"
				ru.problem(*line, "", fmt.Sprintf("Đơn vị có hai báo cáo cùng số liệu (tệp này và %s): chỉ tính một lần.", wline.describe()), true)
			}
		}
		wline.Used = true
		wline.Status = "Đã tổng hợp"
		row := RollupRow{Unit: w.unit, Path: wline.Path, Cells: map[string]Cell{}}
		for _, f := range w.figures {
			spec, ok := known[f.code]
			switch {
			case f.code == "":
				ru.problem(*wline, "", fmt.Sprintf("Chỉ tiêu «%s» (giá trị %s) không có mã, không biết thuộc cột nào: không đưa vào bảng.", f.name, f.text), false)
				continue
			case !ok:
				ru.problem(*wline, f.code, fmt.Sprintf("Mã chỉ tiêu «%s» («%s», giá trị %s) không có trong mẫu «%s»: không đưa vào bảng.", f.code, f.name, f.text, ru.kindName(ru.KindID)), false)
				continue
			}
			v, err := ParseValue(f.text)
			if err != nil {
				ru.problem(*wline, f.code, fmt.Sprintf("Chỉ tiêu «%s» ghi «%s», không phải là một con số: ô để trống.", spec.Name, f.text), false)
				continue
			}
			if msg := checkValue(spec.Kind, f.text); msg != "" {
				ru.problem(*wline, f.code, fmt.Sprintf("Chỉ tiêu «%s» ghi «%s»: %s Bảng vẫn ghi số này.", spec.Name, f.text, msg), false)
			}
			if v.Qualifier != "" {
				ru.problem(*wline, f.code, fmt.Sprintf("Chỉ tiêu «%s» ghi «%s»: bảng ghi số %s.", spec.Name, f.text, FormatValue(fmt.Sprint(v.Number))), true)
			}
			row.Cells[f.code] = Cell{Number: v.Number, Percent: spec.Kind == Percent}
		}
		ru.Rows = append(ru.Rows, row)
	}
	col := collate.New(language.Vietnamese)
	sort.SliceStable(ru.Rows, func(i, j int) bool { return col.CompareString(ru.Rows[i].Unit, ru.Rows[j].Unit) < 0 })
	ru.entries = nil
}

// KindName is the name of the roll-up's kind, or its id when no input
// of it was read.
func (ru *Rollup) KindName() string { return ru.kindName(ru.KindID) }

func (ru *Rollup) kindName(id string) string {
	if n := ru.names[id]; n != "" {
		return n
	}
	return id
}

// majority is the value of key most entries have; the first met wins a
// tie.
func majority(es []rollupEntry, key func(rollupEntry) string) string {
	count := map[string]int{}
	best := ""
	for _, e := range es {
		k := key(e)
		count[k]++
		if count[k] > count[best] || best == "" {
			best = k
		}
	}
	return best
}

// differences lists the indicators whose values a and b give differently:
// "NQ57-01: 95 / 90". Values are compared as numbers when both are.
func differences(a, b []figure) []string {
	type pair struct{ a, b string }
	byCode := map[string]*pair{}
	var codes []string
	add := func(fs []figure, first bool) {
		for _, f := range fs {
			id := f.code
			if id == "" {
				id = f.name
			}
			p := byCode[id]
			if p == nil {
				p = &pair{}
				byCode[id] = p
				codes = append(codes, id)
			}
			if first {
				p.a = f.text
			} else {
				p.b = f.text
			}
		}
	}
	add(a, true)
	add(b, false)
	var out []string
	for _, c := range codes {
		p := byCode[c]
		if sameFigure(p.a, p.b) {
			continue
		}
		out = append(out, fmt.Sprintf("%s: %s / %s", c, orBlank(p.a), orBlank(p.b)))
	}
	return out
}

func sameFigure(a, b string) bool {
	va, ea := ParseValue(a)
	vb, eb := ParseValue(b)
	if ea == nil && eb == nil {
		return va.Number == vb.Number && strings.EqualFold(va.Qualifier, vb.Qualifier)
	}
	return CleanLine(a) == CleanLine(b)
}

func orBlank(s string) string {
	if s == "" {
		return "(trống)"
	}
	return s
}
