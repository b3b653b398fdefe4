package ui

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testdata is absolute: golden tests change the working directory.
var testdata, _ = filepath.Abs("testdata")

// fixedNow is the clock of the tests: 10 February 2026, 09:31:05.
func fixedNow() time.Time { return time.Date(2026, 2, 10, 9, 31, 5, 0, time.Local) }

// driver drives the root model by calling Update directly, running the
// commands it returns the way bubbletea would, minus the timers: a command
// still running after a short wait (a tick, a cursor blink) is dropped.
type driver struct {
	t    testing.TB
	m    *model
	quit bool
}

func newDriver(t testing.TB, dir string, w, h int) *driver {
	t.Helper()
	m := newModel(Options{Dir: dir, Now: fixedNow})
	m.inlineSaves = true
	d := &driver{t: t, m: m}
	// The draft left open at the end is closed as on quitting: its lock
	// file stays open otherwise, and Windows cannot remove an open file
	// (the test's temporary folder would not go).
	t.Cleanup(func() { m.closeDraft() })
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(m.Init())
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	_, cmd := d.m.Update(msg)
	d.m.View() // bubbletea draws after every message, quitting included
	d.run(cmd)
}

var cmdType = reflect.TypeOf(tea.Cmd(nil))

func (d *driver) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 5000 {
			d.t.Fatal("too many commands: a loop?")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(60 * time.Millisecond):
			continue
		}
		if msg == nil {
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
			for i := 0; i < v.Len(); i++ {
				queue = append(queue, v.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		switch msg.(type) {
		case tea.QuitMsg:
			d.quit = true
			d.m.View() // the last frame
			continue
		}
		if d.quit {
			continue
		}
		_, next := d.m.Update(msg)
		d.m.View()
		queue = append(queue, next)
	}
}

// sendTogether gives msgs to the model one after the other before any of
// their commands runs, as when several keys arrive in one read.
func (d *driver) sendTogether(msgs ...tea.Msg) {
	d.t.Helper()
	var cmds []tea.Cmd
	for _, msg := range msgs {
		_, cmd := d.m.Update(msg)
		d.m.View()
		cmds = append(cmds, cmd)
	}
	d.run(tea.Batch(cmds...))
}

// key sends one named key: "enter", "tab", "shift+tab", "ctrl+h"…
func (d *driver) key(names ...string) {
	d.t.Helper()
	for _, name := range names {
		d.send(keyMsg(name))
	}
}

func keyMsg(name string) tea.KeyPressMsg {
	var k tea.Key
	parts := strings.Split(name, "+")
	base := parts[len(parts)-1]
	for _, mod := range parts[:len(parts)-1] {
		switch mod {
		case "ctrl":
			k.Mod |= tea.ModCtrl
		case "alt":
			k.Mod |= tea.ModAlt
		case "shift":
			k.Mod |= tea.ModShift
		}
	}
	switch base {
	case "enter":
		k.Code = tea.KeyEnter
	case "tab":
		k.Code = tea.KeyTab
	case "esc":
		k.Code = tea.KeyEscape
	case "backspace":
		k.Code = tea.KeyBackspace
	case "delete":
		k.Code = tea.KeyDelete
	case "pgdown":
		k.Code = tea.KeyPgDown
	case "pgup":
		k.Code = tea.KeyPgUp
	case "up":
		k.Code = tea.KeyUp
	case "down":
		k.Code = tea.KeyDown
	case "left":
		k.Code = tea.KeyLeft
	case "right":
		k.Code = tea.KeyRight
	case "insert":
		k.Code = tea.KeyInsert
	case "f1":
		k.Code = tea.KeyF1
	case "home":
		k.Code = tea.KeyHome
	case "end":
		k.Code = tea.KeyEnd
	default:
		r := []rune(base)
		k.Code = r[0]
		if k.Mod == 0 {
			k.Text = base
		}
	}
	return tea.KeyPressMsg(k)
}

// typeText sends one key per rune, as a terminal does.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		if r == '\n' {
			d.send(keyMsg("enter"))
			continue
		}
		d.send(tea.KeyPressMsg(tea.Key{Code: r, Text: string(r)}))
	}
}

// screen is the current screen without ANSI codes.
func (d *driver) screen() string { return stripANSI(d.m.render()) }

func (d *driver) wantScreen(sub string) {
	d.t.Helper()
	if s := d.screen(); !strings.Contains(s, sub) {
		d.t.Fatalf("screen lacks %q:\n%s", sub, s)
	}
}

// wantFlat is wantScreen for text that may wrap: the screen's lines are
// joined (the wizard's without the sidebar and the focused field's bar)
// and its runs of spaces made one.
func (d *driver) wantFlat(sub string) {
	d.t.Helper()
	var pane []string
	for _, l := range strings.Split(d.screen(), "\n") {
		if _, after, ok := strings.Cut(l, "│"); ok {
			l = after // the wizard's pane, without the sidebar
		}
		// Without the bar that marks the focused field.
		l = strings.TrimLeft(strings.TrimSpace(l), "┃")
		pane = append(pane, l)
	}
	flat := strings.Join(strings.Fields(strings.Join(pane, "\n")), " ")
	// A line may also break after a hyphen inside a word (a long path:
	// "…\\bao-" / "cao.pdf"): joined there without a space too.
	var b strings.Builder
	for _, l := range pane {
		l = strings.TrimSpace(l)
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	hyphens := strings.Join(strings.Fields(b.String()), " ")
	if !strings.Contains(flat, sub) && !strings.Contains(hyphens, sub) {
		d.t.Fatalf("screen lacks %q:\n%s", sub, d.screen())
	}
}

// screenKind names the screens in tests.
type screenKind int

const (
	screenDrafts screenKind = iota
	screenNew
	screenWizard
	screenReview
	screenExport
)

// screenKind is the kind of the screen shown.
func (d *driver) screenKind() screenKind {
	switch d.m.cur.(type) {
	case *newScreen:
		return screenNew
	case *wizard:
		return screenWizard
	case *reviewScreen:
		return screenReview
	case *exportScreen:
		return screenExport
	}
	return screenDrafts
}

// partID is the wizard's current part.
func (d *driver) partID() string {
	if d.m.wiz == nil {
		return ""
	}
	return d.m.wiz.part().ID
}

// focusedKey is the field of the wizard that has the keys.
func (d *driver) focusedKey() string {
	if d.m.wiz == nil || d.m.wiz.active() == nil {
		return ""
	}
	return d.m.wiz.active().focusedKey()
}

// rows is the list of the wizard's current part.
func (d *driver) rows() *rowList {
	d.t.Helper()
	l := d.m.wiz.form().list
	if l == nil {
		d.t.Fatalf("part %s is not a list", d.partID())
	}
	return l
}

// review, newReport and export are the screen shown, which must be of that
// kind.
func (d *driver) review() *reviewScreen {
	d.t.Helper()
	s, ok := d.m.cur.(*reviewScreen)
	if !ok {
		d.t.Fatalf("not on the review:\n%s", d.screen())
	}
	return s
}

func (d *driver) newScreen() *newScreen {
	d.t.Helper()
	s, ok := d.m.cur.(*newScreen)
	if !ok {
		d.t.Fatalf("not on the new report form:\n%s", d.screen())
	}
	return s
}

func (d *driver) export() *exportScreen {
	d.t.Helper()
	s, ok := d.m.cur.(*exportScreen)
	if !ok {
		d.t.Fatalf("not on the export:\n%s", d.screen())
	}
	return s
}

// gotoPart moves the wizard to the part id with PgDn/PgUp.
func (d *driver) gotoPart(id string) {
	d.t.Helper()
	for range 40 {
		if d.partID() == id {
			return
		}
		idx := -1
		idx = d.m.wiz.partIndex(id)
		if idx < 0 {
			d.t.Fatalf("no part %s", id)
		}
		if idx > d.m.wiz.cur {
			d.key("pgdown")
		} else {
			d.key("pgup")
		}
	}
	d.t.Fatalf("could not reach part %s, at %s", id, d.partID())
}

// loadDraft reads the only draft of dir.
func loadDraft(t *testing.T, path string) *report.Report {
	t.Helper()
	r, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(testdata, name)
	got = strings.Join(trimRight(strings.Split(got, "\n")), "\n") + "\n"
	// The goldens show the drafts folder "drafts" with '/'; Windows shows
	// its own separator.
	sep := "drafts" + string(filepath.Separator)
	if *update {
		got := strings.ReplaceAll(got, sep, "drafts/")
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	want = []byte(strings.ReplaceAll(string(want), "drafts/", sep))
	if string(want) != got {
		t.Errorf("screen differs from %s (run with -update if the change is intended)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

func trimRight(lines []string) []string {
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// newReport asks for a new report of unit for the default period from the
// drafts list.
func (d *driver) newReport(unit string) {
	d.t.Helper()
	d.key("n", "ctrl+u")
	d.typeText(unit)
	d.key("tab", "tab", "tab")
}
