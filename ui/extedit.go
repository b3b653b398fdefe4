package ui

import (
	"os"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// editorCommand is the external editor: $VISUAL or $EDITOR (which may carry
// arguments), else Notepad on Windows, else nano, else vi.
func editorCommand() []string {
	for _, env := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(os.Getenv(env)); len(f) > 0 {
			return f
		}
	}
	if runtime.GOOS == "windows" {
		return []string{"notepad"}
	}
	for _, e := range []string{"nano", "vi"} {
		if p, err := exec.LookPath(e); err == nil {
			return []string{p}
		}
	}
	return []string{"vi"}
}

// openEditor writes text to a temporary file, runs the editor on it with the
// terminal handed over, and brings the file's text back as an
// editorDoneMsg for the field key.
func openEditor(key, text string) tea.Cmd {
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
	args := editorCommand()
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
