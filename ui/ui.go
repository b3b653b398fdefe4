// Package ui is the terminal interface of baocao.
//
// [Run] starts one bubbletea program holding every screen:
//
//   - the drafts list (unit, period, completeness, last saved), where a
//     draft is opened, created, carried over to the next period, exported
//     or moved to the trash;
//   - the wizard: a sidebar of the report's parts and the current part's
//     huh form, saving by itself at most a second after each change;
//   - the review: the whole report as the PDF will read, then every problem
//     report.Check finds, each leading to its field;
//   - the export of the PDF, the Word file, the Excel appendix or all.
//
// With Options.Plain the same questions are asked one by one, reading the
// terminal key by key (see plain_input.go), for consoles where full-screen
// drawing fails.
//
// # How it is built
//
// The root model (root.go) shows one screen at a time; a screen
// (screen.go) is given a common struct of styles, keys, clock and size,
// and asks the root for another screen with a message declared beside it.
// Every key is defined in keys.go; the F1 list (help.go) is made from the
// screens' bindings. The wizard (wizard*.go, sidebar.go, rowlist.go) keeps
// one form per part (partform.go, buildpart.go, shared with plain mode)
// for as long as the part's place in the report stands, so cursors and
// scrolls survive resizes and part changes; its long texts are fields of
// package textfield, which draw only what they show. Every
// workaround for huh lives in huhfix.go. The open draft saves itself
// (autosave.go) and remembers where it was edited (session.go).
package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// Options configures [Run].
type Options struct {
	// Dir is the drafts folder; empty means report.DefaultDir().
	Dir string
	// Plain asks the questions one by one instead of drawing full
	// screens.
	Plain bool
	// Kinds are the report kinds a new report can be; nil means the
	// built-in ones and those of the drafts folder's mau/ folder.
	Kinds *report.Kinds

	// Input and Output replace the terminal (tests); nil means standard
	// input and output.
	Input  io.Reader
	Output io.Writer
	// Now replaces the clock (tests); nil means time.Now.
	Now func() time.Time
	// ExportDate is the date recorded in exported files; zero lets the
	// exporter take the report's own date.
	ExportDate time.Time
}

// Run starts the interface and returns when the official quits. The open
// draft is saved and unlocked on every way out: quitting, SIGTERM, SIGHUP,
// the console window closing. The full screen needs a terminal: without
// one it returns [ErrNoTerminal] before starting.
func Run(opt Options) error {
	if opt.Dir == "" {
		dir, err := report.DefaultDir()
		if err != nil {
			return err
		}
		opt.Dir = dir
	}
	if opt.Kinds == nil {
		opt.Kinds = report.LoadKinds(filepath.Join(opt.Dir, report.TemplateDir))
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Plain {
		return runPlain(opt)
	}
	if opt.Input == nil {
		if err := needTerminal(); err != nil {
			return err
		}
	}
	m := newModel(opt)
	popts := []tea.ProgramOption{tea.WithoutSignalHandler()}
	if opt.Input != nil {
		popts = append(popts, tea.WithInput(opt.Input))
	}
	if opt.Output != nil {
		popts = append(popts, tea.WithOutput(opt.Output))
	}
	p := tea.NewProgram(m, popts...)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, endSignals...)
	defer signal.Stop(sig)
	go func() {
		if _, ok := <-sig; ok {
			p.Send(termMsg{})
			// Should the program not answer, save from here.
			time.Sleep(3 * time.Second)
			p.Kill()
		}
	}()

	final, err := p.Run()
	if fm, ok := final.(*model); ok && fm != nil {
		fm.closeDraft()
	} else {
		m.closeDraft()
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return fmt.Errorf("giao diện gặp lỗi: %w", err)
	}
	return nil
}
