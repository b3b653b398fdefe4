package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"baocao/report"
)

// rollupFolder writes n drafts of different units, each padded with
// extra bytes of text, into a new folder.
func rollupFolder(tb testing.TB, n, extra int) string {
	tb.Helper()
	s := &report.Store{Dir: tb.TempDir()}
	for i := range n {
		r := report.Sample()
		r.SetUnit(fmt.Sprintf("xã Số %d", i))
		r.Indicators[0].Value = fmt.Sprint(i % 100)
		if extra > 0 {
			const phrase = "Đề nghị hỗ trợ kinh phí. "
			r.Section("VI").Text = strings.Repeat(phrase, extra/len(phrase))
		}
		if _, err := s.Create(r); err != nil {
			tb.Fatal(err)
		}
	}
	return s.Dir
}

// BenchmarkRollup1000Drafts rolls up a folder of 1,000 drafts, as
// «baocao tonghop» does: read, keep the figures, write the workbook.
func BenchmarkRollup1000Drafts(b *testing.B) {
	dir := rollupFolder(b, 1000, 0)
	b.ReportAllocs()
	for b.Loop() {
		ru := &report.Rollup{}
		ReadRollup(ru, RollupInputs([]string{dir}, ""))
		ru.Finish()
		if len(ru.Rows) != 1000 {
			b.Fatalf("%d rows", len(ru.Rows))
		}
		if err := WriteRollup(io.Discard, ru); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRollupMemoryFollowsUnitsNotFileSizes reads the same number of
// units from drafts of 10 KB and from drafts of 3 MB: the memory in use
// after reading is about the same, for only the figures are kept.
func TestRollupMemoryFollowsUnitsNotFileSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 36 MB of drafts")
	}
	inUse := func(dir string) (uint64, *report.Rollup) {
		ru := &report.Rollup{}
		ReadRollup(ru, RollupInputs([]string{dir}, ""))
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc, ru
	}
	small := rollupFolder(t, 12, 0)
	big := rollupFolder(t, 12, 3<<20)
	var sizes int64
	filepath.Walk(big, func(_ string, info os.FileInfo, _ error) error { sizes += info.Size(); return nil })
	runtime.GC()
	base, _ := inUse(t.TempDir())
	s, ru1 := inUse(small)
	g, ru2 := inUse(big)
	ru1.Finish()
	ru2.Finish()
	if len(ru1.Rows) != 12 || len(ru2.Rows) != 12 {
		t.Fatalf("rows %d, %d", len(ru1.Rows), len(ru2.Rows))
	}
	grew := int64(g) - int64(s)
	t.Logf("heap: empty %d KB, 12 small drafts %d KB, 12 drafts of %d MB in all %d KB", base>>10, s>>10, sizes>>20, g>>10)
	if grew > 1<<20 {
		t.Errorf("the heap grew by %d KB with the drafts' size (%d MB read)", grew>>10, sizes>>20)
	}
}
