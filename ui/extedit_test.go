package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestEditorNeverVi: with neither VISUAL nor EDITOR set, Ctrl+O opens nano
// when the machine has it; without nano it opens nothing (never vi, which
// an official cannot leave) and says how to choose an editor.
func TestEditorNeverVi(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows opens Notepad")
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	bin := t.TempDir()
	vi := filepath.Join(bin, "vi")
	if err := os.WriteFile(vi, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	if args, err := editorCommand(); err == nil {
		t.Fatalf("without nano, the editor is %q", args)
	}
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart("III")
	d.key("ctrl+o")
	d.wantFlat("Không mở được trình soạn thảo: máy này không có trình soạn thảo nano; hãy cài nano, " +
		"hoặc chọn trình soạn thảo khác bằng biến môi trường EDITOR (ví dụ: chạy «EDITOR=gedit baocao»).")

	nano := filepath.Join(bin, "nano")
	if err := os.WriteFile(nano, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if args, err := editorCommand(); err != nil || len(args) != 1 || args[0] != nano {
		t.Errorf("with nano, the editor is %q (%v)", args, err)
	}
	t.Setenv("EDITOR", "gedit --wait")
	if args, _ := editorCommand(); strings.Join(args, " ") != "gedit --wait" {
		t.Errorf("EDITOR not followed: %q", args)
	}
}
