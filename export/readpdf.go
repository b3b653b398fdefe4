package export

import (
	"bytes"
	"cmp"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pkcs7"

	"baocao/report"
)

// ErrNoData is returned by [ReadPDF] for a PDF that carries no draft:
// one not exported by baocao, or exported before the PDF carried its
// figures.
var ErrNoData = errors.New("tệp PDF không mang số liệu của baocao (có thể xuất từ phiên bản cũ hoặc từ chương trình khác)")

// ErrNotPDF is returned by [ReadPDF] for a file that is not a PDF.
var ErrNotPDF = errors.New("tệp không phải PDF")

// ErrDamagedPDF is returned by [ReadPDF] for a file that starts
// as a PDF but cannot be read as one (cut short, damaged, or locked with
// a password).
var ErrDamagedPDF = errors.New("tệp PDF bị hỏng hoặc bị khóa, không đọc được")

// SignatureInfo is what a PDF says about one of its digital signatures.
// It is read, not verified: that the signature is valid is for the
// signing tools to check.
type SignatureInfo struct {
	// Name is the signer's name: the signature's /Name entry or, when
	// that is empty, the common name of the signing certificate; empty
	// when neither can be read.
	Name string
	// Reason is the reason the signer gave ("Phê duyệt", "Đóng dấu"…),
	// if any.
	Reason string
	// Time is when the document was signed, as the signature's /M entry
	// or the signed signing-time attribute says; zero when neither does.
	Time time.Time
	// WholeFile is set when the signature covers the file as read:
	// nothing was appended after it. Only the last signature can; when
	// it does not, the file was changed after the last signing (perhaps
	// harmlessly, perhaps its figures).
	WholeFile bool
}

// Limits on what [ReadPDF] walks, so that a hostile file cannot keep it
// busy: the depth of the name tree and of the form's fields, and the
// number of nodes visited.
const (
	maxTreeDepth = 32
	maxNodes     = 10000
)

// ReadPDF reads a PDF exported by baocao: the draft attached to it (see
// [DataFileName]) and its signatures, in the order they were applied,
// none for an unsigned file. It reads the file as it stands after every
// incremental revision signing tools appended.
//
// A PDF without the attachment gives [ErrNoData] together with its
// signatures; a file that is not a PDF gives [ErrNotPDF], one that cannot
// be read [ErrDamagedPDF]; an attachment that is not a
// readable draft gives the reason from [report.Parse]. Whatever the file
// holds, ReadPDF does not panic.
func ReadPDF(r io.ReaderAt, size int64) (rep *report.Report, sigs []SignatureInfo, err error) {
	head := make([]byte, 5)
	if n, _ := r.ReadAt(head, 0); n < len(head) || !bytes.Equal(head, []byte("%PDF-")) {
		return nil, nil, ErrNotPDF
	}
	// The library panics on some damage; so might the walk below. Its
	// messages are English and say nothing an official can act on.
	defer func() {
		if p := recover(); p != nil {
			rep, sigs, err = nil, nil, ErrDamagedPDF
		}
	}()
	rd, err := pdf.NewReader(r, size)
	if err != nil {
		return nil, nil, ErrDamagedPDF
	}
	root := rd.Trailer().Key("Root")
	if root.Kind() != pdf.Dict {
		return nil, nil, ErrDamagedPDF
	}
	sigs = signatures(root, size)
	spec := findEmbedded(root.Key("Names").Key("EmbeddedFiles"), DataFileName)
	if spec.IsNull() {
		return nil, sigs, ErrNoData
	}
	file := spec.Key("EF").Key("UF")
	if file.Kind() != pdf.Stream {
		file = spec.Key("EF").Key("F")
	}
	if file.Kind() != pdf.Stream {
		return nil, sigs, ErrNoData
	}
	data, err := io.ReadAll(io.LimitReader(file.Reader(), report.MaxDraftSize+1))
	if err != nil {
		return nil, sigs, ErrDamagedPDF
	}
	rep, err = report.Parse(data)
	if err != nil {
		return nil, sigs, fmt.Errorf("số liệu đính kèm trong tệp PDF (%s) không đọc được: %w", DataFileName, err)
	}
	return rep, sigs, nil
}

// findEmbedded looks in the name tree of embedded files for the file
// specification named name (its /UF or /F entry), and returns a null
// value when there is none.
func findEmbedded(tree pdf.Value, name string) pdf.Value {
	visited := 0
	var walk func(node pdf.Value, depth int) pdf.Value
	walk = func(node pdf.Value, depth int) pdf.Value {
		if visited++; node.Kind() != pdf.Dict || depth > maxTreeDepth || visited > maxNodes {
			return pdf.Value{}
		}
		names := node.Key("Names")
		for i := 1; i < names.Len(); i += 2 {
			spec := names.Index(i)
			if spec.Key("UF").Text() == name || spec.Key("F").Text() == name {
				return spec
			}
		}
		kids := node.Key("Kids")
		for i := range kids.Len() {
			if spec := walk(kids.Index(i), depth+1); !spec.IsNull() {
				return spec
			}
		}
		return pdf.Value{}
	}
	return walk(tree, 0)
}

// signatures lists the signature fields of the document's form that hold
// a signature, in the order they were signed (by the end of the bytes
// each covers); size is the file's.
func signatures(root pdf.Value, size int64) []SignatureInfo {
	type signed struct {
		info SignatureInfo
		end  int64
	}
	var found []signed
	visited := 0
	var walk func(field pdf.Value, inheritedFT string, depth int)
	walk = func(field pdf.Value, inheritedFT string, depth int) {
		if visited++; field.Kind() != pdf.Dict || depth > maxTreeDepth || visited > maxNodes {
			return
		}
		ft := field.Key("FT").Name()
		if ft == "" {
			ft = inheritedFT
		}
		if v := field.Key("V"); ft == "Sig" && v.Kind() == pdf.Dict {
			br := v.Key("ByteRange")
			end := br.Index(br.Len()-2).Int64() + br.Index(br.Len()-1).Int64()
			found = append(found, signed{signatureInfo(v), end})
		}
		kids := field.Key("Kids")
		for i := range kids.Len() {
			walk(kids.Index(i), ft, depth+1)
		}
	}
	fields := root.Key("AcroForm").Key("Fields")
	for i := range fields.Len() {
		walk(fields.Index(i), "", 0)
	}
	slices.SortStableFunc(found, func(a, b signed) int { return cmp.Compare(a.end, b.end) })
	var out []SignatureInfo
	for _, s := range found {
		s.info.WholeFile = s.end == size
		out = append(out, s.info)
	}
	return out
}

// signatureInfo reads a signature dictionary. The certificate is looked
// at only for what the dictionary does not say.
func signatureInfo(v pdf.Value) SignatureInfo {
	s := SignatureInfo{
		Name:   strings.TrimSpace(v.Key("Name").Text()),
		Reason: strings.TrimSpace(v.Key("Reason").Text()),
		Time:   pdfDate(v.Key("M").Text()),
	}
	if s.Name != "" && !s.Time.IsZero() {
		return s
	}
	p7, err := pkcs7.Parse([]byte(v.Key("Contents").RawString()))
	if err != nil {
		return s
	}
	if s.Name == "" {
		if cert := signingCert(p7); cert != nil {
			s.Name = strings.TrimSpace(cert.Subject.CommonName)
		}
	}
	if s.Time.IsZero() {
		var t time.Time
		if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &t) == nil {
			s.Time = t
		}
	}
	return s
}

// signingCert is the certificate that made the signature: the only
// signer's, or else the first certificate that issued none of the others
// (the end of the chain).
func signingCert(p7 *pkcs7.PKCS7) *x509.Certificate {
	if c := p7.GetOnlySigner(); c != nil {
		return c
	}
	for _, c := range p7.Certificates {
		issuer := false
		for _, o := range p7.Certificates {
			if o != c && bytes.Equal(o.RawIssuer, c.RawSubject) {
				issuer = true
			}
		}
		if !issuer {
			return c
		}
	}
	return nil
}

// pdfDate reads a PDF date, "D:YYYYMMDDHHmmSSOHH'mm'", in which every
// part after the year may be left out; the zero time when s is none.
func pdfDate(s string) time.Time {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	fields := []int{0, 1, 1, 0, 0, 0} // year, month, day, hour, minute, second
	widths := []int{4, 2, 2, 2, 2, 2}
	for i, w := range widths {
		if len(s) < w || !digits(s[:w]) {
			if i == 0 {
				return time.Time{}
			}
			break
		}
		fields[i], _ = strconv.Atoi(s[:w])
		s = s[w:]
	}
	loc := time.UTC
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		tz := strings.NewReplacer("'", "").Replace(s[1:])
		h, m := 0, 0
		if len(tz) >= 2 && digits(tz[:2]) {
			h, _ = strconv.Atoi(tz[:2])
			if len(tz) >= 4 && digits(tz[2:4]) {
				m, _ = strconv.Atoi(tz[2:4])
			}
		}
		off := h*3600 + m*60
		if s[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	if fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[2] > 31 || fields[3] > 23 || fields[4] > 59 || fields[5] > 59 {
		return time.Time{}
	}
	return time.Date(fields[0], time.Month(fields[1]), fields[2], fields[3], fields[4], fields[5], 0, loc)
}

// digits reports whether s is made of ASCII digits only.
func digits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
