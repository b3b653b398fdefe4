package report

import (
	"fmt"
	"testing"
)

// BenchmarkList1000 lists a folder of 1,000 drafts of different units, as
// «baocao list» does: each one loaded and its progress counted.
func BenchmarkList1000(b *testing.B) {
	s := &Store{Dir: b.TempDir()}
	for i := range 1000 {
		r := Sample()
		r.SetUnit(fmt.Sprintf("xã Số %d", i))
		if _, err := s.Create(r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.List(); err != nil {
			b.Fatal(err)
		}
	}
}
