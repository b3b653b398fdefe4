// Package fonts embeds the typeface of baocao's documents: Liberation Serif
// 2.1.4 in its four faces, so that a PC with no fonts installed still
// exports a correct PDF.
//
// Liberation Serif has Times New Roman's metrics — lines break where Word
// would break them — and a glyph for every Vietnamese letter. The faces are
// the unmodified TrueType files of the Liberation project, distributed under
// the SIL Open Font License 1.1 (the file OFL.txt beside them); the
// exporter embeds only the glyphs a document uses. Ship these files as they
// are: the licence reserves the name "Liberation" for the originals. The
// exporter's cut-down copies are made on the user's machine and kept only
// in the user's cache directory, to be embedded in documents.
package fonts

import _ "embed" // for the font files

// The four faces, as TrueType file bytes. Callers must not modify them.
var (
	// Regular is Liberation Serif Regular.
	//
	//go:embed LiberationSerif-Regular.ttf
	Regular []byte

	// Bold is Liberation Serif Bold.
	//
	//go:embed LiberationSerif-Bold.ttf
	Bold []byte

	// Italic is Liberation Serif Italic.
	//
	//go:embed LiberationSerif-Italic.ttf
	Italic []byte

	// BoldItalic is Liberation Serif Bold Italic.
	//
	//go:embed LiberationSerif-BoldItalic.ttf
	BoldItalic []byte
)

// Family is the name of the typeface.
const Family = "Liberation Serif"

// Version is the version of the embedded font files.
const Version = "2.1.4"

// License names the licence of the font files; its full text is in OFL.txt
// in this package's directory.
const License = "SIL Open Font License 1.1"

// LicenseText is the full text of the font licence, for an "about" screen
// or for shipping beside the program.
//
//go:embed OFL.txt
var LicenseText string
