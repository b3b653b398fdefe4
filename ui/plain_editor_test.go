package ui

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testScreen is a small model of a console's screen, enough to check what
// the official sees of an answer: printable characters, CR, LF, BS, and
// the cursor sequences the echo uses (CUU, CUF, ED). Three consoles are
// modelled:
//   - xterm (and tmux, Windows Terminal): escape sequences, and a row
//     filled to its last column wraps only when the next character comes;
//   - conhost with virtual-terminal processing: escape sequences, the
//     cursor wraps at once;
//   - legacy conhost (Windows 7/8, "use legacy console"): no escape
//     sequences (the echo is told so), the cursor wraps at once and BS
//     stops at the start of a row.
type testScreen struct {
	w       int
	delayed bool // xterm's delayed wrap
	rows    [][]string
	r, c    int
	pending bool
}

func (s *testScreen) cell(r, c int) *string {
	for len(s.rows) <= r {
		s.rows = append(s.rows, nil)
	}
	for len(s.rows[r]) <= c {
		s.rows[r] = append(s.rows[r], " ")
	}
	return &s.rows[r][c]
}

// Write implements io.Writer.
func (s *testScreen) Write(b []byte) (int, error) {
	str := string(b)
	for i := 0; i < len(str); {
		if strings.HasPrefix(str[i:], "\x1b[") {
			j := i + 2
			for j < len(str) && (str[j] < 0x40 || str[j] > 0x7e) {
				j++
			}
			param, final := str[i+2:j], str[j]
			n, err := strconv.Atoi(param)
			if err != nil {
				n = 1
			}
			switch final {
			case 'A':
				s.r = max(0, s.r-n)
			case 'C':
				s.c = min(s.w-1, s.c+n)
			case 'J':
				if s.r < len(s.rows) {
					if s.c < len(s.rows[s.r]) {
						s.rows[s.r] = s.rows[s.r][:s.c]
					}
					s.rows = s.rows[:s.r+1]
				}
			}
			s.pending = false
			i = j + 1
			continue
		}
		var ch rune
		var size int
		for k, r := range str[i:] {
			ch, size = r, len(string(r))
			_ = k
			break
		}
		i += size
		switch ch {
		case '\r':
			s.c, s.pending = 0, false
		case '\n':
			s.r, s.pending = s.r+1, false
		case '\b':
			s.c, s.pending = max(0, s.c-1), false
		default:
			w := runeWidth(ch)
			if w == 0 {
				if s.c > 0 {
					*s.cell(s.r, s.c-1) += string(ch)
				}
				continue
			}
			if s.pending {
				s.r, s.c, s.pending = s.r+1, 0, false
			}
			if s.c+w > s.w {
				s.r, s.c = s.r+1, 0
			}
			*s.cell(s.r, s.c) = string(ch)
			if w == 2 {
				*s.cell(s.r, s.c+1) = ""
			}
			s.c += w
			if s.c >= s.w {
				if s.delayed {
					s.c, s.pending = s.w-1, true
				} else {
					s.r, s.c = s.r+1, 0
				}
			}
		}
	}
	return len(b), nil
}

// text is the screen, its rows' trailing blanks cut.
func (s *testScreen) text() string {
	var out []string
	for _, r := range s.rows {
		out = append(out, strings.TrimRight(strings.Join(r, ""), " "))
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

var consoles = []struct {
	name    string
	delayed bool
	vt      bool
}{
	{"xterm", true, true},
	{"conhost VT", false, true},
	{"legacy conhost", false, false},
}

// testSource is a termSource on a testScreen w cells wide, after a
// question ending at column col; chunks are sent as the terminal would.
func testSource(scr *testScreen, vt bool) *termSource {
	s := &termSource{out: scr, raw: &rawTerm{vt: vt, restore: func() {}}, chunks: make(chan chunk, 64)}
	s.size = func() (int, int) { return scr.w, 10 }
	return s
}

// typeBytes sends each string as one read of the terminal, gap apart.
func typeBytes(s *termSource, gap time.Duration, reads ...string) {
	at := time.Now()
	for _, r := range reads {
		s.chunks <- chunk{b: []byte(r), at: at}
		at = at.Add(gap)
	}
}

func TestPlainEchoOnConsoles(t *testing.T) {
	for _, tt := range []struct {
		name  string
		reads []string
		want  string // the answer
		// screen is the screen after the answer; "" means the question,
		// then the answer wrapped at 20 columns.
		screen string
	}{
		{"IME corrections", []string{"Trong 6 thangs", "\b\b\b\báng", " dd", "\b\bđ", "\r"}, "Trong 6 tháng đ", ""},
		{"DEL corrections", []string{"Hax", "\x7fi\r"}, "Hai", ""},
		{"erase across the wrap", []string{"Chuyển đổi số cấp xã ", strings.Repeat("\b", 13), "ổi số huyện\r"}, "Chuyển đổi số huyện", ""},
		{"erase a full row", []string{"abcdefghij", "\b\b\b", "X\r"}, "abcdefgX", ""},
		{"erase to nothing", []string{"Tr", "\b\b\b\r"}, "", ""},
		{"erase a combining mark", []string{"Hu\u031b\u0301", "\b", "\r"}, "Hu\u031b", ""},
		{"erase a pasted line break", []string{"\x1b[200~Dòng một\r\nDòng hai\x1b[201~", strings.Repeat("\b", 9), "\r"}, "Dòng một", ""},
		{"Ctrl+U", []string{"sai hết", "\x15", "đúng\r"}, "đúng", ""},
		{"arrows ignored", []string{"ab\x1b[D\x1b[Ac\x1bOA\r"}, "abc", ""},
	} {
		for _, con := range consoles {
			t.Run(tt.name+"/"+con.name, func(t *testing.T) {
				t.Parallel()
				scr := &testScreen{w: 20, delayed: con.delayed}
				io.WriteString(scr, "Nội dung: ")
				s := testSource(scr, con.vt)
				typeBytes(s, 50*time.Millisecond, tt.reads...)
				got, err := s.answer(10)
				if err != nil || got != tt.want {
					t.Fatalf("answer %q, %v; want %q", got, err, tt.want)
				}
				want := tt.screen
				if want == "" {
					want = strings.TrimSpace(strings.Join(hardWrap("Nội dung: "+tt.want, 20), "\n"))
				}
				if screen := scr.text(); !con.vt && screen != want {
					// A legacy console keeps the rows an erase could not
					// reach: the last row must show the answer's end.
					if !strings.HasSuffix(screen, lastRow(tt.want)) {
						t.Errorf("screen:\n%s\nwant it to end with %q", screen, lastRow(tt.want))
					}
				} else if screen != want {
					t.Errorf("screen:\n%s\nwant:\n%s", screen, want)
				}
			})
		}
	}
}

// hardWrap cuts s into rows of w cells, as a terminal wraps.
func hardWrap(s string, w int) []string {
	var rows []string
	row, n := "", 0
	for _, r := range s {
		cw := runeWidth(r)
		if n+cw > w {
			rows, row, n = append(rows, row), "", 0
		}
		row += string(r)
		n += cw
	}
	return append(rows, row)
}

func lastRow(s string) string {
	rows := hardWrap(s, 20)
	return strings.TrimRight(rows[len(rows)-1], " ")
}

// TestPlainBurstIsOneAnswer: lines that arrive together with their Enter
// are one answer; an Enter followed only later by more keys ends it.
func TestPlainBurstIsOneAnswer(t *testing.T) {
	for _, tt := range []struct {
		name  string
		gap   time.Duration
		reads []string
		want  []string
	}{
		{"paste as keys, one read", 0, []string{"A\rB\rC\r"}, []string{"A\nB\nC"}},
		{"paste as keys, CR LF", 0, []string{"A\r\nB\r\n"}, []string{"A\nB"}},
		{"paste split over reads", 2 * time.Millisecond, []string{"A\r", "B\r", "C"}, []string{"A\nB\nC"}},
		{"answers typed a moment apart", 200 * time.Millisecond, []string{"1\r", "2026\r"}, []string{"1", "2026"}},
		{"Enter held down", 0, []string{"\r\r\r"}, []string{"", "", ""}},
		{"paste starting with a blank line", 0, []string{"\rA\rB\r"}, []string{"A\nB"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			scr := &testScreen{w: 80, delayed: true}
			s := testSource(scr, true)
			typeBytes(s, tt.gap, tt.reads...)
			for i, want := range tt.want {
				if i == len(tt.want)-1 && !strings.HasSuffix(tt.reads[len(tt.reads)-1], "\r") && !strings.HasSuffix(tt.reads[len(tt.reads)-1], "\n") {
					s.chunks <- chunk{b: []byte("\r"), at: time.Now().Add(time.Second)}
				}
				got, err := s.answer(0)
				if err != nil || got != want {
					t.Fatalf("answer %d: %q, %v; want %q", i+1, got, err, want)
				}
			}
		})
	}
}

func TestKeyDecoderSplitReads(t *testing.T) {
	var d keyDecoder
	at := time.Now()
	// "ườ" and the paste's end marker cut between reads; CR LF split too.
	for _, b := range []string{"Đ\xc6", "\xb0\xe1", "\xbb\x9dng\r", "\n\x1b[20", "0~a\r\nb\x1b[2", "01~\x1b", "[A\x7f"} {
		d.feed([]byte(b), at)
	}
	var got []string
	for {
		k, ok := d.next()
		if !ok {
			break
		}
		switch k.kind {
		case inRune:
			got = append(got, string(k.r))
		case inPaste:
			got = append(got, fmt.Sprintf("paste(%q)", k.text))
		case inEnter:
			got = append(got, "Enter")
		case inErase:
			got = append(got, "BS")
		}
	}
	want := `Đ ư ờ n g Enter paste("a\nb") BS`
	if s := strings.Join(got, " "); s != want {
		t.Errorf("keys %s, want %s", s, want)
	}
}

func TestWrapLine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		w    int
		want []string
	}{
		{"Kỳ báo cáo (1: Quý I, 2: Quý II, 3: Quý III, 4: Quý IV, 5: 6 tháng đầu năm, 6: Cả năm) [4]:", 40,
			[]string{"Kỳ báo cáo (1: Quý I, 2: Quý II, 3: Quý", "III, 4: Quý IV, 5: 6 tháng đầu năm, 6:", "Cả năm) [4]:"}},
		{"  - lỗi: Chưa nhập họ và tên người ký, chức vụ người ký.", 30,
			[]string{"  - lỗi: Chưa nhập họ và tên", "    người ký, chức vụ người", "    ký."}},
		{"Tệp: /rất/dài/đường-dẫn-không-có-dấu-cách.pdf", 20,
			[]string{"Tệp:", "/rất/dài/đường-dẫn-k", "hông-có-dấu-cách.pdf"}},
	} {
		if got := wrapLine(tt.in, tt.w); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapLine(%q, %d):\n%q\nwant\n%q", tt.in, tt.w, got, tt.want)
		}
	}
}

// BenchmarkPlainKeystroke types a letter and its input-method correction
// (BS, then the accented letter) at the end of a 5,000-character answer
// that fills 63 rows at 80 columns: the cost of one key must not grow
// with the answer.
func BenchmarkPlainKeystroke(b *testing.B) {
	var out bytes.Buffer
	e := newLineEditor(&out, 80, 24, 10, true)
	e.insert(strings.Repeat("Người dân được hướng dẫn ", 200))
	var d keyDecoder
	keys := []byte("a\x08\xe1\xba\xa1") // a, BS, ạ
	at := time.Now()
	b.ResetTimer()
	for b.Loop() {
		out.Reset()
		d.feed(keys, at)
		for {
			k, ok := d.next()
			if !ok {
				break
			}
			if k.kind == inErase {
				e.erase()
			} else {
				e.put(k.r)
			}
		}
		e.erase()
	}
}

// TestPlainBurstWhileBusy: a paste split over two reads stays one answer
// when plain mode gets to it only after the burst window has passed (a
// busy machine): the time the bytes arrived decides, not when they are
// read.
func TestPlainBurstWhileBusy(t *testing.T) {
	t.Parallel()
	s := testSource(&testScreen{w: 80, delayed: true}, true)
	at := time.Now()
	s.chunks <- chunk{b: []byte("A\r"), at: at}
	s.chunks <- chunk{b: []byte("B\r"), at: at.Add(2 * time.Millisecond)}
	time.Sleep(3 * burstGap)
	if got, err := s.answer(0); err != nil || got != "A\nB" {
		t.Errorf("answer %q, %v; want %q", got, err, "A\nB")
	}
}
