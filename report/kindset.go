package report

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TemplateDir is the folder inside the drafts folder that holds the
// template files of the unit's own report kinds.
const TemplateDir = "mau"

// KindFile is one template file as [LoadKinds] found it: its kind, or
// why it cannot be used.
type KindFile struct {
	// Path is the file's path; "" for a built-in kind.
	Path string
	Kind *Kind
	// Err is why the file cannot be used: a [*TemplateError], several
	// joined, or a read error.
	Err error
	// ShadowedBy is the path of a later file of the same id, which is
	// used instead; "" when this one is used.
	ShadowedBy string
}

// Kinds is the set of report kinds a session can write: the built-in
// ones, then those of each template folder, a later file replacing an
// earlier kind of the same id.
type Kinds struct {
	// Files lists every template found, usable or not, in the order read.
	Files []KindFile
}

// LoadKinds reads the built-in kinds, then the *.yaml files of each
// folder in dirs, in name order. A folder that does not exist adds
// nothing; a file that cannot be read or parsed is listed with its error
// and the others are still used.
func LoadKinds(dirs ...string) *Kinds {
	ks := &Kinds{}
	for _, k := range BuiltinKinds() {
		ks.add(KindFile{Kind: k})
	}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".yaml") {
				continue
			}
			name := filepath.Join(dir, e.Name())
			k, err := ReadKind(name)
			ks.add(KindFile{Path: name, Kind: k, Err: err})
		}
	}
	return ks
}

func (ks *Kinds) add(f KindFile) {
	if f.Kind != nil {
		for i := range ks.Files {
			if o := &ks.Files[i]; o.Kind != nil && o.ShadowedBy == "" && o.Kind.ID == f.Kind.ID {
				o.ShadowedBy = f.Path
			}
		}
	}
	ks.Files = append(ks.Files, f)
}

// ReadKind reads and parses one template file.
func ReadKind(path string) (*Kind, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: errors.New("không phải tệp thường")}
	}
	if info.Size() > maxTemplateSize {
		return nil, &TemplateError{File: path, Msg: "tệp quá lớn (" + sizeText(info.Size()) + "); tệp mẫu thật chỉ vài chục KB"}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := ParseKind(path, data)
	if k != nil {
		k.Source = path
	}
	return k, err
}

// All returns the kinds in use, in the order first read. A nil set holds
// the built-in kinds.
func (ks *Kinds) All() []*Kind {
	if ks == nil {
		return BuiltinKinds()
	}
	var out []*Kind
	for _, f := range ks.Files {
		if f.Kind != nil && f.ShadowedBy == "" {
			out = append(out, f.Kind)
		}
	}
	return out
}

// Get returns the kind in use with the given id, or nil; "" is
// [DefaultKindID].
func (ks *Kinds) Get(id string) *Kind {
	if id == "" {
		id = DefaultKindID
	}
	for _, k := range ks.All() {
		if k.ID == id {
			return k
		}
	}
	return nil
}

// Broken returns the files that cannot be used.
func (ks *Kinds) Broken() []KindFile {
	var out []KindFile
	for _, f := range ks.Files {
		if f.Err != nil {
			out = append(out, f)
		}
	}
	return out
}
