package report

import (
	"strings"
	"testing"
)

// TestPartFieldsAreBoundAndNameNoKey: every field of every part of each
// built-in kind is bound to the report as its kind says, has a label, and
// keeps one key; no hint names a key or a line separator, which each
// front end words for itself.
func TestPartFieldsAreBoundAndNameNoKey(t *testing.T) {
	reports := []*Report{Sample()}
	for _, k := range BuiltinKinds() {
		reports = append(reports, NewReport(k, Period{Kind: Quarter, Quarter: 2, Year: 2026}))
	}
	for _, r := range reports {
		seen := map[string]bool{}
		for _, p := range r.Parts() {
			fs := PartFields(r, p)
			if (p.ID == PartIndicators || p.ID == PartRecipients) != (len(fs) == 0) {
				t.Errorf("%s: part %s has %d fields", r.KindID, p.ID, len(fs))
			}
			for _, f := range fs {
				bound := map[FieldKind]bool{
					LineField: f.Text != nil, TextField: f.Text != nil, LinesField: f.Lines != nil,
					DateField: f.Date != nil, PeriodField: f.Period != nil,
				}[f.Kind]
				if !bound || f.Label == "" || seen[f.Key] {
					t.Errorf("%s: field %q (%q): bound %v, seen before %v", r.KindID, f.Key, f.Label, bound, seen[f.Key])
				}
				seen[f.Key] = true
				for _, bad := range []string{"Ctrl+", "«+»", "//", "Enter", "Tab"} {
					if strings.Contains(f.Hint, bad) {
						t.Errorf("%s: the hint of %s names %q: %q", r.KindID, f.Key, bad, f.Hint)
					}
				}
				if (f.Derived != nil) != (f.Take != nil) || (f.Derived != nil && f.DerivedName == "") {
					t.Errorf("%s: %s: derived text without a name or a way to take it", r.KindID, f.Key)
				}
			}
		}
	}
}
