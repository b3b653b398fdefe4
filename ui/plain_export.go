package ui

import (
	"fmt"
	"strconv"
	"strings"

	"baocao/export"
	"baocao/report"
)

// review prints the problems and offers the export: the PDF, the Word
// file or both (both by default), asking before overwriting any file.
func (p *plain) review(d *draft) {
	ps := d.check(p.opt.Now().Year())
	if len(ps) == 0 {
		p.say("\nKiểm tra: không có lỗi hay lưu ý nào.\n")
	} else {
		p.say("\nKiểm tra:\n")
		for _, pr := range ps {
			p.say("  - %s\n", pr.String())
		}
	}
	if ps.HasErrors() {
		p.say("Cần sửa hết lỗi trước khi xuất báo cáo.\n")
		return
	}
	if len(ps) > 0 && !p.yes(fmt.Sprintf("Báo cáo còn %d lưu ý. Vẫn xuất báo cáo? (c: có · k: không)", len(ps)), false) {
		return
	}
	format, ok := p.askFormat()
	if !ok {
		return
	}
	q := "Xuất PDF ra tệp (Enter để dùng đường dẫn này, q: không xuất)"
	switch format {
	case exportWord:
		q = "Xuất Word ra tệp (Enter để dùng đường dẫn này, q: không xuất)"
	case exportBoth:
		q = "Xuất PDF ra tệp, tệp Word ghi cạnh đó, cùng tên (Enter để dùng đường dẫn này, q: không xuất)"
	}
	path, ok := p.ask(q, "", defaultExportPath(format, p.store.Dir, d.r))
	if !ok || strings.EqualFold(path, "q") {
		return
	}
	files := exportFiles(format, path)
	force := false
	if there := existingFiles(files); len(there) > 0 {
		if !p.yes(overwriteQuestion(there), false) {
			p.say("Chưa xuất tệp nào.\n")
			return
		}
		force = true
	}
	written, err := writeExportFiles(files, d.r, export.Options{Date: p.opt.ExportDate}, force)
	for _, f := range written {
		p.say("Đã xuất %s: %s\n", f.kind(), f.path)
	}
	if err != nil {
		p.say("Lỗi: %v\n", report.Explain(err))
	}
}

// askFormat asks which files to write, numbered as the choices; Enter
// writes both. False when the input ended or q was typed.
func (p *plain) askFormat() (exportFormat, bool) {
	var choices []string
	def := ""
	for i, f := range exportFormats {
		choices = append(choices, strconv.Itoa(i+1)+": "+f.label)
		if f.format == exportBoth {
			def = strconv.Itoa(i + 1)
		}
	}
	for {
		v, ok := p.ask("Xuất tệp nào? "+strings.Join(choices, ", ")+"; q: không xuất", "", def)
		if !ok || strings.EqualFold(v, "q") {
			return 0, false
		}
		if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(exportFormats) {
			return exportFormats[n-1].format, true
		}
		p.say("Hãy gõ một số từ 1 đến %d, hoặc q để không xuất.\n", len(exportFormats))
	}
}

// overwriteQuestion asks whether to overwrite the files already there.
func overwriteQuestion(there []exportFile) string {
	if len(there) == 1 {
		return "Tệp đã có: " + there[0].path + ". Ghi đè? (c: có · k: không)"
	}
	return "Cả hai tệp đã có: " + there[0].path + " và " + there[1].path + ". Ghi đè cả hai? (c: có · k: không)"
}
