package export

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The Word file carries the draft as the PDF does (see [DataFileName]),
// in a custom XML data part (ECMA-376 Part 1, §15.2.4 and §22.5):
// customXml/item1.xml holds the draft's JSON, as [report.Marshal] writes
// it, in the text of a <draft> element; customXml/itemProps1.xml gives
// the part its identifier and names the namespace of the XML; the main
// document part refers to the item, the item to its properties. Word
// keeps such parts when the file is edited and saved.
const (
	// DocxDataNamespace is the namespace of customXml/item1.xml's root
	// element, <baocao>, whose <draft> element holds the draft.
	DocxDataNamespace = "urn:baocao:du-lieu:1"

	relCustomXML      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
	relCustomXMLProps = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
	ctCustomXMLProps  = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
	nsCustomXML       = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
)

// dataParts are the custom XML part holding the draft data and its
// properties part.
func dataParts(data []byte) []part {
	return []part{
		{"customXml/item1.xml", xmlHead + `<baocao xmlns="` + DocxDataNamespace + `"><draft type="application/json">` +
			jsonInXML(data) + `</draft></baocao>`},
		{"customXml/itemProps1.xml", xmlHead + `<ds:datastoreItem ds:itemID="` + itemID(data) + `" xmlns:ds="` + nsCustomXML + `">` +
			`<ds:schemaRefs><ds:schemaRef ds:uri="` + DocxDataNamespace + `"/></ds:schemaRefs></ds:datastoreItem>`},
		{"customXml/_rels/item1.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relCustomXMLProps + `" Target="itemProps1.xml"/></Relationships>`},
	}
}

// jsonInXML is JSON text escaped for an XML element. A character XML
// cannot hold, which can only stand inside a JSON string, is written as
// the JSON escape \uXXXX, which means the same.
func jsonInXML(data []byte) string {
	var b strings.Builder
	for s := string(data); s != ""; {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\n' || r == '\t' || xmlChar(r):
			b.WriteString(s[:n])
		default:
			fmt.Fprintf(&b, `\u%04x`, r) // below U+10000: the others are xmlChar
		}
		s = s[n:]
	}
	return b.String()
}

// itemID is the data store item's GUID, made from the data so that the
// same report gives the same file.
func itemID(data []byte) string {
	h := sha256.Sum256(data)
	return fmt.Sprintf("{%X-%X-%X-%X-%X}", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
