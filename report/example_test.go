package report_test

import (
	"fmt"

	"baocao/report"
)

func ExamplePeriod_Next() {
	q4 := report.Period{Kind: report.Quarter, Quarter: 4, Year: 2026}
	fmt.Println(q4.Phrase(), "→", q4.Next().Heading())
	half := report.Period{Kind: report.HalfYear, Year: 2026}
	fmt.Println(half.Phrase(), "→", half.Next().Heading())
	// Output:
	// quý IV năm 2026 → QUÝ I NĂM 2027
	// 6 tháng đầu năm 2026 → 6 THÁNG CUỐI NĂM 2026
}

func ExampleReport_Outline() {
	r := report.Sample()
	r.Header.Number = "5"
	r.Header.Date = report.Date{Day: 5, Month: 1, Year: 2027}
	h := r.Outline().Header
	fmt.Println(h.Number.String())
	fmt.Println(h.PlaceDate.String())
	// Output:
	// Số: 05/BC-UBND
	// Dương Hưu, ngày 05 tháng 01 năm 2027
}

func ExampleCheck() {
	r := report.Sample()
	r.Header.Date = report.Date{Day: 29, Month: 2, Year: 2026}
	r.Indicators[0].Value = "trên 105"
	for _, p := range report.Check(r, 2026) {
		fmt.Println(p)
	}
	// Output:
	// lỗi: Ngày ban hành là 29/02/2026, nhưng năm 2026 không nhuận: tháng 2 chỉ có 28 ngày.
	// lỗi: Chỉ tiêu «Tỷ lệ cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành», số liệu kỳ này: tỷ lệ trên 105% nằm ngoài khoảng 0–100%.
}

func ExampleIndicator_ChangeSentence() {
	for _, in := range []report.Indicator{
		{Name: "Tỷ lệ hồ sơ tiếp nhận trực tuyến", Kind: report.Percent, Unit: "%", Value: "45", LastYear: "39,5"},
		{Name: "Số người dân được hướng dẫn kỹ năng số", Kind: report.Count, Unit: "người", Value: "1.400", LastYear: "1250"},
		{Name: "Tỷ lệ văn bản được ký số", Kind: report.Percent, Unit: "%", Value: "trên 95", LastYear: "90"},
	} {
		fmt.Printf("%q\n", in.ChangeSentence())
	}
	// Output:
	// "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 45%, tăng 5,5 điểm phần trăm so với cùng kỳ năm trước."
	// "Số người dân được hướng dẫn kỹ năng số đạt 1.400 người, tăng 12% so với cùng kỳ năm trước."
	// ""
}
