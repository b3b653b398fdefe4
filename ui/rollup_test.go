package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/export"
	"baocao/report"
)

// TestRollupFromTheDraftsList: h on the drafts list asks for a folder,
// the drafts folder by default; Enter rolls its drafts up into an Excel
// file written there, says so, and a second roll-up asks before replacing
// it. A folder that is not there is said so, nothing written.
func TestRollupFromTheDraftsList(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	store := &report.Store{Dir: dir}
	if _, err := store.Create(report.Sample()); err != nil {
		t.Fatal(err)
	}
	other := report.Sample()
	other.SetUnit("xã Tân Chi")
	other.Indicators[0].Value = "87,5"
	if _, err := store.Create(other); err != nil {
		t.Fatal(err)
	}

	d := newDriver(t, dir, 100, 30)
	d.key("h")
	d.wantFlat("Tổng hợp số liệu các báo cáo trong thư mục")
	d.wantFlat(dir)
	d.typeText(string(filepath.Separator) + "khong-co")
	d.key("enter")
	d.wantFlat("không tồn tại")
	for range len(string(filepath.Separator) + "khong-co") {
		d.key("backspace")
	}
	d.key("enter")
	d.wantFlat("Đã tổng hợp 2 đơn vị (quý I năm 2026) từ 2 tệp")
	out := filepath.Join(dir, "tong-hop-nq57-2026-q1.xlsx")
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("the roll-up: %v", err)
	}
	rows, _ := f.GetRows(export.SheetRollup)
	f.Close()
	found := false
	for y, row := range rows {
		if len(row) > 1 && row[0] == "xã Tân Chi" {
			f, _ := excelize.OpenFile(out)
			v, _ := f.GetCellValue(export.SheetRollup, "B"+strconv.Itoa(y+1), excelize.Options{RawCellValue: true})
			f.Close()
			found = v == "0.875"
		}
	}
	if !found {
		t.Errorf("Tân Chi's first figure is not 0.875 in %q", rows)
	}

	before, _ := os.Stat(out)
	d.key("h", "enter")
	d.wantFlat("Ghi đè bằng bảng tổng hợp mới?")
	d.key("k")
	if now, _ := os.Stat(out); !now.ModTime().Equal(before.ModTime()) {
		t.Error("the roll-up was replaced after «không»")
	}
	d.key("enter")
	d.wantFlat("Ghi đè bằng bảng tổng hợp mới?")
	d.key("c")
	d.wantFlat("Đã tổng hợp 2 đơn vị")
}

// TestPlainRollsUpAFolder: plain mode's «h» asks for the folder (the
// drafts folder by default), rolls its reports up into an Excel file
// there, and asks before it replaces that file.
func TestPlainRollsUpAFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	store := &report.Store{Dir: dir}
	for _, unit := range []string{"xã Dương Hưu", "xã Tân Chi"} {
		r := report.Sample()
		r.SetUnit(unit)
		if _, err := store.Create(r); err != nil {
			t.Fatal(err)
		}
	}
	o := plainAnswers(t, dir, "h", filepath.Join(dir, "khong-co"), "h", "", "q")
	// Compared without spaces: a long path may be wrapped anywhere.
	bare := func(s string) string { return strings.Join(strings.Fields(s), "") }
	out := filepath.Join(dir, "tong-hop-nq57-2026-q1.xlsx")
	for _, want := range []string{
		"h: tổng hợp số liệu",
		"Thư mục «" + filepath.Join(dir, "khong-co") + "» không tồn tại.",
		"Đã tổng hợp 2 đơn vị (quý I năm 2026) từ 2 tệp vào " + out + ".",
	} {
		if !strings.Contains(bare(o), bare(want)) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	before, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Again: the file is there; «k» keeps it.
	o = plainAnswers(t, dir, "h", "", "k", "q")
	if !strings.Contains(bare(o), bare("Đã có tệp «"+out+"». Ghi đè bằng bảng tổng hợp mới?")) {
		t.Errorf("not asked before replacing:\n%s", o)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(after, before) {
		t.Error("the roll-up was replaced after «k»")
	}
}
