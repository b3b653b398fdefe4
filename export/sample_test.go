package export

import (
	"os"
	"testing"
	"time"

	"baocao/report"
)

// TestWriteSampleFile writes the example to $BAOCAO_SAMPLE_OUT for looking
// at (pdftoppm -png -r 60); it is skipped otherwise.
func TestWriteSampleFile(t *testing.T) {
	out := os.Getenv("BAOCAO_SAMPLE_OUT")
	if out == "" {
		t.Skip("set BAOCAO_SAMPLE_OUT")
	}
	if err := WriteFile(out, report.Sample(), Options{Date: time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC)}, true); err != nil {
		t.Fatal(err)
	}
}
