package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// Store is a folder of drafts, one JSON file per report.
type Store struct {
	// Dir is the folder; it is created when needed.
	Dir string
}

// DefaultDir is where drafts live when no folder is given: "baocao" in the
// user's configuration folder (%AppData%\baocao on Windows,
// ~/.config/baocao on Linux).
// It fails with [ErrNoDefaultDir] when the system does not say where that
// is (no HOME, or no %AppData%).
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", ErrNoDefaultDir
	}
	return filepath.Join(base, "baocao"), nil
}

// ErrNoDefaultDir is returned by [DefaultDir] when the environment names no
// configuration folder; the folder must then be given (baocao --dir).
var ErrNoDefaultDir = errors.New("không xác định được thư mục lưu bản nháp mặc định: hệ thống không cho biết thư mục của người dùng (biến môi trường HOME, hoặc AppData trên Windows, chưa được đặt)")

// Entry is one draft of a [Store] as [Store.List] sees it.
type Entry struct {
	Path string
	// Name is the file's name as it can be shown: control characters in
	// it are made visible ([Printable]).
	Name string
	// Size is the file's size in bytes.
	Size int64
	// Report is the draft, or nil when it could not be read.
	Report *Report
	// Err says why the draft could not be read; see [LoadError].
	Err error
	// Saved is when the file was last written.
	Saved time.Time
	// Done and Total are the draft's [Report.Progress], counted when
	// listed.
	Done, Total int
}

// List returns the store's drafts, newest first. Unreadable drafts are
// listed with their error, never skipped, so the official sees them; a file
// too large to be a draft is listed with its size and not read. The
// temporary files of saves cut short long ago are removed on the way
// ([StaleTempAge]).
func (s *Store) List() ([]Entry, error) {
	des, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("không đọc được thư mục bản nháp %s: %w", Printable(s.Dir), explainOS(err))
	}
	now := time.Now()
	var out []Entry
	for _, de := range des {
		name := de.Name()
		if isSaveTemp(name) {
			removeStaleTemp(filepath.Join(s.Dir, name), de, now)
			continue
		}
		if de.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		e := Entry{Path: filepath.Join(s.Dir, name), Name: Printable(name)}
		if info, err := de.Info(); err == nil {
			e.Saved = info.ModTime()
			e.Size = info.Size()
		}
		out = append(out, e)
	}
	loadAll(out)
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Saved.Equal(out[j].Saved) {
			return out[i].Saved.After(out[j].Saved)
		}
		return out[i].Path < out[j].Path
	})
	return out, nil
}

// loadAll loads the drafts of es and counts their progress, a few at a
// time: one per processor.
func loadAll(es []Entry) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(es)) {
		wg.Go(func() {
			for i := range next {
				e := &es[i]
				if e.Report, e.Err = Load(e.Path); e.Err == nil {
					e.Done, e.Total = e.Report.Progress()
				}
			}
		})
	}
	for i := range es {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Create saves r as a new draft named by [FileName], adding "-2", "-3"… when
// that name is taken, and returns its path. The draft appears complete or
// not at all: it is written to a temporary file, synced, then given its
// name without replacing any file, so a crash or a kill never leaves an
// empty or partial draft behind.
func (s *Store) Create(r *Report) (string, error) {
	return s.create(r, false)
}

// ExistsError is returned by [Store.NextDraft] when the store already has a
// draft for the unit and period it would create.
type ExistsError struct {
	// Path is the existing draft.
	Path   string
	Period Period
}

func (e *ExistsError) Error() string {
	return "đã có bản nháp " + e.Period.Phrase() + " của đơn vị này: " + Printable(e.Path)
}

// create writes r under its file name; exact refuses to add a number and
// gives an [*ExistsError] instead.
func (s *Store) create(r *Report, exact bool) (string, error) {
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return "", fmt.Errorf("không tạo được thư mục bản nháp %s: %w", Printable(s.Dir), explainOS(err))
	}
	data, err := Marshal(r)
	if err != nil {
		return "", err
	}
	base := strings.TrimSuffix(FileName(r), ".json")
	tmp, err := writeTemp(s.Dir, base+".json", data, newDraftMode)
	if err != nil {
		return "", fmt.Errorf("không tạo được bản nháp %s: %w", Printable(base+".json"), err)
	}
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		path := filepath.Join(s.Dir, name+".json")
		err := linkNew(tmp, path)
		if errors.Is(err, fs.ErrExist) {
			if exact {
				os.Remove(tmp)
				return "", &ExistsError{Path: path, Period: r.Period}
			}
			continue
		}
		if err != nil {
			os.Remove(tmp)
			return "", fmt.Errorf("không tạo được bản nháp %s: %w", Printable(path), explainOS(err))
		}
		syncDir(s.Dir)
		return path, nil
	}
}

// Trash moves a draft, and its .bak, into the store's "trash" folder. Nothing
// is erased. A draft that a running baocao has open is not moved: that
// window would write it back ([*LockedError]). The draft is locked while
// it moves, by the same rule as [Lock].
func (s *Store) Trash(path string) error {
	l, err := Lock(path)
	var le *LockedError
	if errors.As(err, &le) {
		return err
	}
	defer l.Release() // nil when the folder allows no lock file: moving fails too, and says why
	dir := filepath.Join(s.Dir, "trash")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("không tạo được thư mục thùng rác %s: %w", Printable(dir), explainOS(err))
	}
	stamp := time.Now().Format("20060102-150405")
	base := strings.TrimSuffix(filepath.Base(path), ".json")
	dst := filepath.Join(dir, base+"-"+stamp+".json")
	if err := os.Rename(path, dst); err != nil {
		return fmt.Errorf("không chuyển được bản nháp vào thùng rác: %w", explainOS(err))
	}
	if _, err := os.Stat(path + ".bak"); err == nil {
		os.Rename(path+".bak", dst+".bak")
	}
	return nil
}

// NameTakenError is returned by [RenameDraft] when the name the draft
// should get belongs to another file, or to a draft open in another
// window: the draft keeps its name.
type NameTakenError struct {
	// Path is the name wanted; Taken is the file found there (the draft or
	// its .bak).
	Path, Taken string
	// Open is set when another baocao has a draft of that name open.
	Open bool
}

func (e *NameTakenError) Error() string {
	name := "«" + Printable(filepath.Base(e.Path)) + "»"
	switch {
	case e.Open:
		return "tên " + name + " đang được một cửa sổ baocao khác dùng"
	case e.Taken != e.Path:
		return "đã có tệp «" + Printable(filepath.Base(e.Taken)) + "» trong thư mục"
	}
	return "tên " + name + " đã là của một bản nháp khác"
}

// draftCompanions are the files kept beside a draft under its name, moved
// with it: its previous version and the editor's session (where the
// official was, see ui/session.go).
var draftCompanions = []string{".bak", ".session"}

// renameCrash, when set by a test, is asked after each step of
// [RenameDraft]; true stops it there as a crash would, leaving everything
// as it is, and the new name's lock is returned for the test to drop.
var renameCrash func(step string) bool

// RenameDraft gives the draft at path the name a new draft of r would get
// ([FileName]), in the same folder, with its .bak and .session. held is
// this process's lock on path (or nil: it is then taken for the move). It
// returns the draft's path and the lock to hold from then on: the new name
// and a lock on it once renamed (held is then released); path and held,
// with an error saying why, when it is not. A name that is taken — a file there, its .bak, or a
// draft of that name open in another window — is never replaced
// ([*NameTakenError]); nor is a draft that is a symbolic link renamed.
//
// The new name is locked first, so that no other window opens either name
// meanwhile. The draft is then moved without replacing anything (a hard
// link then removing the old name, or a move that does not replace), then
// its .bak and .session, and the old name's lock is released last. Cut
// short at any step, the draft is whole under one of the two names, or
// both, and nothing is lost: a .bak not yet moved stays beside the old
// name.
func RenameDraft(path string, r *Report, held *DraftLock) (string, *DraftLock, error) {
	dir := filepath.Dir(path)
	want := filepath.Join(dir, FileName(r))
	if strings.EqualFold(filepath.Base(path), filepath.Base(want)) {
		return path, held, nil
	}
	if info, err := os.Lstat(path); err != nil {
		return path, held, fmt.Errorf("không đổi được tên bản nháp: %w", explainOS(err))
	} else if info.Mode()&fs.ModeSymlink != 0 {
		return path, held, errors.New("bản nháp là một liên kết (symlink) nên không đổi tên")
	}
	mine := held
	if mine == nil {
		l, err := Lock(path)
		if err != nil {
			return path, held, err
		}
		mine = l
	}
	crashed := func(step string) bool { return renameCrash != nil && renameCrash(step) }
	fail := func(err error) (string, *DraftLock, error) {
		if mine != held {
			mine.Release()
		}
		return path, held, err
	}
	nl, err := Lock(want)
	var le *LockedError
	if errors.As(err, &le) {
		return fail(&NameTakenError{Path: want, Taken: want, Open: true})
	}
	if err != nil {
		return fail(err)
	}
	if crashed("locked") {
		return path, nl, errors.New("crash")
	}
	for _, name := range []string{want, want + ".bak"} {
		if _, err := os.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
			nl.Release()
			if err != nil {
				return fail(fmt.Errorf("không đổi được tên bản nháp: %w", explainOS(err)))
			}
			return fail(&NameTakenError{Path: want, Taken: name})
		}
	}
	if err := moveNew(path, want); err != nil {
		nl.Release()
		if errors.Is(err, fs.ErrExist) {
			return fail(&NameTakenError{Path: want, Taken: want})
		}
		return fail(fmt.Errorf("không đổi được tên bản nháp: %w", explainOS(err)))
	}
	syncDir(dir)
	if crashed("moved") {
		return want, nl, errors.New("crash")
	}
	// The draft has its new name: what follows cannot undo that. A
	// companion that cannot be moved stays where it is, whole.
	if _, err := os.Lstat(path + ".bak"); err == nil {
		moveNew(path+".bak", want+".bak")
	}
	if crashed("bak") {
		return want, nl, errors.New("crash")
	}
	if _, err := os.Lstat(path + ".session"); err == nil {
		os.Rename(path+".session", want+".session")
	} else {
		os.Remove(want + ".session") // a stray one, of a draft gone, would misplace this one
	}
	syncDir(dir)
	if crashed("session") {
		return want, nl, errors.New("crash")
	}
	mine.Release()
	return want, nl, nil
}

// RestoreBackup makes a new draft from the previous version (.bak) of the
// unreadable draft at path and returns the new draft's path. The unreadable
// file is then moved to the trash folder, kept as it is, so that it is not
// offered for restoring again.
func (s *Store) RestoreBackup(path string) (string, error) {
	r, err := Load(backupPath(path))
	if err != nil {
		return "", err
	}
	restored, err := s.Create(r)
	if err != nil {
		return "", err
	}
	if err := s.Trash(path); err != nil {
		return restored, fmt.Errorf("đã khôi phục thành %s nhưng chưa chuyển được tệp hỏng vào thùng rác: %w", filepath.Base(restored), err)
	}
	return restored, nil
}

// NextDraft creates the draft for the period after the one at path (see
// [Next]), taking "same period last year" values from the draft of a year
// earlier when the store has one ([FillLastYear]), and returns the new
// draft's path and the sentence saying where those values came from ("" when
// none were taken). When the store already has a draft of the same unit
// for that period — under the usual name or another — nothing is
// created: the [*ExistsError] names it, so that it can be offered instead.
func (s *Store) NextDraft(path string) (created, note string, err error) {
	r, err := Load(path)
	if err != nil {
		return "", "", err
	}
	next := r.Period.Following()
	entries, _ := s.List()
	for _, e := range entries {
		if e.Report != nil && e.Report.Period == next && SameUnit(e.Report, r) {
			return "", "", &ExistsError{Path: e.Path, Period: next}
		}
	}
	n := Next(r, nil)
	note = FillLastYear(n, LastYearIn(entries, n))
	if created, err = s.create(n, true); err != nil {
		return "", "", err
	}
	return created, note, nil
}

// SameUnit reports whether a and b are reports of the same kind by the
// same unit.
func SameUnit(a, b *Report) bool {
	return unitSlug(a) == unitSlug(b) && a.Kind().ID == b.Kind().ID
}

// Next returns the draft for the period after r's: the agency, signer,
// recipients, indicator names and text are kept as a starting point; the
// period moves on; number, date, the request answered and the overridden
// title, headings and sentences (which name the old period) are cleared;
// the texts kept are marked as carried over until changed (the part is not
// done and [Check] warns); "same period last year" comes from lastYear's
// values when lastYear is not nil.
func Next(r *Report, lastYear *Report) *Report {
	n := r.Clone()
	n.Period = r.Period.Following()
	n.Header.Number = ""
	n.Header.Date = Date{Year: n.Period.Year}
	if n.Period.Kind == Year {
		n.Header.Date.Year = n.Period.Year + 1
	}
	n.Request = Request{}
	n.TitleText, n.Opening, n.Closing = "", "", ""
	n.taken.title, n.taken.opening, n.taken.closing = "", "", ""
	for i := range n.Sections {
		s := &n.Sections[i]
		s.Heading, s.takenHeading = "", ""
		s.Carried = carry(s.Text)
		for j := range s.Items {
			s.Items[j].Carried = carry(s.Items[j].Text)
		}
	}
	for i := range n.Indicators {
		in := &n.Indicators[i]
		in.Value, in.LastYear, in.Note = "", "", ""
	}
	if lastYear != nil {
		fillLastYear(n, lastYear)
	}
	return n
}

// carry is the Carried mark of a text taken over to the next period.
func carry(text string) string {
	if text == "" {
		return ""
	}
	return fingerprint(text)
}

// Clone returns a deep copy of r.
func (r *Report) Clone() *Report {
	c := *r
	c.Header.Agency = append([]string(nil), r.Header.Agency...)
	c.Addressees = append([]string(nil), r.Addressees...)
	c.Recipients = append([]string(nil), r.Recipients...)
	c.Indicators = append([]Indicator(nil), r.Indicators...)
	c.Sections = make([]Section, len(r.Sections))
	for i, s := range r.Sections {
		s.Items = append([]Item(nil), s.Items...)
		c.Sections[i] = s
	}
	return &c
}

// FileName is the draft's file name from its unit and period:
// "duong-huu-2026-q1.json". Diacritics are folded and everything but
// a–z, 0–9 and "-" dropped, so no text can lead outside the folder or
// produce a name Windows refuses.
//
// A kind other than the default starts the name with its file prefix,
// "bc-cchc-duong-huu-2026-q1.json", so that reports of two kinds for the
// same unit and period never share a name.
func FileName(r *Report) string {
	name := unitSlug(r) + "-" + r.Period.Slug() + ".json"
	if k := r.Kind(); k.ID != DefaultKindID {
		name = Slug(k.FilePrefix, 40) + "-" + name
	}
	return name
}

// unitSlug names the unit in file names: the locality without its kind of
// unit ("xã", "phường"…), else the place name.
func unitSlug(r *Report) string {
	name := r.Locality()
	for _, p := range []string{"xã ", "phường ", "thị trấn ", "đặc khu ", "Xã ", "Phường ", "Thị trấn ", "Đặc khu "} {
		name = strings.TrimPrefix(name, p)
	}
	if s := Slug(name, 40); s != "" {
		return s
	}
	if s := Slug(r.Header.Place, 40); s != "" {
		return s
	}
	return "bao-cao"
}

// windowsReserved are names Windows will not create files under.
var windowsReserved = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}

// Slug folds s to lower-case ASCII words joined by "-", at most max bytes:
// "Dương Hưu" → "duong-huu". Names Windows reserves get "-x" appended.
func Slug(s string, max int) string {
	out := fold(s, max, true)
	if windowsReserved[out] || len(out) == 4 && (strings.HasPrefix(out, "com") || strings.HasPrefix(out, "lpt")) && out[3] >= '0' && out[3] <= '9' {
		out += "-x"
	}
	return out
}

// LoadError says why a draft could not be read. The file is left as it is.
type LoadError struct {
	Path string
	// Reason says what is wrong, in Vietnamese.
	Reason string
	// Backup is the path of the previous version (.bak) when it can be
	// read, else "".
	Backup string
	Err    error
}

func (e *LoadError) Error() string {
	if errors.Is(e.Err, ErrNotDraft) {
		return Printable(e.Path) + ": " + e.Reason
	}
	return "không đọc được bản nháp " + Printable(e.Path) + ": " + e.Reason
}

func (e *LoadError) Unwrap() error { return e.Err }

// MaxDraftSize bounds a draft file. A real draft is 10–100 KB: the sample
// is 12 KB, and a year's report with every part written at length stays
// under 200 KB. 4 MB is twenty times that and more — some two thousand
// printed pages — while a file that size still loads in about a tenth of a
// second with 12 MB of memory (BenchmarkLoadDraftNearTheLimit), which even
// the 32-bit Windows build affords. A larger file is not read at all: it
// is refused from its size.
const MaxDraftSize = 4 << 20

// Load reads a draft. A file that is missing, not a regular file, over
// [MaxDraftSize] (refused from its size, without reading it), not JSON, cut
// short or from a newer baocao gives a [*LoadError] naming the file and what
// is wrong, with the readable .bak if there is one.
func Load(path string) (*Report, error) {
	data, err := readDraft(path)
	if err != nil {
		reason := "không mở được tệp: " + Reason(err)
		var big *tooLargeError
		switch {
		case errors.As(err, &big):
			reason = big.Error()
		case errors.Is(err, errNotRegular):
			reason = err.Error()
		case errors.Is(err, fs.ErrNotExist):
			reason = "tệp không tồn tại"
		case errors.Is(err, fs.ErrPermission):
			reason = "không có quyền đọc tệp"
		}
		return nil, &LoadError{Path: path, Reason: reason, Err: err}
	}
	r, err := Parse(data)
	if err != nil {
		le := &LoadError{Path: path, Reason: err.Error(), Err: err}
		bak := backupPath(path)
		if data, rerr := readDraft(bak); rerr == nil {
			if _, berr := Parse(data); berr == nil {
				le.Backup = bak
			}
		}
		return nil, le
	}
	return r, nil
}

// backupPath is where the previous version of the draft at path is kept:
// beside the file itself, which is not path when path is a link.
func backupPath(path string) string { return resolve(path) + ".bak" }

// Parse reads a draft from its JSON bytes, normalises its text and brings
// an older format up to date. Its errors are Vietnamese sentences.
func Parse(data []byte) (*Report, error) {
	if len(data) > MaxDraftSize {
		return nil, &tooLargeError{size: int64(len(data))}
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, errors.New("tệp rỗng (có thể do mất điện khi đang lưu)")
	}
	// One pass reads a good draft; a bad one is read again, its version
	// alone first, so that a newer format is told as such before any
	// fault of its fields.
	r := &Report{}
	one := struct {
		Version *int `json:"version"`
		*Report
	}{Report: r}
	var probe struct {
		Version *int `json:"version"`
	}
	failed := json.Unmarshal(trimmed, &one) != nil
	if failed {
		if err := json.Unmarshal(trimmed, &probe); err != nil {
			return nil, jsonReason(trimmed, err)
		}
	} else {
		probe.Version = one.Version
	}
	if probe.Version == nil {
		return nil, fmt.Errorf("%w (thiếu số phiên bản định dạng)", ErrNotDraft)
	}
	if *probe.Version > FormatVersion {
		return nil, fmt.Errorf("bản nháp có định dạng phiên bản %d, mới hơn chương trình này (phiên bản %d): hãy cập nhật baocao", *probe.Version, FormatVersion)
	}
	if *probe.Version < 1 {
		return nil, fmt.Errorf("số phiên bản định dạng %d không hợp lệ", *probe.Version)
	}
	if failed {
		r = &Report{}
		if err := json.Unmarshal(trimmed, r); err != nil {
			return nil, jsonReason(trimmed, err)
		}
	}
	r.Version = FormatVersion
	if err := r.adoptKind(); err != nil {
		return nil, err
	}
	r.fillFromTemplate()
	r.Normalize()
	r.dropUneditedDerived()
	return r, nil
}

// fillFromTemplate adds the template's sections that a draft lacks, so every
// part can be filled in.
func (r *Report) fillFromTemplate() {
	k := r.Kind()
	for _, ts := range k.Sections {
		if r.Section(ts.ID) != nil {
			continue
		}
		s := Section{ID: ts.ID}
		for _, ti := range ts.Items {
			s.Items = append(s.Items, Item{Key: ti.Key, Title: ti.Title})
		}
		r.Sections = append(r.Sections, s)
	}
	order := map[string]int{}
	for i, ts := range k.Sections {
		order[ts.ID] = i
	}
	sort.SliceStable(r.Sections, func(i, j int) bool {
		oi, iok := order[r.Sections[i].ID]
		oj, jok := order[r.Sections[j].ID]
		if !iok || !jok {
			return iok && !jok
		}
		return oi < oj
	})
}

// jsonReason turns a JSON error into a sentence an official can act on.
func jsonReason(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && notDraft(data) != nil:
		return notDraft(data)
	case syn != nil && syn.Offset >= int64(len(data)):
		return errors.New("tệp bị cắt cụt, thiếu phần cuối (có thể do mất điện hoặc đầy ổ đĩa khi đang lưu)")
	case syn != nil:
		line := 1 + bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n"))
		return fmt.Errorf("tệp bị hỏng, không đúng định dạng JSON ở dòng %d", line)
	case errors.As(err, &typ) && typ.Field == "":
		return notObject
	case errors.As(err, &typ):
		line := 1 + bytes.Count(data[:min(int(typ.Offset), len(data))], []byte("\n"))
		return fmt.Errorf("trường «%s» ở dòng %d có kiểu dữ liệu sai", typ.Field, line)
	}
	return fmt.Errorf("tệp bị hỏng: %v", err)
}

// Marshal encodes r as a draft file: indented UTF-8 JSON with a final
// newline, its text normalised, and its derived sentences that were taken
// but never edited left out (see [Report.TakeDerived]). r itself is not
// changed. A draft over [MaxDraftSize] is refused, so that every draft
// saved can be loaded again.
func Marshal(r *Report) ([]byte, error) {
	c := r.Clone()
	c.Version = FormatVersion
	c.Normalize()
	c.dropUneditedDerived()
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("không mã hóa được bản nháp: %w", err)
	}
	if len(data) >= MaxDraftSize {
		return nil, fmt.Errorf("bản nháp quá lớn (%s, tối đa %s): hãy rút gọn nội dung đã dán vào", sizeText(int64(len(data))), sizeText(MaxDraftSize))
	}
	return append(data, '\n'), nil
}

// ErrCorruptTarget is returned by [Save] when the file it would replace
// exists but is not a readable draft: it is kept for the official to look at.
var ErrCorruptTarget = errors.New("tệp hiện có bị hỏng nên không ghi đè")

// Save writes r to path atomically: a temporary file in the same folder,
// synced, then renamed over the old one, whose content is kept as
// path+".bak". A file at path that is not a readable draft is never
// replaced ([ErrCorruptTarget]), nor is a draft marked read-only
// ([ErrReadOnlyDraft]). When path is a symbolic link, the file it
// points to is written and the link kept; the file keeps its permissions.
func Save(path string, r *Report) error {
	data, err := Marshal(r)
	if err != nil {
		return err
	}
	path = resolve(path)
	dir := filepath.Dir(path)
	mode := newDraftMode
	old, readErr := readDraft(path)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
		if ReadOnly(path) {
			return fmt.Errorf("không lưu được %s: %w", Printable(path), ErrReadOnlyDraft)
		}
		var big *tooLargeError
		switch {
		case readErr == nil:
		case errors.As(readErr, &big) || errors.Is(readErr, errNotRegular):
			return fmt.Errorf("không lưu được %s: %w (%v)", Printable(path), ErrCorruptTarget, readErr)
		default:
			return fmt.Errorf("không lưu được %s: %w", Printable(path), explainOS(readErr))
		}
	}
	if readErr == nil && len(bytes.TrimSpace(old)) > 0 {
		if _, err := Parse(old); err != nil {
			return fmt.Errorf("không lưu được %s: %w (%v)", Printable(path), ErrCorruptTarget, err)
		}
	}
	if readErr == nil && len(old) > 0 && !bytes.Equal(old, data) {
		if err := writeAtomic(dir, path+".bak", old, mode); err != nil {
			return err
		}
	}
	return writeAtomic(dir, path, data, mode)
}

// sameIndicator reports whether a and b are the same indicator: the same
// code, or, for rows without one, the same name.
func sameIndicator(a, b Indicator) bool {
	if a.Code != "" && b.Code != "" {
		return a.Code == b.Code
	}
	return strings.EqualFold(CleanLine(a.Name), CleanLine(b.Name))
}
