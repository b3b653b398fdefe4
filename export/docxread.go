package export

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDocumentXML bounds the main part read from a .docx: a long report's
// is well under a megabyte.
const maxDocumentXML = 32 << 20

// ErrNotDocx says a file is no Word document.
var ErrNotDocx = errors.New("không phải tệp Word .docx")

// DocxParagraphs returns the text of each paragraph of a Word file's
// body, in order: a tab and a non-breaking hyphen read as a space and
// "-", a line break inside a paragraph as "\n". Numbers that Word adds
// by itself (automatic numbering) are not in the text.
func DocxParagraphs(r io.ReaderAt, size int64) ([]string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, ErrNotDocx
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			part = f
		}
	}
	if part == nil {
		return nil, ErrNotDocx
	}
	rc, err := part.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	defer rc.Close()
	return readParagraphs(io.LimitReader(rc, maxDocumentXML))
}

func readParagraphs(r io.Reader) ([]string, error) {
	const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	dec := xml.NewDecoder(r)
	var out []string
	var cur strings.Builder
	inText, inPara := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != w {
				continue
			}
			switch t.Name.Local {
			case "p":
				inPara = true
				cur.Reset()
			case "t":
				inText = true
			case "tab":
				cur.WriteByte(' ')
			case "br", "cr":
				cur.WriteByte('\n')
			case "noBreakHyphen":
				cur.WriteByte('-')
			}
		case xml.EndElement:
			if t.Name.Space != w {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if inPara {
					out = append(out, cur.String())
				}
				inPara = false
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	return out, nil
}
