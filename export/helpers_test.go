package export

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"baocao/report"
)

// testDate pins the PDF dates in tests.
var testDate = time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC)

// render exports r and fails the test on error.
func render(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r, Options{Date: testDate}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

// tool returns the path of a poppler tool, skipping the test when it is
// missing unless BAOCAO_REQUIRE_TOOLS=1 asks for it to fail. On Windows,
// which has none of these tools (poppler, qpdf, xmllint, LibreOffice), the
// test skips whatever BAOCAO_REQUIRE_TOOLS says: it runs on Linux in CI.
func tool(t testing.TB, name string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skipf("needs %s, a Unix tool that Windows does not have (this test runs on Linux)", name)
	}
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("BAOCAO_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (BAOCAO_REQUIRE_TOOLS=1): %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// runTool runs a poppler tool on pdf (written to a temporary file) with
// args before the file name and "-" after it, returning stdout.
func runTool(t testing.TB, pdf []byte, name string, args ...string) string {
	t.Helper()
	bin := tool(t, name)
	f := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, f)
	if name == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// word is one word box from pdftotext -bbox-layout, in millimetres.
type word struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
}

func (w word) cx() float64 { return (w.xMin + w.xMax) / 2 }

// words returns every word box of pdf, page by page.
func words(t testing.TB, pdf []byte) (pages int, ws []word) {
	t.Helper()
	out := runTool(t, pdf, "pdftotext", "-bbox")
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			pages++
		case "word":
			w := word{page: pages}
			for _, a := range se.Attr {
				v, _ := strconv.ParseFloat(a.Value, 64)
				v *= pt
				switch a.Name.Local {
				case "xMin":
					w.xMin = v
				case "yMin":
					w.yMin = v
				case "xMax":
					w.xMax = v
				case "yMax":
					w.yMax = v
				}
			}
			var text string
			if err := dec.DecodeElement(&text, &se); err != nil {
				t.Fatal(err)
			}
			w.text = text
			ws = append(ws, w)
		}
	}
	return pages, ws
}

// find returns the first word box with the given text on the given page
// (0: any page), failing the test if there is none.
func find(t testing.TB, ws []word, page int, text string) word {
	t.Helper()
	for _, w := range ws {
		if w.text == text && (page == 0 || w.page == page) {
			return w
		}
	}
	t.Fatalf("no word %q on page %d", text, page)
	return word{}
}

// checkMargins fails the test for every word outside the text area; page
// numbers may sit in the top margin.
func checkMargins(t testing.TB, ws []word) {
	t.Helper()
	const eps = 0.5
	bad := 0
	for _, w := range ws {
		if w.xMin < marginLeft-eps || w.xMax > marginLeft+textW+eps || w.yMax > pageBottom+eps || w.yMin < marginTop-eps && !isNumber(w.text) {
			if bad++; bad <= 5 {
				t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f mm is outside the margins", w.page, w.text, w.xMin, w.xMax, w.yMin, w.yMax)
			}
		}
	}
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// squash collapses all white space to single spaces.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
