package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"baocao/report"
)

// saveDelay is how long autosave waits after the first unsaved change. A
// change is on disk at most this long (plus the write) after it was typed.
const saveDelay = 500 * time.Millisecond

// retryDelay is how long a failed save waits before it is tried again.
const retryDelay = 3 * time.Second

// draft is the report being edited: its file, its lock, and what of it is
// on disk.
type draft struct {
	path string
	r    *report.Report
	lock *report.DraftLock

	gen       int    // bumped on every change
	last      []byte // the report as of gen, to notice changes
	pending   bool   // a save tick is scheduled
	lastSaved time.Time
	err       error // the last save's error, nil once a save succeeds

	w *writer
	// inline makes saveCmd write before returning (tests).
	inline bool
}

// writer serialises the saves of one draft and never lets an older
// generation overwrite a newer one, whichever goroutine writes.
type writer struct {
	mu      sync.Mutex
	path    string
	written int
}

func (w *writer) save(gen int, r *report.Report) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if gen <= w.written {
		return nil
	}
	if err := report.Save(w.path, r); err != nil {
		return err
	}
	w.written = gen
	return nil
}

func (w *writer) savedGen() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written
}

// openDraft loads and locks the draft at path.
func openDraft(path string) (*draft, error) {
	r, err := report.Load(path)
	if err != nil {
		return nil, err
	}
	lock, err := report.Lock(path)
	if err != nil {
		var le *report.LockedError
		if errors.As(err, &le) {
			return nil, err
		}
		// The folder may be read-only: edit anyway, saving will say why
		// it fails.
		lock = nil
	}
	d := &draft{path: path, r: r, lock: lock, w: &writer{path: path}}
	d.last, _ = json.Marshal(r)
	return d, nil
}

// changed notes whether the report differs from what was last seen, and
// bumps the generation if so.
func (d *draft) changed() bool {
	cur, err := json.Marshal(d.r)
	if err != nil || bytes.Equal(cur, d.last) {
		return false
	}
	d.last = cur
	d.gen++
	return true
}

// dirty reports whether some change is not on disk yet.
func (d *draft) dirty() bool { return d.w.savedGen() < d.gen }

// Messages of saving.
type (
	saveTickMsg struct{ path string }
	savedMsg    struct {
		path string
		gen  int
		at   time.Time
		err  error
	}
)

// schedule returns the command that saves the draft after saveDelay, unless
// one is already waiting.
func (d *draft) schedule() tea.Cmd {
	if d.pending {
		return nil
	}
	d.pending = true
	path := d.path
	return tea.Tick(saveDelay, func(time.Time) tea.Msg { return saveTickMsg{path: path} })
}

// saveCmd writes a copy of the report in the background.
func (d *draft) saveCmd(now func() time.Time) tea.Cmd {
	if !d.dirty() {
		return nil
	}
	gen, c, w, path := d.gen, d.r.Clone(), d.w, d.path
	save := func() tea.Msg {
		err := w.save(gen, c)
		return savedMsg{path: path, gen: gen, at: now(), err: err}
	}
	if d.inline {
		msg := save()
		return func() tea.Msg { return msg }
	}
	return save
}

// saveNow writes the report before returning.
func (d *draft) saveNow(now func() time.Time) error {
	d.changed()
	if !d.dirty() {
		return d.err
	}
	err := d.w.save(d.gen, d.r.Clone())
	d.saved(savedMsg{gen: d.gen, at: now(), err: err})
	return err
}

// saved records the outcome of a save.
func (d *draft) saved(msg savedMsg) {
	if msg.err != nil {
		d.err = msg.err
		return
	}
	d.err = nil
	d.lastSaved = msg.at
}

// close saves the draft and releases its lock.
func (d *draft) close(now func() time.Time) error {
	err := d.saveNow(now)
	if d.lock != nil {
		d.lock.Release()
		d.lock = nil
	}
	return err
}
