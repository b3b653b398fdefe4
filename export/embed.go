package export

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"

	"baocao/report"
)

// DataFileName is the name of the file the PDF carries as a document
// attachment: the draft the PDF was made from, as [report.Marshal] writes
// it, so that whoever receives the PDF (the Department's roll-up, see
// [ReadPDF]) has the figures without typing them again. Signing tools
// add incremental revisions and leave it in place.
const DataFileName = "baocao-du-lieu.json"

// dataDescription is the attachment's description, which PDF readers
// show beside its name.
const dataDescription = "Số liệu của báo cáo (bản nháp baocao, định dạng JSON) để tổng hợp, không cần gõ lại"

// attachData attaches the draft r to pdf as [DataFileName]. A report
// that cannot be written as a draft cannot be exported either: its PDF
// would lack the figures without saying so.
func attachData(pdf *fpdf.Fpdf, r *report.Report) error {
	data, err := report.Marshal(r)
	if err != nil {
		return fmt.Errorf("tạo PDF: %w", err)
	}
	pdf.SetAttachments([]fpdf.Attachment{{Content: data, Filename: DataFileName, Description: dataDescription}})
	return nil
}
