// Command baocao walks a commune official through the quarterly report on
// Resolution 57-NQ/TW, keeps the work as a local draft, and exports a PDF
// laid out to Decree 30/2020/NĐ-CP, and the same report as a Word file.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"baocao/export"
	"baocao/report"
	"baocao/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const usage = `baocao — báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW

Cách dùng:
  baocao [--dir THƯ_MỤC] [--plain]     mở trình soạn báo cáo
  baocao list [--dir THƯ_MỤC]          liệt kê các bản nháp
  baocao check TỆP.json                kiểm tra bản nháp, nêu mọi lỗi
  baocao sample [-o TỆP.json]          ghi bản nháp mẫu (xã Dương Hưu, quý I/2026)
  baocao next TỆP.json                 tạo bản nháp cho kỳ tiếp theo (nếu đã có thì chỉ ra)
  baocao export (TỆP.json | --sample) [-o TỆP] [--format pdf|docx|all] [--force]
                                       xuất báo cáo theo Nghị định 30/2020/NĐ-CP ra PDF (để
                                       trình ký) hoặc Word .docx (để chỉnh sửa): định dạng theo
                                       đuôi tên tệp -o (.pdf, .docx), hoặc theo --format khi
                                       không có -o (mặc định pdf; all: cả hai, tên mặc định)
  baocao version                       in phiên bản
  baocao help                          in hướng dẫn này

Tùy chọn:
  --dir THƯ_MỤC   thư mục chứa bản nháp (mặc định: %s)
  --plain         hỏi từng câu một, dành cho cửa sổ lệnh không vẽ được toàn màn hình
  -o TỆP          nơi ghi tệp; nếu là một thư mục có sẵn thì ghi vào đó với tên tự đặt
  --force         ghi đè tệp đã có

Ví dụ:
  baocao                                   soạn hoặc tiếp tục một báo cáo
  baocao sample -o mau.json                lấy bản nháp mẫu để thử
  baocao check mau.json                    xem bản nháp đã đủ để xuất chưa
  baocao export mau.json -o bao-cao.pdf    xuất PDF để trình ký
  baocao export mau.json --format all      xuất cả PDF và Word cạnh bản nháp

Mã thoát: 0 thành công; 1 bản nháp còn lỗi hoặc lệnh thất bại; 2 không đọc được tệp hoặc sai cú pháp lệnh.
`

// exitError carries an exit code other than 1.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// errHasErrors reports a draft that cannot be exported; its problems are
// already printed.
var errHasErrors = errors.New("bản nháp còn lỗi, cần sửa trước khi xuất")

// errUsage marks a command line that was not understood.
func errUsage(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "export" {
		// A command-line export makes one document and exits: the ≈ 25 MB
		// of short-lived garbage fpdf makes is freed at exit, and
		// collecting it on the way costs a quarter of the command's time.
		// The limit still collects for a report far larger than any real one.
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(256 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and maps errors to exit codes, in this one
// place.
func run(args []string, stdout, stderr io.Writer) int {
	err := dispatch(args, stdout, stderr)
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	code := 1
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	var le *report.LoadError
	if errors.As(err, &le) {
		code = 2
	}
	// Said in Vietnamese, whatever the error, control characters shown;
	// the explained error also tells a read-only disk, a full one…
	err = report.Explain(err)
	fmt.Fprintln(stderr, "baocao: lỗi:", err)
	if hint := hintFor(err); hint != "" {
		fmt.Fprintln(stderr, "baocao: gợi ý:", report.Printable(hint))
	}
	return code
}

// placeError marks an error of writing or reading a place the official
// chose with a flag ("-o", "--dir"), which the hint then names.
type placeError struct {
	flag string
	err  error
}

func (e *placeError) Error() string { return e.err.Error() }
func (e *placeError) Unwrap() error { return e.err }

func atPlace(flag string, err error) error {
	if err == nil {
		return nil
	}
	return &placeError{flag: flag, err: err}
}

// hintFor suggests what the official can do about err, an error passed
// through report.Explain.
func hintFor(err error) string {
	var le *report.LoadError
	var lk *report.LockedError
	var ex *report.ExistsError
	how := "" // how to choose another place, when the command has a flag for it
	var pe *placeError
	if errors.As(err, &pe) {
		how = " bằng " + pe.flag
	}
	switch {
	case errors.As(err, &le) && le.Backup != "":
		return "bản lưu trước đó vẫn đọc được: " + le.Backup + " (sao chép nó thành tệp .json để dùng lại)"
	case errors.As(err, &le):
		return "tệp hỏng được giữ nguyên để kiểm tra; không có bản .bak đọc được"
	case errors.As(err, &lk):
		return lk.Hint()
	case errors.As(err, &ex):
		return "mở bản nháp đó bằng baocao để làm tiếp; muốn làm lại từ đầu thì chuyển nó vào thùng rác trước (phím Del trong danh sách bản nháp)"
	case errors.Is(err, report.ErrNoDefaultDir):
		return "chỉ định thư mục lưu bản nháp bằng --dir, ví dụ: baocao --dir D:\\baocao (trên Windows) hoặc baocao --dir ~/baocao"
	case errors.Is(err, report.ErrReadOnly):
		return "ổ đĩa này chỉ cho phép đọc (đĩa CD, USB đã gạt khóa chống ghi, thư mục dùng chung chỉ đọc): hãy chọn" + how + " một nơi lưu trên ổ đĩa khác"
	case errors.Is(err, report.ErrDiskFull):
		return "xóa bớt tệp không cần để giải phóng ổ đĩa, hoặc chọn" + how + " một nơi lưu trên ổ đĩa khác"
	case errors.Is(err, report.ErrInUse):
		return "đóng tệp trong chương trình đang mở nó (ví dụ trình đọc PDF) rồi chạy lại lệnh"
	case errors.Is(err, fs.ErrNotExist) && pe != nil:
		return "tạo thư mục đó trước, hoặc chọn nơi khác" + how
	case errors.Is(err, fs.ErrPermission):
		return "hãy chọn" + how + " một nơi bạn có quyền ghi"
	case errors.Is(err, export.ErrExists):
		return "thêm --force để ghi đè, hoặc chọn tên khác bằng -o"
	case errors.Is(err, errHasErrors):
		return "mở bản nháp bằng baocao để sửa, rồi chạy lại lệnh"
	}
	var ee *exitError
	if errors.As(err, &ee) && ee.code == 2 && le == nil {
		return "chạy «baocao help» để xem cách dùng"
	}
	return ""
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && !isHelpFlag(args[0]) {
		return cmdWizard(args, stderr)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help", "-help", "trogiup":
		fmt.Fprintf(stdout, usage, defaultDirText())
		return nil
	case "version", "--version":
		fmt.Fprintln(stdout, "baocao", version)
		return nil
	case "list":
		return cmdList(rest, stdout, stderr)
	case "check":
		return cmdCheck(rest, stdout, stderr)
	case "sample":
		return cmdSample(rest, stdout, stderr)
	case "next":
		return cmdNext(rest, stdout, stderr)
	case "export":
		return cmdExport(rest, stdout, stderr)
	}
	return errUsage("không có lệnh «%s»", cmd)
}

func isHelpFlag(s string) bool { return s == "-h" || s == "--help" || s == "-help" }

func defaultDirText() string {
	dir, err := report.DefaultDir()
	if err != nil {
		return "thư mục cấu hình của người dùng"
	}
	return dir
}

// newFlags makes a flag set whose errors come back to us instead of
// exiting, and whose -h prints the Vietnamese usage.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses flags anywhere among the arguments (so "check x.json --dir d"
// works as well as "check --dir d x.json") and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage("%s: %s", fs.Name(), flagMessage(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagMessage translates the flag package's errors.
func flagMessage(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "không có tùy chọn " + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "tùy chọn " + strings.TrimPrefix(msg, "flag needs an argument: ") + " cần một giá trị"
	}
	return msg
}

func storeDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return report.DefaultDir()
}

func cmdWizard(args []string, stderr io.Writer) error {
	fs := newFlags("baocao")
	dir := fs.String("dir", "", "")
	plain := fs.Bool("plain", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage("không có lệnh «%s»", pos[0])
	}
	d, err := storeDir(*dir)
	if err != nil {
		return err
	}
	return atPlace("--dir", ui.Run(ui.Options{Dir: d, Plain: *plain}))
}

func cmdList(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("list")
	dir := fs.String("dir", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage("list: không nhận tham số «%s»", pos[0])
	}
	d, err := storeDir(*dir)
	if err != nil {
		return err
	}
	entries, err := (&report.Store{Dir: d}).List()
	if err != nil {
		return atPlace("--dir", err)
	}
	if len(entries) == 0 {
		fmt.Fprintf(stdout, "Chưa có bản nháp nào trong %s.\n", report.Printable(d))
		return nil
	}
	fmt.Fprintf(stdout, "Bản nháp trong %s:\n", report.Printable(d))
	for _, e := range entries {
		// Names and reasons come from the disk: e.Name and Reason are
		// printable.
		if e.Err != nil {
			fmt.Fprintf(stdout, "  %-32s  (không đọc được) %s\n", e.Name, report.Reason(e.Err))
			continue
		}
		done, total := e.Report.Progress()
		unit := e.Report.Header.ShortName
		if unit == "" {
			unit = "(chưa có tên đơn vị)"
		}
		fmt.Fprintf(stdout, "  %-32s  %-24s %-12s %2d/%d phần  lưu lúc %s\n",
			e.Name, unit, e.Report.Period.Label(), done, total, e.Saved.Format("15:04 02/01/2006"))
	}
	return nil
}

// onePath parses a command that takes exactly one draft file.
func onePath(name string, fs *flag.FlagSet, args []string) (string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", errUsage("%s: cần đúng một tệp bản nháp .json", name)
	}
	return pos[0], nil
}

func cmdCheck(args []string, stdout, stderr io.Writer) error {
	path, err := onePath("check", newFlags("check"), args)
	if err != nil {
		return err
	}
	r, err := report.Load(path)
	if err != nil {
		return err
	}
	ps := report.Check(r, time.Now().Year())
	printProblems(stdout, r, ps)
	if ps.HasErrors() {
		return errHasErrors
	}
	if len(ps) == 0 {
		fmt.Fprintf(stdout, "%s: bản nháp đầy đủ, có thể xuất PDF và Word.\n", report.Printable(path))
	} else {
		fmt.Fprintf(stdout, "%s: không có lỗi, có thể xuất PDF và Word (còn %d lưu ý).\n", report.Printable(path), len(ps))
	}
	return nil
}

// printProblems lists the problems under the names the wizard's sidebar
// gives the parts: "[Thông tin chung] lỗi: …".
func printProblems(w io.Writer, r *report.Report, ps report.Problems) {
	names := map[string]string{}
	for _, p := range r.Parts() {
		names[p.ID] = p.Title
	}
	for _, p := range ps {
		name := names[p.Part]
		if name == "" {
			name = p.Part
		}
		fmt.Fprintf(w, "  [%s] %s\n", report.Printable(name), report.Printable(p.String()))
	}
}

func cmdSample(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sample")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage("sample: không nhận tham số «%s» (dùng -o để chọn tên tệp)", pos[0])
	}
	r := report.Sample()
	path := intoDir(*out, report.FileName(r))
	if _, err := os.Stat(path); err == nil && !*force {
		return fmt.Errorf("tệp %s đã có, không ghi đè (thêm --force để ghi đè)", path)
	}
	if err := report.Save(path, r); err != nil {
		return atPlace("-o", err)
	}
	fmt.Fprintln(stdout, report.Printable(path))
	return nil
}

// intoDir is where a command writes: out, or the file name in out when out
// is a folder, or the file name alone when out is empty.
func intoDir(out, name string) string {
	if out == "" {
		return name
	}
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		return filepath.Join(out, name)
	}
	return out
}

func cmdNext(args []string, stdout, stderr io.Writer) error {
	path, err := onePath("next", newFlags("next"), args)
	if err != nil {
		return err
	}
	next, err := (&report.Store{Dir: filepath.Dir(path)}).NextDraft(path)
	if err != nil {
		return err // an *report.ExistsError names the draft that is there
	}
	fmt.Fprintln(stdout, report.Printable(next))
	return nil
}

func cmdExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export")
	out := fs.String("o", "", "")
	format := fs.String("format", "", "")
	force := fs.Bool("force", false, "")
	sample := fs.Bool("sample", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	var r *report.Report
	switch {
	case *sample && len(pos) == 0:
		r = report.Sample()
	case !*sample && len(pos) == 1:
		if r, err = report.Load(pos[0]); err != nil {
			return err
		}
	default:
		return errUsage("export: cần một tệp bản nháp .json, hoặc --sample")
	}

	// What to write: -o names one file, its extension the format;
	// without -o, or with -o naming a folder, --format picks pdf (the
	// default), docx or both, under the default names beside the draft or
	// in that folder.
	type target struct {
		path  string
		write func(string, *report.Report, export.Options, bool) error
	}
	pdf := func(path string) target { return target{path, export.WriteFile} }
	docx := func(path string) target { return target{path, export.WriteDocxFile} }
	var targets []target
	f := strings.ToLower(strings.TrimSpace(*format))
	file, dir := *out, ""
	if len(pos) == 1 {
		dir = filepath.Dir(pos[0])
	}
	if info, err := os.Stat(*out); *out != "" && err == nil && info.IsDir() {
		file, dir = "", *out // -o names a folder: the default names, in it
	}
	if file != "" {
		ext := strings.ToLower(filepath.Ext(*out))
		switch {
		case ext == ".pdf" && (f == "" || f == "pdf"):
			targets = append(targets, pdf(*out))
		case ext == ".docx" && (f == "" || f == "docx"):
			targets = append(targets, docx(*out))
		case ext != ".pdf" && ext != ".docx":
			return errUsage("export: không biết xuất «%s» ra định dạng nào: tên tệp sau -o phải có đuôi .pdf (để trình ký) hoặc .docx (Word, để chỉnh sửa), ví dụ -o bao-cao.docx", *out)
		default:
			return errUsage("export: -o %s không khớp với --format %s: bỏ --format, định dạng sẽ theo đuôi tên tệp", *out, *format)
		}
	} else {
		pdfPath, docxPath := filepath.Join(dir, export.FileName(r)), filepath.Join(dir, export.DocxFileName(r))
		switch f {
		case "", "pdf":
			targets = append(targets, pdf(pdfPath))
		case "docx", "word":
			targets = append(targets, docx(docxPath))
		case "all", "both":
			targets = append(targets, pdf(pdfPath), docx(docxPath))
		default:
			return errUsage("export: không có định dạng «%s»: dùng --format pdf, docx hoặc all (cả hai)", *format)
		}
	}

	ps := report.Check(r, time.Now().Year())
	printProblems(stderr, r, ps)
	if ps.HasErrors() {
		return errHasErrors
	}
	if !*force { // refuse before writing anything, not halfway
		for _, t := range targets {
			if _, err := os.Lstat(t.path); err == nil {
				return fmt.Errorf("xuất ra %s: %w", t.path, export.ErrExists)
			}
		}
	}
	for _, t := range targets {
		if err := t.write(t.path, r, export.Options{}, *force); err != nil {
			return atPlace("-o", err)
		}
		fmt.Fprintln(stdout, report.Printable(t.path))
	}
	return nil
}
