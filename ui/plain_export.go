package ui

import (
	"fmt"
	"strconv"
	"strings"

	"baocao/export"
	"baocao/report"
)

// review prints the problems and offers the export: the file of one
// format or of all (all by default, see [exportChoices]), asking before
// overwriting any file.
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
	formats, ok := p.askFormat()
	if !ok {
		return
	}
	q := "Xuất " + formats[0].Kind + " ra tệp"
	if len(formats) > 1 {
		var rest []string
		for _, f := range formats[1:] {
			rest = append(rest, "tệp "+f.Kind)
		}
		q += ", " + joinAnd(rest) + " ghi cạnh đó, cùng tên"
	}
	path, ok := p.ask(q+" (Enter để dùng đường dẫn này, q: không xuất)", "", defaultExportPath(formats, p.store.Dir, d.r))
	if !ok || strings.EqualFold(path, "q") {
		return
	}
	files := exportFiles(formats, path)
	force := false
	if there := existingFiles(files); len(there) > 0 {
		if !p.yes(overwriteQuestion(there, files), false) {
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
// writes all. False when the input ended or q was typed.
func (p *plain) askFormat() ([]export.Format, bool) {
	all := exportChoices()
	var choices []string
	for i, c := range all {
		choices = append(choices, strconv.Itoa(i+1)+": "+c.label)
	}
	def := strconv.Itoa(defaultChoice() + 1)
	for {
		v, ok := p.ask("Xuất tệp nào? "+strings.Join(choices, ", ")+"; q: không xuất", "", def)
		if !ok || strings.EqualFold(v, "q") {
			return nil, false
		}
		if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= len(all) {
			return all[n-1].formats, true
		}
		p.say("Hãy gõ một số từ 1 đến %d, hoặc q để không xuất.\n", len(all))
	}
}

// overwriteQuestion asks whether to overwrite there, the files of all
// already on disk, naming each.
func overwriteQuestion(there, all []exportFile) string {
	var paths []string
	for _, f := range there {
		paths = append(paths, f.path)
	}
	have, overwrite := overwriteWords(there, all)
	return have + ": " + joinAnd(paths) + ". " + strings.ToUpper(overwrite[:1]) + overwrite[1:] + "? (c: có · k: không)"
}
