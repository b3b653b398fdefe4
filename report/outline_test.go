package report

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// kindNames label the outline's blocks in the tests' listings.
var kindNames = map[BlockKind]string{Paragraph: "đoạn", Dash: "gạch", SectionHeading: "phần", ItemHeading: "mục"}

// listing writes the outline's body as "kind part: text" lines.
func listing(ps []Para) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s %s: %s", kindNames[p.Kind], p.Part, p.Text))
	}
	return out
}

// blanks shows a line's blanks by name.
func blanks(l Line) string {
	return l.Format(func(b Blank) string {
		return [...]string{"", "[số]", "[ngày]", "[tháng]", "[năm]"}[b]
	})
}

func TestOutlineOfTheExample(t *testing.T) {
	r := Sample()
	o := r.Outline()

	h := o.Header
	if h.Parent != "" || !reflect.DeepEqual(h.Agency, []string{"ỦY BAN NHÂN DÂN", "XÃ DƯƠNG HƯU"}) {
		t.Errorf("agency: %q %q", h.Parent, h.Agency)
	}
	if got := blanks(h.Number); got != "Số: [số]/BC-UBND" {
		t.Errorf("number line %q", got)
	}
	if got := blanks(h.PlaceDate); got != "Dương Hưu, ngày [ngày] tháng 3 năm 2026" {
		t.Errorf("date line %q", got)
	}
	if h.Nation != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" || h.Motto != "Độc lập - Tự do - Hạnh phúc" || o.Kind != "BÁO CÁO" {
		t.Errorf("fixed wording: %q %q %q", h.Nation, h.Motto, o.Kind)
	}
	if o.Title != "Kết quả thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quý I năm 2026 theo Nghị quyết số 57-NQ/TW của Bộ Chính trị" {
		t.Errorf("title %q", o.Title)
	}
	if len(o.Addressees.Names) != 0 {
		t.Errorf("addressees %q", o.Addressees.Names)
	}

	want := []string{
		"đoạn request: Thực hiện Công văn số 954/SKH-CN-CDS ngày 13/3/2026 của Sở Khoa học và Công nghệ tỉnh Bắc Ninh về việc đôn đốc báo cáo định kỳ việc triển khai nhiệm vụ Nghị quyết số 57-NQ/TW Quý I/2026, UBND xã Dương Hưu báo cáo kết quả triển khai thực hiện nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn xã Dương Hưu quý I năm 2026 như sau:",
		"phần I: I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, BAN HÀNH VĂN BẢN",
		"mục I.1: 1. Công tác lãnh đạo, chỉ đạo",
		"đoạn I.1: Trong quý I năm 2026 UBND xã Dương Hưu đã tập trung lãnh đạo, chỉ đạo triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
		"đoạn I.1: Công tác quán triệt, tuyên truyền được thực hiện thông qua hội nghị cán bộ, công chức và các hình thức tuyên truyền trên hệ thống truyền thanh cơ sở và trên trang thông tin điện tử của xã.",
		"đoạn I.2: 2. UBND xã đã ban hành các văn bản chỉ đạo triển khai nhiệm vụ chuyển đổi số, ứng dụng công nghệ thông tin trong quản lý nhà nước, cải cách hành chính và cung cấp dịch vụ công trực tuyến; phân công nhiệm vụ cụ thể cho từng phòng, ban, các cán bộ chuyên môn theo mô hình chính quyền địa phương 02 cấp để triển khai thực hiện.",
		"phần II: II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
		"mục II.1: 1. Phát triển chính quyền số",
		"đoạn II.1: Xã đã đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động quản lý, điều hành;",
		"đoạn II.1: 100% cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành.",
		"đoạn II.1: 100% văn bản trao đổi giữa các bộ phận được thực hiện trên môi trường điện tử. Hệ thống quản lý văn bản và điều hành được khai thác hiệu quả, góp phần nâng cao năng suất làm việc, tỷ lệ văn bản điện tử ký số đạt trên 95%. Tăng cường sử dụng thư điện tử công vụ, nền tảng số trong chỉ đạo điều hành.",
		"đoạn II.1: Việc cung cấp dịch vụ công trực tuyến mức độ toàn trình được duy trì ổn định; tỷ lệ hồ sơ tiếp nhận trực tuyến tăng so với cùng kỳ năm trước. Trung tâm phục vụ hành chính công “Bộ phận Một cửa” thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định.",
		"đoạn II.1: Đẩy mạnh tuyên truyền sử dụng dịch vụ công trực tuyến mức độ 3, 4. Công tác tuyên truyền, phổ cập kỹ năng số, hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử và thanh toán không dùng tiền mặt cho người dân được triển khai thông qua các Tổ công nghệ số cộng đồng; hướng dẫn người dân sử dụng dịch vụ công trực tuyến và các nền tảng số thiết yếu.",
		"đoạn II.1: Kết quả các chỉ tiêu cụ thể (chi tiết tại Phụ lục kèm theo).",
		"mục II.2: 2. Kết quả thực hiện nhiệm vụ được phân công",
		"đoạn II.2: Thực hiện nhiệm vụ theo Quy chế làm việc và Chương trình công tác năm 2026 của Ban Chỉ đạo tỉnh, UBND xã đã chủ động rà soát các chỉ tiêu chuyển đổi số, cập nhật dữ liệu phục vụ công tác chỉ đạo điều hành; phối hợp với các cơ quan chuyên môn cấp trên trong triển khai các nền tảng số dùng chung.",
		"mục II.3: 3. Kết quả thực hiện nhiệm vụ theo chỉ đạo của Trung ương và tỉnh",
		"đoạn II.3: UBND xã đã triển khai thực hiện các kế hoạch, thông báo kết luận và văn bản chỉ đạo của Trung ương và tỉnh về chuyển đổi số, phát triển khoa học công nghệ và phong trào “Bình dân học vụ số”. Hoạt động tuyên truyền được tăng cường trên hệ thống truyền thanh, các Tổ công nghệ số cộng đồng thôn và các nhóm zalo...",
		"đoạn II.3: Tổ chức các buổi hướng dẫn kỹ năng số cơ bản cho người dân; hỗ trợ cài đặt ứng dụng thiết yếu; tuyên truyền an toàn thông tin mạng. Nhận thức và kỹ năng số của người dân từng bước được nâng cao.",
		"phần III: III. ĐÁNH GIÁ CHUNG",
		"đoạn III: Việc triển khai Nghị quyết số 57-NQ/TW trong quý I năm 2026 đạt được nhiều kết quả tích cực; nhận thức của cán bộ, công chức và người dân về chuyển đổi số được nâng lên; ứng dụng công nghệ thông tin ngày càng đi vào nền nếp.",
		"phần IV: IV. HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN",
		"gạch IV: - Hạ tầng công nghệ thông tin tại địa phương còn hạn chế, nguồn nhân lực làm công tác chuyển đổi số cấp xã còn thiếu;",
		"gạch IV: - Kỹ năng số của một bộ phận người dân chưa đồng đều.",
		"gạch IV: - Nguồn lực đầu tư cho chuyển đổi số còn khó khăn.",
		"đoạn IV: Nguyên nhân chủ yếu do điều kiện kinh tế - xã hội địa phương còn hạn chế, bước đầu thực hiện việc chuyển đổi số nên nguồn nhân lực công nghệ thông tin chuyên sâu còn thiếu.",
		"phần V: V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU QUÝ II NĂM 2026",
		"gạch V: - Tiếp tục quán triệt và triển khai hiệu quả Nghị quyết số 57-NQ/TW.",
		"gạch V: - Nâng cao tỷ lệ hồ sơ dịch vụ công trực tuyến.",
		"gạch V: - Đẩy mạnh hoạt động của Tổ công nghệ số cộng đồng, rà soát các thôn tỷ lệ người dân còn hạn chế về kỹ năng số, hỗ trợ kinh phí cho Tổ công nghệ số cộng đồng tăng cường tuyên truyền phong trào “Bình dân học vụ số”, tích cực tham gia tuyên truyền, hướng dẫn người dân tiếp cận và biết các kỹ năng số cơ bản.",
		"phần VI: VI. KIẾN NGHỊ, ĐỀ XUẤT",
		"đoạn VI: Đề nghị cấp trên hỗ trợ nâng cấp hạ tầng công nghệ thông tin; tổ chức tập huấn chuyên sâu; hỗ trợ kinh phí triển khai các mô hình chuyển đổi số tại địa phương.",
	}
	if got := listing(o.Body); !reflect.DeepEqual(got, want) {
		t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := listing(o.Closing); len(got) != 1 || !strings.HasSuffix(got[0], "của UBND xã Dương Hưu./.") || !strings.HasPrefix(got[0], "đoạn signer: Trên đây là báo cáo") {
		t.Errorf("closing %q", got)
	}
	if want := []string{"- Sở KH-CN tỉnh (b/c);", "- TTĐU-UBND xã;", "- Chủ tịch; các PCT UBND xã;", "- Lưu: VT, VH-XH."}; o.Recipients.Label != "Nơi nhận:" || !reflect.DeepEqual(o.Recipients.Lines, want) {
		t.Errorf("recipients %q %q", o.Recipients.Label, o.Recipients.Lines)
	}
	if want := (Signature{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Khúc Văn Sinh"}); o.Signature != want {
		t.Errorf("signature %+v", o.Signature)
	}

	a := o.Appendix
	if a == nil {
		t.Fatal("no appendix")
	}
	if a.Label != "Phụ lục" || a.Title != "MỘT SỐ CHỈ TIÊU VỀ KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUÝ I NĂM 2026" {
		t.Errorf("appendix %q %q", a.Label, a.Title)
	}
	if got := blanks(a.Reference); got != "(Kèm theo Báo cáo số [số]/BC-UBND ngày [ngày] tháng 3 năm 2026 của UBND xã Dương Hưu)" {
		t.Errorf("reference %q", got)
	}
	if want := []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Quý I/2026", "Cùng kỳ năm trước", "Ghi chú"}; !reflect.DeepEqual(a.Columns, want) {
		t.Errorf("columns %q", a.Columns)
	}
	wantRows := [][]string{
		{"1", "Tỷ lệ cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành", "%", "100", "", ""},
		{"2", "Tỷ lệ văn bản trao đổi dưới dạng điện tử", "%", "100", "", ""},
		{"3", "Tỷ lệ văn bản điện tử được ký số", "%", "trên 95", "", ""},
	}
	if !reflect.DeepEqual(a.Rows, wantRows) {
		t.Errorf("rows %q", a.Rows)
	}
}

// TestOutlineOfHostileDrafts: drafts an official can really make.
func TestOutlineOfHostileDrafts(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(r *Report)
		check func(t *testing.T, o *Outline)
	}{
		{"every section empty", func(r *Report) {
			for i := range r.Sections {
				r.Sections[i].Text = ""
				for j := range r.Sections[i].Items {
					r.Sections[i].Items[j].Text = ""
				}
			}
		}, func(t *testing.T, o *Outline) {
			want := []string{
				"phần I: I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, BAN HÀNH VĂN BẢN",
				"mục I.1: 1. Công tác lãnh đạo, chỉ đạo", // I.2 has neither title nor text: left out
				"phần II: II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
				"mục II.1: 1. Phát triển chính quyền số",
				"đoạn II.1: Kết quả các chỉ tiêu cụ thể (chi tiết tại Phụ lục kèm theo).",
				"mục II.2: 2. Kết quả thực hiện nhiệm vụ được phân công",
				"mục II.3: 3. Kết quả thực hiện nhiệm vụ theo chỉ đạo của Trung ương và tỉnh",
				"phần III: III. ĐÁNH GIÁ CHUNG",
				"phần IV: IV. HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN",
				"phần V: V. PHƯƠNG HƯỚNG, NHIỆM VỤ CHỦ YẾU QUÝ II NĂM 2026",
				"phần VI: VI. KIẾN NGHỊ, ĐỀ XUẤT",
			}
			if got := listing(o.Body)[1:]; !reflect.DeepEqual(got, want) {
				t.Errorf("body:\n%s", strings.Join(got, "\n"))
			}
		}},
		{"empty untitled item between others", func(r *Report) {
			s := r.Section("I")
			s.Items[1].Text = "  "
			s.Items = append(s.Items, Item{Text: "Mục thêm.\n- ý một"}, Item{Title: "Mục có tiêu đề"})
		}, func(t *testing.T, o *Outline) {
			got := listing(o.Body)
			want := []string{"đoạn I.3: 2. Mục thêm.", "gạch I.3: - ý một", "mục I.4: 3. Mục có tiêu đề", "phần II: II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"}
			if !reflect.DeepEqual(got[5:9], want) {
				t.Errorf("numbering after a left-out item:\n%s", strings.Join(got[1:9], "\n"))
			}
		}},
		{"no request", func(r *Report) { r.Request = Request{} }, func(t *testing.T, o *Outline) {
			if got := o.Body[0].Text; !strings.HasPrefix(got, "UBND xã Dương Hưu báo cáo kết quả") || o.Body[0].Part != PartRequest {
				t.Errorf("opening %q", got)
			}
		}},
		{"no indicators", func(r *Report) { r.Indicators = New(Period{Kind: Quarter, Quarter: 1, Year: 2026}).Indicators }, func(t *testing.T, o *Outline) {
			if o.Appendix != nil {
				t.Error("an appendix without indicators")
			}
			for _, p := range o.Body {
				if strings.Contains(p.Text, "Phụ lục") {
					t.Errorf("body mentions the appendix: %q", p.Text)
				}
			}
		}},
		{"200 recipients", func(r *Report) {
			r.Recipients = nil
			for i := range 200 {
				r.Recipients = append(r.Recipients, fmt.Sprintf("- Thôn %d;", i+1))
			}
			r.Archive = "Lưu: VT."
		}, func(t *testing.T, o *Outline) {
			l := o.Recipients.Lines
			if len(l) != 201 || l[0] != "- Thôn 1;" || l[199] != "- Thôn 200;" || l[200] != "- Lưu: VT." {
				t.Errorf("%d lines: %q … %q", len(l), l[0], l[len(l)-2:])
			}
		}},
		{"blank everything in the date, a number", func(r *Report) {
			r.Header.Number = "7"
			r.Header.Date = Date{}
			r.Header.ParentAgency = "ubnd tỉnh Bắc Ninh"
		}, func(t *testing.T, o *Outline) {
			if got := blanks(o.Header.PlaceDate); got != "Dương Hưu, ngày [ngày] tháng [tháng] năm [năm]" {
				t.Errorf("date %q", got)
			}
			if got := blanks(o.Appendix.Reference); !strings.HasPrefix(got, "(Kèm theo Báo cáo số 07/BC-UBND ngày [ngày] tháng [tháng] năm [năm] của") {
				t.Errorf("reference %q", got)
			}
			if o.Header.Parent != "UBND TỈNH BẮC NINH" {
				t.Errorf("parent %q", o.Header.Parent)
			}
		}},
		{"addressees", func(r *Report) {
			r.Addressees = []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh;", " ", "- Ban Chỉ đạo tỉnh."}
		}, func(t *testing.T, o *Outline) {
			a := o.Addressees
			if want := []string{"- Sở Khoa học và Công nghệ tỉnh Bắc Ninh;", "- Ban Chỉ đạo tỉnh."}; a.Label != "Kính gửi:" || !a.List() || !reflect.DeepEqual(a.Names, want) {
				t.Errorf("%q %v %q", a.Label, a.List(), a.Names)
			}
		}},
		{"one addressee", func(r *Report) { r.Addressees = []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh"} }, func(t *testing.T, o *Outline) {
			if a := o.Addressees; a.List() || !reflect.DeepEqual(a.Names, []string{"Sở Khoa học và Công nghệ tỉnh Bắc Ninh"}) {
				t.Errorf("%q", a.Names)
			}
		}},
		{"values with units", func(r *Report) {
			r.Indicators[0].Value = "95%"
			r.Indicators[0].LastYear = "87,5 %"
			r.Indicators[6].Value = "1200"
			r.Indicators[7].Unit = "%"
			r.Indicators[7].Value = "12.5"
		}, func(t *testing.T, o *Outline) {
			rows := o.Appendix.Rows
			if got := rows[0][3:5]; !reflect.DeepEqual(got, []string{"95", "87,5"}) {
				t.Errorf("%% printed twice: %q", got)
			}
			if got := rows[3][3]; got != "1.200" {
				t.Errorf("count %q", got)
			}
			if got := rows[4][3]; got != "12,5" {
				t.Errorf("decimal %q", got)
			}
		}},
		{"no authority", func(r *Report) { r.Signer = Signer{Title: "chủ tịch", Name: "Nguyễn Văn A"} }, func(t *testing.T, o *Outline) {
			if want := (Signature{"", "CHỦ TỊCH", "Nguyễn Văn A"}); o.Signature != want {
				t.Errorf("%+v", o.Signature)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Sample()
			tt.edit(r)
			tt.check(t, r.Outline())
		})
	}
}

// TestCheckWarnsOnlyAboutItemsLeftOut: the warning that an item will not
// be printed names exactly the items the outline leaves out.
func TestCheckWarnsOnlyAboutItemsLeftOut(t *testing.T) {
	r := Sample()
	r.Sections[0].Items[1].Text = ""  // untitled: left out
	r.Sections[1].Items[1].Text = ""  // titled: printed as a heading
	r.Sections[1].Items[2].Title = "" // untitled with text: printed
	var left []string
	for _, p := range Check(r, 2026) {
		if strings.Contains(p.Message, "sẽ không được in") {
			left = append(left, p.Part)
		}
	}
	if !reflect.DeepEqual(left, []string{"I.2"}) {
		t.Errorf("warned about %q, want only I.2", left)
	}
}

// TestKeepSymbolsWholeMarksNumbersAndSymbolsOnly: the hyphens of a
// document's number or symbol become no-break hyphens, wherever the
// symbol stands in the sentence; ordinary hyphenated words and the spaced
// dash of running text keep their hyphen.
func TestKeepSymbolsWholeMarksNumbersAndSymbolsOnly(t *testing.T) {
	const nb = string(NoBreakHyphen)
	for in, want := range map[string]string{
		"Nghị quyết số 57-NQ/TW của Bộ Chính trị": "Nghị quyết số 57" + nb + "NQ/TW của Bộ Chính trị",
		"Kế hoạch số 45/KH-UBND ngày 3/3/2026":    "Kế hoạch số 45/KH" + nb + "UBND ngày 3/3/2026",
		"Công văn số 954/SKH-CN-CDS.":             "Công văn số 954/SKH" + nb + "CN" + nb + "CDS.",
		"Số: /BC-UBND":                            "Số: /BC" + nb + "UBND",
		"- Sở KH-CN tỉnh (b/c);":                  "- Sở KH" + nb + "CN tỉnh (b/c);",
		"(theo Nghị định 30/2020/NĐ-CP)":          "(theo Nghị định 30/2020/NĐ" + nb + "CP)",
		"giai đoạn 2021-2025":                     "giai đoạn 2021" + nb + "2025",
		"phát triển kinh tế - xã hội":             "phát triển kinh tế - xã hội",
		"gửi e-mail cho cán bộ":                   "gửi e-mail cho cán bộ",
		"Hà Nội-Hải Phòng":                        "Hà Nội-Hải Phòng",
		"số 45/KH- của":                           "số 45/KH- của",
		"-NQ/TW và 57-":                           "-NQ/TW và 57-",
		"":                                        "",
	} {
		if got := KeepSymbolsWhole(in); got != want {
			t.Errorf("KeepSymbolsWhole(%q) = %q, want %q", in, got, want)
		}
	}
}
