package export

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
)

// preparedFacesSum is the SHA-256 of the faces [cutFaces] returns, laid out
// as [encodeFaces] writes them. It names the cache file and is what a
// cached copy must hash to: a cache entry is used only when it is exactly
// what this program would cut. [TestPreparedFacesSum] recomputes it, so a
// change to the font files, to [report.Drawable], to the cutting code or
// to fpdf's UTF8CutFont fails that test until this constant follows.
const preparedFacesSum = "18fc880d058c1bd89635cb1b99f1d0d3720bd7592be08acaa7ea807009998717"

// maxFaceCache bounds what is read from the cache: the four prepared
// faces take ≈ 250 KB.
const maxFaceCache = 4 << 20

var errBadCache = errors.New("bad face cache")

// faceCachePath is where the prepared faces are kept between runs, in the
// user's cache directory ("" when the system has none).
func faceCachePath() string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return ""
	}
	return filepath.Join(dir, "baocao", "faces-"+preparedFacesSum[:16]+".bin")
}

// prepareFaces returns the prepared faces, read from the cache file at
// path when it holds a verified copy, cut otherwise and then stored there.
// The cache is never required: with path "", or a cache that cannot be
// read or written, the faces are cut as if there were none.
func prepareFaces(path string) []face {
	if path != "" {
		if fs, err := readFaceCache(path); err == nil {
			return fs
		}
	}
	fs := cutFaces()
	if path != "" {
		_ = writeFaceCache(path, encodeFaces(fs))
	}
	return fs
}

// encodeFaces lays the faces out one after another, each preceded by its
// length as four big-endian bytes.
func encodeFaces(fs []face) []byte {
	var b []byte
	for _, f := range fs {
		b = binary.BigEndian.AppendUint32(b, uint32(len(f.ttf)))
		b = append(b, f.ttf...)
	}
	return b
}

// readFaceCache returns the faces stored at path if the file hashes to
// [preparedFacesSum]; anything else (missing, short, corrupt, from another
// version) is an error.
func readFaceCache(path string) ([]face, error) {
	if fi, err := os.Stat(path); err != nil {
		return nil, err
	} else if fi.Size() > maxFaceCache {
		return nil, errBadCache
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:]) != preparedFacesSum {
		return nil, errBadCache
	}
	fs := make([]face, 0, len(originalFaces))
	for _, o := range originalFaces {
		if len(b) < 4 {
			return nil, errBadCache
		}
		n := binary.BigEndian.Uint32(b)
		if uint64(n) > uint64(len(b)-4) {
			return nil, errBadCache
		}
		fs = append(fs, face{o.style, b[4 : 4+n : 4+n]})
		b = b[4+n:]
	}
	if len(b) != 0 {
		return nil, errBadCache
	}
	return fs, nil
}

// writeFaceCache stores b at path atomically: a temporary file in the same
// directory, renamed over path, so that a reader sees the old file or the
// new one, never half of one. (A file cut short by a crash fails the hash
// on the next read and is written again.) Older versions' files in the
// directory are removed.
func writeFaceCache(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".faces-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(dir, "faces-*.bin"))
	for _, o := range old {
		if o != path {
			_ = os.Remove(o)
		}
	}
	return nil
}
