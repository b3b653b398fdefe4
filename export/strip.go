package export

import (
	"encoding/binary"
	"errors"
	"sort"
)

// hintingTables are the TrueType tables only hinting uses.
var hintingTables = map[string]bool{"cvt ": true, "fpgm": true, "prep": true, "hdmx": true, "LTSH": true, "VDMX": true}

var errBadFont = errors.New("bad TrueType file")

// stripHinting returns ttf without its hinting: the hinting tables and
// every glyph's instructions. PDF readers and printers rasterise at high
// resolution without them, and they are a third of a subset's size.
func stripHinting(ttf []byte) ([]byte, error) {
	be := binary.BigEndian
	tables, err := ttfTables(ttf)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || glyf == nil {
		return nil, errBadFont
	}
	long := be.Uint16(head[50:]) == 1
	numGlyphs := int(be.Uint16(maxp[4:]))
	offset := func(g int) int {
		if long {
			return int(be.Uint32(loca[4*g:]))
		}
		return 2 * int(be.Uint16(loca[2*g:]))
	}
	if long && len(loca) < 4*(numGlyphs+1) || !long && len(loca) < 2*(numGlyphs+1) {
		return nil, errBadFont
	}

	var newGlyf, newLoca []byte
	for g := range numGlyphs {
		newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))
		start, end := offset(g), offset(g+1)
		if start > end || end > len(glyf) {
			return nil, errBadFont
		}
		data, err := stripGlyph(glyf[start:end])
		if err != nil {
			return nil, err
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))

	newHead := append([]byte(nil), head...)
	be.PutUint16(newHead[50:], 1) // long loca offsets
	be.PutUint32(newHead[8:], 0)  // checksum adjustment, set below
	tables["head"], tables["glyf"], tables["loca"] = newHead, newGlyf, newLoca
	for t := range hintingTables {
		delete(tables, t)
	}
	return assemble(tables), nil
}

// stripGlyph returns one glyph's data without its instructions.
func stripGlyph(data []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(data) == 0 {
		return nil, nil
	}
	if len(data) < 10 {
		return nil, errBadFont
	}
	contours := int16(be.Uint16(data))
	out := append([]byte(nil), data...)
	if contours >= 0 { // simple glyph: instructions follow the contour ends
		p := 10 + 2*int(contours)
		if p+2 > len(data) {
			return nil, errBadFont
		}
		k := int(be.Uint16(data[p:]))
		if p+2+k > len(data) {
			return nil, errBadFont
		}
		out = append(out[:p], 0, 0)
		return append(out, data[p+2+k:]...), nil
	}
	// Composite glyph: instructions follow the last component.
	const (
		argWords, scale, xyScale, twoByTwo = 0x1, 0x8, 0x40, 0x80
		more, instructions                 = 0x20, 0x100
	)
	p := 10
	for {
		if p+4 > len(data) {
			return nil, errBadFont
		}
		flags := be.Uint16(data[p:])
		if flags&instructions != 0 {
			be.PutUint16(out[p:], flags&^instructions)
		}
		p += 4
		switch {
		case flags&argWords != 0:
			p += 4
		default:
			p += 2
		}
		switch {
		case flags&scale != 0:
			p += 2
		case flags&xyScale != 0:
			p += 4
		case flags&twoByTwo != 0:
			p += 8
		}
		if p > len(data) {
			return nil, errBadFont
		}
		if flags&more == 0 {
			return out[:p], nil
		}
	}
}

// assemble writes a TrueType file from its tables.
func assemble(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	sr, es := 1, 0
	for sr*2 <= n {
		sr, es = sr*2, es+1
	}
	out := be.AppendUint32(nil, 0x00010000)
	out = be.AppendUint16(out, uint16(n))
	out = be.AppendUint16(out, uint16(sr*16))
	out = be.AppendUint16(out, uint16(es))
	out = be.AppendUint16(out, uint16(n*16-sr*16))
	off := 12 + 16*n
	var body []byte
	headAt := 0
	for _, t := range tags {
		d := tables[t]
		if t == "head" {
			headAt = off + len(body)
		}
		out = append(out, t...)
		out = be.AppendUint32(out, checksum(d))
		out = be.AppendUint32(out, uint32(off+len(body)))
		out = be.AppendUint32(out, uint32(len(d)))
		body = append(body, d...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	out = append(out, body...)
	if headAt > 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the TrueType table checksum.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
