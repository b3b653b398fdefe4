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
// cross-reference offsets stay right: the header says PDF 1.4 (the
// version Decree 30 asks for, a superset of the 1.3 fpdf writes; fpdf
// v0.12.0 follows it with the binary-marker comment the format
// recommends), and the fonts carry subset names.
func finish(b []byte) []byte {
	if bytes.HasPrefix(b, []byte("%PDF-1.3")) {
		b[7] = '4'
	}
	from := "/utf8" + strings.ToLower(fontName)
	for _, s := range subsetTags {
		b = bytes.ReplaceAll(b, []byte(from+s.style), []byte("/"+s.tag+"+LiberationSerif"+s.style))
	}
	return b
}
