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

const usage = `baocao — soạn báo cáo định kỳ của UBND xã, phường (có sẵn báo cáo
Nghị quyết số 57-NQ/TW; loại báo cáo khác thêm bằng tệp mẫu)

Cách dùng:
  baocao [--dir THƯ_MỤC] [--plain]     mở trình soạn báo cáo
  baocao new --unit "xã Tân Chi" --period 2026-Q2 [--kind MÃ] [-o TỆP.json]
                                       tạo bản nháp mới không qua giao diện; kỳ viết
                                       2026-Q2 (quý), 2026-H1 (6 tháng) hoặc 2026 (năm)
  baocao kinds                         liệt kê các loại báo cáo (mẫu) và lỗi của tệp mẫu
  baocao kinds import TỆP.docx|TỆP.txt [-o mau/MÃ.yaml]
                                       nhập đề cương của Sở (hoặc một báo cáo cũ) thành
                                       tệp mẫu trong thư mục mau của thư mục bản nháp
  baocao list [--dir THƯ_MỤC]          liệt kê các bản nháp
  baocao check TỆP.json                kiểm tra bản nháp, nêu mọi lỗi
  baocao sample [-o TỆP.json]          ghi bản nháp mẫu (xã Dương Hưu, quý I/2026)
  baocao next TỆP.json                 tạo bản nháp cho kỳ tiếp theo (nếu đã có thì chỉ ra)
  baocao export (TỆP.json | --sample) [-o TỆP] [--format pdf|docx|xlsx|all] [--force]
                                       xuất báo cáo theo Nghị định 30/2020/NĐ-CP ra PDF (để
                                       trình ký), Word .docx (để chỉnh sửa) hoặc bảng chỉ tiêu
                                       Excel .xlsx: định dạng theo đuôi tên tệp -o (.pdf, .docx,
                                       .xlsx), hoặc theo --format khi không có -o (mặc định pdf;
                                       all: cả ba, tên mặc định)
  baocao tonghop [TỆP|THƯ_MỤC…] [-o TỆP.xlsx] [--kind MÃ] [--period 2026-Q2] [--force]
                                       tổng hợp số liệu chỉ tiêu của nhiều đơn vị vào một tệp
                                       Excel: đọc bản nháp .json, PDF và phụ lục .xlsx do baocao
                                       xuất (mặc định: thư mục bản nháp); mỗi đơn vị một dòng,
                                       trang «Nguồn» kê mọi tệp, trang «Vấn đề» kê chỗ không khớp
  baocao version                       in phiên bản
  baocao help                          in hướng dẫn này

Tùy chọn:
  --dir THƯ_MỤC   thư mục chứa bản nháp (mặc định: %s)
  --plain         hỏi từng câu một, dành cho cửa sổ lệnh không vẽ được toàn màn hình
  --templates THƯ_MỤC
                  thêm các tệp mẫu *.yaml trong thư mục này (ngoài thư mục mau
                  trong thư mục bản nháp)
  -o TỆP          nơi ghi tệp; nếu là một thư mục có sẵn thì ghi vào đó với tên tự đặt;
                  thư mục chưa có thì không tự tạo
  --force         ghi đè tệp đã có

Ví dụ:
  baocao                                   soạn hoặc tiếp tục một báo cáo
  baocao sample -o mau.json                lấy bản nháp mẫu để thử
  baocao check mau.json                    xem bản nháp đã đủ để xuất chưa
  baocao export mau.json -o bao-cao.pdf    xuất PDF để trình ký
  baocao export mau.json --format all      xuất cả PDF, Word và Excel cạnh bản nháp

Mã thoát: 0 thành công; 1 bản nháp còn lỗi hoặc lệnh thất bại; 2 không đọc được
tệp, sai cú pháp lệnh, thư mục -o hoặc list --dir không tồn tại, hoặc không có
cửa sổ lệnh để mở toàn màn hình (khi đó dùng --plain).
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

// noFolder is the error of a folder named with flag that does not exist,
// a *export.FolderError: nothing is written, and the command line is to
// be corrected (exit code 2).
func noFolder(flag string, err error) error {
	return &exitError{code: 2, err: atPlace(flag, err)}
}

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
	case errors.Is(err, ui.ErrNoTerminal):
		return "chạy «baocao --plain» để trả lời từng câu hỏi một, không cần vẽ toàn màn hình"
	case errors.As(err, &le) && errors.Is(err, fs.ErrNotExist):
		return "kiểm tra lại tên tệp và thư mục; «baocao list» liệt kê các bản nháp"
	case errors.As(err, &le) && errors.Is(err, report.ErrNotDraft):
		return "chỉ ra một tệp bản nháp .json, ví dụ một tệp trong danh sách của «baocao list»"
	case errors.As(err, &le) && le.Backup != "":
		return "bản lưu trước đó vẫn đọc được: " + le.Backup + " (sao chép nó thành tệp .json để dùng lại)"
	case errors.As(err, &le) && errors.Is(err, fs.ErrPermission):
		return "nhờ người quản lý máy tính cấp quyền đọc tệp này"
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
	case errors.Is(err, fs.ErrNotExist) && pe != nil && pe.flag == "--dir":
		return "kiểm tra lại tên thư mục sau --dir; bỏ --dir để dùng thư mục bản nháp mặc định"
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
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && !isHelpFlag(args[0]) && !isVersionFlag(args[0]) {
		return cmdWizard(args, stderr)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help", "-help", "trogiup":
		fmt.Fprintf(stdout, usage, defaultDirText())
		return nil
	case "version", "--version", "-version":
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
	case "new":
		return cmdNew(rest, stdout, stderr)
	case "kinds":
		return cmdKinds(rest, stdout, stderr)
	case "tonghop":
		return cmdTonghop(rest, stdout, stderr)
	}
	return errUsage("không có lệnh «%s»", cmd)
}

func isHelpFlag(s string) bool { return s == "-h" || s == "--help" || s == "-help" }

func isVersionFlag(s string) bool { return s == "--version" || s == "-version" }

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
			if fs.Name() == "" { // the editor: "baocao: lỗi: " says whose
				return nil, errUsage("%s", flagMessage(err, args))
			}
			return nil, errUsage("%s: %s", fs.Name(), flagMessage(err, args))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagMessage translates the flag package's errors about args, naming
// each flag as the official typed it: the package says "-dir" for
// "--dir".
func flagMessage(err error, args []string) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "không có tùy chọn " + typedFlag(name, args)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "tùy chọn " + typedFlag(name, args) + " cần một giá trị"
	}
	if name, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return "không hiểu tùy chọn «" + name + "»"
	}
	// "invalid value "x" for flag -o: …", "invalid boolean value "x" for -force: …"
	if _, rest, ok := strings.Cut(msg, " for "); ok && strings.HasPrefix(msg, "invalid ") {
		name, _, _ := strings.Cut(strings.TrimPrefix(rest, "flag "), ":")
		return "giá trị của tùy chọn " + typedFlag(strings.TrimPrefix(name, "-"), args) + " không hợp lệ"
	}
	return msg
}

// typedFlag is flag name as it stands in args: "--dir", "-dir".
func typedFlag(name string, args []string) string {
	for _, a := range args {
		n, _, _ := strings.Cut(a, "=")
		if strings.HasPrefix(n, "-") && strings.TrimLeft(n, "-") == name {
			return n
		}
	}
	return "--" + name
}

func storeDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return report.DefaultDir()
}

func cmdWizard(args []string, stderr io.Writer) error {
	fs := newFlags("")
	load := kindFlags(fs)
	plain := fs.Bool("plain", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage("không có lệnh «%s»", pos[0])
	}
	d, ks, err := load()
	if err != nil {
		return err
	}
	err = ui.Run(ui.Options{Dir: d, Plain: *plain, Kinds: ks})
	if errors.Is(err, ui.ErrNoTerminal) {
		return &exitError{code: 2, err: err} // to be run with --plain
	}
	return atPlace("--dir", err)
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
	// The default folder is made with the first draft; a folder named
	// with --dir that is not there is a mistake to point out.
	if _, err := os.Stat(d); *dir != "" && errors.Is(err, os.ErrNotExist) {
		return noFolder("--dir", &export.FolderError{Dir: d, Err: err})
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
		done, total := e.Done, e.Total
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
	// «Cùng kỳ năm trước» is compared with last year's draft in the same
	// folder; a folder that cannot be listed only leaves that out.
	last, _ := (&report.Store{Dir: filepath.Dir(path)}).LastYear(r)
	ps := report.CheckAgainst(r, time.Now().Year(), last)
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
// gives the parts: "[Thông tin chung] lỗi: …". A message that begins with
// the numbered title of its part ("I.1. Công tác …") says "Phần này"
// instead, so that the title is said once.
func printProblems(w io.Writer, r *report.Report, ps report.Problems) {
	names := map[string]string{}
	numbered := map[string]bool{}
	for _, p := range r.Parts() {
		names[p.ID] = p.Title
		numbered[p.ID] = p.Section >= 0
	}
	for _, p := range ps {
		name := names[p.Part]
		if name == "" {
			name = p.Part
		}
		if rest, ok := strings.CutPrefix(p.Message, name+" "); ok && numbered[p.Part] {
			p.Message = "Phần này " + rest
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
	path, err := outPath(*out, report.FileName(r))
	if err != nil {
		return err
	}
	if ext := filepath.Ext(path); !strings.EqualFold(ext, ".json") {
		return errUsage("sample: bản nháp là tệp .json, không ghi được dưới tên «%s»: hãy đặt tên có đuôi .json, ví dụ -o %s", *out, strings.TrimSuffix(filepath.Base(path), ext)+".json")
	}
	if _, err := os.Stat(path); err == nil && !*force {
		return fmt.Errorf("tệp %s đã có, không ghi đè (thêm --force để ghi đè)", path)
	}
	if err := report.Save(path, r); err != nil {
		return atPlace("-o", err)
	}
	fmt.Fprintln(stdout, report.Printable(path))
	return nil
}

// outPath is where a command writes: out, or the file name in out when out
// is a folder, or the file name alone when out is empty. A folder that
// does not exist, be it out itself (written "khongco/") or the one out
// would be in, is a *export.FolderError (exit code 2): it is not made.
func outPath(out, name string) (string, error) {
	if out == "" {
		return name, nil
	}
	folder, err := isFolder(out)
	switch {
	case err != nil:
		return "", err
	case folder:
		return filepath.Join(out, name), nil
	}
	return out, nil
}

// isFolder reports whether out, given with -o, is a folder, or fails as
// [outPath] does when that folder, or the one out would be in, is not
// there.
func isFolder(out string) (bool, error) {
	info, err := os.Stat(out)
	switch {
	case err == nil && info.IsDir():
		return true, nil
	case isDirName(out) && errors.Is(err, os.ErrNotExist):
		return false, noFolder("-o", &export.FolderError{Dir: filepath.Clean(out), Err: err})
	}
	if err := export.CheckFolder(out); err != nil {
		return false, noFolder("-o", err)
	}
	return false, nil
}

// isDirName reports whether path is written as a folder: "khongco/".
func isDirName(path string) bool {
	return strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator))
}

func cmdNext(args []string, stdout, stderr io.Writer) error {
	path, err := onePath("next", newFlags("next"), args)
	if err != nil {
		return err
	}
	next, note, err := (&report.Store{Dir: filepath.Dir(path)}).NextDraft(path)
	if err != nil {
		return err // an *report.ExistsError names the draft that is there
	}
	fmt.Fprintln(stdout, report.Printable(next))
	sayNote(stderr, note)
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
	// without -o, or with -o naming a folder, --format picks one of
	// export.Formats (the first, the PDF, by default) or all of them,
	// under the default names beside the draft or in that folder.
	type target struct {
		path   string
		format export.Format
	}
	var targets []target
	f := strings.ToLower(strings.TrimSpace(*format))
	file, dir := *out, ""
	if len(pos) == 1 {
		dir = filepath.Dir(pos[0])
	}
	if *out != "" {
		folder, err := isFolder(*out)
		if err != nil {
			return err // a folder that is not there
		}
		if folder {
			file, dir = "", *out // -o names a folder: the default names, in it
		}
	}
	formats := export.Formats()
	if file != "" {
		of, ok := export.FormatOf(*out)
		named, _ := export.FormatNamed(f)
		switch {
		case !ok:
			return errUsage("export: không biết xuất «%s» ra định dạng nào: tên tệp sau -o phải có đuôi %s, ví dụ -o bao-cao.docx", *out, extensions(formats))
		case f != "" && named.Name != of.Name:
			return errUsage("export: -o %s không khớp với --format %s: bỏ --format, định dạng sẽ theo đuôi tên tệp", *out, *format)
		}
		targets = append(targets, target{*out, of})
	} else {
		named, ok := export.FormatNamed(f)
		switch {
		case f == "":
			targets = append(targets, target{filepath.Join(dir, formats[0].FileName(r)), formats[0]})
		case ok:
			targets = append(targets, target{filepath.Join(dir, named.FileName(r)), named})
		case f == "all" || f == "both":
			for _, ff := range formats {
				targets = append(targets, target{filepath.Join(dir, ff.FileName(r)), ff})
			}
		default:
			var names []string
			for _, ff := range formats {
				names = append(names, ff.Name)
			}
			return errUsage("export: không có định dạng «%s»: dùng --format %s hoặc all (tất cả)", *format, strings.Join(names, ", "))
		}
	}

	var last *report.Entry
	if len(pos) == 1 {
		last, _ = (&report.Store{Dir: filepath.Dir(pos[0])}).LastYear(r)
	}
	ps := report.CheckAgainst(r, time.Now().Year(), last)
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
		if err := t.format.Write(t.path, r, export.Options{}, *force); err != nil {
			return atPlace("-o", err)
		}
		fmt.Fprintln(stdout, report.Printable(t.path))
	}
	return nil
}

// extensions lists the formats' extensions for a message, each with the
// kind of file: ".pdf (PDF), .docx (Word) hoặc .xlsx (Excel)".
func extensions(formats []export.Format) string {
	var exts []string
	for _, f := range formats {
		exts = append(exts, f.Ext+" ("+f.Kind+")")
	}
	if len(exts) < 2 {
		return strings.Join(exts, "")
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " hoặc " + exts[len(exts)-1]
}
