package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"baocao/export"
	"baocao/report"
)

// cmdTonghop rolls the figures of many units' reports up into one Excel
// workbook: baocao tonghop INPUT… [-o TỆP.xlsx] [--kind MÃ] [--period 2026-Q2].
func cmdTonghop(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("tonghop")
	out := fs.String("o", "", "")
	kind := fs.String("kind", "", "")
	period := fs.String("period", "", "")
	force := fs.Bool("force", false, "")
	dir := fs.String("dir", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 { // the drafts folder
		d, err := storeDir(*dir)
		if err != nil {
			return err
		}
		pos = []string{d}
	}
	ru := &report.Rollup{KindID: strings.TrimSpace(*kind)}
	if *period != "" {
		if ru.Period, err = report.ParsePeriod(*period); err != nil {
			return errUsage("tonghop: %v", err)
		}
	}

	// Where to write: -o names the file (.xlsx) or a folder; without it,
	// the default name in the current folder.
	file, outDir := "", "."
	if *out != "" {
		folder, err := isFolder(*out)
		if err != nil {
			return err
		}
		if folder {
			outDir = *out
		} else if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			return errUsage("tonghop: bảng tổng hợp là tệp Excel: tên tệp sau -o phải có đuôi .xlsx, ví dụ -o tong-hop.xlsx")
		} else {
			file = *out
			if _, err := os.Lstat(file); err == nil && !*force { // before reading anything
				return fmt.Errorf("ghi bảng tổng hợp ra %s: %w", report.Printable(file), export.ErrExists)
			}
		}
	}
	files := export.RollupInputs(pos, file)
	if len(files) == 0 {
		return &exitError{code: 2, err: fmt.Errorf("tonghop: không có bản nháp (.json), tệp PDF hay tệp Excel (.xlsx) nào trong %s", report.Printable(strings.Join(pos, ", ")))}
	}
	export.ReadRollup(ru, files)
	ru.Finish()
	if file == "" {
		file = filepath.Join(outDir, export.RollupFileName(ru))
	}
	if err := export.WriteRollupFile(file, ru, *force); err != nil {
		return atPlace("-o", err)
	}
	faults, notes := 0, 0
	for _, p := range ru.Problems {
		if p.Note {
			notes++
		} else {
			faults++
		}
	}
	fmt.Fprintln(stdout, report.Printable(file))
	fmt.Fprintf(stderr, "Đã tổng hợp %d đơn vị (%s, %s) từ %d tệp; %d vấn đề, %d ghi chú: xem trang «%s».\n",
		len(ru.Rows), ru.KindName(), ru.Period.Phrase(), len(ru.Sources), faults, notes, export.SheetProblems)
	return nil
}
