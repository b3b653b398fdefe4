package export

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"baocao/report"
)

// FuzzDraft loads arbitrary bytes as a draft file (report.Load) and, when
// they load, checks the draft and exports it to PDF and Word, as baocao
// check and baocao export do: whatever a file holds, nothing may panic
// (the writers turn a panic into an "lỗi nội bộ" error, which counts as
// one here).
func FuzzDraft(f *testing.F) {
	sample, _ := report.Marshal(report.Sample())
	next, _ := report.Marshal(report.Next(report.Sample(), report.Sample()))
	f.Add(sample)
	f.Add(next)
	f.Add([]byte(`{"version":1,"period":{"kind":"quarter","quarter":4,"year":2026},"header":{"date":{"day":31,"month":2,"year":2026}},` +
		`"opening":"quý I năm 2026\u202e","closing":"./.","sections":[{"id":"V","heading":"QUÝ IV/2026","items":[{"text":"- \u0000\u001b[31m"}]}],` +
		`"indicators":[{"name":"x","kind":"percent","value":"1e400"},{"kind":"count","value":"-0,5"}],"recipients":["- ;",""],"signer":{}}`))
	f.Add([]byte(`{"version":1,"sections":[{"id":"X","items":[{},{}]},{"id":"I","items":null}],"indicators":null}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := os.CreateTemp(dir, "*.json")
		if err != nil {
			t.Fatal(err)
		}
		file.Write(data)
		file.Close()
		defer os.Remove(file.Name())
		r, err := report.Load(file.Name())
		if err != nil {
			return
		}
		report.Check(r, 2026)
		opt := Options{Date: time.Date(2026, 3, 25, 9, 0, 0, 0, time.UTC)}
		for name, write := range map[string]func(io.Writer, *report.Report, Options) error{"PDF": Write, "Word": WriteDocx} {
			if err := write(io.Discard, r, opt); err != nil && strings.Contains(err.Error(), "lỗi nội bộ") {
				t.Fatalf("%s export panicked: %v", name, err)
			}
		}
		FileName(r)
		DocxFileName(r)
	})
}
