package export

import (
	"io"
	"testing"

	"baocao/report"
)

// BenchmarkExportSample measures one export of the built-in example.
func BenchmarkExportSample(b *testing.B) {
	r := report.Sample()
	loadFaces() // once per process, not per document
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
