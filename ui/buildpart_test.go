package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"baocao/report"
)

// TestPartFieldsAreWhatBothFrontEndsAsk: for the example (with an item the
// official added) and for a report of a kind known only from its
// template file, every part's form in the full screen has the fields of
// report.PartFields, keys and titles in order, and plain mode asks the
// same fields, in the same order, under the same titles.
func TestPartFieldsAreWhatBothFrontEndsAsk(t *testing.T) {
	t.Parallel()
	t.Run("example", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		r := report.Sample()
		r.Sections[0].Items = append(r.Sections[0].Items, report.Item{Title: "Mục thêm", Text: "Nội dung mục thêm."})
		if _, err := (&report.Store{Dir: dir}).Create(r); err != nil {
			t.Fatal(err)
		}
		checkPartFields(t, dir)
	})
	t.Run("template kind", func(t *testing.T) {
		t.Parallel()
		dir := templateFolder(t)
		plainAnswers(t, dir, "n", "2", "phường Võ Cường", "1", "2026", "q", "q")
		checkPartFields(t, dir)
	})
}

// checkPartFields compares what the parts of the one draft in dir ask with
// the wizard's forms and plain mode's questions.
func checkPartFields(t *testing.T, dir string) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(paths) != 1 {
		t.Fatalf("drafts %q", paths)
	}
	r := loadDraft(t, paths[0])
	parts := r.Parts()
	st := newStyles(true)
	answers := []string{"1"} // open the draft
	asked := 0
	for _, p := range parts {
		specs := report.PartFields(r, p)
		pf := buildPart(&common{st: &st}, r, p, 80, 0)
		var keys, titles, specKeys, labels []string
		for _, k := range pf.order {
			if k == report.FieldPeriod+".year" {
				continue // the period's year, in the same field of the spec
			}
			keys = append(keys, k)
			titles = append(titles, pf.fields[k].title)
		}
		for _, f := range specs {
			specKeys = append(specKeys, f.Key)
			labels = append(labels, f.Label)
		}
		if !slices.Equal(keys, specKeys) || !slices.Equal(titles, labels) {
			t.Errorf("part %s: the form has %q %q, the spec %q %q", p.ID, keys, titles, specKeys, labels)
		}
		if len(specs) == 0 {
			if pf.list == nil {
				t.Errorf("part %s asks nothing and is no list", p.ID)
			}
			answers = append(answers, "b")
			continue
		}
		asked++
		answers = append(answers, "")
		for _, f := range specs {
			answers = append(answers, "")
			if f.Kind == report.PeriodField {
				answers = append(answers, "") // its year
			}
		}
	}
	if asked < 4 {
		t.Fatalf("only %d parts ask anything", asked)
	}
	out := plainAnswers(t, dir, answers...)
	for i, p := range parts {
		head := fmt.Sprintf("== Phần %d/%d: ", i+1, len(parts))
		at := strings.Index(out, head)
		if at < 0 {
			t.Errorf("plain mode never shows %q:\n%s", head, out)
			continue
		}
		seg := out[at+len(head):]
		if end := strings.Index(seg, "== Phần "); end >= 0 {
			seg = seg[:end]
		}
		var missing []string
		for _, f := range report.PartFields(r, p) {
			q := f.Label + " ["
			switch {
			case f.Kind == report.PeriodField:
				q = f.Label + " ("
			case !strings.Contains(seg, q):
				q = f.Label + ":"
			}
			j := strings.Index(seg, q)
			if j < 0 {
				missing = append(missing, q)
				continue
			}
			seg = seg[j+len(q):]
		}
		if len(missing) > 0 {
			t.Errorf("part %s: plain mode does not ask, in order, %q:\n%s", p.ID, missing, out[at:])
		}
	}
}
