package report

import "fmt"

// TemplateSection describes one of the parts I–VI of the NQ57 report.
type TemplateSection struct {
	// ID is the Roman number: "I".
	ID string
	// Title is the heading without its number, in sentence case; the
	// document prints it upper case.
	Title string
	// NextPeriodHeading marks section V, whose heading ends with the next
	// period ("… QUÝ II NĂM 2026").
	NextPeriodHeading bool
	// HasText marks sections written as text of their own (III–VI); the
	// others are written in their items.
	HasText bool
	// Prompt says, in one line, what to write in the section's text.
	Prompt string
	// Suggested is wording the official can start from. It names the
	// unit and the period only through placeholders ({đơn vị}, {cấp}, {kỳ}…,
	// see [Report.Fill]), never in words.
	Suggested string
	// Items are the section's numbered items.
	Items []TemplateItem
}

// TemplateItem describes a numbered item of a section.
type TemplateItem struct {
	// Key is "I.1", "II.3"…
	Key string
	// Title is the bold title; empty for an item written without one.
	Title string
	// Label names an untitled item in the wizard's list of parts.
	Label string
	// Prompt says, in one line, what to write.
	Prompt string
	// Suggested is wording the official can start from, with placeholders
	// as in [TemplateSection.Suggested].
	Suggested string
	// Indicators marks the item the table of indicators belongs to (II.1).
	Indicators bool
}

// Template is the NQ57 quarterly report: its sections in order.
var Template = []TemplateSection{
	{
		ID:    "I",
		Title: "Công tác lãnh đạo, chỉ đạo, ban hành văn bản",
		Items: []TemplateItem{
			{
				Key:    "I.1",
				Title:  "Công tác lãnh đạo, chỉ đạo",
				Prompt: "Nêu việc lãnh đạo, chỉ đạo, quán triệt và tuyên truyền Nghị quyết 57 trong kỳ.",
				Suggested: "Trong kỳ, {đơn vị} đã tập trung lãnh đạo, chỉ đạo triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.\n" +
					"Công tác quán triệt, tuyên truyền được thực hiện thông qua hội nghị cán bộ, công chức và các hình thức tuyên truyền trên hệ thống truyền thanh cơ sở và trên trang thông tin điện tử của {cấp}.",
			},
			{
				Key:       "I.2",
				Label:     "Văn bản đã ban hành",
				Prompt:    "Kể các văn bản đã ban hành (kế hoạch, quyết định, công văn) và việc phân công thực hiện. Mục này không có tiêu đề.",
				Suggested: "{Đơn vị} đã ban hành các văn bản chỉ đạo triển khai nhiệm vụ chuyển đổi số, ứng dụng công nghệ thông tin trong quản lý nhà nước, cải cách hành chính và cung cấp dịch vụ công trực tuyến; phân công nhiệm vụ cụ thể cho từng bộ phận, cán bộ chuyên môn để triển khai thực hiện.",
			},
		},
	},
	{
		ID:    "II",
		Title: "Kết quả thực hiện nhiệm vụ",
		Items: []TemplateItem{
			{
				Key:        "II.1",
				Title:      "Phát triển chính quyền số",
				Prompt:     "Nêu kết quả ứng dụng CNTT, quản lý văn bản, ký số, dịch vụ công trực tuyến, số hóa hồ sơ; số liệu nhập ở phần Chỉ tiêu.",
				Indicators: true,
				Suggested: "{Cấp} đã đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động quản lý, điều hành.\n" +
					"100% cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành; văn bản trao đổi giữa các bộ phận được thực hiện trên môi trường điện tử.\n" +
					"Việc cung cấp dịch vụ công trực tuyến toàn trình được duy trì ổn định; hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa theo quy định.",
			},
			{
				Key:       "II.2",
				Title:     "Kết quả thực hiện nhiệm vụ được phân công",
				Prompt:    "Nêu kết quả các nhiệm vụ cấp trên giao riêng cho đơn vị trong kỳ.",
				Suggested: "Thực hiện nhiệm vụ được giao, {đơn vị} đã chủ động rà soát các chỉ tiêu chuyển đổi số, cập nhật dữ liệu phục vụ công tác chỉ đạo điều hành; phối hợp với các cơ quan chuyên môn cấp trên trong triển khai các nền tảng số dùng chung.",
			},
			{
				Key:    "II.3",
				Title:  "Kết quả thực hiện nhiệm vụ theo chỉ đạo của Trung ương và tỉnh",
				Prompt: "Nêu việc thực hiện các kế hoạch, văn bản chỉ đạo của Trung ương và tỉnh, phong trào \u201cBình dân học vụ số\u201d.",
				Suggested: "{Đơn vị} đã triển khai thực hiện các kế hoạch, văn bản chỉ đạo của Trung ương và tỉnh về chuyển đổi số, phát triển khoa học công nghệ và phong trào \u201cBình dân học vụ số\u201d.\n" +
					"Tổ chức các buổi hướng dẫn kỹ năng số cơ bản cho người dân; hỗ trợ cài đặt ứng dụng thiết yếu; tuyên truyền an toàn thông tin mạng.",
			},
		},
	},
	{
		ID:        "III",
		Title:     "Đánh giá chung",
		HasText:   true,
		Prompt:    "Đánh giá ngắn gọn kết quả chung của kỳ báo cáo.",
		Suggested: "Việc triển khai Nghị quyết số 57-NQ/TW trong kỳ đạt được nhiều kết quả tích cực; nhận thức của cán bộ, công chức và người dân về chuyển đổi số được nâng lên; ứng dụng công nghệ thông tin ngày càng đi vào nền nếp.",
	},
	{
		ID:      "IV",
		Title:   "Hạn chế, khó khăn, vướng mắc và nguyên nhân",
		HasText: true,
		Prompt:  "Liệt kê các hạn chế, mỗi dòng bắt đầu bằng \u201c- \u201d, rồi một đoạn nêu nguyên nhân.",
		Suggested: "- Hạ tầng công nghệ thông tin tại địa phương còn hạn chế, nguồn nhân lực làm công tác chuyển đổi số còn thiếu;\n" +
			"- Kỹ năng số của một bộ phận người dân chưa đồng đều.\n" +
			"Nguyên nhân chủ yếu do điều kiện kinh tế - xã hội địa phương còn khó khăn, nguồn nhân lực công nghệ thông tin chuyên sâu còn thiếu.",
	},
	{
		ID:                "V",
		Title:             "Phương hướng, nhiệm vụ chủ yếu",
		NextPeriodHeading: true,
		HasText:           true,
		Prompt:            "Liệt kê nhiệm vụ của kỳ tới, mỗi dòng bắt đầu bằng \u201c- \u201d.",
		Suggested: "- Tiếp tục quán triệt và triển khai hiệu quả Nghị quyết số 57-NQ/TW.\n" +
			"- Nâng cao tỷ lệ hồ sơ dịch vụ công trực tuyến.\n" +
			"- Đẩy mạnh hoạt động của Tổ công nghệ số cộng đồng, hướng dẫn người dân tiếp cận các kỹ năng số cơ bản.",
	},
	{
		ID:        "VI",
		Title:     "Kiến nghị, đề xuất",
		HasText:   true,
		Prompt:    "Nêu các kiến nghị, đề xuất với cấp trên (có thể viết thành đoạn hoặc gạch đầu dòng).",
		Suggested: "Đề nghị cấp trên quan tâm hỗ trợ kinh phí, trang thiết bị để nâng cấp hạ tầng công nghệ thông tin; tổ chức các lớp tập huấn chuyên sâu về chuyển đổi số cho cán bộ, công chức cấp {cấp}.",
	},
}

// TemplateSectionByID returns the template section with the given Roman
// number, or nil.
func TemplateSectionByID(id string) *TemplateSection {
	for i := range Template {
		if Template[i].ID == id {
			return &Template[i]
		}
	}
	return nil
}

// TemplateItemByKey returns the template item with the given key ("II.1"),
// or nil.
func TemplateItemByKey(key string) *TemplateItem {
	for i := range Template {
		for j := range Template[i].Items {
			if Template[i].Items[j].Key == key {
				return &Template[i].Items[j]
			}
		}
	}
	return nil
}

// DefaultIndicators are the indicators communes commonly report, offered in
// every new report. Their values are empty.
func DefaultIndicators() []Indicator {
	return []Indicator{
		{Name: "Tỷ lệ cán bộ, công chức sử dụng hệ thống quản lý văn bản và điều hành", Kind: Percent, Unit: "%"},
		{Name: "Tỷ lệ văn bản trao đổi dưới dạng điện tử", Kind: Percent, Unit: "%"},
		{Name: "Tỷ lệ văn bản điện tử được ký số", Kind: Percent, Unit: "%"},
		{Name: "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến", Kind: Percent, Unit: "%"},
		{Name: "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", Kind: Percent, Unit: "%"},
		{Name: "Tỷ lệ giao dịch thanh toán phí, lệ phí trực tuyến", Kind: Percent, Unit: "%"},
		{Name: "Số Tổ công nghệ số cộng đồng", Kind: Count, Unit: "tổ"},
		{Name: "Số thành viên Tổ công nghệ số cộng đồng", Kind: Count, Unit: "người"},
		{Name: "Số người dân được hướng dẫn kỹ năng số cơ bản", Kind: Count, Unit: "người"},
	}
}

// New returns an empty report for the given period: the template's sections
// with their items (titles but no text), the default indicators, and the
// usual signature authority.
func New(p Period) *Report {
	r := &Report{
		Version:    FormatVersion,
		Period:     p,
		Header:     Header{Symbol: "BC-UBND", Agency: []string{"ỦY BAN NHÂN DÂN"}},
		Indicators: DefaultIndicators(),
		Archive:    "VT",
		Signer:     Signer{Authority: "TM. ỦY BAN NHÂN DÂN", Title: "CHỦ TỊCH"},
	}
	for _, ts := range Template {
		s := Section{ID: ts.ID}
		for _, ti := range ts.Items {
			s.Items = append(s.Items, Item{Key: ti.Key, Title: ti.Title})
		}
		r.Sections = append(r.Sections, s)
	}
	return r
}

// Part is one step of the wizard and one entry of the completeness count.
type Part struct {
	// ID is "general", "request", "I.1" … "VI", "indicators",
	// "recipients" or "signer".
	ID string
	// Title is the part's name in the sidebar.
	Title string
	// Section and Item locate a text part: the section's index in
	// Report.Sections, and the item's index or -1 for the section's own
	// text. Both are -1 for the other parts.
	Section, Item int
}

// The fixed parts around the sections.
const (
	PartGeneral    = "general"
	PartRequest    = "request"
	PartIndicators = "indicators"
	PartRecipients = "recipients"
	PartSigner     = "signer"
)

// Parts lists the report's parts in order: general information, the
// request, one per text part of the sections (a section's own text, then
// each of its items, including those the official added), the indicators,
// the recipients and the signer.
func (r *Report) Parts() []Part {
	parts := []Part{
		{ID: PartGeneral, Title: "Thông tin chung", Section: -1, Item: -1},
		{ID: PartRequest, Title: "Văn bản thực hiện", Section: -1, Item: -1},
	}
	for si, s := range r.Sections {
		ts := TemplateSectionByID(s.ID)
		if ts == nil || ts.HasText || len(s.Items) == 0 {
			parts = append(parts, Part{ID: s.ID, Title: s.ID + ". " + sectionShortTitle(s.ID), Section: si, Item: -1})
		}
		for ii, it := range s.Items {
			title := it.Title
			if title == "" {
				if t := TemplateItemByKey(it.Key); t != nil && t.Label != "" {
					title = t.Label
				} else {
					title = "Mục bổ sung"
				}
			}
			id := fmt.Sprintf("%s.%d", s.ID, ii+1)
			parts = append(parts, Part{ID: id, Title: id + ". " + title, Section: si, Item: ii})
		}
	}
	return append(parts,
		Part{ID: PartIndicators, Title: "Chỉ tiêu", Section: -1, Item: -1},
		Part{ID: PartRecipients, Title: "Nơi nhận", Section: -1, Item: -1},
		Part{ID: PartSigner, Title: "Người ký", Section: -1, Item: -1},
	)
}

func sectionShortTitle(id string) string {
	if t := TemplateSectionByID(id); t != nil {
		return t.Title
	}
	return "Phần bổ sung"
}
