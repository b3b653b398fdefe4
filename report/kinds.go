package report

import (
	"embed"
	"path"
	"sort"
	"sync"
)

// builtinFS holds the template files that come with the program.
//
//go:embed kinds/*.yaml
var builtinFS embed.FS

// DefaultKindID is the kind of a draft that names none: every draft
// written before kinds existed is an NQ57 report.
const DefaultKindID = "nq57"

var builtin = sync.OnceValue(func() []*Kind {
	names, err := builtinFS.ReadDir("kinds")
	if err != nil {
		panic("report: built-in templates: " + err.Error())
	}
	var out []*Kind
	for _, n := range names {
		data, err := builtinFS.ReadFile(path.Join("kinds", n.Name()))
		if err != nil {
			panic("report: built-in template " + n.Name() + ": " + err.Error())
		}
		k, err := ParseKind(n.Name(), data)
		if err != nil {
			// A test holds every built-in file to parse.
			panic("report: built-in template " + n.Name() + ": " + err.Error())
		}
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
})

// BuiltinKinds returns the kinds that come with the program, by id.
func BuiltinKinds() []*Kind { return builtin() }

// BuiltinKind returns the built-in kind with the given id, or nil.
func BuiltinKind(id string) *Kind {
	for _, k := range builtin() {
		if k.ID == id {
			return k
		}
	}
	return nil
}
