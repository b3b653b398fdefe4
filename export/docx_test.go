package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"baocao/report"
)

// renderDocx writes r as a Word file and fails the test on error.
func renderDocx(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteDocx(&b, r, Options{Date: testDate}); err != nil {
		t.Fatalf("WriteDocx: %v", err)
	}
	return b.Bytes()
}

// unzipDocx returns the parts of a Word file by name, in zip order.
func unzipDocx(t testing.TB, data []byte) (names []string, parts map[string][]byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts = map[string][]byte{}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
		parts[f.Name] = b
	}
	return names, parts
}

// schemaOf names the schema, under BAOCAO_OOXML_XSD, a part must satisfy;
// "" for docProps/core.xml, whose Dublin Core schemas are not there, and
// for customXml/item1.xml, which is baocao's own XML.
func schemaOf(name string) string {
	switch {
	case name == "[Content_Types].xml":
		return "opc-xsd/opc-contentTypes.xsd"
	case strings.HasSuffix(name, ".rels"):
		return "opc-xsd/opc-relationships.xsd"
	case name == "docProps/app.xml":
		return "shared-documentPropertiesExtended.xsd"
	case strings.HasPrefix(name, "customXml/itemProps"):
		return "shared-customXmlDataProperties.xsd"
	case strings.HasPrefix(name, "word/"):
		return "wml.xsd"
	}
	return ""
}

// checkDocx checks Word files as a strict reader would: every part is
// well-formed XML 1.0 (encoding/xml refuses the characters XML cannot
// hold), and, when BAOCAO_OOXML_XSD names the ECMA-376 schemas, valid
// against them by xmllint. The files are checked together, one xmllint
// run per schema.
func checkDocx(t *testing.T, files map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	bySchema := map[string][]string{}
	for label, data := range files {
		names, parts := unzipDocx(t, data)
		if names[0] != "[Content_Types].xml" {
			t.Errorf("%s: first part %q", label, names[0])
		}
		for _, name := range names {
			dec := xml.NewDecoder(bytes.NewReader(parts[name]))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Errorf("%s: %s is not well-formed: %v", label, name, err)
					break
				}
			}
			path := filepath.Join(dir, label, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, parts[name], 0o644); err != nil {
				t.Fatal(err)
			}
			if s := schemaOf(name); s != "" {
				bySchema[s] = append(bySchema[s], path)
			}
		}
	}
	xsd := os.Getenv("BAOCAO_OOXML_XSD")
	if xsd == "" {
		t.Log("BAOCAO_OOXML_XSD not set: parts checked for well-formedness only")
		return
	}
	bin := tool(t, "xmllint")
	for schema, paths := range bySchema {
		args := append([]string{"--noout", "--schema", filepath.Join(xsd, schema)}, paths...)
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			msg := strings.ReplaceAll(string(out), dir+"/", "")
			t.Errorf("xmllint --schema %s: %v\n%.3000s", schema, err, msg)
		}
	}
}

func TestDocxValid(t *testing.T) {
	files := map[string][]byte{"sample": renderDocx(t, report.Sample())}
	for i, h := range hostile {
		r := report.Sample()
		h.edit(r)
		files["hostile"+string(rune('a'+i))] = renderDocx(t, r)
	}
	r := report.Sample()
	r.Addressees = []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh"}
	r.Header.ParentAgency = "UBND tỉnh Bắc Ninh"
	r.Header.Date = report.Date{}
	files["addressee"] = renderDocx(t, r)
	checkDocx(t, files)
}

// TestDocxHostileText: text an official can paste reaches the Word file
// as XML can hold it, nothing else lost.
func TestDocxHostileText(t *testing.T) {
	r := report.Sample()
	r.Section("VI").Text = "Kiến nghị 😀 a\x00\x07b\x1b[31m \ufffe & <b> \"x\" \u200b c"
	r.Signer.Name = "Khúc Văn Sinh 𝕏"
	_, parts := unzipDocx(t, renderDocx(t, r))
	doc := string(parts["word/document.xml"])
	for _, want := range []string{"Kiến nghị 😀 a b [31m &amp; &lt;b&gt; &quot;x&quot; c", "Khúc Văn Sinh 𝕏"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if strings.ContainsAny(doc, "\x00\x07\x1b\ufffe\u200b") {
		t.Error("a character XML cannot hold, or an invisible one, reached document.xml")
	}
}

func TestDocxDeterministic(t *testing.T) {
	var a, b, c bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := WriteDocx(buf, report.Sample(), Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two exports of the same report differ")
	}
	_, parts := unzipDocx(t, a.Bytes())
	if !bytes.Contains(parts["docProps/core.xml"], []byte(">2026-03-01T00:00:00Z<")) {
		t.Errorf("zero Options: date not taken from the header date (March 2026):\n%s", parts["docProps/core.xml"])
	}
	if err := WriteDocx(&c, report.Sample(), Options{Date: testDate}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("Options.Date ignored")
	}
}

// paragraphs returns the text of each paragraph of document.xml as Word
// shows it.
func paragraphs(t *testing.T, doc []byte) []string {
	t.Helper()
	out, err := readParagraphs(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDocxSaysWhatTheOutlineSays: every piece of the outline is a
// paragraph of the Word file, in order, and blanks are no-break spaces
// at least as wide as the PDF's.
func TestDocxSaysWhatTheOutlineSays(t *testing.T) {
	r := report.Sample()
	r.Addressees = []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "Ban Chỉ đạo tỉnh"}
	o := r.Outline()
	_, parts := unzipDocx(t, renderDocx(t, r))
	got := paragraphs(t, parts["word/document.xml"])

	blanks := func(l report.Line, st style) string { return docxBlanks(l, st) }
	h, s := o.Header, o.Signature
	want := append([]string{}, h.Agency...)
	want = append(want, h.Nation, h.Motto, blanks(h.Number, stNumber), blanks(h.PlaceDate, stDate), o.Kind, o.Title, o.Addressees.Label)
	want = append(want, o.Addressees.Names...)
	for _, p := range append(o.Body, o.Closing...) {
		want = append(want, p.Text)
	}
	want = append(want, o.Recipients.Label)
	want = append(want, o.Recipients.Lines...)
	want = append(want, s.Authority, s.Title, s.Name)
	a := o.Appendix
	want = append(want, a.Label, a.Title, blanks(a.Reference, stReference))
	want = append(want, a.Columns...)
	for _, row := range a.Rows {
		want = append(want, row...)
	}
	i := 0
	for _, p := range got {
		if i < len(want) && p == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Fatalf("paragraph %q missing or out of order; paragraphs:\n%s", want[i], strings.Join(got, "\n"))
	}
	// The blank number is as wide as the PDF's: "Số:", then no-break
	// spaces, then the symbol.
	if n := strings.Count(blanks(h.Number, stNumber), nbsp); n != 1+blankSpaces(report.BlankNumber, regular, stNumber.size) {
		t.Errorf("blank number: %d no-break spaces", n)
	}
}

// TestDocxStructure checks the Word constructs the layout relies on.
func TestDocxStructure(t *testing.T) {
	_, parts := unzipDocx(t, renderDocx(t, report.Sample()))
	doc := string(parts["word/document.xml"])
	count := func(s string) int { return strings.Count(doc, s) }
	if n := count("<w:sectPr>"); n != 2 {
		t.Errorf("%d sections, want 2 (the report, the appendix)", n)
	}
	if !regexp.MustCompile(`<w:type w:val="nextPage"/>.*<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr></w:body>`).MatchString(doc) {
		t.Error("the appendix's section does not start a page numbered from 1 with no number on it")
	}
	if count(`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`) != 2 {
		t.Error("pages are not A4 with margins 20/15/20/30 mm")
	}
	if count("<w:tblHeader/>") != 1 || count("<w:tbl>") != 3 || count("<w:cantSplit/>") < 4 {
		t.Errorf("tables: %d, header rows %d, rows kept whole %d", count("<w:tbl>"), count("<w:tblHeader/>"), count("<w:cantSplit/>"))
	}
	if count(`<w:pStyle w:val="Heading1"/>`) != 6 || count(`<w:pStyle w:val="Heading2"/>`) != 4 {
		t.Error("section and item headings are not heading 1 and heading 2")
	}
	for _, bad := range []string{"<w:br", "<w:txbx", "<w:framePr", "<w:drawing", "<w:pict"} {
		if strings.Contains(doc, bad) {
			t.Errorf("document.xml has %s: not plain editable paragraphs and tables", bad)
		}
	}
	if !strings.Contains(string(parts["word/header1.xml"]), `<w:fldSimple w:instr=" PAGE ">`) || strings.Contains(string(parts["word/header2.xml"]), "PAGE") {
		t.Error("page numbers: header1 needs the PAGE field, the first page's header none")
	}
	styles := string(parts["word/styles.xml"])
	for _, want := range []string{`w:ascii="Times New Roman"`, `<w:lang w:val="vi-VN"`, `<w:sz w:val="28"/>`, `<w:keepNext/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	core := string(parts["docProps/core.xml"])
	for _, want := range []string{"<dc:title>Kết quả thực hiện nhiệm vụ", "<dc:creator>ỦY BAN NHÂN DÂN XÃ DƯƠNG HƯU</dc:creator>", "<dc:language>vi-VN</dc:language>", "<dc:subject>Báo cáo kết quả"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
}

func TestWriteDocxFile(t *testing.T) {
	dir := t.TempDir()
	r := report.Sample()
	if got := DocxFileName(r); got != "BC-NQ57-quy-I-2026-Duong-Huu.docx" {
		t.Errorf("DocxFileName = %q", got)
	}
	path := filepath.Join(dir, DocxFileName(r))
	if err := WriteDocxFile(path, r, Options{}, false); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	if !bytes.HasPrefix(first, []byte("PK\x03\x04")) {
		t.Fatalf("file starts %q", first[:min(len(first), 4)])
	}
	err := WriteDocxFile(path, r, Options{Date: testDate}, false)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "xuất Word ra") {
		t.Fatalf("second write without force: %v, want ErrExists", err)
	}
	if err := WriteDocxFile(path, r, Options{Date: testDate}, true); err != nil {
		t.Fatalf("forced write: %v", err)
	}
	if again, _ := os.ReadFile(path); bytes.Equal(again, first) {
		t.Fatal("forced write left the old file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the file (no temporary files)", len(entries))
	}
}

// BenchmarkExportDocx measures one Word export of the example.
func BenchmarkExportDocx(b *testing.B) {
	r := report.Sample()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteDocx(io.Discard, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzWriteDocx: whatever the draft holds, the Word file is a zip of
// well-formed XML.
func FuzzWriteDocx(f *testing.F) {
	for _, s := range []string{"", "\x00\xff", "a\ufffeb", "🇻🇳", "<w:p>&amp;", "]]>", "\u00a0 \u00a0", strings.Repeat("Ư ", 200)} {
		f.Add(s, 1)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		r := report.Sample()
		setStrings(reflect.ValueOf(r), s)
		r.Header.Date = report.Date{Day: n % 40, Month: n % 15, Year: n}
		var b bytes.Buffer
		if err := WriteDocx(&b, r, Options{}); err != nil {
			t.Fatalf("WriteDocx: %v", err)
		}
		_, parts := unzipDocx(t, b.Bytes())
		for name, data := range parts {
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
		}
	})
}
