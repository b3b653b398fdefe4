package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"baocao/report"
)

// A draft's session file (the draft's name + ".session") remembers where
// the official was editing, so that the draft reopens there, and whether a
// window has it open: a session that ended without closing the draft (a
// crash, a power cut, kill -9) leaves it marked open, and the next opening
// says so.
type session struct {
	Part  string    `json:"part,omitempty"`
	Field string    `json:"field,omitempty"`
	Open  bool      `json:"open"`
	Time  time.Time `json:"time"`
}

func sessionPath(draft string) string { return draft + ".session" }

// openSession reads the last session of the draft at path and marks the
// draft open. It returns where that session was editing and, when it ended
// without closing the draft, about when: its last save.
func openSession(path string) (where position, crashed time.Time) {
	if data, err := os.ReadFile(sessionPath(path)); err == nil {
		var s session
		if json.Unmarshal(data, &s) == nil {
			where = position{s.Part, s.Field}
			if s.Open {
				crashed = s.Time
				if fi, err := os.Stat(path); err == nil && fi.ModTime().After(crashed) {
					crashed = fi.ModTime()
				}
			}
		}
	}
	writeSession(path, session{Part: where.part, Field: where.field, Open: true, Time: time.Now()})
	return where, crashed
}

// closeSession notes that the draft at path was closed, last edited at
// where.
func closeSession(path string, where position) {
	writeSession(path, session{Part: where.part, Field: where.field, Time: time.Now()})
}

// writeSession replaces the session file of the draft at path. It is a
// convenience, not the official's work: a failure is ignored.
func writeSession(path string, s session) {
	data, err := json.Marshal(s)
	if err != nil {
		return
	}
	report.ReplaceFile(sessionPath(path), data, 0o644)
}

// forgetSession removes the session file of a draft that is gone (moved
// to the trash, replaced by its restored copy).
func forgetSession(path string) { os.Remove(sessionPath(path)) }

// resumeIndex is the index in parts of the part with the given ID, where a
// session left the draft; when that part is gone (an item deleted since),
// of the nearest one left: the item before it in its section, else the
// section itself. -1 when there is none.
func resumeIndex(parts []report.Part, id string) int {
	index := func(id string) int {
		for i, p := range parts {
			if p.ID == id {
				return i
			}
		}
		return -1
	}
	if id == "" {
		return -1
	}
	if i := index(id); i >= 0 {
		return i
	}
	section, num, ok := strings.Cut(id, ".")
	// An item number too large for an int (a session file edited by hand,
	// a 32-bit PC) is past every item.
	n, err := strconv.ParseUint(num, 10, 64)
	if !ok || err != nil && !errors.Is(err, strconv.ErrRange) {
		return -1
	}
	last := len(parts)
	if n <= uint64(last) {
		last = int(n) - 1
	}
	for k := last; k >= 1; k-- {
		if i := index(fmt.Sprintf("%s.%d", section, k)); i >= 0 {
			return i
		}
	}
	return index(section)
}
