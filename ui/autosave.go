package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
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

// Keys typed into a text less than typingBurst apart are a burst (an input
// method's corrections, a fast typist, a terminal replaying keys): while
// one lasts, the report's status (its problems, the parts' marks, the
// count of parts done), which costs in proportion to the whole report, is
// worked out again only once the keys pause for settleDelay.
const (
	typingBurst = 100 * time.Millisecond
	settleDelay = 150 * time.Millisecond
)

// draft is the report being edited: its file, its lock, what of it is on
// disk, and where the official is editing it.
type draft struct {
	path string
	r    *report.Report
	lock *report.DraftLock

	gen       int    // bumped on every change
	last      []byte // the report as last written or checked, to notice changes made around the wizard
	pending   bool   // a save tick is scheduled
	lastSaved time.Time
	err       error // the last save's error, nil once a save succeeds

	// where is the part and field last edited; resume and crashed are
	// what the last session left (see session.go).
	where   position
	resume  position
	crashed time.Time

	st *draftStatus
	// hold keeps st while a burst of typing lasts; typedAt is when the
	// last key of it was typed; settling that a settleMsg is on its way.
	hold     bool
	typedAt  time.Time
	settling bool
	burstGap time.Duration

	w *writer
	// inline makes saveCmd write before returning (tests).
	inline bool

	// named and period are the file name the draft's unit and period gave
	// when it was opened or last renamed; renameDue asks to rename it once
	// saved (see rename); note says the last renaming, or why it was not,
	// until the next change.
	named     string
	period    report.Period
	renameDue bool
	note      string

	// readOnly: the file is marked read-only (see report.ReadOnly). The
	// draft is shown, reviewed and exported, never changed; orig is the
	// report as read, to undo a change a form made.
	readOnly bool
	orig     *report.Report

	// lastYear is last year's draft of the unit, for the same period a
	// year earlier, or nil: «Cùng kỳ năm trước» is checked against it. It
	// is read when the draft is opened and when its period changes, never
	// on a key.
	lastYear *report.Entry
}

// position is a part and a field of the report.
type position struct{ part, field string }

// writer serialises the saves of one draft and never lets an older
// generation overwrite a newer one, whichever goroutine writes.
type writer struct {
	mu      sync.Mutex
	path    string
	written int
	where   position // as last written to the session file
	closed  bool     // the session is closed: saves in flight leave it so
}

func (w *writer) save(gen int, r *report.Report, where position) ([]byte, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if gen <= w.written {
		return nil, nil
	}
	if err := report.Save(w.path, r); err != nil {
		return nil, err
	}
	w.written = gen
	if where != w.where && !w.closed {
		w.where = where
		writeSession(w.path, session{Part: where.part, Field: where.field, Open: true, Time: time.Now()})
	}
	data, _ := json.Marshal(r)
	return data, nil
}

func (w *writer) savedGen() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.written
}

// openDraft loads and locks the draft at path, and reads where its last
// session left it.
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
	d := &draft{path: path, r: r, lock: lock, w: &writer{path: path}, burstGap: typingBurst,
		named: report.FileName(r), period: r.Period, readOnly: report.ReadOnly(path)}
	if d.readOnly {
		d.orig = r.Clone()
	}
	d.last, _ = json.Marshal(r)
	d.findLastYear()
	d.resume, d.crashed = openSession(path)
	d.where, d.w.where = d.resume, d.resume
	return d, nil
}

// findLastYear looks for last year's draft of the unit in the draft's
// folder (see report.Store.LastYear).
func (d *draft) findLastYear() {
	d.lastYear, _ = (&report.Store{Dir: filepath.Dir(d.path)}).LastYear(d.r)
}

// check returns the report's problems, «Cùng kỳ năm trước» compared with
// last year's draft.
func (d *draft) check(nowYear int) report.Problems {
	return report.CheckAgainst(d.r, nowYear, d.lastYear)
}

// edited notes a change of the report made in field of part.
func (d *draft) edited(part, field string) {
	d.gen++
	d.note = ""
	if part != "" {
		d.where = position{part, field}
	}
}

// settleMsg comes settleDelay after a burst of typing was noticed.
type settleMsg struct{ path string }

// typed notes a key typed into a text at t (a monotonic time): in a burst
// the status is held, and a settleMsg is asked for.
func (d *draft) typed(t time.Time) tea.Cmd {
	burst := t.Sub(d.typedAt) < d.burstGap
	d.typedAt = t
	d.hold = burst
	if !burst || d.settling {
		return nil
	}
	d.settling = true
	path := d.path
	return tea.Tick(settleDelay, func(time.Time) tea.Msg { return settleMsg{path: path} })
}

// settle ends the hold once the keys have paused, or waits again.
func (d *draft) settle(t time.Time) tea.Cmd {
	d.settling = false
	if t.Sub(d.typedAt) >= d.burstGap {
		d.hold = false
		return nil
	}
	return d.typed(d.typedAt)
}

// release ends a hold at once: the official did something else than type.
func (d *draft) release() { d.hold = false }

// dirty reports whether some change is not on disk yet.
func (d *draft) dirty() bool { return d.w.savedGen() < d.gen }

// Messages of saving.
type (
	saveTickMsg struct{ path string }
	savedMsg    struct {
		path string
		gen  int
		at   time.Time
		data []byte
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
	gen, c, w, path, where := d.gen, d.r.Clone(), d.w, d.path, d.where
	save := func() tea.Msg {
		data, err := w.save(gen, c, where)
		return savedMsg{path: path, gen: gen, at: now(), data: data, err: err}
	}
	if d.inline {
		msg := save()
		return func() tea.Msg { return msg }
	}
	return save
}

// leave is the moment the official leaves a part or a row: the draft is
// saved, and renamed if its unit or period changed (see rename).
func (d *draft) leave(now func() time.Time) tea.Cmd {
	d.renameDue = true
	if !d.dirty() {
		if d.err == nil {
			d.rename()
		}
		return nil
	}
	return d.saveCmd(now)
}

// saveNow writes the report before returning, and renames it if its unit
// or period changed (see rename). Changes made to the report without the
// wizard (plain mode sets it directly) are noticed here.
func (d *draft) saveNow(now func() time.Time) error {
	if cur, err := json.Marshal(d.r); err == nil && !bytes.Equal(cur, d.last) && !d.dirty() {
		d.gen++
	}
	d.renameDue = true
	if !d.dirty() {
		if d.err == nil {
			d.rename()
		}
		return d.err
	}
	data, err := d.w.save(d.gen, d.r.Clone(), d.where)
	d.saved(savedMsg{gen: d.gen, at: now(), data: data, err: err})
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
	if msg.data != nil && msg.gen == d.gen {
		d.last = msg.data
	}
	if d.renameDue && !d.dirty() {
		d.rename()
	}
}

// rename gives the draft the file name a new draft would get
// (report.FileName) when its unit or period changed since it was opened or
// last renamed, with its .bak, .session and lock. It is done once what is
// on disk is the report as it is, at a moment the official is not typing
// the name's parts (leaving a part, saving with Ctrl+S, closing): a year
// being typed (2, 20, 202…) never names the file. A name that is taken is
// not used: the draft keeps its own, and note says why, once per change;
// a rename that fails otherwise is tried again at the next such moment.
func (d *draft) rename() {
	d.renameDue = false
	want := report.FileName(d.r)
	if d.readOnly || want == d.named {
		return
	}
	unitChanged := strings.TrimSuffix(want, "-"+d.r.Period.Slug()+".json") != strings.TrimSuffix(d.named, "-"+d.period.Slug()+".json")
	periodChanged := d.r.Period != d.period
	old := filepath.Base(d.path)
	d.w.mu.Lock() // no save of the draft meanwhile, from any goroutine
	path, lock, err := report.RenameDraft(d.path, d.r, d.lock)
	d.w.path = path
	d.w.mu.Unlock()
	d.path, d.lock = path, lock
	var taken *report.NameTakenError
	switch {
	case errors.As(err, &taken):
		d.named, d.period = want, d.r.Period // said once, not at every save
		d.note = "Bản nháp vẫn giữ tên " + report.Printable(old) + " vì " + err.Error() + "."
		return
	case err != nil:
		// Tried again at the next moment (another program may have had
		// the file open for a moment: Windows does not move it then).
		d.note = "Bản nháp vẫn giữ tên " + report.Printable(old) + ": chưa đổi được tên (" + report.Reason(err) + ")."
		return
	}
	d.named, d.period = want, d.r.Period
	// The messages on their way name the old path, and are dropped: what
	// they were for starts again.
	d.pending, d.settling, d.hold = false, false, false
	what := "kỳ báo cáo mới (" + d.r.Period.Phrase() + ")"
	switch {
	case unitChanged && periodChanged:
		what = "đơn vị và kỳ báo cáo mới (" + d.r.Locality() + ", " + d.r.Period.Phrase() + ")"
	case unitChanged:
		what = "tên đơn vị mới (" + d.r.Locality() + ")"
	}
	d.note = "Đã đổi tên bản nháp thành " + report.Printable(filepath.Base(path)) + " cho khớp với " + what + "."
}

// Read-only drafts are said in these words: the status line says
// readOnlyStatus all along, the wizard readOnlyHint when the draft opens
// and readOnlyRefusal when a key would change it; plain mode says
// readOnlyText(path).
const (
	readOnlyStatus  = "Bản nháp chỉ đọc: xem, kiểm tra và xuất được, không sửa được."
	readOnlyHint    = "Tệp được đặt thuộc tính chỉ đọc. Muốn sửa, hãy bỏ thuộc tính đó (Windows: chuột phải vào tệp › Properties › bỏ chọn Read-only) rồi mở lại."
	readOnlyRefusal = "Không sửa được: bản nháp chỉ đọc."
)

// readOnlyText says that the draft at path is read-only, and what to do
// to edit it.
func readOnlyText(path string) string {
	return "Bản nháp chỉ đọc: tệp " + report.Printable(filepath.Base(path)) +
		" được đặt thuộc tính chỉ đọc nên chương trình không ghi vào; chỉ kiểm tra và xuất báo cáo được. " +
		"Muốn sửa, hãy bỏ thuộc tính chỉ đọc của tệp (Windows: chuột phải vào tệp › Properties › bỏ chọn Read-only) rồi mở lại."
}

// copyToEdit saves the read-only draft's report as a new draft beside it
// (Ctrl+S on a read-only draft), which can be edited, and opens it where
// the official is. The read-only draft stays as it is.
func (m *model) copyToEdit() tea.Cmd {
	var where position
	if m.wiz != nil {
		where.part = m.wiz.part().ID
		if af := m.wiz.active(); af != nil {
			where.field = af.focusedKey()
		}
	}
	path, err := (&report.Store{Dir: filepath.Dir(m.d.path)}).Create(m.d.orig)
	if err != nil {
		m.d.note = "Chưa lưu được bản sao: " + report.Reason(err) + "."
		return nil
	}
	writeSession(path, session{Part: where.part, Field: where.field, Time: time.Now()})
	cmd := m.openDraft(path, false)
	if m.d != nil && m.d.path == path {
		m.d.note = "Đã lưu một bản sao để sửa: " + report.Printable(filepath.Base(path)) + "; bản chỉ đọc vẫn giữ nguyên."
	}
	return cmd
}

// revert undoes a change a form made to a read-only draft. The forms bound
// to the report must be built again.
func (d *draft) revert() {
	if d.orig != nil {
		*d.r = *d.orig.Clone()
	}
}

// close saves the draft, notes that its session ended properly and
// releases its lock.
func (d *draft) close(now func() time.Time) error {
	err := d.saveNow(now)
	if err == nil {
		d.w.mu.Lock()
		d.w.closed = true
		closeSession(d.path, d.where)
		d.w.mu.Unlock()
	}
	if d.lock != nil {
		d.lock.Release()
		d.lock = nil
	}
	return err
}

// draftStatus is what the screens show of the report's state: its parts,
// its problems, each part's mark, how many parts are done. It is worked
// out once per change.
type draftStatus struct {
	gen         int
	parts       []report.Part
	problems    report.Problems
	marks       []string
	done, total int
}

// status is the report's status as of its last change (during a burst of
// typing, as of the burst's start); nowYear is the year Check compares
// dates with.
func (d *draft) status(nowYear int) *draftStatus {
	if d.st != nil && (d.st.gen == d.gen || d.hold) {
		return d.st
	}
	s := &draftStatus{gen: d.gen, parts: d.r.Parts(), problems: d.check(nowYear)}
	states := make([]report.PartState, len(s.parts))
	for i, p := range s.parts {
		states[i] = d.r.State(p)
	}
	s.marks = partMarks(s.parts, states, s.problems)
	bad := map[string]bool{}
	for _, p := range s.problems {
		if p.Severity == report.Error {
			bad[p.Part] = true
		}
	}
	for i, p := range s.parts {
		if states[i] == report.Done && !bad[p.ID] {
			s.done++
		}
	}
	s.total = len(s.parts)
	d.st = s
	return s
}
