package ui

import "strings"

// helpView lists every key in Vietnamese.
func (m *model) helpView() string {
	sections := []struct {
		title string
		rows  [][2]string
	}{
		{"Mọi nơi", [][2]string{
			{"Ctrl+C", "thoát (luôn lưu bản nháp trước, rồi hỏi lại)"},
			{"Ctrl+S", "lưu ngay (bản nháp cũng tự lưu sau mỗi thay đổi)"},
			{"F1", "bảng phím tắt này (cả ? khi không gõ chữ)"},
		}},
		{"Danh sách bản nháp", [][2]string{
			{"↑/↓, Enter", "chọn, mở bản nháp"},
			{"n", "tạo báo cáo mới;  v: mở báo cáo mẫu"},
			{"t", "tạo báo cáo kỳ tiếp theo từ bản nháp đang chọn"},
			{"x", "xuất PDF;  Del/d: chuyển vào thùng rác (có hỏi lại)"},
			{"Esc, q", "thoát"},
		}},
		{"Soạn báo cáo", [][2]string{
			{"Tab/Shift+Tab", "ô sau / ô trước (ô cuối: sang phần sau)"},
			{"Enter", "xuống dòng trong ô nhiều dòng; ô một dòng: sang ô sau"},
			{"PgDn/PgUp", "phần sau / phần trước (cả Ctrl+→ / Ctrl+←)"},
			{"Esc", "sang danh sách phần: ↑/↓ hoặc gõ số để nhảy, Enter để vào"},
			{"Ctrl+Y, F2", "chèn lời văn gợi ý vào ô đang trống"},
			{"Ctrl+O, F4", "mở ô nhiều dòng bằng trình soạn thảo ngoài"},
			{"Ctrl+N", "thêm mục vào phần (hoặc thêm dòng vào danh sách)"},
			{"Ctrl+X", "xóa mục do bạn thêm; trong danh sách: xóa dòng (cả Del)"},
			{"Alt+↑/↓", "chuyển mục, dòng lên / xuống"},
			{"Ctrl+R, F5", "xem lại toàn văn và các lỗi"},
		}},
		{"Tạo báo cáo mới", [][2]string{
			{"Tab/Enter", "ô sau; ở ô cuối: tạo bản nháp"},
			{"←/→", "chọn kỳ báo cáo"},
			{"Esc", "hủy, về danh sách bản nháp"},
		}},
		{"Xuất PDF", [][2]string{
			{"↑/↓, Enter", "chọn thư mục lưu tệp; Enter để xuất"},
			{"c/y, k/n", "trả lời câu hỏi (vẫn xuất khi còn lưu ý, ghi đè tệp đã có)"},
			{"Enter", "sau khi xuất: mở tệp PDF"},
			{"Esc", "quay lại"},
		}},
		{"Dấu ở danh sách phần", [][2]string{
			{"○ ◐ ●", "chưa nhập / đang nhập / đã xong"},
			{"! ?", "có lỗi cần sửa / có lưu ý"},
		}},
		{"Xem lại", [][2]string{
			{"↑/↓, PgUp/PgDn", "cuộn"},
			{"Tab, Enter", "chọn lỗi, đến chỗ cần sửa"},
			{"x", "xuất PDF;  Esc: về soạn thảo"},
		}},
	}
	show := map[string]bool{"Mọi nơi": true}
	switch m.screen {
	case screenDrafts:
		show["Danh sách bản nháp"] = true
	case screenNew:
		show["Tạo báo cáo mới"] = true
	case screenExport:
		show["Xuất PDF"] = true
	case screenWizard:
		show["Soạn báo cáo"] = true
		show["Dấu ở danh sách phần"] = true
	case screenReview:
		show["Xem lại"] = true
	}
	var b strings.Builder
	b.WriteString(m.st.Title.Render("Phím tắt") + "\n")
	keyW := 16
	for _, s := range sections {
		if !show[s.title] {
			continue
		}
		b.WriteString(m.st.Strong.Render(s.title) + "\n")
		for _, r := range s.rows {
			b.WriteString("  " + m.st.HelpKey.Render(padRight(r[0], keyW)) + " " + truncate(r[1], m.width-keyW-5) + "\n")
		}
	}
	return b.String()
}
