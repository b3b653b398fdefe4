package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"

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
			p.interrupt()
		}
	}()
	return p.run()
}

// interrupt ends the program on Ctrl+C or a signal: the open draft is
// saved and closed, and the official is told what was not saved. It does
// not return.
func (p *plain) interrupt() {
	p.mu.Lock() // held until exit: no answer is stored half-saved
	p.src.close()
	switch {
	case p.cur != nil:
		if err := p.cur.close(p.opt.Now); err != nil {
			p.say("\nChưa lưu được bản nháp: %s\n", saveErrorText(err))
			os.Exit(1)
		}
		p.say("\nĐã lưu các câu trả lời đã nhập (dòng đang gõ dở, chưa Enter, không được lưu). Tạm biệt.\n")
	case p.unsaved != "":
		p.say("\nChưa tạo bản nháp nên %s chưa được lưu. Lần sau chọn n để tạo lại. Tạm biệt.\n", p.unsaved)
	default:
		p.say("\nChưa mở bản nháp nào nên không có gì cần lưu. Tạm biệt.\n")
	}
	os.Exit(130)
}

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
	p.say("Ctrl+C: lưu bản nháp rồi thoát.\n\n")
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
				done, total := e.Report.Progress()
				p.say("  %d. %s — %s — xong %d/%d phần — lưu %s\n", i+1, unitName(e.Report), e.Report.Period.Label(), done, total, savedLabel(e.Saved))
			}
		}
		choice, ok := p.ask("Chọn: số thứ tự để mở, n: tạo báo cáo mới, v: mở báo cáo mẫu, q: thoát", "", "")
		if !ok {
			return nil
		}
		typed := choice
		choice = strings.ToLower(typed)
		switch {
		case choice == "":
			p.say("Hãy gõ số thứ tự của một bản nháp, hoặc n, v, q, rồi Enter.\n")
		case choice == "q" || choice == "thoát":
			return nil
		case choice == "n" || choice == "m":
			if path := p.newReport(entries); path != "" {
				if err := p.edit(path); err != nil {
					return err
				}
			}
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
	for i, c := range periodChoices {
		b = append(b, fmt.Sprintf("%d: %s", i+1, c.label))
	}
	return "Kỳ báo cáo (" + strings.Join(b, ", ") + ")"
}

// askPeriod asks for the kind of period and its year; false when the
// input ended.
func (p *plain) askPeriod(cur report.Period) (report.Period, bool) {
	def := "1"
	for i, c := range periodChoices {
		if c.key == periodChoice(cur) {
			def = strconv.Itoa(i + 1)
		}
	}
	for {
		v, ok := p.ask(periodPrompt(), "", def)
		if !ok {
			return cur, false
		}
		n, err := strconv.Atoi(v)
		if err == nil && n >= 1 && n <= len(periodChoices) {
			for {
				ys, ok := p.ask("Năm báo cáo", "", strconv.Itoa(cur.Year))
				if !ok {
					return cur, false
				}
				if yn, err := strconv.Atoi(ys); err == nil && report.YearValid(yn) {
					return choicePeriod(periodChoices[n-1].key, yn), true
				}
				p.say("%s\n", badYear(ys))
			}
		}
		p.say("Hãy gõ một số từ 1 đến %d.\n", len(periodChoices))
	}
}

// newReport asks for the unit and the period and creates the draft; ""
// when none was created.
func (p *plain) newReport(entries []report.Entry) string {
	defer p.setUnsaved("")
	s := &newScreen{store: p.store, entries: entries}
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
	per, ok := p.askPeriod(report.CurrentQuarter(p.opt.Now()))
	if !ok {
		p.say("Chưa tạo bản nháp nên tên đơn vị «%s» vừa nhập chưa được lưu.\n", unit)
		return ""
	}
	p.setUnsaved(fmt.Sprintf("tên đơn vị «%s» và kỳ báo cáo %s vừa nhập", unit, per.Phrase()))
	s.choice, s.year = periodChoice(per), strconv.Itoa(per.Year)
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
	path, err := p.store.Create(r)
	if err != nil {
		p.say("Không tạo được bản nháp: %v\n", err)
		return ""
	}
	p.say("Đã tạo bản nháp %s\n", path)
	return path
}

// edit walks through the parts of the draft at path.
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
	for i := 0; i < len(parts); {
		part := parts[i]
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
		return p.editIndicators(r)
	case report.PartRecipients:
		v, ok := p.askText("Nơi nhận", "Các nơi nhận ngăn cách bằng « // », ví dụ: Sở KH-CN tỉnh (b/c) // TTĐU-UBND xã.", strings.Join(r.Recipients, "\n"))
		if !ok {
			return false
		}
		var list []string
		for _, l := range strings.Split(v, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				list = append(list, l)
			}
		}
		p.set(func() { r.Recipients = list })
		return p.askValid("Lưu", "Ví dụ: VT, VH-XH.", &r.Archive, report.FieldArchive, false, nil, false)
	}
	pf := buildPart(&common{st: &p.st}, r, part, 80, 0)
	if pf.form == nil {
		return true
	}
	if pf.preview != nil {
		label, text := pf.preview()
		p.say("%s: %s\n", label, text)
	}
	for _, key := range pf.order {
		fi := pf.fields[key]
		switch {
		case key == report.FieldPeriod:
			per, ok := p.askPeriod(r.Period)
			if !ok {
				return false
			}
			p.set(func() { r.Period = per })
			continue
		case key == report.FieldPeriod+".year" || fi.text == nil:
			continue
		}
		desc, offer := plainHint(key, fi)
		if offer {
			desc = strings.TrimSpace(desc + "\nGõ «+» để dùng lời văn gợi ý: " + strings.ReplaceAll(fi.suggest(), "\n", lineSep))
		}
		if !p.askValid(fi.title, desc, fi.text, key, fi.multiline, func() string {
			pf.sync()
			if fi.parseErr != nil {
				return fi.parseErr()
			}
			return ""
		}, false) {
			return false
		}
		if offer && *fi.text == "+" {
			s := fi.suggest()
			p.set(func() { *fi.text = s; pf.sync() })
		}
	}
	p.set(pf.sync)
	return true
}

// editIndicators asks for the indicators' values: all of them in turn, or
// from a chosen one on; q ends the part at any question.
func (p *plain) editIndicators(r *report.Report) bool {
	p.say("Các chỉ tiêu (kết quả kỳ này · cùng kỳ năm trước):\n")
	for i, in := range r.Indicators {
		p.say("  %d. %s (%s): %s · %s\n", i+1, in.Name, in.Unit, orNone(in.Value), orNone(in.LastYear))
	}
	from := 0
	for {
		a, ok := p.ask(fmt.Sprintf("Enter: nhập lần lượt từ chỉ tiêu 1, số: bắt đầu từ chỉ tiêu đó (1–%d), q: xong phần này", len(r.Indicators)), "", "")
		if !ok {
			return false
		}
		if a == "" {
			break
		}
		if strings.EqualFold(a, "q") {
			return true
		}
		if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(r.Indicators) {
			from = n - 1
			break
		}
		p.say("Không hiểu «%s».\n", a)
	}
	for i := from; i < len(r.Indicators); i++ {
		in := &r.Indicators[i]
		p.say("Chỉ tiêu %d/%d: %s (%s) — gõ q để xong phần này\n", i+1, len(r.Indicators), in.Name, in.Unit)
		for _, col := range []struct {
			title string
			field string
			v     *string
		}{{"  Kết quả kỳ này", "value", &in.Value}, {"  Cùng kỳ năm trước", "lastYear", &in.LastYear}} {
			if !p.askValid(col.title, "", col.v, report.FieldIndicator(i, col.field), false, nil, true) {
				return !p.ended
			}
		}
	}
	return true
}

// orNone shows an indicator value that may be empty.
func orNone(v string) string {
	if v == "" {
		return "chưa nhập"
	}
	return v
}

// plainHint is the hint plain mode shows for a field of a part's form:
// the form's own hint, less what only the full screen offers (keys such
// as Ctrl+Y), in plain mode's words where its input differs. offer tells
// whether "+" may take the field's suggested wording.
func plainHint(key string, fi *fieldInfo) (hint string, offer bool) {
	switch {
	case key == report.FieldAgency:
		return "Tên cơ quan viết chữ in hoa, các dòng ngăn cách bằng « // », ví dụ: ỦY BAN NHÂN DÂN // XÃ DƯƠNG HƯU.", false
	case key == report.FieldAddressees:
		return "Các cơ quan nhận ngăn cách bằng « // », ví dụ: UBND tỉnh Bắc Ninh // Sở Khoa học và Công nghệ tỉnh Bắc Ninh; có thể để trống.", false
	case key == report.FieldTitle:
		return "Để trống thì dùng trích yếu tự động in ở trên.", false
	case key == report.FieldOpening:
		return "Để trống thì dùng câu mở đầu tự động in ở trên.", false
	case key == report.FieldClosing:
		return "Để trống thì dùng câu kết tự động in ở trên.", false
	case strings.HasPrefix(key, report.FieldHeading("")):
		return "Để trống thì dùng tiêu đề tự động in ở trên.", false
	}
	var keep []string
	for _, s := range strings.Split(fi.desc, "; ") {
		if !strings.Contains(s, "Ctrl+") && !strings.Contains(s, "ở trên") {
			keep = append(keep, s)
		}
	}
	hint = strings.Join(keep, "; ")
	if fi.multiline {
		hint = strings.TrimSpace(hint + " Sang dòng mới: gõ « // », hoặc dán cả đoạn nhiều dòng.")
	}
	return hint, fi.suggest != nil
}
