package report

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestKindsComeFromBuiltinsThenFolders(t *testing.T) {
	mau, extra := t.TempDir(), t.TempDir()
	write := func(dir, name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(mau, "vi-du.yaml", smallKind)
	broken := write(mau, "hong.yaml", strings.Replace(smallKind, "id: vi-du", "id: hong\nkhoa-la: 1", 1))
	write(mau, "ghi-chu.txt", "không phải mẫu")
	newer := write(extra, "vi-du-moi.yaml", strings.Replace(smallKind, "Báo cáo ví dụ", "Báo cáo ví dụ (bản mới)", 1))

	ks := LoadKinds(mau, extra, filepath.Join(mau, "khong-co"))
	if k := ks.Get(""); k == nil || k.ID != DefaultKindID || !k.Builtin() {
		t.Errorf("the default kind is %+v", k)
	}
	k := ks.Get("vi-du")
	if k == nil || k.Name != "Báo cáo ví dụ (bản mới)" || k.Source != newer {
		t.Errorf("vi-du is %+v, want the later folder's file", k)
	}
	if n := len(ks.All()); n != 2 {
		t.Errorf("%d kinds in use, want nq57 and vi-du", n)
	}
	b := ks.Broken()
	if len(b) != 1 || b[0].Path != broken || !strings.Contains(b[0].Err.Error(), "dòng 2: khóa «khoa-la» không có") {
		t.Errorf("broken files: %+v", b)
	}
	if len(ks.Files) != 4 {
		t.Errorf("%d files listed, want the built-in, two vi-du and the broken one", len(ks.Files))
	}
}

// TestLoadKindsConcurrently: loading the kinds in several goroutines at
// once (the full screen and plain mode do it, tests in parallel too)
// never writes to the built-in kinds they share; the race detector
// (go test -race, as CI runs) sees it if it does.
func TestLoadKindsConcurrently(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(2)
		go func() { defer wg.Done(); LoadKinds() }()
		go func() { defer wg.Done(); _ = BuiltinKind(DefaultKindID).Builtin() }()
	}
	wg.Wait()
	if !BuiltinKind(DefaultKindID).Builtin() {
		t.Error("the built-in kind has a source")
	}
}
