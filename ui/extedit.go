package ui

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// errNoEditor says that no editor an official can use was found, and how
// to choose one.
var errNoEditor = errors.New("máy này không có trình soạn thảo nano; hãy cài nano, " +
	"hoặc chọn trình soạn thảo khác bằng biến môi trường EDITOR (ví dụ: chạy «EDITOR=gedit baocao»)")

// editorCommand is the external editor: $VISUAL or $EDITOR (which may carry
// arguments), else Notepad on Windows, else nano. vi is never chosen by
// itself: an official who has not chosen it cannot leave it.
func editorCommand() ([]string, error) {
	for _, env := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(os.Getenv(env)); len(f) > 0 {
			return f, nil
		}
	}
	if runtime.GOOS == "windows" {
		return []string{"notepad"}, nil
	}
	if p, err := exec.LookPath("nano"); err == nil {
		return []string{p}, nil
	}
	return nil, errNoEditor
}

// openEditor writes text to a temporary file, runs the editor on it with the
// terminal handed over, and brings the file's text back as an
// editorDoneMsg for the field key.
func openEditor(key, text string) tea.Cmd {
	args, err := editorCommand()
	if err != nil {
		return cmdOf(editorDoneMsg{key: key, err: err})
	}
	f, err := os.CreateTemp("", "baocao-*.txt")
	if err != nil {
		return cmdOf(editorDoneMsg{key: key, err: err})
	}
	name := f.Name()
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return cmdOf(editorDoneMsg{key: key, err: err})
	}
	cmd := exec.Command(args[0], append(args[1:], name)...)
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		defer os.Remove(name)
		if err != nil {
			return editorDoneMsg{key: key, err: err}
		}
		data, rerr := os.ReadFile(name)
		if rerr != nil {
			return editorDoneMsg{key: key, err: rerr}
		}
		return editorDoneMsg{key: key, text: strings.TrimPrefix(string(data), "\ufeff")}
	})
}
