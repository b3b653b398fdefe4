package export

import (
	"io"
	"path/filepath"
	"sync"
	"testing"

	"baocao/report"
)

// BenchmarkExportSample measures one export of the built-in example in a
// process whose faces are ready: the steady state of the TUI.
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

// BenchmarkFirstExport measures the first export of a process, which a
// command-line export always is: preparing the faces and reading the
// fonts' widths (for the clerk's blanks), then the export.
// "cached" finds them in the user's cache, as every run after the first
// does; "uncached" cuts them, as the first run does.
func BenchmarkFirstExport(b *testing.B) {
	r := report.Sample()
	for _, bc := range []struct{ name, cache string }{
		{"cached", filepath.Join(b.TempDir(), "faces.bin")},
		{"uncached", ""},
	} {
		b.Run(bc.name, func(b *testing.B) {
			prepareFaces(bc.cache) // the run before
			b.ReportAllocs()
			for b.Loop() {
				metricsOnce, faceMetrics = sync.Once{}, nil // read once per process
				if err := write(io.Discard, r, Options{}, prepareFaces(bc.cache)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExportPhases measures each phase of a first export on its own:
// cutting the faces or reading them from the cache, registering them with
// fpdf, laying the example out, and writing the file.
func BenchmarkExportPhases(b *testing.B) {
	r := report.Sample()
	cache := filepath.Join(b.TempDir(), "faces.bin")
	fs := prepareFaces(cache)
	b.Run("cut", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			cutFaces()
		}
	})
	b.Run("cache", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := readFaceCache(cache); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("register", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			newPDF(r.Outline(), Options{}, fs)
		}
	})
	b.Run("layout", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			pdf := newPDF(r.Outline(), Options{}, fs)
			b.StartTimer()
			layOut(pdf, r.Outline())
		}
	})
	b.Run("output", func(b *testing.B) {
		b.ReportAllocs()
		var size int
		for b.Loop() {
			b.StopTimer()
			pdf := newPDF(r.Outline(), Options{}, fs)
			layOut(pdf, r.Outline())
			b.StartTimer()
			out, err := output(pdf)
			if err != nil {
				b.Fatal(err)
			}
			size = len(out)
		}
		b.ReportMetric(float64(size), "B/pdf")
	})
}
