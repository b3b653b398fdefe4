package report

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.json from Sample()")

func TestSampleDraftFile(t *testing.T) {
	data, err := Marshal(Sample())
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		os.WriteFile("testdata/sample.json", data, 0o644)
	}
	want, err := os.ReadFile("testdata/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("the sample draft differs from testdata/sample.json (run go test ./report -update after checking the change)")
	}
	if !strings.Contains(string(data), "\n  \"version\": 1,\n") || !strings.Contains(string(data), "Dương Hưu") {
		t.Errorf("draft is not indented UTF-8 JSON with a version:\n%.200s", data)
	}
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	for _, r := range []*Report{Sample(), New(Period{Year, 0, 2026})} {
		if err := Save(path, r); err != nil {
			t.Fatal(err)
		}
		got, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("load(save(x)) != x:\n got %+v\nwant %+v", got, r)
		}
	}
}

func TestSaveNormalisesWithoutTouchingCaller(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	r := Sample()
	r.Signer.Name = "  Khúc   Văn Sinh  "
	if err := Save(path, r); err != nil {
		t.Fatal(err)
	}
	if r.Signer.Name != "  Khúc   Văn Sinh  " {
		t.Error("Save changed the caller's value")
	}
	got, _ := Load(path)
	if got.Signer.Name != "Khúc Văn Sinh" {
		t.Errorf("stored name %q", got.Signer.Name)
	}
}

func TestSaveKeepsBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	r := Sample()
	Save(path, r)
	first, _ := os.ReadFile(path)
	r.Signer.Name = "Nguyễn Văn An"
	if err := Save(path, r); err != nil {
		t.Fatal(err)
	}
	bak, err := os.ReadFile(path + ".bak")
	if err != nil || !bytes.Equal(bak, first) {
		t.Errorf(".bak should hold the previous version (err %v)", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestSaveFailingBeforeRenameLeavesOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.json")
	Save(path, Sample())
	before, _ := os.ReadFile(path)

	renameFile = func(string, string) error { return errors.New("mất điện") }
	defer func() { renameFile = os.Rename }()
	r := Sample()
	r.Section("VI").Text = "Nội dung mới chưa kịp lưu."
	err := Save(path, r)
	if err == nil || !strings.Contains(err.Error(), "không lưu được") {
		t.Fatalf("Save error = %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the old draft changed")
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

func TestSaveIntoReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("root and Windows ignore the folder's write bit")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	err := Save(filepath.Join(dir, "x.json"), Sample())
	if err == nil || !strings.Contains(err.Error(), "không có quyền ghi") {
		t.Errorf("error = %v", err)
	}
}

func TestCorruptDrafts(t *testing.T) {
	tests := map[string]string{
		"truncated.json":     "bị cắt cụt",
		"not-json.json":      "không đúng định dạng JSON ở dòng 1",
		"newer-version.json": "mới hơn chương trình này",
		"wrong-type.json":    "kiểu dữ liệu sai",
		"no-version.json":    "không phải bản nháp của baocao",
		"empty.json":         "tệp rỗng",
		"missing.json":       "tệp không tồn tại",
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			before, _ := os.ReadFile(path)
			_, err := Load(path)
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a *LoadError", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(le.Reason, want) {
				t.Errorf("error %q should name the file and say %q", err, want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the file changed")
			}
		})
	}
}

func TestCorruptDraftIsNeverOverwrittenAndBackupOffered(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.json")
	Save(path, Sample())
	r := Sample()
	r.Signer.Name = "Nguyễn Văn An"
	Save(path, r) // the first version is now the .bak
	good, _ := os.ReadFile(path)
	os.WriteFile(path, good[:len(good)/3], 0o644)
	cut, _ := os.ReadFile(path)

	_, err := Load(path)
	var le *LoadError
	if !errors.As(err, &le) || le.Backup != path+".bak" {
		t.Fatalf("the readable .bak should be offered: %v", err)
	}
	err = Save(path, Sample())
	if !errors.Is(err, ErrCorruptTarget) {
		t.Errorf("Save over a corrupt draft: %v", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, cut) {
		t.Error("the corrupt draft was overwritten")
	}
}

func TestFileNames(t *testing.T) {
	r := Sample()
	if got := FileName(r); got != "duong-huu-2026-q1.json" {
		t.Errorf("FileName = %q", got)
	}
	tests := map[string]string{
		"../../x":                "x-2026-q1.json",
		"CON":                    "con-x-2026-q1.json",
		"com1":                   "com1-x-2026-q1.json",
		"xã Đắk Glei":            "dak-glei-2026-q1.json",
		`C:\Windows\system32`:    "c-windows-system32-2026-q1.json",
		"":                       "duong-huu-2026-q1.json", // falls back to the place
		"UBND phường Hà Đông":    "ha-dong-2026-q1.json",
		"////":                   "duong-huu-2026-q1.json",
		strings.Repeat("ư", 300): strings.Repeat("u", 40) + "-2026-q1.json",
	}
	for unit, want := range tests {
		r.Header.ShortName = unit
		got := FileName(r)
		if got != want {
			t.Errorf("FileName(%q) = %q, want %q", unit, got, want)
		}
		if filepath.Base(got) != got || strings.ContainsAny(got, `/\:`) || len(got) > 80 {
			t.Errorf("unsafe name %q", got)
		}
	}
	r.Header.ShortName, r.Header.Place = "", ""
	if got := FileName(r); got != "bao-cao-2026-q1.json" {
		t.Errorf("empty unit: %q", got)
	}
}

func TestStoreListCreateTrash(t *testing.T) {
	s := &Store{Dir: filepath.Join(t.TempDir(), "drafts")}
	if es, err := s.List(); err != nil || len(es) != 0 {
		t.Fatalf("empty store: %v %v", es, err)
	}
	p1, err := s.Create(Sample())
	if err != nil {
		t.Fatal(err)
	}
	p2, err := s.Create(Sample())
	if err != nil || filepath.Base(p2) != "duong-huu-2026-q1-2.json" {
		t.Fatalf("second draft for the same period: %q %v", p2, err)
	}
	os.WriteFile(filepath.Join(s.Dir, "hong.json"), []byte("{"), 0o644)
	es, err := s.List()
	if err != nil || len(es) != 3 {
		t.Fatalf("List = %v, %v", es, err)
	}
	var broken int
	for _, e := range es {
		if e.Err != nil {
			broken++
			continue
		}
		if done, total := e.Report.Progress(); done != total || total != 14 {
			t.Errorf("sample progress %d/%d, want 14/14", done, total)
		}
	}
	if broken != 1 {
		t.Errorf("the corrupt draft should be listed with its error")
	}
	if err := s.Trash(p1); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p1); !os.IsNotExist(err) {
		t.Error("trashed draft still there")
	}
	if moved, _ := filepath.Glob(filepath.Join(s.Dir, "trash", "duong-huu-2026-q1-*.json")); len(moved) != 1 {
		t.Errorf("trash holds %v", moved)
	}
}

func TestNextDraft(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	// A year-old draft for Q2 2025 gives "same period last year" of Q2 2026.
	old := Sample()
	old.Period = Period{Quarter, 2, 2025}
	old.Indicators[0].Value = "90"
	old.Indicators[1].Value = ""
	old.Indicators[2].Value = "trên 80"
	if _, err := s.Create(old); err != nil {
		t.Fatal(err)
	}
	r := Sample()
	r.Header.Number = "12"
	r.Header.Date = Date{25, 3, 2026}
	r.Closing = "Câu kết riêng của quý I./."
	path, _ := s.Create(r)
	next, err := s.NextDraft(path)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(next) != "duong-huu-2026-q2.json" {
		t.Errorf("next draft %q", next)
	}
	n, err := Load(next)
	if err != nil {
		t.Fatal(err)
	}
	if n.Period != (Period{Quarter, 2, 2026}) || n.Header.Number != "" || n.Header.Date != (Date{Year: 2026}) {
		t.Errorf("period/number/date not moved on: %+v %+v", n.Period, n.Header)
	}
	if !reflect.DeepEqual(n.Header.Agency, r.Header.Agency) || n.Signer != r.Signer || !reflect.DeepEqual(n.Recipients, r.Recipients) {
		t.Error("agency, signer or recipients not kept")
	}
	if n.Section("IV").Text != r.Section("IV").Text {
		t.Error("text not kept as a starting point")
	}
	if n.Closing != "" || !n.Request.IsZero() {
		t.Error("closing override and request should be cleared")
	}
	if n.Indicators[0].Name != r.Indicators[0].Name || n.Indicators[0].Value != "" {
		t.Errorf("indicator row 0: %+v", n.Indicators[0])
	}
	if n.Indicators[0].LastYear != "90" || n.Indicators[2].LastYear != "trên 80" || n.Indicators[1].LastYear != "" {
		t.Errorf("same period last year not filled: %+v", n.Indicators[:3])
	}
	if !strings.Contains(n.SectionHeading("V"), "QUÝ III NĂM 2026") {
		t.Errorf("section V heading %q", n.SectionHeading("V"))
	}
}

func TestMigrationFillsMissingSections(t *testing.T) {
	r, err := Parse([]byte(`{"version": 1, "period": {"kind": "year", "year": 2026}, "sections": [{"id": "VI", "text": "Đề nghị."}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range r.Sections {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, ",") != "I,II,III,IV,V,VI" || r.Section("VI").Text != "Đề nghị." {
		t.Errorf("sections %v", ids)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"sample.json", "truncated.json", "wrong-type.json", "newer-version.json"} {
		data, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(data)
	}
	f.Add([]byte(`{"version":1,"sections":[{"id":"X","items":[{}]}],"indicators":[{"value":"1e400"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data)
		if err != nil {
			return
		}
		// A draft that parses can be checked, laid out as text and saved again.
		Check(r, 2026)
		r.Title()
		r.OpeningSentence()
		r.ClosingSentence()
		for _, s := range r.Sections {
			r.SectionHeading(s.ID)
		}
		r.Progress()
		out, err := Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(out); err != nil {
			t.Fatalf("a saved draft does not load: %v", err)
		}
	})
}

func TestRestoreBackup(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	path, _ := s.Create(Sample())
	if _, err := s.RestoreBackup(path); err == nil {
		t.Error("restored without a .bak")
	}
	r := Sample()
	r.Signer.Name = "Nguyễn Văn An"
	Save(path, r)
	os.WriteFile(path, []byte(`{"version": 1, "header": {`), 0o644)
	restored, err := s.RestoreBackup(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Load(restored)
	if err != nil || got.Signer.Name != "Khúc Văn Sinh" || restored == path {
		t.Errorf("restored %q: %v %v", restored, got, err)
	}
	// The broken draft is kept, unchanged, in the trash.
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("the broken draft is still offered for restoring")
	}
	trashed, _ := filepath.Glob(filepath.Join(s.Dir, "trash", "*.json"))
	if len(trashed) != 1 {
		t.Fatalf("trash holds %v", trashed)
	}
	if data, _ := os.ReadFile(trashed[0]); string(data) != `{"version": 1, "header": {` {
		t.Error("the broken draft changed")
	}
}

func TestTrashRefusesOpenDraft(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	path, _ := s.Create(Sample())
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	var le *LockedError
	if err := s.Trash(path); !errors.As(err, &le) {
		t.Fatalf("Trash of an open draft: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Error("the open draft was moved")
	}
	l.Release()
	if err := s.Trash(path); err != nil {
		t.Errorf("Trash after closing: %v", err)
	}
}

func TestNextDraftTwiceNamesTheExistingDraft(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	path, _ := s.Create(Sample())
	next, err := s.NextDraft(path)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.NextDraft(path)
	if err == nil || again != "" {
		t.Fatalf("second next draft created %q", again)
	}
	if dup, _ := filepath.Glob(filepath.Join(s.Dir, "duong-huu-2026-q2-*.json")); len(dup) > 0 {
		t.Errorf("duplicate drafts: %v", dup)
	}
	var ex *ExistsError
	if !errors.As(err, &ex) || ex.Path != next || ex.Period != (Period{Quarter, 2, 2026}) ||
		!strings.Contains(err.Error(), "đã có bản nháp quý II năm 2026") || !strings.Contains(err.Error(), next) {
		t.Errorf("error %v should name %s", err, next)
	}

	// Found by its unit and period even under another name.
	renamed := filepath.Join(s.Dir, "quy-2-ban-sua.json")
	os.Rename(next, renamed)
	if _, err := s.NextDraft(path); !errors.As(err, &ex) || ex.Path != renamed {
		t.Errorf("renamed next draft not found: %v", err)
	}
	// An unreadable file under the name is not overwritten either.
	os.WriteFile(next, []byte("{"), 0o644)
	os.Remove(renamed)
	if _, err := s.NextDraft(path); !errors.As(err, &ex) || ex.Path != next {
		t.Errorf("unreadable file under the name: %v", err)
	}
	if data, _ := os.ReadFile(next); string(data) != "{" {
		t.Error("the unreadable file was overwritten")
	}
}

// TestTrashWhileDraftIsOpenElsewhere: on Windows a file another program
// holds open (an antivirus scan, an editor) cannot be moved. The draft is
// then kept where it is, the reason is said in Vietnamese, and no lock
// file stays behind; once the file is closed, the trash takes it. On
// other systems the move succeeds at once.
func TestTrashWhileDraftIsOpenElsewhere(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	path, err := s.Create(Sample())
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = s.Trash(path)
	if runtime.GOOS == "windows" {
		if err == nil {
			t.Fatal("Windows moved a file that is open")
		}
		if msg := err.Error(); !strings.Contains(msg, "không chuyển được bản nháp vào thùng rác") || !strings.Contains(msg, "chương trình khác") {
			t.Errorf("error: %q", msg)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("the draft is gone: %v", err)
		}
		if _, err := os.Stat(path + ".lock"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("lock file left by a failed trash: %v", err)
		}
		f.Close()
		err = s.Trash(path)
	}
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the draft is still there: %v", err)
	}
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file left by the trash: %v", err)
	}
	if moved, _ := filepath.Glob(filepath.Join(s.Dir, "trash", "duong-huu-2026-q1-*.json")); len(moved) != 1 {
		t.Errorf("trash holds %v", moved)
	}
	// Nothing is left open: the folder can go.
	if err := os.RemoveAll(s.Dir); err != nil {
		t.Errorf("the drafts folder cannot be removed: %v", err)
	}
}
