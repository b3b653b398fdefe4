package report

// Sample returns the built-in example: the Q1 2026 report of the People's
// Committee of Dương Hưu commune, as the commune wrote it. Its opening and
// closing sentences are derived, which also mends the example's
// "Dương Hữu" slip in the closing line. Each call returns a new value.
func Sample() *Report {
	r := New(Period{Kind: Quarter, Quarter: 1, Year: 2026})
	r.Header = Header{
		Agency:    []string{"ỦY BAN NHÂN DÂN", "XÃ DƯƠNG HƯU"},
		ShortName: "UBND xã Dương Hưu",
		Place:     "Dương Hưu",
		Symbol:    "BC-UBND",
		Date:      Date{Month: 3, Year: 2026},
	}
	r.Request = Request{
		Kind:    "Công văn",
		Number:  "954/SKH-CN-CDS",
		Date:    Date{Day: 13, Month: 3, Year: 2026},
		Issuer:  "Sở Khoa học và Công nghệ tỉnh Bắc Ninh",
		Subject: "về việc đôn đốc báo cáo định kỳ việc triển khai nhiệm vụ Nghị quyết số 57-NQ/TW Quý I/2026",
	}
	set := func(key, text string) {
		for si := range r.Sections {
			for ii := range r.Sections[si].Items {
				if r.Sections[si].Items[ii].Key == key {
					r.Sections[si].Items[ii].Text = text
				}
			}
		}
	}
	set("I.1", "Trong quý I năm 2026 UBND xã Dương Hưu đã tập trung lãnh đạo, chỉ đạo triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.\n"+
		"Công tác quán triệt, tuyên truyền được thực hiện thông qua hội nghị cán bộ, công chức và các hình thức tuyên truyền trên hệ thống truyền thanh cơ sở và trên trang thông tin điện tử của xã.")
	set("I.2", "UBND xã đã ban hành các văn bản chỉ đạo triển khai nhiệm vụ chuyển đổi số, ứng dụng công nghệ thông tin trong quản lý nhà nước, cải cách hành chính và cung cấp dịch vụ công trực tuyến; phân công nhiệm vụ cụ thể cho từng phòng, ban, các cán bộ chuyên môn theo mô hình chính quyền địa phương 02 cấp để triển khai thực hiện.")
	set("II.1", "Xã đã đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động quản lý, điều hành;\n"+
		"100% cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành.\n"+
		"100% văn bản trao đổi giữa các bộ phận được thực hiện trên môi trường điện tử. Hệ thống quản lý văn bản và điều hành được khai thác hiệu quả, góp phần nâng cao năng suất làm việc, tỷ lệ văn bản điện tử ký số đạt trên 95%. Tăng cường sử dụng thư điện tử công vụ, nền tảng số trong chỉ đạo điều hành.\n"+
		"Việc cung cấp dịch vụ công trực tuyến mức độ toàn trình được duy trì ổn định; tỷ lệ hồ sơ tiếp nhận trực tuyến tăng so với cùng kỳ năm trước. Trung tâm phục vụ hành chính công \u201cBộ phận Một cửa\u201d thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định.\n"+
		"Đẩy mạnh tuyên truyền sử dụng dịch vụ công trực tuyến mức độ 3, 4. Công tác tuyên truyền, phổ cập kỹ năng số, hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử và thanh toán không dùng tiền mặt cho người dân được triển khai thông qua các Tổ công nghệ số cộng đồng; hướng dẫn người dân sử dụng dịch vụ công trực tuyến và các nền tảng số thiết yếu.")
	set("II.2", "Thực hiện nhiệm vụ theo Quy chế làm việc và Chương trình công tác năm 2026 của Ban Chỉ đạo tỉnh, UBND xã đã chủ động rà soát các chỉ tiêu chuyển đổi số, cập nhật dữ liệu phục vụ công tác chỉ đạo điều hành; phối hợp với các cơ quan chuyên môn cấp trên trong triển khai các nền tảng số dùng chung.")
	set("II.3", "UBND xã đã triển khai thực hiện các kế hoạch, thông báo kết luận và văn bản chỉ đạo của Trung ương và tỉnh về chuyển đổi số, phát triển khoa học công nghệ và phong trào \u201cBình dân học vụ số\u201d. Hoạt động tuyên truyền được tăng cường trên hệ thống truyền thanh, các Tổ công nghệ số cộng đồng thôn và các nhóm zalo...\n"+
		"Tổ chức các buổi hướng dẫn kỹ năng số cơ bản cho người dân; hỗ trợ cài đặt ứng dụng thiết yếu; tuyên truyền an toàn thông tin mạng. Nhận thức và kỹ năng số của người dân từng bước được nâng cao.")
	r.Section("III").Text = "Việc triển khai Nghị quyết số 57-NQ/TW trong quý I năm 2026 đạt được nhiều kết quả tích cực; nhận thức của cán bộ, công chức và người dân về chuyển đổi số được nâng lên; ứng dụng công nghệ thông tin ngày càng đi vào nền nếp."
	r.Section("IV").Text = "- Hạ tầng công nghệ thông tin tại địa phương còn hạn chế, nguồn nhân lực làm công tác chuyển đổi số cấp xã còn thiếu;\n" +
		"- Kỹ năng số của một bộ phận người dân chưa đồng đều.\n" +
		"- Nguồn lực đầu tư cho chuyển đổi số còn khó khăn.\n" +
		"Nguyên nhân chủ yếu do điều kiện kinh tế - xã hội địa phương còn hạn chế, bước đầu thực hiện việc chuyển đổi số nên nguồn nhân lực công nghệ thông tin chuyên sâu còn thiếu."
	r.Section("V").Text = "- Tiếp tục quán triệt và triển khai hiệu quả Nghị quyết số 57-NQ/TW.\n" +
		"- Nâng cao tỷ lệ hồ sơ dịch vụ công trực tuyến.\n" +
		"- Đẩy mạnh hoạt động của Tổ công nghệ số cộng đồng, rà soát các thôn tỷ lệ người dân còn hạn chế về kỹ năng số, hỗ trợ kinh phí cho Tổ công nghệ số cộng đồng tăng cường tuyên truyền phong trào \u201cBình dân học vụ số\u201d, tích cực tham gia tuyên truyền, hướng dẫn người dân tiếp cận và biết các kỹ năng số cơ bản."
	r.Section("VI").Text = "Đề nghị cấp trên hỗ trợ nâng cấp hạ tầng công nghệ thông tin; tổ chức tập huấn chuyên sâu; hỗ trợ kinh phí triển khai các mô hình chuyển đổi số tại địa phương."

	// The values the example quotes in II.1.
	r.Indicators[0].Value = "100"
	r.Indicators[1].Value = "100"
	r.Indicators[2].Value = "trên 95"

	r.Recipients = []string{"Sở KH-CN tỉnh (b/c)", "TTĐU-UBND xã", "Chủ tịch; các PCT UBND xã"}
	r.Archive = "VT, VH-XH"
	r.Signer = Signer{Authority: "KT. CHỦ TỊCH", Title: "PHÓ CHỦ TỊCH", Name: "Khúc Văn Sinh"}
	return r
}
