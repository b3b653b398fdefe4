package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"baocao/report"
)

// The Word file (.docx, ECMA-376 WordprocessingML, transitional) says
// what the PDF says, laid out the same way in Word's own terms, so that
// officials can edit it: real paragraphs with indents and spacing, real
// tables, no text boxes or frames, Times New Roman (which Word has and
// for which LibreOffice substitutes Liberation Serif, of the same widths),
// the vi-VN language. See docx-layout in the project's notes:
//
//   - the two-column header and the "Nơi nhận" + signature block are
//     borderless tables; the rules under the agency, the motto and the
//     trích yếu are bottom borders of short paragraphs;
//   - headings are styles "heading 1" and "heading 2" (Word's navigation
//     pane lists them), kept with the next paragraph;
//   - page numbers are a PAGE field in the header, none on a section's
//     first page; the appendix is a section of its own, numbered from 1,
//     its table bordered with the heading row repeated on every page;
//   - blanks for the clerk are runs of no-break spaces as wide as the
//     PDF's, which the clerk can type over;
//   - the draft itself travels in a custom XML part, as it does attached
//     to the PDF (see docx_data.go).
//
// The same report and [Options] give the same bytes: the zip entries are
// written in a fixed order with a fixed time, and the dates inside come
// from the report or the options.

// WriteDocx writes r as a Word file to w. Whatever the report holds, it
// does not panic, and characters XML cannot hold never reach the file.
func WriteDocx(w io.Writer, r *report.Report, opt Options) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("tạo tệp Word: lỗi nội bộ: %v", p)
		}
	}()
	if r == nil {
		return errors.New("tạo tệp Word: không có báo cáo")
	}
	o := r.Outline()
	date := opt.Date
	if date.IsZero() {
		date = reportDate(o.Info.Date)
	}
	data, err := report.Marshal(r)
	if err != nil {
		return fmt.Errorf("tạo tệp Word: %w", err)
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, part := range docxParts(o, date, data) {
		f, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: zipTime})
		if err == nil {
			_, err = io.WriteString(f, part.body)
		}
		if err != nil {
			return fmt.Errorf("tạo tệp Word: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("tạo tệp Word: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("ghi tệp Word: %w", err)
	}
	return nil
}

// zipTime is the time of every entry: the DOS epoch, so that the bytes
// depend on nothing but the report.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// DocxFileName is the default name of the Word file: [FileName] ending
// in .docx.
func DocxFileName(r *report.Report) string {
	return report.ExportStem(r) + ".docx"
}

// WriteDocxFile writes r as a Word file to path, atomically, like
// [WriteFile].
func WriteDocxFile(path string, r *report.Report, opt Options, force bool) error {
	var buf bytes.Buffer
	return writeAtomic(path, "Word", force, func() ([]byte, error) {
		err := WriteDocx(&buf, r, opt)
		return buf.Bytes(), err
	})
}

// part is one file of the package.
type part struct{ name, body string }

// Relationship types and content types of the package's parts.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore   = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relStyles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relSet    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relHeader = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	ctMain    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// docxParts are the package's parts in the order they are zipped,
// [Content_Types].xml first as readers expect; data is the draft they
// carry (see docx_data.go).
func docxParts(o *report.Outline, date time.Time, data []byte) []part {
	rels := func(rs ...[3]string) string {
		var b strings.Builder
		b.WriteString(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
		for _, r := range rs {
			fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s" Target="%s"/>`, r[0], r[1], r[2])
		}
		return b.String() + `</Relationships>`
	}
	return append([]part{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="` + ctMain + `document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="` + ctMain + `styles+xml"/>` +
			`<Override PartName="/word/settings.xml" ContentType="` + ctMain + `settings+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="` + ctMain + `header+xml"/>` +
			`<Override PartName="/word/header2.xml" ContentType="` + ctMain + `header+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
			`<Override PartName="/customXml/itemProps1.xml" ContentType="` + ctCustomXMLProps + `"/>` +
			`</Types>`},
		{"_rels/.rels", rels(
			[3]string{"rId1", relDoc, "word/document.xml"},
			[3]string{"rId2", relCore, "docProps/core.xml"},
			[3]string{"rId3", relApp, "docProps/app.xml"},
		)},
		{"docProps/core.xml", coreXML(o.Info, date)},
		{"docProps/app.xml", xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
			`<Application>baocao</Application><Company>` + xmlText(o.Info.Author) + `</Company></Properties>`},
		{"word/_rels/document.xml.rels", rels(
			[3]string{"rId1", relStyles, "styles.xml"},
			[3]string{"rId2", relSet, "settings.xml"},
			[3]string{"rIdPageNo", relHeader, "header1.xml"},
			[3]string{"rIdNoPageNo", relHeader, "header2.xml"},
			[3]string{"rIdData", relCustomXML, "../customXml/item1.xml"},
		)},
		{"word/document.xml", documentXML(o)},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/header1.xml", headerXML(true)},
		{"word/header2.xml", headerXML(false)},
	}, dataParts(data)...)
}

// coreXML is the document's properties: title, subject, the issuing
// agency as author, the language and the report's date.
func coreXML(info report.Info, date time.Time) string {
	d := date.UTC().Format("2006-01-02T15:04:05Z")
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + xmlText(info.Title) + `</dc:title>` +
		`<dc:subject>` + xmlText(info.Subject) + `</dc:subject>` +
		`<dc:creator>` + xmlText(info.Author) + `</dc:creator>` +
		`<dc:language>vi-VN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + d + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + d + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

// headerXML is a page header: the page number, centred, or nothing (for
// a section's first page).
func headerXML(number bool) string {
	body := `<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>`
	if number {
		body += `<w:fldSimple w:instr=" PAGE "><w:r>` + rPr(false, false, stPageNo.size) + `<w:t>2</w:t></w:r></w:fldSimple>`
	}
	return xmlHead + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` + body + `</w:p></w:hdr>`
}

// The document's styles: Times New Roman 14 pt in Vietnamese by default;
// "Body Text" for paragraphs (justified, first-line indent, the PDF's
// spacing); "heading 1" and "heading 2" for section and item headings.
var stylesXML = xmlHead + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` +
	`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>` +
	`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>` +
	`<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr>` + spacing(0, paraGap, stBody.lead) + fmt.Sprintf(`<w:ind w:firstLine="%d"/>`, twips(indent)) + `<w:jc w:val="both"/></w:pPr></w:style>` +
	headingStyle(1) + headingStyle(2) +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>` +
	`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

func headingStyle(level int) string {
	return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/>`+
		`<w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/>`+
		`<w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val="%d"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>`,
		level, level, level-1)
}

var settingsXML = xmlHead + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="vi-VN"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>` +
	`</w:settings>`
