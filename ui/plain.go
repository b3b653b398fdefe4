package ui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"charm.land/huh/v2"

	"baocao/export"
	"baocao/report"
)

// lineSep stands for a line break in plain mode, where every answer is
// one line.
const lineSep = " // "

// lineReader hands out its input one line per Read, so that huh's
// accessible prompts, which each start a new bufio.Scanner, never swallow
// the lines after theirs.
type lineReader struct {
	r   *bufio.Reader
	eof bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			l.eof = true
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		p[n] = b
		n++
		if b == '\n' {
			break
		}
	}
	return n, nil
}

// plain is a session of the line-by-line mode.
type plain struct {
	opt   Options
	in    *lineReader
	out   io.Writer
	store *report.Store
	st    Styles

	// mu guards cur, the open draft, which a signal saves and closes.
	mu  sync.Mutex
	cur *draft
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
	p := &plain{opt: opt, in: &lineReader{r: bufio.NewReader(in)}, out: out, store: &report.Store{Dir: opt.Dir}}
	p.st = NewStyles(true)
	// No colours or borders: screen readers and old consoles read plain
	// text best.
	p.st.huhTheme = huh.ThemeBase(true)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, endSignals...)
	defer signal.Stop(sig)
	go func() {
		if _, ok := <-sig; ok {
			p.mu.Lock() // held until exit: no answer is stored half-saved
			if p.cur != nil {
				if err := p.cur.close(opt.Now); err != nil {
					p.printf("\nChưa lưu được bản nháp: %s\n", saveErrorText(err))
					os.Exit(1)
				}
				p.printf("\nĐã lưu các câu trả lời đã nhập (dòng đang gõ dở, chưa Enter, không được lưu). Tạm biệt.\n")
			}
			os.Exit(130)
		}
	}()
	return p.run()
}

// set stores an answer in the open draft.
func (p *plain) set(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f()
}

func (p *plain) printf(format string, args ...any) { fmt.Fprintf(p.out, format, args...) }

// ask asks one question with huh's accessible prompt and returns the
// answer; Enter keeps def, "-" empties it.
func (p *plain) ask(title, desc, def string) (string, bool) {
	if desc != "" {
		p.printf("%s\n", desc)
	}
	v := def
	shown := title
	if def != "" {
		shown += " [" + strings.ReplaceAll(def, "\n", lineSep) + "]"
	}
	in := huh.NewInput().Title(shown + ":").Value(&v)
	in.WithTheme(p.st.HuhTheme())
	in.RunAccessible(p.out, p.in)
	if p.in.eof && v == def {
		return def, false
	}
	v = applyErase(v)
	if strings.TrimSpace(v) == "-" {
		v = ""
	}
	return v, true
}

// applyErase carries out the backspaces in a line read raw: Vietnamese
// input methods on Windows correct a letter by sending BS (0x08) or DEL
// (0x7F) and then the accented letter.
func applyErase(s string) string {
	if !strings.ContainsAny(s, "\b\x7f") {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '\b' || r == 0x7f {
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// splitLines turns a one-line answer into lines at " // ": a separator
// with spaces around it, so that a web address keeps its "//".
func splitLines(s string) string {
	return strings.ReplaceAll(s, lineSep, "\n")
}

func (p *plain) run() error {
	p.printf("baocao — soạn báo cáo Nghị quyết 57-NQ/TW (chế độ hỏi từng câu)\n")
	p.printf("Thư mục bản nháp: %s\n", p.store.Dir)
	p.printf("Mỗi câu hỏi: gõ câu trả lời rồi Enter; Enter ngay để giữ nguyên giá trị trong ngoặc vuông; gõ «-» để xóa.\n")
	p.printf("Ô nhiều dòng: ngăn các dòng bằng « // » (có dấu cách hai bên).\n")
	p.printf("Ctrl+C: lưu bản nháp rồi thoát.\n\n")
	for {
		entries, err := p.store.List()
		if err != nil {
			p.printf("Lỗi: %v\n", err)
		}
		if len(entries) == 0 {
			p.printf("Chưa có bản nháp nào.\n")
		} else {
			p.printf("Các bản nháp:\n")
			for i, e := range entries {
				if e.Report == nil {
					p.printf("  %d. %s — không đọc được\n", i+1, e.Name)
					continue
				}
				done, total := e.Report.Progress()
				p.printf("  %d. %s — %s — xong %d/%d phần — lưu %s\n", i+1, unitName(e.Report), e.Report.Period.Label(), done, total, savedLabel(e.Saved))
			}
		}
		choice, ok := p.ask("Chọn: số thứ tự để mở, n: tạo báo cáo mới, v: mở báo cáo mẫu, q: thoát", "", "")
		if !ok {
			return nil
		}
		typed := strings.TrimSpace(choice)
		choice = strings.ToLower(typed)
		switch {
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
				p.printf("Lỗi: %v\n", err)
				continue
			}
			if err := p.edit(path); err != nil {
				return err
			}
		default:
			n, err := strconv.Atoi(choice)
			if err != nil || n < 1 || n > len(entries) {
				p.printf("Không hiểu lựa chọn «%s».\n", typed)
				continue
			}
			path := entries[n-1].Path
			if entries[n-1].Report == nil {
				p.printf("%s\n", brokenHint(&entries[n-1]))
				var le *report.LoadError
				if !errors.As(entries[n-1].Err, &le) || le.Backup == "" {
					continue
				}
				if path, err = p.store.RestoreBackup(path); err != nil {
					p.printf("Lỗi: %v\n", err)
					continue
				}
				p.printf("Đã khôi phục thành bản nháp mới: %s\n", path)
			}
			if err := p.edit(path); err != nil {
				return err
			}
		}
		if p.in.eof {
			return nil
		}
	}
}

func periodPrompt() string {
	var b []string
	for i, c := range periodChoices {
		b = append(b, fmt.Sprintf("%d: %s", i+1, c.label))
	}
	return "Kỳ báo cáo (" + strings.Join(b, ", ") + ")"
}

func (p *plain) askPeriod(cur report.Period) report.Period {
	def := "1"
	for i, c := range periodChoices {
		if c.key == periodChoice(cur) {
			def = strconv.Itoa(i + 1)
		}
	}
	for {
		v, ok := p.ask(periodPrompt(), "", def)
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if !ok || err == nil && n >= 1 && n <= len(periodChoices) {
			if !ok {
				n, _ = strconv.Atoi(def)
			}
			y := strconv.Itoa(cur.Year)
			for {
				ys, ok := p.ask("Năm báo cáo", "", y)
				yn, err := strconv.Atoi(strings.TrimSpace(ys))
				if err == nil && yn > 0 || !ok {
					if !ok {
						yn = cur.Year
					}
					return choicePeriod(periodChoices[n-1].key, yn)
				}
				p.printf("Năm «%s» không hợp lệ.\n", ys)
			}
		}
		p.printf("Hãy gõ một số từ 1 đến %d.\n", len(periodChoices))
	}
}

func (p *plain) newReport(entries []report.Entry) string {
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
	s.unit, _ = p.ask("Tên xã, phường (ví dụ: xã Dương Hưu)", "", s.unit)
	per := p.askPeriod(report.CurrentQuarter(p.opt.Now()))
	s.choice, s.year = periodChoice(per), strconv.Itoa(per.Year)
	r, msg := s.report()
	if msg != "" {
		p.printf("%s\n", msg)
		return ""
	}
	if e := s.existing(r); e != nil {
		p.printf("Đã có bản nháp của %s %s (lưu lúc %s).\n", e.Report.Locality(), e.Report.Period.Phrase(), savedLabel(e.Saved))
		if !p.yes("Vẫn tạo bản nháp mới? (c: tạo mới · k: mở bản nháp đã có)", false) {
			return e.Path
		}
	}
	path, err := p.store.Create(r)
	if err != nil {
		p.printf("Không tạo được bản nháp: %v\n", err)
		return ""
	}
	p.printf("Đã tạo bản nháp %s\n", path)
	return path
}

// edit walks through the parts of the draft at path.
func (p *plain) edit(path string) error {
	d, err := openDraft(path)
	if err != nil {
		p.printf("%v\n", err)
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
	parts := d.r.Parts()
	for i := 0; i < len(parts); {
		part := parts[i]
		p.printf("\n== Phần %d/%d: %s ==\n", i+1, len(parts), part.Title)
		a, ok := p.ask("Enter: điền phần này, b: bỏ qua, số: sang phần đó, x: xem lỗi và xuất PDF, q: lưu và về danh sách bản nháp", "", "")
		if !ok {
			return nil
		}
		typed := strings.TrimSpace(a)
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
				p.printf("Không hiểu «%s».\n", typed)
			}
			continue
		}
		if !p.editPart(d, part) {
			return nil
		}
		if err := d.saveNow(p.opt.Now); err != nil {
			p.printf("Chưa lưu được: %s\n", saveErrorText(err))
		} else {
			if !d.lastSaved.IsZero() {
				p.printf("Đã lưu lúc %s\n", d.lastSaved.Format("15:04:05"))
			}
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
		for i := range r.Indicators {
			in := &r.Indicators[i]
			p.printf("Chỉ tiêu %d: %s (%s)\n", i+1, in.Name, in.Unit)
			for _, col := range []struct {
				title string
				field string
				v     *string
			}{{"  Kết quả kỳ này", "value", &in.Value}, {"  Cùng kỳ năm trước", "lastYear", &in.LastYear}} {
				if !p.askValid(col.title, "", col.v, report.FieldIndicator(i, col.field), nil) {
					return false
				}
			}
		}
		return true
	case report.PartRecipients:
		v, ok := p.ask("Nơi nhận", "Mỗi nơi nhận ngăn cách bằng « // », ví dụ: Sở KH-CN tỉnh (b/c) // TTĐU-UBND xã", strings.Join(r.Recipients, "\n"))
		if !ok {
			return false
		}
		var list []string
		for _, l := range strings.Split(splitLines(v), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				list = append(list, l)
			}
		}
		p.set(func() { r.Recipients = list })
		return p.askValid("Lưu", "Ví dụ: VT, VH-XH.", &r.Archive, report.FieldArchive, nil)
	}
	pf := buildPart(&p.st, r, part, 80, 0)
	if pf.form == nil {
		return true
	}
	if pf.preview != nil {
		label, text := pf.preview()
		p.printf("%s: %s\n", label, text)
	}
	for _, key := range pf.order {
		fi := pf.fields[key]
		switch {
		case key == report.FieldPeriod:
			per := p.askPeriod(r.Period)
			p.set(func() { r.Period = per })
			continue
		case key == report.FieldPeriod+".year" || fi.text == nil:
			continue
		}
		desc := plainDesc(fi.desc)
		if fi.suggest != nil {
			desc = strings.TrimSpace(desc + "\nGõ «+» để dùng lời văn gợi ý: " + strings.ReplaceAll(fi.suggest(), "\n", lineSep))
		}
		if !p.askValid(fi.title, desc, fi.text, key, func() string {
			pf.sync()
			if fi.parseErr != nil {
				return fi.parseErr()
			}
			return ""
		}) {
			return false
		}
		if fi.multiline && strings.TrimSpace(*fi.text) == "+" && fi.suggest != nil {
			s := fi.suggest()
			p.set(func() { *fi.text = s; pf.sync() })
		}
	}
	p.set(pf.sync)
	return true
}

// yes asks a yes/no question: c/y/có for yes, k/n/không for no, Enter for
// def.
func (p *plain) yes(question string, def bool) bool {
	for {
		a, ok := p.ask(question, "", "")
		if !ok {
			return def
		}
		switch strings.ToLower(strings.TrimSpace(a)) {
		case "":
			return def
		case "c", "y", "có", "co":
			return true
		case "k", "n", "không", "khong":
			return false
		}
		p.printf("Hãy gõ c (có) hoặc k (không).\n")
	}
}

// askValid asks for the field bound to dst until the answer has no error
// (from parse, when not nil, and from report.Check), or the official keeps
// it by pressing Enter: a draft with errors still saves. It prints the
// field's warnings. False when the input ended.
func (p *plain) askValid(title, desc string, dst *string, field string, parse func() string) bool {
	r := p.cur.r
	for {
		v, ok := p.ask(title, desc, *dst)
		if !ok {
			return false
		}
		kept := v == *dst
		v = splitLines(v)
		var errs, warns []string
		p.set(func() {
			*dst = v
			if parse != nil {
				if msg := parse(); msg != "" {
					errs = append(errs, msg)
				}
			}
			for _, pr := range report.Check(r, p.opt.Now().Year()).ForField(field) {
				if pr.Severity == report.Error {
					errs = append(errs, pr.String())
				} else {
					warns = append(warns, pr.String())
				}
			}
		})
		for _, m := range append(errs, warns...) {
			p.printf("%s\n", m)
		}
		if len(errs) == 0 || kept {
			return true
		}
		p.printf("Hãy nhập lại, hoặc Enter để giữ giá trị này và sửa sau.\n")
	}
}

// plainDesc drops from a field's hint what only the full screen offers
// (keys such as Ctrl+Y, text "ở trên").
func plainDesc(desc string) string {
	var keep []string
	for _, s := range strings.Split(desc, "; ") {
		if !strings.Contains(s, "Ctrl+") && !strings.Contains(s, "ở trên") {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, "; ")
}

// review prints the problems and offers the export.
func (p *plain) review(d *draft) {
	ps := report.Check(d.r, p.opt.Now().Year())
	if len(ps) == 0 {
		p.printf("\nKiểm tra: không có lỗi hay lưu ý nào.\n")
	} else {
		p.printf("\nKiểm tra:\n")
		for _, pr := range ps {
			p.printf("  - %s\n", pr.String())
		}
	}
	if ps.HasErrors() {
		p.printf("Cần sửa hết lỗi trước khi xuất PDF.\n")
		return
	}
	if len(ps) > 0 && !p.yes(fmt.Sprintf("Báo cáo còn %d lưu ý. Vẫn xuất PDF? (c: có · k: không)", len(ps)), false) {
		return
	}
	def := filepath.Join(p.store.Dir, export.FileName(d.r))
	path, ok := p.ask("Xuất PDF ra tệp (Enter để dùng đường dẫn này, q: không xuất)", "", def)
	if !ok || strings.TrimSpace(path) == "q" {
		return
	}
	err := export.WriteFile(path, d.r, export.Options{Date: p.opt.ExportDate}, false)
	if errors.Is(err, export.ErrExists) {
		if !p.yes("Tệp đã có. Ghi đè? (c: có · k: không)", false) {
			return
		}
		err = export.WriteFile(path, d.r, export.Options{Date: p.opt.ExportDate}, true)
	}
	if err != nil {
		p.printf("Lỗi: %v\n", err)
		return
	}
	p.printf("Đã xuất PDF: %s\n", path)
}
