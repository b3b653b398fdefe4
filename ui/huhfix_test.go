package ui

import (
	"baocao/report"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestBlurredInputShowsStart: a long one-line field shows its beginning
// once it loses the focus (and before it has it).
func TestBlurredInputShowsStart(t *testing.T) {
	t.Parallel()
	d := newDriver(t, t.TempDir(), 80, 24)
	d.key("v")
	d.gotoPart(report.PartRequest)
	for d.focusedKey() != report.FieldSubject {
		d.key("tab")
	}
	d.key("end")
	d.typeText(" ở cuối")
	if s := d.m.d.r.Request.Subject; !strings.HasSuffix(s, "Quý I/2026 ở cuối") {
		t.Fatalf("typed at the end? %q", s)
	}
	d.key("tab")
	d.wantScreen("> về việc đôn đốc báo cáo")
	// Back to it: the cursor is at the end again.
	d.key("shift+tab")
	d.typeText("!")
	if s := d.m.d.r.Request.Subject; !strings.HasSuffix(s, "ở cuối!") {
		t.Fatalf("refocused cursor not at the end: %q", s)
	}
	// An indicator's long name, in the row's form.
	d.send(tea.WindowSizeMsg{Width: 80, Height: 40})
	d.gotoPart(report.PartIndicators)
	d.key("enter", "end")
	d.typeText(" của toàn bộ các thôn, tổ dân phố trên địa bàn")
	d.key("tab")
	name := d.m.d.r.Indicators[0].Name
	d.wantScreen("> " + name[:20])
}
