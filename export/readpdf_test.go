package export

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/digitorus/pdf"

	"baocao/report"
)

// readPDF reads b with ReadPDF.
func readPDF(b []byte) (*report.Report, []SignatureInfo, error) {
	return ReadPDF(bytes.NewReader(b), int64(len(b)))
}

// marshal is report.Marshal failing the test on error.
func marshal(t testing.TB, r *report.Report) []byte {
	t.Helper()
	b, err := report.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// detached is what poppler's pdfdetach, a reader independent of ours,
// finds attached to the PDF b: the attachments' names and the bytes of
// the first.
func detached(t *testing.T, b []byte) (list string, first []byte) {
	t.Helper()
	bin := tool(t, "pdfdetach")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "first")
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := exec.Command(bin, "-list", in).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfdetach -list: %v\n%s", err, l)
	}
	if o, err := exec.Command(bin, "-save", "1", "-o", out, in).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach -save: %v\n%s", err, o)
	}
	first, err = os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(l), first
}

// TestPDFCarriesTheDraft: the exported PDF carries the draft as an
// attached file that PDF readers list (pdfdetach), byte for byte what
// the draft file would hold, with a Vietnamese description; ReadPDF gives
// the same report back and no signatures.
func TestPDFCarriesTheDraft(t *testing.T) {
	r := report.Sample()
	r.Indicators[0].Value = "12,5%"
	r.Indicators[0].LastYear = "10%"
	b := render(t, r)
	want := marshal(t, r)

	list, first := detached(t, b)
	if !strings.Contains(list, "1 embedded files") || !strings.Contains(list, "1: "+DataFileName) {
		t.Errorf("pdfdetach -list:\n%s", list)
	}
	if !bytes.Equal(first, want) {
		t.Errorf("attached file differs from the draft:\n%.400s", first)
	}

	got, sigs, err := readPDF(b)
	if err != nil {
		t.Fatalf("ReadPDF: %v", err)
	}
	if len(sigs) != 0 {
		t.Errorf("unsigned PDF: %d signatures", len(sigs))
	}
	if !bytes.Equal(marshal(t, got), want) {
		t.Error("ReadPDF's report differs from the draft exported")
	}
	if v := got.Indicators[0]; v.Value != "12,5%" || v.LastYear != "10%" {
		t.Errorf("first indicator read back as %+v", v)
	}

	rd, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	spec := findEmbedded(rd.Trailer().Key("Root").Key("Names").Key("EmbeddedFiles"), DataFileName)
	if d := spec.Key("Desc").Text(); d != dataDescription {
		t.Errorf("description %q, want %q", d, dataDescription)
	}
}

// TestPDFWithDataStaysSound: with the attachment the file is still sound
// for qpdf, the same bytes every time, and small.
func TestPDFWithDataStaysSound(t *testing.T) {
	b := render(t, report.Sample())
	if !bytes.Equal(b, render(t, report.Sample())) {
		t.Fatal("two exports with the attachment differ")
	}
	f := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(tool(t, "qpdf"), "--check", f).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// plainPDF is a one-page PDF made with fpdf by someone else: no
// attachment.
func plainPDF(t *testing.T, attach []fpdf.Attachment) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddPage()
	p.SetFont("Helvetica", "", 12)
	p.Cell(40, 10, "Bao cao")
	if attach != nil {
		p.SetAttachments(attach)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestReadPDFWithoutData: a PDF that does not carry a draft, or carries
// other attachments, is told apart from one that is not a PDF and from a
// damaged one, each with its own Vietnamese message.
func TestReadPDFWithoutData(t *testing.T) {
	other := plainPDF(t, []fpdf.Attachment{{Content: []byte("<hoadon/>"), Filename: "hoadon.xml", Description: "Hóa đơn"}})
	for name, b := range map[string][]byte{"plain": plainPDF(t, nil), "other attachment": other} {
		r, sigs, err := readPDF(b)
		if !errors.Is(err, ErrNoData) || r != nil || sigs != nil {
			t.Errorf("%s: ReadPDF = %v, %v, %v; want ErrNoData", name, r, sigs, err)
		}
	}
	if !strings.Contains(ErrNoData.Error(), "không mang số liệu của baocao") {
		t.Errorf("ErrNoData says %q", ErrNoData)
	}

	docx := renderDocx(t, report.Sample())
	for name, b := range map[string][]byte{"docx": docx, "empty": nil, "draft": marshal(t, report.Sample()), "%PDF": []byte("%PDF")} {
		if _, _, err := readPDF(b); !errors.Is(err, ErrNotPDF) {
			t.Errorf("%s: ReadPDF error %v, want ErrNotPDF", name, err)
		}
	}

	good := render(t, report.Sample())
	for name, b := range map[string][]byte{
		"cut in half":   good[:len(good)/2],
		"header only":   []byte("%PDF-1.7\n%%EOF\n"),
		"no cross-refs": append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("x"), 500)...),
	} {
		_, _, err := readPDF(b)
		if !errors.Is(err, ErrDamagedPDF) {
			t.Errorf("%s: ReadPDF error %v, want ErrDamagedPDF", name, err)
		}
	}
}

// TestReadPDFBadDraft: an attachment under baocao's name that is not a
// draft says so, with report.Parse's reason, not ErrNoData.
func TestReadPDFBadDraft(t *testing.T) {
	b := plainPDF(t, []fpdf.Attachment{{Content: []byte(`{"version": 1, "header": `), Filename: DataFileName}})
	_, _, err := readPDF(b)
	if err == nil || errors.Is(err, ErrNoData) || !strings.Contains(err.Error(), "số liệu đính kèm") || !strings.Contains(err.Error(), "cắt cụt") {
		t.Errorf("ReadPDF error %v, want the attachment's fault", err)
	}
}

// TestReadPDFNeverPanics: damage anywhere in a signed PDF gives a
// result or an error, never a panic or a hang.
func TestReadPDFNeverPanics(t *testing.T) {
	b := render(t, report.Sample())
	step := len(b) / 100
	for i := 0; i < len(b); i += step {
		for _, c := range []byte{0, '(', ']', '9'} {
			d := bytes.Clone(b)
			d[i] = c
			readPDF(d)
			readPDF(d[:i])
		}
	}
}

func TestPDFDate(t *testing.T) {
	for s, want := range map[string]time.Time{
		"D:20260325143005+07'00'": time.Date(2026, 3, 25, 14, 30, 5, 0, time.FixedZone("", 7*3600)),
		"D:20260325143005Z":       time.Date(2026, 3, 25, 14, 30, 5, 0, time.UTC),
		"D:2026":                  time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		"D:202603251430-05'30":    time.Date(2026, 3, 25, 14, 30, 0, 0, time.FixedZone("", -5*3600-30*60)),
		"":                        {},
		"hôm qua":                 {},
		"D:20261325":              {},
	} {
		if got := pdfDate(s); !got.Equal(want) {
			t.Errorf("pdfDate(%q) = %v, want %v", s, got, want)
		}
	}
}

// BenchmarkReadPDF measures reading the draft and the signatures back
// from the example signed twice, as the roll-up does for each PDF.
func BenchmarkReadPDF(b *testing.B) {
	ca, caKey := newCert(b, "Cơ quan chứng thực thử", nil, nil)
	s := newSigner(b, "Khúc Văn Sinh", ca, caKey)
	data := s.approve("Phê duyệt báo cáo", time.Now(), 1, [4]float64{}, nil)
	data.Appearance.Visible = false
	signed := signPDF(b, signPDF(b, render(b, report.Sample()), data), data)
	b.ReportAllocs()
	b.ReportMetric(float64(len(signed)), "B/pdf")
	for b.Loop() {
		if _, sigs, err := readPDF(signed); err != nil || len(sigs) != 2 {
			b.Fatalf("ReadPDF: %d signatures, %v", len(sigs), err)
		}
	}
}
