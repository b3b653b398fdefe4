package report

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// bigFile makes a sparse file of size bytes: no disk space, no time.
func bigFile(t testing.TB, path string, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(`{"version": 1, "sections": [`); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Skipf("no sparse file of %d bytes here: %v", size, err)
	}
}

// allocated is how many bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestOversizedDraftIsRefusedFromItsSize(t *testing.T) {
	// 64 MB first: reading it whole shows in the allocations without
	// hurting the machine; then the sizes that broke the 32-bit build.
	for _, size := range []int64{64 << 20, 1 << 30, 3 << 30} {
		ok := t.Run(sizeText(size), func(t *testing.T) {
			s := &Store{Dir: t.TempDir()}
			if _, err := s.Create(Sample()); err != nil {
				t.Fatal(err)
			}
			big := filepath.Join(s.Dir, "lon.json")
			bigFile(t, big, size)
			var es []Entry
			var err error
			bytes := allocated(func() { es, err = s.List() })
			if err != nil || len(es) != 2 {
				t.Fatalf("List = %v, %v", es, err)
			}
			if bytes > 1<<20 {
				t.Fatalf("listing allocated %s", sizeText(int64(bytes)))
			}
			for _, e := range es {
				if e.Path != big {
					if e.Err != nil {
						t.Errorf("the real draft: %v", e.Err)
					}
					continue
				}
				var le *LoadError
				if !errors.As(e.Err, &le) || e.Report != nil || e.Size != size ||
					!strings.Contains(le.Reason, "tệp quá lớn để là một bản nháp ("+sizeText(size)+"; bản nháp tối đa 4 MB)") {
					t.Errorf("big entry: size %d, %v", e.Size, e.Err)
				}
			}
			// Saving over it never reads it either, and keeps it.
			if err := Save(big, Sample()); !errors.Is(err, ErrCorruptTarget) {
				t.Errorf("Save over a big file: %v", err)
			}
			if info, _ := os.Stat(big); info.Size() != size {
				t.Error("the big file changed")
			}
		})
		if !ok {
			break // do not read gigabytes
		}
	}
}

func TestDraftAtTheSizeLimit(t *testing.T) {
	r := Sample()
	r.Section("VI").Text = strings.Repeat("Đề nghị hỗ trợ kinh phí. ", MaxDraftSize/25)
	path := filepath.Join(t.TempDir(), "x.json")
	err := Save(path, r)
	if err == nil || !strings.Contains(err.Error(), "bản nháp quá lớn") || !strings.Contains(err.Error(), "tối đa 4 MB") {
		t.Fatalf("a draft over the limit is saved: %v", err)
	}
	r.Section("VI").Text = strings.Repeat("Đề nghị hỗ trợ kinh phí. ", MaxDraftSize/40)
	if err := Save(path, r); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err != nil {
		t.Errorf("a draft under the limit does not load: %v", err)
	}
}

func TestNonRegularDraftIsNotRead(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "thu-muc.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Load(filepath.Join(dir, "thu-muc.json"))
	var le *LoadError
	if !errors.As(err, &le) || le.Reason != "đây là một thư mục, không phải tệp bản nháp" {
		t.Errorf("folder: %v", err)
	}
}

func TestStaleTempFilesOfSavesAreRemoved(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	path, _ := s.Create(Sample())
	old := time.Now().Add(-StaleTempAge - time.Minute)
	stale := []string{".duong-huu-2026-q1.json.123.tmp", ".duong-huu-2026-q1.json.bak.456.tmp", ".khac.json.789.tmp"}
	fresh := ".duong-huu-2026-q1.json.999.tmp"
	other := ".ghi-chu.txt.1.tmp" // not ours
	for _, name := range append(stale, fresh, other) {
		p := filepath.Join(s.Dir, name)
		os.WriteFile(p, []byte(`{"version": 1, "hea`), 0o600)
		if name != fresh {
			os.Chtimes(p, old, old)
		}
	}
	es, err := s.List()
	if err != nil || len(es) != 1 || es[0].Path != path {
		t.Fatalf("List = %v, %v", es, err)
	}
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(s.Dir, name)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("stale %s kept", name)
		}
	}
	for _, name := range []string{fresh, other} {
		if _, err := os.Stat(filepath.Join(s.Dir, name)); err != nil {
			t.Errorf("%s removed: %v", name, err)
		}
	}
}

// TestCreateKilledLeavesNoBrokenDraft kills a process creating drafts at
// random moments: every draft left must load, and the temporary files
// left go once stale.
func TestCreateKilledLeavesNoBrokenDraft(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	dir := t.TempDir()
	exe, _ := os.Executable()
	const kills = 30
	for i := 0; i < kills; i++ {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), "BAOCAO_TEST_HELPER=create", "BAOCAO_TEST_DRAFTS="+dir, "GORACE=atexit_sleep_ms=0")
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 1)
		out.Read(buf) // it has begun creating
		time.Sleep(time.Duration(i%10) * 4 * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
	}
	des, _ := os.ReadDir(dir)
	drafts, temps := 0, 0
	for _, de := range des {
		p := filepath.Join(dir, de.Name())
		switch {
		case isSaveTemp(de.Name()):
			temps++
			old := time.Now().Add(-StaleTempAge - time.Minute)
			os.Chtimes(p, old, old)
		case strings.HasSuffix(de.Name(), ".json"):
			drafts++
			if _, err := Load(p); err != nil {
				t.Errorf("broken draft left by a kill: %v", err)
			}
		}
	}
	if drafts == 0 {
		t.Fatal("no draft was created: the kills came too early to test anything")
	}
	t.Logf("%d kills: %d drafts, %d temporary files", kills, drafts, temps)
	if _, err := (&Store{Dir: dir}).List(); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("stale temporary files kept: %v", left)
	}
}

func TestSaveThroughSymlinkKeepsLinkAndMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "that", "duong-huu.json")
	os.Mkdir(filepath.Dir(real), 0o755)
	if err := Save(real, Sample()); err != nil {
		t.Fatal(err)
	}
	os.Chmod(real, 0o640)
	link := filepath.Join(dir, "x.json")
	if err := os.Symlink(filepath.Join("that", "duong-huu.json"), link); err != nil {
		t.Fatal(err)
	}
	r := Sample()
	r.Signer.Name = "Nguyễn Văn An"
	if err := Save(link, r); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file: %v", err)
	}
	got, err := Load(real)
	if err != nil || got.Signer.Name != "Nguyễn Văn An" {
		t.Errorf("the file the link points to was not written: %v", err)
	}
	for _, p := range []string{real, real + ".bak"} {
		if info, err := os.Stat(p); err != nil {
			t.Error(err)
		} else if info.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want 0640", p, info.Mode().Perm())
		}
	}
	// A cut-short draft behind the link offers the .bak beside its file.
	os.WriteFile(real, []byte(`{"version": 1, "head`), 0o640)
	var le *LoadError
	if _, err := Load(link); !errors.As(err, &le) || le.Backup != real+".bak" {
		t.Errorf("backup offered: %v", err)
	}
}

func TestNewDraftIsReadableByOthers(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits on Windows")
	}
	s := &Store{Dir: t.TempDir()}
	path, _ := s.Create(Sample())
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("new draft mode %v", info.Mode().Perm())
	}
	Save(path, Sample())
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("saved draft mode %v", info.Mode().Perm())
	}
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{
		12:                 "12 byte",
		12 << 10:           "12 KB",
		4 << 20:            "4 MB",
		1536 << 20:         "1,5 GB",
		3 << 30:            "3 GB",
		(4 << 20) + 200000: "4,1 MB",
	} {
		if got := sizeText(n); got != want {
			t.Errorf("sizeText(%d) = %q, want %q", n, got, want)
		}
	}
}

// BenchmarkListBesideHugeFile lists a folder holding a draft and a 1 GB
// file: the big file costs a stat, not a read.
func BenchmarkListBesideHugeFile(b *testing.B) {
	s := &Store{Dir: b.TempDir()}
	s.Create(Sample())
	bigFile(b, filepath.Join(s.Dir, "lon.json"), 1<<30)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.List(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDraftNearTheLimit loads a draft of almost MaxDraftSize.
func BenchmarkLoadDraftNearTheLimit(b *testing.B) {
	r := Sample()
	r.Section("VI").Text = strings.Repeat("Đề nghị hỗ trợ kinh phí. ", MaxDraftSize/36)
	path := filepath.Join(b.TempDir(), "x.json")
	if err := Save(path, r); err != nil {
		b.Fatal(err)
	}
	info, _ := os.Stat(path)
	b.Logf("draft of %s", sizeText(info.Size()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSaveErrorsAreVietnamese(t *testing.T) {
	err := Save(filepath.Join(t.TempDir(), "chua-co", "x.json"), Sample())
	if err == nil || !strings.Contains(err.Error(), "không tồn tại") || strings.Contains(err.Error(), "no such file") {
		t.Errorf("save into a missing folder: %v", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Error("the cause is lost")
	}
}

// TestStaleTempStillOpenIsLeftUntilClosed: a stale temporary file that a
// hung save still holds open cannot be removed on Windows. Listing the
// drafts does not fail over it and lists the drafts; the file goes at the
// first listing after it is closed.
func TestStaleTempStillOpenIsLeftUntilClosed(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	path, err := s.Create(Sample())
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(s.Dir, ".duong-huu-2026-q1.json.123.tmp")
	f, err := os.Create(tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString(`{"version": 1, "hea`)
	old := time.Now().Add(-StaleTempAge - time.Minute)
	os.Chtimes(tmp, old, old)
	es, err := s.List()
	if err != nil || len(es) != 1 || es[0].Path != path || es[0].Err != nil {
		t.Fatalf("List with an open stale file = %v, %v", es, err)
	}
	_, err = os.Stat(tmp)
	if runtime.GOOS == "windows" && err != nil {
		t.Errorf("Windows removed a file still open: %v", err)
	}
	f.Close()
	if es, err := s.List(); err != nil || len(es) != 1 {
		t.Fatalf("List after closing = %v, %v", es, err)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the stale file is kept once closed: %v", err)
	}
}
