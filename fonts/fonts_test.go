package fonts

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// TestFilesAreTheOriginals: the embedded faces are the unmodified
// Liberation Serif 2.1.4 files (as github.com/go-fonts/liberation v0.3.3
// ships them). The licence reserves the name for the originals, so a cut
// or otherwise changed face must never replace them here.
func TestFilesAreTheOriginals(t *testing.T) {
	for _, f := range []struct {
		name string
		data []byte
		sum  string
	}{
		{"Regular", Regular, "a82e5f4350d6b66d44d1c77f718d7c658a23ae6097c115748f5ab58c0723af59"},
		{"Bold", Bold, "1226cecb60336d5ab5401c8ecb608cd93fe2576df85ec1f2410eac524878323c"},
		{"Italic", Italic, "9bfb44ebfa0723273129484a6d860bbac2c9ec135aac2a09f5e5bb60ca85898c"},
		{"BoldItalic", BoldItalic, "cb3a04cde5ddde7bd3b82ba0781a41249b24151a4c2a4f47eebb1e3199f3dd5b"},
	} {
		sum := sha256.Sum256(f.data)
		if got := hex.EncodeToString(sum[:]); got != f.sum {
			t.Errorf("%s: SHA-256 %s, want the original file's %s", f.name, got, f.sum)
		}
	}
}
