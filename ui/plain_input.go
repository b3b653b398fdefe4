package ui

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// errInterrupted is returned when Ctrl+C reaches the answer as a key.
var errInterrupted = errors.New("interrupted")

// answerSource hands plain mode the official's answers, one per question.
type answerSource interface {
	// answer reads one answer; the question ends at column col of the
	// current row. It returns io.EOF once the input has ended.
	answer(col int) (string, error)
	// width is the number of columns to wrap at.
	width() int
	// typed is the answer being typed and not yet entered, or what was
	// typed when Ctrl+C interrupted it; "" when it cannot be known (a
	// terminal that edits the line itself). Any goroutine may call it.
	typed() string
	// wake ends the answer being read as Ctrl+C typed as a key does,
	// after the keys typed before it: Ctrl+C that came as a signal. False
	// when no answer is being read. Any goroutine may call it.
	wake() bool
	// close gives the terminal back as it was. It may be called more
	// than once, from any goroutine.
	close()
}

// newAnswerSource reads answers from in. A terminal (with out a terminal
// too) is read key by key, see termSource; anything else line by line.
func newAnswerSource(in io.Reader, out io.Writer) answerSource {
	fin, ok1 := in.(*os.File)
	fout, ok2 := out.(*os.File)
	if ok1 && ok2 && isTerminal(fin) && isTerminal(fout) {
		if raw, err := openRaw(fin, fout); err == nil {
			return newTermSource(fin, fout, raw)
		}
	}
	ls := &lineSource{r: bufio.NewReader(in), out: out, cols: 80}
	if ok2 {
		if w, _, ok := termSize(fout); ok {
			ls.cols = w
		}
	}
	return ls
}

// lineSource reads an answer per line: input from a pipe or a file, or
// from a terminal that could not be switched to raw input. Lines may be
// of any length.
type lineSource struct {
	r    *bufio.Reader
	out  io.Writer
	cols int
}

func (s *lineSource) answer(int) (string, error) {
	line, err := s.r.ReadString('\n')
	if err != nil && line == "" {
		return "", io.EOF
	}
	if !isTerminalWriter(s.out) {
		// The answer is not echoed: end the question's row.
		io.WriteString(s.out, "\n")
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	return applyErase(strings.ToValidUTF8(line, "")), nil
}

func (s *lineSource) width() int    { return s.cols }
func (s *lineSource) typed() string { return "" }
func (s *lineSource) wake() bool    { return false }
func (s *lineSource) close()        {}

// isTerminalWriter reports whether w is a terminal, which echoes what is
// typed by itself when not in raw mode.
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// applyErase carries out the backspaces in a line read whole: Vietnamese
// input methods on Windows correct a letter by sending BS (0x08) or DEL
// (0x7F) and then the accented letter.
func applyErase(s string) string {
	if !strings.ContainsAny(s, "\b\x7f") {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '\b' || r == 0x7f {
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// burstGap is how soon after an Enter more input must arrive to be part
// of the same paste. Pasted text arrives all at once (within a
// millisecond); a person needs far longer to press the next key after
// Enter, and key repeat is slower too.
const burstGap = 30 * time.Millisecond

// rawTerm is a terminal switched to raw input by openRaw.
type rawTerm struct {
	restore func()
	// vt: the terminal understands cursor movement sequences.
	vt bool
	// paste: the terminal may bracket pastes when asked to.
	paste bool
}

// chunk is what one read of the terminal returned, or a signal's
// interruption (see wake).
type chunk struct {
	b         []byte
	err       error
	at        time.Time
	interrupt bool
}

// termSource reads a terminal in raw mode. A goroutine reads it all the
// time, so that the time every byte arrived is known: an Enter followed
// at once by more text is a line break inside a paste, not the end of the
// answer. Each answer is edited by a lineEditor, which echoes it as it
// will be saved.
type termSource struct {
	in     *os.File
	out    io.Writer
	raw    *rawTerm
	size   func() (w, h int)
	chunks chan chunk
	dec    keyDecoder
	err    error // the read error, once the terminal is gone
	pend   bytes.Buffer
	once   sync.Once

	// mu guards editing, the answer being typed, which a signal's
	// goroutine may read (on Windows, Ctrl+C comes as a signal).
	mu      sync.Mutex
	editing *lineEditor
}

// signalLag is how long a signal's Ctrl+C waits for the keys typed before
// it to be read: the terminal hands them over at once, the signal comes
// by another way.
const signalLag = 50 * time.Millisecond

func (s *termSource) wake() bool {
	s.mu.Lock()
	reading := s.editing != nil
	s.mu.Unlock()
	if !reading {
		return false
	}
	time.Sleep(signalLag)
	select {
	case s.chunks <- chunk{interrupt: true, at: time.Now()}:
		return true
	default:
		return false
	}
}

func (s *termSource) typed() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.editing == nil {
		return ""
	}
	return string(s.editing.buf)
}

func newTermSource(in, out *os.File, raw *rawTerm) *termSource {
	s := &termSource{in: in, out: out, raw: raw, chunks: make(chan chunk, 64)}
	s.size = func() (int, int) {
		if w, h, ok := termSize(out); ok {
			return w, h
		}
		return 80, 24
	}
	if raw.paste {
		io.WriteString(out, "\x1b[?2004h")
	}
	go s.read()
	return s
}

// read hands on what the terminal delivers, stamped with the time it
// arrived, until reading fails (the terminal is gone; on Windows, Ctrl+Z
// reads as the end of the input).
func (s *termSource) read() {
	for {
		buf := make([]byte, 4096)
		n, err := s.in.Read(buf)
		at := time.Now()
		if n > 0 {
			s.chunks <- chunk{b: buf[:n], at: at}
		}
		if err != nil {
			s.chunks <- chunk{err: err, at: at}
			return
		}
	}
}

func (s *termSource) close() {
	s.once.Do(func() {
		if s.raw.paste {
			io.WriteString(s.out, "\x1b[?2004l")
		}
		s.raw.restore()
	})
}

func (s *termSource) width() int {
	w, _ := s.size()
	return w
}

func (s *termSource) flush() {
	if s.pend.Len() > 0 {
		s.out.Write(s.pend.Bytes())
		s.pend.Reset()
	}
}

// take decodes the next chunk, waiting for it until deadline (forever when
// zero); false when none came or the terminal is gone. A chunk already
// read is taken even past the deadline: its time stamp, not how busy this
// program was, tells whether it belongs to a paste.
func (s *termSource) take(deadline time.Time) bool {
	if s.err != nil {
		return false
	}
	var c chunk
	select {
	case c = <-s.chunks:
	default:
		var timeout <-chan time.Time
		if !deadline.IsZero() {
			d := time.Until(deadline)
			if d <= 0 {
				return false
			}
			t := time.NewTimer(d)
			defer t.Stop()
			timeout = t.C
		}
		select {
		case c = <-s.chunks:
		case <-timeout:
			return false
		}
	}
	switch {
	case c.interrupt:
		s.dec.push(inKey{kind: inInterrupt, at: c.at})
		return true
	case c.err != nil:
		s.err = c.err
		return false
	}
	s.dec.feed(c.b, c.at)
	return true
}

// follows reports whether a key arrives within burstGap of enter.
func (s *termSource) follows(enter inKey) bool {
	deadline := enter.at.Add(burstGap)
	for !s.dec.pending() {
		s.flush()
		if !s.take(deadline) {
			return false
		}
	}
	return s.dec.peek().at.Before(deadline)
}

func (s *termSource) answer(col int) (string, error) {
	w, h := s.size()
	e := newLineEditor(&s.pend, w, h, col, s.raw.vt)
	s.mu.Lock()
	s.editing = e
	s.mu.Unlock()
	defer s.flush()
	for {
		k, ok := s.dec.next()
		if !ok {
			s.flush()
			if !s.take(time.Time{}) {
				s.mu.Lock()
				e.finish()
				s.editing = nil
				s.mu.Unlock()
				return "", io.EOF
			}
			continue
		}
		v, done, err := s.key(e, k)
		if done {
			return v, err
		}
	}
}

// key carries out key k on the answer e; done when the answer ends, with
// the answer or the reason it ended. An answer ended by Ctrl+C stays
// readable through typed.
func (s *termSource) key(e *lineEditor, k inKey) (v string, done bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	end := func(v string, err error) (string, bool, error) {
		if err != errInterrupted {
			s.editing = nil
		}
		return v, true, err
	}
	switch k.kind {
	case inRune:
		e.put(k.r)
	case inPaste:
		e.insert(k.text)
	case inErase:
		e.erase()
	case inEraseLine:
		e.truncate(0)
	case inEOF:
		if len(e.buf) == 0 {
			e.finish()
			return end("", io.EOF)
		}
	case inInterrupt:
		e.finish()
		return end("", errInterrupted)
	case inEnter:
		s.mu.Unlock() // follows waits for more input
		follows := s.follows(k)
		s.mu.Lock()
		if !follows {
			return end(e.finish(), nil)
		}
		switch next := s.dec.peek(); {
		case len(e.buf) == 0 && next.kind == inEnter:
			// Enter held down: each one keeps a question's value.
			return end(e.finish(), nil)
		case next.kind == inRune || next.kind == inPaste || next.kind == inEnter:
			// Pasted lines: one answer. A paste's leading blank
			// lines are dropped.
			if len(e.buf) > 0 {
				e.put('\n')
			}
		default:
			return end(e.finish(), nil)
		}
	}
	return "", false, nil
}
