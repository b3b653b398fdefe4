package export

import (
	"os"
	"strings"
	"testing"

	"baocao/report"
)

// TestProducerNamesTheRequiredFpdf keeps the Producer entry of every PDF
// in step with the fpdf that go.mod requires, and go.mod off the archived
// module.
func TestProducerNamesTheRequiredFpdf(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(mod), "github.com/go-pdf/fpdf") {
		t.Error("go.mod names the archived github.com/go-pdf/fpdf")
	}
	var required string
	for _, ln := range strings.Split(string(mod), "\n") {
		if f := strings.Fields(ln); len(f) >= 2 && f[0] == "codeberg.org/go-pdf/fpdf" {
			required = f[0] + " " + f[1]
		}
	}
	if required == "" {
		t.Fatal("go.mod does not require codeberg.org/go-pdf/fpdf")
	}
	if producer != required {
		t.Errorf("Producer %q, go.mod requires %q", producer, required)
	}
	out := runTool(t, render(t, report.Sample()), "pdfinfo")
	if !strings.Contains(out, "Producer:        "+required+"\n") {
		t.Errorf("pdfinfo shows no Producer %q:\n%s", required, out)
	}
}
