package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"baocao/export"
	"baocao/report"
)

// loadKinds reads the report kinds a command can use: the built-in ones,
// the drafts folder's mau/ folder, then templates when given. A
// --templates folder that does not exist is an error; a missing mau/ is
// not.
func loadKinds(dir, templates string) (*report.Kinds, error) {
	dirs := []string{filepath.Join(dir, report.TemplateDir)}
	if templates != "" {
		info, err := os.Stat(templates)
		if err != nil || !info.IsDir() {
			return nil, &exitError{code: 2, err: fmt.Errorf("thư mục mẫu «%s» không tồn tại", report.Printable(templates))}
		}
		dirs = append(dirs, templates)
	}
	return report.LoadKinds(dirs...), nil
}

// kindFlags adds --dir and --templates to fs; once fs is parsed, load
// gives the drafts folder and the report kinds to choose from.
func kindFlags(fs *flag.FlagSet) (load func() (dir string, ks *report.Kinds, err error)) {
	dir := fs.String("dir", "", "")
	templates := fs.String("templates", "", "")
	return func() (string, *report.Kinds, error) {
		d, err := storeDir(*dir)
		if err != nil {
			return "", nil, err
		}
		ks, err := loadKinds(d, *templates)
		return d, ks, err
	}
}

// periodNames lists a kind's periods in words: "quý, 6 tháng, năm".
func periodNames(k *report.Kind) string {
	var out []string
	for _, p := range k.Periods {
		out = append(out, p.Name())
	}
	return strings.Join(out, ", ")
}

func cmdKinds(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "import" {
		return cmdKindsImport(args[1:], stdout)
	}
	fs := newFlags("kinds")
	load := kindFlags(fs)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage("kinds: không có lệnh «%s» (dùng: baocao kinds, hoặc baocao kinds import TỆP)", pos[0])
	}
	_, ks, err := load()
	if err != nil {
		return err
	}
	for _, f := range ks.Files {
		where := "có sẵn trong chương trình"
		if f.Path != "" {
			where = report.Printable(f.Path)
		}
		switch {
		case f.Err != nil:
			fmt.Fprintf(stdout, "✗ %s\n    không dùng được:\n", where)
			for _, line := range strings.Split(f.Err.Error(), "\n") {
				fmt.Fprintf(stdout, "    %s\n", report.Printable(strings.TrimPrefix(line, f.Path+", ")))
			}
		case f.ShadowedBy != "":
			fmt.Fprintf(stdout, "- %s  %s\n    %s; không dùng vì %s cùng mã\n", f.Kind.ID, f.Kind.Name, where, report.Printable(f.ShadowedBy))
		default:
			fmt.Fprintf(stdout, "● %s  %s\n    kỳ: %s; %s\n", f.Kind.ID, f.Kind.Name, periodNames(f.Kind), where)
		}
	}
	return nil
}

func cmdKindsImport(args []string, stdout io.Writer) error {
	fs := newFlags("kinds import")
	dir := fs.String("dir", "", "")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage("kinds import: cần đúng một tệp đề cương hoặc báo cáo (.docx hoặc .txt), ví dụ: baocao kinds import de-cuong.docx")
	}
	in := pos[0]
	paras, err := readOutline(in)
	if err != nil {
		return err
	}
	path := *out
	if path == "" {
		d, err := storeDir(*dir)
		if err != nil {
			return err
		}
		name := report.Slug(strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)), 40)
		if name == "" {
			name = "mau-moi"
		}
		path = filepath.Join(d, report.TemplateDir, name+".yaml")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return atPlace("--dir", err)
		}
	} else if !strings.EqualFold(filepath.Ext(path), ".yaml") {
		return errUsage("kinds import: tệp mẫu phải có đuôi .yaml, ví dụ -o mau/cchc-quy.yaml")
	} else if err := export.CheckFolder(path); err != nil {
		return noFolder("-o", err)
	}
	id := report.Slug(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), 40)
	data, err := report.ImportOutline(id, paras)
	if err != nil {
		return &exitError{code: 1, err: fmt.Errorf("%s: %w", report.Printable(in), err)}
	}
	if _, err := os.Stat(path); err == nil && !*force {
		return fmt.Errorf("tệp %s đã có, không ghi đè (thêm --force để ghi đè)", report.Printable(path))
	}
	if err := report.ReplaceFile(path, data, 0o644); err != nil {
		return atPlace("-o", err)
	}
	fmt.Fprintf(stdout, "Đã ghi mẫu «%s» vào %s. Hãy đọc lại tệp (tên, kỳ, lời nhắc, lời văn gợi ý) rồi chạy «baocao kinds» để kiểm tra.\n", id, report.Printable(path))
	return nil
}

// readOutline reads the paragraphs of an outline: a Word file, or plain
// UTF-8 text, one paragraph a line.
func readOutline(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, &exitError{code: 2, err: err}
	}
	if info.IsDir() {
		return nil, &exitError{code: 2, err: fmt.Errorf("%s là một thư mục, không phải tệp đề cương", report.Printable(path))}
	}
	const maxOutline = 16 << 20
	if info.Size() > maxOutline {
		return nil, &exitError{code: 2, err: fmt.Errorf("%s quá lớn để là một đề cương (%d MB)", report.Printable(path), info.Size()>>20)}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx":
		paras, err := export.DocxParagraphs(f, info.Size())
		if errors.Is(err, export.ErrNotDocx) {
			return nil, &exitError{code: 2, err: fmt.Errorf("%s: %w", report.Printable(path), err)}
		}
		return paras, err
	case ".txt", ".md", "":
		data, err := io.ReadAll(f)
		if err != nil {
			return nil, err
		}
		text := strings.ReplaceAll(string(data), "\r\n", "\n")
		return strings.Split(strings.TrimPrefix(text, "\ufeff"), "\n"), nil
	}
	return nil, &exitError{code: 2, err: fmt.Errorf("%s: chỉ nhập được đề cương dạng Word .docx hoặc văn bản .txt (với tệp .doc, hãy mở bằng Word rồi lưu thành .docx)", report.Printable(path))}
}

func cmdNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new")
	load := kindFlags(fs)
	kind := fs.String("kind", report.DefaultKindID, "")
	unit := fs.String("unit", "", "")
	period := fs.String("period", "", "")
	out := fs.String("o", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage("new: không nhận tham số «%s»", pos[0])
	}
	if strings.TrimSpace(*unit) == "" || *period == "" {
		return errUsage(`new: cần --unit và --period, ví dụ: baocao new --unit "xã Tân Chi" --period 2026-Q2`)
	}
	p, err := report.ParsePeriod(*period)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	d, ks, err := load()
	if err != nil {
		return err
	}
	k := ks.Get(*kind)
	if k == nil {
		return &exitError{code: 2, err: fmt.Errorf("không có loại báo cáo «%s»; «baocao kinds» liệt kê các loại có", report.Printable(*kind))}
	}
	if !k.WrittenFor(p.Kind) {
		return &exitError{code: 2, err: fmt.Errorf("%s không làm theo %s; loại này làm theo: %s", k.Name, p.Kind.Name(), periodNames(k))}
	}
	r := report.NewReport(k, p)
	r.SetUnit(*unit)
	r.Header.Date = report.Date{Year: p.Year}
	if p.Kind == report.Year {
		r.Header.Date.Year = p.Year + 1
	}
	var path, note string
	if *out != "" {
		path, err = outPath(*out, report.FileName(r))
		if err != nil {
			return err
		}
		if !strings.EqualFold(filepath.Ext(path), ".json") {
			return errUsage("new: bản nháp là tệp .json: hãy đặt tên có đuôi .json")
		}
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("tệp %s đã có, không ghi đè", report.Printable(path))
		}
		note = fillLastYear(filepath.Dir(path), r)
		err = report.Save(path, r)
	} else {
		note = fillLastYear(d, r)
		path, err = (&report.Store{Dir: d}).Create(r)
	}
	if err != nil {
		return atPlace("-o", err)
	}
	fmt.Fprintln(stdout, report.Printable(path))
	sayNote(stderr, note)
	return nil
}

// fillLastYear fills the new report r's «Cùng kỳ năm trước» from last
// year's draft of its unit in the folder dir, and returns the sentence
// that says so, or "".
func fillLastYear(dir string, r *report.Report) string {
	last, _ := (&report.Store{Dir: dir}).LastYear(r)
	return report.FillLastYear(r, last)
}

// sayNote writes a line telling what a command did besides its output
// (stdout keeps only the path, for scripts), if there is one.
func sayNote(stderr io.Writer, note string) {
	if note != "" {
		fmt.Fprintln(stderr, "baocao:", report.Printable(note))
	}
}
