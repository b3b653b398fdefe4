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
		"not-json.json":      "không phải bản nháp của baocao (nội dung không phải dữ liệu JSON)",
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
	next, _, err := s.NextDraft(path)
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
	next, _, err := s.NextDraft(path)
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := s.NextDraft(path)
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
	if _, _, err := s.NextDraft(path); !errors.As(err, &ex) || ex.Path != renamed {
		t.Errorf("renamed next draft not found: %v", err)
	}
	// An unreadable file under the name is not overwritten either.
	os.WriteFile(next, []byte("{"), 0o644)
	os.Remove(renamed)
	if _, _, err := s.NextDraft(path); !errors.As(err, &ex) || ex.Path != next {
		t.Errorf("unreadable file under the name: %v", err)
	}
	if data, _ := os.ReadFile(next); string(data) != "{" {
		t.Error("the unreadable file was overwritten")
	}
}

// tanChi is a draft of «xã Tân Chi» made with a mistyped year: 1999.
func tanChi() *Report {
	r := Sample()
	r.Header.ShortName = "UBND xã Tân Chi"
	r.Header.Agency = []string{"ỦY BAN NHÂN DÂN", "XÃ TÂN CHI"}
	r.Header.Place = "Tân Chi"
	r.Period = Period{Kind: Quarter, Quarter: 2, Year: 1999}
	return r
}

// tanChiDraft makes the 1999 draft of [tanChi] in dir with a .bak and a
// .session beside it, as a session of the editor leaves it, and locks it.
func tanChiDraft(t *testing.T, dir string) (string, *Report, *DraftLock) {
	t.Helper()
	s := &Store{Dir: dir}
	r := tanChi()
	path, err := s.Create(r)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "tan-chi-1999-q2.json" {
		t.Fatalf("created %s", path)
	}
	r.Signer.Name = "Lê Văn Tâm"
	if err := Save(path, r); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".session", []byte(`{"part":"VI","open":true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Release() })
	return path, r, l
}

// abandon lets a lock go as the end of the process does: the file is
// closed, and left where it is.
func (l *DraftLock) abandon() {
	if l != nil && l.f != nil {
		l.f.Close()
		l.f = nil
	}
}

// readAll reads the files, "" for one missing.
func readAll(paths ...string) []string {
	var out []string
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		out = append(out, string(data))
	}
	return out
}

func TestRenameDraftFollowsThePeriodWithItsBackupSessionAndLock(t *testing.T) {
	dir := t.TempDir()
	path, r, held := tanChiDraft(t, dir)
	before := readAll(path, path+".bak", path+".session")
	r.Period.Year = 2026
	got, lock, err := RenameDraft(path, r, held)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	want := filepath.Join(dir, "tan-chi-2026-q2.json")
	if got != want {
		t.Fatalf("renamed to %s, want %s", got, want)
	}
	if after := readAll(want, want+".bak", want+".session"); !reflect.DeepEqual(after, before) {
		t.Errorf("the draft, .bak and .session did not move whole:\nbefore %q\nafter  %q", before, after)
	}
	for _, gone := range []string{path, path + ".bak", path + ".session", path + ".lock"} {
		if _, err := os.Lstat(gone); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s still there (%v)", filepath.Base(gone), err)
		}
	}
	var le *LockedError
	if _, err := Lock(want); !errors.As(err, &le) {
		t.Errorf("the new name is not locked: %v", err)
	}
	if l, err := Lock(path); err != nil {
		t.Errorf("the old name's lock was kept: %v", err)
	} else {
		l.Release()
	}
	if e, _ := (&Store{Dir: dir}).List(); len(e) != 1 || e[0].Path != want || e[0].Err != nil {
		t.Errorf("the folder lists %+v", e)
	}

	// Then the unit: the name follows again, and a name that already fits
	// is left alone.
	r.Header.ShortName = "UBND xã Tân Châu"
	got, lock2, err := RenameDraft(want, r, lock)
	if err != nil || filepath.Base(got) != "tan-chau-2026-q2.json" {
		t.Fatalf("renamed to %s: %v", got, err)
	}
	defer lock2.Release()
	if same, l, err := RenameDraft(got, r, lock2); same != got || l != lock2 || err != nil {
		t.Errorf("a fitting name: %s, %v", same, err)
	}
}

func TestRenameDraftKeepsItsNameWhenTheNewOneIsTaken(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		take       func(t *testing.T, path string)
	}{
		{"another draft", "đã là của một bản nháp khác", func(t *testing.T, p string) { os.WriteFile(p, []byte("{}"), 0o644) }},
		{"a stray .bak", "đã có tệp «tan-chi-2026-q2.json.bak»", func(t *testing.T, p string) { os.WriteFile(p+".bak", []byte("{}"), 0o644) }},
		{"open in another window", "đang được một cửa sổ baocao khác dùng", func(t *testing.T, p string) {
			l, err := Lock(p)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { l.Release() })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path, r, held := tanChiDraft(t, dir)
			want := filepath.Join(dir, "tan-chi-2026-q2.json")
			tc.take(t, want)
			before := readAll(path, path+".bak", path+".session", want, want+".bak")
			r.Period.Year = 2026
			got, lock, err := RenameDraft(path, r, held)
			var nt *NameTakenError
			if !errors.As(err, &nt) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
			if got != path || lock != held {
				t.Errorf("returned %s and another lock", got)
			}
			if after := readAll(path, path+".bak", path+".session", want, want+".bak"); !reflect.DeepEqual(after, before) {
				t.Errorf("files changed:\nbefore %q\nafter  %q", before, after)
			}
			var le *LockedError
			if _, err := Lock(path); !errors.As(err, &le) {
				t.Errorf("the draft's lock was let go: %v", err)
			}
			if tc.name != "open in another window" {
				if _, err := os.Lstat(want + ".lock"); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("a lock file of the name not taken was left: %v", err)
				}
			}
		})
	}
}

func TestRenameDraftCutShortLosesNothing(t *testing.T) {
	defer func() { renameCrash = nil }()
	for _, step := range []string{"locked", "moved", "bak", "session"} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			path, r, held := tanChiDraft(t, dir)
			draft, bak := readAll(path)[0], readAll(path + ".bak")[0]
			want := filepath.Join(dir, "tan-chi-2026-q2.json")
			r.Period.Year = 2026
			renameCrash = func(s string) bool { return s == step }
			_, nl, err := RenameDraft(path, r, held)
			renameCrash = nil
			if err == nil {
				t.Fatal("no crash")
			}
			held.abandon() // the process is gone: its locks with it
			nl.abandon()

			readable := 0
			for _, p := range []string{path, want} {
				if got, err := Load(p); err == nil {
					readable++
					if data := readAll(p)[0]; data != draft || got.Period.Year != 1999 {
						t.Errorf("%s is not the draft as it was", filepath.Base(p))
					}
				} else if !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s: %v", filepath.Base(p), err)
				}
			}
			if readable == 0 {
				t.Fatal("the draft is under neither name")
			}
			if b := readAll(path+".bak", want+".bak"); b[0] != bak && b[1] != bak {
				t.Error("the .bak is lost")
			}
			for _, p := range []string{path, want} {
				l, err := Lock(p)
				if err != nil {
					t.Errorf("%s cannot be opened after the crash: %v", filepath.Base(p), err)
					continue
				}
				l.Release()
			}
		})
	}
}

func TestSaveRefusesADraftMarkedReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	if err := Save(path, Sample()); err != nil {
		t.Fatal(err)
	}
	if ReadOnly(path) {
		t.Fatal("a new draft is read-only")
	}
	if err := os.Chmod(path, 0o444); err != nil { // the read-only attribute on Windows
		t.Fatal(err)
	}
	defer os.Chmod(path, 0o644)
	before, _ := os.ReadFile(path)
	if !ReadOnly(path) {
		t.Fatal("ReadOnly does not see mode 0444")
	}
	r := Sample()
	r.Signer.Name = "Nguyễn Văn An"
	err := Save(path, r)
	if !errors.Is(err, ErrReadOnlyDraft) || !strings.Contains(err.Error(), "bản nháp chỉ đọc") {
		t.Errorf("Save of a read-only draft: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the read-only draft was written")
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a .bak appeared: %v", err)
	}
	if ReadOnly(filepath.Join(filepath.Dir(path), "none.json")) {
		t.Error("a missing file is read-only")
	}
}

func TestRenameDraftWithoutALockHeldOrThroughALink(t *testing.T) {
	dir := t.TempDir()
	path, r, held := tanChiDraft(t, dir)
	held.Release()
	r.Period.Year = 2026
	got, lock, err := RenameDraft(path, r, nil)
	if err != nil || filepath.Base(got) != "tan-chi-2026-q2.json" || lock == nil {
		t.Fatalf("renamed to %s: %v", got, err)
	}
	lock.Release()
	if locks, _ := filepath.Glob(filepath.Join(dir, "*.lock")); len(locks) > 0 {
		t.Errorf("locks left: %v", locks)
	}

	if runtime.GOOS == "windows" {
		return // links need a privilege there
	}
	link := filepath.Join(dir, "lien-ket.json")
	if err := os.Symlink(got, link); err != nil {
		t.Fatal(err)
	}
	r.Period.Year = 2025
	if same, _, err := RenameDraft(link, r, nil); err == nil || same != link || !strings.Contains(err.Error(), "liên kết") {
		t.Errorf("a link renamed: %s, %v", same, err)
	}
	if _, err := os.Stat(got); err != nil {
		t.Errorf("the linked draft moved: %v", err)
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
