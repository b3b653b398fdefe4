package export

import (
	"encoding/binary"
	"sync"
)

// metrics are the advance widths of one face, read from its TrueType
// file: what the Word writer needs to size rules, indents and blanks the
// way the PDF does, without building a PDF. Liberation Serif has Times
// New Roman's widths, so the sizes hold in Word too.
type metrics struct {
	unitsPerEm float64
	advance    map[rune]uint16 // font units, for every character the font maps
	fallback   uint16          // the advance of the missing-glyph box
}

var (
	metricsOnce sync.Once
	faceMetrics map[string]*metrics
)

// metricsOf returns the metrics of a face by its fpdf style; the faces are
// read once per process.
func metricsOf(style string) *metrics {
	metricsOnce.Do(func() {
		faceMetrics = map[string]*metrics{}
		for _, f := range originalFaces {
			m, err := readMetrics(f.ttf)
			if err != nil {
				panic("export: embedded font unreadable: " + err.Error()) // the tests read every face
			}
			faceMetrics[f.style] = m
		}
	})
	return faceMetrics[style]
}

// width is the width of s in millimetres at size points.
func (m *metrics) width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		a, ok := m.advance[r]
		if !ok {
			a = m.fallback
		}
		units += int(a)
	}
	return float64(units) / m.unitsPerEm * size * pt
}

// readMetrics reads the advance width of every character of a TrueType
// file mapped by its Unicode BMP character map (format 4).
func readMetrics(ttf []byte) (*metrics, error) {
	be := binary.BigEndian
	tables, err := ttfTables(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 20 || len(hhea) < 36 || len(cmap) < 4 {
		return nil, errBadFont
	}
	m := &metrics{unitsPerEm: float64(be.Uint16(head[18:])), advance: map[rune]uint16{}}
	nh := int(be.Uint16(hhea[34:]))
	if nh == 0 || len(hmtx) < 4*nh || m.unitsPerEm == 0 {
		return nil, errBadFont
	}
	adv := func(g int) uint16 {
		return be.Uint16(hmtx[4*min(g, nh-1):])
	}
	m.fallback = adv(0)

	var sub []byte
	for i := range int(be.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, errBadFont
		}
		platform, encoding, off := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:]), int(be.Uint32(cmap[rec+4:]))
		if platform == 3 && encoding == 1 && off+4 <= len(cmap) && be.Uint16(cmap[off:]) == 4 {
			sub = cmap[off:]
			break
		}
	}
	if len(sub) < 14 {
		return nil, errBadFont
	}
	segs := int(be.Uint16(sub[6:])) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if len(sub) < ranges+2*segs {
		return nil, errBadFont
	}
	for s := range segs {
		end, start := int(be.Uint16(sub[ends+2*s:])), int(be.Uint16(sub[starts+2*s:]))
		delta, ro := int(be.Uint16(sub[deltas+2*s:])), int(be.Uint16(sub[ranges+2*s:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				at := ranges + 2*s + ro + 2*(c-start)
				if at+2 > len(sub) {
					return nil, errBadFont
				}
				if g = int(be.Uint16(sub[at:])); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				m.advance[rune(c)] = adv(g)
			}
		}
	}
	return m, nil
}

// ttfTables returns the tables of a TrueType file by tag.
func ttfTables(ttf []byte) (map[string][]byte, error) {
	be := binary.BigEndian
	if len(ttf) < 12 {
		return nil, errBadFont
	}
	n := int(be.Uint16(ttf[4:]))
	tables := map[string][]byte{}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errBadFont
		}
		off, ln := int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(ttf) {
			return nil, errBadFont
		}
		tables[string(ttf[rec:rec+4])] = ttf[off : off+ln]
	}
	return tables, nil
}
