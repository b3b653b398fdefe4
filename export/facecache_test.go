package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"baocao/report"
)

// TestPreparedFacesSum holds the cache's name and check to what the
// program cuts today. When it fails, the fonts, report.Drawable, the
// cutting code or fpdf changed what is cut: set preparedFacesSum to the
// sum shown, so that no process takes an older cut from the cache.
func TestPreparedFacesSum(t *testing.T) {
	sum := sha256.Sum256(encodeFaces(cutFaces()))
	if got := hex.EncodeToString(sum[:]); got != preparedFacesSum {
		t.Errorf("the prepared faces hash to %s; set preparedFacesSum to it", got)
	}
}

// TestCutFacesDeterministic: the cut is the same every time, or the cache
// could never be verified.
func TestCutFacesDeterministic(t *testing.T) {
	if !bytes.Equal(encodeFaces(cutFaces()), encodeFaces(cutFaces())) {
		t.Fatal("two cuts of the faces differ")
	}
}

func TestFaceCache(t *testing.T) {
	want := encodeFaces(cutFaces())
	dir := t.TempDir()
	path := filepath.Join(dir, "baocao", "faces-"+preparedFacesSum[:16]+".bin")
	old := filepath.Join(dir, "baocao", "faces-0123456789abcdef.bin")
	if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte("an older version's faces"), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(when string, fs []face) {
		t.Helper()
		if !bytes.Equal(encodeFaces(fs), want) {
			t.Fatalf("%s: faces differ from a fresh cut", when)
		}
		if on, err := os.ReadFile(path); err != nil || !bytes.Equal(on, want) {
			t.Fatalf("%s: cache file holds %d bytes (%v), want the %d-byte prepared faces", when, len(on), err, len(want))
		}
		entries, _ := os.ReadDir(filepath.Dir(path))
		if len(entries) != 1 {
			t.Fatalf("%s: cache directory holds %d entries, want only the current faces (no temporary or older files)", when, len(entries))
		}
	}

	check("missing cache", prepareFaces(path))
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("an older version's cache file was left behind")
	}
	fs, err := readFaceCache(path)
	if err != nil {
		t.Fatalf("reading the cache just written: %v", err)
	}
	check("warm cache", fs)

	// A damaged entry is refused, then replaced by a good one.
	for name, damage := range map[string]func([]byte) []byte{
		"flipped byte":  func(b []byte) []byte { b[len(b)/2] ^= 1; return b },
		"cut short":     func(b []byte) []byte { return b[:len(b)-100] },
		"empty":         func([]byte) []byte { return nil },
		"extra at end":  func(b []byte) []byte { return append(b, 0) },
		"wrong lengths": func(b []byte) []byte { b[0] = 0xFF; return b },
	} {
		if err := os.WriteFile(path, damage(bytes.Clone(want)), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readFaceCache(path); err == nil {
			t.Errorf("%s: damaged cache accepted", name)
		}
		check(name, prepareFaces(path))
	}
}

// TestFaceCacheNeverRequired: with no cache, or one that cannot be
// written, the faces are cut and the export works.
func TestFaceCacheNeverRequired(t *testing.T) {
	want := encodeFaces(cutFaces())
	blocker := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"", filepath.Join(blocker, "baocao", "faces.bin")} {
		fs := prepareFaces(path)
		if !bytes.Equal(encodeFaces(fs), want) {
			t.Errorf("cache %q: faces differ from a fresh cut", path)
		}
		var b bytes.Buffer
		if err := write(&b, report.Sample(), Options{Date: testDate}, fs); err != nil {
			t.Errorf("cache %q: export: %v", path, err)
		}
		if !bytes.Equal(b.Bytes(), render(t, report.Sample())) {
			t.Errorf("cache %q: export differs from the usual one", path)
		}
	}
}
