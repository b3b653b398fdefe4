package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"baocao/report"
)

// lineSep stands for a line break in plain mode, where every answer is
// typed on one line.
const lineSep = " // "

// plain is a session of the question-by-question mode.
type plain struct {
	opt   Options
	src   answerSource
	out   io.Writer
	store *report.Store
	st    styles
	// ended is set once the input has ended (Ctrl+D, or the end of a
	// piped file).
	ended bool

	// mu guards cur, the open draft, and unsaved, which an interruption
	// saves or names.
	mu  sync.Mutex
	cur *draft
	// unsaved says what the official has typed that no draft holds yet,
	// for the goodbye of an interruption.
	unsaved string
	// field is the field of the draft being asked, nil at other
	// questions: an interruption stores the line typed into it.
	field *askedField
}

// askedField is a field of the draft being asked: its title, and keep,
// which stores a line typed but not entered (with p.mu held) and reports
// whether it could.
type askedField struct {
	title string
	keep  func(v string) bool
}

func runPlain(opt Options) error {
	var in io.Reader = os.Stdin
	var out io.Writer = os.Stdout
	if opt.Input != nil {
		in = opt.Input
	}
	if opt.Output != nil {
		out = opt.Output
	}
	p := &plain{opt: opt, out: out, store: &report.Store{Dir: opt.Dir}, st: newStyles(true)}
	p.src = newAnswerSource(in, out)
	defer p.src.close()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, endSignals...)
	defer signal.Stop(sig)
	go func() {
		if _, ok := <-sig; ok {
			if p.src.wake() {
				// The answer being typed ends with its keys in order,
				// and interrupt is called where it is read; should that
				// not come, save from here.
				time.Sleep(3 * time.Second)
			}
			p.interrupt()
		}
	}()
	return p.run()
}

// interrupt ends the program on Ctrl+C or a signal: the open draft is
// saved and closed, with the line being typed when it answers a field of
// the draft, and a closing line says what was saved and what was not.
// Ctrl+C is the ordinary way out: the exit status is 0, unless the draft
// could not be saved (1). It does not return.
func (p *plain) interrupt() {
	p.mu.Lock() // held until exit: no answer is stored half-saved
	typed := strings.TrimSpace(p.src.typed())
	p.src.close()
	switch {
	case p.cur != nil:
		kept := false
		if typed != "" && p.field != nil {
			kept = p.field.keep(typed)
		}
		if err := p.cur.close(p.opt.Now); err != nil {
			p.say("\nChưa lưu được bản nháp: %s\n", saveErrorText(err))
			os.Exit(1)
		}
		name := filepath.Base(p.cur.path)
		switch {
		case kept:
			p.say("\nĐã lưu bản nháp %s, kể cả dòng đang gõ dở ở ô «%s». Tạm biệt.\n", name, strings.TrimSpace(p.field.title))
		case typed != "":
			p.say("\nĐã lưu bản nháp %s. Dòng đang gõ dở «%s» chưa nhấn Enter nên không được dùng. Tạm biệt.\n", name, oneLine(typed))
		default:
			p.say("\nĐã lưu bản nháp %s với mọi câu trả lời đã nhập. Tạm biệt.\n", name)
		}
	case p.unsaved != "":
		p.say("\nChưa tạo bản nháp nên %s chưa được lưu. Lần sau chọn n để tạo lại. Tạm biệt.\n", p.unsaved)
	default:
		p.say("\nChưa mở bản nháp nào nên không có gì cần lưu. Tạm biệt.\n")
	}
	os.Exit(0)
}

// asking notes the field of the draft being asked, or nil; see
// askedField.
func (p *plain) asking(f *askedField) { p.set(func() { p.field = f }) }

// set stores an answer in the open draft.
func (p *plain) set(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f()
}

// setUnsaved notes what an interruption would lose; "" when nothing.
func (p *plain) setUnsaved(s string) { p.set(func() { p.unsaved = s }) }

// say prints text wrapped at spaces to the terminal's width.
func (p *plain) say(format string, args ...any) {
	io.WriteString(p.out, wrapLines(fmt.Sprintf(format, args...), p.src.width()))
}

func (p *plain) run() error {
	p.say("baocao — soạn báo cáo Nghị quyết 57-NQ/TW (chế độ hỏi từng câu)\n")
	p.say("Thư mục bản nháp: %s\n", p.store.Dir)
	p.say("Mỗi câu hỏi: gõ câu trả lời rồi Enter; Enter ngay để giữ nguyên giá trị trong ngoặc vuông; gõ «-» để xóa.\n")
	p.say("Ô nhiều dòng: ngăn các dòng bằng « // » (có dấu cách hai bên), hoặc dán cả đoạn văn nhiều dòng.\n")
	p.say("Ctrl+C: lưu bản nháp (kể cả dòng đang gõ dở) rồi thoát.\n\n")
	for !p.ended {
		entries, err := p.store.List()
		if err != nil {
			p.say("Lỗi: %v\n", report.Explain(err))
		}
		if len(entries) == 0 {
			p.say("Chưa có bản nháp nào.\n")
		} else {
			p.say("Các bản nháp:\n")
			for i, e := range entries {
				if e.Report == nil {
					p.say("  %d. %s — không đọc được\n", i+1, e.Name)
					continue
				}
				done, total := e.Done, e.Total
				p.say("  %d. %s — %s — xong %d/%d phần — lưu %s\n", i+1, unitName(e.Report), e.Report.Period.Label(), done, total, savedLabel(e.Saved))
			}
		}
		choice, ok := p.ask("Chọn: số thứ tự để mở, n: tạo báo cáo mới, v: mở báo cáo mẫu, h: tổng hợp số liệu, q: thoát", "", "")
		if !ok {
			return nil
		}
		typed := choice
		choice = strings.ToLower(typed)
		switch {
		case choice == "":
			p.say("Hãy gõ số thứ tự của một bản nháp, hoặc n, v, h, q, rồi Enter.\n")
		case choice == "q" || choice == "thoát":
			return nil
		case choice == "n" || choice == "m":
			if path := p.newReport(entries); path != "" {
				if err := p.edit(path); err != nil {
					return err
				}
			}
		case choice == "h":
			p.rollUp()
		case choice == "v":
			path, err := p.store.Create(report.Sample())
			if err != nil {
				p.say("Không tạo được báo cáo mẫu: %v\n", report.Explain(err))
				continue
			}
			if err := p.edit(path); err != nil {
				return err
			}
		default:
			n, err := strconv.Atoi(choice)
			if err != nil || n < 1 || n > len(entries) {
				p.say("Không hiểu lựa chọn «%s».\n", typed)
				continue
			}
			path := entries[n-1].Path
			if entries[n-1].Report == nil {
				p.say("%s\n", brokenHint(&entries[n-1]))
				var le *report.LoadError
				if !errors.As(entries[n-1].Err, &le) || le.Backup == "" {
					continue
				}
				if path, err = p.store.RestoreBackup(path); err != nil {
					p.say("Không khôi phục được từ bản lưu trước: %v\n", report.Explain(err))
					continue
				}
				forgetSession(entries[n-1].Path)
				p.say("Đã khôi phục thành bản nháp mới: %s\n", path)
			}
			if err := p.edit(path); err != nil {
				return err
			}
		}
	}
	return nil
}

func periodPrompt() string {
	var b []string
	for i, c := range report.PeriodChoices {
		b = append(b, fmt.Sprintf("%d: %s", i+1, c.Label))
	}
	return "Kỳ báo cáo (" + strings.Join(b, ", ") + ")"
}

// askPeriod asks for the kind of period and its year; false when the
// input ended. For a new report (fresh), a year far from the current one
// (see [report.YearNeedsConfirmation]) is confirmed, or asked again.
func (p *plain) askPeriod(cur report.Period, fresh bool) (report.Period, bool) {
	def := "1"
	for i, c := range report.PeriodChoices {
		if c.Key == cur.Choice() {
			def = strconv.Itoa(i + 1)
		}
	}
	for {
		v, ok := p.ask(periodPrompt(), "", def)
		if !ok {
			return cur, false
		}
		n, err := strconv.Atoi(v)
		if err == nil && n >= 1 && n <= len(report.PeriodChoices) {
			for {
				ys, ok := p.ask("Năm báo cáo", "", strconv.Itoa(cur.Year))
				if !ok {
					return cur, false
				}
				yn, err := strconv.Atoi(ys)
				if err != nil || !report.YearValid(yn) {
					p.say("%s\n", badYear(ys))
					continue
				}
				if fresh && report.YearNeedsConfirmation(yn, p.opt.Now().Year()) &&
					!p.yes(fmt.Sprintf("Năm %d cách năm nay hơn một năm. Đúng là năm %d? (c/k)", yn, yn), false) {
					continue
				}
				return report.ChosenPeriod(report.PeriodChoices[n-1].Key, yn), true
			}
		}
		p.say("Hãy gõ một số từ 1 đến %d.\n", len(report.PeriodChoices))
	}
}

// rollUp asks for a folder, the drafts folder by default, and rolls up
// its reports into an Excel file written there, asking before it replaces
// an earlier one.
func (p *plain) rollUp() {
	dir, ok := p.ask("Tổng hợp số liệu các báo cáo (bản nháp, PDF, Excel) trong thư mục", "", p.store.Dir)
	if !ok {
		return
	}
	note, exists, err := rollUp(dir, false)
	if exists != "" && p.yes("Đã có tệp «"+report.Printable(exists)+"». Ghi đè bằng bảng tổng hợp mới? (c: ghi đè · k: thôi)", false) {
		note, _, err = rollUp(dir, true)
	}
	switch {
	case err != nil:
		p.say("%s\n", err)
	case note != "":
		p.say("%s\n", note)
	}
}

// askKind asks which kind of report to write, when there is more than
// one; false when the input ended.
func (p *plain) askKind(kinds []*report.Kind) (string, bool) {
	if len(kinds) < 2 {
		return report.DefaultKindID, true
	}
	p.say("Loại báo cáo:\n")
	for i, k := range kinds {
		p.say("  %d. %s\n", i+1, k.Name)
	}
	for {
		v, ok := p.ask(fmt.Sprintf("Chọn loại báo cáo (1–%d)", len(kinds)), "", "1")
		if !ok {
			return "", false
		}
		if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(kinds) {
			return kinds[n-1].ID, true
		}
		p.say("Hãy gõ một số từ 1 đến %d.\n", len(kinds))
	}
}

// newReport asks for the kind, the unit and the period and creates the
// draft; "" when none was created.
func (p *plain) newReport(entries []report.Entry) string {
	defer p.setUnsaved("")
	s := &newScreen{store: p.store, entries: entries, kinds: p.opt.Kinds.All(), kindID: report.DefaultKindID}
	if id, ok := p.askKind(s.kinds); ok {
		s.kindID = id
	} else {
		return ""
	}
	for _, e := range entries {
		if e.Report != nil {
			s.latest = e.Report
			break
		}
	}
	if s.latest != nil {
		s.unit = s.latest.Locality()
	}
	unit, ok := p.ask("Tên xã, phường (ví dụ: xã Dương Hưu)", "", s.unit)
	if !ok {
		return ""
	}
	s.unit = unit
	p.setUnsaved(fmt.Sprintf("tên đơn vị «%s» vừa nhập", unit))
	per, ok := p.askPeriod(report.CurrentQuarter(p.opt.Now()), true)
	if !ok {
		p.say("Chưa tạo bản nháp nên tên đơn vị «%s» vừa nhập chưa được lưu.\n", unit)
		return ""
	}
	p.setUnsaved(fmt.Sprintf("tên đơn vị «%s» và kỳ báo cáo %s vừa nhập", unit, per.Phrase()))
	s.choice, s.year = per.Choice(), strconv.Itoa(per.Year)
	r, msg := s.report()
	if msg != "" {
		p.say("%s\n", msg)
		return ""
	}
	if e := s.existing(r); e != nil {
		p.say("Đã có bản nháp của %s %s (lưu lúc %s).\n", e.Report.Locality(), e.Report.Period.Phrase(), savedLabel(e.Saved))
		if !p.yes("Vẫn tạo bản nháp mới? (c: tạo mới · k: mở bản nháp đã có)", false) {
			return e.Path
		}
	}
	note := s.fillLastYear(r)
	path, err := p.store.Create(r)
	if err != nil {
		p.say("Không tạo được bản nháp: %v\n", err)
		return ""
	}
	p.say("Đã tạo bản nháp %s\n", path)
	if note != "" {
		p.say("%s\n", note)
	}
	return path
}

// edit walks through the parts of the draft at path, from the part its
// last session was in.
func (p *plain) edit(path string) error {
	d, err := openDraft(path)
	if err != nil {
		p.say("%s\n", errText(err))
		return nil
	}
	p.mu.Lock()
	p.cur = d
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		d.close(p.opt.Now)
		p.cur = nil
	}()
	if d.readOnly {
		p.say("%s\n", readOnlyText(d.path))
		p.review(d)
		return nil
	}
	parts := d.r.Parts()
	i := max(resumeIndex(parts, d.resume.part), 0)
	if i > 0 {
		p.say("\nBản nháp mở ở phần đang soạn lần trước.\n")
	}
	for i < len(parts) {
		part := parts[i]
		p.set(func() { d.where = position{part: part.ID} })
		p.say("\n== Phần %d/%d: %s ==\n", i+1, len(parts), part.Title)
		a, ok := p.ask("Enter: điền phần này, b: bỏ qua, số: sang phần đó, x: xem lỗi và xuất tệp, q: lưu và về danh sách bản nháp", "", "")
		if !ok {
			return nil
		}
		typed := a
		a = strings.ToLower(typed)
		switch {
		case a == "q":
			return nil
		case a == "b":
			i++
			continue
		case a == "x":
			p.review(d)
			continue
		case a != "":
			if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(parts) {
				i = n - 1
			} else {
				p.say("Không hiểu «%s».\n", typed)
			}
			continue
		}
		if !p.editPart(d, part) {
			return nil
		}
		if err := d.saveNow(p.opt.Now); err != nil {
			p.say("Chưa lưu được: %s\n", saveErrorText(err))
		} else if !d.lastSaved.IsZero() {
			p.say("Đã lưu lúc %s\n", d.lastSaved.Format("15:04:05"))
		}
		if d.note != "" {
			p.say("%s\n", d.note)
			d.note = ""
		}
		parts = d.r.Parts()
		i++
	}
	p.review(d)
	return nil
}

// editPart asks the questions of one part; false when the input ended.
func (p *plain) editPart(d *draft, part report.Part) bool {
	r := d.r
	switch part.ID {
	case report.PartIndicators:
		return p.editIndicators(d)
	case report.PartRecipients:
		split := func(v string) []string {
			var list []string
			for _, l := range strings.Split(v, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					list = append(list, l)
				}
			}
			return list
		}
		p.set(func() { d.where.field = report.FieldRecipients })
		p.asking(&askedField{title: "Nơi nhận", keep: func(v string) bool {
			r.Recipients = split(splitLines(v))
			return true
		}})
		v, ok := p.askText("Nơi nhận", "Các nơi nhận ngăn cách bằng « // », ví dụ: Sở KH-CN tỉnh (b/c) // TTĐU-UBND xã.", strings.Join(r.Recipients, "\n"))
		p.asking(nil)
		if !ok {
			return false
		}
		p.set(func() { r.Recipients = split(v) })
		return p.askValid("Lưu", "Ví dụ: VT, VH-XH.", &r.Archive, report.FieldArchive, false, nil, false, nil)
	}
	fields := report.PartFields(r, part)
	for _, f := range fields {
		if f.Shown != nil {
			label, text := f.Shown()
			p.say("%s: %s\n", label, text)
		}
	}
	for _, f := range fields {
		p.set(func() { d.where.field = f.Key })
		if f.Kind == report.PeriodField {
			per, ok := p.askPeriod(*f.Period, false)
			if !ok {
				return false
			}
			if per != *f.Period {
				p.set(func() { *f.Period = per })
				p.periodChanged(d)
			}
			continue
		}
		v := typedAs(f)
		desc := plainHint(f)
		if f.Suggest != nil && strings.TrimSpace(*v.text) == "" {
			desc = strings.TrimSpace(desc + "\nGõ «+» để dùng lời văn gợi ý: " + strings.ReplaceAll(f.Suggest(), "\n", lineSep))
		}
		if !p.askValid(f.Label, desc, v.text, f.Key, f.Kind.Multiline(), v.store, false, f.Suggest) {
			return false
		}
		p.set(func() { v.store() })
	}
	return true
}

// periodChanged tells what follows a new period of the report: the
// derived title, and another draft of the unit for that period.
func (p *plain) periodChanged(d *draft) {
	r := d.r
	p.say("Kỳ báo cáo mới: %s. Trích yếu, câu mở đầu, câu kết và tiêu đề phần V do chương trình tự soạn đổi theo kỳ mới.\n", r.Period.Phrase())
	if !r.Overridden(report.FieldTitle) {
		p.say("Trích yếu: %s\n", r.DerivedTitle())
	}
	entries, _ := p.store.List()
	d.lastYear = report.LastYearIn(entries, r)
	for _, e := range entries {
		if e.Report == nil || filepath.Clean(e.Path) == filepath.Clean(d.path) {
			continue
		}
		if strings.EqualFold(e.Report.Locality(), r.Locality()) && e.Report.Period == r.Period {
			p.say("Lưu ý: đã có bản nháp khác của %s cho %s: %s.\n", r.Locality(), r.Period.Phrase(), e.Name)
		}
	}
}

// editIndicators asks for the indicators' values: all of them in turn, or
// from a chosen one on; q ends the part at any question. An indicator can
// be added (t) or removed (x) first.
func (p *plain) editIndicators(d *draft) bool {
	r := d.r
	from := 0
menu:
	for {
		p.say("Các chỉ tiêu (kết quả kỳ này · cùng kỳ năm trước):\n")
		if len(r.Indicators) == 0 {
			p.say("  (chưa có chỉ tiêu nào)\n")
		}
		for i, in := range r.Indicators {
			p.say("  %d. %s (%s): %s · %s\n", i+1, indicatorName(in.Name), in.Unit, orNone(in.Value), orNone(in.LastYear))
		}
		q := fmt.Sprintf("Enter: nhập lần lượt từ chỉ tiêu 1, số: bắt đầu từ chỉ tiêu đó (1–%d), t: thêm chỉ tiêu, x: xóa chỉ tiêu, q: xong phần này", len(r.Indicators))
		if len(r.Indicators) == 0 {
			q = "t: thêm chỉ tiêu, q: xong phần này"
		}
		for {
			a, ok := p.ask(q, "", "")
			if !ok {
				return false
			}
			switch n, err := strconv.Atoi(a); {
			case a == "" && len(r.Indicators) > 0:
				break menu
			case strings.EqualFold(a, "q") || a == "":
				return true
			case strings.EqualFold(a, "t"):
				added, ok := p.addIndicator(r)
				if !ok {
					return false
				}
				if added {
					from = len(r.Indicators) - 1
					break menu
				}
				continue menu
			case strings.EqualFold(a, "x") && len(r.Indicators) > 0:
				if !p.removeIndicator(r) {
					return false
				}
				continue menu
			case err == nil && n >= 1 && n <= len(r.Indicators):
				from = n - 1
				break menu
			}
			p.say("Không hiểu «%s».\n", a)
		}
	}
	for i := from; i < len(r.Indicators); i++ {
		in := &r.Indicators[i]
		p.say("Chỉ tiêu %d/%d: %s (%s) — gõ q để xong phần này\n", i+1, len(r.Indicators), indicatorName(in.Name), in.Unit)
		for _, col := range []struct {
			title string
			field string
			v     *string
		}{{"  Kết quả kỳ này", "value", &in.Value}, {"  Cùng kỳ năm trước", "lastYear", &in.LastYear}} {
			p.set(func() { d.where.field = report.FieldIndicator(i, col.field) })
			if !p.askValid(col.title, "", col.v, report.FieldIndicator(i, col.field), false, nil, true, nil) {
				return !p.ended
			}
		}
	}
	return true
}

// addIndicator asks for the name, kind and unit of a new indicator and
// adds it at the end of the list. added is false when the official gave
// no name; ok is false when the input ended.
func (p *plain) addIndicator(r *report.Report) (added, ok bool) {
	name, ok := p.ask("Tên chỉ tiêu mới (Enter để không thêm)", "", "")
	if !ok {
		return false, false
	}
	if name = strings.TrimSpace(name); name == "" {
		p.say("Chưa thêm chỉ tiêu nào.\n")
		return false, true
	}
	kinds := []struct {
		kind  report.IndicatorKind
		label string
	}{{report.Percent, "Tỷ lệ (%)"}, {report.Count, "Số lượng"}, {report.Amount, "Số liệu khác"}}
	var labels []string
	for i, k := range kinds {
		labels = append(labels, fmt.Sprintf("%d: %s", i+1, k.label))
	}
	kind := report.Count
	for {
		a, ok := p.ask("Loại số liệu ("+strings.Join(labels, ", ")+")", "", "2")
		if !ok {
			return false, false
		}
		if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(kinds) {
			kind = kinds[n-1].kind
			break
		}
		p.say("Hãy gõ một số từ 1 đến %d.\n", len(kinds))
	}
	def := ""
	if kind == report.Percent {
		def = "%"
	}
	unit, ok := p.ask("Đơn vị tính (ví dụ: %, người, tổ, hồ sơ)", "", def)
	if !ok {
		return false, false
	}
	p.set(func() {
		r.Indicators = append(r.Indicators, report.Indicator{Name: name, Kind: kind, Unit: strings.TrimSpace(unit)})
	})
	p.say("Đã thêm chỉ tiêu %d: «%s». Nhập số liệu của chỉ tiêu này:\n", len(r.Indicators), name)
	return true, true
}

// removeIndicator asks which indicator to remove and, after a
// confirmation, removes it; false when the input ended.
func (p *plain) removeIndicator(r *report.Report) bool {
	for {
		a, ok := p.ask(fmt.Sprintf("Xóa chỉ tiêu số mấy? (1–%d; Enter: không xóa)", len(r.Indicators)), "", "")
		if !ok {
			return false
		}
		if a == "" {
			p.say("Không xóa chỉ tiêu nào.\n")
			return true
		}
		n, err := strconv.Atoi(a)
		if err != nil || n < 1 || n > len(r.Indicators) {
			p.say("Hãy gõ một số từ 1 đến %d, hoặc Enter để không xóa.\n", len(r.Indicators))
			continue
		}
		in := r.Indicators[n-1]
		q := fmt.Sprintf("Xóa chỉ tiêu %d «%s»? (c: xóa · k: không)", n, indicatorName(in.Name))
		if in.Value != "" || in.LastYear != "" {
			q = fmt.Sprintf("Xóa chỉ tiêu %d «%s» cùng số liệu đã nhập? (c: xóa · k: không)", n, indicatorName(in.Name))
		}
		if !p.yes(q, false) {
			p.say("Không xóa chỉ tiêu nào.\n")
			return !p.ended
		}
		p.set(func() { r.Indicators = append(r.Indicators[:n-1:n-1], r.Indicators[n:]...) })
		p.say("Đã xóa chỉ tiêu %d «%s».\n", n, indicatorName(in.Name))
		return true
	}
}

// orNone shows an indicator value that may be empty.
func orNone(v string) string {
	if v == "" {
		return "chưa nhập"
	}
	return v
}

// indicatorName shows an indicator's name, which may be empty.
func indicatorName(n string) string {
	if strings.TrimSpace(n) == "" {
		return "(chưa có tên)"
	}
	return n
}

// plainHint is field f's hint as plain mode words it: example lines
// joined by « // », which is also how a line break is typed in a field
// of several lines. What «+» inserts is said by the caller.
func plainHint(f report.FieldSpec) string {
	hint := f.Hint
	if len(f.Example) > 0 {
		hint += ": " + strings.Join(f.Example, lineSep) + "."
	}
	if f.Kind.Multiline() {
		hint = strings.TrimSpace(hint + " Sang dòng mới: gõ « // », hoặc dán cả đoạn nhiều dòng.")
	}
	return hint
}
