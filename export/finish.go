package export

import (
	"bytes"
	"strings"
)

// subsetTags name the embedded subsets, by fpdf style, the way PDF
// readers expect: six capitals and "+".
var subsetTags = []struct{ style, tag string }{
	// longest style first: "BI" must be renamed before "B" matches it
	{boldItalic, "BCAAAD"},
	{bold, "BCAAAB"},
	{italic, "BCAAAC"},
	{regular, "BCAAAA"},
}

// finish mends fpdf's output in place, changing no length so that the
// cross-reference offsets stay right: the fonts carry subset names, and
// the header says PDF 1.7 instead of the 1.3 fpdf writes. Everything fpdf
// writes is valid 1.7, Decree 30 asks for 1.4 or later, and a signing
// tool that needs 1.5 or more for its form fields would otherwise add a
// /Version to the catalog at each signature, which pdfsign does twice in
// one dictionary from the second signature on. (fpdf v0.12.0 follows the
// header with the binary-marker comment the format recommends.)
func finish(b []byte) []byte {
	if bytes.HasPrefix(b, []byte("%PDF-1.3")) {
		b[7] = '7'
	}
	from := "/utf8" + strings.ToLower(fontName)
	for _, s := range subsetTags {
		b = bytes.ReplaceAll(b, []byte(from+s.style), []byte("/"+s.tag+"+LiberationSerif"+s.style))
	}
	return b
}
