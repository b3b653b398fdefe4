package export

// signTop is the space between the closing paragraph and the blocks under it.
const signTop = 3.0

// closing draws the closing paragraph with "Nơi nhận" and the signature
// block under it. The signature block never starts a page alone: the last
// lines of the closing paragraph go over with it.
func (l *layout) closing() {
	recipients := l.recipients()
	sign := l.signLines()
	sigH := signGap
	for _, part := range sign {
		sigH += float64(len(part)) * stBodyBold.lead
	}
	// The whole "Nơi nhận" list stays beside the signature when a page can
	// hold both; a longer list flows on, with at least its first lines.
	recLines := l.recipientLines(recipients)
	recH := stRecHead.lead + float64(len(recLines))*stRecipient.lead
	if signTop+max(sigH, recH)+4*stBody.lead > pageBottom-marginTop {
		recH = stRecHead.lead + float64(min(len(recLines), 3))*stRecipient.lead
	}
	for i, p := range l.o.Closing {
		keep := 0.0
		if i == len(l.o.Closing)-1 {
			keep = signTop + max(sigH, recH)
		}
		l.paragraph(p.Text, stBody, keep)
	}
	l.y += signTop - paraGap
	top, page := l.y, l.pdf.PageNo()

	// Right: authority, title, room for the signature, name.
	x, w := marginLeft+recipientsW, textW-recipientsW
	for i, part := range sign {
		if i == len(sign)-1 {
			l.y += signGap
		}
		for _, ln := range part {
			l.line(ln, x, w, stBodyBold, "C")
		}
	}
	signEnd := l.y

	// Left: "Nơi nhận:" and one line per recipient, flowing onto further
	// pages if there are very many.
	l.y = top
	l.line(l.o.Recipients.Label, marginLeft, recipientsW, stRecHead, "L")
	for _, ln := range recLines {
		l.line(ln.text, marginLeft+ln.indent, recipientsW-ln.indent, stRecipient, "L")
	}
	if l.pdf.PageNo() == page {
		l.y = max(l.y, signEnd)
	}
}

// recipientLine is one printed line of the "Nơi nhận" list.
type recipientLine struct {
	text   string
	indent float64 // continuation lines hang under the text, not the dash
}

// recipientLines wraps the recipients to their column; a recipient that
// wraps continues under its own text, so that every line starting at the
// edge starts with a dash.
func (l *layout) recipientLines(recipients []string) []recipientLine {
	l.use(stRecipient)
	hang := l.width("- ")
	var out []recipientLine
	for _, rc := range recipients {
		for i, ln := range l.wrap(rc, recipientsW, recipientsW-hang) {
			if i == 0 {
				out = append(out, recipientLine{text: ln})
			} else {
				out = append(out, recipientLine{text: ln, indent: hang})
			}
		}
	}
	return out
}

// recipients are the "Nơi nhận" lines, cleaned.
func (l *layout) recipients() []string {
	var out []string
	for _, rc := range l.o.Recipients.Lines {
		if rc = cleanWords(rc); rc != "" {
			out = append(out, rc)
		}
	}
	return out
}

// signLines are the signature block's parts wrapped to its column: the
// authority (if any), the title, and the name that follows the signature.
func (l *layout) signLines() [][]string {
	s := l.o.Signature
	l.use(stBodyBold)
	w := textW - recipientsW
	var parts [][]string
	for i, t := range []string{s.Authority, s.Title, s.Name} {
		if t = cleanWords(t); t != "" || i > 0 {
			parts = append(parts, l.wrap(t, w, w))
		}
	}
	return parts
}
