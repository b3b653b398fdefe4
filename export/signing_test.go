package export

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"

	"baocao/report"
)

// a4H is the height of an A4 page in PDF points; signature rectangles are
// given from the bottom of the page.
const a4H = 841.89

// TestExampleTakesTwoIncrementalSignatures signs the example the way the
// e-office signing tools do: the signer's approval signature with a blue
// signature image between the title and the name, then the agency's seal
// over the left third of it. pdfsig must find both signatures valid (the
// first covering the unsigned file, the second the whole file), qpdf must
// find no damage, the file must stay unencrypted, and both images must
// show on the page.
func TestExampleTakesTwoIncrementalSignatures(t *testing.T) {
	pdfsig, qpdf := tool(t, "pdfsig"), tool(t, "qpdf")
	tool(t, "pdftoppm")
	unsigned := render(t, report.Sample())

	// ô 7c: the room between the signer's title and name, on the page
	// that holds the signature block.
	_, ws := words(t, unsigned)
	first := find(t, ws, 0, "Khúc")
	page := first.page
	last, title := find(t, ws, page, "Sinh"), find(t, ws, page, "PHÓ")
	mm := func(v float64) float64 { return v / pt } // millimetres to points
	cx := mm(first.xMin+last.xMax) / 2
	sigTop, sigBottom := a4H-mm(title.yMax)-4, a4H-mm(first.yMin)+4
	if sigTop-sigBottom < 60 {
		t.Fatalf("%.0f pt between the title and the name, want room for a signature", sigTop-sigBottom)
	}
	sigRect := [4]float64{cx - 75, sigBottom, cx + 75, sigTop}
	// The seal, 36 mm across, covers the left third of the signature.
	d := mm(36)
	sealRight := sigRect[0] + (sigRect[2]-sigRect[0])/3
	sealMid := (sigBottom + sigTop) / 2
	sealRect := [4]float64{sealRight - d, sealMid - d/2, sealRight, sealMid + d/2}

	// The pdfsign served here writes non-ASCII names as UTF-16 inside
	// (…) without escaping: a name with "ĩ" (U+0129, whose low byte is
	// ")") breaks its signature dictionary. Upstream fixed it later
	// (digitorus/pdfsign#167); the names below have no such letter.
	ca, caKey := newCert(t, "Cơ quan chứng thực thử", nil, nil)
	signer := newSigner(t, "Khúc Văn Sinh", ca, caKey)
	agency := newSigner(t, "UBND xã Dương Hưu", ca, caKey)
	now := time.Now()

	once := signPDF(t, unsigned, signer.approve("Phê duyệt báo cáo", now, page, sigRect, signatureImage(t)))
	twice := signPDF(t, once, agency.approve("Đóng dấu cơ quan", now.Add(time.Minute), page, sealRect, sealImage(t)))
	if !bytes.HasPrefix(once, unsigned) || !bytes.HasPrefix(twice, once) {
		t.Fatal("a signature rewrote earlier bytes instead of appending an incremental update")
	}

	// BAOCAO_SIGNED_OUT keeps the signed file for looking at.
	file := os.Getenv("BAOCAO_SIGNED_OUT")
	if file == "" {
		file = filepath.Join(t.TempDir(), "signed.pdf")
	}
	if err := os.WriteFile(file, twice, 0o644); err != nil {
		t.Fatal(err)
	}

	// pdfsig: two signatures, both valid; only the second covers the whole file.
	out, err := exec.Command(pdfsig, file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfsig: %v\n%s", err, out)
	}
	sigs := regexp.MustCompile(`(?m)^Signature #\d+:`).Split(string(out), -1)[1:]
	if len(sigs) != 2 {
		t.Fatalf("pdfsig found %d signatures, want 2:\n%s", len(sigs), out)
	}
	for i, s := range sigs {
		if !strings.Contains(s, "Signature Validation: Signature is Valid.") {
			t.Errorf("signature %d is not valid:\n%s", i+1, s)
		}
	}
	if !strings.Contains(sigs[0], "Khúc Văn Sinh") || !strings.Contains(sigs[1], "UBND xã Dương Hưu") {
		t.Errorf("signers out of order or misnamed:\n%s", out)
	}
	if strings.Contains(sigs[0], "Total document signed") || !strings.Contains(sigs[1], "Total document signed") {
		t.Errorf("want the first signature to cover the unsigned file and the second the whole file:\n%s", out)
	}

	// The draft's figures are still attached after both revisions, byte
	// for byte (poppler's pdfdetach and ReadPDF agree), and ReadPDF names
	// the signers in the order they signed.
	if list, first := detached(t, twice); !strings.Contains(list, "1: "+DataFileName) || !bytes.Equal(first, marshal(t, report.Sample())) {
		t.Errorf("signed file: the attached draft is lost or changed:\n%s", list)
	}
	got, sigInfo, err := ReadPDF(bytes.NewReader(twice), int64(len(twice)))
	if err != nil {
		t.Fatalf("ReadPDF of the signed file: %v", err)
	}
	if !bytes.Equal(marshal(t, got), marshal(t, report.Sample())) {
		t.Error("ReadPDF of the signed file: the draft differs from the one exported")
	}
	wantSigs := []SignatureInfo{
		{Name: "Khúc Văn Sinh", Reason: "Phê duyệt báo cáo", Time: now.Truncate(time.Second)},
		{Name: "UBND xã Dương Hưu", Reason: "Đóng dấu cơ quan", Time: now.Add(time.Minute).Truncate(time.Second), WholeFile: true},
	}
	if len(sigInfo) != len(wantSigs) {
		t.Fatalf("ReadPDF found %d signatures, want 2: %+v", len(sigInfo), sigInfo)
	}
	for i, w := range wantSigs {
		if g := sigInfo[i]; g.Name != w.Name || g.Reason != w.Reason || !g.Time.Equal(w.Time) || g.WholeFile != w.WholeFile {
			t.Errorf("signature %d: %+v, want %+v", i+1, g, w)
		}
	}

	// A revision appended after the last signature that changes the
	// attached figures is read, but no signature covers the file any
	// more, and ReadPDF says so.
	changed := report.Sample()
	changed.Indicators[0].Value = "99"
	rep, later, err := readPDF(replaceAttachment(t, twice, marshal(t, changed)))
	if err != nil || rep.Indicators[0].Value != "99" || len(later) != 2 || later[0].WholeFile || later[1].WholeFile {
		t.Errorf("after a later revision: %+v, %v; want the new figures and two signatures, neither covering the whole file", later, err)
	}

	// qpdf: the structure and every stream are sound.
	if out, err := exec.Command(qpdf, "--check", file).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	if info := runTool(t, twice, "pdfinfo"); !regexp.MustCompile(`(?m)^Encrypted:\s+no$`).MatchString(info) {
		t.Errorf("signed file is encrypted:\n%s", info)
	}

	// The page shows the blue signature to the right of the seal and the
	// red seal to the left of the signature; the unsigned page shows neither.
	before, after := renderPage(t, unsigned, page), renderPage(t, twice, page)
	scale := float64(after.Bounds().Dx()) / (210 / pt)
	sigOnly := [4]float64{sealRect[2] + 2, sigRect[1], sigRect[2], sigRect[3]}
	sealOnly := [4]float64{sealRect[0], sealRect[1], sigRect[0] - 2, sealRect[3]}
	for _, c := range []struct {
		what string
		rect [4]float64
		ink  func(r, g, b uint32) bool
	}{
		{"blue signature", sigOnly, func(r, g, b uint32) bool { return b > 0x9000 && r < 0x6000 && g < 0x6000 }},
		{"red seal", sealOnly, func(r, g, b uint32) bool { return r > 0x9000 && g < 0x6000 && b < 0x6000 }},
	} {
		if n := countInk(before, c.rect, scale, c.ink); n != 0 {
			t.Errorf("unsigned page already has %d %s pixels", n, c.what)
		}
		if n := countInk(after, c.rect, scale, c.ink); n < 20 {
			t.Errorf("signed page %d: %d %s pixels in its place, want the image to show", page, n, c.what)
		}
	}
}

// TestNoPDFAClaim keeps the file from claiming PDF/A: the signatures'
// transparent images would break PDF/A-1, and the clerk's tools check the
// claim.
func TestNoPDFAClaim(t *testing.T) {
	b := render(t, report.Sample())
	for _, claim := range []string{"pdfaid", "GTS_PDFA", "/OutputIntents", "/Encrypt"} {
		if bytes.Contains(b, []byte(claim)) {
			t.Errorf("PDF contains %q", claim)
		}
	}
}

// signPDF applies one incremental signature to in.
func signPDF(t testing.TB, in []byte, data sign.SignData) []byte {
	t.Helper()
	rdr, err := pdf.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		t.Fatalf("reading the PDF to sign: %v", err)
	}
	var out bytes.Buffer
	if err := sign.Sign(bytes.NewReader(in), &out, rdr, int64(len(in)), data); err != nil {
		t.Fatalf("signing as %s: %v", data.Signature.Info.Name, err)
	}
	return out.Bytes()
}

// signer is a certificate with its key and its issuer.
type signer struct {
	name string
	cert *x509.Certificate
	key  crypto.Signer
	ca   *x509.Certificate
}

func newSigner(t testing.TB, name string, ca *x509.Certificate, caKey crypto.Signer) signer {
	cert, key := newCert(t, name, ca, caKey)
	return signer{name, cert, key, ca}
}

// approve is an approval signature by s with a visible image in rect (PDF
// points from the bottom left) on page.
func (s signer) approve(reason string, when time.Time, page int, rect [4]float64, image []byte) sign.SignData {
	return sign.SignData{
		Signature: sign.SignDataSignature{
			CertType: sign.ApprovalSignature,
			Info:     sign.SignDataSignatureInfo{Name: s.name, Reason: reason, Date: when},
		},
		Appearance: sign.Appearance{
			Visible: true, Page: uint32(page),
			LowerLeftX: rect[0], LowerLeftY: rect[1], UpperRightX: rect[2], UpperRightY: rect[3],
			Image: image,
		},
		Signer: s.key, Certificate: s.cert, CertificateChains: [][]*x509.Certificate{{s.cert, s.ca}},
		DigestAlgorithm: crypto.SHA256,
	}
}

// newCert makes a certificate for name, signed by parent (self-signed, as
// a certificate authority, when parent is nil).
func newCert(t testing.TB, name string, parent *x509.Certificate, parentKey crypto.Signer) (*x509.Certificate, crypto.Signer) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: name, Country: []string{"VN"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
	if parent == nil {
		tmpl.IsCA, tmpl.BasicConstraintsValid = true, true
		tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, key.Public(), parentKey)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert, key
}

// signatureImage is a blue pen stroke on a transparent background, like
// the signature images of the signing tools.
func signatureImage(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 120))
	blue := color.NRGBA{0x10, 0x20, 0xC0, 0xFF}
	for x := 20; x < 280; x++ {
		y := 60 + 35*math.Sin(float64(x)/18)*math.Cos(float64(x)/55)
		for dy := -3; dy <= 3; dy++ {
			img.SetNRGBA(x, int(y)+dy, blue)
		}
	}
	return encodePNG(t, img)
}

// sealImage is a red ring with a star on a transparent background, like a
// scanned seal.
func sealImage(t *testing.T) []byte {
	const n = 200
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	red := color.NRGBA{0xD0, 0x10, 0x10, 0xFF}
	for y := range n {
		for x := range n {
			r := math.Hypot(float64(x-n/2), float64(y-n/2))
			if r > 88 && r < 98 || r > 70 && r < 74 || r < 22 {
				img.SetNRGBA(x, y, red)
			}
		}
	}
	return encodePNG(t, img)
}

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// renderPage draws one page of pdf at 72 dpi with pdftoppm.
func renderPage(t *testing.T, pdf []byte, page int) image.Image {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	p := strconv.Itoa(page)
	out, err := exec.Command(tool(t, "pdftoppm"), "-png", "-r", "72", "-f", p, "-l", p, "-singlefile", in, filepath.Join(dir, "page")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// countInk counts the pixels inside rect (PDF points from the bottom left)
// whose colour ink accepts.
func countInk(img image.Image, rect [4]float64, scale float64, ink func(r, g, b uint32) bool) int {
	b := img.Bounds()
	n := 0
	for y := int((a4H - rect[3]) * scale); y < int((a4H-rect[1])*scale); y++ {
		for x := int(rect[0] * scale); x < int(rect[2]*scale); x++ {
			if !image.Pt(x, y).In(b) {
				continue
			}
			r, g, bl, _ := img.At(x, y).RGBA()
			if ink(r, g, bl) {
				n++
			}
		}
	}
	return n
}

// TestReadPDFNamesSignerFromCertificate: a signing tool that writes no
// name and no time into the signature still gets its signer named, from
// the certificate, and its time, from the signed attributes.
func TestReadPDFNamesSignerFromCertificate(t *testing.T) {
	unsigned := render(t, report.Sample())
	ca, caKey := newCert(t, "Cơ quan chứng thực thử", nil, nil)
	s := newSigner(t, "Nguyễn Thị Hoa", ca, caKey)
	data := s.approve("", time.Time{}, 1, [4]float64{}, nil)
	data.Appearance.Visible = false
	data.Signature.Info.Name = ""
	before := time.Now().Add(-time.Second)
	signed := signPDF(t, unsigned, data)
	if tail := signed[len(unsigned):]; bytes.Contains(tail, []byte(" /M ")) || bytes.Contains(tail, []byte(" /Name (")) {
		t.Fatal("the signature dictionary has /M or /Name: this test needs one without")
	}
	got, sigs, err := ReadPDF(bytes.NewReader(signed), int64(len(signed)))
	if err != nil || got == nil {
		t.Fatalf("ReadPDF: %v", err)
	}
	if len(sigs) != 1 || sigs[0].Name != "Nguyễn Thị Hoa" || sigs[0].Time.Before(before) || sigs[0].Time.After(time.Now().Add(time.Second)) {
		t.Errorf("signatures %+v, want one by Nguyễn Thị Hoa made just now", sigs)
	}
}

// replaceAttachment appends to the PDF b an incremental revision that
// replaces the attached draft's stream with data, as someone altering the
// figures after signing would.
func replaceAttachment(t *testing.T, b, data []byte) []byte {
	t.Helper()
	rd, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	tr := rd.Trailer()
	spec := findEmbedded(tr.Key("Root").Key("Names").Key("EmbeddedFiles"), DataFileName)
	ptr := spec.Key("EF").Key("F").GetPtr()
	root := tr.Key("Root").GetPtr()
	out := bytes.Clone(b)
	if out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	off := len(out)
	out = fmt.Appendf(out, "%d 0 obj\n<< /Type /EmbeddedFile /Length %d >>\nstream\n%s\nendstream\nendobj\n", ptr.GetID(), len(data), data)
	xref := len(out)
	out = fmt.Appendf(out, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		ptr.GetID(), off, tr.Key("Size").Int64(), root.GetID(), rd.XrefInformation.StartPos, xref)
	return out
}
